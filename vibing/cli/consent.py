"""The spending question on a terminal: a request the estimate puts over a limit is sent only if the person agrees.

Every command that sends paid requests (``vibing generate``, its ``--continue``, ``vibing workflows run``) asks it
the same way the window does: the refusal's own sentence, then ``Send it anyway? [y/N]``. Without a terminal the
refusal stands, and says how to agree in advance (``--over-limit-ok``) or where the limit is set.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from vibing.errors import SpendingLimitReached


def agree_over_limit(refusal: SpendingLimitReached, say: Callable[[str], None]) -> bool:
    """Whether the person agrees to go over the limit ``refusal`` names; ``say`` prints a line for them."""
    setting = "spending_limit_project_usd" if refusal.details.get("limit") == "project" else "spending_limit_day_usd"
    if not sys.stdin.isatty():
        raise SpendingLimitReached(
            f"{refusal.message} Nothing was sent. Add --over-limit-ok to send it anyway, or raise the limit "
            f"(Settings, or {setting} in the config file).",
            **refusal.details,
        )
    say(refusal.message)
    try:
        answer = input("Send it anyway? [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() in ("y", "yes"):
        return True
    say(f"Not sent. (Raise the limit in Settings, or {setting} in the config file.)")
    return False
