"""Spending: the stored costs of the ``token_usage`` rows, summed for the spending limits and the usage report.

Every model call that cost something left one row (a message's answer when it finished, a title suggestion),
with its tokens and its ``cost_usd`` priced when it was made; these sums are therefore what the person was told
each call cost, never re-priced.  Days are local days of this computer (SQLite's ``localtime``), the same days
the stream service starts "today" from.

Cache tokens are summed from their own columns (named as ``schema.stream.Usage`` names them), which migration
0004 adds to every database.
"""

from __future__ import annotations

import apsw

from vibing.errors import InvalidRequest
from vibing.schema.storage import SpendingReply, UsageReportReply, UsageTotals


def _check_since(since: float) -> None:
    if not since >= 0:  # also refuses NaN
        raise InvalidRequest(f"'since' is a time (Unix seconds, 0 or more), not {since!r}.")


def spent(conn: apsw.Connection, since: float, project_id: str = "") -> SpendingReply:
    """Dollars spent in all projects since ``since``, and by ``project_id`` (if given) in all time."""
    _check_since(since)
    (since_usd,) = conn.execute(
        "SELECT coalesce(sum(cost_usd), 0.0) FROM token_usage WHERE created_at >= ?", (since,)
    ).fetchone()
    project_usd = 0.0
    if project_id:
        (project_usd,) = conn.execute(
            "SELECT coalesce(sum(cost_usd), 0.0) FROM token_usage WHERE project_id = ?", (project_id,)
        ).fetchone()
    return SpendingReply(since_usd=round(since_usd, 6), project_usd=round(project_usd, 6))


def report(conn: apsw.Connection, since: float = 0.0) -> UsageReportReply:
    """Usage since ``since`` summed per local day (newest first), per project and per model (dearest first)."""
    _check_since(since)
    sums = (
        "count(*), coalesce(sum(u.input_tokens), 0), coalesce(sum(u.output_tokens), 0), coalesce(sum(u.cost_usd), 0.0),"
        " coalesce(sum(u.cache_creation_input_tokens), 0), coalesce(sum(u.cache_read_input_tokens), 0)"
    )

    def totals(key: str, group: str, order: str, name: str = "''") -> list[UsageTotals]:
        rows = conn.execute(
            f"SELECT {key}, {name}, {sums} FROM token_usage u LEFT JOIN projects p ON p.id = u.project_id"
            f" WHERE u.created_at >= ? {group} ORDER BY {order}",
            (since,),
        )
        return [
            UsageTotals(
                key=row[0] or "",
                name=row[1] or "",
                requests=row[2],
                input_tokens=row[3],
                output_tokens=row[4],
                cost_usd=round(row[5], 6),
                cache_creation_input_tokens=row[6],
                cache_read_input_tokens=row[7],
            )
            for row in rows
            if row[2]  # an aggregate over no row (the total of an empty table) is still one row
        ]

    total = totals("''", "", "1")
    return UsageReportReply(
        since=since,
        total=total[0] if total else UsageTotals(key="", requests=0, input_tokens=0, output_tokens=0, cost_usd=0.0),
        by_day=totals("date(u.created_at, 'unixepoch', 'localtime')", "GROUP BY 1", "1 DESC"),
        by_project=totals("u.project_id", "GROUP BY u.project_id", "6 DESC, 2", name="p.name"),
        by_model=totals("u.model", "GROUP BY u.model", "6 DESC, 1"),
    )
