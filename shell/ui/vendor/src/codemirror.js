// Entry of the one CodeMirror bundle (vendor/codemirror.js): every package the editor, the merge view and the
// chat's code blocks use, re-exported from one module so they all share one @codemirror/state instance.
//
// Names two packages both export are renamed here, explicitly, instead of left to `export *` (which would drop
// them silently as ambiguous): autoCloseTags (html, javascript, xml), localCompletionSource (javascript, python).
import { html, autoCloseTags as htmlAutoCloseTags } from "@codemirror/lang-html";
import { css } from "@codemirror/lang-css";
import {
  javascript,
  autoCloseTags as javascriptAutoCloseTags,
  localCompletionSource as javascriptLocalCompletionSource,
} from "@codemirror/lang-javascript";
import { json } from "@codemirror/lang-json";
import { markdown } from "@codemirror/lang-markdown";
import { python, localCompletionSource as pythonLocalCompletionSource } from "@codemirror/lang-python";
import { xml, autoCloseTags as xmlAutoCloseTags } from "@codemirror/lang-xml";

export * from "@codemirror/state";
export * from "@codemirror/view";
export * from "@codemirror/commands";
export * from "@codemirror/language";
export * from "@codemirror/search";
export * from "@codemirror/autocomplete";
export * from "@codemirror/lint";
export * from "@codemirror/merge";
export * from "@lezer/common";
export * from "@lezer/highlight";
export { htmlCompletionSource, htmlCompletionSourceWith, htmlLanguage } from "@codemirror/lang-html";
export { cssCompletionSource, cssLanguage, defineCSSCompletionSource } from "@codemirror/lang-css";
export {
  completionPath,
  esLint,
  javascriptLanguage,
  jsxLanguage,
  scopeCompletionSource,
  snippets,
  tsxLanguage,
  typescriptLanguage,
  typescriptSnippets,
} from "@codemirror/lang-javascript";
export { jsonLanguage, jsonParseLinter } from "@codemirror/lang-json";
export {
  commonmarkLanguage,
  deleteMarkupBackward,
  insertNewlineContinueMarkup,
  insertNewlineContinueMarkupCommand,
  markdownKeymap,
  markdownLanguage,
  pasteURLAsLink,
} from "@codemirror/lang-markdown";
export { globalCompletion, pythonLanguage } from "@codemirror/lang-python";
export { completeFromSchema, xmlLanguage } from "@codemirror/lang-xml";
export { color as oneDarkColors, oneDark, oneDarkHighlightStyle, oneDarkTheme } from "@codemirror/theme-one-dark";
export {
  html,
  css,
  javascript,
  json,
  markdown,
  python,
  xml,
  htmlAutoCloseTags,
  javascriptAutoCloseTags,
  xmlAutoCloseTags,
  javascriptLocalCompletionSource,
  pythonLocalCompletionSource,
};

// A file's language from its path ("src/App.tsx") or a fence's language word ("ts", "svg", "py"): made once per
// kind and shared, since a LanguageSupport is immutable and building one (html nests css and js) is not free.
const MAKERS = {
  html: () => html(),
  css: () => css(),
  js: () => javascript(),
  jsx: () => javascript({ jsx: true }),
  ts: () => javascript({ typescript: true }),
  tsx: () => javascript({ jsx: true, typescript: true }),
  json: () => json(),
  md: () => markdown(),
  py: () => python(),
  xml: () => xml(),
};
const KIND = {
  html: "html", htm: "html", xhtml: "html",
  css: "css",
  js: "js", mjs: "js", cjs: "js", javascript: "js", node: "js",
  jsx: "jsx",
  ts: "ts", mts: "ts", cts: "ts", typescript: "ts",
  tsx: "tsx",
  json: "json", jsonc: "json", webmanifest: "json",
  md: "md", markdown: "md",
  py: "py", pyw: "py", python: "py", python3: "py",
  xml: "xml", svg: "xml", xsl: "xml", rss: "xml", atom: "xml",
};
const made = new Map();

export function languageKind(pathOrLang) {
  const name = String(pathOrLang || "").trim().toLowerCase();
  const base = name.split(/[\\/]/).pop();
  const ext = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1) : base;
  return KIND[ext] || null;
}

export function languageFor(pathOrLang) {
  const kind = languageKind(pathOrLang);
  if (!kind) return null;
  if (!made.has(kind)) made.set(kind, MAKERS[kind]());
  return made.get(kind);
}
