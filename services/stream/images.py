"""Images in the chat (issue 20, U10): checked before anything is sent, and encoded for each provider.

An attached image comes from the page (pasted, dropped, picked, a capture of the preview) or from
``vibing generate --image``: bytes a person chose, or a page handed over, so nothing about it is trusted.

- :func:`checked` reads the type from the bytes themselves (the magic numbers of PNG, JPEG, GIF and WebP; the
  declared type is corrected to it), refuses SVG (it can carry script) and anything else, refuses a file cut
  short or whose header does not parse, and holds the caps: :data:`MAX_BYTES` decoded bytes each,
  :data:`MAX_IMAGES` per message, :data:`MAX_SIDE` pixels a side (the API's own limit).  The width and height
  are read from the header too.  A refusal is :class:`~vibing.errors.ImageRefused`, naming the image and why.
- :func:`accepts` says whether a model takes images (every Claude model; an OpenAI-compatible one when
  ``openai_images`` is set; the local engine's model never), and :func:`require` refuses before anything is sent.
- :func:`follow_up` applies the resend rule: of the earlier user turns that carried images, only the last
  :data:`RESEND_TURNS` send theirs again (the others say in words that an image was there); and all the images of
  one request stay under :data:`MAX_REQUEST_IMAGES` (the API refuses a request over 32 MB): a prompt's own images
  over it are refused, earlier ones are left out, oldest first (:func:`within_request_cap`).
- :func:`anthropic_content` and :func:`openai_content` are the two wire shapes: Anthropic's ``image`` blocks
  (base64 source) before the turn's text block, and OpenAI's ``image_url`` data-URL parts after its text part.

No image library: the page downscales (to at most 1568 px on the long edge, where Claude stops gaining detail),
and the checks here need only the first bytes of a header and the last of a trailer.
"""

from __future__ import annotations

import base64
import binascii
import struct
from collections.abc import Callable
from typing import Any

import msgspec

from vibing.errors import ImageRefused, ImagesNotSupported, NotFound
from vibing.schema.storage import LoadAttachment
from vibing.schema.stream import ChatTurn, ContentBlock, ImageAttachment, ImageBlock, TextBlock
from vibing.services.stream import turns as turn_content

#: The types sent upstream (what Anthropic and vision models accept).
MEDIA_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
#: Decoded bytes of one image (Anthropic's API limit per image).
MAX_BYTES = 5 * 1024 * 1024
#: Images with one message.
MAX_IMAGES = 10
#: Pixels on either side (Anthropic refuses larger; the page sends at most 1568).
MAX_SIDE = 8000
#: The long edge the page downscales to, and ``vibing generate --image`` holds.
LONG_EDGE = 1568
#: Earlier user turns whose images a follow-up sends again.
RESEND_TURNS = 2
#: Base64 characters of all the images of one request: the Messages API refuses a request over 32 MB (413), and
#: the text of the project and conversation needs room beside them.
MAX_REQUEST_IMAGES = 24 * 1024 * 1024


def _label(image: ImageAttachment | ImageBlock, n: int) -> str:
    return f"{image.name!r}" if image.name else f"image {n}"


def sniff(raw: bytes) -> str:
    """The media type the bytes say they are ("" for none of the four; "image/svg+xml" for an SVG)."""
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if raw.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if raw[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "image/webp"
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml", b"<!doctype svg")) or (head.startswith(b"<") and b"<svg" in raw[:4096]):
        return "image/svg+xml"
    return ""


def _png_size(raw: bytes) -> tuple[int, int] | None:
    if len(raw) < 33 or raw[12:16] != b"IHDR" or not raw.rstrip(b"\x00").endswith(b"IEND\xaeB`\x82"):
        return None
    return struct.unpack(">II", raw[16:24])


def _gif_size(raw: bytes) -> tuple[int, int] | None:
    if len(raw) < 14 or not raw.endswith(b";"):
        return None
    return struct.unpack("<HH", raw[6:10])


def _jpeg_size(raw: bytes) -> tuple[int, int] | None:
    if b"\xff\xd9" not in raw[-1024:]:
        return None  # cut short: no end-of-image marker
    i = 2
    while i + 4 <= len(raw):
        if raw[i] != 0xFF:
            return None
        marker = raw[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        (length,) = struct.unpack(">H", raw[i + 2 : i + 4])
        if length < 2:
            return None
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            if i + 9 > len(raw):
                return None
            height, width = struct.unpack(">HH", raw[i + 5 : i + 9])
            return width, height
        i += 2 + length
    return None


def _webp_size(raw: bytes) -> tuple[int, int] | None:
    if len(raw) < 30 or struct.unpack("<I", raw[4:8])[0] + 8 > len(raw):
        return None  # the RIFF header promises more than there is
    chunk = raw[12:16]
    if chunk == b"VP8 " and raw[23:26] == b"\x9d\x01\x2a":
        w, h = struct.unpack("<HH", raw[26:30])
        return w & 0x3FFF, h & 0x3FFF
    if chunk == b"VP8L" and raw[20] == 0x2F:
        bits = int.from_bytes(raw[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return int.from_bytes(raw[24:27], "little") + 1, int.from_bytes(raw[27:30], "little") + 1
    return None


_SIZES: dict[str, Callable[[bytes], tuple[int, int] | None]] = {
    "image/png": _png_size,
    "image/jpeg": _jpeg_size,
    "image/gif": _gif_size,
    "image/webp": _webp_size,
}


def inspect(raw: bytes, label: str = "the image") -> tuple[str, int, int]:
    """(media type, width, height) of ``raw``, or :class:`ImageRefused` saying why it cannot be sent."""
    if len(raw) > MAX_BYTES:
        raise ImageRefused(
            f"{label} is {len(raw) / 1048576:.1f} MB; an image may be at most {MAX_BYTES // 1048576} MB. "
            f"Send a smaller or downscaled copy (a screenshot of the part that matters will do).",
            size_bytes=len(raw),
        )
    kind = sniff(raw)
    if kind == "image/svg+xml":
        raise ImageRefused(
            f"{label} is an SVG drawing; SVG is not accepted because it can carry script. "
            f"Send a PNG or JPEG screenshot of it instead."
        )
    if not kind:
        raise ImageRefused(f"{label} is not a PNG, JPEG, GIF or WebP image (its bytes say otherwise).")
    size = _SIZES[kind](raw)
    if size is None or size[0] < 1 or size[1] < 1:
        raise ImageRefused(f"{label} looks like a {kind.split('/')[1].upper()} but is damaged or cut short.")
    width, height = size
    if max(width, height) > MAX_SIDE:
        raise ImageRefused(
            f"{label} is {width}×{height} pixels; at most {MAX_SIDE} a side can be sent. Downscale it first.",
            width=width,
            height=height,
        )
    return kind, width, height


def decode(data: str, label: str = "the image") -> bytes:
    """The bytes of a base64 image (:class:`ImageRefused` when it is not base64)."""
    if len(data) > (MAX_BYTES * 4) // 3 + 8:
        raise ImageRefused(
            f"{label} is over {MAX_BYTES // 1048576} MB; an image may be at most {MAX_BYTES // 1048576} MB. "
            f"Send a smaller or downscaled copy."
        )
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ImageRefused(f"{label} is damaged: its data is not base64.") from None


def checked(images: list[ImageAttachment]) -> list[ImageAttachment]:
    """``images`` checked (see the module's docstring), with the media type and size their bytes say."""
    if len(images) > MAX_IMAGES:
        raise ImageRefused(
            f"{len(images)} images were attached; at most {MAX_IMAGES} go with one message.", count=len(images)
        )
    together = sum(len(i.data) for i in images)
    if together > MAX_REQUEST_IMAGES:
        raise ImageRefused(
            f"These {len(images)} images take {together * 3 / 4 / 1048576:.1f} MB together; at most "
            f"{MAX_REQUEST_IMAGES * 3 // 4 // 1048576} MB of images go with one message (the API refuses larger "
            f"requests). Send fewer, or smaller ones (a JPEG of a photo is far smaller than a PNG).",
            size_bytes=together * 3 // 4,
        )
    out = []
    for n, image in enumerate(images, 1):
        label = _label(image, n)
        kind, width, height = inspect(decode(image.data, label), label)
        out.append(msgspec.structs.replace(image, media_type=kind, width=width, height=height))
    return out


def check_blocks(blocks: list[ImageBlock]) -> None:
    """The images of one turn about to be sent, checked as :func:`checked` checks attachments; their declared
    type must be the one their bytes say (the API refuses a mismatch).  Images not loaded yet are skipped."""
    if len(blocks) > MAX_IMAGES:
        raise ImageRefused(
            f"{len(blocks)} images are in one message; at most {MAX_IMAGES} go with one message.", count=len(blocks)
        )
    for n, b in enumerate(blocks, 1):
        if not b.data:
            continue
        label = _label(b, n)
        kind, _w, _h = inspect(decode(b.data, label), label)
        if kind != b.media_type:
            raise ImageRefused(f"{label} is declared as {b.media_type or 'no type'} but its bytes are {kind}.")


def block(image: ImageAttachment) -> ImageBlock:
    return ImageBlock(
        media_type=image.media_type, data=image.data, width=image.width, height=image.height, name=image.name
    )


def user_turn(text: str | list[ContentBlock], images: list[ImageAttachment]) -> str | list[ContentBlock]:
    """The current user turn's content: its images, then its text (and picked elements)."""
    if not images:
        return text
    rest: list[ContentBlock] = text if isinstance(text, list) else [TextBlock(text=text)]
    return [*(block(i) for i in images), *rest]


# -- which models take images --------------------------------------------------------------------------


def accepts(provider: str, model: str, config: Any) -> bool:
    """Does ``model`` at ``provider`` take images?  Every Claude model does; an OpenAI-compatible server's model
    when ``openai_images`` says so (a vision model); the local engine's model (SmolLM2, text only) never."""
    if provider == "anthropic":
        return True
    if provider == "openai":
        return bool(getattr(config, "openai_images", False))
    return False


def require(provider: str, model: str, config: Any) -> None:
    """:class:`ImagesNotSupported` when ``model`` takes no images (called before anything is sent)."""
    if accepts(provider, model, config):
        return
    name = model or ("the local model" if provider == "local" else "the configured model")
    if provider == "openai":
        hint = (
            "Choose a Claude model, or, if this model does read images (a vision model), turn on "
            "'accepts images' for the OpenAI-compatible server in Settings (openai_images in the config file)."
        )
    else:
        hint = "Choose a Claude model (or an OpenAI-compatible vision model) to send images, or send the text alone."
    raise ImagesNotSupported(f"{name} does not accept images. {hint}", model=model, provider=provider)


# -- follow-ups ----------------------------------------------------------------------------------------


def earlier_note(count: int) -> str:
    return f"({count} image{'s' if count != 1 else ''} attached to this message earlier, not sent again.)"


def follow_up(history: list[ChatTurn], keep: int = RESEND_TURNS) -> tuple[list[ChatTurn], list[ChatTurn]]:
    """(history, the turns whose images go again): of the earlier user turns that carried images only the last
    ``keep`` keep them; the others say in words that images were there."""
    carrying = [i for i, t in enumerate(history) if t.role == "user" and turn_content.images_of(t.content)]
    kept = set(carrying[-keep:]) if keep > 0 else set()
    out = []
    for i, turn in enumerate(history):
        if i in carrying and i not in kept:
            turn = turn_content.without_images(turn, earlier_note(len(turn_content.images_of(turn.content))))
        out.append(turn)
    return out, [out[i] for i in sorted(kept)]


def within_request_cap(turns: list[ChatTurn], cap: int = MAX_REQUEST_IMAGES) -> list[ChatTurn]:
    """``turns`` (a request's, ending with the current one) with the images of earlier turns left out, oldest
    first, until all its images together take at most ``cap`` base64 characters; the current turn's stay (they
    were refused already if they alone are too big)."""

    def size(turn: ChatTurn) -> int:
        return sum(len(b.data) for b in turn_content.images_of(turn.content))

    total = sum(size(t) for t in turns)
    out = list(turns)
    for i, turn in enumerate(out[:-1]):
        if total <= cap:
            break
        took = size(turn)
        if took:
            out[i] = turn_content.without_images(turn, earlier_note(len(turn_content.images_of(turn.content))))
            total -= took
    return out


def without_any(history: list[ChatTurn]) -> list[ChatTurn]:
    """``history`` with every image left out (for a model that takes none), each said in words."""
    return [turn_content.without_images(t, earlier_note(len(turn_content.images_of(t.content)))) for t in history]


def loaded(history: list[ChatTurn], load: Callable[[str], tuple[str, str]]) -> list[ChatTurn]:
    """``history`` with every image that has no data yet filled in from storage (``load(attachment_id)`` ->
    (media type, base64)); an image that can no longer be loaded is said in words instead."""
    out = []
    for turn in history:
        if isinstance(turn.content, str) or all(b.data for b in turn_content.images_of(turn.content)):
            out.append(turn)
            continue
        blocks: list[ContentBlock] = []
        for b in turn.content:
            if isinstance(b, ImageBlock) and not b.data:
                try:
                    media_type, data = load(b.attachment_id)
                except LookupError:
                    blocks.append(TextBlock(text="(An image attached here is no longer stored.)"))
                    continue
                b = msgspec.structs.replace(b, media_type=media_type, data=data)
            blocks.append(b)
        out.append(msgspec.structs.replace(turn, content=turn_content.simplest(blocks)))
    return out


def from_storage(bus: Any) -> Callable[[str], tuple[str, str]]:
    """The ``load`` of :func:`loaded` that asks storage (``LoadAttachment``); a gone image is a ``LookupError``."""

    def load(attachment_id: str) -> tuple[str, str]:
        try:
            got = bus.request("storage", LoadAttachment(attachment_id=attachment_id), timeout=5.0)
        except NotFound:
            raise LookupError(attachment_id) from None
        return got.media_type, got.data

    return load


def for_continuation(turns: list[ChatTurn], provider: str, model: str, config: Any, bus: Any) -> list[ChatTurn]:
    """The conversation an answer being continued was answering, with its images as a follow-up sends them: the
    request's own and those of the last :data:`RESEND_TURNS` earlier turns that carried any (loaded from
    storage), or none at all, said in words, for a model that takes no images."""
    if not any(turn_content.images_of(t.content) for t in turns):
        return turns
    if not accepts(provider, model, config):
        return without_any(turns)
    users = [t for t in turns if t.role == "user"]
    current = bool(users) and bool(turn_content.images_of(users[-1].content))
    return within_request_cap(loaded(follow_up(turns, RESEND_TURNS + int(current))[0], from_storage(bus)))


# -- the wire ------------------------------------------------------------------------------------------


def anthropic_content(content: str | list[ContentBlock]) -> str | list[dict[str, Any]]:
    """A turn's ``content`` as Anthropic's Messages API takes it: a string for text alone, else its image blocks
    (base64 source) followed by one text block."""
    content = turn_content.simplest(content)
    if isinstance(content, str):
        return content
    out: list[dict[str, Any]] = [
        {"type": "image", "source": {"type": "base64", "media_type": b.media_type, "data": b.data}}
        for b in turn_content.images_of(content)
        if b.data
    ]
    text = turn_content.text_of(content)
    if text:
        out.append({"type": "text", "text": text})
    return out


def openai_content(content: str | list[ContentBlock]) -> str | list[dict[str, Any]]:
    """A turn's ``content`` as the OpenAI chat completions API takes it: a string for text alone, else a text part
    followed by ``image_url`` parts carrying data URLs."""
    content = turn_content.simplest(content)
    if isinstance(content, str):
        return content
    out: list[dict[str, Any]] = []
    text = turn_content.text_of(content)
    if text:
        out.append({"type": "text", "text": text})
    out += [
        {"type": "image_url", "image_url": {"url": f"data:{b.media_type};base64,{b.data}"}}
        for b in turn_content.images_of(content)
        if b.data
    ]
    return out
