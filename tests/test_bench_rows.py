"""The bench's row shape: floors and ratio rows say what they divide (no timing is asserted here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vibing.bench import Row, shell, versus_floor
from vibing.bench.ui import StreamRun, cost_early_late, cpu_load, cpu_long_tasks, long_file


def test_a_ratio_row_names_the_figure_and_the_floor_it_divides():
    cold = Row("startup.cold_ms", 900.0, "ms")
    floor = Row("startup.import_floor_ms", 500.0, "ms", kind="floor")

    ratio = versus_floor("startup.cold_vs_import_floor", cold, floor, 1.5)

    assert ratio.kind == "ratio"
    assert ratio.divides == ("startup.cold_ms", "startup.import_floor_ms")
    assert ratio.value == 1.8
    assert ratio.unit == "x"
    assert ratio.meets_target is False
    assert "startup.cold_ms / startup.import_floor_ms" in ratio.note


def test_a_higher_is_better_ratio_meets_its_target_above_it():
    events = Row("bus.events_per_s", 60_000.0, "ev/s", direction=">")
    raw = Row("bus.raw_pubsub_msgs_per_s", 600_000.0, "msg/s", direction=">", kind="floor")

    ratio = versus_floor("bus.events_vs_raw_pubsub", events, raw, 1 / 20, direction=">")

    assert ratio.value == 0.1
    assert ratio.meets_target is True


def test_rows_serialise_with_their_kind():
    floor = Row("storage.fts_inprocess_p99_ms", 2.0, "ms", kind="floor")
    ratio = versus_floor("storage.fts_p99_vs_inprocess", Row("storage.fts_p99_ms", 3.0, "ms"), floor, 2)

    data = json.loads(json.dumps([floor.to_json(), ratio.to_json()]))

    assert data[0]["kind"] == "floor" and data[0]["divides"] is None
    assert data[1]["kind"] == "ratio" and data[1]["divides"] == ["storage.fts_p99_ms", "storage.fts_inprocess_p99_ms"]
    assert data[1]["meets_target"] is True
    assert Row("x", 1.0, "ms").kind == "figure"


# -- the chat and editor rows (issue 18's Measure); the page is not needed to check their shape


def _run(tokens: int, total_ms: float, long_tasks: tuple[float, ...] = (), cpu_long=None) -> StreamRun:
    """A run as stream_into_chat returns it: traced (CPU figures filled in) when ``cpu_long`` is given."""
    render = {"frames": 100, "maxMs": 4.0, "totalMs": total_ms}
    samples = [[total_ms * i / 20, tokens * 4 * i / 20] for i in range(21)]
    cpu_longest = None if cpu_long is None else max((cpu for cpu, _ in cpu_long), default=12.5)
    return StreamRun(
        tokens,
        tokens / 1000,
        list(long_tasks),
        1000,
        render,
        samples,
        [],
        (0.5, 0.7),
        None if cpu_long is None else list(cpu_long),
        cpu_longest,
    )


def test_the_ui_figures_are_exactly_the_rows_listed_for_skipping():
    sizes = {1000: _run(1000, 20.0), 10_000: _run(10_000, 200.0), 50_000: _run(50_000, 1500.0)}
    rows = shell.ui_figures(
        _run(20_000, 400.0),
        _run(20_000, 500.0, (70.0,), ()),
        _run(20_000, 900.0, (61.0, 52.5)),
        _run(20_000, 990.0, (90.0, 80.0, 70.0), ((55.0, 61.0),)),
        sizes,
        [40.0, 30.0, 35.0],
        [True] * 3,
        [120.0],
    )

    assert [r.id for r in rows] == [row_id for row_id, _ in shell.UI_ROWS]
    by_id = {r.id: r for r in rows}
    # the wall-clock rows are the untraced runs' (the traced runs' long tasks are not theirs)
    assert by_id["shell.ui_long_tasks"].value == 0 and by_id["shell.ui_long_tasks"].meets_target is True
    assert by_id["shell.ui_longest_task_ms"].value == 0 and by_id["shell.ui_longest_task_ms"].meets_target is True
    assert by_id["shell.ui_long_tasks_load"].value == 2 and by_id["shell.ui_long_tasks_load"].meets_target is False
    assert by_id["shell.ui_longest_task_load_ms"].value == 61.0
    assert "untraced" in by_id["shell.ui_long_tasks"].note
    # the CPU rows are the traced runs'
    assert by_id["shell.ui_long_tasks_cpu"].value == 0 and by_id["shell.ui_longest_task_cpu_ms"].value == 12.5
    assert by_id["shell.ui_long_tasks_cpu_load"].value == 1 and by_id["shell.ui_longest_task_cpu_load_ms"].value == 55
    assert by_id["shell.ui_long_tasks_cpu"].extra["wall_long_tasks_while_traced"] == 1
    assert "traced run of its own" in by_id["shell.ui_longest_task_cpu_ms"].note
    assert by_id["shell.ui_longest_render_ms"].extra["totalMs"] == 400.0
    assert by_id["shell.ui_render_ms_per_1k_tokens_1k"].value == 20.0
    assert by_id["shell.ui_render_ms_per_1k_tokens_50k"].value == 30.0
    ratio = by_id["shell.ui_render_cost_50k_vs_1k"]
    assert ratio.divides == ("shell.ui_render_ms_per_1k_tokens_50k", "shell.ui_render_ms_per_1k_tokens_1k")
    assert ratio.value == 1.5 and ratio.meets_target is False
    assert by_id["shell.editor_open_5000_lines_ms"].value == 35.0


def test_a_ui_run_that_did_not_show_the_long_files_is_an_error_not_a_figure():
    sizes = {n: _run(n, n / 50) for n in shell.GROWTH}
    traced = _run(20_000, 400.0, cpu_long=())
    with pytest.raises(RuntimeError, match="5,000-line"):
        shell.ui_figures(_run(20_000, 400.0), traced, _run(20_000, 400.0), traced, sizes, [40.0], [False], [])


def test_the_cpu_rows_refuse_an_untraced_run():
    sizes = {n: _run(n, n / 50) for n in shell.GROWTH}
    untraced = _run(20_000, 400.0)
    with pytest.raises(RuntimeError, match="traced run"):
        shell.ui_figures(untraced, untraced, untraced, _run(20_000, 400.0, cpu_long=()), sizes, [40.0], [True], [])


def test_without_chromium_every_ui_row_is_skipped_and_named(monkeypatch, tmp_path):
    monkeypatch.setattr(shell, "CHROMIUM", str(tmp_path / "no-chromium"))

    rows = shell._ui_rows(None, "")

    assert [r.id for r in rows] == [row_id for row_id, _ in shell.UI_ROWS + shell.ui_bench.POINT_AND_SHOW_ROWS]
    assert all(r.skipped.startswith("chromium") for r in rows)


def test_the_streamed_answers_have_the_tokens_they_are_counted_as():
    for tokens in (1000, 20_000):
        text = shell.realistic_answer(tokens, piece=4)
        assert len(text) == tokens * 4
        assert "```js part1.js" in text and "## Part 1" in text


def test_the_long_file_has_its_lines():
    text = long_file(5000, seed=3)

    assert len(text.splitlines()) == 5000 and text.endswith("\n")
    assert long_file(5000, seed=1) != text


def test_render_cost_early_and_late_in_one_answer():
    flat = [[i * 2.0, i * 1000.0] for i in range(50)]
    growing = [[i * i * 1.0, i * 1000.0] for i in range(50)]

    early, late = cost_early_late(flat)
    assert early == late == 2.0
    early, late = cost_early_late(growing)
    assert late > 5 * early
    assert cost_early_late(flat[:5]) is None


def test_the_cpu_load_runs_a_busy_process_each_and_ends_them():
    with cpu_load(2) as pids:
        assert len(pids) == 2
        states = [Path(f"/proc/{pid}/stat").read_text().split()[2] for pid in pids]
        assert all(s in "RSD" for s in states)
    assert not any(Path(f"/proc/{pid}").exists() for pid in pids)


def _task(pid: int, tid: int, cpu_ms: float, wall_ms: float, at_ms: float, name: str = "") -> dict:
    return {
        "ph": "X",
        "name": name or "RunTask",
        "pid": pid,
        "tid": tid,
        "ts": at_ms * 1000,
        "dur": wall_ms * 1000,
        "tdur": cpu_ms * 1000,
    }


def _thread(pid: int, tid: int, name: str) -> dict:
    return {"ph": "M", "name": "thread_name", "pid": pid, "tid": tid, "args": {"name": name}}


def test_cpu_long_tasks_count_work_not_waits_on_the_busiest_page_thread():
    trace = {
        "traceEvents": [
            _thread(1, 1, "CrRendererMain"),
            _thread(2, 2, "CrRendererMain"),
            _thread(1, 5, "Compositor"),
            _task(1, 1, 12.0, 400.0, 0),  # waited for a core: long on the clock, short in work
            _task(1, 1, 80.0, 90.0, 1000),
            _task(1, 1, 70.0, 75.0, 1010),  # inside the one before: part of it
            _task(1, 1, 90.0, 90.0, 1500, "ThreadControllerImpl::RunTask"),  # the scheduler's part of a task
            _task(1, 1, 50.0, 50.0, 2000),
            _task(1, 1, 302.0, 386.0, 3000),
            _task(1, 5, 300.0, 300.0, 0),  # not a main thread
            _task(2, 2, 60.0, 60.0, 0),  # another renderer, less busy in all
        ]
    }

    long, longest = cpu_long_tasks(trace)

    assert long == [(302.0, 386.0), (80.0, 90.0), (50.0, 50.0)]
    assert longest == 302.0
    with pytest.raises(RuntimeError, match="CrRendererMain"):
        cpu_long_tasks({"traceEvents": [_thread(1, 5, "Compositor"), _task(1, 5, 1.0, 1.0, 0)]})
