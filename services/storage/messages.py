"""Messages, durable streaming of assistant messages, and token usage.

A streamed assistant message is created with status ``streaming`` and grows by
batches (:func:`append`): each batch carries the sequence number of its last
token, and a batch whose number is not above the stored one was applied
before (a retry) and changes nothing.  :func:`finish` sets the final status and
writes the message's token_usage row, once.
"""

from __future__ import annotations

import time
import uuid

import apsw

from vibing.errors import Conflict, InvalidRequest, NotFound
from vibing.schema.storage import MessageInfo, ModelUsage, UsageReply
from vibing.services.storage import attachments
from vibing.services.storage.db import LOCAL_USER_ID

ROLES = ("user", "assistant", "system")
STATUSES = ("complete", "streaming", "stopped", "interrupted", "error")
FINAL = ("complete", "stopped", "interrupted", "error")
MAX_MESSAGE_BYTES = 8 * 1024 * 1024

_SELECT = """
SELECT m.id, m.project_id, m.role, m.content, m.status, m.created_at, m.updated_at, m.agent, m.model, m.last_seq,
       m.error, coalesce(u.input_tokens, 0), coalesce(u.output_tokens, 0), coalesce(u.cost_usd, 0.0)
FROM messages m
LEFT JOIN (SELECT message_id, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
                  sum(cost_usd) AS cost_usd
           FROM token_usage WHERE message_id IS NOT NULL {usage_filter} GROUP BY message_id) u
       ON u.message_id = m.id
"""
_BY_ID = _SELECT.format(usage_filter="AND message_id = ?1") + " WHERE m.id = ?1"


def _info(row: tuple) -> MessageInfo:
    return MessageInfo(
        id=row[0],
        project_id=row[1],
        role=row[2],
        content=row[3],
        status=row[4],
        created_at=row[5],
        updated_at=row[6],
        agent=row[7],
        model=row[8],
        last_seq=row[9],
        error=row[10],
        input_tokens=row[11],
        output_tokens=row[12],
        cost_usd=row[13],
    )


def new_id() -> str:
    return uuid.uuid4().hex


# A project's messages are read as two plain queries joined here: the project's usage sums by
# message (a few rows), then the messages themselves.  The one-statement LEFT JOIN above made
# SQLite materialise the usage and build an automatic index on it for every load, which cost
# more than reading the 200 messages of a large project (``vibing bench``, storage.load_*).
_PROJECT_MESSAGES = (
    "SELECT id, project_id, role, content, status, created_at, updated_at, agent, model, last_seq, error"
    " FROM messages WHERE project_id = ?1 ORDER BY pk"
)
_PROJECT_USAGE = (
    "SELECT message_id, sum(input_tokens), sum(output_tokens), sum(cost_usd) FROM token_usage"
    " WHERE project_id = ?1 AND message_id IS NOT NULL GROUP BY message_id"
)
_NO_USAGE = (None, 0, 0, 0.0)


def for_project(conn: apsw.Connection, project_id: str, limit: int = 0, offset: int = 0) -> list[MessageInfo]:
    """A project's messages, oldest first, each with its token usage (the same rows as :data:`_SELECT` gives).

    Rows are unpacked straight into keyword arguments: this is the hot path of ``LoadProject``.
    """
    with conn:  # a savepoint: both queries read one snapshot, inside a caller's transaction or not
        usage = {row[0]: row for row in conn.execute(_PROJECT_USAGE, (project_id,))}
        if limit > 0:
            sql, params = _PROJECT_MESSAGES + " LIMIT ?2 OFFSET ?3", (project_id, limit, max(0, offset))
        else:
            sql, params = _PROJECT_MESSAGES, (project_id,)
        rows = conn.execute(sql, params).fetchall()
    found = usage.get
    out = []
    append = out.append
    for message_id, project, role, content, status, created_at, updated_at, agent, model, last_seq, error in rows:
        _mid, input_tokens, output_tokens, cost_usd = found(message_id, _NO_USAGE)
        append(
            MessageInfo(
                id=message_id,
                project_id=project,
                role=role,
                content=content,
                status=status,
                created_at=created_at,
                updated_at=updated_at,
                agent=agent,
                model=model,
                last_seq=last_seq,
                error=error,
                input_tokens=input_tokens,
                output_tokens=output_tokens,
                cost_usd=cost_usd,
            )
        )
    attachments.attach(conn, project_id, out)
    return out


def get(conn: apsw.Connection, message_id: str) -> MessageInfo:
    row = conn.execute(_BY_ID, (message_id,)).fetchone()
    if row is None:
        raise NotFound(f"No message with id {message_id!r}.", message_id=message_id)
    info = _info(row)
    if info.role == "user":
        info.attachments = attachments.of_message(conn, message_id)
    return info


def streaming(conn: apsw.Connection) -> list[MessageInfo]:
    ids = [row[0] for row in conn.execute("SELECT id FROM messages WHERE status = 'streaming' ORDER BY pk")]
    return [get(conn, message_id) for message_id in ids]


def _check_content(content: str) -> None:
    if len(content) > MAX_MESSAGE_BYTES // 4 and len(content.encode("utf-8")) > MAX_MESSAGE_BYTES:
        raise InvalidRequest(
            f"A message can hold at most {MAX_MESSAGE_BYTES // (1024 * 1024)} MB of text.", limit=MAX_MESSAGE_BYTES
        )


def add(
    conn: apsw.Connection,
    project_id: str,
    role: str,
    content: str,
    *,
    agent: str = "",
    model: str = "",
    status: str = "complete",
    message_id: str = "",
) -> str:
    if role not in ROLES:
        raise InvalidRequest(f"Unknown message role {role!r}; choose user, assistant or system.")
    if status not in STATUSES:
        raise InvalidRequest(f"Unknown message status {status!r}.")
    _check_content(content)
    message_id = message_id or new_id()
    now = time.time()
    conn.execute(
        "INSERT INTO messages(id, project_id, role, content, agent, model, status, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (message_id, project_id, role, content, agent, model, status, now, now),
    )
    conn.execute("UPDATE projects SET updated_at = ? WHERE id = ?", (now, project_id))
    return message_id


def _state(conn: apsw.Connection, message_id: str) -> tuple[str, str, int, str]:
    row = conn.execute("SELECT project_id, status, last_seq, role FROM messages WHERE id = ?", (message_id,)).fetchone()
    if row is None:
        raise NotFound(f"No message with id {message_id!r}.", message_id=message_id)
    return row


def append(conn: apsw.Connection, message_id: str, text: str, seq: int) -> tuple[str, bool, int, int]:
    """Append ``text`` if ``seq`` is new; returns (project_id, applied, last_seq, length)."""
    project_id, status, last_seq, _role = _state(conn, message_id)
    if seq <= last_seq:
        length = conn.execute("SELECT length(content) FROM messages WHERE id = ?", (message_id,)).fetchone()[0]
        return project_id, False, last_seq, length
    if status != "streaming":
        raise Conflict(
            f"The message {message_id} is {status}, not streaming; resume it before appending.",
            message_id=message_id,
            status=status,
        )
    conn.execute(
        "UPDATE messages SET content = content || ?, last_seq = ?, updated_at = ? WHERE id = ?",
        (text, seq, time.time(), message_id),
    )
    length = conn.execute("SELECT length(content) FROM messages WHERE id = ?", (message_id,)).fetchone()[0]
    return project_id, True, seq, length


def finish(
    conn: apsw.Connection,
    message_id: str,
    status: str,
    *,
    text: str = "",
    seq: int = -1,
    input_tokens: int = 0,
    output_tokens: int = 0,
    model: str = "",
    cost_usd: float = 0.0,
    error: str = "",
    cache_creation_input_tokens: int = 0,
    cache_read_input_tokens: int = 0,
) -> str:
    """Final status, last batch and usage; finishing again only repeats nothing.  Returns the project id."""
    if status not in FINAL:
        raise InvalidRequest(f"A message finishes as complete, stopped, interrupted or error, not {status!r}.")
    project_id, current, last_seq, _role = _state(conn, message_id)
    if text and seq > last_seq and current == "streaming":
        append(conn, message_id, text, seq)
    elif text and seq < 0 and current == "streaming":
        conn.execute("UPDATE messages SET content = content || ? WHERE id = ?", (text, message_id))
    now = time.time()
    conn.execute(
        "UPDATE messages SET status = ?, error = ?, model = CASE WHEN ? != '' THEN ? ELSE model END, updated_at = ?"
        " WHERE id = ?",
        (status, error, model, model, now, message_id),
    )
    already = conn.execute("SELECT 1 FROM token_usage WHERE message_id = ? LIMIT 1", (message_id,)).fetchone()
    cached = (cache_creation_input_tokens, cache_read_input_tokens)
    if not already and (input_tokens or output_tokens or cost_usd or any(cached)):
        if model == "":
            model = conn.execute("SELECT model FROM messages WHERE id = ?", (message_id,)).fetchone()[0]
        record_usage(
            conn,
            project_id,
            model,
            input_tokens,
            output_tokens,
            cost_usd,
            message_id=message_id,
            now=now,
            cache_creation_input_tokens=cache_creation_input_tokens,
            cache_read_input_tokens=cache_read_input_tokens,
        )
    conn.execute("UPDATE projects SET updated_at = ? WHERE id = ?", (now, project_id))
    return project_id


def resume(conn: apsw.Connection, message_id: str) -> str:
    project_id, status, _last_seq, role = _state(conn, message_id)
    if role != "assistant":
        raise InvalidRequest("Only an assistant message can be resumed.", message_id=message_id)
    if status == "complete":
        raise Conflict(f"The message {message_id} is complete; there is nothing to resume.", message_id=message_id)
    conn.execute(
        "UPDATE messages SET status = 'streaming', error = '', updated_at = ? WHERE id = ?", (time.time(), message_id)
    )
    return project_id


def record_usage(
    conn: apsw.Connection,
    project_id: str,
    model: str,
    input_tokens: int,
    output_tokens: int,
    cost_usd: float,
    *,
    message_id: str = "",
    now: float | None = None,
    cache_creation_input_tokens: int = 0,
    cache_read_input_tokens: int = 0,
) -> None:
    if min(input_tokens, output_tokens, cost_usd, cache_creation_input_tokens, cache_read_input_tokens) < 0:
        raise InvalidRequest("Token counts and costs cannot be negative.")
    conn.execute(
        "INSERT INTO token_usage(user_id, project_id, message_id, model, input_tokens, output_tokens, cost_usd,"
        " created_at, cache_creation_input_tokens, cache_read_input_tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            LOCAL_USER_ID,
            project_id,
            message_id or None,
            model,
            input_tokens,
            output_tokens,
            cost_usd,
            time.time() if now is None else now,
            cache_creation_input_tokens,
            cache_read_input_tokens,
        ),
    )


def usage(conn: apsw.Connection, project_id: str = "") -> UsageReply:
    where, params = ("WHERE project_id = ?", (project_id,)) if project_id else ("", ())
    by_model = [
        ModelUsage(model=row[0], requests=row[1], input_tokens=row[2], output_tokens=row[3], cost_usd=row[4])
        for row in conn.execute(
            "SELECT model, count(*), coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0),"
            f" coalesce(sum(cost_usd), 0.0) FROM token_usage {where} GROUP BY model ORDER BY model",
            params,
        )
    ]
    return UsageReply(
        project_id=project_id,
        requests=sum(m.requests for m in by_model),
        input_tokens=sum(m.input_tokens for m in by_model),
        output_tokens=sum(m.output_tokens for m in by_model),
        cost_usd=round(sum(m.cost_usd for m in by_model), 6),
        by_model=by_model,
    )
