"""Images attached to user messages (issue 20), kept in the database beside their message.

Why in SQLite and not as files: a backup copies the database, so it carries them; a message or project deleted
takes its images with it (``ON DELETE CASCADE``, migration 0005); a fork copies them in the same transaction as
the messages.  A project's export (``archive.py``) writes its files only, never these.

The stream service checks an image by its bytes before it is sent (type, size, dimensions); storage, which any
bus client may ask, holds its own line: one of the four image types, base64 that decodes, at most
:data:`MAX_BYTES` each and :data:`MAX_PER_MESSAGE` per message.  Listing a project reads the attachments' facts
(type, size, name) without their bytes; :func:`load` reads one image's bytes, for the model or the UI.
"""

from __future__ import annotations

import base64
import binascii
import time
import uuid
from collections.abc import Iterable

import apsw

from vibing.errors import InvalidRequest, LimitExceeded, NotFound
from vibing.schema.storage import AttachmentData, AttachmentInfo, MessageInfo
from vibing.schema.stream import ImageAttachment

#: The image types stored (never SVG: it can carry script).
MEDIA_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
#: Decoded bytes of one stored image, and images per message.
MAX_BYTES = 5 * 1024 * 1024
MAX_PER_MESSAGE = 10

_INFO = "SELECT message_id, id, media_type, width, height, length(bytes), name FROM attachments"


def _decoded(images: list[ImageAttachment]) -> list[tuple[ImageAttachment, bytes]]:
    if len(images) > MAX_PER_MESSAGE:
        raise LimitExceeded(
            f"{len(images)} images with one message; at most {MAX_PER_MESSAGE} are kept.", count=len(images)
        )
    out = []
    for n, image in enumerate(images, 1):
        label = repr(image.name) if image.name else f"image {n}"
        if image.media_type not in MEDIA_TYPES:
            raise InvalidRequest(
                f"{label} is {image.media_type or 'of no type'}; only PNG, JPEG, GIF and WebP images are kept."
            )
        try:
            raw = base64.b64decode(image.data, validate=True)
        except (binascii.Error, ValueError):
            raise InvalidRequest(f"{label} is damaged: its data is not base64.") from None
        if not raw:
            raise InvalidRequest(f"{label} is empty.")
        if len(raw) > MAX_BYTES:
            raise LimitExceeded(
                f"{label} is {len(raw) / 1048576:.1f} MB; an image may be at most {MAX_BYTES // 1048576} MB.",
                size_bytes=len(raw),
            )
        out.append((image, raw))
    return out


def check(images: list[ImageAttachment]) -> None:
    """Raise what :func:`add` would, before anything is written."""
    _decoded(images)


def add(conn: apsw.Connection, project_id: str, message_id: str, images: list[ImageAttachment]) -> list[str]:
    """Store ``images`` with the message, in order; their new ids."""
    now = time.time()
    ids = []
    for ordinal, (image, raw) in enumerate(_decoded(images)):
        attachment_id = uuid.uuid4().hex
        conn.execute(
            "INSERT INTO attachments(id, message_id, project_id, ordinal, media_type, width, height, name, bytes,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                attachment_id,
                message_id,
                project_id,
                ordinal,
                image.media_type,
                max(0, image.width),
                max(0, image.height),
                image.name[:200],
                raw,
                now,
            ),
        )
        ids.append(attachment_id)
    return ids


def _info(row: tuple) -> AttachmentInfo:
    _message_id, attachment_id, media_type, width, height, size, name = row
    return AttachmentInfo(
        id=attachment_id, media_type=media_type, width=width, height=height, size_bytes=size, name=name
    )


def attach(conn: apsw.Connection, project_id: str, found: Iterable[MessageInfo]) -> None:
    """Fill ``attachments`` of the project's messages ``found`` (one query, no bytes read)."""
    by_message: dict[str, list[AttachmentInfo]] = {}
    for row in conn.execute(_INFO + " WHERE project_id = ? ORDER BY message_id, ordinal", (project_id,)):
        by_message.setdefault(row[0], []).append(_info(row))
    if not by_message:
        return
    for message in found:
        listed = by_message.get(message.id)
        if listed:
            message.attachments = listed


def of_message(conn: apsw.Connection, message_id: str) -> list[AttachmentInfo]:
    return [_info(row) for row in conn.execute(_INFO + " WHERE message_id = ? ORDER BY ordinal", (message_id,))]


def load(conn: apsw.Connection, attachment_id: str) -> AttachmentData:
    row = conn.execute(
        "SELECT id, message_id, media_type, width, height, name, bytes FROM attachments WHERE id = ?",
        (attachment_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"No attachment with id {attachment_id!r}.", attachment_id=attachment_id)
    attachment_id, message_id, media_type, width, height, name, raw = row
    return AttachmentData(
        id=attachment_id,
        media_type=media_type,
        data=base64.b64encode(raw).decode("ascii"),
        message_id=message_id,
        width=width,
        height=height,
        name=name,
    )


def copy(conn: apsw.Connection, from_message: str, to_message: str, to_project: str) -> None:
    """A fork's copy of a message's images (new ids, the same bytes)."""
    rows = conn.execute(
        "SELECT ordinal, media_type, width, height, name, bytes FROM attachments WHERE message_id = ? ORDER BY ordinal",
        (from_message,),
    ).fetchall()
    now = time.time()
    for ordinal, media_type, width, height, name, raw in rows:
        conn.execute(
            "INSERT INTO attachments(id, message_id, project_id, ordinal, media_type, width, height, name, bytes,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (uuid.uuid4().hex, to_message, to_project, ordinal, media_type, width, height, name, raw, now),
        )
