"""Registry: folder precedence (the user's copy wins, saying which file it replaced), views, refresh diffs."""

from __future__ import annotations

from pathlib import Path

from vibing.schema.agent import AddAgentFolder, GetAgent, ListAgents, ListCategories, SearchAgents, SelectAgents
from vibing.services.agent.catalog import Catalog
from vibing.services.agent.core import AgentCore
from vibing.services.agent.registry import Library, Source
from vibing.services.agent.settings import add_agent_dir


def agent_text(name: str, description: str = "Does things.", category: str = "") -> str:
    extra = f"category: {category}\n" if category else ""
    return f"---\nname: {name}\ndescription: {description}\n{extra}---\nBody of {name}.\n"


def folder_with(root: Path, name: str, agents: dict[str, str]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    for filename, text in agents.items():
        (folder / filename).write_text(text, encoding="utf-8")
    return folder


def test_later_folders_override_earlier_ones(tmp_path: Path):
    bundled = folder_with(
        tmp_path,
        "bundled",
        {"a.md": agent_text("alpha", "Bundled alpha."), "b.md": agent_text("beta", category="data")},
    )
    user = folder_with(tmp_path, "user", {"alpha.md": agent_text("alpha", "User alpha.")})
    extra = folder_with(tmp_path, "extra", {"x.md": agent_text("alpha", "Configured alpha.")})
    sources = [Source(bundled, "bundled"), Source(user, "user"), Source(extra, "config")]
    for s in sources:
        s.scan()
    library = Library(sources)
    diff = library.rebuild()
    assert diff.added == ["alpha", "beta"]
    entry = library.get("alpha")
    assert entry.agent.description == "Configured alpha." and entry.agent.origin == "config"
    assert [a.file for a in entry.overrides] == [str(user / "alpha.md"), str(bundled / "a.md")]
    assert library.names() == ["alpha", "beta"]
    assert library.categories() == {"data": 1, "general": 1}
    assert [a.name for a in library.agents("data")] == ["beta"]


def test_catalog_refresh_reports_added_changed_removed(tmp_path: Path):
    bundled = folder_with(tmp_path, "bundled", {"a.md": agent_text("alpha")})
    user = tmp_path / "user-not-yet"
    catalog = Catalog(bundled=bundled, user_dir=str(user))
    catalog.load()
    assert catalog.base.names() == ["alpha"]
    assert catalog.refresh() == []

    user.mkdir()
    (user / "g.md").write_text(agent_text("gamma"), encoding="utf-8")
    changes = catalog.refresh()
    assert len(changes) == 1 and changes[0].diff.added == ["gamma"] and changes[0].count == 2

    (bundled / "a.md").write_text(agent_text("alpha", "Now different."), encoding="utf-8")
    (user / "g.md").unlink()
    changes = catalog.refresh()
    assert changes[0].diff.changed == ["alpha"] and changes[0].diff.removed == ["gamma"]
    assert str(bundled / "a.md") in changes[0].files

    (bundled / "a.md").write_text("---\nname: alpha\n---\nno description\n", encoding="utf-8")
    changes = catalog.refresh()
    assert not changes[0].diff and changes[0].errors[0].reason == "the front matter has no 'description:'"
    assert catalog.base.get("alpha").agent.description == "Now different."


def test_project_views_layer_on_top_and_follow_base_changes(tmp_path: Path):
    bundled = folder_with(tmp_path, "bundled", {"a.md": agent_text("alpha", "Bundled.")})
    project = tmp_path / "proj"
    folder_with(project / ".claude", "agents", {"a.md": agent_text("alpha", "Project.")})
    catalog = Catalog(bundled=bundled)
    catalog.load()
    view = catalog.library(str(project))
    assert view.get("alpha").agent.description == "Project." and view.get("alpha").agent.origin == "project"
    assert catalog.base.get("alpha").agent.description == "Bundled."
    (bundled / "b.md").write_text(agent_text("beta"), encoding="utf-8")
    changes = {c.project_dir: c for c in catalog.refresh()}
    assert changes[""].diff.added == ["beta"] and changes[str(project)].diff.added == ["beta"]


def test_core_replies(tmp_path: Path):
    bundled = folder_with(
        tmp_path,
        "bundled",
        {"a.md": agent_text("alpha", "Paints walls.", "design"), "b.md": agent_text("beta", "Counts beans.", "data")},
    )
    core = AgentCore(Catalog(bundled=bundled))
    core.catalog.load()
    listed = core.handle(ListAgents())
    assert [a.name for a in listed.agents] == ["alpha", "beta"] and listed.problems == 0
    assert [c.name for c in core.handle(ListCategories()).categories] == ["data", "design"]
    assert core.handle(GetAgent(name="Alpha")).agent.prompt == "Body of alpha."
    assert core.handle(SearchAgents(query="beans")).hits[0].agent.name == "beta"
    picked = core.handle(SelectAgents(prompt="a beta tool"))
    assert picked.primary.name == "beta" and picked.primary.matched[0].word == "beta"
    extra = folder_with(tmp_path, "extra", {"c.md": agent_text("gamma")})
    core.handle(AddAgentFolder(path=str(extra)))
    assert [c.diff.added for c in core.pending] == [["gamma"]]


def test_add_agent_dir_edits_the_config_file(tmp_path: Path):
    config = tmp_path / "config.toml"
    config.write_text('# my settings\nlog_level = "debug"\n', encoding="utf-8")
    file, added = add_agent_dir(str(tmp_path / "one"), config)
    assert added and file == config
    file, added = add_agent_dir(str(tmp_path / "two"), config)
    assert added
    _, again = add_agent_dir(str(tmp_path / "two"), config)
    assert not again
    import tomllib

    data = tomllib.loads(config.read_text(encoding="utf-8"))
    assert data["agent_dirs"] == [str(tmp_path / "one"), str(tmp_path / "two")] and data["log_level"] == "debug"
    assert config.read_text(encoding="utf-8").startswith("# my settings")


def test_parse_cache_reuses_unchanged_files_only(tmp_path: Path):
    from vibing.services.agent.cache import ParseCache

    folder = folder_with(
        tmp_path, "agents", {"a.md": agent_text("alpha", "First words."), "b.md": agent_text("beta", "Second words.")}
    )
    cache_file = tmp_path / "cache.msgpack"
    first = Catalog(bundled=folder, cache=ParseCache(cache_file))
    first.load()
    assert first.cache.hits == 0 and first.save_cache() and cache_file.is_file()

    (folder / "b.md").write_text(agent_text("beta", "Changed words, longer than before."), encoding="utf-8")
    second = Catalog(bundled=folder, cache=ParseCache(cache_file))
    second.load()
    assert second.cache.hits == 1, "only the unchanged file comes from the cache"
    assert second.base.get("beta").agent.description == "Changed words, longer than before."
    assert second.base.index.search("first")[0].agent.name == "alpha", "cached terms are searchable"
    assert second.base.get("alpha").agent.body == "Body of alpha."
    second.save_cache()

    cache_file.write_bytes(b"\x00garbage")
    third = Catalog(bundled=folder, cache=ParseCache(cache_file))
    third.load()
    assert third.cache.hits == 0 and third.base.names() == ["alpha", "beta"]
    assert third.save_cache(), "a corrupt cache is rewritten"
    fourth = ParseCache(cache_file)
    assert len(fourth.records) == 2
