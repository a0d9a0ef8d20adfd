"""What an import did: counts, problems with reasons, what was left out on purpose; text and JSON."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any, TextIO

from vibing.importer.mapping import Problem

#: Why the rows of each left-out kind have no place in the desktop app.
NOT_IMPORTED_WHY = {
    "passwords": "never imported: the desktop app has no login",
    "sessions": "web logins; the desktop app is single-user",
    "accounts": "OAuth links of the hosted service",
    "collaborators": "the desktop app is single-user",
    "invitations": "hosted-service sharing",
    "join_requests": "hosted-service sharing",
    "presence": "hosted-service live presence",
    "likes": "hosted-service social feature",
    "ratings": "hosted-service social feature",
    "competitions": "hosted-service competitions",
    "competition_votes": "hosted-service competitions",
    "verification_tokens": "web sign-in e-mails",
}


@dataclass
class Counter:
    imported: int = 0
    skipped: int = 0
    failed: int = 0

    def to_json(self) -> dict[str, int]:
        return {"imported": self.imported, "skipped": self.skipped, "failed": self.failed}


@dataclass
class Report:
    source: str
    user: str | None = None
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)
    users: Counter = field(default_factory=Counter)
    projects: Counter = field(default_factory=Counter)
    files: Counter = field(default_factory=Counter)
    messages: Counter = field(default_factory=Counter)
    checkpoints: Counter = field(default_factory=Counter)
    token_usage: Counter = field(default_factory=Counter)
    forks: Counter = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    not_imported: dict[str, int] = field(default_factory=dict)
    #: Rows written locally (projects, files, messages, checkpoints, usage, users): the import rate's numerator.
    rows_written: int = 0
    interrupted: str = ""
    #: Nothing was written: the counts say what a run into an empty database would import.
    dry_run: bool = False

    def finish(self) -> Report:
        self.seconds = time.perf_counter() - self.started
        return self

    @property
    def rows_per_s(self) -> float:
        return self.rows_written / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        return not self.interrupted

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "user": self.user,
            "ok": self.ok,
            "dry_run": self.dry_run,
            "interrupted": self.interrupted or None,
            "seconds": round(self.seconds, 3),
            "rows_written": self.rows_written,
            "rows_per_s": round(self.rows_per_s, 1),
            "in_source": self.totals,
            "users": self.users.to_json(),
            "projects": self.projects.to_json(),
            "files": self.files.to_json(),
            "messages": self.messages.to_json(),
            "checkpoints": self.checkpoints.to_json(),
            "token_usage": self.token_usage.to_json(),
            "forks": self.forks.to_json(),
            "not_imported": {k: {"count": v, "why": NOT_IMPORTED_WHY.get(k, "")} for k, v in self.not_imported.items()},
            "problems": [p.to_json() for p in self.problems],
        }

    def render(self, out: TextIO = sys.stdout, *, max_problems: int = 50) -> None:
        who = f" (user {self.user})" if self.user else " (every user)"
        if self.dry_run:
            print(
                f"Dry run: read {self.source}{who} in {self.seconds:.1f} s; nothing was written. "
                "Into an empty database this would import:",
                file=out,
            )
        else:
            print(f"Imported from {self.source}{who} in {self.seconds:.1f} s.", file=out)
        if self.interrupted:
            print(f"STOPPED EARLY: {self.interrupted}", file=out)
            print("Everything listed as imported is complete; run the same command again to continue.", file=out)
        width = 12
        print(f"  {'':{width}} {'imported':>9} {'skipped':>9} {'failed':>7}", file=out)
        for label, counter in (
            ("users", self.users),
            ("projects", self.projects),
            ("files", self.files),
            ("messages", self.messages),
            ("checkpoints", self.checkpoints),
            ("token usage", self.token_usage),
            ("forks", self.forks),
        ):
            print(f"  {label:{width}} {counter.imported:>9,} {counter.skipped:>9,} {counter.failed:>7,}", file=out)
        print("  skipped: already imported by an earlier run (nothing is imported twice).", file=out)
        if self.users.imported or self.users.skipped:
            print(
                "  Web users become owner labels on their projects; the desktop app has one user (you), "
                "who owns every imported project.",
                file=out,
            )
        left = {k: v for k, v in self.not_imported.items() if v}
        if left:
            print("Not imported (no place in a single-user desktop app):", file=out)
            for key, count in left.items():
                print(f"  {key.replace('_', ' '):{width + 6}} {count:>7,}  {NOT_IMPORTED_WHY.get(key, '')}", file=out)
        if self.problems:
            print(f"Problems ({len(self.problems)}): these rows were left out; everything else arrived.", file=out)
            for problem in self.problems[:max_problems]:
                where = f" in project {problem.project_id}" if problem.project_id and problem.kind != "project" else ""
                path = f" {problem.path}" if problem.path else ""
                print(f"  {problem.kind} {problem.source_id}{path}{where}: {problem.reason}", file=out)
            if len(self.problems) > max_problems:
                print(f"  ... and {len(self.problems) - max_problems} more (use --json to see them all).", file=out)
        else:
            print("No problems.", file=out)
