"""The Anthropic API key: in the OS keychain (keyring), never in a plain file.

``ANTHROPIC_API_KEY`` in the environment (or the ``.env``) wins over the
keychain, as users of Anthropic's own tools expect.  :func:`get_key` says which
of the three a key came from, because where a key may be sent depends on it
(``services/stream/credentials.py``).  When there is no usable
keychain we say so and how to fix it; we never fall back to a plaintext store.
"""

from __future__ import annotations

import os

from vibing import config as config_mod
from vibing.errors import KeychainError, NoApiKey

SERVICE = "vibing"
USERNAME = "anthropic_api_key"
_PLAINTEXT_BACKENDS = ("keyrings.alt", "PlaintextKeyring", "EncryptedKeyring")
HOW_TO_FIX = (
    "Install and unlock a Secret Service keychain (GNOME Keyring or KWallet), or set ANTHROPIC_API_KEY "
    "in the environment or in a .env file (mode 0600) in Vibing's config folder."
)


def keychain():
    """The OS keychain this session can use; :class:`KeychainError` saying why there is none (or only a plain file)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError as exc:  # pragma: no cover - keyring is a dependency
        raise KeychainError(f"The keyring package is missing ({exc}). {HOW_TO_FIX}") from None
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        raise KeychainError(f"No OS keychain is available on this system. {HOW_TO_FIX}")
    if any(marker in name for marker in _PLAINTEXT_BACKENDS):
        raise KeychainError(
            f"The only keychain found ({name}) stores secrets in a plain file; Vibing will not use it. {HOW_TO_FIX}"
        )
    return backend


def describe(key: str) -> str:
    """A key as shown to a person: never in full."""
    if len(key) <= 12:
        return "*" * len(key)
    return f"{key[:7]}…{key[-4:]}"


def looks_valid(key: str) -> bool:
    return bool(key) and not any(c.isspace() for c in key) and len(key) >= 20


def set_key(key: str) -> str:
    key = key.strip()
    if not looks_valid(key):
        raise NoApiKey("That does not look like an API key (expected a long token like sk-ant-…, no spaces).")
    backend = keychain()
    try:
        backend.set_password(SERVICE, USERNAME, key)
    except Exception as exc:
        raise KeychainError(
            f"The keychain refused to store the key ({type(exc).__name__}: {exc}). {HOW_TO_FIX}"
        ) from None
    return type(backend).__name__


def delete_key() -> bool:
    backend = keychain()
    try:
        if backend.get_password(SERVICE, USERNAME) is None:
            return False
        backend.delete_password(SERVICE, USERNAME)
    except Exception as exc:
        raise KeychainError(f"The keychain refused to delete the key ({type(exc).__name__}: {exc}).") from None
    return True


def get_key() -> tuple[str, str]:
    """The key and where it came from ("environment", ".env" or "keychain"); raises NoApiKey."""
    env = os.environ.get("ANTHROPIC_API_KEY", "").strip()
    if env:
        return env, ".env" if "ANTHROPIC_API_KEY" in config_mod.FROM_DOTENV else "environment"
    try:
        backend = keychain()
        stored = backend.get_password(SERVICE, USERNAME)
    except KeychainError as exc:
        raise NoApiKey(f"No API key is set, and the keychain cannot be read: {exc.message}") from None
    except Exception as exc:
        raise NoApiKey(f"No API key is set, and the keychain failed ({type(exc).__name__}: {exc}).") from None
    if not stored:
        raise NoApiKey(
            "No Anthropic API key is set. Run `vibing key set`, add it in Settings, or set ANTHROPIC_API_KEY."
        )
    return stored, "keychain"
