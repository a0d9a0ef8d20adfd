"""The generation flow: the file-block parser, and Generate through the real bus (agent, stream, files, checkpoint)."""

from __future__ import annotations

import time

import pytest
from conftest import start_app
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.fakes import FakeAnthropic
from vibing.schema.storage import CreateProject, GetMessage, ListCheckpoints, ListFiles, ListMessages, ReadFile
from vibing.schema.stream import Generate, GenerationDone, GenerationFile, GenerationProgress, TokenDelta
from vibing.services.stream.files import FileBlockParser, parse_info

KEY = "sk-ant-test-0123456789abcdef"

SITE = """Here is your pomodoro timer.

```html index.html
<!DOCTYPE html>
<html>
<head><link rel="stylesheet" href="styles.css"></head>
<body><div id="t">25:00</div><script src="app.js"></script></body>
</html>
```

**styles.css**
```css
body { background: #111; color: #eee; }
```

````md NOTES.md
Use it like this:
```js
start()
```
````

```js ../../etc/evil.js
alert(1)
```

```js app.js
let left = 25 * 60;
setInterval(() => { left--; }, 1000);
```

Enjoy!
"""


def parse(text: str, pieces: list[str] | None = None, complete: bool = True):
    parser = FileBlockParser()
    for piece in pieces if pieces is not None else [text]:
        parser.feed(piece)
    return parser, {b.path: b.content for b in parser.finish(complete)}


def test_parses_the_output_format():
    parser, files = parse(SITE)
    assert list(files) == ["index.html", "styles.css", "NOTES.md", "app.js"]
    assert files["styles.css"] == "body { background: #111; color: #eee; }\n"
    assert files["NOTES.md"] == "Use it like this:\n```js\nstart()\n```\n"  # nested fence kept
    assert files["index.html"].startswith("<!DOCTYPE html>\n") and files["index.html"].endswith("</html>\n")
    assert parser.refused == [("../../etc/evil.js", "'..' leaves the project")]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(SITE)), max_size=40))
def test_any_chunking_gives_the_same_files(cuts):
    points = sorted(set(cuts))
    pieces, last = [], 0
    for p in points:
        pieces.append(SITE[last:p])
        last = p
    pieces.append(SITE[last:])
    assert parse(SITE, pieces)[1] == parse(SITE)[1]


def test_single_pathless_html_block_is_index_html():
    _p, files = parse("Sure:\n```html\n<!DOCTYPE html>\n<p>hi</p>\n```\nDone.")
    assert files == {"index.html": "<!DOCTYPE html>\n<p>hi</p>\n"}
    # an explicit index.html wins over a pathless html block
    _p, files = parse("```html\n<p>example</p>\n```\n```html index.html\n<!DOCTYPE html>\n```\n")
    assert files == {"index.html": "<!DOCTYPE html>\n"}


def test_unterminated_block_only_when_the_answer_completed():
    text = "```js app.js\nlet a = 1;\nlet b"
    assert parse(text, complete=True)[1] == {"app.js": "let a = 1;\nlet b\n"}
    assert parse(text, complete=False)[1] == {}


def test_info_strings():
    assert parse_info("html index.html") == ("html", "index.html")
    assert parse_info("index.html") == ("", "index.html")
    assert parse_info("js:src/app.js") == ("js", "src/app.js")
    assert parse_info('css title="styles.css"') == ("css", "styles.css")
    assert parse_info("js path=./app.js") == ("js", "app.js")
    assert parse_info("python") == ("python", "")
    assert parse_info("") == ("", "")


# -- through the bus -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    with FakeAnthropic() as s:
        s.answers["site"] = SITE
        s.answers["followup"] = "Bigger buttons:\n\n```css styles.css\nbutton { font-size: 2rem; }\n```\n"
        yield s


@pytest.fixture(scope="module")
def app(server, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("gen") / "home", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY=KEY)
    yield running
    running.stop()


def run_generation(bus, sub, req: Generate, timeout: float = 30.0):
    reply = bus.request("stream", req, timeout=10)
    progress, files, tokens = [], [], []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ev = sub.recv(max(0.01, deadline - time.monotonic()))
        assert ev is not None, "no event"
        body = ev.body
        if getattr(body, "stream_id", None) != reply.stream_id:
            continue
        if isinstance(body, GenerationProgress):
            progress.append(body)
        elif isinstance(body, GenerationFile):
            files.append(body)
        elif isinstance(body, TokenDelta):
            tokens.append(body)
        elif isinstance(body, GenerationDone):
            return reply, progress, files, tokens, body
    raise AssertionError("the generation did not finish")


def test_generate_end_to_end(app, server):
    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="Pomodoro")).project.id
    sub = bus.subscribe("generate.", "token.g1", "stream.")
    sub.sync()
    prompt = "a pomodoro timer with a dark theme [[scenario:normal answer=site piece=7]]"
    reply, progress, files, tokens, done = run_generation(
        bus, sub, Generate(project_id=project_id, prompt=prompt, stream_id="g1")
    )
    assert reply.stream_id == "g1" and reply.agent and reply.agent_reason and reply.message_id
    assert reply.agent == "frontend-developer" and reply.agent_reason.startswith("Picked frontend-developer: ")
    assert 0.5 < reply.agent_confidence <= 1, "auto-select's calibrated confidence travels with the start"
    assert done.ok, done.message
    assert done.files == ["index.html", "styles.css", "NOTES.md", "app.js"]
    assert done.checkpoint_id and done.usage.output_tokens > 0 and done.cost_usd > 0 and done.agent == reply.agent
    assert "../../etc/evil.js" in done.message  # refused and said so
    phases = [p.phase for p in progress]
    assert phases[0] == "starting" and "selecting" in phases and "generating" in phases
    assert phases[-1] == "done" and "saving" in phases
    writing = [p for p in progress if p.phase == "writing"]
    assert any(p.file == "index.html" and p.lines == 5 and "(+5 lines)" in p.message for p in writing)
    assert [f.path for f in files] == ["index.html", "styles.css", "NOTES.md", "app.js"]
    assert "".join(t.text for t in tokens) == SITE
    stored = {f.path for f in bus.request("storage", ListFiles(project_id=project_id)).files}
    assert stored == {"index.html", "styles.css", "NOTES.md", "app.js"}
    css = bus.request("storage", ReadFile(project_id=project_id, path="styles.css")).file.content
    assert css == "body { background: #111; color: #eee; }\n"
    checkpoints = bus.request("storage", ListCheckpoints(project_id=project_id)).items
    assert any(c.kind == "generation" and c.message_id == reply.message_id for c in checkpoints)
    message = bus.request("storage", GetMessage(message_id=reply.message_id)).message
    assert message.content == SITE and message.agent == reply.agent
    # the system prompt carried the agent's body and the output format
    sent = next(r for r in reversed(server.requests) if r.path == "/v1/messages" and "pomodoro" in str(r.body))
    assert "Vibing's output format" in sent.body["system"][0]["text"]  # the agent's part: cached on its own

    # a follow-up sends the conversation and the current files; only the named file changes
    reply2, _p, _f, _t, done2 = run_generation(
        bus,
        sub,
        Generate(
            project_id=project_id,
            prompt="make the buttons bigger [[scenario:normal answer=followup]]",
            agent=reply.agent,
        ),
    )
    assert done2.ok and done2.files == ["styles.css"]
    sent = server.requests[-1].body
    assert [m["role"] for m in sent["messages"]] == ["user", "assistant", "user"]
    files_part = sent["system"][1]["text"]
    assert "The project's current files" in files_part and "let left = 25 * 60;" in files_part
    app_js = bus.request("storage", ReadFile(project_id=project_id, path="app.js")).file.content
    assert app_js.startswith("let left")
    css = bus.request("storage", ReadFile(project_id=project_id, path="styles.css")).file.content
    assert css == "button { font-size: 2rem; }\n"
    roles = [m.role for m in bus.request("storage", ListMessages(project_id=project_id)).messages]
    assert roles == ["user", "assistant", "user", "assistant"]


def test_generate_with_a_cut_keeps_complete_files_only(app, server):
    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="Cut")).project.id
    sub = bus.subscribe("generate.", "stream.")
    sub.sync()
    _r, _p, _f, _t, done = run_generation(
        bus, sub, Generate(project_id=project_id, prompt="x [[scenario:drop after=60 answer=site piece=4]]")
    )
    assert not done.ok and done.error_code == "StreamInterrupted"
    assert done.files == ["index.html"]  # the only block finished before the cut


def test_suggest_title(app, server):
    from vibing.schema.storage import UsageSummary
    from vibing.schema.stream import SuggestTitle

    server.answers["title"] = '"Dark Pomodoro Timer."\nextra words'
    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="untitled")).project.id
    reply = bus.request(
        "stream",
        SuggestTitle(prompt="a pomodoro timer [[scenario:normal answer=title]]", project_id=project_id),
        timeout=15,
    )
    assert reply.title == "Dark Pomodoro Timer" and reply.source == "model"
    sent = server.requests[-1]
    assert sent.body["model"].startswith("claude-haiku") and not sent.body.get("stream")
    assert bus.request("storage", UsageSummary(project_id=project_id)).requests == 1
    failed = bus.request(
        "stream",
        SuggestTitle(prompt="a pomodoro timer with a dark theme [[scenario:status status=529 should_retry=false]]"),
        timeout=15,
    )
    assert failed.source == "fallback" and failed.title == "Pomodoro Timer" and "overloaded" in failed.message


def test_generate_refusal_still_ends_the_progress(app):
    from vibing.errors import NotFound

    bus = app.bus()
    sub = bus.subscribe("generate.")
    sub.sync()
    with pytest.raises(NotFound):
        bus.request("stream", Generate(project_id="no-such-project", prompt="hello", stream_id="gx"))
    seen = []
    while True:
        ev = sub.recv(5)
        assert ev is not None
        if getattr(ev.body, "stream_id", "") == "gx":
            seen.append(ev.body)
            if isinstance(ev.body, GenerationDone):
                break
    assert seen[0].phase == "starting" and not seen[-1].ok and seen[-1].error_code == "NotFound"


def test_continuing_a_cut_generation_saves_all_its_files(app, server):
    from vibing.schema.stream import ContinueStream

    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="Continue me")).project.id
    sub = bus.subscribe("generate.", "stream.", "token.")
    sub.sync()
    first, _p, _f, _t, done = run_generation(
        bus,
        sub,
        Generate(project_id=project_id, prompt="timer [[scenario:drop after=60 answer=site piece=4]]", stream_id="gc1"),
    )
    assert not done.ok and done.files == ["index.html"]
    cont = bus.request("stream", ContinueStream(stream_id="gc1", new_stream_id="gc2"))
    assert cont.message_id == first.message_id
    deadline = time.monotonic() + 30
    while True:
        ev = sub.recv(max(0.01, deadline - time.monotonic()))
        assert ev is not None
        if isinstance(ev.body, GenerationDone) and ev.body.stream_id == "gc2":
            done2 = ev.body
            break
    assert done2.ok and done2.files == ["index.html", "styles.css", "NOTES.md", "app.js"], done2.message
    message = bus.request("storage", GetMessage(message_id=first.message_id)).message
    assert message.content == SITE and message.status == "complete"
    app_js = bus.request("storage", ReadFile(project_id=project_id, path="app.js")).file.content
    assert app_js.startswith("let left = 25 * 60;")


def test_a_model_that_answers_with_sentences_gives_no_title_so_the_prompt_names_the_project():
    from vibing.services.stream.title import clean_title, fallback_title

    assert clean_title("Here is a small web app for you. It keeps the markup, the styles and the script") == ""
    assert clean_title('"Dark Pomodoro Timer."') == "Dark Pomodoro Timer"
    assert fallback_title("make me a pomodoro timer with a dark theme") == "Pomodoro Timer"
