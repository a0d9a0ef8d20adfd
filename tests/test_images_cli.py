"""`vibing generate "prompt" --image FILE` (issue 20 item 4) against the test Anthropic server: the images go as
image blocks and are stored with the prompt; SVG, damaged, huge and too large images are refused in one line that
names the file, before a project is made or anything is sent."""

from __future__ import annotations

import base64

import pytest

from tests.conftest import start_app
from tests.fakes import FakeAnthropic
from tests.fakes.images import SVG, b64, gif, png
from vibing.schema.storage import FindProject, ListProjects, LoadAttachment, LoadProject

KEY = "sk-ant-test-0123456789abcdef"
ANSWER = "Like that.\n\n```html index.html\n<!DOCTYPE html>\n<p>shown</p>\n```\n"


@pytest.fixture(scope="module")
def server():
    with FakeAnthropic() as s:
        s.answers["shown"] = ANSWER
        yield s


@pytest.fixture(scope="module")
def app(server, tmp_path_factory):
    running = start_app(
        tmp_path_factory.mktemp("cli-img") / "home", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY=KEY
    )
    yield running
    running.stop()


def test_images_go_with_the_prompt_and_are_stored(app, server, tmp_path):
    shot, dot = tmp_path / "shot.png", tmp_path / "dot.gif"
    shot.write_bytes(png(40, 30))
    dot.write_bytes(gif())
    done = app.cli(
        "generate",
        "make it look like this [[scenario:normal answer=shown]]",
        "--project",
        "Shown",
        "--image",
        str(shot),
        "--image",
        str(dot),
    )
    assert done.returncode == 0, done.stderr
    assert "Images: 2 sent with this prompt" in done.stderr
    sent = server.requests[-1].body["messages"][-1]["content"]
    assert sent[:2] == [
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": b64(png(40, 30))}},
        {"type": "image", "source": {"type": "base64", "media_type": "image/gif", "data": b64(gif())}},
    ]
    assert sent[2]["type"] == "text" and sent[2]["text"].startswith("make it look like this")
    bus = app.bus()
    project = bus.request("storage", FindProject(ref="Shown")).project
    stored = bus.request("storage", LoadProject(project_id=project.id)).messages[0].attachments
    assert [(a.name, a.media_type, a.width, a.height) for a in stored] == [
        ("shot.png", "image/png", 40, 30),
        ("dot.gif", "image/gif", 1, 1),
    ]
    assert base64.b64decode(bus.request("storage", LoadAttachment(attachment_id=stored[0].id)).data) == png(40, 30)

    # a follow-up from the terminal says which earlier images went again
    again = app.cli("generate", "and bigger [[scenario:normal answer=shown]]", "--project", "Shown")
    assert again.returncode == 0, again.stderr
    assert "Images: sent again: the images of 1 earlier message" in again.stderr


def test_bad_images_are_refused_before_anything_is_made_or_sent(app, server, tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_bytes(SVG)
    broken = tmp_path / "broken.png"
    broken.write_bytes(png(40, 30)[:50])
    wide = tmp_path / "wide.png"
    wide.write_bytes(png(2000, 10))
    huge = tmp_path / "huge.jpg"
    with huge.open("wb") as f:  # a 50 MB file, sparse: refused from its size, never read
        f.truncate(50 * 1024 * 1024)
    bus = app.bus()
    projects_before = bus.request("storage", ListProjects(limit=1000)).total
    requests_before = len(server.requests)
    cases = [
        (logo, "logo.svg' is an SVG drawing; SVG is not accepted because it can carry script"),
        (broken, "broken.png' looks like a PNG but is damaged or cut short"),
        (wide, "wide.png is 2000×10 pixels; vibing generate sends images of at most 1568 px"),
        (huge, "huge.jpg is 50.0 MB; an image may be at most 5 MB"),
        (tmp_path / "missing.png", "there is no such file"),
    ]
    for path, says in cases:
        refused = app.cli("generate", "like this", "--image", str(path))
        assert refused.returncode != 0
        assert says in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert "the app's window, which downscales it" in app.cli("generate", "x", "--image", str(wide)).stderr
    # a model that takes no images: refused by the stream service, and the project made for it goes again
    local = tmp_path / "ok.png"
    local.write_bytes(png(4, 4))
    refused = app.cli("generate", "like this", "--provider", "local", "--image", str(local))
    assert refused.returncode != 0 and "does not accept images" in refused.stderr, refused.stderr
    assert len(server.requests) == requests_before, "the test server got no request"
    assert bus.request("storage", ListProjects(limit=1000)).total == projects_before
