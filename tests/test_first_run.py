"""First run on a machine with no API key and no keychain, in a real browser (issue 16, part 7).

What went wrong before: the new-project dialog took a name and a prompt, created the project, said "No API key
is set, and the keychain cannot be read..." and the prompt was gone.  Now: the first-run screen offers the
ways to get an answer and checks the one picked; a prompt that could not be sent goes back into the input, with
the ways forward as buttons; Settings says there is no keychain (and what to do instead) when it opens; once a
provider answered, the first-run screen is not shown again.

The keychain is made unavailable as tests/test_keychain.py does (keyring's "fail" backend); the OpenAI-compatible
server is the local fake (tests/fakes), which answers both protocols.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT, signed_in_page
from conftest import start_app
from test_ui_browser import ANSWER

from tests.fakes import FakeAnthropic

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
PROMPT = "A pomodoro timer with a dark theme and a sound at the end"


@pytest.fixture(scope="module")
def fake():
    with FakeAnthropic() as server:
        server.answers["app"] = ANSWER
        yield server


@pytest.fixture(scope="module")
def app(fake, tmp_path_factory):
    home = tmp_path_factory.mktemp("first") / "home"
    running = start_app(
        home,
        HOME=str(home),  # a fresh home: no ~/.config, no key anywhere
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        VIBING_OPENAI_BASE_URL=f"{fake.url}/v1",
    )
    yield running
    running.stop()


def test_no_key_no_keychain_first_run_to_a_first_answer(page, app, fake, shots, browser, web):
    # 1. the first-run screen, since no provider answers yet; it says there is no keychain before a key is typed
    page.wait_for_selector("#view-welcome[data-ready='1']:not(.hidden)", timeout=WAIT)
    assert page.get_by_role("heading", name="How should Vibing write your apps?").is_visible()
    assert page.is_checked("input[name=welcome-choice][value=anthropic]")
    note = page.locator("#welcome-keychain")
    assert note.is_visible() and "There is no keychain on this computer" in note.inner_text()
    assert page.inner_text("#welcome-key-check") == "Check"  # nothing to save a key in
    page.wait_for_selector(
        "#choice-local-note:not(:text-is('Runs on this computer, no key, no internet: a small demo model.'))"
    )
    page.screenshot(path=str(shots / "first-run.png"), animations="disabled")

    # 2. skipped: the new-project dialog takes a name and a prompt, and the prompt cannot be sent...
    page.get_by_role("button", name="Skip for now").click()
    page.wait_for_selector("#view-dashboard:not(.hidden)", timeout=WAIT)
    page.click("#new-project-btn")
    page.fill("#new-name", "Pomodoro")
    page.fill("#new-prompt", PROMPT)
    page.click("#new-create")
    unsent = page.locator(".msg.unsent")
    unsent.wait_for(timeout=WAIT)
    # ...but it is not lost: it is back in the input, and the card says why, with the ways forward as buttons
    assert page.input_value("#prompt") == PROMPT
    assert "No API key is set" in unsent.inner_text() and "keychain" in unsent.inner_text()
    assert page.locator(".msg.user").count() == 0  # nothing pretends it was sent
    for way in ("Add a key", "Use the local model", "Use an OpenAI-compatible server", "Send again"):
        assert unsent.get_by_role("button", name=way).is_visible(), way
    page.screenshot(path=str(shots / "first-run-not-sent.png"), animations="disabled")

    # 3. "Add a key": Settings, at the key field, focused; no keychain, so it says what to do instead of failing
    unsent.get_by_role("button", name="Add a key").click()
    page.wait_for_selector("#view-settings[data-ready='1']:not(.hidden)", timeout=WAIT)
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'api-key'")
    note = page.locator("#keychain-note")
    text = note.inner_text()
    dotenv = app.home / "config" / ".env"  # the config folder's: read however Vibing was launched
    assert note.is_visible() and "ANTHROPIC_API_KEY" in text and str(dotenv) in text and f"chmod 600 {dotenv}" in text
    assert page.is_disabled("#key-save")

    # 4. back to the first-run screen: the OpenAI-compatible server, picked with the keyboard and checked
    page.evaluate("location.hash = '#/welcome'")
    page.wait_for_selector("#view-welcome[data-ready='1']:not(.hidden)", timeout=WAIT)
    page.focus("input[name=welcome-choice]:checked")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.is_checked("input[name=welcome-choice][value=openai]")
    assert page.input_value("#welcome-openai-url") == f"{fake.url}/v1"
    page.get_by_role("button", name="Check the server").click()
    page.wait_for_selector("#welcome-status.ok", timeout=WAIT)
    assert "answers" in page.inner_text("#welcome-status")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'welcome-done'")
    ui = json.loads((app.paths.data / "shell" / "settings.json").read_text())
    assert ui["provider_ready"] == "openai"
    assert tomllib.loads(app.paths.config_file.read_text())["provider"] == "openai"

    # 5. the project again: the prompt is still in the input; sent, the server answers and the app is built
    page.keyboard.press("Enter")  # "Start building"
    page.locator(".project-card:has-text('Pomodoro')").click(timeout=WAIT)  # the list may render twice
    page.wait_for_selector("#view-project:not(.hidden) #project-name:has-text('Pomodoro')", timeout=WAIT)
    assert page.input_value("#prompt") == PROMPT
    fake.push("normal", answer="app")
    page.focus("#prompt")
    page.keyboard.press("Enter")
    page.wait_for_selector(".msg.assistant .md:has-text('calm pomodoro')", timeout=WAIT)
    page.wait_for_selector(f".msg.user:has-text('{PROMPT}')", timeout=WAIT)
    assert page.locator(".msg.unsent").count() == 0
    assert fake.requests[-1].path == "/v1/chat/completions"
    page.frame_locator("#preview").locator("#title:has-text('Pomodoro')").wait_for(timeout=WAIT)

    # 6. once a provider answered, the first-run screen is not shown again (a new window, the same app; in this
    # test, because a test of its own could run in another worker, against a fresh app)
    with signed_in_page(browser, web) as again:
        again.wait_for_selector("body[data-provider-checked='1']", timeout=WAIT)
        again.wait_for_selector("#view-dashboard:not(.hidden)", timeout=WAIT)
        assert again.locator("#view-welcome").is_hidden()
    assert not again.errors, again.errors


def test_what_this_computer_remembers_is_never_exported_nor_imported(tmp_path):
    """The dismissed release and the provider that answered are facts about this computer, not preferences."""
    from vibing.errors import InvalidRequest
    from vibing.paths import Paths
    from vibing.shell.settings import Settings

    settings = Settings(Paths(data=tmp_path / "data", config=tmp_path / "config", logs=tmp_path, runtime=tmp_path))
    settings.update({"provider_ready": "local", "update_dismissed": "99.0.0", "provider": "local"})
    values = settings.get()["values"]
    assert (values["provider_ready"], values["update_dismissed"], values["provider"]) == ("local", "99.0.0", "local")
    exported = settings.export()["values"]
    assert "provider_ready" not in exported and "update_dismissed" not in exported and exported["provider"] == "local"
    # an import from another computer does not skip this one's first run
    fresh = Settings(Paths(data=tmp_path / "b", config=tmp_path / "b-config", logs=tmp_path, runtime=tmp_path))
    fresh.import_({"vibing_settings": 1, "values": {**exported, "provider_ready": "anthropic"}})
    assert fresh.get()["values"]["provider_ready"] == ""
    with pytest.raises(InvalidRequest, match="on or off"):
        settings.update({"update_check": "sometimes"})
    with pytest.raises(InvalidRequest, match="40 characters"):
        settings.update({"update_dismissed": ["99"]})
