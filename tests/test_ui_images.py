"""Images in the chat, in a real browser (issue 20 items 2 and 3): a person pastes, drops or picks an image, sees it
as a thumbnail chip, and the prompt goes upstream with it (checked in the request the test Anthropic server
received); SVG, damaged and oversized files are refused with a message and nothing lost; a photo's EXIF orientation
is applied; a model that cannot see images is said so before anything is sent; thumbnails come back after a reload
and open full size; a screenshot of the preview becomes a chip; and a 12-megapixel photo reaches its chip fast."""

from __future__ import annotations

import base64
import re
import struct
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT, signed_in_page
from conftest import provider_chosen, serving_web, start_app
from test_ui_browser import ANSWER, KEY
from test_ui_picker import files_project, generated_app

from tests.fakes import FakeAnthropic
from tests.fakes.images import SVG, png
from vibing.bench.ui import PHOTO_TO_CHIP

playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")

SAY = "[[scenario:normal answer=app]]"


@pytest.fixture(scope="module")
def fake():
    with FakeAnthropic() as server:
        server.answers["app"] = ANSWER
        yield server


@pytest.fixture(scope="module")
def app(fake, tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("images") / "home", ANTHROPIC_BASE_URL=fake.url, ANTHROPIC_API_KEY=KEY)
    yield running
    running.stop()


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def paste(page, raw: bytes, name: str, mime: str) -> bool:
    """A synthetic paste of one file into the message box (as the clipboard gives it); whether the page took it."""
    return page.evaluate(
        """([data, name, type]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], name, { type }));
            const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
            document.querySelector('#prompt').dispatchEvent(e);
            return e.defaultPrevented;
        }""",
        [b64(raw), name, mime],
    )


def drop(page, files: list[tuple[bytes, str, str]], target: str = "#messages") -> None:
    """Files dragged from the desktop and dropped on ``target``."""
    page.evaluate(
        """([files, target]) => {
            const dt = new DataTransfer();
            for (const [data, name, type] of files) dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type }));
            const el = document.querySelector(target);
            for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
        }""",
        [[[b64(raw), name, mime] for raw, name, mime in files], target],
    )


def chip_title(page, n: int = 0) -> str:
    return page.locator("#image-chips .chip").nth(n).get_attribute("title")


def png_size(raw: bytes) -> tuple[int, int]:
    assert raw[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", raw[16:24])


def last_user_turn(fake, since: int) -> list:
    request = [r for r in fake.requests[since:] if r.path.endswith("/messages")][-1]
    turn = request.body["messages"][-1]
    assert turn["role"] == "user"
    return turn["content"]


def test_a_pasted_image_goes_upstream_as_an_image_block_before_the_text(page, app, fake, shots):
    generated_app(page, app, "Pasted")
    page.fill("#prompt", "Make it look like this " + SAY)
    image = png(300, 200, (20, 120, 220))
    assert paste(page, image, "design.png", "image/png")
    chip = page.locator("#image-chips .chip")
    expect(chip).to_have_count(1, timeout=WAIT)
    expect(chip.locator(".chip-sel")).to_have_text("design.png")
    assert chip_title(page).startswith("design.png: 300×200")
    assert page.input_value("#prompt") == "Make it look like this " + SAY  # the words typed stay as they were
    page.screenshot(path=str(shots / "20-image-chip.png"), animations="disabled")
    since = len(fake.requests)
    page.click("#send-btn")
    expect(chip).to_have_count(0)
    expect(page.locator(".msg.user").last.locator(".msg-images img")).to_have_count(1)
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)
    content = last_user_turn(fake, since)
    # the whole user turn, exactly: its own bytes (small enough: untouched) in an image block before the words (the
    # last block carries the prompt cache's breakpoint)
    assert content == [
        {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": b64(image)}},
        {"type": "text", "text": "Make it look like this " + SAY, "cache_control": {"type": "ephemeral"}},
    ]


def test_a_dropped_image_is_downscaled_and_several_chips_are_removed_by_keyboard(page, app, fake):
    generated_app(page, app, "Dropped")
    wide = png(3000, 1000, (240, 200, 10))
    drop(page, [(wide, "wide.png", "image/png"), (png(40, 40), "small.png", "image/png")])
    chips = page.locator("#image-chips .chip")
    expect(chips).to_have_count(2, timeout=WAIT)
    assert chip_title(page, 0).startswith("wide.png: 1568×523")
    assert chip_title(page, 1).startswith("small.png: 40×40")
    # the drop was the chat's: nothing landed in the project's files
    assert page.locator("#file-tree li[data-path='wide.png']").count() == 0
    # Delete on a focused chip removes it, the focus stays in the list
    page.focus("#image-chips .chip:nth-child(2)")
    page.keyboard.press("Delete")
    expect(chips).to_have_count(1)
    expect(chips).to_be_focused()
    # no words with it: said, and nothing sent
    page.focus("#prompt")
    page.keyboard.press("Enter")
    expect(page.locator("#toasts .toast").filter(has_text="Say what the image is for, then send")).to_have_count(1)
    expect(chips).to_have_count(1)
    assert page.locator(".msg.user").count() == 1  # the generated app's prompt only
    page.fill("#prompt", "Use this banner " + SAY)
    since = len(fake.requests)
    page.click("#send-btn")
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)
    block = last_user_turn(fake, since)[0]
    assert block["type"] == "image" and block["source"]["media_type"] == "image/png"
    assert png_size(base64.b64decode(block["source"]["data"])) == (1568, 523)


def test_the_attach_button_opens_the_file_picker_and_refuses_svg_and_damaged_files(page, app, fake):
    generated_app(page, app, "Picked files")
    page.fill("#prompt", "Keep these words")
    # every refusal said, kept here: a toast leaves after a few seconds, and a loaded machine may be slower than that
    page.evaluate(
        """() => {
            window.__said = [];
            new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach((n) => {
                if (n.classList && n.classList.contains('bad')) window.__said.push(n.textContent);
            }))).observe(document.querySelector('#toasts'), { childList: true });
        }"""
    )

    def said(text: str) -> None:
        page.wait_for_function("(t) => window.__said.filter((s) => s.includes(t)).length === 1", arg=text, timeout=WAIT)

    with page.expect_file_chooser(timeout=WAIT) as chooser:
        page.locator("#attach-image").press("Enter")  # the keyboard's way: focus it, then Enter
    assert chooser.value.is_multiple()
    chooser.value.set_files(
        [
            {"name": "logo.svg", "mimeType": "image/svg+xml", "buffer": SVG},
            {"name": "broken.png", "mimeType": "image/png", "buffer": png(50, 50)[:60]},
            {"name": "renamed.png", "mimeType": "image/png", "buffer": b"GIF87a not really a gif at all"},
            {"name": "notes.png", "mimeType": "image/png", "buffer": b"just some text"},
            {"name": "ok.png", "mimeType": "image/png", "buffer": png(64, 48)},
        ]
    )
    chips = page.locator("#image-chips .chip")
    expect(chips).to_have_count(1, timeout=WAIT)
    expect(chips.locator(".chip-sel")).to_have_text("ok.png")
    said("logo.svg is an SVG image, which is refused: an SVG can carry script.")
    said("broken.png could not be read: the file is damaged")
    said("renamed.png could not be read")
    said("notes.png is not a PNG, JPEG, GIF or WebP image.")
    assert page.input_value("#prompt") == "Keep these words"
    # over 20 MB: refused before it is even read, the chips and the words as they were
    big = page.evaluate(
        """async () => {
            const dt = new DataTransfer();
            const head = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
            dt.items.add(new File([head, new Uint8Array(50 * 1024 * 1024)], 'huge.png', { type: 'image/png' }));
            const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
            document.querySelector('#prompt').dispatchEvent(e);
            return e.defaultPrevented;
        }"""
    )
    assert big
    said("huge.png is 50.0 MB: images up to 20 MB are accepted.")
    expect(chips).to_have_count(1)
    assert page.input_value("#prompt") == "Keep these words"


def exif_jpeg(page) -> bytes:
    """A 40×20 JPEG, left half red and right half blue, tagged EXIF orientation 6 (shown turned 90° clockwise)."""
    plain = base64.b64decode(
        page.evaluate(
            """async () => {
                const c = new OffscreenCanvas(40, 20), g = c.getContext('2d');
                g.fillStyle = '#f00'; g.fillRect(0, 0, 20, 20); g.fillStyle = '#00f'; g.fillRect(20, 0, 20, 20);
                const b = await c.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
                const u = await new Promise((ok) => { const r = new FileReader(); r.onload = () => ok(r.result); r.readAsDataURL(b); });
                return u.slice(u.indexOf(',') + 1);
            }"""
        )
    )
    # TIFF header (big endian), IFD0 with one entry: Orientation (0x0112), SHORT, 1 value, 6
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, 6, 0)
    tiff += struct.pack(">I", 0)
    app1 = b"Exif\x00\x00" + tiff
    return plain[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + plain[2:]


def test_a_photo_with_exif_orientation_is_sent_upright(page, app, fake):
    generated_app(page, app, "Turned photo")
    photo = exif_jpeg(page)
    assert paste(page, photo, "phone.jpg", "image/jpeg")
    expect(page.locator("#image-chips .chip")).to_have_count(1, timeout=WAIT)
    assert chip_title(page).startswith("phone.jpg: 20×40")  # turned: 20 wide, 40 high
    page.fill("#prompt", "Put this photo in " + SAY)
    since = len(fake.requests)
    page.click("#send-btn")
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)
    block = last_user_turn(fake, since)[0]
    assert block["source"]["media_type"] == "image/jpeg"
    sent = block["source"]["data"]
    assert base64.b64decode(sent) != photo  # drawn upright, so new bytes (with no orientation left to apply)
    # what was sent, decoded as it is (no orientation applied again): red on top, blue at the bottom
    top, bottom = page.evaluate(
        """async (data) => {
            const blob = new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: 'image/jpeg' });
            const bm = await createImageBitmap(blob, { imageOrientation: 'none' });
            const c = new OffscreenCanvas(bm.width, bm.height), g = c.getContext('2d');
            g.drawImage(bm, 0, 0);
            return [[...g.getImageData(10, 5, 1, 1).data], [...g.getImageData(10, 35, 1, 1).data], bm.width, bm.height];
        }""",
        sent,
    )[:2]
    assert top[0] > 200 and top[2] < 60, top
    assert bottom[2] > 200 and bottom[0] < 60, bottom


def test_thumbnails_come_back_after_a_reload_and_open_full_size(page, app, fake, shots):
    pid = generated_app(page, app, "Reloaded images")
    assert paste(page, png(120, 80, (10, 200, 10)), "green.png", "image/png")
    assert paste(page, png(90, 90, (200, 10, 200)), "purple.png", "image/png")
    expect(page.locator("#image-chips .chip")).to_have_count(2, timeout=WAIT)
    page.fill("#prompt", "Two colours " + SAY)
    page.click("#send-btn")
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)
    page.reload()
    page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
    page.evaluate(f"location.hash = '#/p/{pid}'")
    thumbs = page.locator(".msg.user").last.locator(".msg-image")
    expect(thumbs).to_have_count(2, timeout=WAIT)
    src = thumbs.first.locator("img").get_attribute("src")
    assert re.fullmatch(r"/attachment/[A-Za-z0-9_-]+", src), src
    page.wait_for_function(
        "() => [...document.querySelectorAll('.msg.user .msg-image img')].every((i) => i.complete && i.naturalWidth > 0)",
        timeout=WAIT,
    )
    # Enter on the focused thumbnail opens it full size; Esc closes it and the focus goes back
    thumbs.nth(1).focus()
    page.keyboard.press("Enter")
    dialog = page.locator("#image-modal")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("role", "dialog")
    expect(page.locator("#image-modal-title")).to_have_text("purple.png")
    expect(page.locator("#image-modal-close")).to_be_focused()
    page.wait_for_function("() => document.querySelector('#image-modal-img').naturalWidth === 90", timeout=WAIT)
    page.screenshot(path=str(shots / "20-image-full.png"), animations="disabled")
    page.keyboard.press("Tab")  # the focus stays in the dialog
    expect(page.locator("#image-modal-close")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(thumbs.nth(1)).to_be_focused()
    # a click opens it too
    thumbs.first.click()
    expect(page.locator("#image-modal-title")).to_have_text("green.png")
    page.click("#image-modal-close")
    expect(dialog).to_be_hidden()


def test_a_follow_up_says_which_earlier_images_were_sent_again(page, app, fake):
    generated_app(page, app, "Resent")
    assert paste(page, png(30, 30), "first.png", "image/png")
    expect(page.locator("#image-chips .chip")).to_have_count(1, timeout=WAIT)
    page.fill("#prompt", "Like this picture " + SAY)
    page.click("#send-btn")
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)
    since = len(fake.requests)
    page.fill("#prompt", "Now make the title red " + SAY)
    page.click("#send-btn")
    note = page.locator(".msg.assistant").last.locator(".resent-note")
    said = "Sent again: the images of 1 earlier message (“" + ("Like this picture " + SAY)[:40] + "”)."
    expect(note).to_have_text(said, timeout=WAIT)
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)
    request = [r for r in fake.requests[since:] if r.path.endswith("/messages")][-1]
    earlier = [t for t in request.body["messages"] if t["role"] == "user" and isinstance(t["content"], list)]
    assert any(b["type"] == "image" for t in earlier for b in t["content"])


def test_a_screenshot_of_the_preview_becomes_an_image_chip(page, app, fake, shots):
    generated_app(page, app, "Shown preview")
    page.click("#preview-shot")
    chip = page.locator("#image-chips .chip")
    expect(chip).to_have_count(1, timeout=WAIT)
    expect(chip.locator(".chip-sel")).to_have_text("preview screenshot.png")
    size = page.evaluate(
        "() => { const f = document.querySelector('#preview'); return [f.clientWidth, f.clientHeight]; }"
    )
    assert re.match(rf"preview screenshot\.png: {size[0]}×{size[1]}", chip_title(page)), (chip_title(page), size)
    # the picture is the page: its dark background (#101014) and not a blank canvas
    page.fill("#prompt", "What do you see? " + SAY)
    since = len(fake.requests)
    page.click("#send-btn")
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)
    block = last_user_turn(fake, since)[0]
    assert block["source"]["media_type"] == "image/png"
    pixels = page.evaluate(
        """async (data) => {
            const bm = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))]));
            const c = new OffscreenCanvas(bm.width, bm.height), g = c.getContext('2d');
            g.drawImage(bm, 0, 0);
            const d = g.getImageData(0, 0, bm.width, bm.height).data;
            let dark = 0, light = 0;
            for (let i = 0; i < d.length; i += 4) { if (d[i] < 40 && d[i + 1] < 40 && d[i + 2] < 40) dark++; else if (d[i] > 200) light++; }
            return [dark / (d.length / 4), light];
        }""",
        block["source"]["data"],
    )
    assert pixels[0] > 0.5 and pixels[1] > 0, pixels  # mostly the page's background, with its light text on it


def test_fix_this_attaches_a_screenshot_when_the_person_agrees(page, app, fake):
    broken = """<!doctype html><html><head><meta charset="utf-8"></head><body style="background:#fff">
    <h1>Broken</h1><script>console.error('the chart failed to draw')</script></body></html>"""
    files_project(page, app, "Broken page", {"index.html": broken})
    page.wait_for_selector("#console-list li:has-text('the chart failed to draw')", timeout=WAIT)
    expect(page.locator("#fix-shot")).not_to_be_checked()
    page.check("#fix-shot")
    since = len(fake.requests)
    # the fake answers by scenario: the fix's prompt has none, so it gets the default answer
    page.click("#fix-btn")
    expect(page.locator(".msg.user")).to_have_count(1, timeout=WAIT)
    page.wait_for_function("() => !window.__vibing.activeStream", timeout=30_000)
    content = last_user_turn(fake, since)
    assert content[0]["type"] == "image" and content[0]["source"]["media_type"] == "image/png"
    assert "the chart failed to draw" in content[-1]["text"]


@pytest.fixture(scope="module")
def blind_app(fake, tmp_path_factory):
    """An app whose provider is an OpenAI-compatible server with no image setting: its models cannot see images."""
    running = start_app(
        tmp_path_factory.mktemp("blind") / "home",
        VIBING_PROVIDER="openai",
        VIBING_OPENAI_BASE_URL=f"{fake.url}/v1",
        VIBING_OPENAI_MODEL="llama3.2",
    )
    provider_chosen(running)
    yield running
    running.stop()


def test_a_model_that_cannot_see_images_is_said_so_before_anything_is_sent(browser, blind_app, fake):
    with serving_web(blind_app) as url, signed_in_page(browser, url) as page:
        files_project(page, blind_app, "Blind", {"index.html": "<h1>hi</h1>"})
        page.wait_for_function("() => window.__vibing.models.length > 0", timeout=WAIT)
        assert paste(page, png(20, 20), "pic.png", "image/png")
        expect(page.locator("#image-chips .chip")).to_have_count(1, timeout=WAIT)
        page.fill("#prompt", "What is in it?")
        since = len(fake.requests)
        page.click("#send-btn")
        said = "llama3.2 cannot see images; choose a Claude model or remove the images."
        expect(page.locator("#progress-text")).to_have_text(said, timeout=WAIT)
        expect(page.locator("#toasts .toast.bad").filter(has_text=said)).to_have_count(1)
        # nothing left the window: no request upstream, no message, the words and the image where they were
        assert [r for r in fake.requests[since:] if "chat/completions" in r.path or r.path.endswith("/messages")] == []
        assert page.locator(".msg.user").count() == 0
        assert page.input_value("#prompt") == "What is in it?"
        expect(page.locator("#image-chips .chip")).to_have_count(1)
        assert not page.errors, page.errors


def test_a_12_megapixel_photo_becomes_a_chip_scaled_to_1568_px(page, app):
    """The paste of issue 20's measure (bench/ui.py's ``shell.ui_photo_to_chip_ms`` times it, never a test): a
    4000×3000 JPEG photo decoded upright, shown as a chip, and scaled to 1568×1176 to be sent."""
    generated_app(page, app, "Big photo")
    runs = []
    for _ in range(2):  # and again once the chip is gone: the same photo makes a new chip
        runs.append(page.evaluate(PHOTO_TO_CHIP))
        page.wait_for_function("() => /kB|MB/.test(document.querySelector('#image-chips .chip').title)", timeout=WAIT)
        assert chip_title(page).startswith("photo.jpg: 1568×1176"), chip_title(page)
        page.evaluate("async () => (await import('/ui/images.js')).clearImages()")
    assert all(0 < shown <= ready for shown, ready in runs)


def test_ctrl_i_picks_from_inside_the_code_editor(page, app):
    """Issue 20 item 1's leftover: CodeMirror's own Ctrl+I (select the parent node) no longer swallows the key."""
    files_project(page, app, "Editor pick", {"index.html": "<!doctype html><h1 id='t'>Title</h1>"})
    page.click("#file-tree li[data-path='index.html']")
    page.click(".cm-content")
    expect(page.locator(".cm-content")).to_be_focused()
    page.keyboard.press("Control+i")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "true")
    page.frame_locator("#preview").locator("vibing-picker").wait_for(state="attached", timeout=WAIT)
    page.keyboard.press("Escape")
    expect(page.locator("#preview-pick")).to_have_attribute("aria-pressed", "false")


def test_every_command_of_the_window_menu_is_one_the_page_runs():
    """The View menu's Pick an element and Attach a screenshot (and every other menu command) name an entry of
    app.js's table, which is what runs a menu command in the page (``window.vibing.command``)."""
    root = Path(__file__).resolve().parents[1] / "shell"
    menu = dict(re.findall(r'act\("([^"]+)", "([^"]+)"', (root / "window.py").read_text()))
    table = set(re.findall(r'command: "([^"]+)"', (root / "ui" / "app.js").read_text()))
    assert menu["Pick an element"] == "pick-element"
    assert menu["Attach a screenshot of the preview"] == "attach-screenshot"
    assert set(menu.values()) <= table, set(menu.values()) - table


def test_the_bench_row_of_the_photo_measure():
    """bench/ui.py's row, from the page's runs (shape and target, without a browser)."""
    from vibing.bench import ui as ui_bench

    (row,) = ui_bench.photo_rows([(180.0, 230.0), (200.0, 250.0), (400.0, 500.0)])
    assert (row.id, row.value, row.unit, row.target) == ("shell.ui_photo_to_chip_ms", 200.0, "ms", 300.0)
    assert row.meets_target is True
    assert "ready to send, in 250 ms; median of 3" in row.note
    assert [r for r, _ in ui_bench.POINT_AND_SHOW_ROWS] == [row.id, "shell.ui_picker_outline_p95_ms"]


def test_the_screenshot_looks_like_the_preview_on_a_big_page(page, app):
    """The preview's drawing of itself against the browser's own screenshot of the frame, pixel by pixel, on a page
    of 2,000 styled elements (stylesheet rules, inheritance, borders, radii, bold, ::before, a dark background)."""
    cells = "".join(f'<div class="cell c{i % 7}"><span>{i}</span></div>' for i in range(1000))
    css = (
        "*{box-sizing:border-box} body{color:#fff;background:#234;font-family:sans-serif} "
        ".cell{display:inline-block;padding:2px;border:1px solid #ccc;border-radius:4px} .c3 span{color:#000;font-weight:bold} "
        '.c5::before{content:"\\2605";color:#fb0;font-size:18px;display:inline-block;width:20px;background:#900}'
    )
    big = f'<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head><body><main>{cells}</main></body></html>'
    files_project(page, app, "Two thousand cells", {"index.html": big})
    ms = page.evaluate(
        "async () => { const t0 = performance.now(); const ok = await (await import('/ui/shot.js')).captureShot(); return ok ? performance.now() - t0 : -1; }"
    )
    assert ms > 0, "the preview did not capture itself"
    real = page.locator("#preview").screenshot(animations="disabled")
    shot = page.evaluate("async () => (await import('/ui/images.js')).takeImages()[0].data")
    diff = page.evaluate(
        """async ([a, b]) => {
            const px = async (data) => {
                const bm = await createImageBitmap(new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))]));
                const c = new OffscreenCanvas(bm.width, bm.height), g = c.getContext('2d');
                g.drawImage(bm, 0, 0);
                return [bm.width, bm.height, g.getImageData(0, 0, bm.width, bm.height).data];
            };
            const [wa, ha, da] = await px(a), [wb, hb, db] = await px(b);
            const w = Math.min(wa, wb), h = Math.min(ha, hb);
            let sum = 0, dark = 0;
            for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
                const i = (y * wa + x) * 4, j = (y * wb + x) * 4;
                for (let k = 0; k < 3; k++) sum += Math.abs(da[i + k] - db[j + k]);
                if (db[j] < 60) dark++;
            }
            return [sum / (w * h * 3), dark / (w * h)];
        }""",
        [b64(real), shot],
    )
    print(f"mean difference per channel: {diff[0]:.2f} of 255")
    assert diff[1] > 0.3, diff  # the page's dark background is in the screenshot (it is not blank)
    assert diff[0] < 6, diff
