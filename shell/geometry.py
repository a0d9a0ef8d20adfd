"""Where the window opens: a size and place that fit the screens that exist now.

A fixed first size (1280×800 plus the menu bar and the title bar) does not fit a
1280×800 or 1366×768 screen: the menu bar lands off-screen.  And a remembered
place can belong to a monitor that has since been unplugged, which would open the
window where nobody can see it.  So the first window is sized from the *available*
area of the primary screen (without panels and docks), and a remembered geometry
is kept only where it is visible, clamped to the screen it is on.

Pure functions over plain rectangles, so they are tested without a display;
:func:`qt_screens` reads the real screens when the window starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The size the window would like on a big enough screen.
PREFERRED = (1280, 800)
#: The smallest window the UI is laid out for (the window's ``min_size``).
MINIMUM = (720, 480)
#: Room kept for the window's frame (title bar and borders), which the content size excludes.
FRAME = (16, 48)
#: How much of a remembered window must be on a screen for it to reopen there (its title bar included).
VISIBLE_PART = 100


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def overlap(self, other: Rect) -> tuple[int, int]:
        """The width and height of the part of ``other`` inside this rectangle (0 when apart)."""
        width = min(self.right, other.right) - max(self.x, other.x)
        height = min(self.bottom, other.bottom) - max(self.y, other.y)
        return max(0, width), max(0, height)


def first_size(available: Rect) -> dict[str, int]:
    """The first window: the preferred size, or less on a small screen, centred in the available area."""
    width = max(MINIMUM[0], min(PREFERRED[0], available.width - FRAME[0]))
    height = max(MINIMUM[1], min(PREFERRED[1], available.height - FRAME[1]))
    return {
        "width": width,
        "height": height,
        "x": available.x + max(0, (available.width - width - FRAME[0]) // 2),
        "y": available.y + max(0, (available.height - height - FRAME[1]) // 2),
    }


def fit(remembered: dict[str, Any], available: list[Rect]) -> dict[str, int]:
    """The geometry to open with: ``remembered`` if it is visible on one of the screens, clamped to it.

    ``available`` holds each screen's available area, the primary screen first.  With no remembered
    size (the first start), or a remembered place on no screen that exists now, the window opens at
    :func:`first_size` on the primary screen.
    """
    if not available:
        return {"width": PREFERRED[0], "height": PREFERRED[1]}
    primary = available[0]
    width, height = remembered.get("width"), remembered.get("height")
    if not isinstance(width, int) or not isinstance(height, int):
        return first_size(primary)
    x, y = remembered.get("x"), remembered.get("y")
    if not isinstance(x, int) or not isinstance(y, int):
        screen = primary
        x, y = None, None
    else:
        title_bar = Rect(x, y, width, FRAME[1])
        visible = [s for s in available if _shows(s, title_bar)]
        if not visible:
            return first_size(primary)
        screen = max(visible, key=lambda s: s.overlap(Rect(x, y, width, height))[0])
    width = max(MINIMUM[0], min(width, screen.width - FRAME[0]))
    height = max(MINIMUM[1], min(height, screen.height - FRAME[1]))
    if x is None or y is None:
        return first_size(screen) | {"width": width, "height": height}
    # Keep the whole window on that screen: slide it left/up when it would run off the right or bottom.
    x = max(screen.x, min(x, screen.right - width - FRAME[0]))
    y = max(screen.y, min(y, screen.bottom - height - FRAME[1]))
    return {"width": width, "height": height, "x": x, "y": y}


def _shows(screen: Rect, title_bar: Rect) -> bool:
    """Whether enough of the title bar is on ``screen`` to grab and move the window."""
    width, height = screen.overlap(title_bar)
    return height > 0 and width >= min(VISIBLE_PART, title_bar.width)


def qt_screens(application: Any) -> list[Rect]:
    """The available area of each screen (primary first), from Qt's ``application``; [] when it cannot tell."""
    if application is None:
        return []
    try:
        screens = list(application.screens())
        primary = application.primaryScreen()
    except Exception:  # no display: the caller falls back to the preferred size
        return []
    ordered = [primary] + [s for s in screens if s is not primary] if primary else screens
    rects = []
    for screen in ordered:
        area = screen.availableGeometry()
        rects.append(Rect(area.x(), area.y(), area.width(), area.height()))
    return rects
