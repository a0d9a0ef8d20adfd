"""Which address a request goes to, and which API key may go with it: a security boundary.

The user's stored key is worth money and must only ever reach the server the user chose.  The policy:

- **The stored key** (the OS keychain, or ``ANTHROPIC_API_KEY`` / ``OPENAI_API_KEY`` in the process's real
  environment) is attached only to the provider's *configured* base URL (``anthropic_base_url`` /
  ``openai_base_url`` of :class:`vibing.config.Config`).  A request (``StartStream``, ``Generate``, ``ListModels``,
  ``CheckKey``) that names another address must bring its own key (``api_key`` / ``key``); without one it gets
  :class:`KeyWithheld` and nothing is sent.  So neither a bus client nor a compromised page can redirect the key.
- **Where the configured base URL may come from**: the config file (written by Settings, where changing
  ``anthropic_base_url`` needs an explicit confirmation, see ``shell/settings.py``) and the process environment
  (``ANTHROPIC_BASE_URL`` / ``VIBING_*_BASE_URL``: the user's own configuration) are trusted.  A ``.env`` file is
  read from whatever folder the app was started in, so it is not: a base URL set by a ``.env`` receives only a key
  from that same ``.env``, never the keychain's nor the real environment's (:class:`KeyWithheld` otherwise).
- A key given with the request goes where the request says (the caller owns it).  The local engine needs none.

Addresses are compared after normalising (scheme and host case, default port, trailing slash), so
``https://api.anthropic.com/`` is the configured ``https://api.anthropic.com``.
"""

from __future__ import annotations

import os
from typing import NamedTuple

from vibing import keys
from vibing.config import Config, same_endpoint
from vibing.errors import KeyWithheld

#: Key sources that are the user's stored key (as opposed to one given with the request).
STORED = ("keychain", "environment")


class Destination(NamedTuple):
    base_url: str
    api_key: str
    #: Where the key came from: "given" (in the request), "keychain", "environment", ".env", or "none".
    source: str


class Credentials:
    """Applies the policy above to one request; reads the key at each call (a key saved meanwhile is used)."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def _setting(self, provider: str) -> str:
        return "anthropic_base_url" if provider == "anthropic" else "openai_base_url"

    def configured_url(self, provider: str) -> str:
        return getattr(self.config, self._setting(provider))

    def destination(self, provider: str, base_url: str = "", api_key: str = "") -> Destination:
        """The address and the key for a request to ``provider``; raises :class:`KeyWithheld` (nothing sent)."""
        configured = self.configured_url(provider)
        url = base_url.strip() or configured
        if api_key:
            return Destination(url, api_key, "given")
        if provider == "local":
            return Destination(url, "", "none")
        if provider == "anthropic":
            key, source = keys.get_key()  # NoApiKey when there is none
        else:
            key, source = os.environ.get("OPENAI_API_KEY", "").strip(), "environment"
            if not key:
                return Destination(url, "", "none")  # Ollama and the like need no key: nothing to protect
        if not same_endpoint(url, configured):
            raise KeyWithheld(
                f"The stored API key is only sent to the configured address ({configured}), not to {url}. "
                f"Give the key for {url} with the request, or change the address in Settings.",
                provider=provider,
                base_url=url,
            )
        origin = self.config.origins.get(self._setting(provider), "default")
        if origin == ".env" and source in STORED:
            raise KeyWithheld(
                f"The address {configured} comes from a .env file in the folder Vibing was started from, so the "
                f"API key from the {source} is not sent there. Set {self._setting(provider)} in Settings or "
                f"ANTHROPIC_BASE_URL in your environment if you trust that address.",
                provider=provider,
                base_url=configured,
            )
        return Destination(url, key, source)
