"""Issue 14 item 2: the stored API key goes only to the address the user configured.

Each attack runs against a real app with two fake Anthropic servers: the configured one and the attacker's.
Before the fix the key reached the attacker's server (a bus client naming ``base_url``, or a ``.env`` in the folder
the app was started in); now the attacker's server receives no stored key, the request gets ``KeyWithheld``, and
the configured server still gets the key.  A request that brings its own key may still go where it says.  The
settings write the page can reach no longer changes the address; only a confirmed change does.
"""

from __future__ import annotations

import json
import tomllib

import pytest

from tests.conftest import start_app
from tests.fakes import FakeAnthropic
from vibing.errors import InvalidRequest, KeyWithheld
from vibing.schema.storage import CreateProject
from vibing.schema.stream import (
    ChatTurn,
    CheckKey,
    Generate,
    ListModels,
    StartStream,
    StreamDone,
)

KEY = "sk-ant-stored-" + "s" * 30
OPENAI_KEY = "sk-openai-stored-" + "o" * 24
OWN_KEY = "sk-ant-callers-own-" + "c" * 24


def keys_received(server: FakeAnthropic) -> set[str]:
    return {
        r.headers.get("x-api-key") or r.headers.get("authorization", "").removeprefix("Bearer ")
        for r in list(server.requests)
    }


@pytest.fixture
def servers():
    with FakeAnthropic() as configured, FakeAnthropic() as attacker:
        yield configured, attacker


def test_a_bus_client_cannot_send_the_stored_key_to_another_address(tmp_path, servers, monkeypatch):
    configured, attacker = servers
    monkeypatch.delenv("ANTHROPIC_BASE_URL", raising=False)
    app = start_app(
        tmp_path / "home",
        ANTHROPIC_BASE_URL=configured.url,
        ANTHROPIC_API_KEY=KEY,
        OPENAI_API_KEY=OPENAI_KEY,
        VIBING_OPENAI_BASE_URL=configured.url + "/v1",
    )
    try:
        bus = app.bus()
        project = bus.request("storage", CreateProject(name="Key destination")).project
        # the attacks: every request that takes a base_url, aimed at the attacker's server, with no key of its own
        check = bus.request("stream", CheckKey(base_url=attacker.url), timeout=15)
        assert (check.ok, check.code) == (False, "KeyWithheld"), check
        with pytest.raises(KeyWithheld):
            bus.request("stream", StartStream(messages=[ChatTurn(role="user", content="hi")], base_url=attacker.url))
        with pytest.raises(KeyWithheld):
            bus.request("stream", Generate(project_id=project.id, prompt="a page", base_url=attacker.url), timeout=15)
        with pytest.raises(KeyWithheld):
            bus.request("stream", ListModels(provider="openai", base_url=attacker.url + "/v1"), timeout=15)
        assert KEY not in keys_received(attacker) and OPENAI_KEY not in keys_received(attacker)
        assert attacker.requests == [], "nothing at all is sent to an address the stored key may not go to"

        # a caller that brings its own key may use its own server; the stored key still does not go there
        events = bus.subscribe("stream.done", "stream.error")
        events.sync()
        started = bus.request(
            "stream",
            StartStream(
                messages=[ChatTurn(role="user", content="hi")], base_url=attacker.url, api_key=OWN_KEY, persist=False
            ),
        )
        while True:
            event = events.recv(timeout=30)
            assert event is not None, "the stream with its own key never ended"
            if getattr(event.body, "stream_id", "") == started.stream_id:
                break
        assert isinstance(event.body, StreamDone), event.body
        assert keys_received(attacker) == {OWN_KEY}

        # the configured address still gets the stored key, trailing slash or not
        assert bus.request("stream", CheckKey(), timeout=15).ok
        assert bus.request("stream", CheckKey(base_url=configured.url + "/"), timeout=15).ok
        assert keys_received(configured) == {KEY}
    finally:
        app.stop()


def test_a_dotenv_in_the_start_folder_cannot_redirect_the_stored_key(tmp_path, servers, monkeypatch):
    configured, attacker = servers
    monkeypatch.delenv("ANTHROPIC_BASE_URL", raising=False)
    home = tmp_path / "home"
    home.mkdir()
    # the app is started in this folder (start_app's cwd): a .env planted there names the attacker's server
    (home / ".env").write_text(f"ANTHROPIC_BASE_URL={attacker.url}\n")
    app = start_app(home, ANTHROPIC_API_KEY=KEY)
    try:
        bus = app.bus()
        check = bus.request("stream", CheckKey(), timeout=15)
        assert (check.ok, check.code) == (False, "KeyWithheld"), check
        assert ".env" in check.message
        with pytest.raises(KeyWithheld):
            bus.request("stream", StartStream(messages=[ChatTurn(role="user", content="hi")]))
        assert attacker.requests == [] and KEY not in keys_received(attacker)
    finally:
        app.stop()
    # the user's own environment is their configuration: it wins over the .env and the key goes there
    app = start_app(home, ANTHROPIC_API_KEY=KEY, ANTHROPIC_BASE_URL=configured.url)
    try:
        assert app.bus().request("stream", CheckKey(), timeout=15).ok
        assert keys_received(configured) == {KEY} and attacker.requests == []
    finally:
        app.stop()


def test_a_settings_write_does_not_change_where_the_key_goes(tmp_path, monkeypatch):
    from vibing import paths as paths_mod
    from vibing.shell.settings import Settings

    monkeypatch.setenv("VIBING_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("ANTHROPIC_BASE_URL", raising=False)
    monkeypatch.delenv("VIBING_ANTHROPIC_BASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    settings = Settings(paths_mod.resolve())
    evil = "http://127.0.0.1:9/steal"

    def stored() -> dict:
        path = settings.paths.config_file
        return tomllib.loads(path.read_text()) if path.exists() else {}

    # what the page reaches: settings.update and settings.import
    with pytest.raises(InvalidRequest, match="confirm"):
        settings.update({"anthropic_base_url": evil, "theme": "dark"})
    exported = settings.export()
    exported["values"]["anthropic_base_url"] = evil
    with pytest.raises(InvalidRequest, match="confirm"):
        settings.import_(json.loads(json.dumps(exported)))
    with pytest.raises(InvalidRequest, match="confirm"):
        settings.set_anthropic_base_url(evil)  # no confirmation
    assert "anthropic_base_url" not in stored() and settings.get()["values"]["theme"] == "system"  # nothing lost

    # an export of the settings in force imports unchanged (the address is "no change", not written)
    settings.import_(settings.export())
    assert "anthropic_base_url" not in stored()
    with pytest.raises(InvalidRequest, match="not a usable address"):
        settings.set_anthropic_base_url("file:///etc/passwd", confirm=True)

    # the confirmed change, and only it, is stored
    settings.set_anthropic_base_url("https://proxy.example.com/anthropic", confirm=True)
    assert stored()["anthropic_base_url"] == "https://proxy.example.com/anthropic"
