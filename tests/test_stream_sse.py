"""The SSE parser: exact WHATWG rules, and any chunking of a stream gives the same events."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from vibing.services.stream.sse import SSEEvent, SSEParser


def _event(name: str, data: dict, nl: str = "\n") -> str:
    return f"event: {name}{nl}data: {json.dumps(data, ensure_ascii=False)}{nl}{nl}"


def recorded_stream(nl: str = "\n") -> bytes:
    """A Messages stream as Anthropic sends it, with the extras the rules allow."""
    parts = [
        _event(
            "message_start", {"type": "message_start", "message": {"id": "msg_1", "usage": {"input_tokens": 9}}}, nl
        ),
        f": a comment{nl}",
        _event(
            "content_block_start",
            {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
            nl,
        ),
        _event("ping", {"type": "ping"}, nl),
    ]
    for piece in ["Hé", "llo ", "wörld ", "你好", " 🎉", "\\n", '"quoted"']:
        parts.append(
            _event(
                "content_block_delta",
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}},
                nl,
            )
        )
    parts += [
        f"event: multi{nl}data: line one{nl}data:line two{nl}data: {nl}{nl}",
        f"id: 42{nl}retry: 3000{nl}unknown-field: x{nl}{nl}",
        f"event: vendor{nl}data: {{not json{nl}{nl}",
        _event("content_block_stop", {"type": "content_block_stop", "index": 0}, nl),
        _event(
            "message_delta",
            {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {"output_tokens": 7}},
            nl,
        ),
        _event("message_stop", {"type": "message_stop"}, nl),
    ]
    return "".join(parts).encode("utf-8")


def parse_all(chunks: list[bytes]) -> list[SSEEvent]:
    parser = SSEParser()
    events: list[SSEEvent] = []
    for chunk in chunks:
        events.extend(parser.feed(chunk))
    return events


def split_at(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    out, last = [], 0
    for p in points:
        out.append(data[last:p])
        last = p
    out.append(data[last:])
    return out


EXPECTED = parse_all([recorded_stream()])


def test_recorded_stream_events():
    names = [e.event for e in EXPECTED]
    assert names[0] == "message_start" and names[-1] == "message_stop"
    assert names.count("content_block_delta") == 7
    multi = next(e for e in EXPECTED if e.event == "multi")
    assert multi.data == b"line one\nline two\n"
    assert "vendor" in names  # delivered; the consumer ignores unknown types
    texts = [json.loads(e.data)["delta"]["text"] for e in EXPECTED if e.event == "content_block_delta"]
    assert "".join(texts) == 'Héllo wörld 你好 🎉\\n"quoted"'
    # the id-only event has no data: not dispatched, but the id sticks
    assert EXPECTED[-1].id == "42"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=60))
def test_any_chunking_gives_the_same_events(cuts):
    data = recorded_stream()
    assert parse_all(split_at(data, cuts)) == EXPECTED


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), max_size=60), st.sampled_from(["\r\n", "\r", "\n"]))
def test_line_endings_and_chunking(cuts, nl):
    data = recorded_stream(nl)
    assert parse_all(split_at(data, cuts)) == EXPECTED


def test_one_byte_at_a_time():
    data = recorded_stream("\r\n")
    assert parse_all([data[i : i + 1] for i in range(len(data))]) == EXPECTED


def test_cr_lf_split_across_chunks_is_one_line_end():
    assert parse_all([b"data: a\r", b"\n\r", b"\n"]) == [SSEEvent("message", b"a")]
    # a lone CR followed by LF in the next chunk must not make an extra blank line
    assert parse_all([b"event: x\r", b"\ndata: 1\r\n\r\n"]) == [SSEEvent("x", b"1")]


def test_rules():
    # no space after the colon; only one space stripped
    assert parse_all([b"data:x\n\n", b"data:  y\n\n"]) == [SSEEvent("message", b"x"), SSEEvent("message", b" y")]
    # a field with no colon has an empty value; "data" alone adds an empty line
    assert parse_all([b"data\ndata\n\n"]) == [SSEEvent("message", b"\n")]
    # an event without data is not dispatched and its type does not leak into the next one
    assert parse_all([b"event: a\n\ndata: z\n\n"]) == [SSEEvent("message", b"z")]
    # comments only
    assert parse_all([b": hi\n: there\n\n"]) == []
    # unterminated last event is dropped at the end of the stream
    parser = SSEParser()
    assert parser.feed(b"data: half") == []
    assert parser.close() == []
    # a BOM at the very start is skipped, even split
    assert parse_all([b"\xef", b"\xbb\xbfdata: b\n\n"]) == [SSEEvent("message", b"b")]


def test_utf8_split_inside_a_character():
    payload = "data: 🎉\n\n".encode()
    for i in range(1, len(payload)):
        assert parse_all([payload[:i], payload[i:]]) == [SSEEvent("message", "🎉".encode())]


def reference_parse(data: bytes) -> list[SSEEvent]:
    """The WHATWG algorithm written plainly, line by line, for comparison."""
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines, cur, i = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "\r":
            lines.append("".join(cur))
            cur = []
            if i + 1 < len(text) and text[i + 1] == "\n":
                i += 1
        elif c == "\n":
            lines.append("".join(cur))
            cur = []
        else:
            cur.append(c)
        i += 1
    events, event, buf, has, last_id = [], "", [], False, None
    for line in lines:
        if line == "":
            if has:
                events.append(SSEEvent(event or "message", "\n".join(buf).encode(), last_id))
            event, buf, has = "", [], False
            continue
        if line.startswith(":"):
            continue
        name, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if name == "data":
            buf.append(value)
            has = True
        elif name == "event":
            event = value
        elif name == "id" and "\0" not in value:
            last_id = value
    return events


_line = st.one_of(
    st.builds(lambda v: f"data: {v}", st.text(alphabet='ab{}":é🎉 ', max_size=8)),
    st.builds(lambda v: f"data:{v}", st.text(alphabet="xy ", max_size=4)),
    st.builds(lambda v: f"event: {v}", st.sampled_from(["content_block_delta", "ping", "error", "x"])),
    st.builds(lambda v: f"id: {v}", st.text(alphabet="123", max_size=3)),
    st.just(": comment"),
    st.just("retry: 10"),
    st.just("data"),
    st.just("event"),
    st.just("garbage"),
    st.just(""),
    st.just(""),
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(_line, max_size=30),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.lists(st.integers(min_value=0, max_value=400), max_size=20),
)
def test_random_streams_match_the_reference(lines, nl, cuts):
    data = "".join(line + nl for line in lines).encode()
    expected = reference_parse(data)
    assert parse_all(split_at(data, cuts)) == expected
    assert parse_all([data]) == expected
