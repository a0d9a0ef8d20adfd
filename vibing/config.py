"""Settings: defaults < config file < ``.env`` < environment variables.

The ``.env`` layer is the config folder's ``.env``, then the one in the folder Vibing started in.

Each layer is validated on its own, so an error names the place to fix
("config.toml: rate_limit_per_min must be an integer"), not just the value.
Environment variables are ``VIBING_<SETTING>`` (upper case); ``VIBING_LOG`` is
a short alias for ``VIBING_LOG_LEVEL`` and ``ANTHROPIC_BASE_URL`` is honoured.

Where each setting came from is kept in ``Config.origins`` ("config file", ".env",
"environment"; absent = the default), because one decision depends on it: a stored
API key (keychain, or ``ANTHROPIC_API_KEY`` in the real environment) is never sent
to a base URL that a ``.env`` in the folder Vibing was started from set (see
``services/stream/credentials.py``).  ``origins`` is computed here, never read from
a layer.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import msgspec

from vibing import paths as paths_mod
from vibing.errors import ConfigError

LogLevel = Literal["debug", "info", "warning", "error"]
#: The spending limits and warning (dollars); read again at each generation, so a change applies at once.
SPENDING_SETTINGS = ("spending_limit_day_usd", "spending_limit_project_usd", "spending_warn_day_usd")


class Config(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Every setting, with its default.  Times are seconds."""

    log_level: LogLevel = "info"
    data_dir: str = ""
    #: "ipc" (unix sockets in a private runtime dir) or "tcp" (loopback).
    transport: Literal["ipc", "tcp"] = "ipc"
    #: First loopback port for the tcp transport (three are used); 0 picks free ports.
    tcp_base_port: int = 0
    request_timeout_s: float = 5.0
    #: Requests one bus client may have waiting or in progress at the broker; beyond it, LimitExceeded at once.
    bus_max_pending_per_client: int = 1000
    heartbeat_interval_s: float = 0.5
    #: Heartbeats that may be missed before a peer is declared dead (or hung).
    heartbeat_liveness: int = 6
    restart_backoff_s: float = 0.1
    restart_backoff_max_s: float = 5.0
    #: A worker that crashes this many times within ``restart_window_s`` is marked failed.
    restart_limit: int = 5
    restart_window_s: float = 30.0
    stop_grace_s: float = 3.0
    #: Extra folders of agent files (``vibing agents add-dir``); they override the bundled agents.
    agent_dirs: list[str] = []
    #: The user's Claude Code agents folder ("" to ignore it).
    user_agents_dir: str = "~/.claude/agents"
    anthropic_base_url: str = "https://api.anthropic.com"
    default_model: str = "claude-sonnet-4-5"
    rate_limit_per_min: int = 60
    metrics_port: int = 9464
    #: Model provider: "anthropic"; "openai" for any OpenAI-compatible server (Ollama, llama.cpp, LM Studio);
    #: "local" for a model run by Vibing's model service (its engine's URL is asked for at each stream).
    provider: Literal["anthropic", "openai", "local"] = "anthropic"
    openai_base_url: str = "http://127.0.0.1:11434/v1"
    openai_model: str = "llama3.2"
    #: The OpenAI-compatible model's context window in tokens, for fitting requests to it (0 = unknown: 8,192 assumed).
    openai_context: int = 0
    #: Whether the OpenAI-compatible model accepts images (a vision model such as llava or qwen2.5-vl): a prompt
    #: with images for a model without this is refused before anything is sent.
    openai_images: bool = False
    #: Answers streamed at once (more wait in a queue); retries of a failed request before any token.
    max_concurrent_streams: int = 4
    stream_max_retries: int = 2
    #: Longest silence allowed inside a stream (Anthropic sends pings well within it).
    stream_read_timeout_s: float = 120.0
    #: Local models (the model service): stop the engine after this long unused (gives the memory back);
    #: longest wait for an engine to load a model; its context window in tokens; CPU threads (0 = engine default).
    model_idle_s: float = 600.0
    model_start_timeout_s: float = 120.0
    model_context: int = 4096
    model_threads: int = 0
    #: Let the engine reuse the previous request's evaluated prompt (faster follow-ups with big models on a CPU;
    #: but the same request at temperature 0 may then get a different answer).
    model_reuse_prompt_cache: bool = False
    #: Storage limits: largest file, largest project (all files), most files in a project.
    storage_max_file_bytes: int = 2 * 1024 * 1024
    storage_max_project_bytes: int = 50 * 1024 * 1024
    storage_max_files: int = 2000
    #: Storage query cache: entries kept and how long one lives.
    storage_cache_size: int = 2048
    storage_cache_ttl_s: float = 60.0
    #: The update feed (vibing.updates): empty means the address the app was built with; update_check switches it off.
    update_feed_url: str = ""
    update_check: bool = True
    #: Automatic backups (vibing.backup.schedule): one a day into ``<data>/backups``, the last ``backup_keep`` kept.
    backup_daily: bool = True
    backup_keep: int = 7
    #: Spending, in US dollars at the prices of ``services/stream/costs.py`` (local models cost nothing): a
    #: generation whose estimate would take today's spending (local time) or its project's (all time) above a
    #: limit asks first; 0 = no limit.  Above the warning (today's spending; 0 = none) it is only told.
    spending_limit_day_usd: float = 0.0
    spending_limit_project_usd: float = 0.0
    spending_warn_day_usd: float = 5.0
    #: Computed by :func:`load`, not a setting: setting name -> "config file" | ".env" | "environment".
    origins: dict[str, str] = {}

    def __post_init__(self) -> None:
        if not 0 <= self.tcp_base_port <= 65533:
            raise ValueError("tcp_base_port must be between 0 and 65533")
        for name in ("request_timeout_s", "heartbeat_interval_s", "stop_grace_s", "restart_window_s"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be greater than 0")
        if self.heartbeat_liveness < 2:
            raise ValueError("heartbeat_liveness must be at least 2")
        if self.rate_limit_per_min < 1:
            raise ValueError("rate_limit_per_min must be at least 1")
        if self.backup_keep < 1:
            raise ValueError("backup_keep must be at least 1")
        if not 0 <= self.metrics_port <= 65535:
            raise ValueError("metrics_port must be between 0 and 65535")
        for name in SPENDING_SETTINGS:
            amount = getattr(self, name)
            if not math.isfinite(amount) or amount < 0:
                raise ValueError(f"{name} must be an amount in US dollars, 0 or more (0 = none), not {amount!r}")


#: Fields :func:`load` computes; no layer may set them.
COMPUTED = ("origins",)
#: The settings (what a config file, a .env or the environment may set).
FIELDS = tuple(name for name in Config.__struct_fields__ if name not in COMPUTED)
_ENV_ALIASES = {"VIBING_LOG": "log_level", "ANTHROPIC_BASE_URL": "anthropic_base_url"}


#: msgspec's type names as a person says them ("spending_limit_day_usd: expected a number, got text").
_TYPE_WORDS = {"float": "a number", "int": "a whole number", "bool": "true or false", "str": "text", "array": "a list"}
_EXPECTED = re.compile(r"Expected `(\w+)`, got `(\w+)`")


def _describe(error: msgspec.ValidationError) -> str:
    text = str(error)
    if " - at `$." in text:
        reason, where = text.split(" - at `$.", 1)
        found = _EXPECTED.fullmatch(reason)
        if found:
            wanted, got = (_TYPE_WORDS.get(name, name) for name in found.groups())
            reason = f"expected {wanted}, got {got}"
        return f"{where.rstrip('`')}: {reason}"
    return text


def _validate(layer: dict[str, Any], source: str) -> None:
    unknown = sorted(set(layer) - set(FIELDS))
    if unknown:
        raise ConfigError(
            f"{source}: unknown setting {unknown[0]!r}. Known settings: {', '.join(FIELDS)}.",
            source=source,
        )
    try:
        msgspec.convert(layer, Config, strict=False)
    except msgspec.ValidationError as exc:
        raise ConfigError(f"{source}: {_describe(exc)}", source=source) from None


def read_dotenv(path: Path) -> dict[str, str]:
    """``KEY=VALUE`` lines; ``#`` comments, ``export`` prefixes and quotes are understood."""
    values: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[7:].lstrip()
        key, sep, value = line.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"{path}:{number}: expected KEY=VALUE, got {raw!r}", source=str(path))
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        elif " #" in value:
            value = value.split(" #", 1)[0].rstrip()
        values[key.strip()] = value
    return values


#: Variables a .env may carry that are not settings but are read from the environment.
DOTENV_SECRETS = ("ANTHROPIC_API_KEY",)
#: Those of them this process took from a .env (so a key's origin can be told from a real environment's).
FROM_DOTENV: set[str] = set()


def export_dotenv_secrets(path: Path, values: dict[str, str] | None = None) -> None:
    """Put the API key of a .env into this process's environment (the real environment still wins)."""
    if values is None:
        if not path.is_file():
            return
        values = read_dotenv(path)
    for name in DOTENV_SECRETS:
        if values.get(name) and not os.environ.get(name):
            os.environ[name] = values[name]
            FROM_DOTENV.add(name)


def _from_variables(variables: dict[str, str]) -> dict[str, Any]:
    layer: dict[str, Any] = {}
    for key, value in variables.items():
        if key in _ENV_ALIASES:
            layer[_ENV_ALIASES[key]] = value
        elif key.startswith("VIBING_"):
            name = key[7:].lower()
            if name in FIELDS:
                layer[name] = value
    return layer


def dotenv_files(config_file: Path, dotenv: Path) -> list[Path]:
    """The ``.env`` files read, weakest first: the config folder's, then the one in the folder Vibing started in.

    The config folder's is the one that works for an app launched from the desktop, whose current folder
    is wherever the desktop chose (Settings names it when there is no keychain).
    """
    found: list[Path] = []
    for candidate in (config_file.parent / ".env", dotenv):
        if candidate.is_file() and all(not candidate.samefile(other) for other in found):
            found.append(candidate)
    return found


def load(
    *,
    config_file: Path | None = None,
    dotenv: Path | None = None,
    environ: dict[str, str] | None = None,
) -> Config:
    """Merge and validate every layer; raises :class:`ConfigError` naming the culprit."""
    environ = dict(os.environ if environ is None else environ)
    config_file = config_file or paths_mod.resolve().config_file
    dotenv = dotenv or Path.cwd() / ".env"
    merged: dict[str, Any] = {}
    origins: dict[str, str] = {}

    if config_file.is_file():
        try:
            layer = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_file}: not valid TOML ({exc})", source=str(config_file)) from None
        _validate(layer, str(config_file))
        merged.update(layer)
        origins.update(dict.fromkeys(layer, "config file"))

    for env_file in dotenv_files(config_file, dotenv):
        dotenv_vars = read_dotenv(env_file)
        layer = _from_variables(dotenv_vars)
        _validate(layer, str(env_file))
        merged.update(layer)
        origins.update(dict.fromkeys(layer, ".env"))
        export_dotenv_secrets(env_file, dotenv_vars)

    layer = _from_variables(environ)
    _validate(layer, "environment")
    merged.update(layer)
    origins.update(dict.fromkeys(layer, "environment"))
    merged["origins"] = origins
    try:
        return msgspec.convert(merged, Config, strict=False)
    except msgspec.ValidationError as exc:
        raise ConfigError(f"configuration: {_describe(exc)}") from None


def spending_in_force(started_with: Config, config_file: Path | None = None) -> dict[str, float]:
    """The spending settings (:data:`SPENDING_SETTINGS`) as they are now, for a service that started earlier:
    the config file as it is now (Settings writes there), except those the environment or a .env set at the
    start, which still win.  Reads nothing else and changes nothing (unlike :func:`load`, no .env secret is
    exported); raises :class:`ConfigError` naming the file when its values are wrong."""
    config_file = config_file or paths_mod.resolve().config_file
    layer: dict[str, Any] = {}
    if config_file.is_file():
        try:
            layer = tomllib.loads(config_file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_file}: not valid TOML ({exc})", source=str(config_file)) from None
    defaults = Config()
    values: dict[str, Any] = {}
    for name in SPENDING_SETTINGS:
        if started_with.origins.get(name) in ("environment", ".env"):
            values[name] = getattr(started_with, name)
        else:
            values[name] = layer.get(name, getattr(defaults, name))
    _validate(values, str(config_file))
    checked = msgspec.convert(values, Config, strict=False)
    return {name: getattr(checked, name) for name in SPENDING_SETTINGS}


def to_dict(config: Config) -> dict[str, Any]:
    return msgspec.to_builtins(config)


_DEFAULT_PORTS = {"http": 80, "https": 443}


def same_endpoint(a: str, b: str) -> bool:
    """Whether two base URLs name the same server and path (case of scheme and host, default port, final /).

    Used wherever a base URL decides where the API key goes, so ``https://api.anthropic.com/`` counts as the
    configured ``https://api.anthropic.com`` and nothing else does."""

    def norm(url: str) -> tuple[str, str, int | None, str]:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        try:
            port = parts.port or _DEFAULT_PORTS.get(scheme)
        except ValueError:
            port = -1
        return scheme, (parts.hostname or "").lower(), port, parts.path.rstrip("/")

    return norm(a) == norm(b)
