"""Every error of the ``vibing`` command is one readable line on stderr and a non-zero exit; --debug adds the traceback.

A person reads the line; a developer asks for the traceback with ``vibing --debug COMMAND`` or ``VIBING_DEBUG=1``.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import start_app, vibing_env
from vibing import cli
from vibing.cli import running


def _vibing(home, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vibing", *args],
        env=vibing_env(home, **env),
        capture_output=True,
        text=True,
        timeout=60,
    )


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize("command", [["status"], ["stop"], ["projects", "ls"], ["generate", "a calculator"]])
def test_a_command_without_a_running_app_says_so_in_one_line(tmp_path, command):
    result = _vibing(tmp_path, *command)

    assert result.returncode == 2
    assert _one_line(result.stderr).startswith("vibing: Vibing is not running for this data folder.")


def test_a_bad_argument_is_one_line_naming_the_option_and_where_help_is(tmp_path):
    result = _vibing(tmp_path, "generate", "--type", "spaceship", "a calculator")

    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert "argument --type: invalid choice: 'spaceship'" in line
    assert line.endswith("(see `vibing generate --help`)")


def test_a_missing_action_is_one_line_too(tmp_path):
    result = _vibing(tmp_path, "projects")

    assert result.returncode == 2
    assert "the following arguments are required: ACTION" in _one_line(result.stderr)


def test_generate_needs_a_prompt_or_continue_but_not_both(tmp_path):
    neither, both = _vibing(tmp_path, "generate"), _vibing(tmp_path, "generate", "a clock", "--continue")

    assert neither.returncode == both.returncode == 2
    assert _one_line(neither.stderr).startswith("vibing: Say what to build")
    assert _one_line(both.stderr) == "vibing: Give either a prompt or --continue, not both."


def test_debug_prints_the_traceback_before_the_line(tmp_path):
    flag, env = _vibing(tmp_path, "--debug", "status"), _vibing(tmp_path, "status", VIBING_DEBUG="1")

    for result in (flag, env):
        assert result.returncode == 2
        assert "Traceback (most recent call last)" in result.stderr and "AppNotRunning" in result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith("vibing: Vibing is not running")


def test_an_unexpected_error_is_one_line_with_a_hint_and_a_traceback_only_with_debug(monkeypatch, capsys):
    def broken(*_args, **_kwargs):
        raise KeyError("the settings file\nhas two lines")

    monkeypatch.setattr(running, "setup", broken)
    monkeypatch.delenv("VIBING_DEBUG", raising=False)

    code = cli.main(["projects", "ls"])
    err = capsys.readouterr().err
    assert code == 70  # EX_SOFTWARE: a bug, not a refusal
    assert _one_line(err) == (
        "vibing: Unexpected error: KeyError: 'the settings file\\nhas two lines' (run with --debug for details)"
    )

    code = cli.main(["--debug", "projects", "ls"])
    err = capsys.readouterr().err
    assert code == 70
    assert "Traceback (most recent call last)" in err and "in broken" in err
    assert err.strip().splitlines()[-1] == "vibing: Unexpected error: KeyError: 'the settings file\\nhas two lines'"


def test_debug_after_the_command_is_the_commands_text_not_the_flag(tmp_path):
    assert cli.debug_wanted(["--debug", "status"]) and not cli.debug_wanted(["generate", "--debug"])
    assert cli.with_command(["--debug"]) == ["--debug", "run"]
    assert cli.with_command(["--headless"]) == ["run", "--headless"]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running_app = start_app(tmp_path_factory.mktemp("cli-errors") / "home")
    yield running_app
    running_app.stop()


@pytest.mark.parametrize(
    "command, message",
    [
        (["projects", "show", "Nowhere"], "Nowhere"),
        (["generate", "--continue", "--project", "Nowhere"], "There is no project “Nowhere”."),
    ],
)
def test_a_missing_project_is_one_line_naming_it(app, command, message):
    result = app.cli(*command)

    assert result.returncode == 2
    line = _one_line(result.stderr)
    assert line.startswith("vibing: ") and message in line
