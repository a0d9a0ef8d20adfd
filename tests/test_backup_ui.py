"""Settings > Backups in real Chromium against `vibing web`: no backup yet, then Back up now writes one and the card
shows its time and size (the storage service's GetBackupStatus and BackupNow, through the page's bridge); the page
may not ask the supervisor for a restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT, signed_in_page
from conftest import provider_chosen, start_app

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("backup-ui") / "home")
    provider_chosen(running)
    yield running
    running.stop()


def test_settings_shows_the_last_backup_and_backs_up_now(browser, web, app):
    with signed_in_page(browser, web) as page:
        page.goto(page.url.split("#")[0] + "#/settings")
        last = page.locator("#backup-last")
        last.wait_for(timeout=WAIT)
        page.wait_for_function("() => document.querySelector('#backup-last').textContent === 'No backup yet.'")
        assert str(app.paths.data / "backups") in page.locator("#backup-about").text_content()
        assert "last 7 daily backups" in page.locator("#backup-about").text_content()
        page.locator("#backup-now").click()
        page.wait_for_function("() => document.querySelector('#backup-status').textContent.startsWith('Backed up')")
        made = list((app.paths.data / "backups").glob("vibing-auto-*.zip"))
        assert len(made) == 1
        text = last.text_content()
        assert text.startswith("Last backup: just now") and made[0].name in text and "1 in the folder" in text
        assert not page.locator("#backup-now").is_disabled()
        # A restore replaces every project: the page may not ask for one (it stays with the CLI).
        refused = page.evaluate(
            """(path) => fetch("/api/request", {method: "POST", headers: {"Content-Type": "application/json"},
                body: JSON.stringify({service: "supervisor", type: "RestoreBackup", body: {path, replace: true}})})
                .then((r) => r.json())""",
            str(made[0]),
        )
        assert refused["ok"] is False and refused["error"]["code"] == "InvalidRequest", refused
        assert not page.errors, page.errors
