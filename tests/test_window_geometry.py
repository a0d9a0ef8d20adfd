"""The window opens where it fits: sized from the screen on the first start, clamped to the screens that exist now."""

from __future__ import annotations

from vibing.shell.geometry import FRAME, MINIMUM, PREFERRED, Rect, first_size, fit

LAPTOP = Rect(0, 0, 1366, 768 - 32)  # a 1366x768 screen with a 32 px panel at the bottom
SMALL = Rect(0, 0, 1280, 800)
BIG = Rect(0, 0, 2560, 1440)
RIGHT_MONITOR = Rect(2560, 0, 1920, 1080)


def whole_window(geo: dict[str, int]) -> Rect:
    return Rect(geo["x"], geo["y"], geo["width"] + FRAME[0], geo["height"] + FRAME[1])


def inside(outer: Rect, inner: Rect) -> bool:
    return outer.overlap(inner) == (inner.width, inner.height)


def test_the_first_window_on_a_small_screen_fits_menu_bar_and_frame_included():
    for screen in (LAPTOP, SMALL):
        geo = fit({}, [screen])
        assert inside(screen, whole_window(geo)), (screen, geo)
        assert geo["width"] >= MINIMUM[0] and geo["height"] >= MINIMUM[1]


def test_the_first_window_on_a_big_screen_has_the_preferred_size_centred():
    geo = fit({}, [BIG])
    assert (geo["width"], geo["height"]) == PREFERRED
    assert geo == first_size(BIG)
    assert abs((geo["x"] + geo["width"] / 2) - BIG.width / 2) < FRAME[0]


def test_a_remembered_window_on_a_screen_that_exists_reopens_where_it_was():
    remembered = {"width": 1000, "height": 700, "x": 2700, "y": 100}
    assert fit(remembered, [BIG, RIGHT_MONITOR]) == remembered


def test_a_window_left_on_an_unplugged_monitor_comes_back_to_the_primary_screen():
    remembered = {"width": 1000, "height": 700, "x": 2700, "y": 100}
    geo = fit(remembered, [LAPTOP])
    assert inside(LAPTOP, whole_window(geo))


def test_a_remembered_size_larger_than_the_screen_is_clamped_to_it():
    remembered = {"width": 2400, "height": 1300, "x": 0, "y": 0}
    geo = fit(remembered, [LAPTOP])
    assert inside(LAPTOP, whole_window(geo))


def test_a_window_hanging_off_the_right_edge_slides_back_on():
    remembered = {"width": 1000, "height": 600, "x": 1200, "y": 50}
    geo = fit(remembered, [LAPTOP])
    assert inside(LAPTOP, whole_window(geo))
    assert (geo["width"], geo["height"]) == (1000, 600)


def test_a_window_whose_title_bar_is_above_every_screen_is_brought_back():
    remembered = {"width": 900, "height": 600, "x": 100, "y": -500}
    geo = fit(remembered, [BIG])
    assert inside(BIG, whole_window(geo))


def test_with_no_screen_information_the_preferred_size_is_used():
    assert fit({"width": 5000, "height": 5000}, []) == {"width": PREFERRED[0], "height": PREFERRED[1]}
