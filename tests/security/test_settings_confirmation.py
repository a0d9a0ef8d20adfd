"""What a page may change in the settings (issue 14, items 2 and 9, the page side), attacked through
the shell's HTTP bridge of a real running app, as script in the page would.

Before: the page's generic settings write could set ``openai_base_url`` (after a restart
``OPENAI_API_KEY`` followed it) and ``data_dir`` (the next start reads and writes everything
there), and the window had no way for a person to change ``anthropic_base_url`` at all.
Now a provider address changes only through the ``settings.address`` intent: in the window
after a yes in a native dialog naming the new address (played here by the shell's
``confirm`` hook, which stands for the person's click), in ``vibing web`` never (the refusal
names ``vibing config set-address``, which asks on the terminal).  A new data folder must
be one the native dialog returned (window) or lie inside an ``--allow-folder`` (web).
"""

from __future__ import annotations

import http.client as httpc
import json
import os
import tomllib

import pytest
from conftest import start_app, start_web

EVIL = {"anthropic": "http://127.0.0.1:9/steal", "openai": "http://127.0.0.1:9/v1"}
SETTING = {"anthropic": "anthropic_base_url", "openai": "openai_base_url"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("settings-confirm") / "home")
    yield running
    running.stop()


@pytest.fixture
def config(app):
    """The config file's text; put back after each test, so one test's change does not move the next's folders."""
    path = app.paths.config_file
    before = path.read_bytes() if path.exists() else None

    def read() -> dict:
        return tomllib.loads(path.read_text()) if path.exists() else {}

    yield read
    if before is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(before)


@pytest.fixture(scope="module")
def disk(tmp_path_factory):
    """A folder the user allowed `vibing web` to use (with a symlink out of it), and one elsewhere."""
    root = tmp_path_factory.mktemp("disk")
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    allowed = root / "allowed"
    (allowed / "vibing-data").mkdir(parents=True)
    (allowed / "escape").symlink_to(elsewhere)
    return allowed, elsewhere


@pytest.fixture(scope="module")
def web(app):
    proc, port, token = start_web(app)
    yield port, token
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def web_allowed(app, disk):
    proc, port, token = start_web(app, "--allow-folder", str(disk[0]))
    yield port, token
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def window(app):
    """The window's shell, in this process; its native dialogs are the test's to answer."""
    shell = app.shell("window", "test-window")
    yield shell
    shell.stop()


def page_post(server: tuple[int, str], intent: str, data: dict) -> tuple[int, dict]:
    """What script in the page can do: a POST with the page's own origin and session."""
    port, token = server
    conn = httpc.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"X-Vibing-Token": token, "Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/json"}
    conn.request("POST", f"/api/shell/{intent}", body=json.dumps(data), headers=headers)
    res = conn.getresponse()
    reply = json.loads(res.read())
    conn.close()
    return res.status, reply


def refused(answer: tuple[int, dict], words: str) -> str:
    status, reply = answer
    assert status == 400 and reply["ok"] is False and reply["error"]["code"] == "InvalidRequest", reply
    assert words.lower() in reply["error"]["message"].lower(), reply
    return reply["error"]["message"]


def attempts_without_confirmation(server, provider: str) -> None:
    """Every way the page could try to move an address by itself."""
    setting, evil = SETTING[provider], EVIL[provider]
    refused(page_post(server, "settings.update", {"values": {setting: evil, "theme": "dark"}}), "confirm")
    flagged = {"values": {setting: evil}, "confirm": True, "confirm_base_url": True}
    refused(page_post(server, "settings.update", flagged), "confirm")
    status, exported = page_post(server, "settings.export", {})
    assert status == 200
    document = exported["reply"]
    document["values"][setting] = evil
    refused(page_post(server, "settings.import", {"document": document}), "confirm")


@pytest.mark.parametrize("provider", ["anthropic", "openai"])
def test_the_page_in_a_browser_cannot_change_an_address(app, web, config, provider):
    before = page_post(web, "settings.get", {})[1]["reply"]["values"]
    attempts_without_confirmation(web, provider)
    # the intent itself: a browser has no native dialog, and the page cannot stand in for one
    body = {"provider": provider, "url": EVIL[provider], "confirm": True, "answer": "yes"}
    message = refused(page_post(web, "settings.address", body), f"vibing config set-address {provider} URL")
    assert EVIL[provider] not in message  # no ready-made command with the page's address in it
    assert SETTING[provider] not in config()
    after = page_post(web, "settings.get", {})[1]["reply"]["values"]
    assert after[SETTING[provider]] == before[SETTING[provider]] and after["theme"] == before["theme"]


@pytest.mark.parametrize("provider", ["anthropic", "openai"])
def test_in_the_window_only_a_yes_in_the_native_dialog_changes_an_address(window, config, provider):
    server = (window.server.port, window.server.token)
    asked: list[tuple[str, str]] = []
    answers: list[object] = []

    def person(title: str, message: str) -> object:  # stands for the person's click in Qt's yes/no box
        asked.append((title, message))
        return answers.pop(0)

    window.confirm = person
    assert page_post(server, "info", {})[1]["reply"]["confirm"] is True
    attempts_without_confirmation(server, provider)
    assert asked == [], "a settings write never even asks"
    refused(page_post(server, "settings.address", {"provider": provider, "url": "file:///etc/passwd"}), "usable")
    refused(page_post(server, "settings.address", {"provider": "gopher", "url": EVIL[provider]}), "which provider")
    assert asked == [], "nothing unusable reaches the dialog"

    answers.append(False)  # the person says no
    status, reply = page_post(server, "settings.address", {"provider": provider, "url": EVIL[provider]})
    assert status == 200 and reply["reply"]["changed"] is False and "you said no" in reply["reply"]["message"]
    title, message = asked[-1]
    assert EVIL[provider] in title + message and "API key" in title + message
    assert SETTING[provider] not in config()

    answers.append("yes")  # anything but an explicit yes is a no
    status, reply = page_post(server, "settings.address", {"provider": provider, "url": EVIL[provider]})
    assert status == 200 and reply["reply"]["changed"] is False and SETTING[provider] not in config()

    answers.append(True)  # the person says yes
    wanted = EVIL[provider].replace("/steal", "/mine").replace("/v1", "/mine/v1")
    status, reply = page_post(server, "settings.address", {"provider": provider, "url": wanted})
    assert status == 200 and reply["reply"]["changed"] is True, reply
    assert wanted in asked[-1][0] + asked[-1][1]
    assert config()[SETTING[provider]] == wanted
    assert reply["reply"]["settings"]["values"][SETTING[provider]] == wanted
    # the same address again needs no question; an export of it imports unchanged
    status, reply = page_post(server, "settings.address", {"provider": provider, "url": wanted + "/"})
    assert status == 200 and reply["reply"]["changed"] is False and len(asked) == 3
    exported = page_post(server, "settings.export", {})[1]["reply"]
    assert page_post(server, "settings.import", {"document": exported})[0] == 200
    assert config()[SETTING[provider]] == wanted


def test_the_command_line_asks_before_changing_an_address(app, config):
    evil = EVIL["anthropic"]
    said_no = app.cli("config", "set-address", "anthropic", evil, input="no\n")
    assert said_no.returncode == 2 and evil in said_no.stdout and "API key" in said_no.stdout
    assert "Not changed" in said_no.stdout and "anthropic_base_url" not in config()
    no_terminal = app.cli("config", "set-address", "anthropic", evil, input="")
    assert no_terminal.returncode == 2 and "--yes" in no_terminal.stderr and "anthropic_base_url" not in config()
    bad = app.cli("config", "set-address", "anthropic", "file:///etc/passwd", "--yes")
    assert bad.returncode == 2 and "not a usable address" in bad.stderr and "anthropic_base_url" not in config()

    said_yes = app.cli("config", "set-address", "anthropic", evil, input="yes\n")
    assert said_yes.returncode == 0, said_yes.stderr
    assert config()["anthropic_base_url"] == evil
    scripted = app.cli("config", "set-address", "openai", EVIL["openai"], "--yes", input="")
    assert scripted.returncode == 0 and "Type yes" not in scripted.stdout, scripted.stderr
    assert config()["openai_base_url"] == EVIL["openai"]
    shown = json.loads(app.cli("config", "--json").stdout)["settings"]
    assert shown["anthropic_base_url"] == evil and shown["openai_base_url"] == EVIL["openai"]


def test_the_data_folder_is_only_one_the_user_picked_or_allowed(app, web, web_allowed, window, disk, config):
    allowed, elsewhere = disk
    # vibing web without --allow-folder: no new data folder at all
    refused(page_post(web, "settings.update", {"values": {"data_dir": str(elsewhere)}}), "--allow-folder")
    document = page_post(web, "settings.export", {})[1]["reply"]
    document["values"]["data_dir"] = str(elsewhere)
    refused(page_post(web, "settings.import", {"document": document}), "--allow-folder")
    assert "data_dir" not in config()
    # the folder in force (here the default, "") is no change and is accepted
    assert page_post(web, "settings.update", {"values": {"data_dir": "", "theme": "dark"}})[0] == 200
    assert "data_dir" not in config()

    # vibing web --allow-folder: inside it yes; out of it (dot-dot, a symlink) no
    for outside in (allowed / ".." / "elsewhere", allowed / "escape"):
        refused(page_post(web_allowed, "settings.update", {"values": {"data_dir": str(outside)}}), "not inside")
    assert "data_dir" not in config()
    inside = allowed / "vibing-data"
    assert page_post(web_allowed, "settings.update", {"values": {"data_dir": str(inside)}})[0] == 200
    assert config()["data_dir"] == os.path.realpath(inside)

    # the window: only the folder its native dialog returned
    server = (window.server.port, window.server.token)
    refused(page_post(server, "settings.update", {"values": {"data_dir": str(elsewhere)}}), "own dialog")
    assert config()["data_dir"] == os.path.realpath(inside)
    window.native["folder_dialog"] = lambda _data: str(elsewhere)  # the person picks it in the dialog
    assert page_post(server, "native", {"name": "folder_dialog"})[1]["reply"] == str(elsewhere)
    assert page_post(server, "settings.update", {"values": {"data_dir": str(elsewhere)}})[0] == 200
    assert config()["data_dir"] == os.path.realpath(elsewhere)


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")
def test_the_settings_page_changes_an_address_only_through_the_confirmation(app, web, window, config):
    """The page's own wiring, in headless Chromium: Change… asks the shell; Save never carries an address."""
    playwright = pytest.importorskip("playwright.sync_api")
    answers: list[bool] = []
    window.confirm = lambda _title, _message: answers.pop(0)
    wanted = "http://127.0.0.1:9/proxy"
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            # the window's page: a no, then a yes, in the native dialog
            page.goto(window.server.token_url + "#/settings")
            page.wait_for_selector("#view-settings[data-ready='1']:not(.hidden) #set-anthropic-url", timeout=15_000)
            page.fill("#set-anthropic-url", wanted)
            answers.append(False)
            page.click("#change-anthropic-url")
            page.wait_for_selector("#address-status:has-text('you said no')", timeout=15_000)
            assert "anthropic_base_url" not in config()
            assert page.input_value("#set-anthropic-url") == "https://api.anthropic.com"  # shows what is in force
            page.fill("#set-anthropic-url", wanted)
            answers.append(True)
            page.click("#change-anthropic-url")
            page.wait_for_selector("#address-status.ok", timeout=15_000)
            assert config()["anthropic_base_url"] == wanted and answers == []
            # a browser's page: Save keeps the address, Change… explains the terminal command
            page.goto(f"http://127.0.0.1:{web[0]}/?token={web[1]}")
            page.wait_for_selector("body[data-ready='1']", timeout=15_000)
            page.click("a[data-nav=settings]")
            page.wait_for_selector("#view-settings[data-ready='1']:not(.hidden)", timeout=15_000)
            page.select_option("#set-provider", "openai")
            page.fill("#set-openai-url", EVIL["openai"])
            page.click("#settings-save")
            page.wait_for_selector("#settings-status:has-text('Change…')", timeout=15_000)
            page.click("#change-openai-url")
            page.wait_for_selector("#address-status.bad:has-text('vibing config set-address openai')", timeout=15_000)
            assert "openai_base_url" not in config()
        finally:
            browser.close()
