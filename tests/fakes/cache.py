"""The fake Anthropic server's prompt cache: the usage fields a request is billed with, as the real API reports them.

The real API caches a request's prefix (tools, then system, then messages) up to each block that carries
``cache_control`` (a breakpoint, at most 4).  A request reads the longest prefix it finds cached and writes the
prefixes up to its later breakpoints; its usage then says ``cache_read_input_tokens`` (the prefix read),
``cache_creation_input_tokens`` (from there to the last breakpoint) and ``input_tokens`` (the rest, after the
last breakpoint).  A prefix shorter than the model's minimum cacheable length is not cached (silently, as the
API does), and an entry lives 5 minutes from its last use.

Here a prefix is known by the SHA-256 of the canonical JSON of its blocks (``cache_control`` removed, keys sorted),
with the model, so any changed byte before a breakpoint misses, as on the real API.  Only exact breakpoint
positions are looked up: the real API also tries up to 20 blocks before each breakpoint, which a client that
places breakpoints where an earlier request did (as Vibing's) never needs.  Tokens are counted as
``ceil(chars / 4)`` per text block: not Claude's tokenizer, but deterministic and about as large.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from typing import Any

from .vision import image_tokens

#: Minimum cacheable prefix, in tokens, by model-id prefix (Anthropic's documentation); 1024 otherwise.
MIN_CACHEABLE = {
    "claude-opus-4-5": 4096,
    "claude-haiku-4-5": 4096,
    "claude-3-5-haiku": 2048,
    "claude-3-haiku": 2048,
}
TTL_S = 300.0
#: The API refuses a request with more ``cache_control`` blocks than this.
MAX_BREAKPOINTS = 4


def min_cacheable(model: str) -> int:
    best = ""
    for prefix in MIN_CACHEABLE:
        if model.startswith(prefix) and len(prefix) > len(best):
            best = prefix
    return MIN_CACHEABLE[best] if best else 1024


def block_tokens(block: dict[str, Any]) -> int:
    if block.get("type") == "image":
        return image_tokens(block)
    text = block.get("text")
    if not isinstance(text, str):
        text = json.dumps({k: v for k, v in block.items() if k != "cache_control"}, sort_keys=True)
    return (len(text) + 3) // 4


def blocks(body: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The request's prefix as (where, block) in the order the API caches it: tools, system, then messages."""
    out: list[tuple[str, dict[str, Any]]] = []
    for tool in body.get("tools") or []:
        out.append(("tools", tool))
    system = body.get("system")
    if isinstance(system, str):
        if system:
            out.append(("system", {"type": "text", "text": system}))
    elif isinstance(system, list):
        out.extend(("system", b) for b in system if isinstance(b, dict))
    for i, m in enumerate(body.get("messages") or []):
        content = m.get("content")
        where = f"{i}:{m.get('role')}"
        if isinstance(content, str):
            out.append((where, {"type": "text", "text": content}))
        elif isinstance(content, list):
            out.extend((where, b) for b in content if isinstance(b, dict))
    return out


class PromptCache:
    """The prefixes the server has seen, shared by its requests (thread-safe: HTTP/2 streams run concurrently)."""

    def __init__(self) -> None:
        self._entries: dict[str, float] = {}
        self._lock = threading.Lock()
        self.enabled = True

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def usage(self, body: dict[str, Any]) -> dict[str, int]:
        """``input_tokens``, ``cache_creation_input_tokens`` and ``cache_read_input_tokens`` of this request,
        remembering the prefixes it writes."""
        model = str(body.get("model", ""))
        seq = blocks(body)
        digest = hashlib.sha256(model.encode())
        total = 0
        points: list[tuple[int, str]] = []  # (tokens up to and including the block, prefix hash) per breakpoint
        for where, block in seq:
            canonical = {k: v for k, v in block.items() if k != "cache_control"}
            digest.update(json.dumps([where, canonical], sort_keys=True, ensure_ascii=False).encode())
            total += block_tokens(block)
            if "cache_control" in block:
                points.append((total, digest.copy().hexdigest()))
        if not self.enabled or not points:
            return {"input_tokens": total, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}
        least = min_cacheable(model)
        now = time.monotonic()
        read = written = 0
        with self._lock:
            for tokens, key in points:
                if tokens >= least and self._entries.get(key, 0.0) > now:
                    read = tokens
            for tokens, key in points:
                if tokens >= least:
                    self._entries[key] = now + TTL_S  # written, or refreshed by the read
                    written = max(written, tokens)
        creation = max(0, written - read)
        return {
            "input_tokens": total - max(read, written),
            "cache_creation_input_tokens": creation,
            "cache_read_input_tokens": read,
        }
