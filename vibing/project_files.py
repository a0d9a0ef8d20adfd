"""The project-file rules: what may be a project file's path and content, the limits, and a file's language.

Every way a file reaches a project (the model's answer, the storage API, a zip or folder import, the import
from the web app's PostgreSQL database) checks it here, so one rule holds for all of them and cannot drift
between copies.  This is a core module: it imports only the standard library and :mod:`vibing.errors`.

A project file path is a relative POSIX path that stays inside the project and reads as what it is:

- not empty, not absolute, no drive letter, no ``..`` or ``.`` part, no empty part, no backslash;
- no NUL (a name cut short at the NUL would stand for another file) and no other control character;
- no bidirectional override or isolate character (U+202A-U+202E, U+2066-U+2069), which make a name read
  in another order than it is stored (``evil\\u202egnp.js`` shows as ``eviljs.png``);
- no character that looks like a slash or a backslash (U+FF0F, U+2215, ...), which would show a folder that
  is not one;
- at most :data:`MAX_PATH_LENGTH` characters, and :data:`MAX_SEGMENT_LENGTH` per part.

Content is text: valid UTF-8 with no NUL.  Every refusal is a typed error whose message names the file and
the rule it broke; ``details["reason"]`` holds the rule alone, in a few words, for lists of refusals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vibing.errors import FileTooLarge, InvalidPath, NotText

MAX_PATH_LENGTH = 512
MAX_SEGMENT_LENGTH = 255

#: Characters that make a name read as something it is not.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: Look-alikes of "/" and "\" (Unicode's confusables): a name holding one shows a folder that is not one.
CONFUSABLE_SLASHES = frozenset(
    "\u2044"  # FRACTION SLASH
    "\u2215"  # DIVISION SLASH
    "\u2571"  # BOX DRAWINGS LIGHT DIAGONAL UPPER RIGHT TO LOWER LEFT
    "\u29f8"  # BIG SOLIDUS
    "\uff0f"  # FULLWIDTH SOLIDUS
    "\u2216"  # SET MINUS
    "\u29f5"  # REVERSE SOLIDUS OPERATOR
    "\u29f9"  # BIG REVERSE SOLIDUS
    "\ufe68"  # SMALL REVERSE SOLIDUS
    "\uff3c"  # FULLWIDTH REVERSE SOLIDUS
)
#: Every single character a path may not hold (control characters, bidi controls, slash look-alikes, "\").
FORBIDDEN_CHARACTER = re.compile(
    "[\x00-\x1f\x7f\\\\" + "".join(sorted(BIDI_CONTROLS)) + "".join(sorted(CONFUSABLE_SLASHES)) + "]"
)


@dataclass(frozen=True)
class Limits:
    """How much a project may hold; from the settings (``storage_max_*``)."""

    max_file_bytes: int
    max_project_bytes: int
    max_files: int

    @classmethod
    def from_config(cls, config) -> Limits:
        return cls(config.storage_max_file_bytes, config.storage_max_project_bytes, config.storage_max_files)


def human_bytes(n: int) -> str:
    """A size as a person reads it in a message: ``900 bytes``, ``1.5 MB``."""
    if n < 1024:
        return f"{n} bytes"
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            break
    return f"{value:.1f}".rstrip("0").rstrip(".") + f" {unit}"


# -- paths --------------------------------------------------------------------------------------------


def _shown(path: str) -> str:
    """``path`` safe to print in a detail: NUL as ``\\0``, every other invisible or direction-changing
    character as its escape, so that a refused name cannot reorder or hide the text around it."""
    return "".join(
        "\\0" if c == "\0" else c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"
        for c in path
    )


def _refuse(path: str, reason: str, sentence: str, **details) -> InvalidPath:
    """The error for ``path``: ``sentence`` names it (``{path}``, quoted and escaped), details carry the reason."""
    return InvalidPath(sentence.format(path=repr(path)), path=_shown(path), reason=reason, **details)


def check_path(path: str) -> str:
    """Return ``path`` if it is a safe project file path (module docstring), else raise :class:`InvalidPath`."""
    if not isinstance(path, str) or not path:
        raise InvalidPath("A file path cannot be empty.", path="", reason="empty path")
    if "\0" in path:
        raise _refuse(
            path,
            "NUL character in the path",
            "The file path {path} contains a NUL character; a name cut short there would stand for another file.",
        )
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        raise _refuse(path, "control character in the path", "The file path {path} contains a control character.")
    if any(c in BIDI_CONTROLS for c in path):
        raise _refuse(
            path,
            "bidirectional control character in the path",
            "The file path {path} contains a bidirectional override or isolate character, "
            "which makes the name read differently from what it is.",
        )
    if any(c in CONFUSABLE_SLASHES for c in path):
        raise _refuse(
            path,
            "look-alike slash in the path",
            "The file path {path} contains a character that looks like a slash but is not one; "
            "use '/' between folders.",
        )
    if "\\" in path:
        raise _refuse(
            path, "backslash in the path", "The file path {path} contains a backslash; use '/' between folders."
        )
    if path.startswith("/"):
        raise _refuse(
            path, "absolute path", "The file path {path} is absolute; project paths are relative, like 'src/app.js'."
        )
    if len(path) >= 2 and path[1] == ":" and path[0].isalpha():
        raise _refuse(
            path, "drive letter", "The file path {path} starts with a drive letter; project paths are relative."
        )
    if len(path) > MAX_PATH_LENGTH:
        raise InvalidPath(
            f"The file path {path[:60]!r}... is longer than {MAX_PATH_LENGTH} characters.",
            path=_shown(path)[:100],
            reason="path too long",
            limit=MAX_PATH_LENGTH,
        )
    for segment in path.split("/"):
        if segment == "..":
            raise _refuse(
                path,
                "'..' leaves the project",
                "The file path {path} contains '..'; files must stay inside the project.",
            )
        if segment in ("", "."):
            raise _refuse(path, "empty or '.' part", "The file path {path} has an empty or '.' part.")
        if len(segment) > MAX_SEGMENT_LENGTH:
            raise _refuse(
                path,
                "a part of the path is too long",
                f"A part of the file path {{path}} is longer than {MAX_SEGMENT_LENGTH} characters.",
                limit=MAX_SEGMENT_LENGTH,
            )
    return path


# -- content and sizes ----------------------------------------------------------------------------------


def check_text(path: str, content: str) -> int:
    """Refuse content that is not storable text; returns its size in bytes."""
    try:
        size = len(content.encode("utf-8"))
    except UnicodeEncodeError:
        raise NotText(f"{path}: the content is not valid UTF-8 text.", path=path) from None
    if "\0" in content:
        raise NotText(f"{path}: the content contains NUL bytes; only text files can be stored.", path=path)
    return size


def check_file(path: str, content: str, limits: Limits) -> int:
    """Validate one file (path, text, size); returns its size in bytes."""
    check_path(path)
    size = check_text(path, content)
    if size > limits.max_file_bytes:
        raise FileTooLarge(
            f"{path} is {human_bytes(size)}; the limit per file is {human_bytes(limits.max_file_bytes)}.",
            path=path,
            size=size,
            limit=limits.max_file_bytes,
        )
    return size


def decode_text(path: str, data: bytes, limits: Limits) -> str:
    """Bytes read from a zip or a folder, as text (exactly: no newline or BOM changes)."""
    check_path(path)
    if len(data) > limits.max_file_bytes:
        raise FileTooLarge(
            f"{path} is {human_bytes(len(data))}; the limit per file is {human_bytes(limits.max_file_bytes)}.",
            path=path,
            size=len(data),
            limit=limits.max_file_bytes,
        )
    if b"\0" in data:
        raise NotText(f"{path} is a binary file; only text files can be stored.", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotText(f"{path} is not valid UTF-8 text.", path=path) from None


def check_totals(project_name: str, file_count: int, total_bytes: int, limits: Limits) -> None:
    """Refuse a project that would hold more files or bytes than the limits allow."""
    if file_count > limits.max_files:
        raise FileTooLarge(
            f"The project {project_name!r} would have {file_count} files; the limit is {limits.max_files}.",
            files=file_count,
            limit=limits.max_files,
        )
    if total_bytes > limits.max_project_bytes:
        raise FileTooLarge(
            f"The project {project_name!r} would hold {human_bytes(total_bytes)} of files; "
            f"the limit per project is {human_bytes(limits.max_project_bytes)}.",
            size=total_bytes,
            limit=limits.max_project_bytes,
        )


# -- languages ------------------------------------------------------------------------------------------

_BY_EXTENSION = {
    "html": "html",
    "htm": "html",
    "css": "css",
    "scss": "scss",
    "sass": "sass",
    "less": "less",
    "js": "javascript",
    "mjs": "javascript",
    "cjs": "javascript",
    "jsx": "javascript",
    "ts": "typescript",
    "mts": "typescript",
    "cts": "typescript",
    "tsx": "typescript",
    "json": "json",
    "jsonc": "json",
    "webmanifest": "json",
    "md": "markdown",
    "markdown": "markdown",
    "py": "python",
    "rb": "ruby",
    "go": "go",
    "rs": "rust",
    "java": "java",
    "kt": "kotlin",
    "kts": "kotlin",
    "swift": "swift",
    "c": "c",
    "h": "c",
    "cpp": "cpp",
    "cc": "cpp",
    "hpp": "cpp",
    "cs": "csharp",
    "php": "php",
    "sh": "shell",
    "bash": "shell",
    "zsh": "shell",
    "ps1": "powershell",
    "sql": "sql",
    "yaml": "yaml",
    "yml": "yaml",
    "toml": "toml",
    "ini": "ini",
    "cfg": "ini",
    "env": "dotenv",
    "xml": "xml",
    "svg": "xml",
    "vue": "vue",
    "svelte": "svelte",
    "astro": "astro",
    "dart": "dart",
    "lua": "lua",
    "graphql": "graphql",
    "gql": "graphql",
    "txt": "plaintext",
    "csv": "csv",
    "prisma": "prisma",
    "dockerfile": "dockerfile",
    "glsl": "glsl",
    "wgsl": "wgsl",
}
_BY_NAME = {
    "dockerfile": "dockerfile",
    "makefile": "makefile",
    ".gitignore": "ignore",
    ".dockerignore": "ignore",
    ".env": "dotenv",
    "procfile": "procfile",
    "gemfile": "ruby",
    "rakefile": "ruby",
}


def language_of(path: str, fence: str = "") -> str:
    """The language of a file, as stored and shown (``"javascript"``, ``"plaintext"``, ...).

    ``fence`` is the language word of a Markdown code fence (```` ```js app.js ````): the model's own word
    wins over the path, with its short forms spelled out (``js`` -> ``javascript``) and any other word kept.
    Without it the file's name or extension decides, and an unknown one is ``plaintext``.
    """
    if fence:
        word = fence.lower()
        return _BY_EXTENSION.get(word, word)
    name = path.rsplit("/", 1)[-1].lower()
    if name in _BY_NAME:
        return _BY_NAME[name]
    if "." in name:
        return _BY_EXTENSION.get(name.rsplit(".", 1)[1], "plaintext")
    return "plaintext"
