"""What a backup archive says about itself, and the entry names it may hold.

An archive is a zip.  ``manifest.json`` (written last) records the app and schema versions, when and where
it was made, the original absolute folders (so :mod:`vibing.backup.restore` can rewrite them for a new home),
and every other entry with its size and sha256.  Nothing outside the manifest's list may be in the archive,
and every name is a plain relative path: :func:`check_name` is the one rule, applied when writing and again
when reading, because the archive may come from anywhere.

The API key is never in an archive (it lives in the OS keychain); :data:`API_KEY_NOTE` says so in every
manifest, and the restore repeats it.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from vibing.errors import InvalidPath, InvalidRequest

MANIFEST_NAME = "manifest.json"
FORMAT = "vibing-backup"
FORMAT_VERSION = 1
#: The most a manifest may weigh: a few thousand entries with their hashes fit in a fraction of it.
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
#: The most entries an archive may hold (agent folders and crash reports are small and few).
MAX_ENTRIES = 50_000

#: Where each kind of thing goes inside an archive.
DB_ENTRY = "db/vibing.db"
CONFIG_ENTRY = "config/config.toml"
WINDOW_ENTRY = "shell/settings.json"
MODELS_ENTRY = "models/models.json"
MODEL_FILES = "models/files/"
AGENTS = "agents/"
CRASHES = "crashes/"

#: What an agent folder and a model file may hold in an archive: agents are Markdown files, models GGUF files.
#: A restore writes outside Vibing's folders only such files (never a ``.bashrc`` or an ``authorized_keys``,
#: whatever a manifest says), and only where they do not exist yet, unless the person agrees.
AGENT_SUFFIX = ".md"
MODEL_SUFFIX = ".gguf"

API_KEY_NOTE = (
    "The API key is not in this backup: it stays in the OS keychain of the computer it was set on. "
    "After a restore, set it again with `vibing key set` (or in Settings)."
)

_PART = re.compile(r"^[^\x00-\x1f/\\]+$")


def check_name(name: str) -> str:
    """``name`` if it is a safe relative POSIX path of an archive; ``InvalidPath`` naming the problem otherwise."""
    if not name or len(name) > 1024:
        raise InvalidPath(f"The archive holds an entry with an empty or overlong name ({name[:60]!r}).", path=name)
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        raise InvalidPath(f"The archive holds an entry with an absolute path ({name!r}).", path=name)
    for part in name.split("/"):
        if part in ("", ".", ".."):
            raise InvalidPath(f"The archive holds an entry that leaves its folder ({name!r}).", path=name)
        if not _PART.match(part):
            raise InvalidPath(f"The archive holds an entry with a forbidden character ({name!r}).", path=name)
    return name


@dataclass
class AgentFolder:
    """One agent folder in the archive: its entry prefix, where it was, and where it was relative to HOME."""

    entry: str
    path: str
    home_relative: str = ""
    #: Which setting named it: "user_agents_dir", "agent_dirs", or "window" (the window's own list).
    setting: str = "agent_dirs"


@dataclass
class ModelFile:
    """A registered local model: its name, original path and size, and its entry when the file is included."""

    name: str
    path: str
    size: int = 0
    entry: str = ""


@dataclass
class Entry:
    size: int
    sha256: str


@dataclass
class Manifest:
    app_version: str
    schema_version: int
    created_at: float
    created: str
    host: str
    #: The original absolute folders: home, data, config.
    home: str
    data_dir: str
    config_dir: str
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    agent_folders: list[AgentFolder] = field(default_factory=list)
    models: list[ModelFile] = field(default_factory=list)
    models_included: bool = False
    api_key: str = API_KEY_NOTE
    entries: dict[str, Entry] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        return (json.dumps(asdict(self), indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")

    @property
    def total_bytes(self) -> int:
        return sum(entry.size for entry in self.entries.values())


def _need(doc: dict[str, Any], key: str, kind: type, source: str) -> Any:
    value = doc.get(key)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise InvalidRequest(f"{source}: the manifest's {key!r} is missing or not a {kind.__name__}.", field=key)
    return value


def parse(data: bytes, source: str) -> Manifest:
    """The manifest in ``data``; ``InvalidRequest`` saying what is wrong with it (``source`` names the archive)."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidRequest(f"{source}: the manifest is not valid JSON ({exc}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InvalidRequest(f"{source} is not a Vibing backup (its manifest does not say {FORMAT!r}).")
    version = _need(doc, "format_version", int, source)
    if version > FORMAT_VERSION:
        raise InvalidRequest(
            f"{source} was written by a newer Vibing (backup format {version}; this one reads up to "
            f"{FORMAT_VERSION}, app version {doc.get('app_version', '?')}). Update Vibing to restore it.",
            format_version=version,
        )
    entries_doc = _need(doc, "entries", dict, source)
    if len(entries_doc) > MAX_ENTRIES:
        raise InvalidRequest(f"{source}: the manifest lists more than {MAX_ENTRIES} entries.")
    entries: dict[str, Entry] = {}
    for name, value in entries_doc.items():
        check_name(name)
        if not isinstance(value, dict):
            raise InvalidRequest(f"{source}: the manifest's entry {name!r} is not an object.")
        size, digest = value.get("size"), value.get("sha256")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise InvalidRequest(f"{source}: the manifest's entry {name!r} has no valid size.")
        if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise InvalidRequest(f"{source}: the manifest's entry {name!r} has no valid sha256.")
        entries[name] = Entry(size=size, sha256=digest)
    try:
        agents = [AgentFolder(**a) for a in doc.get("agent_folders", [])]
        models = [ModelFile(**m) for m in doc.get("models", [])]
    except TypeError as exc:
        raise InvalidRequest(f"{source}: the manifest's agent folders or models are malformed ({exc}).") from None
    for folder in agents:
        check_name(folder.entry.rstrip("/"))
        if folder.home_relative:
            check_name(folder.home_relative)
    return Manifest(
        app_version=_need(doc, "app_version", str, source),
        schema_version=_need(doc, "schema_version", int, source),
        created_at=_need(doc, "created_at", float, source),
        created=_need(doc, "created", str, source),
        host=_need(doc, "host", str, source),
        home=_need(doc, "home", str, source),
        data_dir=_need(doc, "data_dir", str, source),
        config_dir=_need(doc, "config_dir", str, source),
        format_version=version,
        agent_folders=agents,
        models=models,
        models_included=bool(doc.get("models_included", False)),
        entries=entries,
    )
