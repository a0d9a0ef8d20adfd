"""The update notice: a JSON feed read at most once a day, never a download, silent when it fails.

A local HTTP server plays the feed: a newer, the same and an older version, malformed JSON, a 500,
a server that never answers and one that drips a byte at a time; the check ends within 3 s whatever
it does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import home_of, start_app, vibing_env

from vibing import __version__, updates
from vibing.schema.supervisor import Status

NEWER = {"version": "99.0.0", "date": "2027-01-15", "notes_url": "https://example.org/vibing/99.0.0"}
FEEDS: dict[str, tuple[int, bytes]] = {
    "/newer": (200, json.dumps(NEWER).encode()),
    "/same": (200, json.dumps({"version": __version__, "date": "2026-12-01"}).encode()),
    "/older": (200, json.dumps({"version": "0.0.1"}).encode()),
    "/malformed": (200, b'{"version": "1.2.3"'),
    "/not-a-version": (200, json.dumps({"version": "latest"}).encode()),
    "/error": (500, b"Internal Server Error"),
}


class Feed(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.hits: list[str] = []
        self.release = threading.Event()  # frees the handlers that hang

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class FeedHandler(BaseHTTPRequestHandler):
    server: Feed

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        if self.path == "/hang":  # accepts the connection and never answers
            self.server.release.wait(30)
            return
        if self.path == "/drip":  # answers, one byte every half second, for ever
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            while not self.server.release.wait(0.5):
                self.wfile.write(b" ")
                self.wfile.flush()
            return
        status, body = FEEDS[self.path]
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def feed() -> Iterator[Feed]:
    server = Feed()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def test_a_newer_version_is_announced_with_its_date_and_notes(feed, tmp_path):
    checked = updates.check_if_due(tmp_path, feed.url("/newer"))
    assert checked is not None and checked.release == updates.Release(**NEWER)
    assert updates.newer_release(tmp_path, __version__) == updates.Release(**NEWER)


@pytest.mark.parametrize("path", ["/same", "/older"])
def test_the_same_or_an_older_version_is_not_announced(feed, tmp_path, path):
    checked = updates.check_if_due(tmp_path, feed.url(path))
    assert checked is not None and checked.release is not None
    assert updates.newer_release(tmp_path, __version__) is None


@pytest.mark.parametrize("path", ["/malformed", "/not-a-version", "/error"])
def test_a_broken_feed_is_a_typed_failure_and_the_check_stays_silent(feed, tmp_path, path):
    with pytest.raises(updates.UpdateCheckFailed) as failure:
        updates.fetch(feed.url(path))
    assert failure.value.message.startswith("The update feed")
    checked = updates.check_if_due(tmp_path, feed.url(path))  # logged, recorded, nothing raised
    assert checked == updates.Checked(checked_at=checked.checked_at, release=None)
    assert updates.newer_release(tmp_path, __version__) is None


@pytest.mark.parametrize("path", ["/hang", "/drip"])
def test_a_server_that_hangs_or_drips_is_given_up_on_within_3_seconds(feed, tmp_path, path):
    started = time.monotonic()
    with pytest.raises(updates.UpdateCheckFailed, match="did not answer within 3 s"):
        updates.fetch(feed.url(path))
    assert time.monotonic() - started < 3.5


def test_the_feed_is_asked_at_most_once_a_day(feed, tmp_path):
    now = time.time()
    assert updates.check_if_due(tmp_path, feed.url("/newer"), now=now) is not None
    assert updates.check_if_due(tmp_path, feed.url("/newer"), now=now + 3600) is None
    assert updates.check_if_due(tmp_path, feed.url("/newer"), now=now + 23 * 3600) is None
    assert feed.hits == ["/newer"]
    assert updates.check_if_due(tmp_path, feed.url("/newer"), now=now + 24 * 3600 + 1) is not None
    assert feed.hits == ["/newer", "/newer"]


def test_no_address_means_no_request(tmp_path):
    assert updates.check_if_due(tmp_path, "") is None
    assert not updates.state_file(tmp_path).exists()


def test_versions_compare_as_numbers():
    assert updates.is_newer("0.10.0", "0.9.9")
    assert updates.is_newer("1.0", "0.99.1")
    assert not updates.is_newer("0.1.0", "0.1")
    assert not updates.is_newer("0.1.0", "0.1.0+local")
    assert not updates.is_newer("v2", "0.1.0")


def test_the_running_app_checks_once_and_status_and_version_say_a_newer_one_is_out(feed, tmp_path):
    app = start_app(tmp_path / "home", VIBING_UPDATE_FEED_URL=feed.url("/newer"))
    try:
        with home_of(app):
            bus = app.bus()
            deadline = time.monotonic() + 15
            reply = bus.request("supervisor", Status(), timeout=5)
            while reply.update is None and time.monotonic() < deadline:  # the check runs once the app is ready
                time.sleep(0.05)
                reply = bus.request("supervisor", Status(), timeout=5)
        assert reply.update is not None and reply.update.version == "99.0.0"
        assert reply.update.notes_url == NEWER["notes_url"]
        version = subprocess.run(
            [sys.executable, "-m", "vibing", "--version"],
            env=vibing_env(app.home),
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert version.stdout.splitlines() == [
            f"vibing {__version__}",
            f"Vibing 99.0.0 is available (2027-01-15): {NEWER['notes_url']}",
        ]
    finally:
        app.stop()
    assert feed.hits == ["/newer"]


def test_switched_off_in_the_config_no_request_is_made(feed, tmp_path):
    app = start_app(tmp_path / "home", VIBING_UPDATE_FEED_URL=feed.url("/newer"), VIBING_UPDATE_CHECK="false")
    try:
        with home_of(app):
            reply = app.bus().request("supervisor", Status(), timeout=5)
        assert reply.update is None
    finally:
        app.stop()
    assert feed.hits == []
    assert not (Path(app.home) / "data" / "update.json").exists()
