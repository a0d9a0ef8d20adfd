"""Local model files: the GGUF check, the registry (models.json) and `vibing models` (no engine needed,
except where marked)."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import vibing_env
from localmodel import BUNDLED, bundled_path, skip_without_engine

from vibing.errors import Conflict, InvalidRequest, NotFound
from vibing.services.model import gguf
from vibing.services.model.registry import Registry


def _string(text: str) -> bytes:
    raw = text.encode()
    return struct.pack("<Q", len(raw)) + raw


def make_gguf(path: Path, *, name: str = "Tiny Test", elements: int = 64, cut: int = 0) -> Path:
    """A small but well-formed GGUF v3 file (one F32 tensor), optionally with its last ``cut`` bytes missing."""
    kv = [
        ("general.architecture", 8, _string("llama")),
        ("general.name", 8, _string(name)),
        ("llama.context_length", 4, struct.pack("<I", 2048)),
        ("general.file_type", 4, struct.pack("<I", 0)),
        ("tokenizer.ggml.tokens", 9, struct.pack("<IQ", 8, 2) + _string("a") + _string("b")),
    ]
    out = bytearray(b"GGUF" + struct.pack("<IQQ", 3, 1, len(kv)))
    for key, kind, value in kv:
        out += _string(key) + struct.pack("<I", kind) + value
    out += _string("w") + struct.pack("<I", 1) + struct.pack("<Q", elements) + struct.pack("<IQ", 0, 0)
    out += b"\0" * (-len(out) % 32)
    out += b"\x01" * (4 * elements)
    path.write_bytes(bytes(out[: len(out) - cut]))
    return path


def test_a_well_formed_file_is_read(tmp_path: Path) -> None:
    info = gguf.read_info(make_gguf(tmp_path / "tiny.gguf"))
    assert (info.version, info.tensors, info.architecture, info.name) == (3, 1, "llama", "Tiny Test")
    assert info.context_length == 2048 and info.quantization == "F32"
    assert info.metadata["tokenizer.ggml.tokens"] == 2  # arrays are skipped, their length kept


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="No model file at .*nowhere.gguf"):
        gguf.read_info(tmp_path / "nowhere.gguf")
    with pytest.raises(NotFound, match="No model file"):
        Registry(tmp_path).add(str(tmp_path / "nowhere.gguf"))


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"<html>404 Not Found</html>" + b" " * 100, "does not start with the GGUF signature"),
        (b"GG", "too short to be a model"),
        (b"GGUF" + struct.pack("<IQQ", 9, 1, 0) + b"\0" * 64, "unsupported GGUF version 9"),
        (b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + struct.pack("<Q", 2**40) + b"\0" * 64, "impossible length"),
        (b"GGUF" + struct.pack("<IQQ", 3, 0, 0) + b"\0" * 64, "no tensors"),
    ],
)
def test_not_a_model_is_refused_with_the_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    with pytest.raises(InvalidRequest, match=reason) as caught:
        gguf.read_info(path)
    assert "is not a usable GGUF model" in caught.value.message and str(path) in caught.value.message


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequest, match="truncated: .* missing; an interrupted download"):
        gguf.read_info(make_gguf(tmp_path / "cut.gguf", cut=10))
    with pytest.raises(InvalidRequest, match="ends in the middle of its header"):
        path = make_gguf(tmp_path / "cut2.gguf")
        path.write_bytes(path.read_bytes()[:60])
        gguf.read_info(path)


def test_a_folder_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequest, match="is not a file"):
        gguf.read_info(tmp_path)


def test_registry_add_use_remove(tmp_path: Path) -> None:
    data = tmp_path / "data"
    reg = Registry(data)
    first = reg.add(str(make_gguf(tmp_path / "Tiny-Model.Q4.gguf")))
    assert first.name == "tiny-model.q4" and first.label == "Tiny Test (llama, F32)"
    second = reg.add(str(make_gguf(tmp_path / "other.gguf", name="Other")), "mine")
    assert second.name == "mine"
    with pytest.raises(Conflict, match="already called 'mine'"):
        reg.add(str(make_gguf(tmp_path / "third.gguf")), "mine")
    with pytest.raises(Conflict, match="already listed as 'mine'"):
        reg.add(str(tmp_path / "other.gguf"))
    with pytest.raises(InvalidRequest, match="not a usable model name"):
        reg.add(str(make_gguf(tmp_path / "fourth.gguf")), "No Spaces!")
    assert reg.use("mine").default
    names = {m.name: m for m in Registry(data).models()}  # a fresh reader sees the file
    assert names["mine"].default and not names["tiny-model.q4"].default
    stored = json.loads((data / "models.json").read_text())
    assert stored["default"] == "mine" and len(stored["models"]) == 2
    reg.remove("mine")
    assert reg.get("").name in {m.name for m in reg.models()}  # the default falls back to the first model
    with pytest.raises(NotFound, match="No local model named 'mine'"):
        reg.use("mine")


def test_damaged_models_json_is_reported(tmp_path: Path) -> None:
    (tmp_path / "models.json").write_text("{not json")
    with pytest.raises(InvalidRequest, match="models.json is damaged"):
        Registry(tmp_path).models()


def _vibing(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vibing", *args],
        env=vibing_env(home),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=home,
    )


def test_cli_add_missing_and_corrupt_files(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    missing = _vibing(home, "models", "add", str(tmp_path / "nope.gguf"))
    assert missing.returncode == 2 and "No model file at" in missing.stderr
    bad = tmp_path / "bad.gguf"
    bad.write_text("definitely not a model\n" * 10)
    corrupt = _vibing(home, "models", "add", str(bad))
    assert corrupt.returncode == 2 and "does not start with the GGUF signature" in corrupt.stderr
    ok = _vibing(home, "models", "add", str(make_gguf(tmp_path / "tiny.gguf")), "--name", "tiny", "--use")
    assert ok.returncode == 0, ok.stderr
    assert "Added tiny: Tiny Test (llama, F32)" in ok.stdout and "default local model" in ok.stdout
    listing = _vibing(home, "models", "ls", "--json")
    data = json.loads(listing.stdout)
    assert [m["name"] for m in data["local"] if m.get("default")] == ["tiny"]
    assert {r["provider"] for r in data["remote"]} == {"anthropic", "openai-compatible"}
    text = _vibing(home, "models", "ls").stdout
    assert "Local models" in text and "Remote providers" in text and "* tiny" in text


@pytest.mark.local_model
@skip_without_engine
def test_bundled_model_is_found_and_valid(tmp_path: Path) -> None:
    path = bundled_path()
    info = gguf.read_info(path)
    assert info.architecture == "llama" and info.tensors > 10
    models = Registry(tmp_path).models()
    assert models[0].name == BUNDLED and models[0].bundled and models[0].default
    assert "small demo model" in models[0].label
    listing = _vibing(tmp_path, "models", "ls").stdout
    assert f"* {BUNDLED}" in listing and "small demo model" in listing
