// Chat Markdown on well-kept libraries: markdown-it parses, CodeMirror's lezer parsers highlight code blocks,
// and DOMPurify has the last word before anything reaches the DOM.
//
// Model output is untrusted input. markdown-it runs with raw HTML off and links limited to http(s) and mailto
// (no javascript:, data: or relative links that would move the app itself); images are off (a remote image is
// a tracking pixel, and the page's CSP would block it anyway); every link opens outside with no opener. Then
// the HTML goes through DOMPurify with an allow-list of the few tags and attributes this renderer writes, so a
// bug in any of that still cannot put a script, a handler or a foreign URL into the window.
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

// -- sanitising: one allow-list, two DOMPurify instances (one returns HTML text, one a DOM fragment), so the hooks
// below never apply to anyone else's use of DOMPurify.
const TAGS = ["a", "blockquote", "br", "button", "code", "del", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
  "li", "ol", "p", "pre", "s", "span", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul"];
const ATTRS = ["class", "data-act", "data-index", "data-path", "href", "rel", "start", "style", "target", "title"];
const CONFIG = {
  ALLOWED_TAGS: TAGS, ALLOWED_ATTR: ATTRS, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false,
  // href must match SAFE_URL; these others hold no address (DOMPurify checks every other value as one)
  ALLOWED_URI_REGEXP: SAFE_URL, ADD_URI_SAFE_ATTR: ["data-act", "data-index", "data-path", "rel", "start", "target"],
};

function hardened(extra) {
  const purify = DOMPurify(window);
  purify.setConfig({ ...CONFIG, ...extra });
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
const toHtml = hardened({});
const toFragment = hardened({ RETURN_DOM_FRAGMENT: true });

// -- highlighting: CodeMirror's parsers and its class highlighter (tok-* classes, styled in markdown.css).
function supportFor(lang, path) {
  return languageFor(lang) || languageFor(path);
}

// Escaped HTML of code[from, to) with <span class="tok-…"> tokens; `tree` is a parse of the whole code.
function tokensHtml(code, tree, from = 0, to = code.length) {
  if (!tree) return escapeHtml(code.slice(from, to));
  let out = "";
  highlightCode(code, tree, classHighlighter,
    (text, classes) => { out += classes ? `<span class="${classes}">${escapeHtml(text)}</span>` : escapeHtml(text); },
    () => { out += "\n"; }, from, to);
  return out;
}

function highlight(code, lang, path) {
  const support = code ? supportFor(lang, path) : null;
  return tokensHtml(code, support ? support.language.parser.parse(code) : null);
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
// Copy and Expand buttons, then the highlighted code; `streaming` marks a block still being written.
export function codeBlock(code, info, { streaming = false, index = 0 } = {}) {
  const { lang, path } = parseInfo(info);
  const title = path ? `<span class="path">${escapeHtml(path)}</span>` : `<span>${escapeHtml(lang || "code")}</span>`;
  return `<div class="codeblock" data-index="${index}"${path ? ` data-path="${escapeHtml(path)}"` : ""}>` +
    `<div class="codeblock-head">${title}<span class="spacer"></span><span class="muted">${lineState(lineCount(code), streaming)}</span>` +
    `<button class="link" data-act="copy">Copy</button><button class="link" data-act="expand">Expand</button></div>` +
    `<pre><code>${highlight(code, lang, path)}${streaming ? CARET : ""}</code></pre></div>`;
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
md.renderer.rules.fence = (tokens, idx, options, env) => {
  const t = tokens[idx];
  return codeBlock(t.content.replace(/\n$/, ""), t.info, { streaming: env.streamingFence === t, index: env.codeIndex++ }) + "\n";
};
md.renderer.rules.code_block = (tokens, idx, options, env) =>
  codeBlock(tokens[idx].content.replace(/\n$/, ""), "", { index: env.codeIndex++ }) + "\n";

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

// The unsanitised HTML of `src`; `env.codeIndex` numbers code blocks across calls. With `streaming`, an unclosed
// last fence is a code block being written and otherwise a caret follows the text.
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

// Render Markdown to sanitised HTML. `streaming` adds a caret (inside a code block still being written).
export function renderMarkdown(text, { streaming = false } = {}) {
  return toHtml.sanitize(renderHtml(String(text || ""), { codeIndex: 0 }, { streaming }));
}

// -- streaming

const NEWLINE = /\r\n?|\n/g;
const CHUNK_LINES = 32;  // lines of a code block being written that are highlighted and kept together

// Offsets where the lines of `text` start, from `from` up to `to` (a line end), plus `to` itself.
function lineStarts(text, from, to) {
  const starts = [from];
  NEWLINE.lastIndex = from;
  for (let m = NEWLINE.exec(text); m && m.index < to; m = NEWLINE.exec(text)) starts.push(m.index + m[0].length);
  if (starts[starts.length - 1] !== to) starts.push(to);
  return starts;
}

// The code block of an open fence, growing in place: whole chunks of lines are highlighted once and kept; only
// the last lines are redone per frame. The code is parsed incrementally (lezer reuses the tree of what came
// before), so highlighting keeps its context (a <script> inside html) at a cost that does not grow with the code.
class LiveCode {
  constructor(tail, info, index) {
    const { lang, path } = parseInfo(info);
    const support = supportFor(lang, path);
    this.parser = support ? support.language.parser : null;
    this.fragments = [];
    this.tree = null;
    this.length = 0;    // characters parsed so far
    this.frozen = 0;    // characters highlighted into kept chunks
    this.lines = 0;     // complete lines before `frozen`
    tail.replaceChildren(toFragment.sanitize(codeBlock("", info, { streaming: true, index })));
    this.code = tail.querySelector("code");
    this.count = tail.querySelector(".codeblock-head .muted");
    this.live = document.createElement("span");
    this.code.insertBefore(this.live, this.code.lastChild);  // before the caret
  }

  update(code) {
    if (this.parser && code.length !== this.length) {
      const grown = [{ fromA: this.length, toA: this.length, fromB: this.length, toB: code.length }];
      this.fragments = TreeFragment.applyChanges(this.fragments, grown);
      this.tree = this.parser.parse(code, this.fragments);
      this.fragments = TreeFragment.addTree(this.tree, this.fragments);
      this.length = code.length;
    }
    for (;;) {
      let end = this.frozen, n = 0;
      while (n < CHUNK_LINES && (end = code.indexOf("\n", end)) >= 0) { end += 1; n += 1; }
      if (n < CHUNK_LINES) break;
      this.code.insertBefore(toFragment.sanitize(tokensHtml(code, this.tree, this.frozen, end)), this.live);
      this.frozen = end;
      this.lines += CHUNK_LINES;
    }
    this.live.replaceChildren(toFragment.sanitize(tokensHtml(code, this.tree, this.frozen, code.length)));
    this.count.textContent = lineState(this.lines + lineCount(code.slice(this.frozen)), true);
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
    this.fence = null;    // the open fence in .md-tail: {bodyStart, scanned, closer, view}
    this.seen = 0;        // length of the text at the last update
    this.edge = "";       // its last characters, to notice a replaced text
  }

  // Returns true when more finished text is waiting (call again on the next frame).
  update(text, { streaming = true } = {}) {
    text = String(text || "");
    // A different text (a resync replaced it) starts over.
    if (text.length < this.seen || text.slice(this.seen - this.edge.length, this.seen) !== this.edge) this.reset();
    let pending = false;
    for (;;) {
      if (this.fence && !streaming) this.fence = null;
      if (this.fence) {
        const closedAt = this._scanFence(text);
        if (closedAt < 0) {
          this.fence.view.update(text.slice(this.fence.bodyStart));
          break;
        }
        this.fence = null;
        this._commit(text, closedAt);
        continue;
      }
      pending = this._advance(text, streaming);
      if (this.fence) continue;
      if (pending) this.tail.replaceChildren();
      else this.tail.replaceChildren(toFragment.sanitize(renderHtml(text.slice(this.rendered), { codeIndex: this.codeIndex }, { streaming })));
      break;
    }
    this.seen = text.length;
    this.edge = text.slice(Math.max(0, text.length - 64));
    return pending;
  }

  // Render text[rendered, end) (whole blocks) into .md-done.
  _commit(text, end) {
    const env = { codeIndex: this.codeIndex };
    this.done.append(toFragment.sanitize(renderHtml(text.slice(this.rendered, end), env)));
    this.codeIndex = env.codeIndex;
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
        this.fence = { bodyStart: starts[open.map[0] + 1], scanned: cut, closer: closingFence(open.markup), view: null };
        this.fence.view = new LiveCode(this.tail, open.info, this.codeIndex);
        return false;
      }
      if (finished > 0 || cut === complete) return cut < complete;
    }
  }

  // The offset just after the line that closes the open fence, or -1 when no complete line closes it yet.
  _scanFence(text) {
    const f = this.fence;
    for (let nl = text.indexOf("\n", f.scanned); nl >= 0; nl = text.indexOf("\n", f.scanned)) {
      const line = text.slice(f.scanned, nl).replace(/\r$/, "");
      f.scanned = nl + 1;
      if (f.closer.test(line)) return f.scanned;
    }
    return -1;
  }
}
