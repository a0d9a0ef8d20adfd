"""The bench's row shape: floors and ratio rows say what they divide (no timing is asserted here)."""

from __future__ import annotations

import json

from vibing.bench import Row, versus_floor


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
