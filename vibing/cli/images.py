"""``vibing generate --image FILE``: the terminal's way to show the model a screenshot (issue 20 item 4).

Each file is read and checked here, before a project is made or anything is sent, with the stream service's own
checks (``services/stream/images.py``: the type from the bytes, so an SVG, a damaged file or one that is no image
at all is refused in one line that says which file and why).  A file bigger than the API takes (5 MB) is refused
from its size, without reading it.

No resizing: Vibing carries no image library (Pillow would be a large dependency for this one flag).  The window
downscales what is pasted or dropped to :data:`LONG_EDGE` px on the long edge in the page; here an image larger
than that is refused with a message that says so, and that the window would downscale it.  Files are sent as they
are, byte for byte (an EXIF orientation tag included).
"""

from __future__ import annotations

import base64
from pathlib import Path

from vibing.errors import ImageRefused, InvalidRequest
from vibing.schema.stream import ImageAttachment


def read(paths: list[str]) -> list[ImageAttachment]:
    """The images of ``--image`` (in order), checked; :class:`ImageRefused` names the first that cannot go."""
    if not paths:
        return []
    from vibing.services.stream import images as checks  # the stream service's checks, not a copy of them

    if len(paths) > checks.MAX_IMAGES:
        raise ImageRefused(f"{len(paths)} images were given; at most {checks.MAX_IMAGES} go with one prompt.")
    out = []
    for given in paths:
        path = Path(given).expanduser()
        name = path.name
        if not path.is_file():
            raise InvalidRequest(f"--image {given}: there is no such file.")
        size = path.stat().st_size
        if size > checks.MAX_BYTES:
            raise ImageRefused(
                f"{name} is {size / 1048576:.1f} MB; an image may be at most {checks.MAX_BYTES // 1048576} MB. "
                f"Send a smaller or downscaled copy."
            )
        raw = path.read_bytes()
        kind, width, height = checks.inspect(raw, repr(name))
        if max(width, height) > checks.LONG_EDGE:
            raise ImageRefused(
                f"{name} is {width}×{height} pixels; vibing generate sends images of at most {checks.LONG_EDGE} px "
                f"on the long edge (the model sees no more detail than that) and cannot resize them. Downscale it "
                f"first, or paste it in the app's window, which downscales it for you."
            )
        out.append(
            ImageAttachment(
                media_type=kind,
                data=base64.b64encode(raw).decode("ascii"),
                width=width,
                height=height,
                name=name,
            )
        )
    return out


def summary(sent: int, resent_turns: int) -> str:
    """The line that says which images went: "Images: 2 sent; sent again: the images of 2 earlier messages"."""
    parts = []
    if sent:
        parts.append(f"{sent} sent with this prompt")
    if resent_turns:
        parts.append(f"sent again: the images of {resent_turns} earlier message{'s' if resent_turns != 1 else ''}")
    return "Images: " + "; ".join(parts)
