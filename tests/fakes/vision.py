"""Image content as the real APIs judge it: the exact shape of an image block, and what an image costs.

Anthropic's Messages API takes a user turn's image as
``{"type": "image", "source": {"type": "base64", "media_type": ..., "data": ...}}`` and answers a malformed one
with a 400 ``invalid_request_error`` whose message names the field by its path, in the API's own words
(``messages.0.content.1.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or
'image/webp'``; ``...base64.data: Image does not match the provided media type image/png``).  The test server
applies these checks (:func:`anthropic_image_error`) so a test learns of a wrong shape as the real API would
tell it.  The OpenAI-compatible endpoint checks its ``image_url`` parts the same way (:func:`openai_image_error`).

An image costs ``width * height / 750`` tokens after the API scales its long edge to 1568 px, 1600 at most
(:func:`image_tokens`, what the server's prompt-cache accounting counts).
"""

from __future__ import annotations

import base64
import binascii
import struct
from typing import Any

MEDIA_TYPES = ("image/jpeg", "image/png", "image/gif", "image/webp")
_MEDIA_LIST = "'image/jpeg', 'image/png', 'image/gif' or 'image/webp'"
MAX_IMAGE_BYTES = 5 * 1024 * 1024


def _kind(raw: bytes) -> str:
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if raw.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if raw[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "image/webp"
    return ""


def _size(raw: bytes) -> tuple[int, int]:
    if raw.startswith(b"\x89PNG") and len(raw) >= 24:
        return struct.unpack(">II", raw[16:24])
    if raw[:3] == b"GIF" and len(raw) >= 10:
        return struct.unpack("<HH", raw[6:10])
    return 0, 0


def image_tokens(block: dict[str, Any]) -> int:
    source = block.get("source") or {}
    try:
        width, height = _size(base64.b64decode(source.get("data", ""))[:64])
    except (binascii.Error, ValueError):
        width = height = 0
    if not width or not height:
        return 1600
    scale = min(1.0, 1568 / max(width, height))
    return min(1600, int(width * scale * height * scale / 750) + 1)


def anthropic_image_error(body: dict[str, Any]) -> str | None:
    """The API's message for the first malformed image block of ``body``, or None when all are well formed."""
    for i, message in enumerate(body.get("messages") or []):
        content = message.get("content")
        if not isinstance(content, list):
            continue
        for j, block in enumerate(content):
            if not isinstance(block, dict) or block.get("type") != "image":
                continue
            at = f"messages.{i}.content.{j}.image"
            if message.get("role") != "user":
                return f"messages.{i}.content.{j}: image content blocks are only allowed in user messages"
            extra = sorted(set(block) - {"type", "source", "cache_control"})
            if extra:
                return f"{at}.{extra[0]}: Extra inputs are not permitted"
            source = block.get("source")
            if not isinstance(source, dict):
                return f"{at}.source: Field required"
            if source.get("type") != "base64":
                return f"{at}.source: Input tag {source.get('type')!r} found using 'type' does not match any of the expected tags: 'base64', 'url', 'file'"
            extra = sorted(set(source) - {"type", "media_type", "data"})
            if extra:
                return f"{at}.source.base64.{extra[0]}: Extra inputs are not permitted"
            for field in ("media_type", "data"):
                if field not in source:
                    return f"{at}.source.base64.{field}: Field required"
            if source["media_type"] not in MEDIA_TYPES:
                return f"{at}.source.base64.media_type: Input should be {_MEDIA_LIST}"
            data = source["data"]
            if not isinstance(data, str) or data.startswith("data:"):
                return f"{at}.source.base64.data: Input should be a valid base64 string"
            try:
                raw = base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError):
                return f"{at}.source.base64.data: Input should be a valid base64 string"
            if len(raw) > MAX_IMAGE_BYTES:
                return (
                    f"{at}.source.base64.data: image exceeds 5 MB maximum: {len(raw)} bytes > {MAX_IMAGE_BYTES} bytes"
                )
            if _kind(raw) != source["media_type"]:
                return f"{at}.source.base64.data: Image does not match the provided media type {source['media_type']}"
    return None


def openai_image_error(body: dict[str, Any]) -> str | None:
    """What an OpenAI-compatible server says of the first malformed content part of ``body``, or None."""
    for i, message in enumerate(body.get("messages") or []):
        content = message.get("content")
        if not isinstance(content, list):
            continue
        for j, part in enumerate(content):
            kind = part.get("type") if isinstance(part, dict) else None
            if kind == "text" and isinstance(part.get("text"), str):
                continue
            if kind != "image_url":
                return f"messages[{i}].content[{j}]: invalid content part type {kind!r}"
            url = (part.get("image_url") or {}).get("url", "")
            head, _, data = url.partition(";base64,")
            if not head.startswith("data:") or head[5:] not in MEDIA_TYPES:
                return (
                    f"messages[{i}].content[{j}].image_url.url: expected a data URL of a PNG, JPEG, GIF or WebP image"
                )
            try:
                raw = base64.b64decode(data, validate=True)
            except (binascii.Error, ValueError):
                return f"messages[{i}].content[{j}].image_url.url: invalid base64 data"
            if _kind(raw) != head[5:]:
                return f"messages[{i}].content[{j}].image_url.url: image data does not match {head[5:]}"
    return None
