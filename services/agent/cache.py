"""A cache of parsed agents and their search terms, so a start does not re-parse unchanged files.

One msgpack file in the data folder maps each agent file to its (mtime, size, inode) signature,
the parsed fields and the search terms.  A file whose signature matches is taken from the cache;
anything else is parsed as usual.  The cache is keyed by a digest of the parsing and indexing
code, so a new version of Vibing never reads terms computed by an old one.  A missing, corrupt
or foreign cache file is ignored (and rewritten): the cache can only make loading faster.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

import msgspec

from vibing import paths
from vibing.services.agent.parser import Agent


class _Record(msgspec.Struct, array_like=True):
    signature: tuple[int, int, int]
    name: str
    description: str
    body: str
    model: str
    tools: list[str]
    category: str
    category_guessed: bool
    capabilities: list[str]
    tags: list[str]
    version: str
    author: str
    extra: dict[str, str]
    name_line: int
    terms: dict[str, tuple[float, float, int]]


class _File(msgspec.Struct):
    code: str
    records: dict[str, _Record]


@cache
def code_digest() -> str:
    """Changes whenever the code that parses agents or computes their terms changes."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("parser.py", "text.py", "search.py", "cache.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


_encoder = msgspec.msgpack.Encoder()
_decoder = msgspec.msgpack.Decoder(_File)


class ParseCache:
    def __init__(self, path: str | os.PathLike | None) -> None:
        self.path = Path(path) if path else None
        self.records: dict[str, _Record] = {}
        self.used: set[str] = set()
        self.dirty = False
        self.hits = 0
        if self.path is not None:
            try:
                data = _decoder.decode(self.path.read_bytes())
                if data.code == code_digest():
                    self.records = data.records
            except (OSError, msgspec.DecodeError, msgspec.ValidationError):
                self.dirty = True

    def get(self, file: str, signature: tuple[int, int, int]) -> Agent | None:
        record = self.records.get(file)
        if record is None or tuple(record.signature) != tuple(signature):
            return None
        self.used.add(file)
        self.hits += 1
        return Agent(
            name=record.name,
            description=record.description,
            body=record.body,
            file=file,
            model=record.model,
            tools=record.tools,
            category=record.category,
            category_guessed=record.category_guessed,
            capabilities=record.capabilities,
            tags=record.tags,
            version=record.version,
            author=record.author,
            extra=record.extra,
            name_line=record.name_line,
            terms=record.terms,
        )

    def put(self, agent: Agent, signature: tuple[int, int, int]) -> None:
        from vibing.services.agent.search import agent_terms

        if self.path is None:
            return
        self.records[agent.file] = _Record(
            signature=signature,
            name=agent.name,
            description=agent.description,
            body=agent.body,
            model=agent.model,
            tools=agent.tools,
            category=agent.category,
            category_guessed=agent.category_guessed,
            capabilities=agent.capabilities,
            tags=agent.tags,
            version=agent.version,
            author=agent.author,
            extra=agent.extra,
            name_line=agent.name_line,
            terms=agent_terms(agent),
        )
        self.used.add(agent.file)
        self.dirty = True

    def save(self) -> bool:
        """Write the cache if it changed, keeping only files seen since it was opened."""
        if self.path is None or not self.dirty:
            return False
        records = {f: r for f, r in self.records.items() if f in self.used}
        tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            paths.write_private_bytes(tmp, _encoder.encode(_File(code=code_digest(), records=records)))
            os.replace(tmp, self.path)
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass
            return False
        self.records = records
        self.dirty = False
        return True
