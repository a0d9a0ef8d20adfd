"""CDN URLs in the HTML, JS and CSS a preview serves, pointed at the offline library on the preview's origin.

One regular-expression pass over the text, no parser: a CDN URL is recognised wherever it stands (an attribute, an
import map, ``import ... from``, ``import()``, ``@import``, ``url()``), and replaced by its ``/lib/...`` address when
the catalog has it.  On a ``<script>`` or ``<link>`` tag whose URL was replaced, ``integrity`` is dropped: the
cached bytes were verified when the cache was built, and cdnjs's bytes may differ from npm's.  A URL the catalog
does not have stays as written (it loads when the project may use the network) and is reported, as is every
same-major substitution; the preview turns both into console notices and messages to the UI.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from vibing.shell.libraries.catalog import HOSTS, Catalog, Resolution

_HOSTS = "(?:" + "|".join(re.escape(host) for host in HOSTS) + ")"
#: A CDN URL from its ``//`` (the scheme before it is taken by hand: a pattern that starts with a literal lets the
#: regex engine skip ahead to each ``//``, ten times faster on a large page), up to a quote, a space, a bracket or a
#: backslash.
_URL = re.compile(rf"//{_HOSTS}(?![\w.-])[^\s\"'`<>()\\]*")
_TAG = re.compile(r"<(?:script|link)[\s/]", re.IGNORECASE)
_INTEGRITY = re.compile(r"""\s+integrity\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)
#: Punctuation that ends a sentence rather than a URL ("see https://unpkg.com/x.").
_TRAILING = ".,;:!"


@dataclass(slots=True)
class Rewritten:
    """The rewritten text, and what the page should be told about it."""

    text: str
    substituted: list[Resolution] = field(default_factory=list)
    missing: list[Resolution] = field(default_factory=list)
    count: int = 0

    def reports(self) -> list[dict[str, Any]]:
        """The messages the preview's capture script posts to the UI (and logs to the page's console)."""
        out: list[dict[str, Any]] = [
            {
                "kind": "library",
                "message": r.message,
                "package": r.package,
                "version": r.requested,
                "served": r.version,
            }
            for r in self.substituted
        ]
        out += [
            {"kind": "missing", "message": r.message, "package": r.package, "version": r.requested, "url": r.url}
            for r in self.missing
        ]
        return out


class _Pass:
    """One rewrite: the catalog, and the reports gathered on the way (each once)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.result = Rewritten("")
        self._seen: set[tuple[str, str, str]] = set()

    def url(self, raw: str) -> str | None:
        """The local address for ``raw``, or None to leave it as written."""
        core = raw.rstrip(_TRAILING)
        if not core or any(c in core for c in "${}") or core.endswith("@"):
            return None  # built at run time (a template or a concatenation): not ours to guess
        found = self.catalog.resolve(core)
        if found is None:
            return None
        if found.kind != "exact":
            key = (found.kind, found.package, found.message)
            if key not in self._seen:
                self._seen.add(key)
                (self.result.substituted if found.kind == "substituted" else self.result.missing).append(found)
        if not found.local:
            return None
        self.result.count += 1
        return found.local + raw[len(core) :]

    def run(self, text: str, html: bool) -> Rewritten:
        edits: list[tuple[int, int, str]] = []
        tags: dict[int, int] = {}
        for match in _URL.finditer(text):
            start = match.start()
            for scheme in ("https:", "http:"):
                if text[start - len(scheme) : start].lower() == scheme:
                    start -= len(scheme)
                    break
            local = self.url(text[start : match.end()])
            if local is None:
                continue
            edits.append((start, match.end(), local))
            if html:
                opened = text.rfind("<", 0, start)
                if opened > text.rfind(">", 0, start) and _TAG.match(text, opened):
                    tags[opened] = text.find(">", match.end())
        for opened, closed in tags.items():
            for attribute in _INTEGRITY.finditer(text, opened, closed if closed >= 0 else len(text)):
                edits.append((attribute.start(), attribute.end(), ""))
        if not edits:
            self.result.text = text
            return self.result
        edits.sort()
        parts, at = [], 0
        for start, end, new in edits:
            parts += (text[at:start], new)
            at = end
        parts.append(text[at:])
        self.result.text = "".join(parts)
        return self.result


def rewrite_html(text: str, catalog: Catalog) -> Rewritten:
    """An HTML page with its CDN URLs (tags, inline scripts, import maps, inline styles) on the offline library;
    ``integrity`` dropped from the ``<script>`` and ``<link>`` tags whose URL changed."""
    return _Pass(catalog).run(text, html=True)


def rewrite_code(text: str, catalog: Catalog) -> Rewritten:
    """A JS, MJS or CSS file with its CDN URLs (imports, ``import()``, ``@import``, ``url()``) on the offline library."""
    return _Pass(catalog).run(text, html=False)


def script_json(value: Any) -> str:
    """JSON that is safe inside an inline ``<script>`` (no ``</script>``, no ``<!--``, no line separators)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028")):
        text = text.replace(char, escape)
    return text.replace("\u2029", "\\u2029")
