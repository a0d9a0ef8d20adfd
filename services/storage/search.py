"""Full-text search (FTS5) over projects, their messages and their files.

Plain words become an FTS5 query where every word must match (the last one as a
prefix, so results come while typing).  Ranking is bm25 with a project's name
weighing most; a project's score is its best hit's.  Snippets are made only for
the page of results returned, with the caller's highlight marks.
"""

from __future__ import annotations

import re

import apsw

from schema.storage import FileSearchHit, SearchHit
from vibing.errors import InvalidRequest

_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_TOKENS = 12

# bm25 is negative: lower is better.  Weights scale each source's score.
_HITS = """
SELECT p.id, bm25(projects_fts, 10.0, 3.0) * 2.0 AS r, 'project' AS src, projects_fts.rowid AS fts_rowid
FROM projects_fts JOIN projects p ON p.pk = projects_fts.rowid
WHERE projects_fts MATCH :q
UNION ALL
SELECT m.project_id, bm25(messages_fts), 'message', messages_fts.rowid
FROM messages_fts JOIN messages m ON m.pk = messages_fts.rowid
WHERE messages_fts MATCH :q
UNION ALL
SELECT f.project_id, bm25(files_fts, 4.0, 1.0), 'file', files_fts.rowid
FROM files_fts JOIN project_files f ON f.id = files_fts.rowid
WHERE files_fts MATCH :q
"""

_RANKED = f"""
SELECT h.id, min(h.r), h.src, h.fts_rowid, p.name, p.description, p.project_type, p.updated_at
FROM ({_HITS}) h JOIN projects p ON p.id = h.id
GROUP BY h.id
ORDER BY min(h.r), p.updated_at DESC
LIMIT :limit OFFSET :offset
"""

_COUNT = f"SELECT count(DISTINCT id) FROM ({_HITS})"

_SNIPPETS = {
    "project": ("SELECT snippet(projects_fts, -1, :o, :c, '…', {n}), '' FROM projects_fts"
                " WHERE projects_fts MATCH :q AND rowid = :rowid"),
    "message": ("SELECT snippet(messages_fts, 0, :o, :c, '…', {n}), m.id FROM messages_fts"
                " JOIN messages m ON m.pk = messages_fts.rowid WHERE messages_fts MATCH :q AND messages_fts.rowid = :rowid"),
    "file": ("SELECT snippet(files_fts, 1, :o, :c, '…', {n}), f.path FROM files_fts"
             " JOIN project_files f ON f.id = files_fts.rowid WHERE files_fts MATCH :q AND files_fts.rowid = :rowid"),
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


def _run(conn: apsw.Connection, sql: str, params: dict) -> list[tuple]:
    try:
        return conn.execute(sql, params).fetchall()
    except apsw.SQLError as exc:  # the SQL is fixed: an error here comes from the FTS5 query
        raise InvalidRequest(f"The search query could not be understood ({exc}).") from None


def projects(conn: apsw.Connection, query: str, *, limit: int = 20, offset: int = 0, raw: bool = False,
             mark_open: str = "«", mark_close: str = "»") -> tuple[list[SearchHit], int]:
    q = to_fts(query, raw)
    limit = max(1, min(limit, 200))
    rows = _run(conn, _RANKED, {"q": q, "limit": limit, "offset": max(0, offset)})
    if len(rows) < limit and offset == 0:
        total = len(rows)
    else:
        total = _run(conn, _COUNT, {"q": q})[0][0]
    hits = []
    for project_id, rank, source, fts_rowid, name, description, project_type, updated_at in rows:
        found = _run(conn, _SNIPPETS[source].format(n=SNIPPET_TOKENS),
                     {"q": q, "rowid": fts_rowid, "o": mark_open, "c": mark_close})
        snippet, ref = found[0] if found else ("", "")
        hits.append(SearchHit(project_id=project_id, name=name, description=description, project_type=project_type,
                              updated_at=updated_at, rank=round(rank, 4), source=source, snippet=snippet, ref=ref))
    return hits, total


def files(conn: apsw.Connection, query: str, *, project_id: str = "", limit: int = 20, raw: bool = False,
          mark_open: str = "«", mark_close: str = "»") -> list[FileSearchHit]:
    q = to_fts(query, raw)
    where = "AND f.project_id = :pid" if project_id else ""
    sql = (f"SELECT f.project_id, f.path, snippet(files_fts, 1, :o, :c, '…', {SNIPPET_TOKENS}), bm25(files_fts, 4.0, 1.0)"
           f" FROM files_fts JOIN project_files f ON f.id = files_fts.rowid WHERE files_fts MATCH :q {where}"
           " ORDER BY bm25(files_fts, 4.0, 1.0) LIMIT :limit")
    rows = _run(conn, sql, {"q": q, "pid": project_id, "o": mark_open, "c": mark_close,
                            "limit": max(1, min(limit, 200))})
    return [FileSearchHit(project_id=r[0], path=r[1], snippet=r[2], rank=round(r[3], 4)) for r in rows]
