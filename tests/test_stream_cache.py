"""Prompt caching (issue 19 item 1): the request's layout, the test server's cache fields, and follow-ups over the
real bus that read what the previous turn wrote, while a file edit invalidates only what follows the files."""

from __future__ import annotations

from types import SimpleNamespace

import msgspec
import pytest
from conftest import start_app
from test_stream_generate import KEY, run_generation

from tests.fakes import FakeAnthropic
from tests.fakes.cache import PromptCache, block_tokens, blocks
from vibing.schema.storage import CreateProject, UpdateFile
from vibing.schema.stream import ChatTurn, Generate, Usage
from vibing.services.stream import costs, fitting, prefix, prompts
from vibing.services.stream.anthropic import request_body
from vibing.services.stream.provider import Call

APP = "\n".join(f"  <li id='item-{i}'>Item number {i} of the list</li>" for i in range(200))
SITE = f"Here it is.\n\n```html index.html\n<!DOCTYPE html>\n<ul>\n{APP}\n</ul>\n```\n\n```css styles.css\nli {{ color: red; }}\n```\n"
EDIT = "Blue it is.\n\n```css styles.css\nli { color: blue; }\n```\n"
TALK = "It keeps its items in a list; nothing needs to change."


def _marks(body: dict) -> list[int]:
    """The cumulative token count of the prefix up to each cache_control breakpoint (as the test server counts)."""
    out, total = [], 0
    for _where, block in blocks(body):
        total += block_tokens(block)
        if "cache_control" in block:
            out.append(total)
    return out


def _call(**kw) -> Call:
    base = dict(provider="anthropic", base_url="http://x", model="claude-sonnet-4-5", messages=[], cache=True)
    return Call(**{**base, **kw})


def test_the_layout_has_at_most_four_breakpoints_at_the_stable_ends():
    turns = [ChatTurn(role=r, content=f"{r} {i}") for i in range(5) for r in ("user", "assistant")]
    turns.append(ChatTurn(role="user", content="now"))
    body = msgspec.json.decode(request_body(_call(messages=turns, system="A\n\nF", system_parts=["A", "F"])))
    assert [b["text"] for b in body["system"]] == ["A", "F"]
    assert all(b["cache_control"] == {"type": "ephemeral"} for b in body["system"])
    marked = [i for i, m in enumerate(body["messages"]) if isinstance(m["content"], list)]
    assert marked == [8, 10], "the previous user turn (read) and the current one (written)"
    assert body["messages"][10]["content"][0]["text"] == "now"
    # without caching the body is the plain one, and a single system part still gets its breakpoint
    plain = msgspec.json.decode(request_body(_call(messages=turns, system="A", cache=False)))
    assert plain["system"] == "A" and all(isinstance(m["content"], str) for m in plain["messages"])
    one = msgspec.json.decode(request_body(_call(messages=turns[:1], system="A")))
    assert one["system"][0]["cache_control"] and isinstance(one["messages"][0]["content"], list)


def test_the_server_cache_writes_then_reads_and_a_change_misses_from_there_on():
    cache = PromptCache()
    agent, files = "agent " * 1000, "files " * 1000
    first = {"model": "claude-sonnet-4-5", "system": [], "messages": []}
    body = msgspec.json.decode(
        request_body(_call(messages=[ChatTurn(role="user", content="hi")], system_parts=[agent, files]))
    )
    first.update(body)
    u1 = cache.usage(first)
    marks = _marks(first)
    assert u1 == {"input_tokens": 0, "cache_creation_input_tokens": marks[-1], "cache_read_input_tokens": 0}
    assert cache.usage(first)["cache_read_input_tokens"] == marks[-1], "a retry reads it all"
    changed = msgspec.json.decode(
        request_body(_call(messages=[ChatTurn(role="user", content="hi")], system_parts=[agent, files + "!"]))
    )
    u3 = cache.usage(changed)
    assert u3["cache_read_input_tokens"] == marks[0], "the agent's part is still cached"
    assert u3["cache_creation_input_tokens"] == _marks(changed)[-1] - marks[0]
    # below the model's minimum cacheable length nothing is cached (silently, as the API does)
    small = msgspec.json.decode(request_body(_call(messages=[ChatTurn(role="user", content="hi")], system="short")))
    cache.usage(small)
    assert cache.usage(small)["cache_read_input_tokens"] == 0


def test_cache_tokens_are_priced_at_their_own_rates():
    plain = costs.cost_usd("claude-sonnet-4-5", Usage(input_tokens=1_000_000))
    assert plain == 3.0
    assert costs.cost_usd("claude-sonnet-4-5", Usage(cache_creation_input_tokens=1_000_000)) == 3.75
    assert costs.cost_usd("claude-sonnet-4-5", Usage(cache_read_input_tokens=1_000_000)) == pytest.approx(0.3)
    u = Usage(input_tokens=10, cache_creation_input_tokens=100, cache_read_input_tokens=1000)
    assert costs.billed_input_tokens(u) == pytest.approx(10 + 125 + 100)


# -- through the bus -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    with FakeAnthropic() as s:
        s.answers.update(site=SITE, edit=EDIT, talk=TALK)
        yield s


@pytest.fixture(scope="module")
def app(server, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("cache") / "home", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY=KEY)
    yield running
    running.stop()


def _turn(bus, sub, project_id: str, prompt: str):
    req = Generate(project_id=project_id, prompt=prompt, agent="frontend-developer", model="claude-sonnet-4-5")
    _reply, _progress, _files, _tokens, done = run_generation(bus, sub, req)
    assert done.ok, done.message
    return done


def test_follow_ups_read_the_cache_and_a_file_edit_invalidates_only_what_follows(app, server):
    bus = app.bus()
    project_id = bus.request("storage", CreateProject(name="Cached list")).project.id
    sub = bus.subscribe("generate.", "stream.")
    sub.sync()
    _turn(bus, sub, project_id, "a long list [[scenario:normal answer=site]]")
    _turn(bus, sub, project_id, "what does it keep? [[scenario:normal answer=talk]]")
    sent_a = server.requests[-1].body
    done = _turn(bus, sub, project_id, "and where? [[scenario:normal answer=talk]]")
    sent_b = server.requests[-1].body
    marks_a, marks_b = _marks(sent_a), _marks(sent_b)
    assert len(marks_b) == 4, "agent, files, the previous and the current user turn"
    # the second follow-up reads everything the first one wrote (its prefix through the first follow-up's prompt)
    assert done.usage.cache_read_input_tokens == marks_a[-1] == marks_b[2]
    assert done.usage.cache_creation_input_tokens == marks_b[-1] - marks_b[2]
    assert done.usage.input_tokens == 0
    assert done.cost_usd == costs.cost_usd("claude-sonnet-4-5", done.usage)
    assert "from cache" in done.message
    # an answer that rewrites a file: the rewrite is in the conversation, so the listing stays and all is read
    _turn(bus, sub, project_id, "make the items blue [[scenario:normal answer=edit]]")
    sent_c = server.requests[-1].body
    done = _turn(bus, sub, project_id, "is it blue? [[scenario:normal answer=talk]]")
    sent_d = server.requests[-1].body
    assert sent_d["system"] == sent_b["system"] and "li { color: blue; }" in str(sent_d["messages"][-2])
    assert done.usage.cache_read_input_tokens == _marks(sent_c)[-1] == _marks(sent_d)[2]
    # a file the person edits: the files part changes, so only the agent's part (before it) is read
    bus.request("storage", UpdateFile(project_id=project_id, path="styles.css", content="li { color: green; }\n"))
    done = _turn(bus, sub, project_id, "and now? [[scenario:normal answer=talk]]")
    sent_e = server.requests[-1].body
    assert "li { color: green; }" in sent_e["system"][1]["text"]
    marks_e = _marks(sent_e)
    assert done.usage.cache_read_input_tokens == marks_e[0] == marks_b[0]
    assert done.usage.cache_creation_input_tokens == marks_e[-1] - marks_e[0]
    # and the turn after reads it all again
    done = _turn(bus, sub, project_id, "thanks [[scenario:normal answer=talk]]")
    assert done.usage.cache_read_input_tokens == marks_e[-1]


def test_the_listing_stays_while_the_conversation_explains_every_change():
    answer = ChatTurn(role="assistant", content="Blue:\n\n```css styles.css\nli { color: blue; }\n```\n")
    snap = {"index.html": "<ul></ul>\n", "styles.css": "li { color: red; }\n"}
    now = {"index.html": "<ul></ul>\n", "styles.css": "li { color: blue; }\n"}
    assert prefix.written_in([answer], "styles.css", now["styles.css"])
    assert prefix.explained(snap, now, [ChatTurn(role="user", content="blue"), answer])
    assert not prefix.explained(snap, now, []), "the rewrite's turn was left out"
    assert not prefix.explained(snap, {**now, "styles.css": "li { color: green; }\n"}, [answer]), "a person's edit"
    assert not prefix.explained(snap, {"styles.css": now["styles.css"]}, [answer]), "a deleted file"
    later = ChatTurn(role="assistant", content="Red again:\n\n```css styles.css\nli { color: red; }\n```\n")
    assert not prefix.written_in([answer, later], "styles.css", now["styles.css"]), "the last rewrite counts"

    snapshots = prefix.Snapshots(limit=2)
    key = ("anthropic", "claude-sonnet-4-5", "agent")
    assert snapshots.listing("p", key, snap, []) is snap  # nothing kept yet: the current files
    snapshots.keep("p", key, snap)
    assert snapshots.listing("p", key, now, [answer]) is snap
    assert snapshots.listing("p", ("anthropic", "claude-opus-4-5", "agent"), now, [answer]) is now
    snapshots.keep("q", key, snap)
    snapshots.keep("r", key, snap)
    assert snapshots.listing("p", key, now, [answer]) is now, "the least recently used project was let go"


def test_a_rewrite_left_out_to_fit_lists_the_current_files():
    config = SimpleNamespace(model_context=4096, openai_context=0)
    call = Call(provider="local", base_url="", model="", messages=[], max_tokens=512)
    snap = {"styles.css": "li { color: red; }\n"}
    now = {"styles.css": "li { color: blue; }\n"}
    rewrite = "```css styles.css\nli { color: blue; }\n```\n" + "padding " * 1500
    history = [ChatTurn(role="user", content="blue"), ChatTurn(role="assistant", content=rewrite)]
    history += [ChatTurn(role="user" if i % 2 == 0 else "assistant", content=f"chat {i}") for i in range(4)]
    snapshots = prefix.Snapshots()
    snapshots.keep("p", ("local", "", prompts.system_parts("a")[0]), snap)
    built, fitted = fitting.fitted_call(config, call, "a", now, history, "go", project_id="p", snapshots=snapshots)
    assert fitted.dropped_turns and "color: blue" in built.system_parts[1] and not built.cache


def test_the_stream_metrics_count_cache_reads_and_writes(app, server):
    from vibing.schema.metrics import MetricsReport

    bus = app.bus()
    sub = bus.subscribe("metrics.report")
    sub.sync()
    project_id = bus.request("storage", CreateProject(name="Metered")).project.id
    events = bus.subscribe("generate.", "stream.")
    events.sync()
    _turn(bus, events, project_id, "a long list [[scenario:normal answer=site]]")
    _turn(bus, events, project_id, "what does it keep? [[scenario:normal answer=talk]]")
    kinds: dict[str, float] = {}
    while not {"cache_read", "cache_write"} <= set(kinds):
        ev = sub.recv(10)
        assert ev is not None, f"no metrics report with cache tokens (saw {kinds})"
        if isinstance(ev.body, MetricsReport) and ev.body.service == "stream":
            kinds = {
                s.labels.get("kind", ""): s.value for s in ev.body.samples if s.name == "vibing_stream_tokens_total"
            }
    assert kinds["cache_read"] > 0 and kinds["cache_write"] > 0
