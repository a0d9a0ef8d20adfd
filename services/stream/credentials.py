"""Which address a request goes to, and which API key goes with it.

Kept apart from the launcher because it is a security boundary: the one place that decides where a key may be
sent (see the policy below).
"""

from __future__ import annotations

import os
from typing import NamedTuple

from vibing import keys
from vibing.config import Config


class Destination(NamedTuple):
    base_url: str
    api_key: str
    #: Where the key came from: "given" (in the request), "keychain", "environment", ".env", or "none".
    source: str


class Credentials:
    def __init__(self, config: Config) -> None:
        self.config = config

    def configured_url(self, provider: str) -> str:
        return self.config.anthropic_base_url if provider == "anthropic" else self.config.openai_base_url

    def destination(self, provider: str, base_url: str = "", api_key: str = "") -> Destination:
        url = base_url or self.configured_url(provider)
        if api_key:
            return Destination(url, api_key, "given")
        if provider == "anthropic":
            key, source = keys.get_key()
            return Destination(url, key, source)
        if provider == "local":
            return Destination(url, "", "none")
        return Destination(url, os.environ.get("OPENAI_API_KEY", "").strip(), "environment")
