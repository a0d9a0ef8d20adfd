"""Spending limits in a real browser (issue 19 item 3): a prompt over the daily limit makes the chat ask, in the
page's dialog, with the figures; "Don't send" gives the prompt back unsent, "Send anyway" sends it again with the
agreement and it builds.  Settings shows the limits (saved to the config file) and the same spending figures as
``vibing usage``.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import provider_chosen, start_app

from tests.fakes import FakeAnthropic
from vibing.schema.storage import CreateProject, ListMessages, RecordUsage

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
KEY = "sk-ant-test-" + "s" * 40
ANSWER = "A counter.\n\n```html index.html\n<!doctype html><h1 id=count>0</h1>\n```\n"


@pytest.fixture(scope="module")
def fake():
    with FakeAnthropic() as server:
        server.answers["counter"] = ANSWER
        yield server


@pytest.fixture(scope="module")
def app(fake, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("spend") / "home", ANTHROPIC_BASE_URL=fake.url, ANTHROPIC_API_KEY=KEY)
    provider_chosen(running)
    yield running
    running.stop()


def test_over_the_limit_the_chat_asks_and_sends_again_with_the_agreement(page, app, fake, shots):
    bus = app.bus()
    pid = bus.request("storage", CreateProject(name="Limited")).project.id
    bus.request(
        "storage",
        RecordUsage(project_id=pid, model="claude-sonnet-4-5", input_tokens=10, output_tokens=10, cost_usd=2.0),
    )
    app.paths.config_file.write_text("spending_limit_day_usd = 2.01\nspending_warn_day_usd = 0\n")
    page.goto(page.url.split("#")[0] + f"#/p/{pid}")
    page.wait_for_selector("#project-name:has-text('Limited')", timeout=WAIT)

    page.fill("#prompt", "a counter [[scenario:normal answer=counter]]")
    page.keyboard.press("Enter")
    dialog = page.locator(".ask-modal[role=alertdialog]")
    expect(dialog).to_contain_text("This request would take today's spending to about $2.", timeout=WAIT)
    expect(dialog).to_contain_text("above your limit of $2.01. Send anyway?")
    expect(dialog).to_contain_text("Spent so far: $2.00")
    page.screenshot(path=str(shots / "spending-ask.png"), animations="disabled")
    dialog.locator("button[data-answer=cancel]").click()
    expect(page.locator(".msg.unsent")).to_contain_text("above your limit", timeout=WAIT)
    expect(page.locator("#prompt")).to_have_value("a counter [[scenario:normal answer=counter]]")
    assert bus.request("storage", ListMessages(project_id=pid)).messages == []

    page.locator(".msg.unsent [data-act=resend]").click()
    dialog.locator("button[data-answer=send]").click(timeout=WAIT)
    page.wait_for_selector("#progress-spinner.done", timeout=30_000)
    page.wait_for_selector("#file-tree li[data-path='index.html']", timeout=WAIT)
    roles = [m.role for m in bus.request("storage", ListMessages(project_id=pid)).messages]
    assert roles == ["user", "assistant"]


def test_settings_shows_the_limits_and_the_same_figures_as_vibing_usage(page, app, shots):
    # its own spending: pytest-xdist may run this test in a worker of its own, with an app nothing has used yet
    bus = app.bus()
    pid = bus.request("storage", CreateProject(name="Spent")).project.id
    bus.request(
        "storage",
        RecordUsage(project_id=pid, model="claude-sonnet-4-5", input_tokens=1200, output_tokens=800, cost_usd=0.42),
    )
    app.paths.config_file.write_text("spending_limit_project_usd = 3.5\n")
    page.click("a[data-nav=settings]")
    page.wait_for_selector("#view-settings[data-ready='1']:not(.hidden)", timeout=WAIT)
    expect(page.locator("#set-spending_limit_project_usd")).to_have_value("3.5")
    expect(page.locator("#set-spending_warn_day_usd")).to_have_value("5")

    report = json.loads(app.cli("usage", "--json", "--days", "7").stdout)
    assert "Spent" in [row["name"] for row in report["by_project"]]
    table = page.locator("table[data-group=project]")
    expect(table).to_be_visible(timeout=WAIT)
    for row in report["by_project"]:
        cost = f"${row['cost_usd']:.2f}" if row["cost_usd"] >= 0.1 else f"${row['cost_usd']:.3f}"
        expect(table.locator("tr", has_text=row["name"])).to_contain_text(cost)
    total = report["total"]["cost_usd"]
    expect(page.locator("#usage-total")).to_contain_text(f"${total:.2f} · {report['total']['requests']} requests")
    page.locator("#spending-card").scroll_into_view_if_needed()
    page.locator("#spending-card").screenshot(path=str(shots / "spending-settings.png"), animations="disabled")

    page.fill("#set-spending_limit_day_usd", "-3")
    page.click("#spending-save")
    expect(page.locator("#spending-status.bad")).to_contain_text("spending_limit_day_usd must be an amount")
    page.fill("#set-spending_limit_day_usd", "20")
    page.click("#spending-save")
    expect(page.locator("#spending-status.ok")).to_be_visible(timeout=WAIT)
    config = tomllib.loads(app.paths.config_file.read_text())
    assert config["spending_limit_day_usd"] == 20 and config["spending_limit_project_usd"] == 3.5
