"""The element picker in a real browser (issue 20 item 1): a person picks a button in a generated app, the chip shows
over the message box, the prompt goes out with the element's context (checked in the request the test Anthropic
server received), Escape cancels from either side of the frame, and chips are removed with × or the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT, wait_preview_loaded
from conftest import start_app
from test_ui_browser import ANSWER, KEY

from tests.fakes import FakeAnthropic

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def fake():
    with FakeAnthropic() as server:
        server.answers["app"] = ANSWER
        yield server


@pytest.fixture(scope="module")
def app(fake, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("pick") / "home", ANTHROPIC_BASE_URL=fake.url, ANTHROPIC_API_KEY=KEY)
    yield running
    running.stop()


def generated_app(page, app, name: str) -> str:
    """A project whose app the agent generated (through the chat), its preview loaded: its id."""
    from vibing.schema.storage import CreateProject

    pid = app.bus().request("storage", CreateProject(name=name)).project.id
    page.evaluate(f"location.hash = '#/p/{pid}'")
    page.wait_for_selector(f"#view-project:not(.hidden) #project-name:has-text('{name}')", timeout=WAIT)
    page.fill("#prompt", "A pomodoro timer [[scenario:normal answer=app]]")
    page.click("#send-btn")
    page.wait_for_selector("#progress-spinner.done", timeout=30_000)
    page.wait_for_selector("#file-tree li[data-path='index.html']", timeout=WAIT)
    page.frame_locator("#preview").locator("#start").wait_for(timeout=WAIT)
    wait_preview_loaded(page)
    return pid


def start_picking(page) -> None:
    page.click("#preview-pick")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "true")
    # armed: the preview answered, and its outline appears where the pointer is
    expect(page.locator("#pick-hint")).to_have_text("Point at an element in the preview and click it. Esc cancels.")
    page.frame_locator("#preview").locator("vibing-picker").wait_for(state="attached", timeout=WAIT)


def test_pick_a_button_and_the_prompt_carries_it_to_the_model(page, app, fake, shots):
    pid = generated_app(page, app, "Picked timer")
    frame = page.frame_locator("#preview")
    start_picking(page)
    frame.locator("#start").hover()
    label = frame.locator("vibing-picker div").nth(1)
    expect(label).to_have_text(__import__("re").compile(r"^button  \d+×\d+$"), timeout=WAIT)
    frame.locator("#title").hover()
    expect(label).to_have_text(__import__("re").compile(r"^h1  \d+×\d+$"), timeout=WAIT)
    page.screenshot(path=str(shots / "20-picking.png"), animations="disabled")
    frame.locator("#start").click()
    chip = page.locator("#chips .chip")
    expect(chip).to_have_count(1, timeout=WAIT)
    expect(chip.locator(".chip-sel")).to_have_text("#start")
    expect(chip.locator(".chip-text")).to_have_text("“Start”")
    expect(chip.locator(".chip-file")).to_have_text("index.html")
    assert '<button id="start">Start</button>' in chip.get_attribute("title")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "false")
    expect(frame.locator("vibing-picker")).to_have_count(0)
    # the click was the picker's, not the app's: its handler did not run
    assert page.frames[1].evaluate("document.title") == "Pomodoro"
    expect(page.locator("#prompt")).to_be_focused()
    page.screenshot(path=str(shots / "21-picked-chip.png"), animations="disabled")

    sent_before = len(fake.requests)
    page.fill("#prompt", "Make it bigger [[scenario:normal answer=app]]")
    page.click("#send-btn")
    expect(page.locator("#chips .chip")).to_have_count(0)
    expect(page.locator(".msg.user").last.locator(".msg-chips .chip-sel")).to_have_text("#start")
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)
    # reloaded from storage, the prompt reads the same: its words, and what it was about as a chip
    page.reload()
    sent = page.locator(".msg.user").last
    expect(sent.locator(".msg-chips .chip-sel")).to_have_text("#start", timeout=WAIT)
    expect(sent).not_to_contain_text("(about:")
    request = fake.requests[sent_before]
    turn = request.body["messages"][-1]
    assert turn["role"] == "user"
    text = turn["content"] if isinstance(turn["content"], str) else "".join(b.get("text", "") for b in turn["content"])
    assert text.startswith("Make it bigger [[scenario:normal answer=app]]\n\nI picked this element in the preview.")
    assert "Change exactly it as I asked above" in text
    assert "Element 1: #start (a <button>) in index.html\nIts text: 'Start'" in text
    assert '```html\n<button id="start">Start</button>\n```' in text
    # the conversation keeps the words and a one-line trace of what they were about
    from vibing.schema.storage import LoadProject

    messages = app.bus().request("storage", LoadProject(project_id=pid)).messages
    assert [m.content for m in messages if m.role == "user"][-1] == (
        "Make it bigger [[scenario:normal answer=app]]\n(about: #start)"
    )


def test_escape_cancels_from_the_page_and_from_the_preview(page, app):
    generated_app(page, app, "Cancelled pick")
    frame = page.frame_locator("#preview")
    # the focus in the page (the button): Escape there cancels
    start_picking(page)
    page.keyboard.press("Escape")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#pick-hint")).to_be_hidden()
    expect(frame.locator("vibing-picker")).to_have_count(0)
    # the focus in the preview: its Escape is the picker's, and the page hears it was cancelled
    start_picking(page)
    frame.locator("#title").hover()
    frame.locator("body").press("Escape")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "false")
    expect(frame.locator("vibing-picker")).to_have_count(0)
    # the shortcut starts a pick and pressing it again stops it
    page.focus("#prompt")
    page.keyboard.press("Control+i")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "true")
    page.keyboard.press("Control+i")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "false")
    # nothing was picked, and a click in the app is the app's again
    expect(page.locator("#chips .chip")).to_have_count(0)
    frame.locator("#start").click()
    page.wait_for_function("() => document.querySelector('#preview') && true")
    assert page.frames[1].evaluate("document.title") == "Running"


def test_chips_are_removed_with_their_button_and_with_the_keyboard(page, app):
    generated_app(page, app, "Removed chips")
    frame = page.frame_locator("#preview")
    for n, target in enumerate(("#title", "#start", "html"), 1):
        start_picking(page)
        # the page's margin, outside <body>, is the root element: the picker takes <body> for it
        frame.locator(target).click(position={"x": 3, "y": 3} if target == "html" else None)
        expect(page.locator("#chips .chip")).to_have_count(n)
    expect(page.locator("#chips .chip-sel")).to_have_text(["#title", "#start", "body"])
    # the same element again is not a second chip
    start_picking(page)
    frame.locator("#start").click()
    expect(page.locator("#pick-hint")).to_have_text("That element is picked already.")
    expect(page.locator("#chips .chip")).to_have_count(3)
    # × removes one
    page.click("#chips .chip:nth-child(2) .chip-x")
    expect(page.locator("#chips .chip-sel")).to_have_text(["#title", "body"])
    # Backspace on a focused chip removes it and the focus stays in the list; Delete removes the last
    page.focus("#chips .chip:nth-child(1)")
    page.keyboard.press("Backspace")
    expect(page.locator("#chips .chip-sel")).to_have_text(["body"])
    expect(page.locator("#chips .chip")).to_be_focused()
    page.keyboard.press("Delete")
    expect(page.locator("#chips .chip")).to_have_count(0)
    expect(page.locator("#chips")).to_be_hidden()
    expect(page.locator("#prompt")).to_be_focused()


def files_project(page, app, name: str, files: dict[str, str], *, loaded: bool = True) -> str:
    from vibing.schema.storage import CreateProject, FileWrite

    pid = (
        app.bus()
        .request("storage", CreateProject(name=name, files=[FileWrite(path=p, content=c) for p, c in files.items()]))
        .project.id
    )
    page.evaluate(f"location.hash = '#/p/{pid}'")
    page.wait_for_selector(f"#view-project:not(.hidden) #project-name:has-text('{name}')", timeout=WAIT)
    if loaded:
        wait_preview_loaded(page)
    return pid


def test_a_page_that_navigates_away_while_picking_is_picked_from_where_it_went(page, app):
    leaving = """<!doctype html><html><head><meta charset="utf-8"></head><body><h1>First page</h1><script>
    addEventListener('message', function (e) { if (e.data && e.data.type === 'start') location.href = 'next.html'; });
    </script></body></html>"""
    following = '<!doctype html><html><body><p class="lead note">On the next page</p></body></html>'
    files_project(page, app, "Navigating", {"index.html": leaving, "next.html": following})
    page.click("#preview-pick")
    frame = page.frame_locator("#preview")
    frame.locator("p.lead").wait_for(timeout=WAIT)
    frame.locator("vibing-picker").wait_for(state="attached", timeout=WAIT)  # armed again in the new page
    frame.locator("p.lead").click()
    chip = page.locator("#chips .chip")
    expect(chip).to_have_count(1, timeout=WAIT)
    expect(chip.locator(".chip-sel")).to_have_text("body > p")
    expect(chip.locator(".chip-file")).to_have_text("next.html")


def test_a_preview_that_cannot_answer_the_picker_is_said_so_and_escape_still_cancels(page, app):
    """The page went on to a document the picker is not in (a text file): the person hears so, nothing hangs."""
    leaving = "<!doctype html><html><body><script>location.replace('notes.txt')</script></body></html>"
    files_project(page, app, "Not a page", {"index.html": leaving, "notes.txt": "just text"}, loaded=False)
    page.frame_locator("#preview").locator("text=just text").wait_for(timeout=WAIT)
    page.click("#preview-pick")
    expect(page.locator("#pick-hint")).to_have_text(
        "The preview does not answer the picker (it may still be loading, or the page blocks it). "
        "Reload the preview, or press Esc.",
        timeout=WAIT,
    )
    page.keyboard.press("Escape")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "false")
    expect(page.locator("#pick-hint")).to_be_hidden()
    expect(page.locator("#chips .chip")).to_have_count(0)


def test_the_outline_follows_the_pointer_over_a_page_of_2000_elements(page, app):
    """The page of issue 20's measure (bench/ui.py's ``shell.ui_picker_outline_p95_ms`` times it): on each of 500
    elements spread over 2,001, a pointermove puts the outline exactly around it.  The timing is the bench's."""
    from vibing.bench import ui as ui_bench

    files_project(page, app, "Two thousand", {"index.html": ui_bench.BIG_PAGE})
    start_picking(page)
    frame = next(f for f in page.frames if f.parent_frame is page.main_frame)
    assert frame.evaluate("document.querySelectorAll('body *').length") == 2001
    times = frame.evaluate(ui_bench.PICKER_OUTLINE, ui_bench.OUTLINE_MOVES)
    assert times is not None, "the outline did not follow the element"
    assert len(times) == 500 and all(t >= 0 for t in times)
    (row,) = ui_bench.outline_rows(times)
    assert row.id == "shell.ui_picker_outline_p95_ms" and row.target == 16.0 and "p95 of 500 moves" in row.note
    page.keyboard.press("Escape")


def test_the_picker_and_vibing_generate_element_describe_an_element_alike(page, app):
    """The picker's selector rule (JavaScript, in the preview) and ``vibing/cli/elements.py``'s (Python, over the
    source) give the same selector, tag and text for the same element: ids when unique, nth-of-type paths otherwise."""
    from test_cli_elements import PAGE

    from vibing.cli.elements import pick

    source = PAGE.split("  <script>")[0] + "</body></html>\n"  # without the script that rewrites a button's text
    files_project(page, app, "Alike", {"index.html": source})
    frame = page.frame_locator("#preview")
    targets = ["#title", ".cta", "section:nth-of-type(2) p", "nav a:nth-of-type(2)", "ul li:nth-of-type(3)"]
    for n, target in enumerate(targets, 1):
        start_picking(page)
        frame.locator(target).first.click()
        chip = page.locator("#chips .chip").nth(n - 1)
        expect(page.locator("#chips .chip")).to_have_count(n)
        expected = pick(source, target)
        assert chip.get_attribute("title").split("\n")[0] == f"<{expected.tag}> {expected.selector} in index.html"
        expect(chip.locator(".chip-text")).to_have_text(f"“{expected.text}”")
    assert pick(source, "ul li:nth-of-type(3)").selector == "body > main > ul > li:nth-of-type(3)"  # id used twice
