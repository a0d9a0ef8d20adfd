"""A throwaway PostgreSQL server for the import tests, and the web app's data to put in it.

:class:`Cluster` runs ``initdb`` + ``pg_ctl`` on a temporary folder, listening on a
free loopback port only (no unix socket), as an unprivileged user: PostgreSQL
refuses to run as root, and the tests do run as root, so then the server runs as
the ``postgres`` system user (created by Debian's package) or, failing that, a
``vibingpg`` user we create.  If no server is installed and we are root with
apt-get, Debian's ``postgresql`` package is installed first; only when that is
impossible do the tests skip, saying why.

:func:`generate` fills a database created from ``webapp_schema.sql`` with users,
projects (multi-file and single-document current code, past versions), messages
with non-ASCII text and odd line endings, token usage, social rows, and the bad
rows the importer must report and skip.  It returns what the import must produce.

Used by ``tests/test_import_*.py`` (fixtures ``pg_cluster``/``webapp_db``) and by
``bench/importer.py``.
"""

from __future__ import annotations

import atexit
import datetime as dt
import glob
import os
import pwd
import random
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA_SQL = HERE / "webapp_schema.sql"
UTC = dt.UTC


class ServerUnavailable(RuntimeError):
    """No PostgreSQL server can be installed or started here (the reason is the message)."""


# -- the server ------------------------------------------------------------------------------------------------


def _find_bindir() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if Path(candidate, "initdb").exists() and Path(candidate, "pg_ctl").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    return None


def _install_server() -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise ServerUnavailable(
            "PostgreSQL is not installed and cannot be installed here "
            "(installing Debian's 'postgresql' package needs root and apt-get)."
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"],
    ):
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            raise ServerUnavailable(
                f"Installing Debian's 'postgresql' package failed: {' '.join(cmd)}: "
                f"{(result.stderr or result.stdout).strip()[-500:]}"
            )


def _server_user() -> str | None:
    """The unprivileged user to run the server as (None: ourselves, when we are not root)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "vibingpg"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            pass
    result = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "vibingpg"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise ServerUnavailable(f"Cannot create an unprivileged user to run PostgreSQL: {result.stderr.strip()}")
    return "vibingpg"


def _scratch() -> str:
    """Where clusters live: a RAM disk when there is one (the server's files are throwaway)."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK) else tempfile.gettempdir()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """One running throwaway server; ``url(dbname)`` gives a libpq URL; ``stop()`` removes everything."""

    def __init__(self) -> None:
        bindir = _find_bindir()
        if bindir is None:
            _install_server()
            bindir = _find_bindir()
            if bindir is None:
                raise ServerUnavailable("The 'postgresql' package is installed but initdb/pg_ctl were not found.")
        self.bindir = bindir
        self.user = _server_user()
        self.root = Path(tempfile.mkdtemp(prefix="vibing-pg-", dir=_scratch()))
        self.datadir = self.root / "data"
        self.logfile = self.root / "server.log"
        self.superuser = "postgres"
        self.port = 0
        if self.user:
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        atexit.register(self.stop)  # a session that ends without its fixture teardown leaves no server behind
        self._initdb()
        last = ""
        for _attempt in range(3):  # the free port may be taken between choosing it and binding it
            self.port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories='' "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40"
            )
            result = self._run(
                ["pg_ctl", "-D", str(self.datadir), "-l", str(self.logfile), "-w", "-t", "60", "-o", options, "start"],
                check=False,
            )
            if result.returncode == 0:
                return
            last = result.stderr + result.stdout + self._log_tail()
        self.stop()
        raise ServerUnavailable(f"PostgreSQL did not start: {last.strip()[-800:]}")

    def _initdb(self) -> None:
        """initdb once per machine (a pristine copy kept in the temp dir), then a copy per cluster: a few
        seconds saved on every test session."""
        version = self.bindir.parent.name
        template = Path(_scratch()) / f"vibing-pg-initdb-{version}-{self.user or os.getuid()}"
        if not (template / "PG_VERSION").exists():
            fresh = Path(tempfile.mkdtemp(prefix="vibing-pg-initdb-", dir=_scratch()))
            if self.user:
                entry = pwd.getpwnam(self.user)
                os.chown(fresh, entry.pw_uid, entry.pw_gid)
            self._run(
                [
                    "initdb",
                    "-D",
                    str(fresh / "data"),
                    "-U",
                    self.superuser,
                    "--auth=trust",
                    "--no-sync",
                    "--encoding=UTF8",
                    "--locale=C",
                ]
            )
            try:
                (fresh / "data").rename(template)  # atomic: another session may have won the race
            except OSError:
                pass
            shutil.rmtree(fresh, ignore_errors=True)
        self._run(["cp", "-a", str(template), str(self.datadir)], absolute=True)
        self.datadir.chmod(0o700)

    def _run(self, argv: list[str], *, check: bool = True, absolute: bool = False) -> subprocess.CompletedProcess:
        if not absolute:
            argv = [str(self.bindir / argv[0]), *argv[1:]]
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=self.root)
        if check and result.returncode != 0:
            raise ServerUnavailable(f"{' '.join(argv)} failed: {(result.stderr or result.stdout).strip()[-800:]}")
        return result

    def _log_tail(self) -> str:
        try:
            return self.logfile.read_text(errors="replace")[-800:]
        except OSError:
            return ""

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{self.superuser}@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, dbname: str, *, sql_ascii: bool = True) -> str:
        """A new empty database; SQL_ASCII (the default) can hold bytes that are not UTF-8, as old databases do."""
        import psycopg

        encoding = "SQL_ASCII" if sql_ascii else "UTF8"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}"')
            conn.execute(
                f"CREATE DATABASE \"{dbname}\" TEMPLATE template0 ENCODING '{encoding}' LC_COLLATE 'C' LC_CTYPE 'C'"
            )
        return self.url(dbname)

    def create_webapp_database(self, dbname: str, *, sql_ascii: bool = True) -> str:
        """A database with the web app's schema (tables empty)."""
        import psycopg

        url = self.create_database(dbname, sql_ascii=sql_ascii)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
        return url

    def stop(self) -> None:
        if self.datadir.exists() and (self.datadir / "postmaster.pid").exists():
            self._run(["pg_ctl", "-D", str(self.datadir), "-m", "immediate", "-w", "stop"], check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> Cluster:
    return Cluster()


# -- the web app's data ---------------------------------------------------------------------------------------


@dataclass
class ExpectedMessage:
    source_id: str
    role: str
    content: str
    created_at: float
    tokens: int


@dataclass
class ExpectedProject:
    source_id: str
    owner_email: str
    name: str
    description: str
    project_type: str  # local spelling: "mobile-app"
    created_at: float
    updated_at: float
    agents: list[str]
    files: dict[str, str]
    messages: list[ExpectedMessage]
    #: Each version's files, oldest first (the checkpoints before the current one).
    versions: list[dict[str, str]]
    forked_from: str = ""


@dataclass
class Expected:
    """What an import of everything must produce, and the problems it must report."""

    users: dict[str, str] = field(default_factory=dict)  # source id -> email
    projects: dict[str, ExpectedProject] = field(default_factory=dict)
    usage_rows: dict[str, tuple[str, int]] = field(default_factory=dict)  # source id -> (user id, tokens)
    #: (kind, source id, words the reason must contain)
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    social: dict[str, int] = field(default_factory=dict)

    def for_user(self, email: str) -> list[ExpectedProject]:
        return [p for p in self.projects.values() if p.owner_email == email]


_WORDS = (
    "pomodoro timer dark theme button focus break session counter music todo weather card grid chart "
    "gradient neon retro arcade score level canvas sprite api endpoint token dashboard metric"
).split()
_ODD = [
    "café",
    "naïve",
    "Straße",
    "日本語のテキスト",
    "emoji 🍅⏱️",
    "Ελληνικά",
    "עברית",
    "tab\there",
    "x\u00a0y",
    "line\r\nwith CRLF",
    "trailing space  ",
    "back\\slash",
    "quote ' \" `",
    "zero\u200bwidth",
]


def _cuid(rng: random.Random, prefix: str = "c") -> str:
    return prefix + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24))


def _text(rng: random.Random, words: int) -> str:
    out = []
    for _ in range(words):
        out.append(rng.choice(_ODD) if rng.random() < 0.08 else rng.choice(_WORDS))
    return " ".join(out)


def _ms(rng: random.Random, base: dt.datetime, offset_s: float) -> dt.datetime:
    return base + dt.timedelta(milliseconds=int(offset_s * 1000) + rng.randint(0, 999))


def _epoch(value: dt.datetime) -> float:
    return value.replace(tzinfo=UTC).timestamp()


def _file_body(rng: random.Random, path: str, lines: int) -> str:
    ext = path.rsplit(".", 1)[-1]
    start = {
        "html": '<!DOCTYPE html>\n<html lang="en">\n<body>\n',
        "css": ":root { --accent: #f40; }\n",
        "js": "'use strict';\n",
        "json": "{\n",
        "md": "# Notes\n",
    }.get(ext, "")
    body = [start]
    for i in range(lines):
        body.append(f"  /* {i} */ {_text(rng, 6)}" + ("\r\n" if rng.random() < 0.05 else "\n"))
    if rng.random() < 0.3:
        body.append("no newline at the end")
    return "".join(body)


def fenced(files: dict[str, str]) -> str:
    """Several files as the web app's multi-file answer: fenced blocks whose info string is ``lang path``."""
    parts = []
    for path, content in files.items():
        lang = {"html": "html", "css": "css", "js": "javascript", "json": "json", "md": "markdown"}.get(
            path.rsplit(".", 1)[-1], "text"
        )
        parts.append(f"```{lang} {path}\n{content}\n```\n")
    return "\n".join(parts)


_PATHS = [
    "index.html",
    "styles.css",
    "app.js",
    "data/config.json",
    "docs/README.md",
    "src/lib/util.js",
    "assets/theme.css",
    "pages/about.html",
]
_TYPES = [
    ("WEBSITE", "website"),
    ("MOBILE_APP", "mobile-app"),
    ("GAME", "game"),
    ("API", "api"),
    ("DASHBOARD", "dashboard"),
]


def generate(
    url: str,
    *,
    users: int = 3,
    projects: int = 12,
    messages: int = 6,
    files: int = 3,
    versions: int = 2,
    usage: int = 4,
    bad: bool = True,
    seed: int = 7,
    file_lines: int = 12,
    single_document_every: int = 3,
) -> Expected:
    """Fill the web app's tables at ``url``; ``projects`` is per user.  Returns what the import must produce.

    Every ``single_document_every``-th project has one standalone HTML document as its code (the web
    app's own format); the others a multi-file answer of ``files`` files (0: all multi-file).
    """
    import psycopg

    rng = random.Random(seed)
    expected = Expected()
    base = dt.datetime(2025, 3, 1, 9, 30, 0)
    user_rows, project_rows, message_rows, version_rows, usage_rows = [], [], [], [], []
    user_ids = []
    for u in range(users):
        uid = _cuid(rng)
        email = f"user{u}@example.com"
        user_ids.append(uid)
        expected.users[uid] = email
        created = _ms(rng, base, u * 3600)
        user_rows.append(
            (
                uid,
                email,
                f"User {u} {rng.choice(_ODD)}",
                f"$2b$10${_cuid(rng, 'hash')}",
                rng.choice(["FREE", "PRO", "BUSINESS", "ENTERPRISE"]),
                created,
                created,
            )
        )
        for p in range(projects):
            pid = _cuid(rng)
            ptype, local_type = _TYPES[(u + p) % len(_TYPES)]
            created_p = _ms(rng, base, 86400 + u * 1000 + p * 600)
            updated_p = _ms(rng, created_p, 3600)
            agents = rng.sample(["frontend-developer", "ui-designer", "game-developer", "api-builder"], k=1 + p % 2)
            single = bool(single_document_every) and p % single_document_every == 0
            if single:  # the web app's own format: one standalone HTML document
                current = {"index.html": _file_body(rng, "index.html", file_lines)}
                code = current["index.html"]
            else:
                current = {path: _file_body(rng, path, file_lines) for path in _PATHS[:files]}
                code = fenced(current)
            past = []
            for v in range(versions):
                if single:
                    files_v = {"index.html": _file_body(rng, "index.html", file_lines)}
                    code_v = files_v["index.html"]
                else:
                    files_v = {path: _file_body(rng, path, file_lines) for path in _PATHS[: max(1, files - 1)]}
                    code_v = fenced(files_v)
                past.append(files_v)
                version_rows.append(
                    (
                        _cuid(rng),
                        v + 1,
                        code_v,
                        f"Version {v + 1} {_text(rng, 2)}",
                        pid,
                        _ms(rng, created_p, 60 * (v + 1)),
                    )
                )
            msgs = []
            for m in range(messages):
                mid = _cuid(rng)
                role = "user" if m % 2 == 0 else "assistant"
                content = _text(rng, 8 if role == "user" else 40)
                if m % 5 == 4:
                    content += "\n\n```html index.html\n<p>" + _text(rng, 3) + "</p>\n```\n"
                created_m = _ms(rng, created_p, 5 + m * 30)
                tokens = 0 if role == "user" else rng.randint(100, 5000)
                msgs.append(ExpectedMessage(mid, role, content, _epoch(created_m), tokens))
                message_rows.append(
                    (
                        mid,
                        role,
                        content,
                        uid if role == "user" else None,
                        None,
                        tokens,
                        rng.random() * 80,
                        rng.randint(0, 50),
                        pid,
                        created_m,
                    )
                )
            description = _text(rng, 10) if p % 4 else None
            name = f"{_text(rng, 2).title()} {u}-{p}"
            project_rows.append(
                (
                    pid,
                    name,
                    description,
                    ptype,
                    _json_list(agents),
                    code,
                    None,
                    uid,
                    created_p,
                    updated_p,
                    "PRIVATE" if p % 2 else "PUBLIC",
                )
            )
            expected.projects[pid] = ExpectedProject(
                source_id=pid,
                owner_email=email,
                name=name,
                description=description or "",
                project_type=local_type,
                created_at=_epoch(created_p),
                updated_at=_epoch(updated_p),
                agents=agents,
                files=current,
                messages=msgs,
                versions=past,
            )
        for _ in range(usage):
            tid = _cuid(rng)
            tokens = rng.randint(10, 9000)
            usage_rows.append(
                (
                    tid,
                    tokens,
                    rng.random() * 100,
                    rng.randint(0, 40),
                    uid,
                    rng.choice(["/api/agent/stream", "/api/projects/generate-title"]),
                    _ms(rng, base, 90000 + rng.randint(0, 9999)),
                )
            )
            expected.usage_rows[tid] = (uid, tokens)

    with psycopg.connect(url, autocommit=False) as conn:
        conn.execute("SET client_encoding = 'UTF8'")
        with conn.cursor() as cur:
            _copy(cur, "User", ("id", "email", "name", "password", "plan", "createdAt", "updatedAt"), user_rows)
            _copy(
                cur,
                "Project",
                (
                    "id",
                    "name",
                    "description",
                    "projectType",
                    "activeAgents",
                    "currentCode",
                    "previewUrl",
                    "userId",
                    "createdAt",
                    "updatedAt",
                    "visibility",
                ),
                project_rows,
            )
            _copy(
                cur,
                "Message",
                (
                    "id",
                    "role",
                    "content",
                    "authorId",
                    "authorName",
                    "tokensUsed",
                    "contextAtTime",
                    "pfcSaved",
                    "projectId",
                    "createdAt",
                ),
                message_rows,
            )
            _copy(
                cur, "Version", ("id", "versionNumber", "code", "description", "projectId", "createdAt"), version_rows
            )
            _copy(
                cur,
                "TokenUsage",
                ("id", "tokensUsed", "contextUsed", "savedTokens", "userId", "endpoint", "timestamp"),
                usage_rows,
            )
            _social(cur, rng, expected, user_ids)
            if bad:
                _bad_rows(cur, rng, expected, user_ids, base)
        conn.commit()
    return expected


def _json_list(items: list[str]) -> str:
    import json

    return json.dumps(items)


def _copy(cur, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    cols = ", ".join(f'"{c}"' for c in columns)
    with cur.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def _social(cur, rng: random.Random, expected: Expected, user_ids: list[str]) -> None:
    """Rows of hosted-service features: counted by the import, never imported."""
    pids = list(expected.projects)
    if len(pids) < 2 or len(user_ids) < 2:
        return
    now = dt.datetime(2025, 6, 1)
    counts = {"collaborators": 0, "sessions": 0, "likes": 0, "ratings": 0, "invitations": 0, "accounts": 0}
    for i, uid in enumerate(user_ids):
        cur.execute(
            'INSERT INTO "Session"(id, "sessionToken", "userId", expires) VALUES (%s, %s, %s, %s)',
            (_cuid(rng), _cuid(rng, "tok"), uid, now),
        )
        cur.execute(
            'INSERT INTO "Account"(id, "userId", type, provider, "providerAccountId", access_token)'
            " VALUES (%s, %s, 'oauth', 'github', %s, %s)",
            (_cuid(rng), uid, f"gh{i}", _cuid(rng, "gho_")),
        )
        counts["sessions"] += 1
        counts["accounts"] += 1
        other = pids[(i * 7 + 1) % len(pids)]
        if expected.projects[other].owner_email != expected.users[uid]:
            cur.execute(
                'INSERT INTO "ProjectCollaborator"(id, "userId", "projectId", role) VALUES (%s, %s, %s, %s)',
                (_cuid(rng), uid, other, "EDITOR"),
            )
            cur.execute(
                'INSERT INTO "ProjectLike"(id, "projectId", "userId") VALUES (%s, %s, %s)', (_cuid(rng), other, uid)
            )
            cur.execute(
                'INSERT INTO "ProjectRating"(id, "projectId", "userId", rating, comment)'
                " VALUES (%s, %s, %s, 4, 'nice')",
                (_cuid(rng), other, uid),
            )
            cur.execute(
                'INSERT INTO "ProjectInvitation"(id, "senderId", "receiverEmail", "projectId")'
                " VALUES (%s, %s, 'friend@example.com', %s)",
                (_cuid(rng), uid, other),
            )
            counts["collaborators"] += 1
            counts["likes"] += 1
            counts["ratings"] += 1
            counts["invitations"] += 1
    # A fork: the second project of user 1 was forked from the first project of user 0.
    owner0 = [p for p in expected.projects.values() if p.owner_email == expected.users[user_ids[0]]]
    owner1 = [p for p in expected.projects.values() if p.owner_email == expected.users[user_ids[1]]]
    if owner0 and len(owner1) > 1:
        original, fork = owner0[0], owner1[1]
        cur.execute(
            'INSERT INTO "ProjectFork"(id, "originalId", "forkId", "userId") VALUES (%s, %s, %s, %s)',
            (_cuid(rng), original.source_id, fork.source_id, user_ids[1]),
        )
        fork.forked_from = original.source_id
        counts["forks"] = 1
    expected.social = counts


def _bad_rows(cur, rng: random.Random, expected: Expected, user_ids: list[str], base: dt.datetime) -> None:
    """The rows the importer must report and skip (everything else in those projects still arrives)."""
    uid = user_ids[0]
    email = expected.users[uid]
    created = _ms(rng, base, 200000)

    def project(name: str, code: str, files: dict[str, str], *, name_bytes: bytes | None = None) -> str:
        pid = _cuid(rng, "bad")
        cur.execute(
            'INSERT INTO "Project"(id, name, description, "projectType", "activeAgents", "currentCode",'
            ' "userId", "createdAt", "updatedAt") VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)',
            (pid, name, "bad rows inside", "WEBSITE", "not json [", code, uid, created, created),
        )
        if name_bytes is not None:
            cur.execute(
                "UPDATE \"Project\" SET name = convert_from(%s::bytea, 'SQL_ASCII') WHERE id = %s", (name_bytes, pid)
            )
        else:
            expected.projects[pid] = ExpectedProject(
                source_id=pid,
                owner_email=email,
                name=name,
                description="bad rows inside",
                project_type="website",
                created_at=_epoch(created),
                updated_at=_epoch(created),
                agents=[],
                files=files,
                messages=[],
                versions=[],
            )
        return pid

    # 1. a file whose path escapes the project (the other files of that project still arrive)
    good = {"index.html": "<!DOCTYPE html>\n<p>escape attempt next door</p>\n"}
    pid = project("Escaping path", fenced({**good, "../../outside.js": "alert('out')\n"}), good)
    expected.problems.append(("file", pid, ".."))
    # 2. an oversize file (over the 2 MB default per file): the project arrives without it
    big = "<!DOCTYPE html>\n" + ("<p>" + "x" * 1020 + "</p>\n") * 2100
    pid = project("Oversize file", big, {})
    expected.problems.append(("file", pid, "limit"))
    # 3. a message whose project does not exist (possible once the foreign key was not enforced)
    # (one sorting before every project id, one among them, one after them: every branch of the merge)
    cur.execute("SET session_replication_role = replica")
    for missing in ("0-before-all", "cm-among-them", "no-such-project"):
        orphan = _cuid(rng, "orph")
        cur.execute(
            'INSERT INTO "Message"(id, role, content, "projectId", "createdAt") VALUES (%s, %s, %s, %s, %s)',
            (orphan, "user", "lost message", missing, created),
        )
        expected.problems.append(("message", orphan, "project"))
    orphan = _cuid(rng, "orph")
    cur.execute(
        'INSERT INTO "Version"(id, "versionNumber", code, "projectId", "createdAt")'
        " VALUES (%s, 1, '<p>lost</p>', 'cm-among-them', %s)",
        (orphan, created),
    )
    expected.problems.append(("version", orphan, "project"))
    cur.execute("SET session_replication_role = DEFAULT")
    # 4. invalid UTF-8 in a message of a good project (the message is skipped, the others arrive)
    target = next(iter(p for p in expected.projects.values() if p.owner_email == email and p.messages))
    broken = _cuid(rng, "utf")
    cur.execute(
        'INSERT INTO "Message"(id, role, content, "projectId", "createdAt")'
        " VALUES (%s, 'user', convert_from(%s::bytea, 'SQL_ASCII'), %s, %s)",
        (broken, b"caf\xe9 in latin-1 \xff\xfe", target.source_id, dt.datetime(2025, 3, 2)),
    )
    expected.problems.append(("message", broken, "UTF-8"))
    # 5. invalid UTF-8 in a project's name: the project is skipped
    pid = project("", "<p>never arrives</p>", {}, name_bytes=b"Bad \xc3\x28 name")
    expected.problems.append(("project", pid, "UTF-8"))
    # 6. a message with a role the desktop app does not know
    odd = _cuid(rng, "role")
    cur.execute(
        'INSERT INTO "Message"(id, role, content, "projectId", "createdAt") VALUES (%s, %s, %s, %s, %s)',
        (odd, "tool", "tool output", target.source_id, dt.datetime(2025, 3, 2)),
    )
    expected.problems.append(("message", odd, "role"))


def iter_expected_files(expected: Expected) -> Iterator[tuple[str, str, str]]:
    for project in expected.projects.values():
        for path, content in project.files.items():
            yield project.source_id, path, content


# -- pytest fixtures (import them into a test module: ``from postgres import pg_cluster``) ---------------------

try:
    import pytest
except ImportError:  # the bench loads this module without pytest
    pytest = None  # type: ignore[assignment]

if pytest is not None:

    @pytest.fixture(scope="session")
    def pg_cluster() -> Iterator[Cluster]:
        """One throwaway server per test session (per xdist worker), stopped at the end."""
        try:
            import psycopg  # noqa: F401
        except ImportError:
            pytest.skip("psycopg is not installed (pip install 'vibing[postgres]')")
        try:
            cluster = start_cluster()
        except ServerUnavailable as exc:
            pytest.skip(f"no PostgreSQL server: {exc}")
        yield cluster
        cluster.stop()
