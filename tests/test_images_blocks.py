"""A chat turn's content as plain text or typed blocks (issue 20): every consumer reads both the same way.

The wire encoders of both providers (and the local engine's path, which is the OpenAI-compatible one), the
context budget (an image counted as Anthropic counts it), the prompt-caching listing and layout, the recap of
left-out turns and the follow-up conversation built from storage."""

from __future__ import annotations

from types import SimpleNamespace

import msgspec

from tests.fakes.images import b64, png
from vibing.schema.stream import ChatTurn, ElementBlock, ImageBlock, PickedElement, TextBlock
from vibing.services.stream import anthropic, budget, elements, openai, prefix, prompts, turns
from vibing.services.stream.provider import Call

PNG = b64(png(4, 3))
BUTTON = PickedElement(selector="#buy", tag="button", text="Buy", html="<button id='buy'>Buy</button>")


def _call(messages, **kw) -> Call:
    return Call(
        **{"provider": "anthropic", "base_url": "http://x", "model": "claude-sonnet-4-5", **kw}, messages=messages
    )


def _blocks_turn() -> ChatTurn:
    return ChatTurn(
        role="user",
        content=[
            ImageBlock(media_type="image/png", data=PNG, width=4, height=3, name="a.png"),
            TextBlock(text="make it red"),
            ElementBlock(element=BUTTON),
        ],
        message_id="m1",
    )


def test_a_turn_round_trips_as_text_or_as_tagged_blocks():
    for turn in (ChatTurn(role="user", content="hello"), _blocks_turn()):
        wire = msgspec.json.encode(turn)
        assert msgspec.json.decode(wire, type=ChatTurn) == turn
    wire = msgspec.json.encode(_blocks_turn())
    assert b'"type":"image"' in wire and b'"type":"text"' in wire and b'"type":"element"' in wire


def test_the_text_of_blocks_is_what_a_plain_turn_with_elements_says():
    assert turns.text_of(_blocks_turn().content) == elements.for_model("make it red", [BUTTON])
    assert turns.text_of("plain") == "plain"
    assert [b.name for b in turns.images_of(_blocks_turn().content)] == ["a.png"]
    assert turns.images_of("plain") == []
    assert turns.simplest([TextBlock(text="a"), TextBlock(text="b")]) == "a\n\nb"
    assert not turns.has_content(ChatTurn(role="user", content=[]))


def test_anthropic_sends_image_blocks_before_the_text_block():
    body = msgspec.json.decode(anthropic.request_body(_call([_blocks_turn()])))
    content = body["messages"][0]["content"]
    assert content[0] == {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": PNG}}
    assert content[1] == {"type": "text", "text": elements.for_model("make it red", [BUTTON])}
    assert len(content) == 2
    # a text-only turn of blocks is sent as the plain string it says: the same bytes as before, for the cache
    plain = msgspec.json.decode(anthropic.request_body(_call([ChatTurn(role="user", content=[TextBlock(text="hi")])])))
    assert plain["messages"][0]["content"] == "hi"


def test_anthropic_cache_breakpoint_goes_on_the_last_block_of_an_image_turn():
    msgs = [ChatTurn(role="user", content="first"), ChatTurn(role="assistant", content="ok"), _blocks_turn()]
    body = msgspec.json.decode(anthropic.request_body(_call(msgs, cache=True, system="S", system_parts=["S"])))
    last = body["messages"][2]["content"]
    assert last[0]["type"] == "image" and "cache_control" not in last[0]
    assert last[-1]["type"] == "text" and last[-1]["cache_control"] == {"type": "ephemeral"}
    assert body["messages"][0]["content"] == [{"type": "text", "text": "first", "cache_control": {"type": "ephemeral"}}]


def test_openai_sends_a_text_part_and_image_url_data_urls():
    call = _call([ChatTurn(role="assistant", content="earlier"), _blocks_turn()], provider="openai", system="S")
    body = msgspec.json.decode(openai.request_body(call))
    assert body["messages"][0] == {"role": "system", "content": "S"}
    assert body["messages"][1] == {"role": "assistant", "content": "earlier"}
    assert body["messages"][2]["content"] == [
        {"type": "text", "text": elements.for_model("make it red", [BUTTON])},
        {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG}"}},
    ]
    # the local engine is reached through the same encoder: a text-only turn of blocks stays a string there
    local = _call(
        [ChatTurn(role="user", content=[TextBlock(text="hi"), ElementBlock(element=BUTTON)])], provider="openai"
    )
    sent = msgspec.json.decode(openai.request_body(local))["messages"][0]["content"]
    assert sent == elements.for_model("hi", [BUTTON])


def test_an_image_counts_as_anthropic_counts_it():
    assert budget.image_tokens(1000, 1000) == 1334  # 1,000,000 / 750, rounded up
    assert budget.image_tokens(200, 200) == 54
    assert budget.image_tokens(4000, 3000) == 1600  # scaled to 1568 x 1176 first: the cap
    assert budget.image_tokens(0, 0) == budget.IMAGE_MAX_TOKENS  # size unknown: the most an image can cost
    big = ChatTurn(role="user", content=[ImageBlock(media_type="image/png", data="", width=1000, height=1000)])
    assert budget.content_tokens(big.content) == 1334 + 0
    assert budget.content_tokens(_blocks_turn().content) > budget.estimate_tokens("make it red")


def test_the_budget_fits_turns_of_blocks_and_counts_their_images():
    lim = budget.ContextLimits(window=8000, reserve=500)
    pic = ImageBlock(media_type="image/png", data=PNG, width=1000, height=1000)  # 1,334 tokens each
    history = []
    for i in range(10):
        history.append(ChatTurn(role="user", content=[pic, TextBlock(text=f"ask {i}")], message_id=f"u{i}"))
        history.append(ChatTurn(role="assistant", content=f"answer {i}"))
    fitted = budget.fit("agent", {}, history, [TextBlock(text="now")], lim)
    assert fitted.dropped_turns > 0, "ten images of 1,334 tokens cannot fit 8,000"
    assert fitted.estimate <= lim.input_budget
    first = fitted.turns[0]
    # the recap of the left-out requests goes before the first kept turn's text, keeping its images and id
    assert turns.text_of(first.content).startswith("(Earlier requests in this project, left out to fit: ask 0")
    assert turns.images_of(first.content) and first.message_id.startswith("u")
    # the same conversation as plain text fits whole: the images are what made it too big
    text_only = [ChatTurn(role=t.role, content=turns.text_of(t.content)) for t in history]
    assert budget.fit("agent", {}, text_only, "now", lim).dropped_turns == 0


def test_the_prefix_listing_reads_answers_of_either_shape():
    written = "```html index.html\n<p>hi</p>\n```"
    for content in (written, [TextBlock(text=written)]):
        assert prefix.written_in([ChatTurn(role="assistant", content=content)], "index.html", "<p>hi</p>")


def test_stored_messages_with_attachments_become_turns_of_blocks_without_their_bytes():
    att = SimpleNamespace(id="a1", media_type="image/png", width=4, height=3, name="a.png")
    stored = [
        SimpleNamespace(id="m1", role="user", content="red", status="complete", attachments=[att]),
        SimpleNamespace(id="m2", role="assistant", content="done", status="complete", attachments=[]),
        SimpleNamespace(id="m3", role="user", content="blue", status="complete", attachments=[]),
    ]
    out = prompts.follow_up_turns(stored)
    assert [t.message_id for t in out] == ["m1", "m2", "m3"]
    assert out[0].content == [
        ImageBlock(media_type="image/png", width=4, height=3, name="a.png", attachment_id="a1"),
        TextBlock(text="red"),
    ]
    assert out[1].content == "done" and out[2].content == "blue"


def test_a_prompt_whose_images_cannot_fit_says_so():
    import pytest

    from vibing.errors import LimitExceeded

    lim = budget.ContextLimits(window=8192, reserve=1024)  # an OpenAI-compatible model of unknown window
    pic = ImageBlock(media_type="image/png", data=PNG, width=1568, height=1176)  # 1,600 tokens each
    with pytest.raises(LimitExceeded) as refused:
        budget.fit("agent", {}, [], [pic] * 5 + [TextBlock(text="like these")], lim)
    assert "the prompt with its 5 images" in refused.value.message
    assert "attach fewer images" in refused.value.message
    budget.fit("agent", {}, [], [pic] * 3 + [TextBlock(text="like these")], lim)  # three fit
