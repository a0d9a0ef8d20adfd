"""Checking that a file is a readable GGUF model, without loading it.

A GGUF file starts with the magic ``GGUF``, a version (1-3), the number of
tensors and of metadata entries, then the metadata (key, typed value) and one
info record per tensor (name, dimensions, type, offset into the data section).
Reading all of that, and checking that every tensor's data lies inside the
file, catches the usual damage (not a model, a truncated download, a file cut
mid-copy) in milliseconds, before an engine is started on it.

Only the standard library is used: this module is imported by the CLI and by
the model service at start, where the engine itself is never imported.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from vibing.errors import InvalidRequest, NotFound

MAGIC = b"GGUF"
_MAX_STRING = 16 * 1024 * 1024
_MAX_COUNT = 10_000_000
_MAX_DIMS = 8

# Metadata value types.
_UINT8, _INT8, _UINT16, _INT16, _UINT32, _INT32, _FLOAT32, _BOOL, _STRING, _ARRAY, _UINT64, _INT64, _FLOAT64 = range(13)
_SCALARS = {
    _UINT8: "<B",
    _INT8: "<b",
    _UINT16: "<H",
    _INT16: "<h",
    _UINT32: "<I",
    _INT32: "<i",
    _FLOAT32: "<f",
    _BOOL: "<?",
    _UINT64: "<Q",
    _INT64: "<q",
    _FLOAT64: "<d",
}

#: ggml tensor types: (elements per block, bytes per block).  Unknown types are not size-checked.
GGML_TYPES: dict[int, tuple[int, int]] = {
    0: (1, 4),
    1: (1, 2),
    2: (32, 18),
    3: (32, 20),
    6: (32, 22),
    7: (32, 24),
    8: (32, 34),
    9: (32, 36),
    10: (256, 84),
    11: (256, 110),
    12: (256, 144),
    13: (256, 176),
    14: (256, 210),
    15: (256, 292),
    16: (256, 66),
    17: (256, 74),
    18: (256, 98),
    19: (256, 50),
    20: (32, 18),
    21: (256, 110),
    22: (256, 82),
    23: (256, 136),
    24: (1, 1),
    25: (1, 2),
    26: (1, 4),
    27: (1, 8),
    28: (1, 8),
    29: (256, 56),
    30: (1, 2),
}
#: Names of the common file types (``general.file_type``), for display.
FILE_TYPES = {
    0: "F32",
    1: "F16",
    2: "Q4_0",
    3: "Q4_1",
    7: "Q8_0",
    8: "Q5_0",
    9: "Q5_1",
    10: "Q2_K",
    11: "Q3_K_S",
    12: "Q3_K_M",
    13: "Q3_K_L",
    14: "Q4_K_S",
    15: "Q4_K_M",
    16: "Q5_K_S",
    17: "Q5_K_M",
    18: "Q6_K",
    19: "IQ2_XXS",
    20: "IQ2_XS",
    21: "Q2_K_S",
    22: "IQ3_XS",
    23: "IQ3_XXS",
    24: "IQ1_S",
    25: "IQ4_NL",
    26: "IQ3_S",
    27: "IQ3_M",
    28: "IQ2_S",
    29: "IQ2_M",
    30: "IQ4_XS",
    31: "IQ1_M",
    32: "BF16",
}


class Corrupt(Exception):
    """The bytes are not a well-formed GGUF header (the message says what is wrong)."""


@dataclass
class GGUFInfo:
    path: str
    size: int
    version: int
    tensors: int
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.metadata.get("general.name", "") or "")

    @property
    def architecture(self) -> str:
        return str(self.metadata.get("general.architecture", "") or "")

    @property
    def quantization(self) -> str:
        ft = self.metadata.get("general.file_type")
        return FILE_TYPES.get(ft, f"type {ft}") if isinstance(ft, int) else ""

    @property
    def context_length(self) -> int:
        value = self.metadata.get(f"{self.architecture}.context_length")
        return value if isinstance(value, int) else 0


class _Reader:
    def __init__(self, f: BinaryIO, size: int) -> None:
        self.f = f
        self.size = size

    def read(self, n: int, what: str) -> bytes:
        data = self.f.read(n)
        if len(data) != n:
            raise Corrupt(f"the file ends in the middle of its header ({what})")
        return data

    def unpack(self, fmt: str, what: str) -> Any:
        return struct.unpack(fmt, self.read(struct.calcsize(fmt), what))[0]

    def string(self, what: str) -> str:
        n = self.unpack("<Q", what)
        if n > _MAX_STRING or self.f.tell() + n > self.size:
            raise Corrupt(f"{what} has an impossible length ({n} bytes)")
        return self.read(n, what).decode("utf-8", "replace")

    def value(self, kind: int, what: str, keep: bool = True) -> Any:
        if kind in _SCALARS:
            return self.unpack(_SCALARS[kind], what)
        if kind == _STRING:
            return self.string(what)
        if kind == _ARRAY:
            item_kind = self.unpack("<I", what)
            count = self.unpack("<Q", what)
            if count > _MAX_COUNT * 100:
                raise Corrupt(f"{what} has an impossible length ({count} items)")
            if item_kind in _SCALARS:
                width = struct.calcsize(_SCALARS[item_kind])
                if self.f.tell() + width * count > self.size:
                    raise Corrupt(f"the file ends inside {what}")
                self.f.seek(width * count, os.SEEK_CUR)  # vocabularies are large: skip, keep the length
                return count
            if item_kind == _STRING:
                for _ in range(count):
                    n = self.unpack("<Q", what)
                    if n > _MAX_STRING or self.f.tell() + n > self.size:
                        raise Corrupt(f"{what} has an item of impossible length ({n} bytes)")
                    self.f.seek(n, os.SEEK_CUR)
                return count
            if item_kind == _ARRAY:
                for _ in range(count):
                    self.value(_ARRAY, what, keep=False)
                return count
            raise Corrupt(f"{what} has an unknown item type {item_kind}")
        raise Corrupt(f"{what} has an unknown value type {kind}")


def read_info(path: str | os.PathLike[str]) -> GGUFInfo:
    """Read and check the header of a GGUF file.

    Raises ``NotFound`` when there is no such file, ``InvalidRequest`` (with the
    reason) when it is not a GGUF model or its header is damaged or truncated.
    """
    p = Path(path).expanduser()
    if not p.exists():
        raise NotFound(f"No model file at {p}.", path=str(p))
    if not p.is_file():
        raise InvalidRequest(f"{p} is not a file (a GGUF model file is expected).", path=str(p))
    try:
        size = p.stat().st_size
        with open(p, "rb") as f:
            return _read(f, size, str(p))
    except PermissionError:
        raise InvalidRequest(f"{p} cannot be read (permission denied).", path=str(p)) from None
    except Corrupt as exc:
        raise InvalidRequest(f"{p} is not a usable GGUF model: {exc}.", path=str(p), reason=str(exc)) from None
    except OSError as exc:
        raise InvalidRequest(f"{p} cannot be read: {exc.strerror or exc}.", path=str(p)) from None


def _read(f: BinaryIO, size: int, path: str) -> GGUFInfo:
    if size < 24:
        raise Corrupt(f"it is {size} bytes long, too short to be a model")
    magic = f.read(4)
    if magic != MAGIC:
        raise Corrupt(
            f"it does not start with the GGUF signature (found {magic!r}); "
            "it is not a GGUF file (llama.cpp models end in .gguf)"
        )
    r = _Reader(f, size)
    version = r.unpack("<I", "version")
    if version not in (1, 2, 3):
        raise Corrupt(f"unsupported GGUF version {version}")
    if version == 1:
        raise Corrupt("GGUF version 1 is obsolete; convert the model again with a recent llama.cpp")
    tensors = r.unpack("<Q", "tensor count")
    kv_count = r.unpack("<Q", "metadata count")
    if tensors > _MAX_COUNT or kv_count > _MAX_COUNT:
        raise Corrupt(f"impossible counts ({tensors} tensors, {kv_count} metadata entries)")
    if tensors == 0:
        raise Corrupt("it holds no tensors")
    metadata: dict[str, Any] = {}
    for i in range(kv_count):
        key = r.string(f"metadata key {i}")
        kind = r.unpack("<I", f"the type of {key!r}")
        metadata[key] = r.value(kind, f"metadata {key!r}")
    end_of_data = 0
    for i in range(tensors):
        name = r.string(f"tensor name {i}")
        n_dims = r.unpack("<I", f"tensor {name!r}")
        if not 0 < n_dims <= _MAX_DIMS:
            raise Corrupt(f"tensor {name!r} has {n_dims} dimensions")
        elements = 1
        for _ in range(n_dims):
            elements *= r.unpack("<Q", f"tensor {name!r}")
        kind = r.unpack("<I", f"tensor {name!r}")
        offset = r.unpack("<Q", f"tensor {name!r}")
        block = GGML_TYPES.get(kind)
        nbytes = (elements // block[0]) * block[1] if block else 0
        end_of_data = max(end_of_data, offset + nbytes)
    alignment = metadata.get("general.alignment", 32)
    if not isinstance(alignment, int) or alignment <= 0:
        alignment = 32
    data_start = -(-f.tell() // alignment) * alignment
    if data_start + end_of_data > size:
        missing = data_start + end_of_data - size
        raise Corrupt(
            f"it is truncated: its tensors need {data_start + end_of_data:,} bytes but the file has "
            f"{size:,} ({missing:,} missing; an interrupted download or copy?)"
        )
    return GGUFInfo(path=path, size=size, version=version, tensors=tensors, metadata=metadata)
