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
