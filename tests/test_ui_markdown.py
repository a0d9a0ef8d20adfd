"""Chat Markdown in a real browser: the app's own /ui/markdown.js (markdown-it, DOMPurify and CodeMirror's
highlighter, vendored under shell/ui/vendor/) imported into the page of `vibing web`, fed hostile and ordinary
model output, whole (renderMarkdown) and as a growing stream (StreamRenderer).

Model output is untrusted: whatever it holds, the chat shows text and the few elements Markdown needs, with no
handler, no script-capable element and no link outside http(s) and mailto. The app page's CSP would block an
inline handler on its own, so "nothing ran" is proved on a page of the same origin without a CSP, next to a
control that shows a handler does run there.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from chromium import CHROMIUM, WAIT
from conftest import start_app

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    running = start_app(tmp_path_factory.mktemp("markdown") / "home")
    yield running
    running.stop()


# Each payload sets window.__xss if anything in it ever runs.
XSS = [
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=2</script>",
    '<svg onload="window.__xss=3"><circle r="1"/></svg>',
    '<iframe src="javascript:top.__xss=4"></iframe>',
    '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
    "[click](javascript:window.__xss=6)",
    "[click](JaVaScRiPt:window.__xss=7)",
    "[click](&#106;avascript:window.__xss=8)",
    "[click](data:text/html;base64,PHNjcmlwdD50b3AuX194c3M9OTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(10))",
    "<javascript:window.__xss=11>",
    '<a href="javascript:window.__xss=12">a</a>',
    "![x](javascript:window.__xss=13)",
    '![x](x" onerror="window.__xss=14)',
    '[x](https://ok.example "t\\" onmouseover=\\"window.__xss=15")',
    '<details open ontoggle="window.__xss=16"><summary>s</summary></details>',
    "<style>@import 'javascript:window.__xss=17'; body { display: none }</style>",
    '<object data="javascript:window.__xss=18"></object><embed src="javascript:window.__xss=18">',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=19>",
    '```html\n<img src=x onerror="window.__xss=20">\n<script>window.__xss=21</script>\n```',
    '```html" onmouseover="window.__xss=22\nbody\n```',
    "```js onload=window.__xss=23 <img src=x onerror=window.__xss=23>\nlet a = 1;\n```",
    '```html index.html\n<img src=x onerror="window.__xss=24">\n<p>never closed',
    "`<img src=x onerror=window.__xss=25>`",
    "| <img src=x onerror=window.__xss=26> | b |\n|---|---|\n| <script>window.__xss=26</script> | c |",
    "> <svg/onload=window.__xss=27>",
    "- [x](javascript:window.__xss=28)\n- <img src=x onerror=window.__xss=28>",
    "[x](//evil.example/steal) and [y](#/settings) and [z](file:///etc/passwd)",
    "<form action=javascript:window.__xss=29><button>go</button></form>",
    "[ref]: javascript:window.__xss=30\n\n[ref]",
    '<base href="javascript:/">[y](z)',
    "\u0000<img src=x onerror=window.__xss=31>",
    "~~~\n<iframe src=javascript:top.__xss=32>\n",
]

# The page's tools: the module, a scan of what rendering left in the DOM, a whole render and a stream.
HARNESS = """async () => {
  window.__md = await import('/ui/markdown.js');
  // The DOM a chat message may hold: these elements and attributes, links to http(s) and mailto only.
  const TAGS = new Set(['a', 'blockquote', 'br', 'button', 'code', 'del', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5',
    'h6', 'hr', 'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul']);
  const ATTRS = new Set(['class', 'href', 'target', 'rel', 'title', 'start', 'style', 'data-index', 'data-path',
    'data-act']);
  window.__scan = (root) => {
    const problems = [];
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      if (!TAGS.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`<${tag}>`);
      for (const { name, value } of el.attributes) {
        if (name.startsWith('on')) problems.push(`<${tag} ${name}>`);
        // a code block takes the keyboard focus to scroll, a group named by its file: set by us, never by the Markdown
        else if (tag === 'pre' && ((name === 'tabindex' && value === '0') || (name === 'role' && value === 'group')
          || (name === 'aria-label' && value.startsWith('Code')))) continue;
        else if (!ATTRS.has(name)) problems.push(`<${tag} ${name}=${value}>`);
        else if (name === 'href' && !/^(https?:\\/\\/|mailto:)/i.test(value)) problems.push(`<${tag} href=${value}>`);
        else if (name === 'style' && !/^text-align:(left|center|right)$/.test(value)) problems.push(`<${tag} style>`);
        else if (name === 'data-act' && !['copy', 'expand'].includes(value)) problems.push(`<${tag} data-act=${value}>`);
      }
      if (tag === 'a' && (el.getAttribute('target') !== '_blank' || el.getAttribute('rel') !== 'noopener noreferrer')) {
        problems.push(`<a> without target/rel: ${el.outerHTML}`);
      }
    }
    return problems;
  };
  window.__mount = () => {
    const el = document.createElement('div');
    el.className = 'md';
    document.body.append(el);
    return el;
  };
  // renderMarkdown into the live document, as the chat does; what the DOM holds then.
  window.__whole = (text, streaming = false) => {
    const el = __mount();
    el.innerHTML = __md.renderMarkdown(text, { streaming });
    return { problems: __scan(el), text: el.textContent, html: el.innerHTML };
  };
  // Stream `text` into a StreamRenderer in random chunks of 1..maxChunk four-character tokens, scanning the DOM
  // every `scanEvery` updates; then finish it and compare with the whole text rendered at once.
  window.__stream = (text, { seed = 1, maxChunk = 40, scanEvery = 1, compare = true } = {}) => {
    let s = seed;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    const el = __mount();
    const r = new __md.StreamRenderer(el);
    const done = el.querySelector('.md-done');
    // finished blocks are rendered once and kept: nothing is ever taken out of .md-done
    const kept = new MutationObserver(() => {});
    kept.observe(done, { childList: true });
    // how many nodes each update adds or removes anywhere in the message
    const touched = new MutationObserver(() => {});
    touched.observe(el, { childList: true, subtree: true });
    const problems = [];
    let removedFromDone = 0, updates = 0, updateMs = 0, maxTouched = 0, maxTouchedLate = 0, at = 0;
    const count = (records) => records.reduce((n, m) => n + m.addedNodes.length + m.removedNodes.length, 0);
    while (at < text.length) {
      at = Math.min(text.length, at + 4 * (1 + Math.floor(rnd() * maxChunk)));
      const t0 = performance.now();
      r.update(text.slice(0, at));
      updateMs += performance.now() - t0;
      updates += 1;
      removedFromDone += kept.takeRecords().reduce((n, m) => n + m.removedNodes.length, 0);
      const n = count(touched.takeRecords());
      maxTouched = Math.max(maxTouched, n);
      if (at > text.length * 0.8) maxTouchedLate = Math.max(maxTouchedLate, n);
      if (updates % scanEvery === 0) problems.push(...__scan(el));
    }
    const t1 = performance.now();
    while (r.update(text, { streaming: false })) {}
    const finishMs = performance.now() - t1;
    removedFromDone += kept.takeRecords().reduce((n, m) => n + m.removedNodes.length, 0);
    kept.disconnect();
    touched.disconnect();
    problems.push(...__scan(el));
    if (!compare) return { problems, updates, updateMs, finishMs, removedFromDone };
    const streamed = document.createElement('div');
    for (const part of el.children) streamed.append(...[...part.childNodes].map((node) => node.cloneNode(true)));
    const whole = document.createElement('div');
    const t2 = performance.now();
    whole.innerHTML = __md.renderMarkdown(text);
    const wholeMs = performance.now() - t2;
    streamed.normalize();
    whole.normalize();
    const same = streamed.isEqualNode(whole);
    return { problems, updates, updateMs, finishMs, wholeMs, removedFromDone, maxTouched, maxTouchedLate, same,
      nodes: whole.querySelectorAll('*').length,
      ...(same ? {} : { streamedHtml: streamed.innerHTML, wholeHtml: whole.innerHTML }) };
  };
}"""


def _harness(page):
    page.evaluate(HARNESS)


def _answer(tokens: int, seed: int = 5) -> str:
    """A long model answer of about `tokens` tokens: prose, lists, tables, quotes, small files and, a third and
    two thirds of the way in, a big html file."""
    rnd = random.Random(seed)
    rows = [f'<div class="row r{k}" data-k="{k}">Row {k} &amp; text</div>' for k in range(900)]
    rows[::9] = [f"<script>let x{k} = {k}; // row\n</script>" for k in range(0, 900, 9)]
    head = "```html index.html\n<!doctype html>\n<html><head><style>\n.row { color: #eee; }\n</style></head><body>\n"
    big = head + "\n".join(rows) + "\n</body></html>\n```\n\n"
    parts = ["I'll build a **calm** pomodoro timer with a `dark` theme; docs at https://example.com/docs.\n\n"]
    size, bigs, i = len(parts[0]), 0, 0
    while size < tokens * 4:
        i += 1
        kind = rnd.randrange(6)
        if bigs < 2 and size > tokens * 4 * (bigs + 1) / 3:
            part, bigs = big, bigs + 1
        elif kind == 0:
            part = (
                f"## Step {i}\n\nThis step keeps the *timer* state in one place ([why](https://example.com/s{i})).\n\n"
            )
        elif kind == 1:
            part = f"- item {i} with `code`\n- second, **bold**\n  continued\n- third\n\n3. three\n4. four\n\n"
        elif kind == 2:
            body = "\n".join(f"export const f{k} = (a, b) => a * {k} + b; // {k}" for k in range(rnd.randrange(3, 30)))
            part = f"```js src/step{i}.js\n{body}\n```\n\n"
        elif kind == 3:
            part = f"| name | value |\n|:-----|------:|\n| a{i} | {i} |\n\n> A quote, with _emphasis_.\n\n"
        elif kind == 4:
            part = f'```python tools/t{i}.py\ndef f(x):\n    """doc"""\n    return x + {i}  # add\n```\n\n'
        else:
            part = f"Paragraph {i}: the quick brown fox\njumps over the lazy dog, then ~~not~~.\n\n"
        parts.append(part)
        size += len(part)
    return "".join(parts) + "Press **Start** to begin."


def test_the_vendored_libraries_load_in_the_app_page(page):
    names = page.evaluate("""async () => {
        const cm = await import('/ui/vendor/codemirror.js');
        const md = await import('/ui/vendor/markdown.js');
        const kinds = {};
        for (const p of ['index.html', 'ts', 'src/App.tsx', 'logo.svg', 'py', 'README.md', 'data.json', 'styles.css',
                         'jsx', 'Makefile', '']) kinds[p] = cm.languageFor(p)?.language.name ?? null;
        return { kinds, same: cm.languageFor('html') === cm.languageFor('index.htm'),
                 editor: ['EditorView', 'EditorState', 'MergeView', 'unifiedMergeView', 'closeBrackets', 'oneDark',
                          'highlightCode', 'classHighlighter', 'tags', 'htmlAutoCloseTags', 'javascriptAutoCloseTags',
                          'xmlAutoCloseTags'].filter((n) => !(n in cm)),
                 markdown: typeof md.MarkdownIt === 'function' && typeof md.DOMPurify.sanitize === 'function' };
    }""")
    assert names["editor"] == [], f"codemirror.js lacks {names['editor']}"
    assert names["markdown"]
    assert names["same"], "a language is made once and shared"
    assert names["kinds"] == {
        "index.html": "html",
        "ts": "typescript",
        "src/App.tsx": "typescript",
        "logo.svg": "xml",
        "py": "python",
        "README.md": "markdown",
        "data.json": "json",
        "styles.css": "css",
        "jsx": "javascript",
        "Makefile": None,
        "": None,
    }


def test_markdown_features_render_with_highlighted_code_blocks(page):
    _harness(page)
    text = (
        "# Pomodoro\n\n## How it works\n\nA *calm* timer with **bold** steps, ~~no~~ ads, `inline code` and a "
        "[link](https://example.com/docs) or <https://example.com/auto> or mailto:me@example.com.\n\n"
        "- first\n- second\n  - nested\n\n3. three\n4. four\n\n> quoted\n\n---\n\n"
        "| name | value |\n|:-----|------:|\n| a | 1 |\n\n"
        '```html index.html\n<div class="timer">25:00</div>\n<script>\n  const start = () => 1; // go\n</script>\n```\n\n'
        "```css styles.css\n.timer { font-size: 3rem; }\n```\n\n"
        "```python\ndef tick(n):\n    return n - 1  # one second\n```\n\n"
        "```\nplain text block\n```\n"
    )
    out = page.evaluate("t => { const r = __whole(t); return r.problems; }", text)
    assert out == []
    facts = page.evaluate("""() => {
        const el = [...document.querySelectorAll('body > .md')].pop();
        const q = (s) => el.querySelector(s);
        const blocks = [...el.querySelectorAll('.codeblock')];
        return {
          h1: q('h1')?.textContent, h2: q('h2')?.textContent,
          em: q('p em')?.textContent, strong: q('p strong')?.textContent, del: q('p s')?.textContent,
          inline: q('p code')?.textContent,
          links: [...el.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel]),
          ul: [...el.querySelectorAll(':scope > ul > li')].length, nested: el.querySelectorAll('ul ul li').length,
          olStart: q('ol')?.getAttribute('start'), quote: q('blockquote')?.textContent.trim(), hr: !!q('hr'),
          table: [...el.querySelectorAll('th, td')].map((c) => [c.textContent, c.getAttribute('style')]),
          blocks: blocks.map((b) => ({
            path: b.dataset.path ?? null, index: b.dataset.index,
            head: b.querySelector('.codeblock-head').textContent,
            buttons: [...b.querySelectorAll('button')].map((x) => x.dataset.act),
            code: b.querySelector('code').textContent,
            tokens: [...new Set([...b.querySelectorAll('code span')].map((s) => s.className))].sort(),
          })),
        };
    }""")
    assert facts["h1"] == "Pomodoro" and facts["h2"] == "How it works"
    assert (facts["em"], facts["strong"], facts["del"], facts["inline"]) == ("calm", "bold", "no", "inline code")
    assert facts["links"] == [
        ["link", "https://example.com/docs", "_blank", "noopener noreferrer"],
        ["https://example.com/auto", "https://example.com/auto", "_blank", "noopener noreferrer"],
        ["mailto:me@example.com", "mailto:me@example.com", "_blank", "noopener noreferrer"],
    ]
    assert facts["ul"] == 2 and facts["nested"] == 1 and facts["olStart"] == "3"
    assert facts["quote"] == "quoted" and facts["hr"]
    assert facts["table"] == [
        ["name", "text-align:left"],
        ["value", "text-align:right"],
        ["a", "text-align:left"],
        ["1", "text-align:right"],
    ]
    html, css, py, plain = facts["blocks"]
    assert (html["path"], html["index"], html["head"]) == ("index.html", "0", "index.html4 linesCopyExpand")
    assert html["buttons"] == ["copy", "expand"]
    assert html["code"].startswith('<div class="timer">25:00</div>')
    # tags and attributes of the html, and the script inside it highlighted as javascript
    assert {"tok-typeName", "tok-propertyName", "tok-string", "tok-keyword", "tok-comment"} <= set(html["tokens"])
    assert (css["path"], css["index"]) == ("styles.css", "1") and "tok-propertyName" in css["tokens"]
    assert py["path"] is None and py["head"].startswith("python2 lines")
    assert {"tok-keyword", "tok-comment"} <= set(py["tokens"])
    assert plain["head"].startswith("code1 lines") and plain["tokens"] == []


def test_a_message_still_streaming_shows_a_caret_and_an_open_code_block(page):
    _harness(page)
    facts = page.evaluate("""() => {
        const open = __whole('Here it is:\\n\\n```html index.html\\n<h1>Hi</h1>\\n<p>', true);
        const prose = __whole('Thinking about **it', true);
        const els = [...document.querySelectorAll('body > .md')];
        const [a, b] = els.slice(-2);
        return { problems: [...open.problems, ...prose.problems],
                 head: a.querySelector('.codeblock-head .muted').textContent,
                 caretInCode: !!a.querySelector('.codeblock code > .caret'),
                 code: a.querySelector('.codeblock code').textContent,
                 caretAfter: b.lastElementChild.className };
    }""")
    assert facts["problems"] == []
    assert facts["head"] == "writing… 2 lines" and facts["caretInCode"]
    assert facts["code"] == "<h1>Hi</h1>\n<p>"
    assert facts["caretAfter"] == "caret"


def test_hostile_markdown_renders_as_inert_text_whole_and_streamed(page):
    _harness(page)
    for payload in XSS:
        for streaming in (False, True):
            out = page.evaluate("([t, s]) => __whole(t, s)", [payload, streaming])
            assert out["problems"] == [], (payload, out["html"])
        streamed = page.evaluate("t => __stream(t, { maxChunk: 1 })", payload)
        assert streamed["problems"] == [], payload
        assert streamed["same"], (payload, streamed.get("streamedHtml"), streamed.get("wholeHtml"))
    # HTML inside a code fence is shown, as text
    shown = page.evaluate("t => __whole(t)", XSS[19])
    assert '<img src=x onerror="window.__xss=20">\n<script>window.__xss=21</script>' in shown["text"]
    # a fence's info string cannot add an attribute: the quote and the handler stay inside data-path's value
    injected = page.evaluate("t => __whole(t).html", XSS[20])
    assert 'data-path="onmouseover=&quot;window.__xss=22"' in injected


def test_nothing_in_hostile_markdown_runs(page, web):
    """On a page of the app's origin without a CSP, where an injected handler would run (the control proves it)."""
    origin = web.split("/?")[0]
    page.context.route(
        f"{origin}/ui/xss-probe.html",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!doctype html><meta charset=utf-8><title>probe</title><body>"
        ),
    )
    page.goto(f"{origin}/ui/xss-probe.html")
    _harness(page)
    # the control: a handler put into this page does run
    control = """n => { const d = document.createElement('div');
                        d.innerHTML = `<img class="control" src="control-${n}" onerror="window.__control = ${n}">`;
                        document.body.append(d); }"""
    page.evaluate(control, 1)
    page.wait_for_function("window.__control === 1", timeout=WAIT)
    problems = page.evaluate(
        """t => { const out = [];
                  for (const part of [...t.split('\\n\\n'), t]) {
                    out.push(...__whole(part).problems, ...__whole(part, true).problems, ...__stream(part).problems);
                  }
                  return out; }""",
        "\n\n".join(XSS),
    )
    assert problems == []
    # a second control, put in after everything rendered: once its error has run, so would any earlier one have
    page.evaluate(control, 2)
    page.wait_for_function("window.__control === 2", timeout=WAIT)
    assert page.evaluate("window.__xss") is None
    found = "document.querySelectorAll('script, iframe, object, embed, style, svg, img:not(.control)').length"
    assert page.evaluate(found) == 0


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_megabyte_of_hostile_markdown_renders_inert(page):
    _harness(page)
    unit = "\n\n".join(XSS) + "\n\n" + _answer(2000) + "\n\n"
    text = unit * (1_048_576 // len(unit) + 1)
    assert len(text) > 1_048_576
    whole = page.evaluate(
        "t => { const r = __whole(t); return { problems: r.problems.slice(0, 20), n: r.html.length }; }", text
    )
    assert whole["problems"] == [] and whole["n"] > 1_000_000
    streamed = page.evaluate("t => __stream(t, { maxChunk: 1000, scanEvery: 250, compare: false })", text)
    assert streamed["problems"] == []


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_streaming_a_50k_token_answer_gives_the_dom_of_the_whole_answer_without_redoing_finished_blocks(page):
    _harness(page)
    text = _answer(50_000)
    assert len(text) >= 200_000
    out = page.evaluate("t => __stream(t, { seed: 11, scanEvery: 200 })", text)
    assert out["problems"] == []
    assert out["same"], (
        "the streamed DOM differs from the whole answer rendered at once",
        out.get("streamedHtml", "")[:2000],
    )
    assert out["removedFromDone"] == 0, "a finished block was rendered again"
    # each update touches the block being written, never the whole message (tens of thousands of nodes)
    assert out["nodes"] > 20_000
    assert out["maxTouchedLate"] < 1_000, out


def test_a_renderer_catching_up_a_long_answer_keeps_to_its_budget_per_frame(page):
    # A new renderer over a text already long (the chat redrew the message mid-stream) catches up a frame at a
    # time: crossing the code blocks that its window cuts open must not render the rest of the answer at once.
    _harness(page)
    code = "\n".join(f"  const v{i} = compute({i}, state.items[{i}]); // step {i}" for i in range(24))
    part = "## Part\n\nThis part adds **a panel**.\n\n- a list\n- a counter\n\n```js part.js\n{code}\n```\n\n"
    text = "".join(part.format(code=code) for _ in range(60))
    out = page.evaluate(
        """t => {
        const r = new __md.StreamRenderer(__mount(), { budget: 6000 });
        const done = r.el.querySelector('.md-done');
        const frames = [];
        let more = true;
        while (more) {
            const before = done.textContent.length;
            more = r.update(t);
            frames.push(done.textContent.length - before);
        }
        return frames;
    }""",
        text,
    )
    assert len(text) > 80_000
    assert len(out) >= len(text) // 8_000, out
    assert max(out) < 6000 + 2 * len(part.format(code=code)), out  # the budget, and a block or fence past it


def test_a_code_block_written_live_closes_in_a_render_of_its_own(page):
    # The block being written is marked "writing" (clipped, not yet a scroll container) until it is finished; the
    # render that finishes it leaves what follows for the next one, and the message then reads as rendered whole.
    _harness(page)
    head = "Here:\n\n```js app.js\nconst a = 1;\n"
    text = head + "const b = 2;\n```\n\nAfter the **block**.\n\nMore text.\n"
    out = page.evaluate(
        """([head, text]) => {
        const r = new __md.StreamRenderer(__mount());
        const steps = [];
        const look = (more) => steps.push({ more, writing: r.el.querySelectorAll('.codeblock.writing').length,
            blocks: r.el.querySelectorAll('.codeblock').length, after: r.el.textContent.includes('After the') });
        look(r.update(head));
        look(r.update(text));
        look(r.update(text));
        while (r.update(text, { streaming: false })) {}
        const whole = document.createElement('div');
        whole.innerHTML = __md.renderMarkdown(text);
        const streamed = document.createElement('div');
        for (const part of r.el.children) streamed.append(...[...part.childNodes].map((n) => n.cloneNode(true)));
        return { steps, same: streamed.innerHTML === whole.innerHTML };
    }""",
        [head, text],
    )
    first, closed, next_ = out["steps"]
    assert first == {"more": False, "writing": 1, "blocks": 1, "after": False}
    assert closed == {"more": True, "writing": 0, "blocks": 1, "after": False}
    assert next_ == {"more": False, "writing": 0, "blocks": 1, "after": True}
    assert out["same"]


def test_the_warm_up_renders_outside_the_page(page):
    # warmUp (run by the chat when the window opens) streams its sample answer into an element of its own while
    # the window is idle: it adds nothing to the page, and it finishes.
    _harness(page)
    out = page.evaluate(
        """async () => {
        const blocks = () => document.querySelectorAll('.md, .codeblock').length;
        const before = blocks();
        const idle = window.requestIdleCallback;
        let pending = 0, steps = 0;
        const errors = [];
        const over = new Promise((done) => {
            window.requestIdleCallback = (fn) => {
                pending += 1;
                return idle((d) => {
                    try { fn(d); steps += 1; } catch (e) { errors.push(String(e)); }
                    pending -= 1;
                    if (!pending) done();
                });
            };
        });
        __md.warmUp({ rounds: 1, step: 40 });
        await over;
        window.requestIdleCallback = idle;
        const shown = blocks() !== before || document.body.textContent.includes('A small app');
        return { shown, errors, stepped: steps > 0 };
    }"""
    )
    assert out == {"shown": False, "errors": [], "stepped": True}


def test_a_code_block_that_receives_many_lines_at_once_is_highlighted_over_several_renders(page):
    # A window starved for a while receives many lines of an open code block at once: each render highlights
    # about the renderer's budget of them and says more is waiting; the head counts every line meanwhile.
    _harness(page)
    code = "".join(f"const value{i} = compute({i}, 'item {i}'); // step {i}\n" for i in range(400))
    head = "Here:\n\n```js app.js\n"
    out = page.evaluate(
        """([head, code]) => {
        const r = new __md.StreamRenderer(__mount(), { budget: 2000 });
        r.update(head);
        const renders = [];
        let more = true;
        while (more) {
            more = r.update(head + code);
            renders.push({ more, spans: r.el.querySelectorAll('.codeblock code span[class^=tok]').length,
                           head: r.el.querySelector('.codeblock-head .muted').textContent });
        }
        const text = head + code + '```\\n';
        while (r.update(text, { streaming: false })) {}
        const whole = document.createElement('div');
        whole.innerHTML = __md.renderMarkdown(text);
        const streamed = document.createElement('div');
        for (const part of r.el.children) streamed.append(...[...part.childNodes].map((n) => n.cloneNode(true)));
        return { renders, same: streamed.innerHTML === whole.innerHTML };
    }""",
        [head, code],
    )
    renders = out["renders"]
    assert len(code) > 20_000 and len(renders) >= len(code) // 2500, len(renders)
    assert all(r["more"] for r in renders[:-1]) and not renders[-1]["more"]
    spans = [r["spans"] for r in renders]
    assert spans == sorted(spans) and spans[0] < spans[-1] / 5
    assert all(r["head"] == "writing… 401 lines" for r in renders)
    assert out["same"]
