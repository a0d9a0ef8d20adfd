"""Messages of the shell (the window process)'s channel."""

from __future__ import annotations

from typing import Union

from vibing.schema.base import Message
from vibing.schema.common import COMMON_REPLIES, COMMON_REQUESTS


class Focus(Message):
    """Bring the window to the front: a second launch of Vibing sends it instead of starting another app."""


class Focused(Message):
    """Whether a window was there to raise (``vibing web`` has none)."""

    raised: bool
    mode: str = "window"


Request = Union[COMMON_REQUESTS + (Focus,)]  # type: ignore[valid-type]
Reply = Union[COMMON_REPLIES + (Focused,)]  # type: ignore[valid-type]
EVENTS: tuple = ()
