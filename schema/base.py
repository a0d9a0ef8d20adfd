"""The building blocks every message on the bus is made of.

A frame on the bus carries two msgpack parts: a small :class:`Header` (who sent
it, its id, the request it answers, a deadline) and a body, one member of a
tagged union of :class:`Message` subclasses.  Keeping the header apart lets the
broker route, time out and answer a request without decoding its body.

Structs tolerate unknown fields (msgspec's default), so an older worker can read
a newer peer's message; the header's ``v`` says which schema version wrote it.
"""

from __future__ import annotations

import itertools
import os
import time

import msgspec

SCHEMA_VERSION = 1


class Message(msgspec.Struct, tag_field="type", tag=True, kw_only=True, omit_defaults=True):
    """Base of every message body; the tag is the class name, so names are unique."""


class Header(msgspec.Struct, kw_only=True, omit_defaults=True):
    """Envelope of every frame: identity, correlation and a deadline."""

    id: str
    sender: str
    ts: float
    corr: str = ""
    timeout_ms: int = 0
    v: int = SCHEMA_VERSION


_header_encoder = msgspec.msgpack.Encoder()
_header_decoder = msgspec.msgpack.Decoder(Header)
_ids = itertools.count(1)
_id_prefix = f"{os.getpid():x}-{os.urandom(3).hex()}-"


def new_id() -> str:
    """A process-unique id that is cheap to make (no uuid on the hot path)."""
    return f"{_id_prefix}{next(_ids):x}"


def reset_ids_after_fork() -> None:
    """Give a forked child its own id prefix so ids stay unique across processes."""
    global _id_prefix, _ids
    _id_prefix = f"{os.getpid():x}-{os.urandom(3).hex()}-"
    _ids = itertools.count(1)


os.register_at_fork(after_in_child=reset_ids_after_fork)


def make_header(sender: str, *, corr: str = "", timeout_ms: int = 0) -> Header:
    return Header(id=new_id(), sender=sender, ts=time.time(), corr=corr, timeout_ms=timeout_ms)


def encode_header(header: Header) -> bytes:
    return _header_encoder.encode(header)


def decode_header(data: bytes) -> Header:
    return _header_decoder.decode(data)
