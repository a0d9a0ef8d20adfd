"""The supervision policy on its own: restart backoff and giving up, crash records, exit reasons."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from vibing.supervision import (
    EXIT_BUS_LOST,
    CrashRecords,
    RestartHistory,
    RestartPolicy,
    exit_reason,
)

POLICY = RestartPolicy(backoff_s=0.1, backoff_max_s=0.35, limit=4, window_s=30.0)


def test_the_backoff_doubles_up_to_its_ceiling_and_a_flapping_process_is_given_up_on():
    history = RestartHistory()
    delays = [POLICY.after_exit(history, now=t, ready_at=t - 1) for t in (100.0, 101.0, 102.0)]
    assert delays == [0.1, 0.2, 0.35]
    assert history.restarts == 3
    assert POLICY.after_exit(history, now=103.0, ready_at=102.5) is None  # 4 exits within 30 s
    message = POLICY.give_up_message("metrics", history, "killed by SIGKILL", Path("/logs/metrics.log"))
    assert "metrics crashed 4 times within 30 s" in message and "/logs/metrics.log" in message


def test_a_process_that_stayed_up_a_whole_window_starts_its_backoff_over():
    history = RestartHistory()
    assert POLICY.after_exit(history, now=100.0, ready_at=99.0) == 0.1
    assert POLICY.after_exit(history, now=101.0, ready_at=100.5) == 0.2
    assert POLICY.after_exit(history, now=200.0, ready_at=101.5) == 0.1  # up for 98.5 s: a fresh start
    assert list(history.crashes) == [200.0]  # the old exits left the window


def test_crash_reports_are_private_redacted_and_shown_until_acknowledged(tmp_path):
    records = CrashRecords(tmp_path / "crashes")
    key = "sk-ant-api03-" + "x" * 40
    path = records.write("storage", f"Traceback ...\nusing {key}\nValueError: disk on fire", pid=4242)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(records.folder.stat().st_mode) == 0o700
    assert key not in path.read_text()
    unseen = records.unseen()
    assert [(r.service, r.summary) for r in unseen] == [("storage", "ValueError: disk on fire")]
    assert records.summary_of_process("storage", 4242) == "ValueError: disk on fire"
    records.acknowledge()
    assert records.unseen() == []
    later = records.write("stream", "boom", pid=7)
    os.utime(later, (later.stat().st_atime, later.stat().st_mtime + 5))  # written after the acknowledgement
    assert [r.service for r in records.unseen()] == ["stream"]


def test_a_silent_death_gets_a_report_with_the_log_tail_unless_the_process_left_its_own(tmp_path):
    records = CrashRecords(tmp_path / "crashes")
    log_file = tmp_path / "agent.log"
    log_file.write_text("\n".join(f"line {n}" for n in range(50)))
    report = records.write_silent_exit("agent", 99, "killed by SIGKILL", log_file)
    text = report.read_text()
    assert "agent (pid 99) killed by SIGKILL." in text and "line 49" in text and "line 29" not in text
    assert records.write_silent_exit("agent", 99, "killed by SIGKILL", log_file) is None  # one report per process


def test_exit_codes_read_as_words():
    assert exit_reason(-9) == "killed by SIGKILL"
    assert exit_reason(EXIT_BUS_LOST) == "lost the bus and exited"
    assert exit_reason(12) == "exited with code 12"
    assert exit_reason(None) == "exited"
