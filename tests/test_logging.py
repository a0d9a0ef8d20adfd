"""Logs are structured JSON lines per process, and no secret ever reaches them."""

from __future__ import annotations

import json
import logging

from tests.conftest import start_app
from tests.fakes import FakeAnthropic
from vibing import log

SECRET = "sk-ant-api03-" + "Zx9" * 20


def test_json_lines_carry_service_and_pid_and_never_a_key(tmp_path):
    log.setup("unit", tmp_path, "debug", console=False)
    logger = log.get("test")
    logger.info("request.sent", api_key=SECRET, headers={"x-api-key": SECRET, "accept": "text/event-stream"})
    logger.warning("upstream.said", text=f"invalid x-api-key: {SECRET}")
    logging.getLogger("httpx").info("Authorization: Bearer %s", "abcdefghijklmnopqrstuvwxyz0123")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = (tmp_path / "unit.log").read_text()
    assert SECRET not in content and "abcdefghijklmnopqrstuvwxyz0123" not in content
    lines = [json.loads(line) for line in content.splitlines()]
    assert lines[0]["event"] == "request.sent" and lines[0]["service"] == "unit" and lines[0]["pid"] > 0
    assert lines[0]["api_key"] == log.REDACTED
    assert lines[0]["headers"] == {"x-api-key": log.REDACTED, "accept": "text/event-stream"}
    assert log.REDACTED in lines[1]["text"]


def test_a_running_app_that_uses_the_key_logs_no_key(tmp_path):
    with FakeAnthropic() as server:
        app = start_app(tmp_path / "home", ANTHROPIC_API_KEY=SECRET, ANTHROPIC_BASE_URL=server.url, VIBING_LOG="debug")
        try:
            checked = app.cli("key", "check")
            assert checked.returncode == 0, checked.stdout + checked.stderr
        finally:
            app.stop()
    assert any(r.headers.get("x-api-key") == SECRET for r in server.requests), "the key really went upstream"
    logs = list(app.paths.logs.glob("*.log"))
    assert {p.stem for p in logs} >= {"supervisor", "storage", "agent", "stream", "metrics"}
    for path in logs:
        assert SECRET not in path.read_text()
