"""The project-file rules (vibing/project_files.py): each rule, each refused character class through the storage
service over the bus and through the stream's file-block parser, and one definition of each rule in the tree."""

from __future__ import annotations

import ast
import os
import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import App, start_app

from vibing import project_files
from vibing.bus import Bus
from vibing.errors import InvalidPath
from vibing.importer import mapping
from vibing.importer.reader import ProjectRow
from vibing.project_files import MAX_PATH_LENGTH, MAX_SEGMENT_LENGTH, Limits, check_path, human_bytes, language_of
from vibing.schema.storage import (
    ApplyFileBatch,
    CreateFile,
    CreateProject,
    FileOp,
    FileWrite,
    ImportProject,
    ListProjects,
    LoadProject,
    RenameFile,
)
from vibing.services.stream.files import FileBlockParser

ROOT = Path(__file__).resolve().parents[1]

NUL = "NUL character in the path"
BIDI = "bidirectional control character in the path"
SLASH = "look-alike slash in the path"

#: Every refused character class, one name per character: (name, reason).
HOSTILE = [
    ("evil.js\0.txt", NUL),
    *((f"invoice{c}fdp.js", BIDI) for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"),
    *((f"src{c}app.js", SLASH) for c in "\uff0f\u2215\u2044\u2571\u29f8\uff3c\u2216\u29f5\u29f9\ufe68"),
]
HOSTILE_IDS = [f"U+{ord(project_files.FORBIDDEN_CHARACTER.search(name).group()):04X}" for name, _ in HOSTILE]
#: The same without the NUL (which a file name on disk or a PostgreSQL text column cannot hold).
NAMED_ON_DISK, NAMED_ON_DISK_IDS = HOSTILE[1:], HOSTILE_IDS[1:]


# -- each rule ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("", "empty path"),
        ("a\0b.js", NUL),
        ("a\nb.js", "control character in the path"),
        ("a\x7fb.js", "control character in the path"),
        ("evil\u202egnp.js", BIDI),
        ("evil\u2067gnp.js", BIDI),
        ("src\uff0fapp.js", SLASH),
        ("src\u2215app.js", SLASH),
        ("src\\app.js", "backslash in the path"),
        ("/etc/passwd", "absolute path"),
        ("C:/x.js", "drive letter"),
        ("c:x.js", "drive letter"),
        ("a/" * 300 + "x", "path too long"),
        ("../x.js", "'..' leaves the project"),
        ("a/../../x.js", "'..' leaves the project"),
        ("a//b.js", "empty or '.' part"),
        ("./a.js", "empty or '.' part"),
        ("a/", "empty or '.' part"),
        ("a/" + "b" * (MAX_SEGMENT_LENGTH + 1), "a part of the path is too long"),
    ],
)
def test_each_rule_refuses_with_a_typed_error_naming_the_file_and_the_reason(path: str, reason: str) -> None:
    with pytest.raises(InvalidPath) as err:
        check_path(path)
    assert err.value.details["reason"] == reason
    if path and reason != "path too long":
        assert repr(path) in err.value.message  # the file, quoted with its invisible characters escaped
    for c in project_files.BIDI_CONTROLS | {"\0", "\n"}:
        assert c not in err.value.message and c not in err.value.details["path"]  # cannot reorder the text shown


@pytest.mark.parametrize(
    "path",
    [
        "index.html",
        "src/app.js",
        "ünïcode/файл.js",
        "עברית/ملف.js",  # right-to-left letters are fine: only the invisible override characters are refused
        "emoji 🎉.md",
        "a..b/..hidden/x.",
        "~user/fraction½.txt",
        "/".join(
            ["d" * MAX_SEGMENT_LENGTH, "e" * (MAX_PATH_LENGTH - MAX_SEGMENT_LENGTH - 3), "f"]
        ),  # both limits, exactly
    ],
)
def test_safe_paths_are_kept_as_they_are(path: str) -> None:
    assert check_path(path) == path


def test_limits_and_sizes_read_as_a_person_reads_them() -> None:
    assert [human_bytes(n) for n in (0, 1023, 1024, 1536, 10 * 1024**2, 3 * 1024**4)] == [
        "0 bytes",
        "1023 bytes",
        "1 KB",
        "1.5 KB",
        "10 MB",
        "3072 GB",
    ]

    class Settings:
        storage_max_file_bytes, storage_max_project_bytes, storage_max_files = 10, 20, 3

    assert Limits.from_config(Settings()) == Limits(max_file_bytes=10, max_project_bytes=20, max_files=3)


def test_one_language_table_answers_both_callers() -> None:
    # storage: the path decides (what is stored and listed)
    assert [language_of(p) for p in ("a.js", "b.TSX", "Dockerfile", "logo.svg", "notes.txt", "README", "x.zz")] == [
        "javascript",
        "typescript",
        "dockerfile",
        "xml",
        "plaintext",
        "plaintext",
        "plaintext",
    ]
    # the stream: a code fence's own word wins, its short forms spelled out, another word kept as written
    assert language_of("app.ts", "js") == "javascript"
    assert language_of("main", "Python") == "python"
    assert language_of("index.htm", "htm") == "html"
    assert language_of("x.elm", "elm") == "elm"


# -- the stream's file-block parser -----------------------------------------------------------------


def _parse(text: str, one_char_at_a_time: bool = False) -> FileBlockParser:
    parser = FileBlockParser()
    for piece in text if one_char_at_a_time else [text]:
        parser.feed(piece)
    parser.finish(complete=True)
    return parser


@pytest.mark.parametrize(("name", "reason"), HOSTILE, ids=HOSTILE_IDS)
def test_the_parser_refuses_and_reports_each_hostile_name(name: str, reason: str) -> None:
    answers = [
        f"```js {name}\nalert(1)\n```\n\n```css ok.css\nbody {{}}\n```\n",  # in the info string
        f"**{name}**\n```js\nalert(1)\n```\n\n```css ok.css\nbody {{}}\n```\n",  # on the line before the fence
        f"```js path={name}\nalert(1)\n```\n\n```css ok.css\nbody {{}}\n```\n",
    ]
    for answer in answers:
        for trickle in (False, True):
            parser = _parse(answer, one_char_at_a_time=trickle)
            assert [(b.path, b.content) for b in parser.files()] == [("ok.css", "body {}\n")]  # the rest is kept
            assert parser.refused == [(name, reason)]


@pytest.mark.parametrize(
    "path",
    [
        "src/app.js",
        "ünïcode/файл.js",
        "/etc/passwd",
        "../x.js",
        "a/../b.js",
        "a//b.js",
        "a/./b.js",
        "a\\b.js",
        "x" * 600 + ".js",
        "d/" + "y" * 300 + ".js",
        *(name for name, _ in HOSTILE),
    ],
)
def test_the_parser_writes_exactly_the_paths_the_rules_accept(path: str) -> None:
    parser = _parse(f"```js {path}\nlet a = 1;\n```\n")
    try:
        check_path(path)
    except InvalidPath as exc:
        assert parser.files() == [] and parser.refused == [(path, exc.details["reason"])]
    else:
        assert [b.path for b in parser.files()] == [path] and parser.refused == []


# -- the PostgreSQL importer ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "reason"), NAMED_ON_DISK, ids=NAMED_ON_DISK_IDS)
def test_the_importer_leaves_out_and_reports_each_hostile_name(name: str, reason: str) -> None:
    import datetime as dt

    when = dt.datetime(2025, 3, 1, 9, 30)
    code = f"```css ok.css\nbody {{}}\n```\n\n```javascript {name}\nalert(1)\n```\n"
    row = ProjectRow(
        id="p1",
        name=b"Timer",
        description=None,
        project_type="WEBSITE",
        active_agents=b"[]",
        current_code=code.encode(),
        preview_url=None,
        user_id="u1",
        created_at=when,
        updated_at=when,
        visibility="PRIVATE",
    )
    problems: list = []
    request = mapping.project_request(row, Limits(1000, 5000, 10), problems)
    assert [(f.path, f.content) for f in request.files] == [("ok.css", "body {}")]
    [problem] = problems
    assert (problem.kind, problem.path) == ("file", name) and repr(name) in problem.reason


# -- the storage service over the bus ---------------------------------------------------------------


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    app = start_app(tmp_path_factory.mktemp("project-files") / "home")
    yield app
    app.stop()


@pytest.fixture(scope="module")
def bus(running: App) -> Bus:
    return running.bus()


@pytest.fixture(scope="module")
def project(bus: Bus) -> str:
    files = [FileWrite(path="index.html", content="<p>hi</p>\n"), FileWrite(path="src/app.js", content="go()\n")]
    return bus.request("storage", CreateProject(name="hostile names", files=files)).project.id


def _files(bus: Bus, project_id: str) -> dict[str, str]:
    return {f.path: f.content for f in bus.request("storage", LoadProject(project_id=project_id)).files}


def _refused(reason: str, name: str, call) -> None:
    with pytest.raises(InvalidPath) as err:
        call()
    assert err.value.details["reason"] == reason
    assert repr(name) in err.value.message


@pytest.mark.parametrize(("name", "reason"), HOSTILE, ids=HOSTILE_IDS)
def test_storage_refuses_each_hostile_name_and_loses_nothing(bus: Bus, project: str, name: str, reason: str) -> None:
    before = _files(bus, project)
    assert before == {"index.html": "<p>hi</p>\n", "src/app.js": "go()\n"}
    _refused(reason, name, lambda: bus.request("storage", CreateFile(project_id=project, path=name, content="x")))
    _refused(
        reason,
        name,
        lambda: bus.request("storage", RenameFile(project_id=project, path="src/app.js", new_path=name)),
    )
    batch = [FileOp(op="write", path="index.html", content="changed"), FileOp(op="write", path=name, content="x")]
    _refused(reason, name, lambda: bus.request("storage", ApplyFileBatch(project_id=project, ops=batch)))
    projects = bus.request("storage", ListProjects(limit=1)).total
    _refused(
        reason,
        name,
        lambda: bus.request("storage", CreateProject(name="evil", files=[FileWrite(path=name, content="x")])),
    )
    assert bus.request("storage", ListProjects(limit=1)).total == projects
    assert _files(bus, project) == before


def _zip(path: Path, names: list[str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo("placeholder")
            info.filename = name  # as written by a hostile tool: ZipInfo() itself would cut the name at a NUL
            archive.writestr(info, "x")
    return path


@pytest.mark.parametrize(("name", "reason"), HOSTILE, ids=HOSTILE_IDS)
def test_a_zip_holding_a_hostile_name_is_refused_whole(bus: Bus, tmp_path: Path, name: str, reason: str) -> None:
    source = _zip(tmp_path / "hostile.zip", ["index.html", name])
    projects = bus.request("storage", ListProjects(limit=1)).total
    _refused(reason, name, lambda: bus.request("storage", ImportProject(path=str(source))))
    assert bus.request("storage", ListProjects(limit=1)).total == projects


@pytest.mark.parametrize(("name", "reason"), NAMED_ON_DISK, ids=NAMED_ON_DISK_IDS)
def test_a_folder_holding_a_hostile_name_is_refused_whole(bus: Bus, tmp_path: Path, name: str, reason: str) -> None:
    source = tmp_path / "site"
    source.mkdir()
    (source / "index.html").write_text("<p>hi</p>\n")
    (source / name).write_text("x")
    projects = bus.request("storage", ListProjects(limit=1)).total
    _refused(reason, name, lambda: bus.request("storage", ImportProject(path=str(source))))
    assert bus.request("storage", ListProjects(limit=1)).total == projects


# -- one definition of each rule ------------------------------------------------------------------------

RULES = [
    "check_path",
    "language_of",
    "MAX_PATH_LENGTH",
    "MAX_SEGMENT_LENGTH",
    "Limits",
    "human_bytes",
    "check_text",
    "check_file",
    "decode_text",
    "check_totals",
]
_SKIP = {".git", ".venv", "venv", "build", "dist", "node_modules", "__pycache__"}


def _python_files() -> Iterator[Path]:
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in _SKIP and not d.startswith(".") and not d.endswith(".egg-info")]
        for name in names:
            if name.endswith(".py") and not (Path(folder) / name).is_symlink():  # vibing/ links to the real files
                yield Path(folder) / name


def _definitions(name: str, files: Iterator[Path], root: Path = ROOT) -> list[str]:
    """Where ``name`` is defined (def, class or assignment at the start of a line), as ``path:line``."""
    pattern = re.compile(
        rf"^[ \t]*(?:(?:async\s+)?def\s+{name}\s*\(|class\s+{name}\b|{name}\s*(?::[^=\n]+)?=[^=])", re.M
    )
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [f"{path.relative_to(root)}:{text.count(chr(10), 0, m.start()) + 1}" for m in pattern.finditer(text)]
    return found


@pytest.mark.parametrize("name", RULES)
def test_each_rule_is_defined_once_in_the_tree(name: str) -> None:
    found = _definitions(name, _python_files())
    assert len(found) == 1 and found[0].startswith("vibing/project_files.py:"), found


def test_the_definition_search_sees_every_kind_of_copy(tmp_path: Path) -> None:
    copy = tmp_path / "copy.py"
    copy.write_text(
        "MAX_PATH_LENGTH = 512\nclass Limits:\n    MAX_SEGMENT_LENGTH: int = 9\n"
        "    def check_path(self, p):\n        human_bytes = str\n"
        "async def language_of(p):\n    pass\nif MAX_PATH_LENGTH == 3:\n    check_file(x)\n"
    )
    found = {name: _definitions(name, [copy], root=tmp_path) for name in RULES}
    counts = {name: len(where) for name, where in found.items()}
    assert counts == {
        "check_path": 1,
        "language_of": 1,
        "MAX_PATH_LENGTH": 1,
        "MAX_SEGMENT_LENGTH": 1,
        "Limits": 1,
        "human_bytes": 1,
        "check_text": 0,
        "check_file": 0,
        "decode_text": 0,
        "check_totals": 0,
    }


def test_the_rules_module_stays_in_the_core_layer() -> None:
    """project_files imports only the standard library and the core's errors, so stream, storage and the importer
    can all use it without reaching into one another."""
    tree = ast.parse((ROOT / "vibing" / "project_files.py").read_text())
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    outside = {m for m in imported if m.split(".")[0] not in sys.stdlib_module_names and m != "vibing.errors"}
    assert outside == set()
    for module in (ROOT / "vibing" / "importer").glob("*.py"):
        assert "vibing.services" not in module.read_text(), module  # the importer no longer reaches into storage
