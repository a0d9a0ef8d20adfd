"""The bundled library (agents/): at least 84 distinct agents that all load, including the web app's names."""

from __future__ import annotations

from vibing.services.agent import project_types
from vibing.services.agent.catalog import bundled_dir
from vibing.services.agent.registry import Library, load_folder
from vibing.services.agent.select import select
from vibing.services.agent.workflows import load_templates

WEB_APP_NAMES = {
    "frontend-developer",
    "ui-ux-designer",
    "code-reviewer",
    "mobile-developer",
    "performance-engineer",
    "unity-developer",
    "backend-architect",
    "security-auditor",
    "test-automator",
    "data-engineer",
    "database-optimizer",
    "database-architect",
    "deployment-engineer",
    "cloud-architect",
    "frontend-security-coder",
    "backend-security-coder",
    "debugger",
    "fullstack-developer",
}
CATEGORIES = {
    "frontend",
    "backend",
    "mobile",
    "games",
    "data",
    "testing",
    "security",
    "performance",
    "design",
    "devops",
    "docs",
    "business",
}


def load():
    folder = bundled_dir()
    assert folder is not None and folder.is_dir(), "the bundled agents folder is missing"
    source = load_folder(folder, "bundled")
    library = Library([source])
    library.rebuild()
    return source, library


def test_bundled_library_loads_at_least_84_distinct_agents_with_the_web_app_names():
    source, library = load()
    assert source.errors == [], "\n".join(f"{e.file}:{e.line}: {e.reason}" for e in source.errors)
    names = set(library.names())
    assert len(names) >= 84, f"only {len(names)} bundled agents"
    assert WEB_APP_NAMES <= names, f"missing: {sorted(WEB_APP_NAMES - names)}"
    assert CATEGORIES <= set(library.categories()), f"missing categories: {CATEGORIES - set(library.categories())}"
    for agent in library.agents():
        assert not agent.category_guessed, f"{agent.name} names no category"
        assert agent.model in ("haiku", "sonnet", "opus"), agent.name
        assert agent.tags and agent.capabilities, f"{agent.name} has no tags or capabilities"
        assert len(agent.body) > 400, f"{agent.name}: the system prompt is too thin"


def test_bundled_library_serves_project_types_and_workflows():
    _, library = load()
    for ptype in project_types.PROJECT_TYPES:
        for name in ptype.base_agents:
            assert library.get(name) is not None, f"{ptype.id} needs {name}"
    templates, _ = load_templates()
    for workflow in templates.values():
        for task in workflow.tasks:
            assert library.get(task.agent) is not None, f"workflow {workflow.id} needs {task.agent}"
    fallback = select(library, "hello there")
    assert fallback.fallback and fallback.primary.agent.name == "frontend-developer"


def test_helpers_are_asked_for_by_the_prompt_not_only_by_a_synonym():
    _, library = load()
    result = select(library, "a todo app with drag and drop")
    assert result.primary.agent.name == "frontend-developer"
    assert "frontend-security-coder" not in [h.agent.name for h in result.helpers]
