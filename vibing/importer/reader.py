"""Reading the web app's PostgreSQL database, streamed.

Tables and columns are Prisma's: quoted model names ("Project") and camelCase
field names.  Projects, their messages and their versions are read by three
server-side cursors in one read-only transaction (one snapshot), each ordered
by project id in byte order, and merged: memory holds one project at a time,
whatever the size of the database.  A message or version whose project id the
merge skips past has no project (an orphan).

Text arrives as raw bytes (a loader replaces psycopg's): an old database in
SQL_ASCII can hold bytes that are not UTF-8, and each row's text is decoded by
the mapping, which reports a bad row instead of failing the whole import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from vibing.errors import ConfigError, InvalidRequest, NotFound

UTC = dt.UTC
#: Rows fetched per round trip by each server-side cursor.
BATCH = 500


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - depends on the install
        raise ConfigError("Importing from PostgreSQL needs psycopg 3: pip install 'vibing[postgres]'.") from None
    return psycopg


def redact(url: str) -> str:
    """The URL without its password (for messages and the report)."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


@dataclass
class ProjectRow:
    id: str
    name: bytes
    description: bytes | None
    project_type: str
    active_agents: bytes
    current_code: bytes
    preview_url: bytes | None
    user_id: str
    created_at: dt.datetime
    updated_at: dt.datetime
    visibility: str
    messages: list[MessageRow] = field(default_factory=list)
    versions: list[VersionRow] = field(default_factory=list)


@dataclass
class MessageRow:
    id: str
    project_id: str
    role: bytes
    content: bytes
    author_name: bytes | None
    tokens_used: int
    created_at: dt.datetime


@dataclass
class VersionRow:
    id: str
    project_id: str
    version_number: int
    code: bytes
    description: bytes | None
    created_at: dt.datetime


@dataclass
class UserRow:
    id: str
    email: bytes
    name: bytes | None
    has_password: bool
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass
class UsageRow:
    id: str
    user_id: str
    tokens_used: int
    endpoint: bytes
    timestamp: dt.datetime


def epoch(value: dt.datetime | None) -> float:
    """Prisma writes UTC into ``timestamp(3)`` (no zone): read it back as UTC."""
    if value is None:
        return 0.0
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def _ascii(value: bytes | str | None) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


#: Query parameters of Prisma's connection URL that libpq does not know (``schema`` picks the search path).
_PRISMA_ONLY = {
    "schema",
    "connection_limit",
    "pool_timeout",
    "socket_timeout",
    "pgbouncer",
    "statement_cache_size",
    "sslaccept",
    "sslidentity",
    "sslcert_password",
    "connect_timeout_ms",
}


def libpq_url(url: str) -> tuple[str, str | None]:
    """The URL libpq accepts, and the schema Prisma's ``?schema=`` named (None: the default, public)."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres"):
        raise InvalidRequest(
            f"{redact(url)} is not a PostgreSQL URL (postgresql://user:password@host:5432/db).", url=redact(url)
        )
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), None)
    kept = [(k, v) for k, v in query if k not in _PRISMA_ONLY]
    return urlunsplit(parts._replace(query=urlencode(kept))), schema


class Reader:
    """A read-only connection to the web app's database."""

    def __init__(self, url: str, *, user_email: str | None = None) -> None:
        psycopg = _psycopg()
        self.url = url
        #: What a failed read raises (psycopg's errors), for callers that do not import psycopg.
        self.errors = psycopg.Error
        conninfo, schema = libpq_url(url)
        extra = {"options": f"-c search_path={schema}"} if schema and re.fullmatch(r"[A-Za-z0-9_]+", schema) else {}
        try:
            self.conn = psycopg.connect(
                conninfo,
                client_encoding="UTF8",
                autocommit=False,
                application_name="vibing import-postgres",
                connect_timeout=15,
                **extra,
            )
        except psycopg.OperationalError as exc:
            raise InvalidRequest(
                f"Cannot connect to the web app's database at {redact(url)}: "
                f"{str(exc).strip().splitlines()[0] if str(exc).strip() else exc}",
                url=redact(url),
            ) from None
        self._install_raw_text()
        # A SQL_ASCII database stores bytes unchecked: take them as they are (each row is decoded
        # and checked here); any other encoding is converted to UTF-8 by the server.
        if self.conn.info.parameter_status("server_encoding") == "SQL_ASCII":
            self.conn.execute("SET client_encoding = 'SQL_ASCII'")
            self.conn.commit()
        # One consistent snapshot for everything read; nothing is ever written.
        self.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        self._check_schema()
        self.user_id: str | None = None
        if user_email is not None:
            row = self.conn.execute('SELECT id FROM "User" WHERE lower(email) = lower(%s)', (user_email,)).fetchone()
            if row is None:
                raise NotFound(f"The web app's database has no user with the e-mail {user_email!r}.", email=user_email)
            self.user_id = _ascii(row[0])

    def _install_raw_text(self) -> None:
        from psycopg.adapt import Loader

        class RawText(Loader):
            def load(self, data: Any) -> bytes:
                return bytes(data)

        for name in ("text", "varchar", "bpchar", "name"):
            self.conn.adapters.register_loader(name, RawText)

    def _check_schema(self) -> None:
        missing = [
            table
            for table in ("User", "Project", "Message")
            if self.conn.execute("SELECT to_regclass(%s)", (f'"{table}"',)).fetchone()[0] is None
        ]
        if missing:
            raise InvalidRequest(
                f"{redact(self.url)} does not look like the vibing2 web app's database (no table "
                f"{', '.join(repr(t) for t in missing)}).",
                url=redact(self.url),
            )
        self.has = {
            table: self.conn.execute("SELECT to_regclass(%s)", (f'"{table}"',)).fetchone()[0] is not None
            for table in (
                "Version",
                "TokenUsage",
                "ProjectFork",
                "ProjectCollaborator",
                "Session",
                "ProjectLike",
                "ProjectRating",
                "ProjectInvitation",
                "PresenceSession",
                "JoinRequest",
                "Competition",
                "CompetitionVote",
                "Account",
                "VerificationToken",
            )
        }

    def close(self) -> None:
        try:
            self.conn.rollback()
        except self.errors:
            pass  # the connection is already gone
        finally:
            self.conn.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- filters ------------------------------------------------------------------------------

    def _where_user(self, column: str) -> tuple[str, tuple]:
        if self.user_id is None:
            return "", ()
        return f" WHERE {column} = %s", (self.user_id,)

    def _projects_filter(self, column: str) -> tuple[str, tuple]:
        """Rows belonging to the chosen user's projects (all rows without --user)."""
        if self.user_id is None:
            return "", ()
        return f' WHERE {column} IN (SELECT id FROM "Project" WHERE "userId" = %s)', (self.user_id,)

    def _count(self, sql: str, params: tuple = ()) -> int:
        return int(self.conn.execute(sql, params).fetchone()[0])

    # -- reads --------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        where, params = self._where_user('"userId"')
        counts = {"projects": self._count(f'SELECT count(*) FROM "Project"{where}', params)}
        where, params = self._projects_filter('"projectId"')
        counts["messages"] = self._count(f'SELECT count(*) FROM "Message"{where}', params)
        counts["versions"] = self._count(f'SELECT count(*) FROM "Version"{where}', params) if self.has["Version"] else 0
        return counts

    def users(self) -> list[UserRow]:
        where, params = (" WHERE id = %s", (self.user_id,)) if self.user_id else ("", ())
        rows = self.conn.execute(
            'SELECT id, email, name, password IS NOT NULL, "createdAt", "updatedAt" FROM "User"'
            + where
            + ' ORDER BY "createdAt", id',
            params,
        ).fetchall()
        return [UserRow(_ascii(r[0]), r[1], r[2], bool(r[3]), r[4], r[5]) for r in rows]

    def _stream(self, name: str, sql: str, params: tuple) -> Iterator[tuple]:
        with self.conn.cursor(name=name) as cur:
            cur.itersize = BATCH
            cur.execute(sql, params)
            yield from cur

    def projects(self) -> Iterator[ProjectRow | MessageRow | VersionRow]:
        """Each project with its messages (oldest first) and versions (by number), streamed.

        Messages and versions whose project does not exist are yielded on their own
        (orphans) when every user is imported; with --user they cannot be told apart.
        """
        where, params = self._where_user('"userId"')
        projects = self._stream(
            "vibing_projects",
            'SELECT id, name, description, "projectType"::text, "activeAgents", "currentCode", "previewUrl",'
            ' "userId", "createdAt", "updatedAt", visibility::text FROM "Project"' + where + ' ORDER BY id COLLATE "C"',
            params,
        )
        mwhere, mparams = self._projects_filter('"projectId"')
        messages = self._stream(
            "vibing_messages",
            'SELECT id, "projectId", role, content, "authorName", "tokensUsed", "createdAt" FROM "Message"'
            + mwhere
            + ' ORDER BY "projectId" COLLATE "C", "createdAt", id COLLATE "C"',
            mparams,
        )
        if self.has["Version"]:
            versions: Iterator[tuple] = self._stream(
                "vibing_versions",
                'SELECT id, "projectId", "versionNumber", code, description, "createdAt" FROM "Version"'
                + mwhere
                + ' ORDER BY "projectId" COLLATE "C", "versionNumber", id COLLATE "C"',
                mparams,
            )
        else:
            versions = iter(())
        next_message = next(messages, None)
        next_version = next(versions, None)
        for row in projects:
            project = ProjectRow(
                _ascii(row[0]),
                row[1],
                row[2],
                _ascii(row[3]),
                row[4],
                row[5],
                row[6],
                _ascii(row[7]),
                row[8],
                row[9],
                _ascii(row[10]),
            )
            key = row[0]
            while next_message is not None and next_message[1] <= key:
                message = MessageRow(
                    _ascii(next_message[0]),
                    _ascii(next_message[1]),
                    next_message[2],
                    next_message[3],
                    next_message[4],
                    int(next_message[5]),
                    next_message[6],
                )
                if next_message[1] == key:
                    project.messages.append(message)
                else:
                    yield message
                next_message = next(messages, None)
            while next_version is not None and next_version[1] <= key:
                version = VersionRow(
                    _ascii(next_version[0]),
                    _ascii(next_version[1]),
                    int(next_version[2]),
                    next_version[3],
                    next_version[4],
                    next_version[5],
                )
                if next_version[1] == key:
                    project.versions.append(version)
                else:
                    yield version
                next_version = next(versions, None)
            yield project
        while next_message is not None:
            yield MessageRow(
                _ascii(next_message[0]),
                _ascii(next_message[1]),
                next_message[2],
                next_message[3],
                next_message[4],
                int(next_message[5]),
                next_message[6],
            )
            next_message = next(messages, None)
        while next_version is not None:
            yield VersionRow(
                _ascii(next_version[0]),
                _ascii(next_version[1]),
                int(next_version[2]),
                next_version[3],
                next_version[4],
                next_version[5],
            )
            next_version = next(versions, None)

    def usage(self) -> Iterator[UsageRow]:
        if not self.has["TokenUsage"]:
            return
        where, params = self._where_user('"userId"')
        for row in self._stream(
            "vibing_usage",
            'SELECT id, "userId", "tokensUsed", endpoint, "timestamp"'
            ' FROM "TokenUsage"' + where + ' ORDER BY "timestamp", id',
            params,
        ):
            yield UsageRow(_ascii(row[0]), _ascii(row[1]), int(row[2]), row[3], row[4])

    def forks(self) -> list[tuple[str, str]]:
        """(fork id, original id) for the chosen forks."""
        if not self.has["ProjectFork"]:
            return []
        where, params = self._where_user('f."userId"')
        rows = self.conn.execute('SELECT f."forkId", f."originalId" FROM "ProjectFork" f' + where, params).fetchall()
        return [(_ascii(a), _ascii(b)) for a, b in rows]

    def not_imported(self) -> dict[str, int]:
        """Counts of what the desktop app has no place for (hosted-service and account features)."""
        out: dict[str, int] = {}
        uwhere, uparams = self._where_user('"userId"')
        pwhere, pparams = self._projects_filter('"projectId"')
        if self.user_id is None:
            out["passwords"] = self._count('SELECT count(*) FROM "User" WHERE password IS NOT NULL')
        else:
            out["passwords"] = self._count(
                'SELECT count(*) FROM "User" WHERE password IS NOT NULL AND id = %s', (self.user_id,)
            )
        plan = [
            ("collaborators", "ProjectCollaborator", pwhere, pparams),
            ("sessions", "Session", uwhere, uparams),
            ("accounts", "Account", uwhere, uparams),
            ("likes", "ProjectLike", pwhere, pparams),
            ("ratings", "ProjectRating", pwhere, pparams),
            ("invitations", "ProjectInvitation", pwhere, pparams),
            ("presence", "PresenceSession", pwhere, pparams),
            ("join_requests", "JoinRequest", pwhere, pparams),
            ("competition_votes", "CompetitionVote", pwhere, pparams),
        ]
        for label, table, where, params in plan:
            if self.has[table]:
                out[label] = self._count(f'SELECT count(*) FROM "{table}"{where}', params)
        if self.has["Competition"]:
            where, params = (' WHERE "createdBy" = %s', (self.user_id,)) if self.user_id else ("", ())
            out["competitions"] = self._count(f'SELECT count(*) FROM "Competition"{where}', params)
        if self.has["VerificationToken"] and self.user_id is None:
            out["verification_tokens"] = self._count('SELECT count(*) FROM "VerificationToken"')
        return out
