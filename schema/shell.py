"""Messages of the shell (the window process)'s channel."""

from __future__ import annotations

from typing import Union

from vibing.schema.common import COMMON_REPLIES, COMMON_REQUESTS

Request = Union[COMMON_REQUESTS]  # type: ignore[valid-type]
Reply = Union[COMMON_REPLIES]  # type: ignore[valid-type]
EVENTS: tuple = ()
