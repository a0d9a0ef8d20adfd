"""What may be stored as a project file: safe paths, text, sizes; and its language.

A project file path is a relative POSIX path that stays inside the project:
no leading ``/``, no ``..`` or ``.`` segment, no empty segment, no backslash, no
NUL or other control character, no drive letter.  Content is text (valid
UTF-8, no NUL).  Every refusal names the file and the limit it broke.
"""

from __future__ import annotations

from dataclasses import dataclass

from vibing.errors import FileTooLarge, InvalidPath, NotText

MAX_PATH_LENGTH = 512
MAX_SEGMENT_LENGTH = 255


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int
    max_project_bytes: int
    max_files: int

    @classmethod
    def from_config(cls, config) -> Limits:
        return cls(config.storage_max_file_bytes, config.storage_max_project_bytes, config.storage_max_files)


def human_bytes(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    value = float(n)
    for unit in ("KB", "MB", "GB"):
        value /= 1024
        if value < 1024 or unit == "GB":
            break
    return f"{value:.1f}".rstrip("0").rstrip(".") + f" {unit}"


def check_path(path: str) -> str:
    """Return ``path`` if it is a safe relative POSIX path, else raise :class:`InvalidPath`."""
    shown = path.replace("\0", "\\0")
    if not isinstance(path, str) or not path:
        raise InvalidPath("A file path cannot be empty.", path=shown)
    if "\0" in path:
        raise InvalidPath(f"The file path {shown!r} contains a NUL character.", path=shown)
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        raise InvalidPath(f"The file path {shown!r} contains a control character.", path=shown)
    if "\\" in path:
        raise InvalidPath(f"The file path {shown!r} contains a backslash; use '/' between folders.", path=shown)
    if path.startswith("/"):
        raise InvalidPath(
            f"The file path {shown!r} is absolute; project paths are relative, like 'src/app.js'.", path=shown
        )
    if len(path) >= 2 and path[1] == ":" and path[0].isalpha():
        raise InvalidPath(
            f"The file path {shown!r} starts with a drive letter; project paths are relative.", path=shown
        )
    if len(path) > MAX_PATH_LENGTH:
        raise InvalidPath(
            f"The file path {shown[:60]!r}... is longer than {MAX_PATH_LENGTH} characters.",
            path=shown[:100],
            limit=MAX_PATH_LENGTH,
        )
    for segment in path.split("/"):
        if segment == "..":
            raise InvalidPath(f"The file path {shown!r} contains '..'; files must stay inside the project.", path=shown)
        if segment in ("", "."):
            raise InvalidPath(f"The file path {shown!r} has an empty or '.' part.", path=shown)
        if len(segment) > MAX_SEGMENT_LENGTH:
            raise InvalidPath(
                f"A part of the file path {shown!r} is longer than {MAX_SEGMENT_LENGTH} characters.",
                path=shown,
                limit=MAX_SEGMENT_LENGTH,
            )
    return path


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


# -- languages ------------------------------------------------------------------

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


def language_of(path: str) -> str:
    name = path.rsplit("/", 1)[-1].lower()
    if name in _BY_NAME:
        return _BY_NAME[name]
    if "." in name:
        return _BY_EXTENSION.get(name.rsplit(".", 1)[1], "plaintext")
    return "plaintext"
