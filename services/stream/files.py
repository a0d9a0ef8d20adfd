"""File blocks in a growing answer: ```lang path fences, parsed line by line as the text streams.

The output format (what the model is told, see ``generate.OUTPUT_FORMAT``)::

    ```html index.html
    <!DOCTYPE html> ...
    ```

- the info string is ``lang path`` (also ``path`` alone, ``lang:path``, ``lang path=...``, ``lang title="..."``);
- a fence with no path takes the path named on the line just before it (``**styles.css**``, ``### app.js``,
  ``File: app.js``), as models often write;
- a single html block with no path at all is ``index.html`` (the web app's format);
- a block closes on a fence of the same character at least as long, with nothing after it (CommonMark), so
  ```` ```` ```` blocks can contain ``` lines; an unterminated block is kept only when the answer
  ended normally (``finish(complete=True)``);
- a path that breaks the project-file rules (:func:`vibing.project_files.check_path`: no absolute path, no
  ``..``, no backslash, no drive letter, no control, bidirectional or look-alike slash character, ...) is
  refused and reported in ``refused`` as ``(path, reason)``, never written.

The per-token cost is an append unless the text contains a newline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vibing.errors import InvalidPath
from vibing.project_files import FORBIDDEN_CHARACTER, check_path, language_of

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_PATH_LINE = re.compile(
    r"^\s*(?:#{1,6}\s*|[-*]\s+)?(?:\*\*|__|`)?(?:file(?:name)?\s*[:=]\s*|path\s*[:=]\s*)?(?:\*\*|__|`)?"
    r"([\w@+\-./]+\.[A-Za-z0-9]+|[\w@+\-./]*(?:Dockerfile|Makefile))(?:\*\*|__|`)?\s*:?\s*(?:\*\*)?\s*$",
    re.IGNORECASE,
)
_PATHISH = re.compile(r"^[\w@+\-./]+\.[A-Za-z0-9]+$|^[\w@+\-./]*/[\w@+\-.]+$|^(?:.*/)?(?:Dockerfile|Makefile)$")


def _masked(text: str) -> str:
    """``text`` with each character no path may hold (whitespace aside) read as a letter, so that a name
    holding one is still seen as a name, then refused and reported by :func:`check_path`, rather than being
    taken for a language word and silently dropped."""
    return FORBIDDEN_CHARACTER.sub(lambda m: m.group() if m.group().isspace() else "_", text)


def _pathish(token: str) -> bool:
    return _PATHISH.match(_masked(token)) is not None


def normalize(path: str) -> str:
    path = path.strip().strip("\"'`*")
    while path.startswith("./"):
        path = path[2:]
    return path


def parse_info(info: str) -> tuple[str, str]:
    """``(lang, path)`` from a fence's info string ("" when absent)."""
    tokens = [t for t in info.strip().split() if t]
    if not tokens:
        return "", ""
    cleaned: list[str] = []
    for t in tokens:
        low = t.lower()
        for prefix in ("path=", "file=", "filename=", "title=", "name="):
            if low.startswith(prefix):
                t = t[len(prefix) :]
                break
        t = t.strip("\"'`{}")
        if t:
            cleaned.append(t)
    if not cleaned:
        return "", ""
    first = cleaned[0]
    if ":" in first and not first.startswith(("http:", "https:")):
        lang, _, rest = first.partition(":")
        if _pathish(rest):
            return lang.lower(), normalize(rest)
    if len(cleaned) == 1:
        if _pathish(first):
            return "", normalize(first)
        return first.lower(), ""
    lang = first.lower() if not _pathish(first) else ""
    for t in cleaned[1:] if lang else cleaned:
        if _pathish(t):
            return lang, normalize(t)
    return lang, ""


@dataclass
class FileBlock:
    path: str
    lang: str
    content: str
    lines: int
    complete: bool = True
    #: A pathless html block taken as index.html (an explicit index.html block wins over it).
    guessed: bool = False


@dataclass
class _Open:
    fence: str
    lang: str
    path: str
    guessed_index: bool
    lines: list[str] = field(default_factory=list)


class FileBlockParser:
    """Feed text deltas; collect finished file blocks (``blocks``) and refusals (``refused``)."""

    def __init__(self) -> None:
        self._partial: list[str] = []
        self._open: _Open | None = None
        self._prev_line = ""
        self._explicit_index = False
        self.blocks: list[FileBlock] = []
        self.refused: list[tuple[str, str]] = []
        #: Set by the caller: called with (path, lang) when a file block opens and with a FileBlock when it closes.
        self.on_open = None
        self.on_close = None

    # -- streaming ----------------------------------------------------------------------------

    def feed(self, text: str) -> None:
        if "\n" not in text:
            self._partial.append(text)
            return
        parts = text.split("\n")
        self._partial.append(parts[0])
        line = "".join(self._partial)
        self._line(line)
        for middle in parts[1:-1]:
            self._line(middle)
        self._partial = [parts[-1]] if parts[-1] else []

    @property
    def current(self) -> tuple[str, int] | None:
        """The file being written and its lines so far."""
        if self._open is None or not self._open.path:
            return None
        return self._open.path, len(self._open.lines)

    def finish(self, complete: bool) -> list[FileBlock]:
        """End of the answer; an unterminated block counts only if ``complete``."""
        if self._partial:
            self._line("".join(self._partial))
            self._partial = []
        if self._open is not None:
            if complete:
                self._close(complete=False)
            self._open = None
        return self.files()

    def files(self) -> list[FileBlock]:
        """The last block of each path, in order of first appearance."""
        latest: dict[str, FileBlock] = {}
        for block in self.blocks:
            latest[block.path] = block
        if self._explicit_index:
            explicit = [b for b in self.blocks if b.path == "index.html" and not b.guessed]
            if explicit:
                latest["index.html"] = explicit[-1]
        return list(latest.values())

    # -- lines ------------------------------------------------------------------------------

    def _line(self, line: str) -> None:
        line = line.rstrip("\r")
        op = self._open
        if op is not None:
            stripped = line.strip()
            if (
                stripped
                and stripped[0] == op.fence[0]
                and len(stripped) >= len(op.fence)
                and stripped == stripped[0] * len(stripped)
                and len(line) - len(line.lstrip(" ")) <= 3
            ):
                self._close(complete=True)
            else:
                op.lines.append(line)
            return
        m = _FENCE.match(line)
        if m is None or (m.group(1)[0] == "`" and "`" in m.group(2)):
            if line.strip():
                self._prev_line = line
            return
        fence, info = m.group(1), m.group(2)
        lang, path = parse_info(info)
        guessed_index = False
        if not path:
            prev = self._prev_line
            named = _PATH_LINE.match(_masked(prev)) if prev else None
            if named is not None and "/" not in named.group(1)[:1]:
                path = normalize(prev[named.start(1) : named.end(1)])
            elif lang in ("html", "htm"):
                path, guessed_index = "index.html", True
        self._prev_line = ""
        if path:
            try:
                check_path(path)
            except InvalidPath as exc:
                self.refused.append((path, exc.details["reason"]))
                path = ""
        if path == "index.html" and not guessed_index:
            self._explicit_index = True
        self._open = _Open(fence=fence, lang=lang, path=path, guessed_index=guessed_index)
        if path and self.on_open is not None:
            self.on_open(path, lang)

    def _close(self, complete: bool) -> None:
        op = self._open
        self._open = None
        if op is None or not op.path:
            return
        if op.guessed_index and self._explicit_index:
            return
        content = "\n".join(op.lines) + ("\n" if op.lines else "")
        block = FileBlock(
            path=op.path,
            lang=language_of(op.path, op.lang),
            content=content,
            lines=len(op.lines),
            complete=complete,
            guessed=op.guessed_index,
        )
        self.blocks.append(block)
        if self.on_close is not None:
            self.on_close(block)
