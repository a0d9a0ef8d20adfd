// Chat Markdown on well-kept libraries: markdown-it parses, CodeMirror's lezer parsers highlight code blocks,
// and DOMPurify has the last word before anything reaches the DOM.
//
// Model output is untrusted input. markdown-it runs with raw HTML off and links limited to http(s) and mailto
// (no javascript:, data: or relative links that would move the app itself); images are off (a remote image is
// a tracking pixel, and the page's CSP would block it anyway); every link opens outside with no opener. Then
// the HTML goes through DOMPurify with an allow-list of the few tags and attributes this renderer writes, so a
// bug in any of that still cannot put a script, a handler or a foreign URL into the window. Code reaches
// DOMPurify as text; its highlighting is added afterwards as spans and text nodes made with the DOM API, never
// as HTML (so it cannot add markup, and a long file costs no sanitising of tens of thousands of spans).
//
// A growing answer is rendered incrementally (StreamRenderer): finished top-level blocks are rendered once and
// kept; only the last, growing block is redone per frame, and an open code fence (usually the big block in a
// generation) grows line by line with an incremental parse. Reference-style link definitions are off so that a
// block never changes after it is finished: what streams in ends up exactly as renderMarkdown(whole text).
import { classHighlighter, highlightCode, languageFor, languageKind, TreeFragment } from "./vendor/codemirror.js";
import { DOMPurify, MarkdownIt } from "./vendor/markdown.js";

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

// Where a chat link may point.
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;
const CARET = '<span class="caret"></span>';

// -- sanitising: one allow-list, on a DOMPurify instance of our own (its hooks apply to no one else's use).
const TAGS = ["a", "blockquote", "br", "button", "code", "del", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
  "li", "ol", "p", "pre", "s", "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul"];
const ATTRS = ["class", "data-act", "data-index", "data-path", "href", "rel", "start", "style", "target", "title"];
const CONFIG = {
  ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ATTRS, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false,
  // href must match SAFE_URL; these others hold no address (DOMPurify checks every other value as one)
  ALLOWED_URI_REGEXP: SAFE_URL, ADD_URI_SAFE_ATTR: ["data-act", "data-index", "data-path", "rel", "start", "target"],
};

function hardened() {
  const purify = DOMPurify(window);
  purify.setConfig({ ...CONFIG, RETURN_DOM_FRAGMENT: true });
  purify.addHook("uponSanitizeAttribute", (node, data) => {
    const { attrName, attrValue } = data;
    // the only style markdown-it writes is a table column's alignment; the only actions, a code block's buttons
    if (attrName === "style") data.keepAttr = /^text-align:(left|center|right)$/.test(attrValue);
    else if (attrName === "data-act") data.keepAttr = node.nodeName === "BUTTON" && (attrValue === "copy" || attrValue === "expand");
  });
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (node.nodeName !== "A") return;
    const href = node.getAttribute("href");
    if (href !== null && !SAFE_URL.test(href)) node.removeAttribute("href");
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  });
  return purify;
}
const toFragment = hardened();

// -- highlighting: CodeMirror's parsers and its class highlighter (tok-* classes, styled in markdown.css). Tokens
// are DOM nodes made with createElement and textContent, never HTML parsed from a string, so code text can never
// become markup; they are put into code blocks after sanitising (DOMPurify took seconds on the tens of thousands
// of spans of a long file, for nothing: it only ever sees code as text).
function supportFor(lang, path) {
  return languageFor(lang) || languageFor(path);
}

// A line's highlighting as one number: two 32-bit hashes (53 bits kept) over its pieces' classes and lengths,
// so that comparing two highlightings of a long file line by line makes no strings.
class LineHash {
  constructor() { this.ids = new Map(); this.reset(); }
  reset() { this.a = 0x811c9dc5; this.b = 0x2545f491; }
  add(classes, length) {
    let id = this.ids.get(classes);
    if (id === undefined) this.ids.set(classes, (id = this.ids.size + 1));
    this.a = Math.imul(Math.imul(this.a ^ id, 16777619) ^ length, 16777619);
    this.b = Math.imul(this.b + Math.imul(id, 0x9e3779b1) + length, 0x5bd1e995) ^ (this.b >>> 13);
  }
  take() {
    const value = (this.a >>> 0) * 2097152 + ((this.b >>> 0) & 0x1fffff);
    this.reset();
    return value;
  }
}
const lineHash = new LineHash();

// Text nodes and <span class="tok-…"> of code[from, to), highlighted from `tree` (a parse of the whole code).
// `lines`, when given, receives for each line break in the range how that line was highlighted (LineHash).
function tokenNodes(code, tree, from = 0, to = code.length, lines = null) {
  const out = document.createDocumentFragment();
  if (!tree) {
    if (to > from) out.append(code.slice(from, to));
    return out;
  }
  let plain = "";
  lineHash.reset();
  highlightCode(code, tree, classHighlighter, (text, classes) => {
    if (lines) lineHash.add(classes, text.length);
    if (!classes) { plain += text; return; }
    if (plain) { out.append(plain); plain = ""; }
    const span = document.createElement("span");
    span.className = classes;
    span.textContent = text;
    out.append(span);
  }, () => {
    plain += "\n";
    if (lines) lines.push(lineHash.take());
  }, from, to);
  if (plain) out.append(plain);
  return out;
}

// How each line of code[from, to) is highlighted (as tokenNodes' `lines`), without making nodes.
function signatures(code, tree, from, to) {
  const lines = [];
  lineHash.reset();
  highlightCode(code, tree, classHighlighter, (text, classes) => lineHash.add(classes, text.length),
    () => lines.push(lineHash.take()), from, to);
  lines.push(lineHash.take());
  return lines;
}

// Highlight a sanitised code element in place, if it holds exactly `code` (and maybe a caret).
function highlightInto(el, { code, lang, path }) {
  const support = code ? supportFor(lang, path) : null;
  if (!support) return;
  const caret = el.lastElementChild && el.lastElementChild.classList.contains("caret") ? el.lastElementChild : null;
  if (el.textContent !== code) return;
  el.replaceChildren(tokenNodes(code, support.language.parser.parse(code)));
  if (caret) el.append(caret);
}

// -- code blocks

// A fence's info string: "html index.html", "path=src/app.js", "js" or just "styles.css".
export function parseInfo(info) {
  const parts = String(info || "").trim().split(/\s+/).filter(Boolean);
  let lang = "", path = "";
  for (const p of parts) {
    const clean = p.replace(/^(path|file|filename)=/, "").replace(/^["']|["']$/g, "");
    if (!lang && !clean.includes(".") && !clean.includes("/")) lang = clean;
    else if (!path) path = clean;
  }
  if (!lang && path) lang = languageKind(path) || "text";
  return { lang, path };
}

function lineCount(code) {
  let n = 0;
  for (let i = code.indexOf("\n"); i >= 0; i = code.indexOf("\n", i + 1)) n += 1;
  return code ? n + 1 : 0;
}

const lineState = (lines, streaming) => (streaming ? `writing… ${lines} lines` : `${lines} lines`);

// A code block's HTML (not yet sanitised): a head with the file's path (or language), its length and the
// Copy and Expand buttons, then the code as text (highlighted once sanitised); `streaming` marks a block still
// being written (class "writing").
export function codeBlock(code, info, { streaming = false, index = 0 } = {}) {
  const { lang, path } = parseInfo(info);
  const title = path ? `<span class="path">${escapeHtml(path)}</span>` : `<span>${escapeHtml(lang || "code")}</span>`;
  return `<div class="codeblock${streaming ? " writing" : ""}" data-index="${index}"${path ? ` data-path="${escapeHtml(path)}"` : ""}>` +
    `<div class="codeblock-head">${title}<span class="spacer"></span><span class="muted">${lineState(lineCount(code), streaming)}</span>` +
    `<button class="link" data-act="copy">Copy</button><button class="link" data-act="expand">Expand</button></div>` +
    `<pre><code>${escapeHtml(code)}${streaming ? CARET : ""}</code></pre></div>`;
}

// -- markdown-it
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
// only links that say their scheme: "main.py" or "user@2x.png" in a sentence are not addresses
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
md.disable(["image", "reference"]);
md.validateLink = (url) => SAFE_URL.test(url);
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet("target", "_blank");
  tokens[idx].attrSet("rel", "noopener noreferrer");
  return self.renderToken(tokens, idx, options);
};
// Code blocks, numbered across a message (env.codeIndex) and listed (env.code) for highlighting after sanitising.
function fenced(code, info, env, streaming = false) {
  env.code.push({ code, ...parseInfo(info) });
  return codeBlock(code, info, { streaming, index: env.codeIndex++ }) + "\n";
}
md.renderer.rules.fence = (tokens, idx, options, env) =>
  fenced(tokens[idx].content.replace(/\n$/, ""), tokens[idx].info, env, env.streamingFence === tokens[idx]);
md.renderer.rules.code_block = (tokens, idx, options, env) => fenced(tokens[idx].content.replace(/\n$/, ""), "", env);

// Whether the fence token opened on `lines[map[0]]` is closed within `lines` (markdown-it runs an unclosed fence
// to the end of the text).
function fenceClosed(token, lines) {
  const [start, end] = token.map;
  return end - start >= 2 && closingFence(token.markup).test(lines[end - 1] || "");
}
const closers = new Map();
function closingFence(markup) {
  if (!closers.has(markup)) closers.set(markup, new RegExp(`^ {0,3}${markup[0] === "`" ? "`" : "~"}{${markup.length},}[ \\t]*$`));
  return closers.get(markup);
}

// The unsanitised HTML of `src`. With `streaming`, an unclosed last fence is a code block being written and
// otherwise a caret follows the text.
function renderHtml(src, env, { streaming = false } = {}) {
  const tokens = md.parse(src, env);
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last].level !== 0) last -= 1;
  if (streaming && last >= 0 && tokens[last].type === "fence" && !fenceClosed(tokens[last], src.split(/\r\n?|\n/))) {
    env.streamingFence = tokens[last];
  }
  const html = md.renderer.render(tokens, md.options, env);
  return streaming && !env.streamingFence ? html + CARET : html;
}

// Markdown to a sanitised, highlighted DocumentFragment; `codeIndex` numbers its first code block.
function renderFragment(src, codeIndex, { streaming = false } = {}) {
  const env = { codeIndex, code: [] };
  const fragment = toFragment.sanitize(renderHtml(src, env, { streaming }));
  fragment.querySelectorAll(".codeblock > pre > code").forEach((el, i) => { if (env.code[i]) highlightInto(el, env.code[i]); });
  fragment.querySelectorAll(".codeblock").forEach(scrollableByKeyboard);
  return { fragment, codeIndex: env.codeIndex };
}

// A long line scrolls its block sideways: the block takes the focus, so the arrow keys scroll it too, and it is
// named by its file for a screen reader, as a group (a bare <pre> may not carry a name: screen readers may drop it,
// and while a block has no code yet nothing else says what it is). Set after sanitising (the allow-list has no
// tabindex or role: no Markdown sets one).
function scrollableByKeyboard(block) {
  const pre = block.querySelector(":scope > pre");
  if (!pre) return;
  pre.tabIndex = 0;
  pre.setAttribute("role", "group");
  const name = block.querySelector(".codeblock-head > span:first-child");
  pre.setAttribute("aria-label", `Code${name ? `: ${name.textContent}` : ""}`);
}

// Render Markdown to sanitised HTML. `streaming` adds a caret (inside a code block still being written).
export function renderMarkdown(text, { streaming = false } = {}) {
  const box = document.createElement("div");
  box.append(renderFragment(String(text || ""), 0, { streaming }).fragment);
  return box.innerHTML;
}

// -- streaming

const NEWLINE = /\r\n?|\n/g;

// Offsets where the lines of `text` start, from `from` up to `to` (a line end), plus `to` itself.
function lineStarts(text, from, to) {
  const starts = [from];
  NEWLINE.lastIndex = from;
  for (let m = NEWLINE.exec(text); m && m.index < to; m = NEWLINE.exec(text)) starts.push(m.index + m[0].length);
  if (starts[starts.length - 1] !== to) starts.push(to);
  return starts;
}

// The code block of an open fence, growing in place: each line is highlighted once, when it is complete, and kept;
// the line being written shows as plain text until then. A token costs a text update; a line, an incremental parse
// (lezer reuses the tree of the lines before, so highlighting keeps its context, a <script> inside html, at a cost
// that does not grow with the code) and the highlighting of that line.
class LiveCode {
  constructor(parent, info, index) {
    const { lang, path } = parseInfo(info);
    const support = supportFor(lang, path);
    this.parser = support ? support.language.parser : null;
    this.fragments = [];
    this.tree = null;
    this.parsed = 0;    // characters parsed
    this.frozen = 0;    // characters of complete lines shown for good
    this.lines = [];    // how each of those lines was highlighted (LineHash)
    this.breaks = 0;    // line breaks among them
    this.block = toFragment.sanitize(codeBlock("", info, { streaming: true, index })).firstChild;
    parent.append(this.block);
    scrollableByKeyboard(this.block);
    this.code = this.block.querySelector("code");
    this.count = this.block.querySelector(".codeblock-head .muted");
    this.caret = this.code.lastChild;
    this.live = document.createElement("span");
    this.code.insertBefore(this.live, this.caret);
  }

  // `code` and the code parsed before are both beginnings of the same growing text.
  _parse(code) {
    if (!this.parser || code.length === this.parsed) return;
    const same = Math.min(this.parsed, code.length);
    this.fragments = TreeFragment.applyChanges(this.fragments, [{ fromA: same, toA: this.parsed, fromB: same, toB: code.length }]);
    this.tree = this.parser.parse(code, this.fragments);
    this.fragments = TreeFragment.addTree(this.tree, this.fragments);
    this.parsed = code.length;
  }

  // Show `code`, highlighting at most about `budget` characters of new complete lines (a window starved for a
  // while, or a resync, brings many at once); returns whether complete lines are left for the next render.
  update(code, budget = Infinity) {
    const all = code.lastIndexOf("\n", code.length - 1) + 1;
    const complete = all - this.frozen > budget ? code.indexOf("\n", this.frozen + budget) + 1 : all;
    const more = complete < all;
    if (complete > this.frozen) {
      const lines = code.slice(0, complete);
      this._parse(lines);
      this.code.insertBefore(tokenNodes(lines, this.tree, this.frozen, complete, this.lines), this.live);
      for (let i = code.indexOf("\n", this.frozen); i >= 0 && i < complete; i = code.indexOf("\n", i + 1)) this.breaks += 1;
      this.frozen = complete;
    }
    this.live.textContent = code.slice(this.frozen);
    let waiting = 0;  // line breaks among the lines not highlighted yet
    if (more) for (let i = code.indexOf("\n", this.frozen); i >= 0; i = code.indexOf("\n", i + 1)) waiting += 1;
    this.count.textContent = lineState(code ? this.breaks + waiting + 1 : 0, true);
    return more;
  }

  // Finish the block with the fence's whole code, as the same nodes renderMarkdown makes of it. The lines shown so
  // far are kept when a highlighting of the complete code agrees with them (it does unless later text changed how
  // earlier lines parse; then the code is highlighted anew): this costs one pass of the highlighter, no new nodes.
  finish(code) {
    this._parse(code);
    this.live.remove();
    this.caret.remove();
    this.block.classList.remove("writing");
    const now = this.tree ? signatures(code, this.tree, 0, Math.min(this.frozen, code.length)) : [];
    if (this.tree && this.lines.some((sig, i) => sig !== now[i])) {
      this.code.replaceChildren(tokenNodes(code, this.tree));
    } else if (this.frozen > code.length) {
      // the last line was kept with its line break, which ends the fence and is no part of the code
      const last = this.code.lastChild;
      last.data = last.data.slice(0, -1);
      if (!last.data) last.remove();
    } else {
      this.code.append(tokenNodes(code, this.tree, this.frozen, code.length));
    }
    this.count.textContent = lineState(lineCount(code), false);
  }
}

// Renders a growing message without redoing finished blocks. The text after the last finished block is split
// into top-level blocks by markdown-it's own block parser, on complete lines only; a block is finished once
// the next one has started (a closed block never reopens in Markdown), or at once for a closed fence or an ATX
// heading. Finished blocks are rendered, sanitised and appended to .md-done once; the last block is redone in
// .md-tail per frame, except an open fence, which grows in place (LiveCode).
export class StreamRenderer {
  constructor(el, { budget = 6000 } = {}) {
    this.el = el;
    this.budget = budget;  // characters of finished blocks rendered per frame (catching up stays smooth)
    this.reset();
  }

  reset() {
    this.el.innerHTML = '<div class="md-done"></div><div class="md-tail"></div>';
    this.done = this.el.firstChild;
    this.tail = this.el.lastChild;
    this.rendered = 0;    // characters rendered into .md-done
    this.codeIndex = 0;   // code blocks in .md-done
    // the open fence, shown growing at the end of .md-done (a finished block then stays where it is: moving a
    // long file's thousands of nodes costs more than all the rest): {bodyStart, scanned, closer, plain, view, update}
    this.fence = null;
    this.updates = 0;     // calls of update() (a fence notes the one that opened it)
    this.seen = 0;        // length of the text at the last update
    this.edge = "";       // its last characters, to notice a replaced text
  }

  // Returns true when more finished text is waiting (call again on the next frame).
  update(text, { streaming = true } = {}) {
    text = String(text || "");
    // A different text (a resync replaced it) starts over.
    if (text.length < this.seen || text.slice(this.seen - this.edge.length, this.seen) !== this.edge) this.reset();
    let pending = false;
    const from = this.rendered;
    this.updates += 1;
    for (;;) {
      if (this.fence && !streaming) {
        this.fence.view.block.remove();  // the stream ended inside the fence: rendered below as the text says
        this.fence = null;
      }
      if (this.fence) {
        const f = this.fence;
        const closer = this._scanFence(text);
        if (!closer) {
          pending = f.view.update(text.slice(f.bodyStart), this.budget);
          break;
        }
        this.fence = null;
        const body = text.slice(f.bodyStart, closer.start);
        if (f.plain && !/[\r\0]/.test(body)) {
          // the block is finished as it stands (markdown-it would take the same code: no indent to remove, no
          // line ends or NULs to normalise)
          f.view.finish(body.replace(/\n$/, ""));
          this.done.append("\n");
          this.rendered = closer.end;
          this.codeIndex += 1;
        } else {
          f.view.block.remove();
          this._commit(text, closer.end);
        }
        // A fence shown live and now finished was this frame's work (its last lines and its check); what follows
        // it waits for the next frame. Catching up (a new renderer on a long text) crosses many fences that
        // _advance's window cut open in this same update; the budget holds across them, or the whole answer
        // would be rendered in one frame.
        if (f.update < this.updates || this.rendered - from >= this.budget) {
          this.tail.replaceChildren();
          pending = true;
          break;
        }
        continue;
      }
      pending = this._advance(text, streaming);
      if (this.fence) continue;
      if (pending) this.tail.replaceChildren();
      else this.tail.replaceChildren(renderFragment(text.slice(this.rendered), this.codeIndex, { streaming }).fragment);
      break;
    }
    this.seen = text.length;
    this.edge = text.slice(Math.max(0, text.length - 64));
    return pending;
  }

  // Render text[rendered, end) (whole blocks) into .md-done.
  _commit(text, end) {
    const { fragment, codeIndex } = renderFragment(text.slice(this.rendered, end), this.codeIndex);
    this.done.append(fragment);
    this.codeIndex = codeIndex;
    this.rendered = end;
    this.tail.replaceChildren();
  }

  // Commit the finished blocks among the next complete lines (at most about `budget` characters of them, more
  // when one block is longer); when streaming and the last block is an open fence, start showing it live.
  // Returns whether complete lines are left for the next frame.
  _advance(text, streaming) {
    const from = this.rendered;
    const complete = text.lastIndexOf("\n") + 1;
    if (complete <= from) return false;
    for (let budget = this.budget; ; budget *= 2) {
      const cut = from + budget >= complete ? complete : text.indexOf("\n", from + budget) + 1;
      const starts = lineStarts(text, from, cut);
      const lines = starts.slice(0, -1).map((s, i) => text.slice(s, starts[i + 1]).replace(/(?:\r\n?|\n)$/, ""));
      const tokens = [];
      md.block.parse(text.slice(from, cut).replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD"), md, {}, tokens);
      const blocks = tokens.filter((t) => t.level === 0 && t.map);
      let finished = blocks.length - 1;
      const last = blocks[blocks.length - 1];
      if (last && ((last.type === "fence" && fenceClosed(last, lines)) || (last.type === "heading_open" && last.markup[0] === "#"))) finished += 1;
      if (finished > 0) this._commit(text, starts[blocks[finished - 1].map[1]]);
      const open = blocks[finished];
      if (streaming && open && open.type === "fence" && finished === blocks.length - 1) {
        // the last block is an open fence: its body starts after its opening line, and no line up to `cut` closes it
        const at = starts[open.map[0]];
        this.fence = { bodyStart: starts[open.map[0] + 1], scanned: cut, closer: closingFence(open.markup), view: null,
          plain: text.startsWith(open.markup, at), update: this.updates };
        this.fence.view = new LiveCode(this.done, open.info, this.codeIndex);
        this.tail.replaceChildren();
        return false;
      }
      if (finished > 0 || cut === complete) return cut < complete;
    }
  }

  // The line that closes the open fence ({start, end} offsets), or null while no complete line closes it. Line
  // ends are markdown-it's (\n, \r\n or \r); a \r that ends the text may still be the start of a \r\n.
  _scanFence(text) {
    const f = this.fence;
    NEWLINE.lastIndex = f.scanned;
    for (let m = NEWLINE.exec(text); m && !(m[0] === "\r" && m.index === text.length - 1); m = NEWLINE.exec(text)) {
      const start = f.scanned;
      f.scanned = m.index + m[0].length;
      if (f.closer.test(text.slice(start, m.index))) return { start, end: f.scanned };
    }
    return null;
  }
}

// -- warming up

// The first answer after the window opens renders several times slower than the rest for its first second
// (measured: a code block's next lines took 8-21 ms a render, against 1-2 ms once warm): until they have run a
// while, V8 runs markdown-it's, lezer's and this module's functions unoptimised. warmUp streams a short answer of
// the usual kinds (prose, a list, html with a script and a style, css, js) into an element outside the page, a
// step at a time when the window is idle, so that this happens before the person's first answer instead of during
// it. Nothing is shown, and a step is one update of a few lines.
const WARM_UP_JS = `import { render } from "./view.js";

export function start(state = { items: [], filter: "all" }) {
  const list = document.querySelector("#list");
  list.addEventListener("click", (event) => {
    const id = Number(event.target.dataset.id ?? -1);
    if (id >= 0) state.items = state.items.filter((item) => item.id !== id);
    render(list, state);
  });
  for (let i = 0; i < 3; i++) state.items.push({ id: i, label: \`Item \${i + 1}\`, done: i % 2 === 0 });
  return render(list, state);
}
`;
const WARM_UP = `## A small app

This adds **a list** with a \`filter\` and a [link](https://example.com):

- the list shows the items
- a click removes one

\`\`\`html index.html
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>List</title><link rel="stylesheet" href="styles.css"></head>
<body>
  <main><h1 class="title">Items</h1><ul id="list"></ul></main>
  <script type="module">import { start } from "./app.js"; start();</script>
  <style>.title { color: #333; }</style>
</body>
</html>
\`\`\`

\`\`\`css styles.css
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 40rem; }
#list li.done { text-decoration: line-through; opacity: 0.6; }
@media (max-width: 600px) { body { padding: 0 12px; } }
\`\`\`

\`\`\`js app.js
${WARM_UP_JS}${WARM_UP_JS.replaceAll("start", "restart")}\`\`\`

Open **index.html** to try it.
`;

export function warmUp({ rounds = 2, step = 64 } = {}) {
  if (!window.requestIdleCallback) return;
  let round = 0, at = 0, renderer = null;
  const work = (deadline) => {
    do {
      if (!renderer) renderer = new StreamRenderer(document.createElement("div"));
      at = Math.min(WARM_UP.length, at + step);
      if (at < WARM_UP.length) renderer.update(WARM_UP.slice(0, at));
      else {
        while (renderer.update(WARM_UP, { streaming: false }));
        renderer = null;
        at = 0;
        if (++round >= rounds) return;
      }
    } while (deadline.timeRemaining() > 5);
    requestIdleCallback(work);
  };
  requestIdleCallback(work);
}
