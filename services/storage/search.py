"""Full-text search (FTS5) over projects, their messages and their files.

Plain words become an FTS5 query where every word must match (the last one as a
prefix, so results come while typing).  Each source (project name and
description, message text, file path and content) is ranked by bm25 on its
own, a project's name weighing most; a project's score is its best hit's.
Snippets are made only for the page returned, with the caller's marks.

Bounded work: bm25 costs about a microsecond per matching row, so a word found
in most of 10,000 projects would cost tens of milliseconds.  When a source has
more than :data:`RANK_WINDOW` matches, only its newest ``RANK_WINDOW`` matches
are ranked (recent work first) and the reply says ``more``.
"""

from __future__ import annotations

import re

import apsw

from vibing.errors import InvalidRequest
from vibing.schema.storage import FileSearchHit, SearchHit

_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_TOKENS = 12
#: Matches per source that are ranked by bm25 (the newest ones when there are more).
RANK_WINDOW = 400
#: A project-name hit counts this much more than a message or file hit of equal bm25.
PROJECT_BOOST = 2.0

_SOURCES = {
    # source: (fts table, "rowid -> project id" query)
    "project": ("projects_fts", "SELECT pk, id, '' FROM projects WHERE pk IN ({})"),
    "message": ("messages_fts", "SELECT pk, project_id, id FROM messages WHERE pk IN ({})"),
    "file": ("files_fts", "SELECT id, project_id, path FROM project_files WHERE id IN ({})"),
}
# Snippets for a page's hits of one source, in one statement (cheaper than one query per hit).
_SNIPPETS = {
    "project": "SELECT rowid, snippet(projects_fts, -1, ?, ?, '…', {n}) FROM projects_fts"
    " WHERE projects_fts MATCH ? AND rowid IN ({ids})",
    "message": "SELECT rowid, snippet(messages_fts, 0, ?, ?, '…', {n}) FROM messages_fts"
    " WHERE messages_fts MATCH ? AND rowid IN ({ids})",
    "file": "SELECT rowid, snippet(files_fts, 1, ?, ?, '…', {n}) FROM files_fts"
    " WHERE files_fts MATCH ? AND rowid IN ({ids})",
}


def to_fts(query: str, raw: bool = False) -> str:
    """A safe FTS5 query from what a person typed (or the query itself when ``raw``)."""
    if raw:
        if not query.strip():
            raise InvalidRequest("The search query is empty.")
        return query
    words = _WORD.findall(query)
    if not words:
        raise InvalidRequest("Type at least one word to search for.")
    parts = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
    return " ".join(parts)


def _run(conn: apsw.Connection, sql: str, params: dict | list) -> list[tuple]:
    try:
        return conn.execute(sql, params).fetchall()
    except apsw.SQLError as exc:  # the SQL is fixed: an error here comes from the FTS5 query
        raise InvalidRequest(f"The search query could not be understood ({exc}).") from None


def _ranked(conn: apsw.Connection, table: str, q: str, wanted: int) -> tuple[list[tuple[int, float]], bool]:
    """(rowid, bm25) of a source's best ``wanted`` matches, and whether there were more."""
    newest = _run(
        conn,
        f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid DESC LIMIT :k",
        {"q": q, "k": RANK_WINDOW + 1},
    )
    if not newest:
        return [], False
    if len(newest) > RANK_WINDOW:
        rows = _run(
            conn,
            f"SELECT rowid, rank FROM {table} WHERE {table} MATCH :q AND rowid >= :floor ORDER BY rank LIMIT :m",
            {"q": q, "floor": newest[RANK_WINDOW - 1][0], "m": wanted},
        )
        return rows, True
    rows = _run(
        conn, f"SELECT rowid, rank FROM {table} WHERE {table} MATCH :q ORDER BY rank LIMIT :m", {"q": q, "m": wanted}
    )
    return rows, len(newest) > wanted


def projects(
    conn: apsw.Connection,
    query: str,
    *,
    limit: int = 20,
    offset: int = 0,
    raw: bool = False,
    mark_open: str = "«",
    mark_close: str = "»",
) -> tuple[list[SearchHit], int, bool]:
    """A page of projects, best first; also how many were found and whether there are more."""
    q = to_fts(query, raw)
    limit = max(1, min(limit, 200))
    offset = max(0, offset)
    wanted = max(30, 2 * (offset + limit))
    best: dict[str, tuple[float, str, int, str]] = {}  # project id -> (score, source, fts rowid, ref)
    more = False
    conn.execute("BEGIN")  # one snapshot for every source
    try:
        for source, (table, owners) in _SOURCES.items():
            rows, truncated = _ranked(conn, table, q, wanted)
            more = more or truncated
            if not rows:
                continue
            owner = {
                row[0]: (row[1], row[2])
                for row in conn.execute(owners.format(",".join("?" * len(rows))), [r[0] for r in rows])
            }
            factor = PROJECT_BOOST if source == "project" else 1.0
            for rowid, rank in rows:
                if rowid not in owner:
                    continue
                project_id, ref = owner[rowid]
                score = rank * factor  # bm25 is negative: lower is better
                if project_id not in best or score < best[project_id][0]:
                    best[project_id] = (score, source, rowid, ref)
        ordered = sorted(best.items(), key=lambda item: item[1][0])
        page = ordered[offset : offset + limit]
        hits = []
        if page:
            ids = [project_id for project_id, _ in page]
            meta = {
                row[0]: row[1:]
                for row in conn.execute(
                    "SELECT id, name, description, project_type, updated_at FROM projects WHERE id IN"
                    f" ({','.join('?' * len(ids))})",
                    ids,
                )
            }
            snippets: dict[tuple[str, int], str] = {}
            for source in _SOURCES:
                rowids = [entry[2] for _, entry in page if entry[1] == source]
                if rowids:
                    sql = _SNIPPETS[source].format(n=SNIPPET_TOKENS, ids=",".join("?" * len(rowids)))
                    for rowid, snippet in _run(conn, sql, [mark_open, mark_close, q, *rowids]):
                        snippets[(source, rowid)] = snippet
            for project_id, (score, source, rowid, ref) in page:
                if project_id not in meta:
                    continue
                name, description, project_type, updated_at = meta[project_id]
                hits.append(
                    SearchHit(
                        project_id=project_id,
                        name=name,
                        description=description,
                        project_type=project_type,
                        updated_at=updated_at,
                        rank=round(score, 4),
                        source=source,
                        snippet=snippets.get((source, rowid), ""),
                        ref=ref,
                    )
                )
    finally:
        conn.execute("COMMIT")
    return hits, len(best), more


def files(
    conn: apsw.Connection,
    query: str,
    *,
    project_id: str = "",
    limit: int = 20,
    raw: bool = False,
    mark_open: str = "«",
    mark_close: str = "»",
) -> list[FileSearchHit]:
    q = to_fts(query, raw)
    where = "AND f.project_id = :pid" if project_id else ""
    sql = (
        f"SELECT f.project_id, f.path, snippet(files_fts, 1, :o, :c, '…', {SNIPPET_TOKENS}), bm25(files_fts, 4.0, 1.0)"
        f" FROM files_fts JOIN project_files f ON f.id = files_fts.rowid WHERE files_fts MATCH :q {where}"
        " ORDER BY bm25(files_fts, 4.0, 1.0) LIMIT :limit"
    )
    rows = _run(
        conn, sql, {"q": q, "pid": project_id, "o": mark_open, "c": mark_close, "limit": max(1, min(limit, 200))}
    )
    return [FileSearchHit(project_id=r[0], path=r[1], snippet=r[2], rank=round(r[3], 4)) for r in rows]
