"""Saving an agent folder in the config file (``agent_dirs``), keeping the rest of the file as it is."""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

from vibing import paths as paths_mod
from vibing.errors import ConfigError


def config_file() -> Path:
    from vibing import config as config_mod

    try:
        data_dir = config_mod.load().data_dir or None
    except ConfigError:
        data_dir = None
    return paths_mod.resolve(data_dir).config_file


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def add_agent_dir(folder: str, file: Path | None = None) -> tuple[Path, bool]:
    """Append ``folder`` (absolute) to ``agent_dirs`` in the config file; (file, whether it was added)."""
    file = file or config_file()
    folder = os.path.abspath(os.path.expanduser(folder))
    text = file.read_text(encoding="utf-8") if file.is_file() else ""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{file}: not valid TOML ({exc}); fix it before adding a folder", source=str(file)) from None
    current = data.get("agent_dirs", [])
    if not isinstance(current, list):
        raise ConfigError(f"{file}: agent_dirs must be a list of folders", source=str(file))
    if folder in current:
        return file, False
    new_line = f"agent_dirs = {_toml_list([*current, folder])}"
    pattern = re.compile(r"^agent_dirs\s*=\s*\[[^\]]*\]\s*$", re.MULTILINE)
    if "agent_dirs" in data:
        if not pattern.search(text):
            raise ConfigError(
                f"{file}: cannot update agent_dirs automatically; add {folder!r} to it by hand", source=str(file)
            )
        text = pattern.sub(lambda _m: new_line, text, count=1)
    else:
        # Top-level keys must come before any [table]; the config has none, but be safe.
        table = re.search(r"^\[", text, re.MULTILINE)
        if table:
            text = text[: table.start()] + new_line + "\n" + text[table.start() :]
        else:
            text = text + ("" if not text or text.endswith("\n") else "\n") + new_line + "\n"
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_suffix(".toml.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, file)
    return file, True
