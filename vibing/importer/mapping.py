"""From the web app's rows to the storage service's import messages.

- ``Project.currentCode`` becomes the project's files: one standalone HTML
  document (the web app's own format) is ``index.html`` exactly as stored; a
  multi-file answer (only fenced blocks whose info string is ``lang path``)
  becomes one file per block.  Each ``Version.code`` is read the same way into
  a history checkpoint, oldest first; the current code is the newest.
- Enums: ``ProjectType`` WEBSITE/MOBILE_APP/... -> website/mobile-app/...
- ``activeAgents`` (a JSON array of names) is kept with the import record; an
  assistant message's agent is set when the project had exactly one.
- Times: ``timestamp(3)`` in UTC -> Unix seconds.
- ``Message.tokensUsed``: output tokens of an assistant message, input tokens
  of a user message (one token_usage row tied to the message).

Every text must be valid UTF-8 without NUL; a file must pass the same checks
the storage service makes (safe relative path, size).  A bad file is left out
of its project, a bad message out of its conversation, a project whose own
fields are bad is left out whole; each is reported as a :class:`Problem`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from vibing import project_files
from vibing.errors import VibingError
from vibing.importer.reader import MessageRow, ProjectRow, VersionRow, epoch
from vibing.schema.storage import ExternalCheckpoint, ExternalMessage, FileWrite, ImportExternalProject

SOURCE = "vibing2"

PROJECT_TYPES = {
    "WEBSITE": "website",
    "MOBILE_APP": "mobile-app",
    "GAME": "game",
    "API": "api",
    "DASHBOARD": "dashboard",
}
ROLES = ("user", "assistant", "system")
MAX_NAME = 200

# A fence line opening a file: ```lang path  (or ```path when the path has a dot or a slash)
_OPEN = re.compile(r"^```[ \t]*([A-Za-z0-9_+#.-]*)[ \t]+(\S+)[ \t]*$|^```[ \t]*(\S*[./]\S*)[ \t]*$")


@dataclass
class Problem:
    """One row (or one file of a row) that was not imported, and why."""

    kind: str  # "project" | "file" | "message" | "version" | "usage" | "fork"
    source_id: str
    reason: str
    project_id: str = ""
    path: str = ""

    def to_json(self) -> dict:
        out = {"kind": self.kind, "source_id": self.source_id, "reason": self.reason}
        if self.project_id:
            out["project_id"] = self.project_id
        if self.path:
            out["path"] = self.path
        return out


class BadText(ValueError):
    pass


def text(value: bytes | str | None, what: str) -> str:
    """Decode a column's bytes as UTF-8 text; :class:`BadText` names the field when it is not."""
    if value is None:
        return ""
    if isinstance(value, str):
        decoded = value
    else:
        try:
            decoded = value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadText(
                f"{what} is not valid UTF-8 (byte {exc.start}: {value[exc.start : exc.start + 4]!r})"
            ) from None
    if "\0" in decoded:
        raise BadText(f"{what} contains NUL bytes")
    return decoded


def split_files(code: str) -> dict[str, str] | None:
    """The files of a multi-file answer, or None when ``code`` is not one (then it is index.html).

    Only code made entirely of fenced blocks with a path (blank lines between them) counts,
    so an HTML document that merely contains ``` inside a script stays one document.
    """
    if not code.lstrip().startswith("```"):
        return None
    lines = code.split("\n")
    i = 0
    files: dict[str, str] = {}
    while i < len(lines):
        line = lines[i].rstrip("\r")
        if not line.strip():
            i += 1
            continue
        match = _OPEN.match(line)
        if not match:
            return None
        path = match.group(2) or match.group(3)
        j = i + 1
        while j < len(lines) and lines[j].rstrip("\r") != "```":
            j += 1
        if j >= len(lines):
            return None  # an unclosed block: not a multi-file answer
        files[path] = "\n".join(lines[i + 1 : j])
        i = j + 1
    return files or None


def code_files(code: str) -> dict[str, str]:
    return split_files(code) or {"index.html": code}


def _checked_files(
    raw: dict[str, str], limits: project_files.Limits, source_id: str, what: str, problems: list[Problem]
) -> list[FileWrite]:
    out = []
    total = 0
    for path, content in raw.items():
        try:
            size = project_files.check_file(path, content, limits)
        except VibingError as exc:
            problems.append(Problem("file", source_id, f"{what}: {exc.message}", project_id=source_id, path=path))
            continue
        if len(out) + 1 > limits.max_files or total + size > limits.max_project_bytes:
            problems.append(
                Problem(
                    "file",
                    source_id,
                    f"{what}: {path} would take the project over its limit of "
                    f"{limits.max_files} files / {project_files.human_bytes(limits.max_project_bytes)}",
                    project_id=source_id,
                    path=path,
                )
            )
            continue
        total += size
        out.append(FileWrite(path=path, content=content))
    return out


def orphan(row: MessageRow | VersionRow) -> Problem:
    kind = "message" if isinstance(row, MessageRow) else "version"
    return Problem(
        kind, row.id, f"its project {row.project_id!r} does not exist (orphan {kind})", project_id=row.project_id
    )


def project_request(
    row: ProjectRow, limits: project_files.Limits, problems: list[Problem]
) -> ImportExternalProject | None:
    """The storage request for one project, or None (with a Problem) when the project itself is bad."""
    try:
        name = text(row.name, "the project's name").strip()
        description = text(row.description, "the project's description")
    except BadText as exc:
        problems.append(Problem("project", row.id, str(exc)))
        return None
    if not name:
        name = "Untitled Project"
    if len(name) > MAX_NAME:
        name = name[:MAX_NAME].rstrip()
    project_type = PROJECT_TYPES.get(row.project_type)
    if project_type is None:
        problems.append(Problem("project", row.id, f"unknown project type {row.project_type!r}"))
        return None
    agents: list[str] = []
    try:
        parsed = json.loads(text(row.active_agents, "activeAgents") or "[]")
        if isinstance(parsed, list):
            agents = [str(a) for a in parsed]
    except (BadText, ValueError):
        agents = []  # not worth losing the project over: reported in meta
    meta = {"owner": row.user_id, "visibility": row.visibility, "active_agents": agents}
    if row.active_agents and not agents and row.active_agents.strip() not in (b"[]", b""):
        meta["active_agents_raw"] = row.active_agents.decode("utf-8", "replace")[:1000]
    if row.preview_url:
        meta["preview_url"] = row.preview_url.decode("utf-8", "replace")

    try:
        current = text(row.current_code, "the current code")
        files = _checked_files(code_files(current), limits, row.id, "current code", problems)
    except BadText as exc:
        problems.append(Problem("file", row.id, str(exc), project_id=row.id, path="index.html"))
        files = []

    checkpoints = []
    for version in row.versions:
        try:
            code = text(version.code, f"version {version.version_number}'s code")
            label = text(version.description, f"version {version.version_number}'s description")
        except BadText as exc:
            problems.append(Problem("version", version.id, str(exc), project_id=row.id))
            continue
        vfiles = _checked_files(code_files(code), limits, row.id, f"version {version.version_number}", problems)
        label = f"Version {version.version_number}" + (f": {label}" if label else "")
        checkpoints.append(ExternalCheckpoint(label=label, created_at=epoch(version.created_at), files=vfiles))

    agent = agents[0] if len(agents) == 1 else ""
    messages = []
    for m in row.messages:
        try:
            role = text(m.role, "the role")
            content = text(m.content, "the message")
        except BadText as exc:
            problems.append(Problem("message", m.id, str(exc), project_id=row.id))
            continue
        if role not in ROLES:
            problems.append(
                Problem("message", m.id, f"unknown role {role!r} (user, assistant or system)", project_id=row.id)
            )
            continue
        if len(content.encode("utf-8")) > 8 * 1024 * 1024:
            problems.append(Problem("message", m.id, "the message is over the 8 MB limit", project_id=row.id))
            continue
        tokens = max(0, m.tokens_used)
        messages.append(
            ExternalMessage(
                source_id=m.id,
                role=role,
                content=content,
                created_at=epoch(m.created_at),
                input_tokens=tokens if role == "user" else 0,
                output_tokens=tokens if role != "user" else 0,
                agent=agent if role == "assistant" else "",
            )
        )
    return ImportExternalProject(
        source=SOURCE,
        source_id=row.id,
        name=name,
        created_at=epoch(row.created_at),
        updated_at=epoch(row.updated_at),
        description=description,
        project_type=project_type,
        owner_source_id=row.user_id,
        files=files,
        messages=messages,
        checkpoints=checkpoints,
        meta=meta,
    )


def rows_in(request: ImportExternalProject) -> int:
    """Rows this project writes (the import rate counts them): project, files, messages, checkpoints."""
    return 1 + len(request.files) + len(request.messages) + len(request.checkpoints) + 1
