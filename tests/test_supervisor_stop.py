"""Stopping the app leaves no process behind: not a worker, not the zygote, and no multiprocessing helper.

The zygote (vibing/zygote.py) is the supervisor's child that stops when the
socket the supervisor holds closes; the supervisor closes it, then awaits the
zygote's exit before its own.  multiprocessing's fork server and resource
tracker, which Vibing used before, stopped only with the supervisor's own exit
and outlived it, orphaned (a test that looked by luck of timing saw it 1 stop
in 5); the app must not start them at all now.  The probe (tests/stop_probe.py)
is a child subreaper, so such an orphan is re-parented to it and found whatever
the timing, running or as a zombie.
"""

from __future__ import annotations

from tests.conftest import vibing_env
from tests.stop_probe import run_probe

ROUNDS = 5


def test_start_and_stop_five_times_and_no_process_of_the_app_survives(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = vibing_env(home)
    for round_number in range(ROUNDS):
        how = "stop" if round_number % 2 == 0 else "sigterm"  # `vibing stop`, and SIGTERM as a desktop would send
        report = run_probe(home, how, env)
        where = f"round {round_number + 1} ({how}): {report}"
        assert report["exit_code"] == 0, where
        # The probe did see the zygote while the app ran, so the checks below are about it.
        assert set(report["helpers"]) == {"zygote"}, where
        assert report["mp_helpers"] == [], where
        assert report["helpers_alive"] == [], where
        assert report["orphans"] == [], where
        assert report["survivors"] == [], where


def test_a_refused_second_start_leaves_no_zygote_behind(tmp_path):
    """``vibing run`` forks the zygote before it knows whether it may run; refused, it stops it too."""
    home = tmp_path / "home"
    home.mkdir()
    report = run_probe(home, "refused", vibing_env(home))
    assert report["refused_exit_code"] == 2, report
    assert report["refused_orphans"] == [], report
    assert report["exit_code"] == 0 and report["orphans"] == [] and report["survivors"] == [], report
