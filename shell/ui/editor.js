// The code editor: CodeMirror 6 (the vendored bundle), set up once for the code view. This module knows CodeMirror
// and nothing of projects or storage: code.js keeps one EditorState per open file (its text, selection and undo
// history) and shows one of them at a time in the single EditorView made here.
//
// Why CodeMirror and not our own: search and replace, folding, bracket matching, undo history, IME, screen readers
// and a viewport that renders only what is visible (a 5,000-line file opens as fast as a short one) are years of
// work that CodeMirror already does well.
//
// Colours come from app.css (the --hl-* and panel variables), so light and dark restyle by CSS alone; the theme
// compartment tells CodeMirror which one is in effect, for the parts it draws itself (the search panel, tooltips,
// the selection and the cursor), and is reconfigured when <html data-theme> changes, without a reload.
import {
  bracketMatching, closeBrackets, closeBracketsKeymap, Compartment, crosshairCursor, defaultKeymap, drawSelection,
  dropCursor, EditorState, EditorView, foldGutter, foldKeymap, highlightActiveLine,
  highlightActiveLineGutter, highlightSelectionMatches, highlightSpecialChars, HighlightStyle, history,
  historyKeymap, indentOnInput, indentWithTab, keymap, languageFor, languageKind, lineNumbers, openSearchPanel,
  rectangularSelection, search, searchKeymap, syntaxHighlighting, tags as t,
} from "./vendor/codemirror.js";

const themeSlot = new Compartment();
const fileSlot = new Compartment();  // what the file's name decides: its language, the editor's label

export const themeIsDark = () => document.documentElement.dataset.theme === "dark";

// Token colours: the app's own palette (app.css defines --hl-* for light and for dark).
const palette = HighlightStyle.define([
  { tag: [t.keyword, t.operatorKeyword, t.modifier, t.controlKeyword, t.definitionKeyword, t.moduleKeyword], color: "var(--hl-key)" },
  { tag: [t.string, t.special(t.string), t.regexp, t.character], color: "var(--hl-str)" },
  { tag: [t.number, t.bool, t.null, t.atom, t.unit], color: "var(--hl-num)" },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: "var(--hl-com)", fontStyle: "italic" },
  { tag: [t.tagName, t.angleBracket], color: "var(--hl-tag)" },
  { tag: [t.attributeName, t.propertyName, t.labelName], color: "var(--hl-attr)" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.className, t.typeName, t.namespace], color: "var(--hl-fn)" },
  { tag: [t.heading], color: "var(--hl-key)", fontWeight: "650" },
  { tag: [t.emphasis], fontStyle: "italic" },
  { tag: [t.strong], fontWeight: "650" },
  { tag: [t.link, t.url], color: "var(--hl-attr)", textDecoration: "underline" },
  { tag: [t.meta, t.processingInstruction, t.documentMeta], color: "var(--muted)" },
  { tag: [t.invalid], color: "var(--danger)" },
]);

// The parts of the look that must be CodeMirror theme rules (they size the editor to its pane); the rest is
// editor.css. ``dark`` marks the theme dark for CodeMirror's own light/dark rules.
function look(dark) {
  return [
    EditorView.theme({ "&": { height: "100%" }, ".cm-scroller": { overflow: "auto" } }, { dark }),
    EditorView.darkTheme.of(dark),
  ];
}

// Ctrl+H: the search panel with the focus in its replace field (Ctrl+F opens it in the search field).
function openReplace(view) {
  openSearchPanel(view);
  const field = view.dom.querySelector(".cm-search input[name=replace]");
  if (field) { field.focus(); field.select(); }
  return true;
}

// The line break a file uses, so that saving writes back exactly the bytes it was given (CodeMirror would
// otherwise join lines with "\n" and turn a CRLF file into an LF one).
function lineBreakOf(text) {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

// A new EditorState for ``text`` as the file ``path``: language from the name, an undo history of its own.
// ``onChange(update)`` is called for every change of its text.
export function fileState(path, text, { onChange } = {}) {
  return EditorState.create({
    doc: text,
    extensions: [
      EditorState.lineSeparator.of(lineBreakOf(text)),
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      foldGutter(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      syntaxHighlighting(palette),
      bracketMatching(),
      closeBrackets(),
      rectangularSelection(),
      crosshairCursor(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      search({ top: true }),
      keymap.of([
        { key: "Mod-h", run: openReplace, scope: "editor search-panel", preventDefault: true },
        // Ctrl+I picks an element in the preview from here too (the window's table, app.js), not CodeMirror's
        // "select the parent syntax node"
        { key: "Mod-i", run: () => !!window.vibing?.command?.("pick-element"), preventDefault: true },
        ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, indentWithTab,
      ]),
      fileSlot.of(named(path)),
      themeSlot.of(look(themeIsDark())),
      onChange ? EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u); }) : [],
    ],
  });
}

function named(path) {
  const language = languageFor(path);
  return [language || [], EditorView.contentAttributes.of({ "aria-label": `Code of ${path}` })];
}

// The state of a file that was renamed: the new name's language and label, its text and history as they were.
export function renamed(st, path) {
  return st.update({ effects: fileSlot.reconfigure(named(path)) }).state;
}
export function renameShown(view, path) {
  view.dispatch({ effects: fileSlot.reconfigure(named(path)) });
}

// The state with the theme in effect now: a state kept while the theme changed is brought up to date before it
// is shown again (an effect-only transaction: its text and its undo history are untouched).
export function themed(st) {
  const dark = themeIsDark();
  if (st.facet(EditorView.darkTheme) === dark) return st;
  return st.update({ effects: themeSlot.reconfigure(look(dark)) }).state;
}

// Whether the view is styled dark (what the theme compartment holds now).
export const viewIsDark = (view) => view.state.facet(EditorView.darkTheme);

// The one editor view, in ``parent``.
export function createView(parent, st) {
  return new EditorView({ state: themed(st), parent });
}

// Show ``st`` in ``view``; ``scrollTop`` puts its scroll position back (a state does not keep one).
export function showState(view, st, scrollTop = 0) {
  view.setState(themed(st));
  if (scrollTop) view.requestMeasure({ read: () => null, write: () => { view.scrollDOM.scrollTop = scrollTop; } });
}

// Restyle the shown editor for the theme in effect now (the caller watches <html data-theme>).
export function restyle(view) {
  const dark = themeIsDark();
  if (view && view.state.facet(EditorView.darkTheme) !== dark) view.dispatch({ effects: themeSlot.reconfigure(look(dark)) });
}

// The whole text of a state, joined with the file's own line break.
export const textOf = (st) => st.sliceDoc();

// "HTML", "CSS", ... for the code view's header: what the editor highlights the file as.
const NAMES = { html: "HTML", css: "CSS", js: "JavaScript", jsx: "JSX", ts: "TypeScript", tsx: "TSX", json: "JSON",
  md: "Markdown", py: "Python", xml: "XML" };
export function languageName(path) {
  const kind = languageKind(path);
  if (kind === "xml" && /\.svg$/i.test(path)) return "SVG";
  return NAMES[kind] || "Plain text";
}
