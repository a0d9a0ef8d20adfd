"""The stream service's modules import each other without a circle (issue 13: generate -> service -> workflow ->
generate was one), and the modules that start streams build on the launcher and the prompt builder, not on the
service.  Read from the source with ``ast``, so an import inside a function or under TYPE_CHECKING counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import vibing.services.stream as stream_package

PACKAGE = "vibing.services.stream"
FOLDER = Path(stream_package.__file__).parent


def module_names() -> dict[str, Path]:
    return {path.stem: path for path in FOLDER.glob("*.py")}


def imports_of(path: Path, siblings: set[str]) -> set[str]:
    """The sibling modules ``path`` imports (any form: ``from pkg import mod``, ``from pkg.mod import x``, relative)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PACKAGE + "."):
                    found.add(alias.name[len(PACKAGE) + 1 :].split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # relative: from . import x / from .x import y
                module = f"{PACKAGE}.{module}" if module else PACKAGE
            if module == PACKAGE:
                found.update(alias.name for alias in node.names)
            elif module.startswith(PACKAGE + "."):
                found.add(module[len(PACKAGE) + 1 :].split(".")[0])
    return (found & siblings) - {path.stem}


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    siblings = set(modules)
    return {name: imports_of(path, siblings) for name, path in modules.items() if name != "__init__"}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle as a list of modules (first == last), or [] when the graph is acyclic."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return []


def test_the_cycle_finder_sees_a_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_the_import_reader_sees_every_form(tmp_path):
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "import vibing.services.stream.runner\n"
        "from vibing.services.stream import costs, prompts\n"
        "from .launcher import Launcher\n"
        "if TYPE_CHECKING:\n"
        "    from vibing.services.stream.service import Service\n"
        "def later():\n"
        "    from vibing.services.stream import generate\n"
    )
    siblings = {"runner", "costs", "prompts", "launcher", "service", "generate", "title"}
    assert imports_of(source, siblings) == {"runner", "costs", "prompts", "launcher", "service", "generate"}


def test_the_stream_package_imports_without_a_cycle():
    graph = import_graph()
    assert {"service", "generate", "workflow", "launcher", "prompts", "runner"} <= set(graph)
    assert find_cycle(graph) == [], f"import cycle in {PACKAGE}: {' -> '.join(find_cycle(graph))}"


def test_generations_and_workflows_build_on_the_launcher_and_the_prompt_builder_not_on_the_service():
    graph = import_graph()
    for module in ("generate", "workflow", "launcher", "prompts", "runner"):
        assert "service" not in graph[module], f"{module} imports the stream Service"
    assert {"launcher", "prompts"} <= graph["generate"]
    assert {"launcher", "prompts"} <= graph["workflow"]
    assert "generate" not in graph["workflow"] and "generate" not in graph["launcher"]
