"""``vibing generate --element SELECTOR``: the element of the project's index.html that a prompt is about.

The terminal's counterpart of the preview's picker (issue 20 item 4): it finds the element with a real HTML parser
from the standard library (:mod:`html.parser`, building a small tree with each element's place in the source) and
describes it exactly as the picker does (a :class:`PickedElement` whose selector is the element's id when that is
unique, else a short nth-of-type path), so the model reads the same context from either.

Selectors (a subset of CSS, enough for what the picker writes and what people type):

- ``button``, ``*``, ``#buy``, ``.cta``, ``button.cta``, ``a#home.nav``, ``li:nth-of-type(2)``;
- paths of those with a space (descendant) or ``>`` (child): ``main .card > button:nth-of-type(2)``.

Anything else (attribute selectors, other pseudo-classes, ``+``, ``~``, ``,``) is refused in one line that says what
works; a selector that matches nothing says so too.  When several elements match, the first in the page is taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from vibing.bus import Bus
from vibing.errors import InvalidRequest, NotFound
from vibing.schema.storage import FindProject, ReadFile
from vibing.schema.stream import PickedElement

#: What ``--help`` and the errors say is supported.
SUPPORTED = (
    "tag, #id, .class, tag.class, tag:nth-of-type(N), joined by ' ' (descendant) or ' > ' (child), "
    "e.g. 'main > button:nth-of-type(2)'"
)
#: The caps of the picker (shell/ui/picker.js): an excerpt of the text, about 2 kB of the HTML.
TEXT_CAP = 200
HTML_CAP = 2000

_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen".split()
)  # no end tag, no children
#: A start tag of these closes an open element of the same name (``<li>a<li>b``), as browsers do.
_SELF_CLOSING_SIBLINGS = frozenset("p li option tr td th dt dd".split())
_NO_TEXT = frozenset(("script", "style", "template", "noscript"))
#: Elements that break a line (as innerText, which the picker reads, shows them).
_BREAKS = frozenset(
    "br p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 section article header footer main nav aside table tr td th "
    "form fieldset blockquote pre figure figcaption hr address details summary".split()
)
_IDENT = r"-?[A-Za-z_][\w-]*"
_ID_OK = re.compile(r"^[A-Za-z_][\w-]*$", re.ASCII)  # ASCII, as JavaScript reads it in the picker
_COMPOUND = re.compile(
    rf"(?P<tag>\*|[A-Za-z][A-Za-z0-9-]*)?(?P<rest>(?:#{_IDENT}|\.{_IDENT}|:nth-of-type\(\s*\d+\s*\))*)$"
)
_PART = re.compile(rf"#(?P<id>{_IDENT})|\.(?P<cls>{_IDENT})|:nth-of-type\(\s*(?P<nth>\d+)\s*\)")


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None
    start: int
    end: int = -1
    children: list[Node | str] = field(default_factory=list)

    @property
    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def nth_of_type(self) -> tuple[int, int]:
        """(this element's place among its siblings of its tag, from 1; how many there are)."""
        if self.parent is None:
            return 1, 1
        same = [s for s in self.parent.elements if s.tag == self.tag]
        return same.index(self) + 1, len(same)

    def text(self) -> str:
        parts: list[str] = []
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
            elif item.tag not in _NO_TEXT or item is self:
                gap = [" "] if item.tag in _BREAKS else []  # lines apart on the page, words apart here
                stack.extend([*gap, *reversed(item.children), *gap])
        return " ".join("".join(parts).split())


class _TreeBuilder(HTMLParser):
    """Elements with their source offsets (start of the start tag, end of the end tag) in a tree."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.root = Node("#document", {}, None, 0, len(source))
        self.stack = [self.root]
        self.all: list[Node] = []
        self._lines = [0]
        for m in re.finditer("\n", source):
            self._lines.append(m.end())

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if tag in _SELF_CLOSING_SIBLINGS and self.stack[-1].tag == tag:
            self.stack.pop().end = start
        node = Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1], start)
        self.stack[-1].children.append(node)
        self.all.append(node)
        if tag in _VOID:
            node.end = start + len(self.get_starttag_text() or "")
        else:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            node = self.stack.pop()
            node.end = node.start + len(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                close = self.source.find(">", self._offset())
                end = close + 1 if close >= 0 else len(self.source)
                for node in self.stack[i:]:
                    node.end = end
                del self.stack[i:]
                return  # an end tag with no open element is ignored, as browsers do

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def finish(self) -> list[Node]:
        self.close()
        for node in self.stack[1:]:
            node.end = len(self.source)
        return self.all


@dataclass
class _Compound:
    tag: str = ""
    id: str = ""
    classes: tuple[str, ...] = ()
    nth: int = 0

    def matches(self, node: Node) -> bool:
        if self.tag and self.tag != "*" and node.tag != self.tag:
            return False
        if self.id and node.attrs.get("id") != self.id:
            return False
        if any(c not in node.classes for c in self.classes):
            return False
        return not self.nth or node.nth_of_type()[0] == self.nth


def parse_selector(selector: str) -> list[tuple[str, _Compound]]:
    """``[(combinator, compound), ...]`` from left to right (the first combinator is "")."""
    text = selector.strip()
    if not text:
        raise InvalidRequest(f"An empty --element selector: use {SUPPORTED}.")
    tokens = re.split(r"\s*(>)\s*|\s+", text)
    out: list[tuple[str, _Compound]] = []
    combinator = ""
    for token in tokens:
        if token is None or token == "":
            continue
        if token == ">":
            if combinator == ">" or not out:
                raise InvalidRequest(f"--element {selector!r} is not a selector Vibing understands: use {SUPPORTED}.")
            combinator = ">"
            continue
        m = _COMPOUND.match(token)
        if not m or not token:
            raise InvalidRequest(f"--element {selector!r} is not a selector Vibing understands: use {SUPPORTED}.")
        compound = _Compound(tag=(m["tag"] or "").lower())
        classes = []
        for part in _PART.finditer(m["rest"]):
            if part["id"]:
                compound.id = part["id"]
            elif part["cls"]:
                classes.append(part["cls"])
            else:
                compound.nth = int(part["nth"])
        compound.classes = tuple(classes)
        out.append((combinator or " " if out else "", compound))
        combinator = ""
    if combinator == ">" or not out:
        raise InvalidRequest(f"--element {selector!r} is not a selector Vibing understands: use {SUPPORTED}.")
    return out


def _matches(node: Node, chain: list[tuple[str, _Compound]], i: int) -> bool:
    """Whether ``node`` matches ``chain[: i + 1]``, its last compound being ``chain[i]`` (right to left)."""
    combinator, compound = chain[i]
    if not compound.matches(node):
        return False
    if i == 0:
        return True
    parent = node.parent
    if combinator == ">":
        return parent is not None and parent.tag != "#document" and _matches(parent, chain, i - 1)
    while parent is not None and parent.tag != "#document":
        if _matches(parent, chain, i - 1):
            return True
        parent = parent.parent
    return False


def select(nodes: list[Node], selector: str) -> list[Node]:
    """The elements (in page order) that ``selector`` matches."""
    chain = parse_selector(selector)
    return [n for n in nodes if _matches(n, chain, len(chain) - 1)]


def stable_selector(node: Node, nodes: list[Node]) -> str:
    """The picker's selector: ``#id`` when the id is unique (and a plain name), else a short nth-of-type path up to
    ``body`` or to the nearest ancestor with such an id.  The same rule as shell/ui/picker.js's."""

    def unique_id(n: Node) -> str:
        value = n.attrs.get("id", "")
        if value and _ID_OK.match(value) and sum(1 for x in nodes if x.attrs.get("id") == value) == 1:
            return value
        return ""

    parts: list[str] = []
    current: Node | None = node
    while current is not None and current.tag not in ("#document", "html"):
        found = unique_id(current)
        if found:
            parts.append(f"#{found}")
            break
        if current.tag == "body":
            parts.append("body")
            break
        place, count = current.nth_of_type()
        parts.append(current.tag if count == 1 else f"{current.tag}:nth-of-type({place})")
        current = current.parent
    return " > ".join(reversed(parts))


def pick(source: str, selector: str, file: str = "index.html") -> PickedElement:
    """The first element of ``source`` that ``selector`` matches, described as the picker describes it."""
    builder = _TreeBuilder(source)
    builder.feed(source)
    nodes = builder.finish()
    found = select(nodes, selector)
    if not found:
        raise NotFound(f"No element of {file} matches --element {selector!r}.")
    node = found[0]
    html = source[node.start : node.end]
    return PickedElement(
        selector=stable_selector(node, nodes),
        tag=node.tag,
        text=node.text()[:TEXT_CAP],
        file=file,
        html=html if len(html) <= HTML_CAP else html[: HTML_CAP - 1] + "…",
    )


def from_project(bus: Bus, project: str, selectors: list[str]) -> list[PickedElement]:
    """``--element`` selectors picked from the named project's current index.html (checked before anything is sent,
    so a selector that matches nothing creates no project and costs nothing)."""
    if not selectors:
        return []
    if not project:
        raise InvalidRequest("--element picks from a project's index.html: name the project with --project.")
    found = bus.request("storage", FindProject(ref=project)).project
    try:
        source = bus.request("storage", ReadFile(project_id=found.id, path="index.html")).file.content
    except NotFound:
        raise NotFound(f"“{found.name}” has no index.html to pick an --element from.") from None
    return [pick(source, selector) for selector in selectors]
