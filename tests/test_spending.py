"""Spending limits and the usage report (issue 19 item 3), through the real processes and bus.

A generation whose estimate would take today's spending, or its project's, over a limit is refused with
``SpendingLimitReached`` (nothing sent, nothing stored) and goes through when the request says the person
agreed; the warning threshold is told, not enforced; ``vibing usage`` adds up exactly the stored costs; and
wrong limits in the config are refused with a sentence, never a crash.

The limits are read from the config file at each generation, so each test writes its own; the spending of a
day is shared by the module's tests, so each sets its limits relative to what was spent before it.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time

import pytest
from conftest import start_app

from tests.fakes import FakeAnthropic
from vibing.errors import ConfigError, InvalidRequest, SpendingLimitReached
from vibing.schema.storage import (
    CreateProject,
    ListMessages,
    ListProjects,
    RecordUsage,
    SpendingSoFar,
    UsageReport,
    UsageSummary,
)
from vibing.schema.stream import Generate, GenerationDone
from vibing.services.stream import spending

KEY = "sk-ant-test-0123456789abcdef"
ANSWER = "A counter.\n\n```html index.html\n<!doctype html><button>0</button>\n```\n"


@pytest.fixture(scope="module")
def server():
    with FakeAnthropic() as s:
        s.answers["counter"] = ANSWER
        yield s


@pytest.fixture(scope="module")
def app(server, tmp_path_factory):
    running = start_app(
        tmp_path_factory.mktemp("spending") / "home", ANTHROPIC_BASE_URL=server.url, ANTHROPIC_API_KEY=KEY
    )
    yield running
    running.stop()


def set_limits(app, **values: float) -> None:
    """The config file holds exactly these spending settings (the others at their defaults)."""
    lines = [f"{name} = {value!r}" for name, value in values.items()]
    app.paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    app.paths.config_file.write_text("\n".join(lines) + "\n", encoding="utf-8")


def spent_today(bus, project_id: str = "") -> tuple[float, float]:
    reply = bus.request("storage", SpendingSoFar(since=spending.start_of_today(), project_id=project_id))
    return reply.since_usd, reply.project_usd


def generate(bus, project_id: str, prompt: str = "a counter", **kw):
    """Start a generation and wait for its end; (GenerationStarted, GenerationDone)."""
    sid = f"sp-{time.monotonic_ns()}"
    sub = bus.subscribe("generate.done")
    sub.sync()
    try:
        started = bus.request(
            "stream",
            Generate(project_id=project_id, prompt=f"{prompt} [[scenario:normal answer=counter]]", stream_id=sid, **kw),
            timeout=15,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            event = sub.recv(1.0)
            if event is not None and isinstance(event.body, GenerationDone) and event.body.stream_id == sid:
                return started, event.body
        raise AssertionError("the generation did not end")
    finally:
        sub.close()


def new_project(bus, name: str) -> str:
    return bus.request("storage", CreateProject(name=name)).project.id


def test_the_estimate_prices_the_input_and_a_typical_answer():
    est = spending.estimate(
        model="claude-sonnet-4-5",
        provider="anthropic",
        prompt="x" * 350,
        history_chars=0,
        file_chars=3500,
        max_tokens=16000,
    )
    assert est.input_tokens == spending.INSTRUCTION_TOKENS + 1100
    assert est.output_tokens == spending.TYPICAL_OUTPUT_TOKENS
    assert est.usd == pytest.approx((est.input_tokens * 3 + est.output_tokens * 15) / 1e6)
    free = spending.estimate(
        model="llama3.2", provider="openai", prompt="x", history_chars=0, file_chars=0, max_tokens=100
    )
    assert free.usd == 0 and free.output_tokens == 100


def test_images_are_priced_as_the_model_counts_them(app):
    from vibing import config as config_mod
    from vibing.schema.stream import ChatTurn, ImageAttachment, ImageBlock, TextBlock

    bus = app.bus()
    project_id = new_project(bus, "Pictures")
    photo = ImageAttachment(media_type="image/jpeg", data="", width=1000, height=750)
    tokens = 1000 * 750 // 750 + 1  # as Anthropic counts an image below its 1.15 megapixels
    config = config_mod.Config()
    plain = spending._request_estimate(bus, config, Generate(project_id=project_id, prompt="like this"))
    shown = spending._request_estimate(
        bus, config, Generate(project_id=project_id, prompt="like this", images=[photo, photo])
    )
    assert shown.input_tokens - plain.input_tokens == 2 * tokens
    assert shown.usd > plain.usd
    # a follow-up sends again the images of the last two earlier turns that carried any, and pays for them
    block = ImageBlock(media_type="image/jpeg", width=1000, height=750, attachment_id="a")
    history = [ChatTurn(role="user", content=[block, TextBlock(text=f"turn {n}")]) for n in range(3)]
    follow_up = Generate(project_id=project_id, prompt="bigger", history=history)
    text_only = Generate(
        project_id=project_id, prompt="bigger", history=[ChatTurn(role="user", content=f"turn {n}") for n in range(3)]
    )
    assert (
        spending._request_estimate(bus, config, follow_up).input_tokens
        - spending._request_estimate(bus, config, text_only).input_tokens
        == 2 * tokens
    )


def test_a_request_over_the_daily_limit_is_refused_then_sent_with_the_agreement(app):
    bus = app.bus()
    project_id = new_project(bus, "Daily")
    day, _ = spent_today(bus)
    set_limits(app, spending_limit_day_usd=round(day + 0.01, 6), spending_warn_day_usd=0)

    with pytest.raises(SpendingLimitReached) as refused:
        bus.request("stream", Generate(project_id=project_id, prompt="a counter"), timeout=15)
    details = refused.value.details
    assert details["limit"] == "day" and details["limit_usd"] == pytest.approx(day + 0.01)
    assert details["spent_usd"] == pytest.approx(day) and details["estimate_usd"] > 0.01
    assert details["total_usd"] == pytest.approx(details["spent_usd"] + details["estimate_usd"])
    message = refused.value.message
    assert "today's spending" in message and "above your limit of $" in message and "spent so far" in message
    assert bus.request("storage", ListMessages(project_id=project_id)).messages == []  # nothing sent or stored

    started, done = generate(bus, project_id, over_limit_ok=True)
    assert done.ok, done.message
    assert started.spending_warning == ""  # the warning is off
    assert spent_today(bus)[0] == pytest.approx(day + done.cost_usd)
    assert done.cost_usd > 0


def test_a_request_over_the_project_limit_is_refused_in_that_project_only(app):
    bus = app.bus()
    dear, cheap = new_project(bus, "Dear"), new_project(bus, "Cheap")
    bus.request(
        "storage",
        RecordUsage(project_id=dear, model="claude-sonnet-4-5", input_tokens=1000, output_tokens=10, cost_usd=1.0),
    )
    set_limits(app, spending_limit_project_usd=1.01, spending_warn_day_usd=0)

    with pytest.raises(SpendingLimitReached) as refused:
        bus.request("stream", Generate(project_id=dear, prompt="a counter"), timeout=15)
    assert refused.value.details["limit"] == "project"
    assert refused.value.details["spent_usd"] == pytest.approx(1.0)
    assert "this project's spending" in refused.value.message and "$1.01" in refused.value.message

    assert generate(bus, cheap)[1].ok  # another project has spent nothing
    started, done = generate(bus, dear, over_limit_ok=True)
    assert done.ok
    assert spent_today(bus, dear)[1] == pytest.approx(1.0 + done.cost_usd)


def test_crossing_the_warning_is_told_not_refused(app):
    bus = app.bus()
    project_id = new_project(bus, "Warned")
    day, _ = spent_today(bus)
    set_limits(app, spending_warn_day_usd=round(day + 0.01, 6))
    started, done = generate(bus, project_id)
    assert done.ok
    assert "above your warning of $" in started.spending_warning and "a day" in started.spending_warning

    set_limits(app, spending_warn_day_usd=round(spent_today(bus)[0] + 50, 6))
    started, _done = generate(bus, project_id)
    assert started.spending_warning == ""


def test_the_default_is_a_warning_at_five_dollars_and_no_limit(app):
    bus = app.bus()
    project_id = new_project(bus, "Default")
    set_limits(app)  # nothing set
    day, _ = spent_today(bus)
    if day < 5:  # spend up to the default warning
        bus.request(
            "storage",
            RecordUsage(
                project_id=project_id,
                model="claude-opus-4-5",
                input_tokens=1,
                output_tokens=1,
                cost_usd=round(5.0 - day, 6),
            ),
        )
    started, done = generate(bus, project_id)  # no limit: sent
    assert done.ok and "$5.00 a day" in started.spending_warning


def test_vibing_usage_adds_up_the_stored_costs(app):
    bus = app.bus()
    project_id = new_project(bus, "Counted")
    bus.request(
        "storage",
        RecordUsage(project_id=project_id, model="claude-haiku-4-5", input_tokens=120, output_tokens=30, cost_usd=0.25),
    )
    set_limits(app)
    assert generate(bus, project_id)[1].ok

    result = app.cli("usage", "--json", "--days", "1")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    everything = bus.request("storage", UsageSummary())
    assert report["total"]["cost_usd"] == pytest.approx(everything.cost_usd)
    assert report["total"]["requests"] == everything.requests
    assert report["total"]["input_tokens"] == everything.input_tokens
    assert report["total"]["output_tokens"] == everything.output_tokens
    [today] = report["by_day"]
    assert today["key"] == time.strftime("%Y-%m-%d") and today["cost_usd"] == pytest.approx(everything.cost_usd)
    assert {m["key"]: m["cost_usd"] for m in report["by_model"]} == pytest.approx(
        {m.model: m.cost_usd for m in everything.by_model}
    )
    projects = {p.id: p.name for p in bus.request("storage", ListProjects()).items}
    for row in report["by_project"]:
        stored = bus.request("storage", UsageSummary(project_id=row["key"]))
        assert row["cost_usd"] == pytest.approx(stored.cost_usd) and row["requests"] == stored.requests
        assert row["name"] == projects[row["key"]]
    counted = next(r for r in report["by_project"] if r["key"] == project_id)
    assert counted["requests"] == 2 and counted["cost_usd"] > 0.25
    assert report["limits"] == {"day_usd": 0.0, "project_usd": 0.0, "warn_day_usd": 5.0}

    text = app.cli("usage")
    assert text.returncode == 0, text.stderr
    assert "Per day" in text.stdout and "Per project" in text.stdout and "Per model" in text.stdout
    assert "Counted" in text.stdout and "a warning at $5.00 a day" in text.stdout

    nothing = bus.request("storage", UsageReport(since=time.time() + 3600))
    assert nothing.total.requests == 0 and nothing.by_day == [] and nothing.by_project == []


def test_vibing_generate_refuses_in_one_line_without_a_terminal_and_sends_with_the_option(app):
    bus = app.bus()
    day, _ = spent_today(bus)
    set_limits(app, spending_limit_day_usd=round(day + 0.01, 6), spending_warn_day_usd=0)
    before = {p.name for p in bus.request("storage", ListProjects()).items}

    refused = app.cli("generate", "a counter [[scenario:normal answer=counter]]", "--project", "Over CLI", input="")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    last = refused.stderr.strip().splitlines()[-1]
    assert last.startswith("vibing: This request would take today's spending to about $")
    assert "--over-limit-ok" in last and "Traceback" not in refused.stderr
    assert {p.name for p in bus.request("storage", ListProjects()).items} == before  # the new project went too

    sent = app.cli(
        "generate", "a counter [[scenario:normal answer=counter]]", "--project", "Over CLI", "--over-limit-ok"
    )
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert "Done (end_turn): index.html" in sent.stderr


def test_vibing_generate_asks_on_a_terminal(app):
    bus = app.bus()
    day, _ = spent_today(bus)
    set_limits(app, spending_limit_day_usd=round(day + 0.01, 6), spending_warn_day_usd=0)
    project_id = new_project(bus, "Asked")

    def run(answer: bytes) -> tuple[int, str]:
        """``vibing generate`` on a terminal (a pty: its input and output), answering its question."""
        leader, follower = pty.openpty()
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "vibing",
                "generate",
                "a counter [[scenario:normal answer=counter]]",
                "--project",
                "Asked",
            ],
            env=app.env,
            cwd=app.home,
            stdin=follower,
            stdout=follower,
            stderr=follower,
        )
        os.close(follower)
        seen = b""
        try:
            while b"[y/N]" not in seen:
                chunk = os.read(leader, 4096)
                assert chunk, seen
                seen += chunk
            os.write(leader, answer + b"\n")
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # EIO: the command ended and the terminal closed
                    break
                if not chunk:
                    break
                seen += chunk
            return proc.wait(timeout=60), seen.decode(errors="replace")
        finally:
            os.close(leader)
            if proc.poll() is None:
                proc.kill()

    code, err = run(b"n")
    assert code == 2 and "Not sent" in err and "above your limit" in err
    assert bus.request("storage", ListMessages(project_id=project_id)).messages == []
    code, err = run(b"y")
    assert code == 0, err
    assert "Done (end_turn)" in err


def test_bad_limits_are_refused_with_a_sentence(app, tmp_path):
    from vibing import config as config_mod

    for text, words in (
        ("spending_limit_day_usd = -5", "spending_limit_day_usd must be an amount in US dollars, 0 or more"),
        ('spending_limit_project_usd = "ten"', "spending_limit_project_usd: expected a number, got text"),
        ("spending_warn_day_usd = nan", "spending_warn_day_usd must be an amount"),
    ):
        file = tmp_path / "config.toml"
        file.write_text(text + "\n")
        with pytest.raises(ConfigError, match=words):
            config_mod.load(config_file=file, dotenv=tmp_path / ".env", environ={})
        app.paths.config_file.write_text(text + "\n")
        shown = app.cli("config")
        assert shown.returncode == 2 and words in shown.stderr and "Traceback" not in shown.stderr
        assert len(shown.stderr.strip().splitlines()) == 1

    # The running stream service keeps the limits it started with rather than fail a generation.
    bus = app.bus()
    assert generate(bus, new_project(bus, "Still works"))[1].ok
    set_limits(app)

    from vibing.shell.settings import Settings

    settings = Settings(app.paths)
    with pytest.raises(ConfigError, match="spending_limit_day_usd must be an amount"):
        settings.update({"spending_limit_day_usd": -1})
    with pytest.raises(ConfigError, match="expected a number"):
        settings.update({"spending_warn_day_usd": "lots"})
    saved = settings.update({"spending_limit_day_usd": 12.5})
    assert saved["values"]["spending_limit_day_usd"] == 12.5
    assert "spending_limit_day_usd = 12.5" in app.paths.config_file.read_text()
    set_limits(app)

    with pytest.raises(InvalidRequest, match="'since' is a time"):
        bus.request("storage", SpendingSoFar(since=-1.0))
    days = app.cli("usage", "--days", "0")
    assert days.returncode == 2 and "--days is a number of days, 1 or more" in days.stderr
