"""Settings as the window shows them, and the window's own small state files.

Backend settings live in the config file (``config.toml``, read by every
service at start): a setting is written there when ``vibing.config.Config`` has
a field of that name, validated first so a bad value never breaks the next
start.  Settings the services do not know (yet) and the window's preferences
(theme, agent folders) live in ``<data>/shell/settings.json``.  The API key is
never among them: it goes to a service over the bus, which puts it in the OS
keychain.

The provider addresses (``anthropic_base_url``, ``openai_base_url``) are where a
stored key is sent (the keychain's, or ``ANTHROPIC_API_KEY`` / ``OPENAI_API_KEY``),
so a generic settings write (``update``, ``import_``: what the page can reach)
never changes them.  Only :meth:`Settings.set_address` with ``confirm=True`` does;
the caller vouches that the person confirmed that very address: the window after a
native dialog naming it (``settings.address`` in ``shell/runtime.py``), or
``vibing config set-address`` on a terminal.  (The stream service also refuses to
send the key anywhere else: ``services/stream/credentials.py``.)

settings.json also remembers two facts about this computer, never exported or imported
(:data:`STATE_KEYS`): the release whose update notice the person dismissed, and the
provider that first answered (until one has, the window shows its first-run screen).

The projects whose previews may use the network (``preview_network_projects`` in
settings.json) are a permission the person gives one project at a time ("Allow network
for this project"), so they change only through :meth:`Settings.set_network`, one
project per call: never through a generic write, and never through an import, since
a settings file from elsewhere must not open the network to a generated app here.
"""

from __future__ import annotations

import json
import os
import re
import threading
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from vibing import config as config_mod
from vibing import keys
from vibing import paths as paths_mod
from vibing.errors import ConfigError, InvalidRequest, KeychainError

#: What the Settings screen edits, with defaults for the ones the services do not define.
UI_DEFAULTS: dict[str, Any] = {
    "theme": "system",
    "provider": "anthropic",
    "openai_base_url": "http://127.0.0.1:11434/v1",
    "agent_dirs": [],
    "preview_allow_network": False,
    #: The newest release whose notice the person dismissed (a newer one is shown again).
    "update_dismissed": "",
    #: The provider that first answered (a key check, the offline model's status, or a generation): until one
    #: has, the window shows its first-run screen.  "" = none yet.
    "provider_ready": "",
}
#: What settings.json remembers about this computer, not preferences: never exported nor imported.
STATE_KEYS = ("update_dismissed", "provider_ready")
#: Backend settings shown on the Settings screen.
CONFIG_KEYS = (
    "default_model",
    "rate_limit_per_min",
    "anthropic_base_url",
    "data_dir",
    "openai_model",
    "update_check",
    # spending limits (read again at each generation, so no restart is needed)
    "spending_limit_day_usd",
    "spending_limit_project_usd",
    "spending_warn_day_usd",
)
SECRET_WORDS = ("key", "secret", "token", "password")
#: Provider -> the setting that says where its API key is sent (changed only with a confirmation).
ADDRESS_SETTINGS = {"anthropic": "anthropic_base_url", "openai": "openai_base_url"}
PROVIDER_NAMES = {"anthropic": "Anthropic", "openai": "OpenAI-compatible server"}
#: The key that follows each address, as a person knows it.
KEY_NAMES = {"anthropic": "Anthropic API key", "openai": "API key for that server (OPENAI_API_KEY)"}
EXAMPLE_ADDRESSES = {"anthropic": "https://api.anthropic.com", "openai": "http://127.0.0.1:11434/v1"}
#: settings.json's list of the projects whose previews may use the network (see the module docstring).
NETWORK_PROJECTS = "preview_network_projects"
#: More would be a page granting itself the network in bulk, not a person clicking Allow per project.
MAX_NETWORK_PROJECTS = 500
#: Project ids are storage's (uuid4 hex); this bounds what the page can make the shell store.
_PROJECT_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")


def check_project_id(project_id: object) -> str:
    """``project_id`` if it has the shape of a project id; InvalidRequest naming what was wrong otherwise."""
    if not isinstance(project_id, str) or not _PROJECT_ID.fullmatch(project_id):
        shown = str(project_id)[:40] if project_id is not None else "nothing"
        raise InvalidRequest(f"Which project? A project id is letters, digits, - and _ (got {shown!r}).")
    return project_id


def address_setting(provider: object) -> str:
    """The setting holding ``provider``'s address; InvalidRequest for a provider that has none."""
    if not isinstance(provider, str) or provider not in ADDRESS_SETTINGS:
        raise InvalidRequest(f"Which provider's address? anthropic or openai, not {str(provider)[:40]!r}.")
    return ADDRESS_SETTINGS[provider]


def check_address(provider: str, url: object) -> str:
    """``url`` stripped, if it is a usable address for ``provider`` (http(s), a host, no user or password in it)."""
    example = EXAMPLE_ADDRESSES[provider]
    if not isinstance(url, str):
        raise InvalidRequest(f"The {PROVIDER_NAMES[provider]} address must be a URL such as {example}.")
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
        usable = parts.scheme in ("https", "http") and bool(parts.hostname)
        usable = usable and not parts.username and not parts.password and not any(c.isspace() for c in url)
    except ValueError:
        usable = False
    if not usable:
        raise InvalidRequest(
            f"{url[:200]!r} is not a usable address: give an http(s) URL such as {example}.",
            **{address_setting(provider): url[:200]},
        )
    return url


def keychain_state() -> dict[str, Any]:
    """Whether the API key can be kept in the OS keychain here, and if not, why (in words).

    Settings shows it when it opens, so a person on a machine without a keychain learns the
    alternatives (the environment, a ``.env``) before typing a key, rather than on save.  The
    same test as the stream service's :func:`vibing.keys.set_key` (no keychain, or only a
    plain-file one), made in the shell: both processes share the session's environment.
    """
    try:
        keys.keychain()
    except KeychainError as exc:
        return {"available": False, "message": exc.message}
    except Exception as exc:  # a keyring backend that fails to load says so, it does not break Settings
        return {"available": False, "message": f"The keychain could not be opened ({type(exc).__name__})."}
    return {"available": True, "message": ""}


def _is_secret(name: str) -> bool:
    return any(word in name.lower() for word in SECRET_WORDS)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Settings:
    def __init__(self, paths: paths_mod.Paths) -> None:
        self.paths = paths
        self.dir = paths.data / "shell"
        self.file = self.dir / "settings.json"
        #: settings.json is read, changed and replaced whole: one writer at a time (intents run on threads).
        self._ui_lock = threading.Lock()

    # -- files -------------------------------------------------------------------

    def _read_config_file(self) -> dict[str, Any]:
        try:
            return tomllib.loads(self.paths.config_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{self.paths.config_file}: not valid TOML ({exc})") from None

    def _read_ui(self) -> dict[str, Any]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (FileNotFoundError, ValueError):
            return {}

    # -- the screen ----------------------------------------------------------------

    def get(self) -> dict[str, Any]:
        """Every setting the screen shows, with where each backend one comes from."""
        try:
            effective = config_mod.to_dict(config_mod.load(config_file=self.paths.config_file))
            problem = ""
        except ConfigError as exc:
            effective = config_mod.to_dict(config_mod.Config())
            problem = exc.message
        stored = self._read_config_file() if not problem else {}
        values: dict[str, Any] = dict(UI_DEFAULTS)
        values.update({k: v for k, v in self._read_ui().items() if k in UI_DEFAULTS or k in config_mod.FIELDS})
        for key in CONFIG_KEYS:
            values[key] = effective.get(key, values.get(key))
        for key in UI_DEFAULTS:
            if key in config_mod.FIELDS:
                values[key] = effective[key]
        return {
            "values": values,
            "config_file": str(self.paths.config_file),
            "data_folder": str(self.paths.data),
            "in_config_file": sorted(k for k in stored if k in values),
            "problem": problem,
            "restart_needed_for": [k for k in values if k in config_mod.FIELDS],
            "network_projects": self.network_projects(),
        }

    # -- the network, per project ------------------------------------------------------

    def network_projects(self) -> list[str]:
        """The projects allowed the network, oldest permission first (a hand-edited file's junk is ignored)."""
        stored = self._read_ui().get(NETWORK_PROJECTS)
        if not isinstance(stored, list):
            return []
        valid = [p for p in stored if isinstance(p, str) and _PROJECT_ID.fullmatch(p)]
        return list(dict.fromkeys(valid))[:MAX_NETWORK_PROJECTS]

    def set_network(self, project_id: object, allow: object) -> list[str]:
        """Allow (``allow=True``) or revoke the network for one project; the projects allowed afterwards."""
        project_id = check_project_id(project_id)
        if not isinstance(allow, bool):
            raise InvalidRequest("Allow the network or revoke it? (allow: true or false)")
        with self._ui_lock:
            projects = [p for p in self.network_projects() if p != project_id]
            if allow:
                if len(projects) >= MAX_NETWORK_PROJECTS:
                    raise InvalidRequest(
                        f"{MAX_NETWORK_PROJECTS} projects may already use the network; revoke some in Settings first."
                    )
                projects.append(project_id)
            data = {**self._read_ui(), NETWORK_PROJECTS: projects}
            _atomic_write(self.file, json.dumps(data, indent=2, sort_keys=True))
        return projects

    def address_in_force(self, provider: str) -> str:
        """Where ``provider``'s key goes now: the config file's address, else the default."""
        setting = address_setting(provider)
        return str(self._read_config_file().get(setting, getattr(config_mod.Config(), setting)))

    def set_address(self, provider: str, url: object, *, confirm: bool = False) -> dict[str, Any]:
        """Change where ``provider``'s API key is sent; ``confirm`` says the person confirmed this very address."""
        setting = address_setting(provider)
        return self._store({setting: check_address(provider, url)}, confirmed=setting if confirm else "")

    def set_anthropic_base_url(self, url: str, *, confirm: bool = False) -> dict[str, Any]:
        """:meth:`set_address` for Anthropic."""
        return self.set_address("anthropic", url, confirm=confirm)

    def update(self, changes: dict[str, Any]) -> dict[str, Any]:
        """Validate and store ``changes``; returns :meth:`get` afterwards.

        A change of a provider address is refused (see the module docstring): the value in force is accepted
        as "no change" (and not written), so an export of these settings imports as it is."""
        return self._store(changes, confirmed="")

    def _store(self, changes: dict[str, Any], *, confirmed: str) -> dict[str, Any]:
        allowed = set(UI_DEFAULTS) | set(CONFIG_KEYS)
        if NETWORK_PROJECTS in changes:
            raise InvalidRequest(
                "The projects allowed the network change one at a time: Allow network in a project's preview, "
                "Revoke in Settings."
            )
        unknown = sorted(k for k in changes if k not in allowed)
        if unknown:
            raise InvalidRequest(f"Unknown setting {unknown[0]!r}.")
        secret = [k for k in changes if _is_secret(k)]
        if secret:
            raise InvalidRequest("The API key is not a setting; it is kept in the keychain.")
        changes = dict(changes)
        for provider, setting in ADDRESS_SETTINGS.items():
            if setting not in changes or setting == confirmed:
                continue
            wanted = changes.pop(setting)
            shown = (self.address_in_force(provider), self.get()["values"][setting])
            if not isinstance(wanted, str) or not any(config_mod.same_endpoint(wanted, now) for now in shown):
                raise InvalidRequest(
                    f"The {PROVIDER_NAMES[provider]} address is where your API key is sent, so it is not changed by "
                    f"a settings write (asked: {str(wanted)[:200]!r}; kept: {self.address_in_force(provider)}). "
                    f"Change it in Settings, where Vibing asks you to confirm the new address, or with "
                    f"`vibing config set-address {provider} URL` in a terminal.",
                    setting=setting,
                )
        to_config = {k: v for k, v in changes.items() if k in config_mod.FIELDS}
        to_ui = {k: v for k, v in changes.items() if k not in config_mod.FIELDS}
        if "theme" in to_ui and to_ui["theme"] not in ("light", "dark", "system"):
            raise InvalidRequest("Theme must be light, dark or system.")
        if "provider" in to_ui and to_ui["provider"] not in ("anthropic", "openai", "local"):
            raise InvalidRequest(
                "Provider must be anthropic, openai (an OpenAI-compatible server) or local (the offline model)."
            )
        for key in ("update_dismissed", "provider_ready"):
            if key in to_ui and (not isinstance(to_ui[key], str) or len(to_ui[key]) > 40):
                raise InvalidRequest(f"{key} is a version or a provider name (text, 40 characters at most).")
        if "update_check" in to_config and not isinstance(to_config["update_check"], bool):
            raise InvalidRequest("Check for updates: on or off (true or false).")
        for target in (to_config, to_ui):
            if "agent_dirs" not in target:
                continue
            folders = target["agent_dirs"]
            if isinstance(folders, str):
                folders = [line.strip() for line in folders.splitlines() if line.strip()]
            if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
                raise InvalidRequest("Agent folders must be a list of folder paths.")
            target["agent_dirs"] = folders
        if to_config:
            current = self._read_config_file()
            merged = {**current, **to_config}
            merged = {k: v for k, v in merged.items() if not (k == "data_dir" and v == "")}
            config_mod._validate(merged, str(self.paths.config_file))
            lines = ["# Vibing settings (written by the Settings screen; the API key is never stored here)"]
            lines += [f"{k} = {_toml_value(v)}" for k, v in merged.items()]
            _atomic_write(self.paths.config_file, "\n".join(lines) + "\n")
        if to_ui:
            with self._ui_lock:
                data = {**self._read_ui(), **to_ui}
                _atomic_write(self.file, json.dumps(data, indent=2, sort_keys=True))
        return self.get()

    def export(self) -> dict[str, Any]:
        """Everything but secrets and this computer's state, as a file the import accepts."""
        values = self.get()["values"]
        kept = {k: v for k, v in values.items() if not _is_secret(k) and k not in STATE_KEYS}
        return {"vibing_settings": 1, "values": kept}

    def import_(self, document: dict[str, Any]) -> dict[str, Any]:
        if (
            not isinstance(document, dict)
            or document.get("vibing_settings") != 1
            or not isinstance(document.get("values"), dict)
        ):
            raise InvalidRequest("That file is not a Vibing settings export.")
        allowed = set(UI_DEFAULTS) | set(CONFIG_KEYS)
        values = {
            k: v for k, v in document["values"].items() if k in allowed and not _is_secret(k) and k not in STATE_KEYS
        }
        return self.update(values)


class WindowState:
    """Size, position and recent projects: small JSON files in the data folder."""

    def __init__(self, paths: paths_mod.Paths) -> None:
        self.file = paths.data / "shell" / "window.json"

    def load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (FileNotFoundError, ValueError):
            return {}

    def save(self, **values: Any) -> None:
        data = {**self.load(), **values}
        _atomic_write(self.file, json.dumps(data, indent=2, sort_keys=True))
