"""The word model behind auto-select: learned only from tuning requests, honest about repeats, fair to user agents."""

from __future__ import annotations

from pathlib import Path

import pytest

from vibing.services.agent import wordmodel
from vibing.services.agent.catalog import bundled_dir
from vibing.services.agent.evaluation import HELD_OUT, MORE_TUNING, ROUTING_SET, load, tuning_cases
from vibing.services.agent.registry import Library, Source, load_folder
from vibing.services.agent.select import select


@pytest.fixture(scope="module")
def library() -> Library:
    library = Library([load_folder(bundled_dir(), "bundled")])
    library.rebuild()
    return library


def test_the_committed_counts_are_those_of_the_tuning_requests(library: Library):
    cases = tuning_cases(known=set(library.entries))
    counted = wordmodel.Counts.of((c.request, c.accept, c.project_type, c.recent_agents) for c in cases)
    assert wordmodel.COUNTS.read_text(encoding="utf-8") == counted.to_json(), (
        "services/agent/word_counts.json is stale: run python tools/fit_routing.py --counts"
    )


def test_nothing_held_out_is_learned_from(library: Library):
    assert not set(HELD_OUT) & {*MORE_TUNING, ROUTING_SET}
    tuning = tuning_cases(known=set(library.entries))
    assert tuning and all(c.split == "tune" for c in tuning)  # never the routing set's test half
    assert all(c.split == "test" for path in HELD_OUT if path.is_file() for c in load(path))


def test_a_word_said_many_times_counts_once(library: Library):
    model = wordmodel.word_model(library.index)
    once = dict(model.posterior("make a todo app"))
    many = dict(model.posterior("make a todo app " * 6250))
    assert many == pytest.approx(once)


def test_the_posterior_is_a_ranking_of_every_agent(library: Library):
    ranked = wordmodel.word_model(library.index).posterior("a snake game with a high score")
    assert sorted(a for a, _ in ranked) == sorted(library.entries)
    assert sum(p for _, p in ranked) == pytest.approx(1.0)
    assert [p for _, p in ranked] == sorted((p for _, p in ranked), reverse=True)


def test_filler_and_plurals_are_not_telling_words():
    assert wordmodel.words("Please make this app for my cats") == ("cat",)
    assert [w for _, w in wordmodel.said_words("Tracks the Páginas")] == ["tracks", "paginas"]


def test_a_user_agent_is_learned_from_its_own_description(tmp_path: Path):
    mine = tmp_path / "agents"
    mine.mkdir()
    (mine / "sourdough-planner.md").write_text(
        "---\nname: sourdough-planner\ndescription: Plans sourdough bakes, starter feeding, levain, proofing and "
        "baking schedules for home bakers.\ntags: [sourdough, levain, proofing]\n---\nYou plan bakes.\n",
        encoding="utf-8",
    )
    user = Source(mine, "user")
    user.scan()
    library = Library([load_folder(bundled_dir(), "bundled"), user])
    library.rebuild()
    ranked = wordmodel.word_model(library.index).posterior("a levain and proofing schedule for my sourdough")
    assert ranked[0][0] == "sourdough-planner"
    assert select(library, "a levain and proofing schedule for my sourdough").primary.agent.name == "sourdough-planner"


def test_without_counts_only_the_descriptions_count(tmp_path: Path, library: Library):
    counts = wordmodel.Counts.load(tmp_path / "missing.json")
    assert counts.requests == {} and counts.words == {}
    model = wordmodel.WordModel(library.index.agents, counts)
    assert model.posterior("an accessibility audit with a screen reader")[0][0] == "accessibility-expert"


def test_the_word_model_overrules_the_rules_when_it_is_sure_and_keeps_their_pick_one_click_away(library: Library):
    request = "a recipe scaler app that works offline"
    rules = select(library, request, word_model=wordmodel.WordModel([], wordmodel.Counts({}, {})))  # rules alone
    assert rules.primary.agent.name == "pwa-builder"
    # A model that has learned that people who want a recipe scaler accept the everyday-app builder.
    counts = wordmodel.Counts.of(
        [("a recipe scaler", ("frontend-developer",), "", ())] * 40
        + [("an offline notes app", ("pwa-builder",), "", ())]
    )
    picked = select(library, request, word_model=wordmodel.WordModel(library.index.agents, counts))
    assert picked.primary.agent.name == "frontend-developer"
    assert picked.explanation.startswith("Picked frontend-developer: you asked for"), picked.explanation
    assert "pwa-builder" in {p.agent.name for p in picked.runners_up}


def test_a_bug_report_and_a_follow_up_keep_their_structure(library: Library):
    counts = wordmodel.Counts.of([("the contact form does not send", ("form-builder",), "", ())] * 40)
    model = wordmodel.WordModel(library.index.agents, counts)
    site = dict(project_type="website", files=["index.html"], recent_agents=["marketing-site-builder"])
    result = select(library, "the contact form does not send", word_model=model, **site)
    assert result.primary.agent.name in ("marketing-site-builder", "debugger"), result.explanation


def test_an_unsure_pick_of_the_word_model_says_so_and_keeps_the_rules_pick_one_click_away(library: Library):
    counts = wordmodel.Counts.of(
        [("a snake game", ("accessibility-expert",), "", ())] * 40
        + [("an asteroids shooter", (a,), "", ()) for a in ("game-developer", "arcade-game-developer")]
    )
    result = select(library, "a snake game", word_model=wordmodel.WordModel(library.index.agents, counts))
    assert result.primary.agent.name == "accessibility-expert" and result.uncertain
    assert result.explanation.startswith("No clear specialist, using accessibility-expert: requests like yours (snake")
    assert {"game-developer", "arcade-game-developer"} & {p.agent.name for p in result.runners_up}


def test_a_user_s_own_agent_picked_by_the_rules_is_not_overruled(library: Library, tmp_path: Path):
    mine = tmp_path / "agents"
    mine.mkdir()
    (mine / "bonsai-care-expert.md").write_text(
        "---\nname: bonsai-care-expert\ndescription: Builds apps about bonsai care, watering schedules and pruning "
        "calendars.\ntags: [bonsai, pruning]\n---\nYou know bonsai.\n",
        encoding="utf-8",
    )
    user = Source(mine, "user")
    user.scan()
    both = Library([load_folder(bundled_dir(), "bundled"), user])
    both.rebuild()
    # A model that learned from requests that pruning calendars are an everyday app: it never heard of the user's
    # agent except by its description, so it cannot weigh it fairly and does not overrule it.
    counts = wordmodel.Counts.of([("a bonsai pruning calendar", ("frontend-developer",), "", ())] * 40)
    result = select(both, "a bonsai pruning calendar", word_model=wordmodel.WordModel(both.index.agents, counts))
    assert result.primary.agent.name == "bonsai-care-expert", result.explanation


def test_a_request_whose_main_words_it_never_saw_is_left_to_the_rules(library: Library):
    counts = wordmodel.Counts.of([("farm animals", ("puzzle-game-designer",), "", ())] * 40)
    model = wordmodel.WordModel(library.index.agents, counts)
    request = "a colouring book of farm animals for my niece"  # "colouring", "book" and "niece": never seen
    assert model.posterior(request)[0] == ("puzzle-game-designer", pytest.approx(1.0, abs=0.05))
    assert model.known_share(request) < 0.7
    assert select(library, request, word_model=model).primary.agent.name != "puzzle-game-designer"
