"""Agent files: Markdown with YAML front matter (the Claude Code subagent format).

::

    ---
    name: frontend-developer          # required, lower-case words joined by hyphens
    description: Builds web apps ...  # required
    model: sonnet                     # haiku | sonnet | opus | inherit | a model id (optional)
    tools: Read, Write                # a comma string or a list (optional: all tools)
    category: frontend                # optional (guessed from the name when missing)
    capabilities: [..]                # optional list (or comma string)
    tags: [..]                        # optional list (or comma string)
    version: 1.0.0                    # optional
    author: Vibing                    # optional
    ---
    The body: the agent's system prompt.

:func:`parse_file` never raises for a bad file: it returns an :class:`AgentError` with the
file, the line and a reason a person understands.  Documentation files that live beside
agents (``README.md``, ``SOURCE.md``, any all-capitals name) are not agents and are skipped.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    _Loader = yaml.SafeLoader  # type: ignore[misc]

#: Larger files are refused unread (a system prompt is a few KB; 84 agents are ~0.5 MB together).
MAX_FILE_BYTES = 512 * 1024
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MODEL_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,99}$")
MODEL_ALIASES = ("haiku", "sonnet", "opus", "inherit")
KNOWN_FIELDS = ("name", "description", "model", "tools", "category", "capabilities", "tags", "version", "author")
AGENT_SUFFIX = ".md"


@dataclass(slots=True)
class AgentError:
    """A file that could not be loaded (or a problem with one)."""

    file: str
    line: int
    reason: str


@dataclass(slots=True, eq=False)
class Agent:
    name: str
    description: str
    body: str
    file: str = ""
    model: str = "inherit"
    tools: list[str] = field(default_factory=list)
    category: str = "general"
    #: True when the file named no category and it was guessed from the name.
    category_guessed: bool = False
    capabilities: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    version: str = ""
    author: str = ""
    #: Front matter fields beyond the known ones (e.g. ``color``), as text.
    extra: dict[str, str] = field(default_factory=dict)
    #: Line of the ``name:`` key (for duplicate-name diagnostics).
    name_line: int = 2
    #: Where it came from: "bundled", "user", "config" or "project" (set by the registry).
    origin: str = ""
    #: Search terms of this agent, computed once (see :mod:`services.agent.search`).
    terms: dict[str, tuple[float, int]] | None = None

    def fingerprint(self) -> tuple:
        return (
            self.file,
            self.name,
            self.description,
            self.body,
            self.model,
            tuple(self.tools),
            self.category,
            tuple(self.capabilities),
            tuple(self.tags),
            self.version,
            self.author,
        )


def is_doc_file(path: Path) -> bool:
    """README.md, SOURCE.md, LICENSE.md, CHANGELOG.md ...: prose beside the agents, not agents."""
    stem = path.stem
    return stem.isupper() or stem.lower() in {"readme", "license", "changelog", "contributing", "source"}


# -- category guessing, for files (like Claude Code's) that name none ------------

_CATEGORY_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("security", ("security", "secure", "auditor", "pentest", "compliance")),
    ("testing", ("test", "tdd", "qa", "validator")),
    ("performance", ("performance", "optimizer", "profil")),
    ("games", ("game", "unity", "minecraft", "godot", "phaser", "unreal")),
    ("mobile", ("mobile", "ios", "android", "flutter", "swift", "kotlin", "native")),
    ("design", ("ui", "ux", "design", "visual", "css", "accessibility")),
    ("data", ("data", "ml", "ai", "sql", "database", "quant", "analytics", "mlops", "prompt", "scientist")),
    (
        "devops",
        (
            "devops",
            "deployment",
            "cloud",
            "kubernetes",
            "terraform",
            "network",
            "incident",
            "observability",
            "sre",
            "infrastructure",
            "docker",
        ),
    ),
    ("docs", ("docs", "doc", "documenter", "tutorial", "reference", "mermaid", "writer")),
    (
        "business",
        ("seo", "marketer", "sales", "business", "legal", "hr", "customer", "risk", "content", "payment", "product"),
    ),
    ("frontend", ("frontend", "react", "vue", "angular", "svelte", "nextjs", "web")),
    ("backend", ("backend", "api", "graphql", "django", "fastapi", "rails", "node", "server", "architect")),
    ("languages", ("pro", "expert", "developer")),
)


def guess_category(name: str) -> str:
    parts = name.replace("_", "-").split("-")
    for category, hints in _CATEGORY_HINTS:
        for hint in hints:
            if hint in parts:
                return category
    return "general"


# -- parsing -------------------------------------------------------------------


class _Refused(Exception):
    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def _key_lines(fm_lines: list[str], first_line: int) -> dict[str, int]:
    """The line number of each top-level ``key:`` in the front matter (first occurrence)."""
    found: dict[str, int] = {}
    for index, line in enumerate(fm_lines):
        if not line or line[0] in " \t#-":
            continue
        key, sep, _ = line.partition(":")
        if sep:
            found.setdefault(key.strip().strip("'\"").strip(), first_line + index)
    return found


# -- a fast path for the front matter agent files use: "key: text" lines and simple lists ----
# Anything else (quotes, flow mappings, anchors, block scalars, numbers, booleans...) goes to PyYAML,
# so the result is always exactly what YAML would give.

_SIMPLE_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$")
_LIST_ITEM = re.compile(r"^ +- +(.*?) *$")
_FLOW_LIST = re.compile(r"^\[([^\[\]{}'\"#&*!|>%@`]*)\]$")
_NOT_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_STOPS = set(":?")
_YAML_TYPED = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*|=|<<)$"
)


def _plain(value: str) -> str | None:
    """``value`` as YAML would read a plain scalar, when that is certainly a string; else None."""
    if not value or value[0] in _NOT_PLAIN_START or ": " in value or " #" in value or "\t" in value:
        return None
    if value.endswith(":") or _YAML_TYPED.match(value):
        return None
    return value


def _fast_front_matter(fm_lines: list[str]) -> dict[str, Any] | None:
    data: dict[str, Any] = {}
    current: list[str] | None = None
    block_keys: list[str] = []
    for line in fm_lines:
        if "\t" in line:
            return None
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] == " ":
            item = _LIST_ITEM.match(line)
            if current is None or item is None:
                return None
            text = _plain(item.group(1))
            if text is None:
                return None
            current.append(text)
            continue
        match = _SIMPLE_KEY.match(line)
        if match is None:
            return None
        key, value = match.group(1), match.group(2)
        # A key YAML would read as something other than text ("yes:", "null:", "1:") is left to YAML.
        if key in data or _plain(key) != key:
            return None
        if not value:
            current = data[key] = []
            block_keys.append(key)
            continue
        current = None
        flow = _FLOW_LIST.match(value)
        if flow:
            items = [part.strip() for part in flow.group(1).split(",")]
            if items == [""]:
                items = []
            # Inside [...] a plain scalar also ends at ":" and "?" (PyYAML's flow context; the regex and the split
            # already keep out ",[]{}"): leave such items to YAML.
            plain = [None if set(item) & _FLOW_STOPS else _plain(item) for item in items]
            if any(p is None for p in plain):
                return None
            data[key] = plain
            continue
        text = _plain(value)
        if text is None:
            return None
        data[key] = text
    for key in block_keys:  # "key:" followed by no items is null in YAML
        if not data[key]:
            data[key] = None
    return data or None


def _text_list(value: Any, key: str, line: int) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            if isinstance(item, (dict, list)):
                raise _Refused(
                    line,
                    f"'{key}' must be a list of words or a comma-separated string, "
                    f"not a list holding a {type(item).__name__}",
                )
            if item is not None and str(item).strip():
                out.append(str(item).strip())
        return out
    raise _Refused(line, f"'{key}' must be a list or a comma-separated string, not {type(value).__name__}")


def _scalar_text(value: Any, key: str, line: int) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise _Refused(line, f"'{key}' must be text, not a {type(value).__name__}")
    return str(value).strip()


def parse_text(text: str, file: str = "<text>") -> Agent:
    """Parse an agent from text; raises ``_Refused`` (use :func:`parse_file` for diagnostics)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines):
        raise _Refused(1, "the file is empty")
    if lines[start].rstrip() != "---":
        raise _Refused(
            start + 1,
            "no front matter: an agent file must start with a '---' line, then "
            "'name:' and 'description:', then a closing '---' line",
        )
    end = None
    for index in range(start + 1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            end = index
            break
    if end is None:
        raise _Refused(start + 1, "the front matter opened on this line is never closed by a '---' line")
    fm_lines = lines[start + 1 : end]
    first = start + 2  # 1-based line number of the first front matter line
    data = _fast_front_matter(fm_lines)
    try:
        if data is None:
            data = yaml.load("\n".join(fm_lines), Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = first + mark.line if mark is not None else first
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        hint = ""
        if "mapping values are not allowed" in str(problem):
            hint = " (a value containing ': ' must be quoted)"
        raise _Refused(line, f"invalid YAML in the front matter: {problem}{hint}") from None
    if data is None:
        raise _Refused(start + 1, "the front matter is empty: it needs 'name:' and 'description:'")
    if not isinstance(data, dict):
        raise _Refused(first, f"the front matter must be a mapping of 'key: value' lines, not a {type(data).__name__}")

    key_lines = _key_lines(fm_lines, first)

    def where(key: str) -> int:
        return key_lines.get(key, first - 1)

    name_line = where("name")
    name = data.get("name")
    if name is None or (isinstance(name, str) and not name.strip()):
        raise _Refused(start + 1, "the front matter has no 'name:'")
    if not isinstance(name, str):
        raise _Refused(name_line, f"'name' must be text, not {type(name).__name__}")
    name = name.strip()
    if not NAME_RE.match(name):
        raise _Refused(
            name_line,
            f"invalid name {name!r}: use lower-case letters, digits and hyphens "
            "(like 'frontend-developer'), at most 64 characters",
        )
    description = data.get("description")
    if description is None or (isinstance(description, str) and not description.strip()):
        raise _Refused(start + 1, "the front matter has no 'description:'")
    if not isinstance(description, str):
        raise _Refused(where("description"), f"'description' must be text, not {type(description).__name__}")

    model = _scalar_text(data.get("model"), "model", where("model")) or "inherit"
    if not MODEL_RE.match(model):
        raise _Refused(where("model"), f"invalid model {model!r}: use haiku, sonnet, opus, inherit or a model id")
    category = _scalar_text(data.get("category"), "category", where("category")).lower()
    agent = Agent(
        name=name,
        description=" ".join(description.split()),
        body=("\n".join(lines[end + 1 :])).strip("\n"),
        file=file,
        model=model,
        tools=_text_list(data.get("tools"), "tools", where("tools")),
        category=category or guess_category(name),
        category_guessed=not category,
        capabilities=_text_list(data.get("capabilities"), "capabilities", where("capabilities")),
        tags=[t.lower() for t in _text_list(data.get("tags"), "tags", where("tags"))],
        version=_scalar_text(data.get("version"), "version", where("version")),
        author=_scalar_text(data.get("author"), "author", where("author")),
        extra={str(k): str(v) for k, v in data.items() if k not in KNOWN_FIELDS},
        name_line=name_line,
    )
    if not agent.body.strip():
        raise _Refused(end + 1, "the body (the agent's system prompt, after the closing '---') is empty")
    return agent


def parse_file(path: str | os.PathLike, *, size: int | None = None) -> Agent | AgentError:
    """Load one agent file; every failure becomes an :class:`AgentError` (never raises)."""
    file = str(path)
    try:
        if size is None:
            size = os.stat(file).st_size
        if size > MAX_FILE_BYTES:
            return AgentError(
                file, 0, f"the file is too large ({size:,} bytes; an agent file may have at most {MAX_FILE_BYTES:,})"
            )
        with open(file, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return AgentError(file, 0, f"cannot read the file: {exc.strerror or exc}")
    if len(raw) > MAX_FILE_BYTES:
        return AgentError(file, 0, f"the file is too large (over {MAX_FILE_BYTES:,} bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return AgentError(
            file, line, f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start} (save the file as UTF-8)"
        )
    if "\x00" in text:
        return AgentError(file, text[: text.index("\x00")].count("\n") + 1, "not a text file (it holds NUL bytes)")
    try:
        return parse_text(text, file)
    except _Refused as refused:
        return AgentError(file, refused.line, refused.reason)
