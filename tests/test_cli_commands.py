"""The command table of ``vibing``: a command is parsed from its own modules, and the help stays the modules' own.

``vibing.cli.COMMANDS`` repeats each command's help line so that ``vibing run`` need not import the other
command modules.  These tests hold the table to what the modules register, and the lazy parser to the full one.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from vibing import cli


def _commands(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return action


def test_the_table_names_every_command_with_its_modules_help_in_order():
    full = _commands(cli.build_parser())
    registered = [(choice.dest, choice.help) for choice in full._choices_actions]
    assert registered == [(name, help_line) for name, help_line, _modules in cli.COMMANDS]


@pytest.mark.parametrize("name", [name for name, _help, _modules in cli.COMMANDS])
def test_a_command_parsed_from_its_own_modules_is_the_full_one(name):
    full, lazy = cli.build_parser(), cli.build_parser([name, "--json"])
    assert lazy.format_help() == full.format_help()
    assert _commands(lazy).choices[name].format_help() == _commands(full).choices[name].format_help()


def test_vibing_run_imports_no_other_command_module():
    code = (
        "import sys; from vibing import cli; cli.build_parser(['run', '--headless']);"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('vibing.cli.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    assert set(out.stdout.split()) == {"vibing.cli.app", "vibing.cli.running"}
