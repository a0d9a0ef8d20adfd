"""Agent files: the real corpus loads cleanly; every kind of bad file is refused with file, line and reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vibing.services.agent.parser import MAX_FILE_BYTES, Agent, AgentError, parse_file
from vibing.services.agent.registry import Source, load_folder

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "agents-wshobson-84"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared agent corpus is not at {CORPUS}")

GOOD = """---
name: {name}
description: Builds things well.
model: sonnet
tools: Read, Write
category: frontend
capabilities:
  - Layouts
  - Forms
tags: [html, css]
version: 1.0.0
author: Vibing
---
You are a careful builder.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


@needs_corpus
def test_the_shared_corpus_loads_all_84_with_no_error():
    source = load_folder(CORPUS)
    assert source.errors == []
    assert len(source.agents) == 84
    assert len({a.name for a in source.agents}) == 84
    assert [Path(p).name for p in source.ignored] == ["SOURCE.md"]
    for agent in source.agents:
        assert agent.description and agent.body.strip() and agent.model in ("haiku", "sonnet", "opus")
        assert agent.category, agent.name
    by_name = {a.name: a for a in source.agents}
    assert by_name["frontend-developer"].category == "frontend"
    assert by_name["security-auditor"].category == "security"
    assert by_name["unity-developer"].category == "games"


def test_full_front_matter_is_read(tmp_path: Path):
    agent = parse_file(write(tmp_path, "a.md", GOOD.format(name="builder")))
    assert isinstance(agent, Agent)
    assert agent.name == "builder" and agent.model == "sonnet" and agent.tools == ["Read", "Write"]
    assert agent.category == "frontend" and not agent.category_guessed
    assert agent.capabilities == ["Layouts", "Forms"] and agent.tags == ["html", "css"]
    assert agent.version == "1.0.0" and agent.author == "Vibing"
    assert agent.body == "You are a careful builder."


def test_claude_code_minimal_file(tmp_path: Path):
    text = (
        "---\nname: code-helper\ndescription: Helps with code.\ntools: Read, Grep, Glob\nmodel: inherit\n---\n\nHelp.\n"
    )
    agent = parse_file(write(tmp_path, "a.md", text))
    assert isinstance(agent, Agent)
    assert agent.tools == ["Read", "Grep", "Glob"] and agent.model == "inherit"
    assert agent.capabilities == [] and agent.tags == [] and agent.category_guessed


@pytest.mark.parametrize("variant", ["bom", "crlf", "bom+crlf", "cr"])
def test_bom_and_line_endings_are_tolerated(tmp_path: Path, variant: str):
    text = GOOD.format(name="builder")
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    if variant == "cr":
        text = text.replace("\n", "\r")
    data = text.encode("utf-8")
    if "bom" in variant:
        data = b"\xef\xbb\xbf" + data
    agent = parse_file(write(tmp_path, "a.md", data))
    assert isinstance(agent, Agent), agent
    assert agent.name == "builder" and agent.body == "You are a careful builder."
    assert "\r" not in agent.body


def test_dashes_inside_the_body_stay_in_the_body(tmp_path: Path):
    text = GOOD.format(name="builder") + "\n---\nMore text after a rule.\n---\n"
    agent = parse_file(write(tmp_path, "a.md", text))
    assert isinstance(agent, Agent)
    assert "More text after a rule." in agent.body and agent.body.count("---") == 2


def test_tools_as_a_list_and_other_models(tmp_path: Path):
    text = (
        "---\nname: lister\ndescription: d\ntools:\n  - Read\n  - Bash\nmodel: claude-sonnet-4-5\n"
        "tags: a, B\ncolor: blue\n---\nBody\n"
    )
    agent = parse_file(write(tmp_path, "a.md", text))
    assert isinstance(agent, Agent)
    assert agent.tools == ["Read", "Bash"] and agent.model == "claude-sonnet-4-5"
    assert agent.tags == ["a", "b"] and agent.extra == {"color": "blue"}


BAD = {
    "no-front-matter.md": ("# Just a heading\n\nSome text.\n", 1, "no front matter"),
    "unclosed.md": ("---\nname: unclosed\ndescription: d\n\nBody without a closing line\n", 1, "never closed"),
    "no-name.md": ("---\ndescription: d\nmodel: haiku\n---\nBody\n", 1, "no 'name:'"),
    "no-description.md": ("---\nname: no-desc\nmodel: haiku\n---\nBody\n", 1, "no 'description:'"),
    "bad-yaml.md": ("---\nname: bad\ndescription: [unclosed\nmodel: haiku\n---\nBody\n", None, "invalid YAML"),
    "colon.md": ("---\nname: colon\ndescription: Use it: now\n---\nBody\n", 3, "must be quoted"),
    "list-front-matter.md": ("---\n- a\n- b\n---\nBody\n", 2, "must be a mapping"),
    "empty-front-matter.md": ("---\n---\nBody\n", 1, "front matter is empty"),
    "bad-name.md": ("---\nname: My Agent\ndescription: d\n---\nBody\n", 2, "invalid name"),
    "name-number.md": ("---\nname: 42\ndescription: d\n---\nBody\n", 2, "'name' must be text"),
    "bad-tools.md": ("---\nname: tools\ndescription: d\ntools: {a: 1}\n---\nBody\n", 4, "'tools' must be"),
    "bad-model.md": ("---\nname: model\ndescription: d\nmodel: so nnet!\n---\nBody\n", 4, "invalid model"),
    "empty-body.md": ("---\nname: hollow\ndescription: d\n---\n\n\n", 4, "body"),
    "empty.md": ("", 1, "empty"),
}


@pytest.mark.parametrize("filename", sorted(BAD))
def test_each_bad_file_is_refused_with_line_and_reason(tmp_path: Path, filename: str):
    text, line, reason = BAD[filename]
    result = parse_file(write(tmp_path, filename, text))
    assert isinstance(result, AgentError), result
    assert result.file == str(tmp_path / filename)
    assert reason in result.reason, result.reason
    if line is not None:
        assert result.line == line, result
    else:
        assert result.line >= 2


def test_non_utf8_huge_and_binary_files(tmp_path: Path):
    latin = parse_file(write(tmp_path, "latin.md", "---\nname: caf\ndescription: café\n---\nB\n".encode("latin-1")))
    assert isinstance(latin, AgentError) and "UTF-8" in latin.reason and latin.line == 3
    huge = write(tmp_path, "huge.md", GOOD.format(name="huge") + "x" * (MAX_FILE_BYTES + 10))
    refused = parse_file(huge)
    assert isinstance(refused, AgentError) and "too large" in refused.reason
    nul = parse_file(write(tmp_path, "nul.md", b"---\nname: n\x00\n"))
    assert isinstance(nul, AgentError) and "NUL" in nul.reason


def test_a_folder_of_good_and_bad_files_loads_the_good_ones(tmp_path: Path):
    for filename, (text, _, _) in BAD.items():
        write(tmp_path, filename, text)
    write(tmp_path, "good-one.md", GOOD.format(name="good-one"))
    write(tmp_path, "good-two.md", GOOD.format(name="good-two"))
    write(tmp_path, "dup.md", GOOD.format(name="good-one"))  # sorts before good-one.md: it wins
    write(tmp_path, "README.md", "# About these agents\n")
    write(tmp_path, "notes.txt", "not an agent")
    sub = tmp_path / "nested"
    sub.mkdir()
    write(sub, "deep.md", GOOD.format(name="deep-agent"))
    os.symlink(tmp_path, sub / "loop")  # a folder symlink back up: walked once
    os.symlink(tmp_path / "self-a.md", tmp_path / "self-b.md")
    os.symlink(tmp_path / "self-b.md", tmp_path / "self-a.md")  # a symlink loop between files
    os.symlink(tmp_path / "gone.md", tmp_path / "dangling.md")
    source = load_folder(tmp_path)
    names = sorted(a.name for a in source.agents)
    assert names == ["deep-agent", "good-one", "good-two"]
    by_file = {Path(e.file).name: e for e in source.errors}
    for filename in BAD:
        assert filename in by_file, filename
    assert "duplicate name 'good-one'" in by_file["good-one.md"].reason
    assert by_file["good-one.md"].line == 2
    assert "symlink loop" in by_file["self-a.md"].reason and "symlink loop" in by_file["self-b.md"].reason
    assert "broken symlink" in by_file["dangling.md"].reason
    assert "symlink loop" in by_file["loop"].reason
    assert [Path(p).name for p in source.ignored] == ["README.md"]


def test_a_broken_edit_keeps_the_last_good_version(tmp_path: Path):
    path = write(tmp_path, "a.md", GOOD.format(name="keeper"))
    source = Source(tmp_path, "user")
    assert source.scan().changed and [a.name for a in source.agents] == ["keeper"]
    assert not source.scan().changed, "an unchanged folder is not reparsed"
    path.write_text("---\nname: keeper\ndescription: [\n---\nBody\n", encoding="utf-8")
    scan = source.scan()
    assert scan.changed and scan.files == [str(path)]
    assert [a.name for a in source.agents] == ["keeper"] and source.agents[0].description == "Builds things well."
    assert len(source.errors) == 1 and source.errors[0].file == str(path)
    path.write_text(GOOD.format(name="keeper").replace("Builds things well.", "Builds better."), encoding="utf-8")
    source.scan()
    assert source.errors == [] and source.agents[0].description == "Builds better."
    path.unlink()
    assert source.scan().changed and source.agents == []


# -- the fast front matter reader agrees with YAML whenever it answers ---------------------

import yaml  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from vibing.services.agent.parser import _fast_front_matter  # noqa: E402

_atoms = st.sampled_from(
    [
        "name",
        "tags",
        "a",
        "x",
        "1.0",
        "yes",
        "no",
        "on",
        "null",
        "~",
        "-",
        ":",
        ": ",
        "#",
        " #",
        "[",
        "]",
        "{",
        "}",
        ",",
        "'",
        '"',
        "&a",
        "*a",
        "!t",
        "|",
        ">",
        "%",
        "@",
        "`",
        " ",
        "\t",
        "- ",
        "  - ",
        "2024-01-01",
        "0x1F",
        "12:30",
        "é",
        "Read, Write",
        "=",
        "<<",
        "?",
    ]
)
_value = st.lists(_atoms, max_size=4).map("".join)
_structured = st.one_of(
    st.tuples(
        st.sampled_from(["name", "tags", "model", "k-1", "_x", " name", "Name"]),
        st.sampled_from([":", ": ", ":  "]),
        _value,
    ).map("".join),
    st.tuples(st.sampled_from(["  - ", "\t- ", " -", "  -  "]), _value).map("".join),
    st.tuples(st.sampled_from(["tags: [", "k: ["]), _value, st.sampled_from(["]", ", x]", ""])).map("".join),
)
_lines = st.lists(_structured | st.text(st.sampled_from(list("ab:-# ,[]'\"1.")), max_size=6) | _value, max_size=6)


@settings(max_examples=600, deadline=None)
@given(_lines)
def test_fast_front_matter_matches_yaml(lines: list[str]):
    got = _fast_front_matter(lines)
    if got is None:
        return
    try:
        expected = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as exc:
        raise AssertionError(f"the fast path accepted what YAML refuses: {lines!r}") from exc
    assert got == expected, lines
