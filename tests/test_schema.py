"""Messages are msgspec Structs: tagged, versioned, tolerant of fields they do not know."""

from __future__ import annotations

import msgspec
import pytest

from vibing import schema
from vibing.schema.common import Error, Ping, Pong, ServiceUp
from vibing.schema.supervisor import Status, StatusReply


def test_a_request_round_trips_through_its_channel_decoder():
    data = schema.encode(Status(probe=True))
    assert schema.request_decoder("supervisor").decode(data) == Status(probe=True)


def test_every_channel_accepts_ping_and_can_carry_an_error():
    for channel in schema.CHANNELS:
        assert schema.request_decoder(channel).decode(schema.encode(Ping())) == Ping()
        error = Error(code="NotFound", message="no such project")
        assert schema.reply_decoder(channel).decode(schema.encode(error)) == error


def test_unknown_fields_from_a_newer_peer_are_ignored():
    newer = msgspec.msgpack.encode({"type": "Pong", "service": "storage", "pid": 7, "added_in_v2": [1, 2]})
    pong = schema.reply_decoder("storage").decode(newer)
    assert isinstance(pong, Pong) and pong.pid == 7


def test_an_unknown_message_type_is_a_decode_error_not_a_crash():
    with pytest.raises(msgspec.ValidationError):
        schema.request_decoder("supervisor").decode(msgspec.msgpack.encode({"type": "FormatDisk"}))


def test_headers_carry_ids_correlation_and_version():
    header = schema.make_header("test", corr="abc", timeout_ms=250)
    decoded = schema.decode_header(schema.encode_header(header))
    assert decoded.corr == "abc" and decoded.timeout_ms == 250 and decoded.v == schema.SCHEMA_VERSION
    assert schema.make_header("test").id != schema.make_header("test").id


def test_events_from_every_module_share_one_union():
    event = ServiceUp(service="agent", pid=3)
    assert schema.decode_event(schema.encode(event)) == event
    tags = [t.__name__ for t in schema.event_types()]
    assert len(tags) == len(set(tags)), "event class names must be unique across schema modules"


def test_reply_struct_with_nested_list_round_trips():
    reply = StatusReply(supervisor_pid=1, uptime_s=0.5, services=[])
    assert schema.reply_decoder("supervisor").decode(schema.encode(reply)) == reply
