// A small Markdown renderer for chat messages: safe (everything is escaped first),
// tolerant of a growing stream (an unterminated code fence renders as a code block in progress).
import { escapeHtml, highlight, languageOf } from "./highlight.js";

function inline(text) {
  let s = escapeHtml(text);
  const codes = [];
  s = s.replace(/`([^`]+)`/g, (_, c) => { codes.push(c); return `\u0000${codes.length - 1}\u0000`; });
  s = s.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
  s = s.replace(/(^|[^*\w])\*([^*\n]+)\*(?!\w)/g, "$1<em>$2</em>");
  s = s.replace(/(^|[^_\w])_([^_\n]+)_(?!\w)/g, "$1<em>$2</em>");
  s = s.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
  s = s.replace(/\u0000(\d+)\u0000/g, (_, i) => `<code>${codes[+i]}</code>`);
  return s;
}

export function parseInfo(info) {
  const parts = info.trim().split(/\s+/).filter(Boolean);
  let lang = "", path = "";
  for (const p of parts) {
    const clean = p.replace(/^(path|file|filename)=/, "").replace(/^["']|["']$/g, "");
    if (!lang && !clean.includes(".") && !clean.includes("/")) lang = clean;
    else if (!path) path = clean;
  }
  if (!lang && path) lang = languageOf(path);
  return { lang, path };
}

export function codeBlock(code, info, { streaming = false, index = 0 } = {}) {
  const { lang, path } = parseInfo(info || "");
  const lines = code ? code.split("\n").length : 0;
  const title = path ? `<span class="path">${escapeHtml(path)}</span>` : `<span>${escapeHtml(lang || "code")}</span>`;
  const state = streaming ? `<span class="muted">writing… ${lines} lines</span>` : `<span class="muted">${lines} lines</span>`;
  return `<div class="codeblock" data-index="${index}"${path ? ` data-path="${escapeHtml(path)}"` : ""}>` +
    `<div class="codeblock-head">${title}<span class="spacer"></span>${state}` +
    `<button class="link" data-act="copy">Copy</button><button class="link" data-act="expand">Expand</button></div>` +
    `<pre><code>${highlight(code, lang || path)}${streaming ? '<span class="caret"></span>' : ""}</code></pre></div>`;
}

// Render Markdown to HTML.  `streaming` adds a caret at the end.
export function renderMarkdown(text, { streaming = false } = {}) {
  const lines = String(text || "").split("\n");
  const out = [];
  let para = [];
  let list = null; // {type, items}
  let blocks = 0;
  let caretInCode = false;
  const flushPara = () => { if (para.length) { out.push(`<p>${para.map(inline).join("<br>")}</p>`); para = []; } };
  const flushList = () => { if (list) { out.push(`<${list.type}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.type}>`); list = null; } };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s{0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      flushPara(); flushList();
      const marker = fence[1];
      const body = [];
      let j = i + 1; let closed = false;
      for (; j < lines.length; j++) {
        const close = new RegExp(`^\\s{0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
        if (close.test(lines[j])) { closed = true; break; }
        body.push(lines[j]);
      }
      out.push(codeBlock(body.join("\n"), fence[2], { streaming: streaming && !closed, index: blocks++ }));
      caretInCode = streaming && !closed;
      i = closed ? j : lines.length;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) { flushPara(); flushList(); const lvl = Math.min(3, heading[1].length); out.push(`<h${lvl}>${inline(heading[2])}</h${lvl}>`); continue; }
    const ul = /^\s*[-*+]\s+(.*)$/.exec(line);
    const ol = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (ul || ol) {
      flushPara();
      const type = ul ? "ul" : "ol";
      if (!list || list.type !== type) { flushList(); list = { type, items: [] }; }
      list.items.push((ul || ol)[1]);
      continue;
    }
    if (!line.trim()) { flushPara(); flushList(); continue; }
    flushList();
    para.push(line);
  }
  flushPara(); flushList();
  let html = out.join("");
  if (streaming && !caretInCode) html += '<span class="caret"></span>';
  return html;
}

// Renders a growing message without redoing finished blocks: text before the last "safe point"
// (a blank line or a closing fence, outside any code block) is rendered once and appended; only
// the tail is re-rendered on each frame.
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
    this.scanned = 0;     // characters of text scanned for safe points
    this.rendered = 0;    // characters rendered into .md-done
    this.safePoints = []; // offsets where finished blocks end, in order
    this.fence = "";      // the open fence marker while inside a code block
    this.edge = "";       // the last characters rendered, to notice a replaced text
  }

  _scan(text) {
    let pos = this.scanned;
    while (true) {
      const nl = text.indexOf("\n", pos);
      if (nl < 0) break;
      const line = text.slice(pos, nl);
      const m = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (this.fence) {
        if (m && m[1][0] === this.fence[0] && m[1].length >= this.fence.length && !line.trim().slice(m[1].length).trim()) {
          this.fence = "";
          this.safePoints.push(nl + 1);
        }
      } else if (m) {
        this.fence = m[1];
      } else if (!line.trim()) {
        this.safePoints.push(nl + 1);
      }
      pos = nl + 1;
    }
    this.scanned = pos;
  }

  // Returns true when more finished text is waiting (call again on the next frame).
  update(text, { streaming = true } = {}) {
    // A different text (a resync replaced it) starts over.
    if (text.length < this.rendered || text.slice(Math.max(0, this.rendered - 64), this.rendered) !== (this.edge || "")) this.reset();
    this._scan(text);
    let target = this.rendered;
    while (this.safePoints.length && this.safePoints[0] <= this.rendered) this.safePoints.shift();
    while (this.safePoints.length && (target === this.rendered || this.safePoints[0] - this.rendered <= this.budget)) {
      target = this.safePoints.shift();
    }
    if (target > this.rendered) {
      this.done.insertAdjacentHTML("beforeend", renderMarkdown(text.slice(this.rendered, target)));
      this.rendered = target;
      this.edge = text.slice(Math.max(0, target - 64), target);
    }
    const pending = this.safePoints.length > 0;
    if (!pending) this.tail.innerHTML = renderMarkdown(text.slice(this.rendered), { streaming });
    else if (this.tail.firstChild) this.tail.innerHTML = "";
    return pending;
  }
}
