"""The local engine is locked: attacks on the real llama.cpp engine that the model service starts.

Before: the engine answered anyone on its loopback port (another local user, or a web page through the
browser: ``Access-Control-Allow-Origin`` reflected any origin, with credentials), accepted any ``Host`` (DNS
rebinding), and named the model's file path in an answer to a request without a model.  After: a per-launch key
(never on the command line), no CORS, an exact Host check, the alias only; and the app still streams from it.
"""

from __future__ import annotations

import re

import httpx
import pytest
from conftest import start_app
from localmodel import bundled_path, next_event, requires_engine

from vibing.local import ensure_local_model
from vibing.schema.common import Ping
from vibing.schema.stream import ChatTurn, StartStream, StreamDone, StreamFailed, TokenDelta

pytestmark = requires_engine

EVIL = "https://evil.example"
CHAT = {"messages": [{"role": "user", "content": "Say hello."}], "max_tokens": 4, "temperature": 0.0}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("engine") / "home")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def endpoint(app):
    return ensure_local_model(app.bus())


@pytest.fixture
def client():
    with httpx.Client(timeout=httpx.Timeout(60.0, connect=5.0), trust_env=False) as http:
        yield http


def _key(endpoint) -> dict[str, str]:
    return {"authorization": f"Bearer {endpoint.api_key}"}


def test_a_request_without_the_key_is_refused(endpoint, client) -> None:
    assert len(endpoint.api_key) >= 32
    for headers in ({}, {"authorization": "Bearer wrong"}, {"authorization": f"Basic {endpoint.api_key}"}):
        assert client.get(endpoint.base_url + "/models", headers=headers).status_code == 401
        assert client.post(endpoint.base_url + "/chat/completions", json=CHAT, headers=headers).status_code == 401
    for path in ("/docs", "/openapi.json"):  # the server's own key check left these open
        assert client.get(endpoint.base_url.removesuffix("/v1") + path).status_code == 401
    assert client.get(endpoint.base_url + "/models", headers=_key(endpoint)).status_code == 200


def test_no_cors_header_for_any_origin(endpoint, client) -> None:
    origin = {"origin": EVIL}
    preflight = {**origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization"}
    answers = [
        client.options(endpoint.base_url + "/chat/completions", headers=preflight),
        client.get(endpoint.base_url + "/models", headers=origin),
        client.get(endpoint.base_url + "/models", headers={**origin, **_key(endpoint)}),
        client.post(endpoint.base_url + "/chat/completions", json=CHAT, headers={**origin, **_key(endpoint)}),
    ]
    assert answers[2].status_code == 200 and answers[3].status_code == 200
    for answer in answers:
        allowed = [name for name in answer.headers if name.lower().startswith("access-control-")]
        assert allowed == [], (answer.request.method, answer.request.url, allowed)


def test_a_wrong_host_is_refused(endpoint, client) -> None:
    port = httpx.URL(endpoint.base_url).port
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1", f"localhost.:{port}"):
        answer = client.get(endpoint.base_url + "/models", headers={**_key(endpoint), "host": host})
        assert answer.status_code == 400, host
        assert "loopback port" in answer.json()["error"]["message"]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}"):
        assert client.get(endpoint.base_url + "/models", headers={**_key(endpoint), "host": host}).status_code == 200


def test_the_key_is_on_no_command_line_and_in_no_log(app, endpoint) -> None:
    worker = app.bus().request("model", Ping()).pid
    for pid in (endpoint.pid, worker):
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read()
        assert cmdline and endpoint.api_key.encode() not in cmdline
    with open(f"/proc/{endpoint.pid}/cmdline", "rb") as f:
        assert b"llama_server.py" in f.read()  # the right process was looked at
    for log in app.paths.logs.iterdir():
        assert endpoint.api_key not in log.read_text(errors="replace"), log.name


def test_the_model_path_is_in_no_answer(endpoint, client) -> None:
    path = str(bundled_path())
    root = endpoint.base_url.removesuffix("/v1")
    key = _key(endpoint)
    answers = [
        client.get(endpoint.base_url + "/models", headers=key),
        client.post(endpoint.base_url + "/chat/completions", json=CHAT, headers=key),  # no "model": was the path
        client.post(endpoint.base_url + "/chat/completions", json={**CHAT, "model": "nope"}, headers=key),
        client.post(endpoint.base_url + "/completions", json={"prompt": "Hi", "max_tokens": 2}, headers=key),
        client.post(endpoint.base_url + "/chat/completions", json={**CHAT, "stream": True}, headers=key),
        client.post(endpoint.base_url + "/chat/completions", json={"messages": "bad"}, headers=key),
        client.get(root + "/openapi.json", headers=key),
        client.get(root + "/docs", headers=key),
        client.get(root + "/nothing-here", headers=key),
    ]
    assert [a.status_code for a in answers[:5]] == [200] * 5
    assert answers[1].json()["model"] == endpoint.model
    for answer in answers:
        seen = answer.text + "".join(f"{k}: {v}\n" for k, v in answer.headers.items())
        for secret in (path, bundled_path().name, re.sub(r"\.gguf$", "", bundled_path().name)):
            assert secret not in seen, (answer.request.url, secret)


def test_the_app_still_streams_from_the_locked_engine(app, endpoint) -> None:
    bus = app.bus()
    sub = bus.subscribe("token.", "stream.")
    sub.sync()
    started = bus.request(
        "stream",
        StartStream(
            messages=[ChatTurn(role="user", content="Say hello.")],
            provider="local",
            temperature=0.0,
            max_tokens=16,
            persist=False,
        ),
    )
    tokens: list[str] = []

    def ended(body) -> bool:
        if getattr(body, "stream_id", None) != started.stream_id:
            return False
        if isinstance(body, TokenDelta):
            tokens.append(body.text)
        return isinstance(body, (StreamDone, StreamFailed))

    done = next_event(sub, ended, timeout=90)
    assert isinstance(done, StreamDone), done
    assert "".join(tokens).strip() and done.chars == len("".join(tokens))
