"""The importer's mapping from web-app rows to storage requests (no server needed)."""

from __future__ import annotations

import datetime as dt

import pytest
from postgres import fenced

from vibing.importer import mapping
from vibing.importer.reader import MessageRow, ProjectRow, VersionRow, libpq_url, redact
from vibing.project_files import Limits

LIMITS = Limits(max_file_bytes=1000, max_project_bytes=5000, max_files=10)
WHEN = dt.datetime(2025, 3, 1, 9, 30, 0, 123000)


def project(code: bytes = b"<!DOCTYPE html>\n<p>hi</p>", **kw) -> ProjectRow:
    fields = dict(
        id="p1",
        name=b"Timer",
        description=None,
        project_type="MOBILE_APP",
        active_agents=b'["frontend-developer"]',
        current_code=code,
        preview_url=None,
        user_id="u1",
        created_at=WHEN,
        updated_at=WHEN,
        visibility="PRIVATE",
    )
    fields.update(kw)
    return ProjectRow(**fields)


def message(content: bytes, role: bytes = b"assistant", tokens: int = 42, mid: str = "m1") -> MessageRow:
    return MessageRow(mid, "p1", role, content, None, tokens, WHEN)


def test_single_document_is_index_html_byte_for_byte() -> None:
    code = "<!DOCTYPE html>\r\n<script>const md = '```js x.js';</script>\n  trailing  "
    assert mapping.code_files(code) == {"index.html": code}
    problems: list = []
    request = mapping.project_request(project(code.encode()), LIMITS, problems)
    assert problems == []
    assert [(f.path, f.content) for f in request.files] == [("index.html", code)]
    assert request.project_type == "mobile-app"
    assert request.created_at == WHEN.replace(tzinfo=dt.UTC).timestamp()
    assert request.meta["active_agents"] == ["frontend-developer"]


def test_multi_file_answer_becomes_files() -> None:
    files = {"index.html": "<p>a</p>\n", "css/app.css": "body {}\r\n", "app.js": "no newline", "empty.txt": ""}
    assert mapping.split_files(fenced(files)) == files
    assert mapping.split_files("```html index.html\n<p>unclosed") is None
    assert mapping.split_files("```html index.html\n<p>x</p>\n```\ntext after") is None


def test_bad_file_is_left_out_and_reported() -> None:
    problems: list = []
    code = fenced({"index.html": "<p>ok</p>", "../escape.js": "x", "big.css": "y" * 2000})
    request = mapping.project_request(project(code.encode()), LIMITS, problems)
    assert [f.path for f in request.files] == ["index.html"]
    assert {(p.kind, p.path) for p in problems} == {("file", "../escape.js"), ("file", "big.css")}


@pytest.mark.parametrize("content, words", [(b"caf\xe9", "UTF-8"), (b"nul \x00 byte", "NUL")])
def test_bad_text_in_a_message_skips_that_message(content: bytes, words: str) -> None:
    row = project()
    row.messages = [
        message("good 🍅".encode(), mid="m1"),
        message(content, mid="m2"),
        message(b"odd", role=b"tool", mid="m3"),
    ]
    problems: list = []
    request = mapping.project_request(row, LIMITS, problems)
    assert [m.content for m in request.messages] == ["good 🍅"]
    assert request.messages[0].output_tokens == 42 and request.messages[0].agent == "frontend-developer"
    assert [(p.kind, p.source_id) for p in problems] == [("message", "m2"), ("message", "m3")]
    assert words in problems[0].reason


def test_bad_project_fields_skip_the_project() -> None:
    problems: list = []
    assert mapping.project_request(project(name=b"\xc3\x28"), LIMITS, problems) is None
    assert problems[0].kind == "project" and "UTF-8" in problems[0].reason
    problems = []
    assert mapping.project_request(project(project_type="SPACESHIP"), LIMITS, problems) is None
    assert "SPACESHIP" in problems[0].reason


def test_versions_become_checkpoints_oldest_first() -> None:
    row = project()
    row.versions = [
        VersionRow("v1", "p1", 1, b"<p>one</p>", b"Initial version", WHEN),
        VersionRow("v2", "p1", 2, fenced({"a.html": "2"}).encode(), None, WHEN),
    ]
    request = mapping.project_request(row, LIMITS, [])
    assert [c.label for c in request.checkpoints] == ["Version 1: Initial version", "Version 2"]
    assert [{f.path: f.content for f in c.files} for c in request.checkpoints] == [
        {"index.html": "<p>one</p>"},
        {"a.html": "2"},
    ]


def test_unparseable_agent_list_keeps_the_project() -> None:
    request = mapping.project_request(project(active_agents=b"not json ["), LIMITS, [])
    assert request.meta["active_agents"] == [] and request.meta["active_agents_raw"] == "not json ["


def test_urls() -> None:
    assert redact("postgresql://me:s3cret@db:5432/app") == "postgresql://me:***@db:5432/app"
    url, schema = libpq_url("postgresql://me:pw@db:5432/app?schema=web&sslmode=require&connection_limit=3")
    assert url == "postgresql://me:pw@db:5432/app?sslmode=require" and schema == "web"


def test_progress_bar_draws_counts_in_place() -> None:
    import io

    from vibing.importer.progress import Progress

    out = io.StringIO()
    bar = Progress(4, out=out, enabled=True, interval=0)
    bar.update(1, messages=20, files=5)
    bar.update(4, messages=80, files=20, skipped=1, problems=2)
    bar.close()
    text = out.getvalue()
    assert text.startswith("\r[") and text.endswith("\n")
    assert "1/4 projects" in text and "4/4 projects  80 messages  20 files  1 skipped  2 problems" in text
    quiet = io.StringIO()
    Progress(4, out=quiet).update(1)  # not a terminal: nothing
    assert quiet.getvalue() == ""
