"""Auto-select picks the agent a person would pick, says how sure it is honestly, and keeps a project's agent.

The figures are measured on the test half of tests/data/routing.tsv (the rules were tuned on the other half and on
the files of evaluation.MORE_TUNING; the word model never counted it) and on the held-out set (evaluation.HELD_OUT),
which `vibing bench --only agents` reports with the pick's time.  The requests of the tests of kinds of request
below are new ones.
"""

from __future__ import annotations

import pytest

from vibing.schema.agent import SelectAgents
from vibing.services.agent.catalog import bundled_dir
from vibing.services.agent.core import AgentCore
from vibing.services.agent.evaluation import HELD_OUT, ROUTING_SET, evaluate, load
from vibing.services.agent.registry import Library, Source, load_folder
from vibing.services.agent.select import UNCERTAIN, select


@pytest.fixture(scope="module")
def library() -> Library:
    library = Library([load_folder(bundled_dir(), "bundled")])
    library.rebuild()
    return library


@pytest.fixture(scope="module")
def held_out(library: Library):
    known = set(library.entries)
    cases = [c for c in load(known=known) if c.split == "test"]
    return evaluate(library, cases + [c for path in HELD_OUT if path.is_file() for c in load(path, known)])


def test_the_routing_set_is_labelled_honestly(library: Library):
    cases = load(known=set(library.entries))  # every label is an agent of the library
    assert len(cases) >= 150
    tune, test = [c for c in cases if c.split == "tune"], [c for c in cases if c.split == "test"]
    assert len(tune) >= 75 and len(test) >= 75
    assert all(1 <= len(c.accept) <= 3 for c in cases)
    assert len({c.request for c in cases}) == len(cases), "a request is listed twice"
    follow_ups = [c for c in test if c.recent_agents]
    assert len(follow_ups) >= 10, "the held-out half has follow-ups, each with its project's context"
    assert any(not c.request.isascii() for c in test), "requests in other languages"
    assert ROUTING_SET.with_name("routing-more.tsv").is_file()


def test_held_out_requests_go_where_a_person_would_send_them(held_out):
    misses = "\n".join(
        f"  {o.case.request!r} -> {o.picked}, accepted {', '.join(o.case.accept)}"
        for o in held_out.outcomes
        if not o.right
    )
    assert held_out.top1 >= 0.90, f"top-1 {held_out.top1:.1%} on {held_out.size} held-out requests:\n{misses}"
    assert held_out.top3 >= 0.95, f"top-3 {held_out.top3:.1%}"


def test_the_confidence_shown_means_what_it_says(held_out):
    assert held_out.calibration_error() <= 0.1
    sure = [o for o in held_out.outcomes if o.selection.confidence >= 0.8]
    assert sure and sum(o.right for o in sure) / len(sure) >= 0.8


def test_an_unclear_request_says_so_and_offers_two_runners_up(library: Library, held_out):
    unclear = [o.selection for o in held_out.outcomes if o.selection.uncertain]
    clear = [o.selection for o in held_out.outcomes if not o.selection.uncertain and not o.selection.fallback]
    assert clear, "some picks are clear"
    for s in unclear:
        assert s.explanation.startswith("No clear specialist"), s.explanation
        # the all-rounder, the project's agent, the word model's pick, or for a bug report the debugger
        assert (
            s.primary.source in ("generalist", "project", "fallback", "learned") or s.primary.agent.name == "debugger"
        )
        assert len(s.runners_up) == 2
        assert s.confidence < UNCERTAIN or s.fallback  # a vague request is unclear however sure the all-rounder is
    for s in clear:
        assert s.confidence >= UNCERTAIN and s.runners_up, s.explanation


def test_the_explanation_says_what_was_asked_for(library: Library):
    game = select(library, "an asteroids game where you have three lives")
    assert game.primary.agent.name == "arcade-game-developer"
    assert game.explanation.startswith("Picked arcade-game-developer: ") and "asteroids" in game.explanation
    timer = select(library, "a pomodoro timer with a dark theme")
    assert timer.primary.agent.name == "frontend-developer", timer.explanation
    assert "you asked for an everyday app" in timer.explanation and timer.kind == "an everyday app"


@pytest.mark.parametrize(
    ("prompt", "why"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("\x00\x01\x02\x03binary\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f" * 50, "not text"),
        ("🎉🥳🎈✨🚀", "no words"),
        ("function total(items) {\n  return items.reduce((a, b) => a + b, 0);\n}\nconst x = total([1, 2]);", "code"),
        ("make a todo app " * 6250, ""),  # 100 kB
    ],
    ids=["empty", "blank", "binary", "emoji", "code", "100kB"],
)
def test_bad_input_gets_the_generalist_and_a_clear_explanation(library: Library, prompt: str, why: str):
    result = select(library, prompt)
    assert result is not None
    assert result.primary.agent.name in ("frontend-developer", "fullstack-developer"), result.explanation
    assert why in result.explanation, result.explanation
    reply = AgentCore(_catalog(library)).SelectAgents(SelectAgents(prompt=prompt + "x" * 100))
    assert reply.primary.name and reply.explanation


def test_a_follow_up_stays_with_the_project_unless_it_asks_for_another_specialty(library: Library):
    game = dict(project_type="game", files=["index.html", "game.js"], recent_agents=["arcade-game-developer"])
    bigger = select(library, "make the buttons bigger", **game)
    assert bigger.primary.agent.name == "arcade-game-developer" and bigger.primary.source == "project"
    # (The project's agent is kept even when the confidence is low: a follow-up often wants another hand too.)
    assert bigger.follow_up
    assert bigger.explanation.startswith(("Kept arcade-game-developer", "No clear specialist, keeping arcade-game-dev"))
    bug = select(library, "it does not work when I click reset", **game)
    assert bug.primary.agent.name in ("arcade-game-developer", "debugger")
    assert {bug.primary.agent.name, *(p.agent.name for p in bug.runners_up)} >= {"arcade-game-developer", "debugger"}
    offline = select(library, "now make it work offline, even on the train", **game)
    assert offline.primary.agent.name == "pwa-builder", offline.explanation
    # The project's agent is the one that built it, not a specialist called once for a login.
    site = dict(project_type="website", files=["index.html"], recent_agents=["landing-page-builder", "auth-specialist"])
    assert select(library, "make the headline shorter", **site).primary.agent.name == "landing-page-builder"
    # Without the context the same words stand alone.
    assert not select(library, "make the buttons bigger").follow_up


@pytest.mark.parametrize(
    ("prompt", "generalist", "specialist"),
    [
        # One word in an aside, or an everyday word that only hints at a subject, does not outweigh the thing asked.
        ("a tiling calculator - put in the size of the bathroom and it says how many boxes", "frontend-developer", ""),
        ("darts league ladder, who is ranked where after each match", "frontend-developer", ""),
        ("a board game that teaches kids about the planets", "game-developer", ""),
        # The same subject said as the thing asked for still counts.
        ("a paint app for toddlers with big brushes", "", "canvas-artist"),
        ("make my bakery rank higher on google", "", "seo-specialist"),
        ("a gravity game where you flip gravity to dodge spikes", "", "game-physics-programmer"),
    ],
)
def test_an_incidental_word_does_not_outweigh_what_is_asked(
    library: Library, prompt: str, generalist: str, specialist: str
):
    result = select(library, prompt)
    assert result.primary.agent.name == (generalist or specialist), result.explanation


def test_a_bug_report_on_a_part_of_the_project_stays_with_the_project(library: Library):
    site = dict(project_type="website", files=["index.html"], recent_agents=["marketing-site-builder"])
    for report in ("the contact form doesn't send anything", "the login button doesn't work"):
        result = select(library, report, **site)
        assert result.primary.agent.name in ("marketing-site-builder", "debugger"), result.explanation
    # Asking for the part itself is still a request for its specialist.
    assert select(library, "add a contact form that emails me", **site).primary.agent.name == "form-builder"


def test_a_verb_on_a_thing_is_no_subject(library: Library):
    assert select(library, "a paint app for my little sister").primary.agent.name == "canvas-artist"
    recolour = select(library, "paint the header blue", project_type="website", recent_agents=["frontend-developer"])
    assert recolour.primary.agent.name == "frontend-developer", recolour.explanation


@pytest.mark.parametrize(
    ("prompt", "agent"),
    [
        ("only the treasurer should be able to change the accounts, the rest can just look", "auth-specialist"),
        ("coaches and parents log in and each sees different things", "auth-specialist"),
        ("when the quizmaster adds a question everyone's screen shows it straight away", "realtime-developer"),
        ("¿mi web funciona con lector de pantalla?", "accessibility-expert"),
        ("mon site marche-t-il seulement au clavier ?", "accessibility-expert"),
        ("meine Webseite lädt sehr langsam", "performance-engineer"),
        ("is my login form safe from hackers?", "security-auditor"),
        ("sell my handmade soap online", "ecommerce-builder"),
    ],
)
def test_a_subject_said_in_everyday_words_or_another_language_finds_its_specialist(
    library: Library, prompt: str, agent: str
):
    result = select(library, prompt)
    assert result.primary.agent.name == agent, result.explanation


@pytest.mark.parametrize(
    ("prompt", "accepted"),
    [
        # A form people fill in, described by what it collects rather than named.
        (
            "volunteer application for our community garden, several steps, and it remembers what you typed if you "
            "close the tab",
            ("form-builder",),
        ),
        ("scholarship application where students upload a transcript and an essay", ("form-builder",)),
        (
            "sports day registration for the primary school with dietary needs and a parent phone number",
            ("form-builder",),
        ),
        # Figures split by a group or over time, in graphs for someone to read.
        ("sales per shop with monthly charts for the owner", ("dashboard-builder",)),
        # A guess at what comes next from past figures; whether a difference is real or luck.
        ("we have three years of ticket sales, what will we probably sell next summer?", ("data-scientist",)),
        ("is the new checkout page really doing better or was it chance", ("data-scientist",)),
        # A page to sell one thing; a place to show one's work and take commissions.
        ("a page to sell my knitting patterns", ("landing-page-builder", "ecommerce-builder")),
        ("somewhere to show off my pottery and take commissions", ("marketing-site-builder",)),
        # Words to learn, asked back: a quiz.
        ("vocab trainer for my spanish course that tests me on new words", ("quiz-builder",)),
        ("how many visitors will we get next month based on the last year", ("data-scientist",)),
        ("estimate how many pizzas we'll sell on friday from past orders", ("data-scientist",)),
        ("make a learning app for kanji that asks me the ones I got wrong", ("quiz-builder",)),
        # A sheet full of formulas to replace.
        ("my budget lives in a google sheet with loads of formulas", ("spreadsheet-app-builder", "frontend-developer")),
        (
            "our stock count lives in an excel file full of formulas that keep breaking",
            ("spreadsheet-app-builder", "frontend-developer"),
        ),
        # Appointments taken online, in another language.
        ("un sitio para mi barbería con reservar cita online", ("booking-app-builder", "marketing-site-builder")),
    ],
)
def test_a_specialist_s_job_described_without_its_name_finds_it(library: Library, prompt: str, accepted: tuple):
    result = select(library, prompt)
    assert result.primary.agent.name in accepted, result.explanation


@pytest.mark.parametrize(
    ("prompt", "accepted", "not_picked"),
    [
        # A tablet or a phone the thing is used on is no phone app to build.
        ("battleship we can play on the family ipad", ("game-developer", "puzzle-game-designer"), "ios-developer"),
        (
            "the photo gallery on our club site looks squashed on iphone",
            ("responsive-layout-expert", "mobile-web-specialist"),
            "ios-developer",
        ),
        # Motion said with "slowly" or "gently" is an animation, not a slow page.
        (
            "snowflakes gently falling across the top of my page",
            ("animation-specialist", "canvas-artist"),
            "performance-engineer",
        ),
        # Things sliding in as you go down a page are a scroll animation, not a sliding puzzle or the site itself.
        (
            "my recipe blog, with the pictures sliding in one after another as you go down",
            ("animation-specialist",),
            "puzzle-game-designer",
        ),
        # One unit into another is a converter, whatever "conversions" means on a dashboard...
        (
            "baking conversions, tablespoons into grams and fahrenheit into celsius",
            ("frontend-developer",),
            "dashboard-builder",
        ),
        # ...and "signups per week" are figures counted, not a sign-up to build.
        (
            "our conversions dropped since the redesign, show signups per week",
            ("dashboard-builder",),
            "auth-specialist",
        ),
        # Things twinkling behind a page are a background animation, not the page itself.
        ("leaves falling in the background of my autumn menu", ("animation-specialist", "canvas-artist"), ""),
        # "cuentas" in Spanish are as often a bill as accounts.
        ("cuentas claras: app para dividir gastos entre amigos", ("frontend-developer",), "auth-specialist"),
        # Farm animals are no animation.
        pytest.param(
            "a colouring book of farm animals for my niece",
            ("canvas-artist", "frontend-developer"),
            "animation-specialist",
            # A known miss of the word model: from "book", "farm" and "animals" (it never saw "colouring") it is 98 %
            # sure of the puzzle game designer, and the rules' pick gives way.  Strict: it fails once it is right.
            marks=pytest.mark.xfail(strict=True, reason="the word model picks puzzle-game-designer"),
        ),
        # The colour code of a pixel is a value, not a colour scheme to design.
        ("click on a picture and show the colour code under the mouse", ("frontend-developer", "canvas-artist"), ""),
        # Keeping a shop's books, in Spanish, is no user accounts.
        ("necesito llevar las cuentas de mi panadería", ("frontend-developer", "spreadsheet-app-builder"), ""),
    ],
)
def test_an_incidental_word_does_not_pick_a_specialist(library: Library, prompt: str, accepted: tuple, not_picked: str):
    result = select(library, prompt)
    assert result.primary.agent.name in accepted, result.explanation
    assert result.primary.agent.name != not_picked


def test_user_agents_take_part_on_equal_terms(library: Library, tmp_path):
    folder = tmp_path / "agents"
    folder.mkdir()
    (folder / "bonsai-care-expert.md").write_text(
        "---\nname: bonsai-care-expert\ndescription: Builds apps about bonsai care, watering schedules and "
        "pruning calendars.\ntags: [bonsai, pruning, watering-schedule]\n---\nYou know bonsai.\n",
        encoding="utf-8",
    )
    both = Library([Source(bundled_dir(), "bundled"), Source(folder, "user")])
    for source in both.sources:
        source.scan()
    both.rebuild()
    result = select(both, "a bonsai pruning calendar")
    assert result.primary.agent.name == "bonsai-care-expert", result.explanation
    assert "bonsai" in result.explanation
    assert select(both, "a pomodoro timer").primary.agent.name == "frontend-developer"


def _catalog(library: Library):
    class OneLibrary:
        base = library

        def library(self, project_dir: str = "") -> Library:
            return library

    return OneLibrary()
