"""The scripted scenarios of the fake servers, and the text their fake "model" answers.

A scenario is chosen per request (not per server), so tests running in parallel against one server do not
interfere: a test either queues one with ``server.push(name, **params)`` or writes a directive
``[[scenario:NAME key=value ...]]`` into its last user message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

DEFAULT_TEXT = (
    "Here is a small web app for you. It keeps the markup, the styles and the script in one page, "
    "so it opens anywhere without a build step. The timer counts down twenty-five minutes, plays a "
    "soft sound at the end, and remembers your last session. Press space to start or pause."
)
_DIRECTIVE = re.compile(r"\[\[scenario:(\w+)([^\]]*)\]\]")


@dataclass
class Recorded:
    """One request as the server received it, kept so that tests can check what the client sent."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    scenario: str = ""


@dataclass
class Scenario:
    """A scenario's name and its parameters, kept as the strings they were written as."""

    name: str
    params: dict[str, str] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)

    def int(self, key: str, default: int) -> int:
        return int(self.params.get(key, default))

    def float(self, key: str, default: float) -> float:
        return float(self.params.get(key, default))


def parse_directive(text: str) -> Scenario | None:
    """The scenario a ``[[scenario:NAME key=value ...]]`` directive in ``text`` asks for, if there is one."""
    m = _DIRECTIVE.search(text)
    if not m:
        return None
    params = {}
    for part in m.group(2).split():
        k, _, v = part.partition("=")
        params[k] = v
    return Scenario(m.group(1), params)


def requested_scenario(messages: list[dict[str, Any]]) -> Scenario:
    """The scenario the last user message's directive asks for, ``normal`` without one."""
    for m in reversed(messages):
        if m.get("role") == "user":
            content = m.get("content")
            text = (
                content
                if isinstance(content, str)
                else " ".join(b.get("text", "") for b in content if isinstance(b, dict))
            )
            found = parse_directive(text)
            return found or Scenario("normal")
    return Scenario("normal")


def words(n: int) -> str:
    """An answer of ``n`` words, cycling through DEFAULT_TEXT, so any length reads like prose."""
    base = DEFAULT_TEXT.split(" ")
    return " ".join(base[i % len(base)] for i in range(n))


def pieces(text: str, size: int) -> list[str]:
    """``text`` cut into tokens of ``size`` characters (at least one token, maybe empty)."""
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]
