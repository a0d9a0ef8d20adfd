"""`vibing generate --element SELECTOR` (issue 20 item 4): the selector subset over a page parsed by html.parser, the
element described as the preview's picker describes it, and the whole command against the test Anthropic server."""

from __future__ import annotations

import pytest

from tests.conftest import start_app
from tests.fakes import FakeAnthropic
from vibing.errors import InvalidRequest, NotFound

PAGE = """<!doctype html>
<html><head><title>Shop</title><style>.cta { color: red }</style></head>
<body>
  <header><h1 id="title">Shop</h1><nav><a href="/" class="nav home">Home</a><a href="/cart" class="nav">Cart</a></nav></header>
  <main>
    <section class="card"><h2>Tea</h2><p>Green tea<br>from Japan</p><button class="cta big">Buy now</button></section>
    <section class="card"><h2>Coffee</h2><p>Dark roast</p><button class="cta">Buy <b>coffee</b></button></section>
    <ul><li>one<li>two<li id="dup">three</ul><p id="dup">dup id</p>
    <img src="a.png" alt="a"><input name="q">
  </main>
  <script>document.querySelector('.cta').textContent = '<b>not text</b>';</script>
</body></html>
"""


def pick(selector: str):
    from vibing.cli.elements import pick

    return pick(PAGE, selector)


@pytest.mark.parametrize(
    ("selector", "stable", "text"),
    [
        ("#title", "#title", "Shop"),
        ("h1", "#title", "Shop"),
        ("button", "body > main > section:nth-of-type(1) > button", "Buy now"),
        (".cta", "body > main > section:nth-of-type(1) > button", "Buy now"),
        ("button.cta.big", "body > main > section:nth-of-type(1) > button", "Buy now"),
        ("section:nth-of-type(2) button", "body > main > section:nth-of-type(2) > button", "Buy coffee"),
        ("main > section:nth-of-type(2) > p", "body > main > section:nth-of-type(2) > p", "Dark roast"),
        ("nav a.nav:nth-of-type(2)", "body > header > nav > a:nth-of-type(2)", "Cart"),
        ("header .home", "body > header > nav > a:nth-of-type(1)", "Home"),
        ("ul li:nth-of-type(2)", "body > main > ul > li:nth-of-type(2)", "two"),  # <li> closes the open <li>
        ("*#dup", "body > main > ul > li:nth-of-type(3)", "three"),  # an id used twice is not a selector
        ("img", "body > main > img", ""),
    ],
)
def test_selectors_find_the_element_and_give_the_pickers_stable_selector(selector, stable, text):
    el = pick(selector)
    assert el.selector == stable
    assert el.text == text
    assert el.file == "index.html"


def test_the_html_is_the_elements_own_source_and_its_text_leaves_scripts_out():
    assert pick("section:nth-of-type(2) button").html == '<button class="cta">Buy <b>coffee</b></button>'
    assert pick("section p").html == "<p>Green tea<br>from Japan</p>"
    assert pick("section p").text == "Green tea from Japan"
    assert pick("img").html == '<img src="a.png" alt="a">'
    assert pick("ul").html == '<ul><li>one<li>two<li id="dup">three</ul>'
    body = pick("body")
    assert body.selector == "body" and "not text" not in body.text and "Buy now" in body.text
    assert len(body.html) <= 2000


def test_a_long_element_is_cut_to_about_two_kilobytes():
    from vibing.cli.elements import pick as pick_in

    page = "<body><div id='big'>" + "<p>word</p>" * 1000 + "</div></body>"
    el = pick_in(page, "#big")
    assert len(el.html) == 2000 and el.html.endswith("…") and el.html.startswith("<div id='big'><p>word</p>")
    assert len(el.text) == 200


def test_a_selector_that_matches_nothing_or_is_not_supported_is_one_clear_line():
    with pytest.raises(NotFound, match="No element of index.html matches --element '#nothing'"):
        pick("#nothing")
    for bad in ("a[href]", "a:hover", "h1 + p", "h1, h2", "> p", "main >", "main > > p", "#", "", "li:nth-of-type(x)"):
        with pytest.raises(InvalidRequest) as caught:
            pick(bad)
        assert "\n" not in caught.value.message
        assert "tag, #id, .class" in caught.value.message, bad


ANSWER = "Bigger it is.\n\n```html index.html\n<body><button id='buy'>Buy</button></body>\n```\n"


def test_generate_with_element_sends_the_elements_context_in_the_user_turn(tmp_path):
    with FakeAnthropic() as upstream:
        upstream.answers["shop"] = ANSWER
        app = start_app(tmp_path / "home", ANTHROPIC_BASE_URL=upstream.url, ANTHROPIC_API_KEY="sk-ant-test-" + "x" * 30)
        try:
            from vibing.schema.storage import CreateProject, FileWrite, ListMessages

            pid = (
                app.bus()
                .request("storage", CreateProject(name="Shop", files=[FileWrite(path="index.html", content=PAGE)]))
                .project.id
            )
            # no such element: one line, nothing sent, no project made
            missing = app.cli("generate", "make it bigger", "--project", "Shop", "--element", ".nothing")
            assert missing.returncode != 0
            assert "No element of index.html matches --element '.nothing'" in missing.stderr
            unsupported = app.cli("generate", "make it bigger", "--project", "Shop", "--element", "a[href]")
            assert unsupported.returncode != 0 and "tag, #id, .class" in unsupported.stderr
            no_project = app.cli("generate", "make it bigger", "--element", "h1")
            assert no_project.returncode != 0 and "--project" in no_project.stderr
            assert upstream.requests == []

            upstream.push("normal", answer="shop")
            result = app.cli(
                "generate",
                "Make these bigger",
                "--project",
                "Shop",
                "--element",
                "section:nth-of-type(2) .cta",
                "--element",
                "#title",
            )
            assert result.returncode == 0, result.stdout + result.stderr
            [request] = upstream.requests
            turn = request.body["messages"][-1]
            text = turn["content"] if isinstance(turn["content"], str) else "".join(b["text"] for b in turn["content"])
            assert text.startswith("Make these bigger\n\nI picked these 2 elements in the preview. Change exactly them")
            assert "Element 1: body > main > section:nth-of-type(2) > button (a <button>) in index.html" in text
            assert "Its text: 'Buy coffee'" in text
            assert '```html\n<button class="cta">Buy <b>coffee</b></button>\n```' in text
            assert "Element 2: #title (a <h1>) in index.html" in text
            # the stored message keeps the person's words and a one-line trace, not the markup
            messages = app.bus().request("storage", ListMessages(project_id=pid)).messages
            [user] = [m for m in messages if m.role == "user"]
            assert user.content == "Make these bigger\n(about: body > main > section:nth-of-type(2) > button, #title)"
        finally:
            app.stop()
