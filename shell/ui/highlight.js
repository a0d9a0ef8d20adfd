// A small syntax highlighter of our own: html, css, js/ts, json, python.
// Input is raw text; output is escaped HTML with <span class="hl-*"> tokens.

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

const JS_KEYWORDS = new Set(("break case catch class const continue debugger default delete do else export extends finally for " +
  "function if import in instanceof let new return super switch this throw try typeof var void while with yield async await " +
  "of static get set true false null undefined NaN Infinity from as interface type enum implements").split(" "));
const PY_KEYWORDS = new Set(("False None True and as assert async await break class continue def del elif else except finally for " +
  "from global if import in is lambda nonlocal not or pass raise return try while with yield self match case").split(" "));

const LANG_BY_EXT = { html: "html", htm: "html", svg: "html", xml: "html", vue: "html", css: "css", scss: "css", js: "js", mjs: "js",
  cjs: "js", jsx: "js", ts: "js", tsx: "js", json: "json", py: "py", md: "md" };

export function languageOf(pathOrLang) {
  const name = String(pathOrLang || "").toLowerCase();
  if (["html", "css", "js", "json", "py", "javascript", "typescript", "python", "md"].includes(name)) {
    return { javascript: "js", typescript: "js", python: "py" }[name] || name;
  }
  const ext = name.includes(".") ? name.split(".").pop() : name;
  return LANG_BY_EXT[ext] || "text";
}

function span(cls, text) { return `<span class="hl-${cls}">${escapeHtml(text)}</span>`; }

// Generic scanner for C-like and Python code.
function highlightCode(src, keywords, { hash = false, slash = true } = {}) {
  let out = "";
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    const rest2 = src.substr(i, 2);
    if (slash && rest2 === "//") {
      const end = src.indexOf("\n", i); const j = end < 0 ? n : end;
      out += span("com", src.slice(i, j)); i = j; continue;
    }
    if (slash && rest2 === "/*") {
      const end = src.indexOf("*/", i + 2); const j = end < 0 ? n : end + 2;
      out += span("com", src.slice(i, j)); i = j; continue;
    }
    if (hash && c === "#") {
      const end = src.indexOf("\n", i); const j = end < 0 ? n : end;
      out += span("com", src.slice(i, j)); i = j; continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      const triple = hash && src.substr(i, 3) === c.repeat(3);
      let j = i + (triple ? 3 : 1);
      while (j < n) {
        if (src[j] === "\\") { j += 2; continue; }
        if (triple ? src.substr(j, 3) === c.repeat(3) : src[j] === c) { j += triple ? 3 : 1; break; }
        if (!triple && c !== "`" && src[j] === "\n") break;
        j++;
      }
      out += span("str", src.slice(i, j)); i = j; continue;
    }
    if (/[0-9]/.test(c) && !/[\w$]/.test(src[i - 1] || "")) {
      const m = /^(0x[0-9a-f]+|\d[\d_]*\.?\d*(e[+-]?\d+)?)/i.exec(src.slice(i, i + 40));
      out += span("num", m[0]); i += m[0].length; continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[\w$]+/.exec(src.slice(i, i + 80));
      const word = m[0];
      if (keywords.has(word)) out += span("key", word);
      else if (src[i + word.length] === "(") out += span("fn", word);
      else out += escapeHtml(word);
      i += word.length; continue;
    }
    out += escapeHtml(c); i++;
  }
  return out;
}

function highlightCss(src) {
  let out = "";
  const re = /(\/\*[\s\S]*?(?:\*\/|$))|("(?:\\.|[^"\\])*"?|'(?:\\.|[^'\\])*'?)|(#[0-9a-fA-F]{3,8}\b|(?<![\w-])-?\d*\.?\d+(?:px|em|rem|%|vh|vw|s|ms|deg|fr)?)|([\w-]+)(?=\s*:)|(@[\w-]+)|([{}:;,()])/g;
  let last = 0; let m;
  while ((m = re.exec(src))) {
    out += escapeHtml(src.slice(last, m.index));
    if (m[1]) out += span("com", m[1]);
    else if (m[2]) out += span("str", m[2]);
    else if (m[3]) out += span("num", m[3]);
    else if (m[4]) out += span("attr", m[4]);
    else if (m[5]) out += span("key", m[5]);
    else out += span("punct", m[6]);
    last = re.lastIndex;
    if (m[0] === "") re.lastIndex++;
  }
  return out + escapeHtml(src.slice(last));
}

function highlightTag(tag) {
  // tag is "<name attr=value ...>" (or a closing tag)
  const m = /^(<\/?)([\w:-]*)([\s\S]*?)(\/?>)?$/.exec(tag);
  if (!m) return escapeHtml(tag);
  let out = span("punct", m[1]) + span("tag", m[2]);
  out += m[3].replace(/([\w:@.-]+)(\s*=\s*)?("[^"]*"?|'[^']*'?|[^\s>]+)?|([^\w]+)/g, (all, name, eq, val, other) => {
    if (other !== undefined) return escapeHtml(other);
    return span("attr", name) + (eq ? escapeHtml(eq) : "") + (val ? span("str", val) : "");
  });
  return out + (m[4] ? span("punct", m[4]) : "");
}

function highlightHtml(src) {
  let out = "";
  let i = 0;
  const n = src.length;
  while (i < n) {
    if (src.startsWith("<!--", i)) {
      const end = src.indexOf("-->", i); const j = end < 0 ? n : end + 3;
      out += span("com", src.slice(i, j)); i = j; continue;
    }
    if (src[i] === "<" && /[A-Za-z!\/]/.test(src[i + 1] || "")) {
      const end = src.indexOf(">", i); const j = end < 0 ? n : end + 1;
      const tag = src.slice(i, j);
      out += highlightTag(tag); i = j;
      const name = (/^<([\w-]+)/.exec(tag) || [])[1];
      if (name && /^(script|style)$/i.test(name)) {
        const close = src.toLowerCase().indexOf(`</${name.toLowerCase()}`, i);
        const k = close < 0 ? n : close;
        const inner = src.slice(i, k);
        out += name.toLowerCase() === "style" ? highlightCss(inner) : highlightCode(inner, JS_KEYWORDS);
        i = k;
      }
      continue;
    }
    const next = src.indexOf("<", i + 1);
    const j = next < 0 ? n : next;
    out += escapeHtml(src.slice(i, j)); i = j;
  }
  return out;
}

export function highlight(src, lang) {
  const language = languageOf(lang);
  try {
    switch (language) {
      case "html": return highlightHtml(src);
      case "css": return highlightCss(src);
      case "js": return highlightCode(src, JS_KEYWORDS);
      case "json": return highlightCode(src, new Set(["true", "false", "null"]));
      case "py": return highlightCode(src, PY_KEYWORDS, { hash: true, slash: false });
      default: return escapeHtml(src);
    }
  } catch (e) {
    return escapeHtml(src);
  }
}

// Highlighted code split into lines (each a self-contained span run), for numbered views.
export function highlightLines(src, lang) {
  const html = highlight(src, lang);
  const lines = [];
  let open = [];
  for (const raw of html.split("\n")) {
    let line = open.map((cls) => `<span class="${cls}">`).join("") + raw;
    const tags = raw.match(/<span class="[^"]+">|<\/span>/g) || [];
    for (const t of tags) {
      if (t === "</span>") open.pop(); else open.push(/class="([^"]+)"/.exec(t)[1]);
    }
    line += "</span>".repeat(open.length);
    lines.push(line);
  }
  return lines;
}
