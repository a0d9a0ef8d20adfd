"""Debian's Chromium for the UI tests: one browser per test module, pages signed in to `vibing web`, screenshots.

The browser tests share this rather than each keeping a copy: ``browser`` and ``shots`` are fixtures in
``conftest.py`` built on it, and each test file's own ``page`` fixture opens :func:`signed_in_page`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
#: As the platform notes say: without the background-networking flags Chromium keeps dialling out.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT = 15_000  # ms, for Playwright's waits on selectors


@contextmanager
def launched() -> Iterator[Any]:
    """A headless Chromium (Playwright driving Debian's binary), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def signed_in_page(browser: Any, url: str, *, color_scheme: str = "light", clipboard: bool = False) -> Iterator[Any]:
    """A page of a fresh context, opened at ``url`` (a signed-in address) once the UI says it is ready.

    ``page.errors`` collects the page's uncaught errors, for the caller to judge when the test is done.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 880}, color_scheme=color_scheme)
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url.split("/?")[0])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=WAIT)
    try:
        yield page
    finally:
        context.close()


@contextmanager
def screenshots(folder: Path) -> Iterator[Path]:
    """``folder`` for a module's screenshots, copied to ``$VIBING_SCREENSHOTS`` at the end when it is set."""
    yield folder
    extra = os.environ.get("VIBING_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        for png in folder.glob("*.png"):
            shutil.copy(png, Path(extra) / png.name)


def wait_preview_loaded(page: Any) -> None:
    """Await the preview's load report for the UI's latest reload of it.

    A generation reloads the preview as its files land, so the frame may still show an earlier version (or the
    latest one with its stylesheet still on the way) when the tree already lists every file. The capture script
    reports ``loaded`` on the page's load event, after its stylesheets and scripts; the UI stamps the frame with
    the version it reloaded to.
    """
    page.wait_for_function(
        "() => document.querySelector('#preview').dataset.loaded === String(window.__vibing.previewVersion)",
        timeout=WAIT,
    )
