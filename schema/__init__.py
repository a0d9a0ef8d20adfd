"""Every message Vibing sends, defined once.

Each service owns one module here (``schema/<service>.py``) that declares:

- ``Request``: the tagged union of requests the service accepts (it includes
  ``Ping``), decoded by the worker;
- ``Reply``: the tagged union of its replies (it includes ``Pong``, ``Ok`` and
  ``Error``), decoded by the caller;
- ``EVENTS``: the event structs it publishes.

Encoders and decoders are built once per channel and cached.  Events from every
module form one union, the event channel, so any subscriber decodes any topic.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any, Union

import msgspec

from vibing.schema.base import SCHEMA_VERSION, Header, Message, decode_header, encode_header, make_header, new_id
from vibing.schema.common import Error, Ok, Ping, Pong

#: The service channels, in start order; each has a module ``schema.<name>``.
SERVICES = ("storage", "agent", "stream", "metrics", "model")
#: Services started on their first request instead of at launch (they cost memory most users never need).
LAZY_SERVICES = ("model",)
#: Channels that are not supervised workers but still answer requests.
CHANNELS = SERVICES + ("supervisor", "shell")

encoder = msgspec.msgpack.Encoder()


def encode(message: Message) -> bytes:
    return encoder.encode(message)


@cache
def _module(channel: str):
    if channel not in CHANNELS:
        raise KeyError(f"unknown channel {channel!r}; known: {', '.join(CHANNELS)}")
    return importlib.import_module(f"vibing.schema.{channel}")


@cache
def request_decoder(channel: str) -> msgspec.msgpack.Decoder:
    return msgspec.msgpack.Decoder(_module(channel).Request)


@cache
def reply_decoder(channel: str) -> msgspec.msgpack.Decoder:
    return msgspec.msgpack.Decoder(_module(channel).Reply)


@cache
def event_types() -> tuple[type, ...]:
    from vibing.schema import common

    types: list[type] = list(common.EVENTS)
    for channel in CHANNELS:
        types.extend(getattr(_module(channel), "EVENTS", ()))
    return tuple(types)


@cache
def event_decoder() -> msgspec.msgpack.Decoder:
    return msgspec.msgpack.Decoder(Union[event_types()])


def decode_event(data: bytes) -> Any:
    return event_decoder().decode(data)


__all__ = [
    "SCHEMA_VERSION",
    "SERVICES",
    "LAZY_SERVICES",
    "CHANNELS",
    "Header",
    "Message",
    "Ping",
    "Pong",
    "Ok",
    "Error",
    "encode",
    "decode_header",
    "encode_header",
    "make_header",
    "new_id",
    "request_decoder",
    "reply_decoder",
    "event_decoder",
    "decode_event",
]
