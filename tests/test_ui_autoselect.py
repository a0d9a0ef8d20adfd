"""Auto-select in the composer, in a real headless Chromium against `vibing web` and a real headless app.

While a person types with the agent picker on "Auto-select", the line under the composer shows the agent the
selector picked, its calibrated confidence as a badge and the selector's sentence; when the pick is unclear it
says "No clear specialist" and offers the two runners-up as buttons that switch the picker in one click (or
with the keyboard). What the line must show is read from the agent service itself (`vibing agents pick --json`
with the same context the page sends), never hard-coded here.

Screenshots: auto-select.png (a confident pick) and auto-select-unclear.png (runners-up), in the module's
screenshot folder (docs/screenshots/ with VIBING_SCREENSHOTS=docs/screenshots).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import provider_chosen, start_app

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

CLEAR = "a snake game with a high score table"
#: Requests that name no subject; the first the selector is unsure about is the unclear case.
VAGUE = (
    "something for the weekend",
    "make it nicer",
    "a thing for my friends",
    "something fun to show people",
    "help me with my idea",
    "a little thing for the kids",
    "something with music and photos",
    "a page where people can share stuff",
    "make it work offline",
    "add some sound",
)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("autoselect") / "home")
    provider_chosen(running)
    yield running
    running.stop()


def pick(app, prompt: str, *options: str) -> dict:
    """The agent service's selection for ``prompt`` (through the app's CLI, as a person would ask it)."""
    done = app.cli("agents", "pick", "--json", "--helpers", "0", *options, prompt)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def unclear(app) -> tuple[str, dict]:
    """The first vague request the selector is unsure about in an empty website project, and its reply."""
    for request in VAGUE:
        reply = pick(app, request, "--type", "website")
        if reply.get("uncertain"):
            return request, reply
    pytest.fail(
        "the agent service was sure about every vague request, so the unclear state cannot be shown: "
        f"none of {list(VAGUE)} came back with uncertain: true (vibing agents pick --json --type website ...)"
    )


def open_project(page, app, name: str, project_type: str, files=(), turns=()) -> str:
    """A project created through storage (with ``turns``: (prompt, agent) pairs), opened in the page."""
    from vibing.schema.storage import AddMessage, CreateProject, FileWrite

    bus = app.bus()
    project = bus.request(
        "storage",
        CreateProject(
            name=name, project_type=project_type, files=[FileWrite(path=p, content=f"<!-- {p} -->") for p in files]
        ),
    ).project
    for prompt, agent in turns:
        bus.request("storage", AddMessage(project_id=project.id, role="user", content=prompt))
        bus.request("storage", AddMessage(project_id=project.id, role="assistant", content="Done.", agent=agent))
    page.goto(page.url.split("#")[0] + f"#/p/{project.id}")
    page.wait_for_selector(f"#project-name:has-text('{name}')", timeout=WAIT)
    page.wait_for_function("document.querySelector('#agent-picker').options.length > 1", timeout=WAIT)
    return project.id


def line(page) -> str:
    return page.inner_text("#agent-why")


def composer_shot(page, path: Path) -> None:
    """A screenshot of the chat pane's composer with a margin of the pane around it."""
    pane = page.locator(".chat-pane").bounding_box()
    box = page.locator("#composer").bounding_box()
    top = box["y"] - 20
    clip = {"x": pane["x"], "y": top, "width": pane["width"], "height": pane["y"] + pane["height"] - top}
    page.screenshot(path=str(path), clip=clip, animations="disabled")


def type_prompt(page, text: str) -> None:
    page.click("#prompt")
    page.fill("#prompt", text)


def test_a_clear_request_shows_the_pick_its_confidence_and_why(page, app, shots):
    reply = pick(app, CLEAR, "--type", "game")
    assert not reply.get("uncertain") and not reply.get("fallback"), f"the selector is unsure about {CLEAR!r}: {reply}"
    name = reply["primary"]["name"]
    open_project(page, app, "Snake", "game")
    height = page.locator("#agent-why").bounding_box()["height"]
    type_prompt(page, CLEAR)
    page.wait_for_selector("#agent-why[data-mode='confident'] .agent-conf", timeout=WAIT)
    assert page.inner_text("#agent-why .agent-name") == name
    badge = page.inner_text("#agent-why .agent-conf")
    assert re.fullmatch(r"\d{1,3} %", badge), badge
    assert badge == f"{round(reply['confidence'] * 100)} %"
    # the selector's sentence, its "Picked <name>:" not said twice, and the full description in the tooltip
    why = page.inner_text("#agent-why .agent-because")
    assert len(why) > 10 and reply["explanation"].lower().endswith(why.lower()), (why, reply["explanation"])
    assert line(page).count(name) == 1
    assert reply["primary"]["description"] in page.get_attribute("#agent-why", "title")
    # the line's height was kept for it: nothing moved when it appeared
    assert page.locator("#agent-why").bounding_box()["height"] == height
    composer_shot(page, shots / "auto-select.png")
    # chosen by hand: that agent and its description, no confidence
    page.select_option("#agent-picker", "game-developer")
    page.wait_for_selector("#agent-why[data-mode='chosen'] .agent-name:text-is('game-developer')", timeout=WAIT)
    assert "chosen by you" in line(page)
    assert page.locator("#agent-why .agent-conf").count() == 0
    # back to auto-select: the pick for the words already typed comes back
    page.select_option("#agent-picker", "")
    page.wait_for_selector(f"#agent-why[data-mode='confident'] .agent-name:text-is('{name}')", timeout=WAIT)


def test_an_unclear_request_offers_the_runners_up_in_one_click(page, app, unclear, shots):
    request, reply = unclear
    generalist = reply["primary"]["name"]
    runners_up = [r["name"] for r in reply["runners_up"]]
    assert len(runners_up) == 2, reply
    open_project(page, app, "Weekend", "website")

    def unsure() -> list:
        page.wait_for_selector("#agent-why[data-mode='uncertain'] button.agent-alt", timeout=WAIT)
        assert line(page).startswith("No clear specialist — "), line(page)
        assert page.inner_text("#agent-why .agent-name") == generalist
        buttons = page.locator("#agent-why button.agent-alt")
        assert buttons.all_inner_texts() == runners_up
        return buttons

    type_prompt(page, request)
    buttons = unsure()
    for i, runner in enumerate(reply["runners_up"]):
        assert buttons.nth(i).get_attribute("aria-label") == f"Use {runner['name']} instead"
        assert buttons.nth(i).get_attribute("title") == runner["reason"]
    composer_shot(page, shots / "auto-select-unclear.png")

    # a click: the picker is on that agent and the line says it was chosen by the person
    buttons.nth(0).click()
    page.wait_for_selector(
        f"#agent-why[data-mode='chosen-runner-up'] .agent-name:text-is('{runners_up[0]}')", timeout=WAIT
    )
    assert page.input_value("#agent-picker") == runners_up[0]
    assert "chosen by you" in line(page)
    # typing on keeps the person's choice
    page.type("#prompt", " please")
    assert page.input_value("#agent-picker") == runners_up[0]
    assert page.inner_text("#agent-why .agent-name") == runners_up[0]

    # the keyboard: Tab from the prompt reaches the second button, with a visible focus ring, and Enter uses it
    page.fill("#prompt", request)
    page.select_option("#agent-picker", "")  # back to auto-select: the words typed are read at once
    unsure()
    page.focus("#prompt")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.agent || ''") == runners_up[1]:
            break
    else:
        pytest.fail(f"Tab from the prompt never reached the {runners_up[1]} button")
    ring = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring == "solid", ring
    page.keyboard.press("Enter")
    page.wait_for_selector(
        f"#agent-why[data-mode='chosen-runner-up'] .agent-name:text-is('{runners_up[1]}')", timeout=WAIT
    )
    assert page.input_value("#agent-picker") == runners_up[1]

    # and Space on a focused button works as well
    page.select_option("#agent-picker", "")
    unsure()
    page.focus("#agent-why button.agent-alt >> nth=0")
    page.keyboard.press("Space")
    page.wait_for_selector(
        f"#agent-why[data-mode='chosen-runner-up'] .agent-name:text-is('{runners_up[0]}')", timeout=WAIT
    )
    assert page.input_value("#agent-picker") == runners_up[0]


def test_a_follow_up_is_read_with_the_projects_files_and_agents(page, app):
    request = "make the buttons bigger"
    earlier = "arcade-game-developer"
    alone = pick(app, request, "--type", "game")
    in_project = pick(app, request, "--type", "game", "--after", earlier, "--files", "index.html,game.js")
    assert in_project["primary"]["name"] != alone["primary"]["name"], (
        "the project's context does not change this pick, so the test would not show that the page sends it",
        alone,
        in_project,
    )
    open_project(page, app, "Breakout", "game", files=("index.html", "game.js"), turns=(("a breakout game", earlier),))
    type_prompt(page, request)
    page.wait_for_selector(f"#agent-why .agent-name:text-is('{in_project['primary']['name']}')", timeout=WAIT)
    mode = "uncertain" if in_project.get("uncertain") else "fallback" if in_project.get("fallback") else "confident"
    assert page.get_attribute("#agent-why", "data-mode") == mode
