"""Random bytes and valid-but-wrong messages at every service's decoder: each is refused with a typed error,
and no worker crashes (property-based, against the real processes of one app)."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vibing import schema
from vibing.protocol import CLIENT
from vibing.schema.common import Error, Ping

SERVICES = [name for name in schema.SERVICES if name not in schema.LAZY_SERVICES]


def other_channels_messages() -> list[bytes]:
    """Well-formed messages that belong to another service's channel (valid msgpack, wrong place)."""
    samples = []
    for channel in schema.CHANNELS:
        union = schema._module(channel).Request
        for member in getattr(union, "__args__", (union,)):
            try:
                samples.append(schema.encode(msgspec.convert({}, member)))
            except msgspec.ValidationError:
                continue  # needs fields: covered by the random maps below
    return samples


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    from tests.conftest import start_app

    app = start_app(tmp_path_factory.mktemp("fuzz") / "home")
    bus = app.bus()
    yield app, bus
    app.stop()


def ask_raw(bus, service: str, body: bytes):
    """Send ``body`` as a request to ``service`` with a good header; the decoded reply (or None: dropped)."""
    import zmq

    socket = bus._dealer()
    header = schema.make_header("fuzzer", timeout_ms=2000)
    socket.send_multipart([CLIENT, service.encode(), schema.encode_header(header), body])
    while socket.poll(3000, zmq.POLLIN):
        frames = socket.recv_multipart()
        if schema.decode_header(frames[2]).corr == header.id:
            return schema.reply_decoder(service).decode(frames[3])
    return None


maps = st.dictionaries(
    st.sampled_from(["type", "project_id", "path", "query", "name", "x"]),
    st.one_of(st.text(max_size=20), st.integers(), st.none(), st.lists(st.integers(), max_size=3)),
    max_size=4,
)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    service=st.sampled_from(SERVICES),
    body=st.one_of(
        st.binary(max_size=64),
        maps.map(msgspec.msgpack.encode),
        st.sampled_from(other_channels_messages() or [b"\x80"]),
    ),
)
def test_any_body_is_refused_with_a_typed_error_and_the_worker_keeps_serving(raw, service, body):
    _app, bus = raw
    try:
        request = schema.request_decoder(service).decode(body)
    except msgspec.DecodeError:
        request = None
    reply = ask_raw(bus, service, body)
    if request is None:  # not this channel's message: refused, in words
        assert isinstance(reply, Error) and reply.code == "BadMessage" and service in reply.message
    else:  # by chance a valid request of this channel: answered (a reply or a typed error), not a crash
        assert reply is not None
        if isinstance(reply, Error):
            assert reply.code != "Internal", reply.message
    assert bus.request(service, Ping(), timeout=5).service == service
