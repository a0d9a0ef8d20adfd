"""``vibing agents check`` exit codes and JSON; the query commands work without a running app."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, vibing_env

CORPUS = ROOT.parent / "shared" / "corpus" / "agents-wshobson-84"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared agent corpus is not at {CORPUS}")


def vibing(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "vibing", *args],
        env=vibing_env(home, **env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_a_good_folder_exits_0(tmp_path: Path):
    folder = tmp_path / "agents"
    folder.mkdir()
    (folder / "one.md").write_text("---\nname: one\ndescription: First.\nmodel: haiku\ncategory: data\n---\nHi\n")
    (folder / "README.md").write_text("# docs\n")
    out = vibing(tmp_path, "agents", "check", str(folder), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data == {
        "agents": [{"name": "one", "file": str(folder / "one.md"), "category": "data", "model": "haiku"}],
        "errors": [],
    }
    text = vibing(tmp_path, "agents", "check", str(folder))
    assert text.returncode == 0 and "1 agents loaded, 0 file(s) refused" in text.stdout
    assert "ignored" in text.stdout and "README.md" in text.stdout


def test_check_a_folder_with_a_bad_file_exits_1_and_names_it(tmp_path: Path):
    folder = tmp_path / "agents"
    folder.mkdir()
    (folder / "good.md").write_text("---\nname: good\ndescription: Fine.\n---\nHi\n")
    (folder / "bad.md").write_text("---\nname: bad\ndescription: [oops\n---\nHi\n")
    (folder / "plain.md").write_text("no front matter here\n")
    out = vibing(tmp_path, "agents", "check", str(folder), "--json")
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert [a["name"] for a in data["agents"]] == ["good"]
    errors = {Path(e["file"]).name: e for e in data["errors"]}
    assert set(errors) == {"bad.md", "plain.md"}
    assert errors["bad.md"]["line"] >= 3 and "invalid YAML" in errors["bad.md"]["reason"]
    assert errors["plain.md"]["line"] == 1 and "no front matter" in errors["plain.md"]["reason"]
    text = vibing(tmp_path, "agents", "check", str(folder))
    assert text.returncode == 1 and "REFUSED" in text.stdout and "bad.md:" in text.stdout
    missing = vibing(tmp_path, "agents", "check", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "not a folder" in missing.stderr


@needs_corpus
def test_check_the_shared_corpus(tmp_path: Path):
    out = vibing(tmp_path, "agents", "check", str(CORPUS), "--json")
    assert out.returncode == 0, out.stdout[-2000:]
    data = json.loads(out.stdout)
    assert len(data["agents"]) == 84 and data["errors"] == []


@needs_corpus
def test_query_commands_offline(tmp_path: Path):
    env = {"VIBING_BUNDLED_AGENTS": str(CORPUS), "VIBING_USER_AGENTS_DIR": ""}
    out = vibing(tmp_path, "agents", "pick", "fix the crash when I click save", **env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Picked debugger: ") and "confidence:" in out.stdout and "runners-up:" in out.stdout
    out = vibing(tmp_path, "agents", "search", "kubernetes", "--json", **env)
    assert json.loads(out.stdout)["hits"][0]["agent"]["name"] == "kubernetes-architect"
    out = vibing(tmp_path, "agents", "ls", "--category", "security", **env)
    assert out.returncode == 0 and "security-auditor" in out.stdout
    out = vibing(tmp_path, "agents", "show", "debuger", **env)
    assert out.returncode == 2 and "Did you mean" in out.stderr
    out = vibing(tmp_path, "agents", "types", **env)
    assert out.returncode == 0 and "mobile-app" in out.stdout
    out = vibing(tmp_path, "workflows", "ls", **env)
    assert out.returncode == 0 and "security-audit" in out.stdout
    out = vibing(tmp_path, "workflows", "plan", "code-review", "--json", **env)
    plan = json.loads(out.stdout)
    assert plan["levels"][0] == ["quality"] and plan["max_parallel"] == 4
