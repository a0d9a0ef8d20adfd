"""One import run: read the web app's database, write through the storage service, report.

Order: users (as owner labels), then projects streamed one at a time (each one
storage request, one transaction: it arrives whole or not at all), then the
account-level token usage in batches, then fork links.  Everything is keyed by
its web-app id in the local database, so a second run skips what is there and
an interrupted run, started again, continues where it stopped.  A few project
requests are kept in flight so reading PostgreSQL overlaps writing SQLite.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TextIO

from vibing import project_files
from vibing.errors import AppNotRunning, BusError, RequestTimeout, ServiceUnavailable, VibingError
from vibing.importer import mapping
from vibing.importer.mapping import SOURCE, Problem
from vibing.importer.progress import Progress
from vibing.importer.reader import MessageRow, ProjectRow, Reader, VersionRow, epoch, redact
from vibing.importer.report import Report
from vibing.schema.storage import (
    ExternalUsage,
    ExternalUser,
    ImportCountReply,
    ImportedList,
    ImportedProjectReply,
    ImportExternalProject,
    ImportExternalUsage,
    ImportExternalUsers,
    LinkImportedForks,
    ListImported,
)

USAGE_BATCH = 1000
IN_FLIGHT = 4
REQUEST_TIMEOUT = 120.0
RETRY_FOR = 60.0


class DryRunBus:
    """Stands in for the bus with ``--dry-run``: every request "succeeds" and nothing is written anywhere,
    so the report says what a real run into an empty database would import, and every problem."""

    def request(self, service: str, message: Any, **_kw: Any) -> Any:
        if isinstance(message, ListImported):
            return ImportedList(source=message.source, kind=message.kind, ids={})
        if isinstance(message, ImportExternalProject):
            return ImportedProjectReply(project_id="", created=True)
        if isinstance(message, ImportExternalUsers):
            return ImportCountReply(added=len(message.users), skipped=0)
        if isinstance(message, ImportExternalUsage):
            return ImportCountReply(added=len(message.rows), skipped=0)
        if isinstance(message, LinkImportedForks):
            return ImportCountReply(added=len(message.links), skipped=0)
        raise TypeError(f"a dry run does not send {type(message).__name__}")


class _Stop(Exception):
    """The storage service cannot be reached any more: stop cleanly, report what is done."""


def import_postgres(
    url: str,
    bus: Any,
    limits: project_files.Limits,
    *,
    user: str | None = None,
    progress_out: TextIO | None = sys.stderr,
    progress: bool | None = None,
) -> Report:
    """Import everything (or one user's part) from the web app's database at ``url``."""
    report = Report(source=redact(url), user=user, dry_run=isinstance(bus, DryRunBus))
    with Reader(url, user_email=user) as reader:
        report.totals = reader.counts()
        bar = Progress(
            report.totals.get("projects", 0),
            out=progress_out or sys.stderr,
            enabled=False if progress_out is None else progress,
        )
        try:
            _users(reader, bus, report)
            _projects(reader, bus, limits, report, bar)
            _usage(reader, bus, report)
            _forks(reader, bus, report)
        except _Stop as exc:
            report.interrupted = str(exc)
        except KeyboardInterrupt:
            report.interrupted = "interrupted (Ctrl-C)"
        except reader.errors as exc:  # the server went away, a permission, a statement timeout
            report.interrupted = f"reading the web app's database failed: {str(exc).strip() or type(exc).__name__}"
        finally:
            bar.close()
        if not report.interrupted:
            report.not_imported = reader.not_imported()
    return report.finish()


def _request(bus: Any, message: Any, stop: threading.Event | None = None) -> Any:
    """Every import request is keyed by source ids, so sending it again is safe: a storage worker
    that crashed or is restarting is waited for (up to :data:`RETRY_FOR` seconds), then the run stops."""
    deadline = time.monotonic() + RETRY_FOR
    pause = 0.05
    while True:
        try:
            return bus.request("storage", message, timeout=REQUEST_TIMEOUT, idempotent=True)
        except (ServiceUnavailable, RequestTimeout) as exc:
            if time.monotonic() + pause > deadline or (stop is not None and stop.is_set()):
                raise _Stop(f"the storage service stopped answering ({exc.message})") from None
            time.sleep(pause)  # the supervisor is restarting the worker
            pause = min(pause * 2, 1.0)
        except (BusError, AppNotRunning) as exc:
            raise _Stop(f"the app went away ({exc.message})") from None


def _users(reader: Reader, bus: Any, report: Report) -> None:
    users = []
    for row in reader.users():
        try:
            email = mapping.text(row.email, "the e-mail")
            name = mapping.text(row.name, "the name")
        except mapping.BadText as exc:
            report.problems.append(Problem("user", row.id, str(exc)))
            report.users.failed += 1
            continue
        # The password hash is never read into the request: the desktop app has no login.
        users.append(
            ExternalUser(
                source_id=row.id,
                email=email,
                name=name,
                created_at=epoch(row.created_at),
                updated_at=epoch(row.updated_at),
            )
        )
    for start in range(0, len(users), USAGE_BATCH):
        reply: ImportCountReply = _request(
            bus, ImportExternalUsers(source=SOURCE, users=users[start : start + USAGE_BATCH])
        )
        report.users.imported += reply.added
        report.users.skipped += reply.skipped
        report.rows_written += reply.added


def _projects(reader: Reader, bus: Any, limits: project_files.Limits, report: Report, bar: Progress) -> None:
    done_before: ImportedList = _request(bus, ListImported(source=SOURCE, kind="project"))
    already = set(done_before.ids)
    pending: deque[tuple[Future, ImportExternalProject]] = deque()
    stop = threading.Event()
    seen = 0

    def settle(future: Future, request: ImportExternalProject) -> None:
        try:
            future.result()
        except _Stop:
            raise
        except VibingError as exc:
            report.projects.failed += 1
            report.problems.append(Problem("project", request.source_id, exc.message))
            return
        # Only projects not imported when the run began are sent: created=False means an earlier
        # attempt of this run stored it before a storage restart lost the reply, so it arrived now.
        report.projects.imported += 1
        report.files.imported += len(request.files)
        report.messages.imported += len(request.messages)
        report.checkpoints.imported += len(request.checkpoints) + 1
        report.rows_written += mapping.rows_in(request)

    with ThreadPoolExecutor(max_workers=IN_FLIGHT, thread_name_prefix="import") as pool:
        try:
            for item in reader.projects():
                if isinstance(item, (MessageRow, VersionRow)):
                    report.problems.append(mapping.orphan(item))
                    (report.messages if isinstance(item, MessageRow) else report.checkpoints).failed += 1
                    continue
                row: ProjectRow = item
                seen += 1
                if row.id in already:
                    report.projects.skipped += 1
                    report.messages.skipped += len(row.messages)
                    report.checkpoints.skipped += len(row.versions) + 1
                    report.files.skipped += _file_count(row)
                else:
                    problems: list[Problem] = []
                    request = mapping.project_request(row, limits, problems)
                    report.problems.extend(problems)
                    for problem in problems:
                        {
                            "project": report.projects,
                            "file": report.files,
                            "message": report.messages,
                            "version": report.checkpoints,
                        }.get(problem.kind, report.projects).failed += 1
                    if request is not None:
                        pending.append((pool.submit(_request, bus, request, stop), request))
                    while len(pending) >= IN_FLIGHT or (pending and pending[0][0].done()):
                        settle(*pending.popleft())
                bar.update(
                    seen,
                    messages=report.messages.imported,
                    files=report.files.imported,
                    skipped=report.projects.skipped,
                    problems=len(report.problems),
                )
            while pending:
                settle(*pending.popleft())
        finally:
            # Stopping early: requests not sent yet are dropped, those already sent are waited for and
            # counted (a project is in the local database whole, or not at all).
            stop.set()
            while pending:
                future, request_msg = pending.popleft()
                if not future.cancel():
                    try:
                        settle(future, request_msg)
                    except _Stop:
                        pass
    bar.update(
        seen,
        messages=report.messages.imported,
        files=report.files.imported,
        skipped=report.projects.skipped,
        problems=len(report.problems),
        force=True,
    )


def _file_count(row: ProjectRow) -> int:
    try:
        return len(mapping.code_files(mapping.text(row.current_code, "code")))
    except mapping.BadText:
        return 0


def _usage(reader: Reader, bus: Any, report: Report) -> None:
    batch: list[ExternalUsage] = []

    def flush() -> None:
        if batch:
            reply: ImportCountReply = _request(bus, ImportExternalUsage(source=SOURCE, rows=list(batch)))
            report.token_usage.imported += reply.added
            report.token_usage.skipped += reply.skipped
            report.rows_written += reply.added
            batch.clear()

    for row in reader.usage():
        try:
            endpoint = mapping.text(row.endpoint, "the endpoint")
        except mapping.BadText as exc:
            report.problems.append(Problem("usage", row.id, str(exc)))
            report.token_usage.failed += 1
            continue
        if row.tokens_used < 0:
            report.problems.append(Problem("usage", row.id, f"negative token count {row.tokens_used}"))
            report.token_usage.failed += 1
            continue
        # The web app logged one total per call; it is kept as output tokens, labelled with its endpoint.
        batch.append(
            ExternalUsage(
                source_id=row.id,
                created_at=epoch(row.timestamp),
                model=f"{SOURCE}:{endpoint}",
                output_tokens=row.tokens_used,
                owner_source_id=row.user_id,
            )
        )
        if len(batch) >= USAGE_BATCH:
            flush()
    flush()


def _forks(reader: Reader, bus: Any, report: Report) -> None:
    links = reader.forks()
    if not links:
        return
    reply: ImportCountReply = _request(bus, LinkImportedForks(source=SOURCE, links=[list(link) for link in links]))
    report.forks.imported += reply.added
    # Not linked: already linked before, or one side is not in the local database (other user, or failed).
    report.forks.skipped += reply.skipped
