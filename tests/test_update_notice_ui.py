"""The update notice in the window: "Vibing X is available (date) - What's new" when the daily check found a
newer release; dismissed, that version is not shown again, a newer one is; Settings switches the check off.

A local feed serves the newer version (as in tests/test_update_check.py); real Chromium against `vibing web`.
"""

from __future__ import annotations

import json
import threading
import time
import tomllib
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT, signed_in_page
from conftest import home_of, provider_chosen, start_app
from test_update_check import NEWER, Feed

from vibing import updates
from vibing.schema.supervisor import Status

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def feed():
    server = Feed()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def app(feed, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("update") / "home", VIBING_UPDATE_FEED_URL=feed.url("/newer"))
    provider_chosen(running)
    with home_of(running):
        bus = running.bus()
        deadline = time.monotonic() + 15
        while bus.request("supervisor", Status(), timeout=5).update is None:  # the check runs once the app is ready
            assert time.monotonic() < deadline, "the update check did not run"
            time.sleep(0.05)
    yield running
    running.stop()


@pytest.fixture
def page(browser, web):
    with signed_in_page(browser, web, color_scheme="dark") as pg:
        yield pg
    assert not pg.errors, pg.errors


def reload(pg) -> None:
    pg.reload()
    pg.wait_for_selector("body[data-ready='1']", timeout=WAIT)


def ui_settings(app) -> dict:
    return json.loads((app.paths.data / "shell" / "settings.json").read_text())


def test_a_newer_release_is_announced_until_dismissed_and_a_newer_one_again(page, app, shots):
    notice = page.get_by_role("region", name="Update")
    assert notice.is_visible()
    assert page.inner_text("#update-notice .notice-text") == "Vibing 99.0.0 is available (2027-01-15) · What's new"
    link = page.get_by_role("link", name="What's new in Vibing 99.0.0")
    assert link.get_attribute("href") == NEWER["notes_url"]
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
    page.screenshot(path=str(shots / "update-notice.png"), animations="disabled")

    # Dismiss (keyboard): that version is remembered, so the next start does not nag
    page.get_by_role("button", name="Dismiss: do not show this version again").focus()
    page.keyboard.press("Enter")
    notice.wait_for(state="hidden", timeout=WAIT)
    assert ui_settings(app)["update_dismissed"] == "99.0.0"
    reload(page)
    assert notice.is_hidden()

    # the next day's check finds a newer release: shown again
    updates.save(
        app.paths.data,
        updates.Checked(checked_at=time.time(), release=updates.Release("100.0.0", "2027-02-01", NEWER["notes_url"])),
    )
    reload(page)
    assert page.inner_text("#update-text") == "Vibing 100.0.0 is available (2027-02-01)"


def test_settings_switches_the_daily_check_off_and_on(page, app):
    page.goto(page.url.split("#")[0] + "#/settings")
    switch = page.get_by_label("Check for updates once a day")
    switch.wait_for(timeout=WAIT)
    page.wait_for_function("() => document.querySelector('#set-update-check').checked")
    switch.uncheck()
    page.wait_for_function("() => window.__vibing.prefs.update_check === false")
    assert tomllib.loads(app.paths.config_file.read_text())["update_check"] is False
    assert page.locator("#update-notice").is_hidden()  # switched off: no notice either
    switch.check()
    page.wait_for_function("() => window.__vibing.prefs.update_check === true")
    assert tomllib.loads(app.paths.config_file.read_text())["update_check"] is True
