"""Images through the stream service (issue 20): checked by their bytes, refused for a model that takes none before
anything is sent, stored with the prompt, sent in each provider's exact shape, and resent on follow-ups for at
most the last two earlier turns that carried any.  Upstream is the local wire-exact test server, which refuses a
malformed image block with the real API's 400."""

from __future__ import annotations

import base64
from types import SimpleNamespace

import httpx
import pytest
from conftest import start_app
from test_stream_generate import KEY, run_generation

from tests.fakes import FakeAnthropic
from tests.fakes.images import SVG, b64, gif, jpeg_header, png, webp_header
from vibing.errors import ImageRefused, ImagesNotSupported
from vibing.schema.storage import CreateProject, LoadAttachment, LoadProject
from vibing.schema.stream import ChatTurn, Generate, ImageAttachment, ImageBlock, TextBlock
from vibing.services.stream import images

ANSWER = "Done.\n\n```html index.html\n<!DOCTYPE html>\n<p>red</p>\n```\n"


def _att(raw: bytes, media_type: str = "image/png", name: str = "") -> ImageAttachment:
    return ImageAttachment(media_type=media_type, data=b64(raw), name=name)


# -- validation -------------------------------------------------------------------------------------


def test_the_type_and_size_are_read_from_the_bytes():
    got = images.checked(
        [
            _att(png(30, 20)),
            _att(gif(), "image/png"),  # declared wrong: corrected to what the bytes are
            _att(jpeg_header(640, 480), "image/jpeg"),
            _att(webp_header(320, 200), "image/webp"),
        ]
    )
    assert [(i.media_type, i.width, i.height) for i in got] == [
        ("image/png", 30, 20),
        ("image/gif", 1, 1),
        ("image/jpeg", 640, 480),
        ("image/webp", 320, 200),
    ]


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (SVG, "SVG"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "can carry script"),
        (png(30, 20)[:-20], "damaged or cut short"),  # a PNG without its end
        (jpeg_header()[:-2], "damaged or cut short"),  # a JPEG without its end-of-image marker
        (b"GIF89a\x01\x00", "damaged or cut short"),
        (b"%PDF-1.7 not an image", "not a PNG, JPEG, GIF or WebP"),
        (b"", "not a PNG, JPEG, GIF or WebP"),
        (png(9000, 1), "9000×1 pixels"),
    ],
)
def test_bad_images_are_refused_saying_why(raw, says):
    with pytest.raises(ImageRefused) as refused:
        images.checked([_att(raw, name="shot.png")])
    assert says in refused.value.message and "'shot.png'" in refused.value.message


def test_caps_on_bytes_count_and_encoding():
    big = png(2, 2) + b"\x00" * (images.MAX_BYTES + 1)
    with pytest.raises(ImageRefused, match=r"at most 5 MB"):
        images.checked([_att(big)])
    with pytest.raises(ImageRefused, match="at most 10 go with one message"):
        images.checked([_att(png())] * 11)
    with pytest.raises(ImageRefused, match="not base64"):
        images.checked([ImageAttachment(media_type="image/png", data="data:image/png;base64,AAAA")])
    # a block about to be sent must say what its bytes are: the API refuses a mismatch
    with pytest.raises(ImageRefused, match="declared as image/jpeg but its bytes are image/png"):
        images.check_blocks([ImageBlock(media_type="image/jpeg", data=b64(png()))])
    images.check_blocks([ImageBlock(media_type="image/png", data=b64(png())), ImageBlock(media_type="image/png")])


def test_which_models_take_images():
    on, off = SimpleNamespace(openai_images=True), SimpleNamespace(openai_images=False)
    assert images.accepts("anthropic", "claude-haiku-4-5", off)
    assert images.accepts("openai", "llava", on) and not images.accepts("openai", "llama3.2", off)
    assert not images.accepts("local", "smollm2", on)
    with pytest.raises(ImagesNotSupported) as refused:
        images.require("openai", "llama3.2", off)
    assert "llama3.2 does not accept images" in refused.value.message and "openai_images" in refused.value.message
    with pytest.raises(ImagesNotSupported, match="smollm2 does not accept images"):
        images.require("local", "smollm2", on)


def test_the_follow_up_rule_keeps_the_images_of_the_last_two_turns_that_had_any():
    pic = ImageBlock(media_type="image/png", data=b64(png()))
    history = []
    for n in range(4):
        content = [pic, pic, TextBlock(text=f"ask {n}")] if n != 2 else f"ask {n}"
        history += [
            ChatTurn(role="user", content=content, message_id=f"u{n}"),
            ChatTurn(role="assistant", content="ok"),
        ]
    out, resent = images.follow_up(history)
    assert [t.message_id for t in resent] == ["u1", "u3"]
    assert out[0].content == "ask 0\n\n" + images.earlier_note(2)  # said in words, sent as plain text
    assert out[2].content == history[2].content and out[6].content == history[6].content
    assert [t.message_id for t in images.follow_up(history, keep=0)[1]] == []
    assert all(isinstance(t.content, str) for t in images.without_any(history))


# -- the test server holds the real API's line ----------------------------------------------------------


def test_the_test_server_refuses_a_malformed_image_block_as_the_api_does():
    def post(block):
        body = {
            "model": "claude-sonnet-4-5",
            "max_tokens": 10,
            "messages": [{"role": "user", "content": [block, {"type": "text", "text": "hi"}]}],
        }
        headers = {"x-api-key": KEY, "anthropic-version": "2023-06-01"}
        return httpx.post(server.url + "/v1/messages", json=body, headers=headers, timeout=10)

    good = {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": b64(png())}}
    with FakeAnthropic() as server:
        assert post(good).status_code == 200
        cases = [
            (
                {**good, "source": {**good["source"], "media_type": "image/svg+xml"}},
                "base64.media_type: Input should be",
            ),
            (
                {**good, "source": {**good["source"], "media_type": "image/jpeg"}},
                "Image does not match the provided media type image/jpeg",
            ),
            ({**good, "source": {**good["source"], "data": "data:image/png;base64," + b64(png())}}, "valid base64"),
            (
                {"type": "image", "media_type": "image/png", "data": b64(png())},
                "image.data: Extra inputs are not permitted",
            ),
            ({"type": "image"}, "messages.0.content.0.image.source: Field required"),
        ]
        for block, says in cases:
            resp = post(block)
            assert resp.status_code == 400
            error = resp.json()
            assert error["type"] == "error" and error["error"]["type"] == "invalid_request_error"
            assert says in error["error"]["message"] and error["request_id"] == resp.headers["request-id"]


# -- through the bus -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    with FakeAnthropic() as s:
        s.answers["red"] = ANSWER
        yield s


@pytest.fixture(scope="module")
def app(server, tmp_path_factory):
    running = start_app(
        tmp_path_factory.mktemp("img") / "home",
        ANTHROPIC_BASE_URL=server.url,
        ANTHROPIC_API_KEY=KEY,
        VIBING_OPENAI_BASE_URL=server.url + "/v1",
        VIBING_OPENAI_IMAGES="true",
    )
    yield running
    running.stop()


def _user_ids(bus, project_id: str) -> list[str]:
    return [m.id for m in bus.request("storage", LoadProject(project_id=project_id)).messages if m.role == "user"]


def test_images_go_to_anthropic_as_image_blocks_and_follow_ups_resend_the_last_two(app, server):
    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="Shown")).project.id
    sub = bus.subscribe("generate.", "stream.")
    sub.sync()
    shots = [png(10 + n, 8) for n in range(3)]
    for n, shot in enumerate(shots):
        reply, _p, _f, _t, done = run_generation(
            bus,
            sub,
            Generate(
                project_id=project_id,
                prompt=f"like this {n} [[scenario:normal answer=red]]",
                images=[_att(shot, "image/jpeg", name=f"shot{n}.png")],  # declared wrong: sent as what it is
            ),
        )
        assert done.ok, done.message
        users = _user_ids(bus, project_id)
        assert reply.resent_image_turns == users[max(0, n - 2) : n]
        sent = server.requests[-1].body["messages"]
        current = sent[-1]["content"]
        assert current[0] == {
            "type": "image",
            "source": {"type": "base64", "media_type": "image/png", "data": b64(shot)},
        }
        assert current[-1]["type"] == "text" and current[-1]["text"].startswith(f"like this {n}")
    # the third request sent the images of the two turns before it
    sent = server.requests[-1].body["messages"]
    assert [m["content"][0]["source"]["data"] for m in sent if m["role"] == "user"] == [b64(s) for s in shots]

    # stored with their message, byte for byte
    messages = bus.request("storage", LoadProject(project_id=project_id)).messages
    first = messages[0].attachments
    assert [(a.media_type, a.width, a.height, a.name) for a in first] == [("image/png", 10, 8, "shot0.png")]
    assert base64.b64decode(bus.request("storage", LoadAttachment(attachment_id=first[0].id)).data) == shots[0]

    # a follow-up without images: the last two earlier turns that carried images send them again, the first says so
    reply, progress, _f, _t, done = run_generation(
        bus, sub, Generate(project_id=project_id, prompt="and now bigger [[scenario:normal answer=red]]")
    )
    assert done.ok
    users = _user_ids(bus, project_id)
    assert reply.resent_image_turns == users[1:3]
    generating = [p for p in progress if p.phase == "generating"]
    assert generating and all(p.resent_image_turns == users[1:3] for p in generating)
    sent = server.requests[-1].body["messages"]
    user_turns = [m for m in sent if m["role"] == "user"]
    assert user_turns[0]["content"].startswith("like this 0") and images.earlier_note(1) in user_turns[0]["content"]
    assert [b["source"]["data"] for b in user_turns[1]["content"] if b["type"] == "image"] == [b64(shots[1])]
    assert [b["source"]["data"] for b in user_turns[2]["content"] if b["type"] == "image"] == [b64(shots[2])]
    assert isinstance(user_turns[3]["content"], (str, list))
    assert "image" not in str(user_turns[3]["content"])


def test_openai_compatible_vision_model_gets_image_url_parts(app, server):
    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="Vision", provider="openai")).project.id
    sub = bus.subscribe("generate.", "stream.")
    sub.sync()
    shot = png(12, 9)
    _r, _p, _f, _t, done = run_generation(
        bus,
        sub,
        Generate(project_id=project_id, prompt="like this [[scenario:normal]]", provider="openai", images=[_att(shot)]),
    )
    assert done.ok, done.message
    sent = server.requests[-1]
    assert sent.path == "/v1/chat/completions"
    content = sent.body["messages"][-1]["content"]
    assert content[0]["type"] == "text" and content[0]["text"].startswith("like this")
    assert content[1] == {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{b64(shot)}"}}


def test_refusals_come_before_anything_is_sent_or_stored(app, server):
    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="Refused")).project.id
    before = len(server.requests)
    with pytest.raises(ImagesNotSupported) as refused:
        bus.request(
            "stream",
            Generate(project_id=project_id, prompt="like this", provider="local", images=[_att(png())]),
            timeout=10,
        )
    assert "does not accept images" in refused.value.message
    with pytest.raises(ImageRefused, match="SVG"):
        bus.request(
            "stream",
            Generate(project_id=project_id, prompt="like this", images=[_att(SVG, "image/svg+xml", name="logo.svg")]),
            timeout=10,
        )
    with pytest.raises(ImageRefused, match="damaged or cut short"):
        bus.request(
            "stream", Generate(project_id=project_id, prompt="like this", images=[_att(png()[:40])]), timeout=10
        )
    assert len(server.requests) == before, "the test server got no request"
    assert bus.request("storage", LoadProject(project_id=project_id)).messages == []


def test_continuing_a_stored_answer_sends_the_images_its_request_carried(app, server):
    from vibing.schema.storage import AddMessage, AppendMessageText, FinishMessage, StartAssistantMessage
    from vibing.schema.stream import ContinueStream, StreamDone, StreamFailed

    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="Cut short")).project.id
    shot = png(16, 9)
    bus.request(
        "storage",
        AddMessage(project_id=project_id, role="user", content="like this", images=[_att(shot, name="s.png")]),
    )
    answer = bus.request("storage", StartAssistantMessage(project_id=project_id)).message
    bus.request("storage", AppendMessageText(message_id=answer.id, text="Here it comes:", seq=1))
    bus.request("storage", FinishMessage(message_id=answer.id, status="interrupted", seq=1))
    sub = bus.subscribe("stream.")
    sub.sync()
    server.push("normal", words=5)
    started = bus.request("stream", ContinueStream(message_id=answer.id, new_stream_id="cont-img"), timeout=10)
    while True:
        ev = sub.recv(20)
        assert ev is not None, "the continuation did not end"
        if isinstance(ev.body, (StreamDone, StreamFailed)) and ev.body.stream_id == started.stream_id:
            break
    assert isinstance(ev.body, StreamDone), ev.body
    sent = server.requests[-1].body["messages"]
    assert [m["role"] for m in sent] == ["user", "assistant"]
    assert sent[0]["content"][0] == {
        "type": "image",
        "source": {"type": "base64", "media_type": "image/png", "data": b64(shot)},
    }
    assert sent[1]["content"] == "Here it comes:"


def test_all_the_images_of_one_request_stay_under_the_apis_request_size():
    pic = ImageBlock(media_type="image/png", data="A" * 1000)
    turns = [
        ChatTurn(role="user", content=[pic, TextBlock(text="one")], message_id="u1"),
        ChatTurn(role="assistant", content="ok"),
        ChatTurn(role="user", content=[pic, pic, TextBlock(text="two")], message_id="u2"),
        ChatTurn(role="assistant", content="ok"),
        ChatTurn(role="user", content=[pic, TextBlock(text="now")]),
    ]
    out = images.within_request_cap(turns, cap=2500)  # room for two images and a half
    assert out[0].content == "one\n\n" + images.earlier_note(1)  # the oldest go first
    assert out[2].content == "two\n\n" + images.earlier_note(2)
    assert out[4] == turns[4], "the current turn's images stay"
    assert images.within_request_cap(turns, cap=5000) == turns
    # the current prompt's own images are refused whole when together they are over the cap
    many = [_att(png(1, 1) + b"\x00" * 3_000_000, name=f"{n}.png") for n in range(8)]
    with pytest.raises(ImageRefused, match="These 8 images take .* MB together; at most 18 MB"):
        images.checked(many)
