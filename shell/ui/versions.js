// The History tab: the project's versions (every generation, save, edit, restore, creation and import makes a
// checkpoint), each with what it changed (kind, by whom, "+2 ~1 −0 files", when); comparing any two of them, or one
// with the current files, side by side (CodeMirror's MergeView, file by file); and restoring one, after a
// confirmation, undoably: restoring is itself a new version, and the toast that says so offers Undo.
//
// The list is storage's ListCheckpoints, newest first (older ones a page at a time). Comparing asks storage which
// files differ (DiffCheckpoints, any two ids, 0 for the current files) and then each picked file's two texts:
// a checkpoint's from GetCheckpoint (a version never changes, so it is kept while the comparison shows), the
// current files' from ReadFile (compared again when they change).
import { call } from "./bus.js";
import { ask } from "./ask.js";
import { onProject, reloadProject, tabShown } from "./project.js";
import { reloadPreview } from "./preview.js";
import { state } from "./state.js";
import { $, $$, ago, node, showError, toast } from "./util.js";
import {
  EditorState, EditorView, HighlightStyle, MergeView, highlightSpecialChars, languageFor, lineNumbers, syntaxHighlighting, tags,
} from "./vendor/codemirror.js";

const PAGE = 100;
const AUTHOR_WORDS = { import: "imported" };
let total = 0;

onProject("reset", () => {
  state.selectedCheckpoint = null;
  state.checkpoints = [];
  total = 0;
  closeCompare();
});
onProject("tab", (name) => { if (name === "history") loadCheckpoints(); });
const reloadIfShown = () => { if (tabShown("history")) loadCheckpoints(); };
onProject("opened", reloadIfShown);
onProject("history", reloadIfShown);
// The current files changed while they are one side of the comparison: compare again, on the same file.
onProject("files", () => { if (compare.open && compare.to === 0) runCompare(compare.from, 0, { keep: true }); });

// -- the list
export async function loadCheckpoints({ more = false } = {}) {
  if (!state.project) return;
  const projectId = state.project.id;
  try {
    const r = await call("storage", "ListCheckpoints", { project_id: projectId, limit: PAGE, offset: more ? state.checkpoints.length : 0 });
    if (!state.project || state.project.id !== projectId) return;
    state.checkpoints = more ? [...state.checkpoints, ...r.items] : r.items;
    total = r.total;
  } catch (e) { showError(e); return; }
  renderList();
  if (compare.open) { fillPickers(); markCompared(); }
}

// "+2 ~1 −0 files": what a version changed since the one before it, and the same in words for a screen reader.
export function changeSummary(c) {
  const [added, modified, removed] = [c.added || 0, c.modified || 0, c.removed || 0];  // a zero may be left out
  return {
    short: `+${added} ~${modified} −${removed} files`,
    words: `files: ${added} added, ${modified} changed, ${removed} removed`,
  };
}
const versionName = (c) => `#${c.id}`;
const byWhom = (c) => (c.author ? (AUTHOR_WORDS[c.author] || `by ${c.author}`) : "");
const fullDate = (ts) => new Date(ts * 1000).toLocaleString();

function renderList() {
  const ul = $("#checkpoints");
  // the keyboard stays where it was when the list is drawn again (a new version, a restore)
  const focused = ul.contains(document.activeElement) ? document.activeElement : null;
  const refocus = focused && { id: focused.closest("li.cp")?.dataset.id, act: focused.dataset.act };
  ul.innerHTML = "";
  $("#history-count").textContent = total ? `${total} version${total === 1 ? "" : "s"}` : "";
  $("#compare-btn").disabled = !state.checkpoints.length;
  if (!state.checkpoints.length) {
    ul.append(node("li", "muted empty-note", "No versions yet. Every generation and save makes one."));
    return;
  }
  state.checkpoints.forEach((c, i) => {
    const newest = i === 0;
    const li = node("li", `cp${state.selectedCheckpoint === c.id ? " active" : ""}`);
    li.dataset.id = c.id;
    li.dataset.kind = c.kind;
    const sum = changeSummary(c);
    const open = node("button", "cp-open");
    open.type = "button";
    open.dataset.act = "current";
    open.title = "Compare this version with the current files";
    const kind = node("span", "kind", c.kind);
    kind.dataset.kind = c.kind;
    const when = node("time", "when", ago(c.created_at));
    when.dateTime = new Date(c.created_at * 1000).toISOString();
    when.title = fullDate(c.created_at);
    const side = node("span", "side-tag");
    side.setAttribute("aria-live", "off");
    open.append(kind, node("span", "label", c.label || `Version ${versionName(c)}`), side, when);
    const meta = node("div", "cp-meta muted small");
    meta.id = `cp-meta-${c.id}`;
    open.setAttribute("aria-describedby", meta.id);
    const counts = node("span", "counts", sum.short);
    counts.title = sum.words;
    counts.setAttribute("aria-label", sum.words);
    const who = byWhom(c);
    if (who) meta.append(node("span", "author", who), node("span", "sep", " · "));
    meta.append(counts, node("span", "sep", " · "), node("span", "", `${c.file_count} file${c.file_count === 1 ? "" : "s"}`),
      node("span", "sep", " · "), node("span", "id", newest ? `${versionName(c)} (newest)` : versionName(c)));
    const actions = node("div", "cp-actions");
    // each name starts with the button's words (what a person who sees them says to a voice control)
    actions.append(actionButton("current", "Compare with current", "", `Compare with current files: ${versionName(c)}`),
      actionButton("with", "Compare with…", "ghost", `Compare with another version: ${versionName(c)}`));
    if (!newest) actions.append(actionButton("restore", "Restore…", "ghost", `Restore ${versionName(c)}`));
    li.append(open, meta, actions);
    ul.append(li);
  });
  if (state.checkpoints.length < total) {
    const li = node("li", "more");
    const b = node("button", "btn small ghost", `Show older versions (${total - state.checkpoints.length} more)`);
    b.type = "button";
    b.onclick = () => loadCheckpoints({ more: true });
    li.append(b);
    ul.append(li);
  }
  markCompared();
  if (refocus) (ul.querySelector(`li.cp[data-id="${refocus.id}"] [data-act="${refocus.act}"]`) || ul.querySelector(".cp-open"))?.focus();
}
function actionButton(act, label, cls, aria) {
  const b = node("button", `btn small ${cls}`.trim(), label);
  b.type = "button";
  b.dataset.act = act;
  b.setAttribute("aria-label", aria);
  return b;
}

// One listener for the list: a row's click (anywhere but its buttons) compares it with the current files.
$("#checkpoints").addEventListener("click", (e) => {
  const li = e.target.closest("li.cp");
  if (!li) return;
  const c = state.checkpoints.find((x) => String(x.id) === li.dataset.id);
  if (!c) return;
  const act = e.target.closest("[data-act]")?.dataset.act || "current";
  select(c.id);
  if (act === "current") openCompare(c.id, 0);
  else if (act === "with") compareWith(c);
  else if (act === "restore") restoreVersion(c);
});
$("#compare-btn").onclick = () => {
  const [newest, before] = state.checkpoints;
  if (newest) openCompare(before ? before.id : newest.id, before ? newest.id : 0, { focus: "from" });
};
function select(id) {
  state.selectedCheckpoint = id;
  $$("#checkpoints li.cp").forEach((li) => li.classList.toggle("active", li.dataset.id === String(id)));
}
// "Compare with…": what this version changed (the one before it on the left, the From picker to choose another);
// for the first version, it against the one after it (or the current files), the To picker to choose another.
function compareWith(c) {
  const at = state.checkpoints.findIndex((x) => x.id === c.id);
  const older = state.checkpoints[at + 1], newer = state.checkpoints[at - 1];
  if (older) openCompare(older.id, c.id, { focus: "from" });
  else openCompare(c.id, newer ? newer.id : 0, { focus: "to" });
}

// -- restoring: one click, a confirmation, and undoable
async function restoreVersion(c) {
  const answer = await ask({
    title: `Restore version ${versionName(c)}?`,
    message: `The project's files become those of “${c.label || c.kind}” (${ago(c.created_at)}, ${c.file_count} files). `
      + "Restoring makes a new version, so nothing is lost: you can undo it.",
    buttons: [{ value: "cancel", label: "Cancel" }, { value: "restore", label: "Restore", primary: true }],
  });
  if (answer !== "restore") return;
  const projectId = state.project.id;
  try {
    const before = await currentAsVersion(projectId);
    const r = await call("storage", "RestoreCheckpoint", { project_id: projectId, checkpoint_id: c.id });
    closeCompare();
    toast(`Restored ${versionName(c)}: saved as a new version (${versionName(r.checkpoint)}), so you can undo it`, {
      action: "Undo", ms: 10000, onAction: () => undoRestore(projectId, before),
    });
    await afterRestore();
  } catch (e) { showError(e); }
}

// The version that holds the files as they are now (to come back to): the newest one when nothing changed since,
// else a new one saved for the purpose.
async function currentAsVersion(projectId) {
  const list = await call("storage", "ListCheckpoints", { project_id: projectId, limit: 1 });
  const newest = list.items[0];
  if (newest) {
    const diff = await call("storage", "DiffCheckpoints", { project_id: projectId, from_id: newest.id, to_id: 0, context: 0 });
    if (!diff.files.length) return newest;
  }
  const saved = await call("storage", "SaveProject", { project_id: projectId, label: "Before a restore" });
  return saved.checkpoint;
}

async function undoRestore(projectId, before) {
  try {
    await call("storage", "RestoreCheckpoint", { project_id: projectId, checkpoint_id: before.id });
    toast(`Undone: the files are back as they were (${versionName(before)})`);
    if (state.project && state.project.id === projectId) await afterRestore();
  } catch (e) { showError(e); }
}

async function afterRestore() {
  state.selectedCheckpoint = null;
  await reloadProject();
  reloadPreview(true);
  loadCheckpoints();
}

// -- comparing two versions side by side
const compare = { open: false, from: 0, to: 0, files: [], picked: "", seq: 0, merge: null, texts: new Map() };

// The app's own colours for the code (app.css's --hl-* variables), so light and dark need no second style.
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier, tags.controlKeyword], color: "var(--hl-key)" },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--hl-str)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--hl-num)" },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--hl-com)", fontStyle: "italic" },
  { tag: [tags.tagName, tags.angleBracket], color: "var(--hl-tag)" },
  { tag: [tags.attributeName, tags.propertyName], color: "var(--hl-attr)" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: "var(--hl-fn)" },
  { tag: [tags.punctuation, tags.separator], color: "var(--muted)" },
]);

// The comparison takes the place of the files and the chat (the History list stays beside it, so another version
// is one click away); Esc or Close gives them back.
function buildView() {
  let view = $("#compare-view");
  if (view) return view;
  view = node("section", "compare-view hidden");
  view.id = "compare-view";
  view.setAttribute("aria-labelledby", "compare-title");
  view.innerHTML = `
    <header class="compare-head">
      <h2 id="compare-title" tabindex="-1">Compare versions</h2>
      <label class="compare-pick">From <select id="compare-from"></select></label>
      <button type="button" class="icon-btn" id="compare-swap" title="Swap the two sides" aria-label="Swap the two sides">
        <svg viewBox="0 0 20 20" aria-hidden="true"><path d="M6 4 2.5 7.5 6 11V8.25h8v-1.5H6zm8 5v2.75H6v1.5h8V16l3.5-3.5z"/></svg></button>
      <label class="compare-pick">To <select id="compare-to"></select></label>
      <span class="spacer"></span>
      <button type="button" class="btn small" id="compare-restore">Restore…</button>
      <button type="button" class="btn small ghost" id="compare-close" title="Close the comparison (Esc)">Close</button>
    </header>
    <p class="compare-status muted small" id="compare-status" role="status" aria-live="polite"></p>
    <div class="compare-body">
      <ul class="compare-files" id="compare-files" role="listbox" aria-label="Files that differ" tabindex="0"></ul>
      <section class="compare-pane" aria-labelledby="compare-path">
        <div class="compare-sides">
          <div><strong class="mono" id="compare-path"></strong> <span class="muted small" id="compare-left"></span></div>
          <div class="muted small" id="compare-right"></div>
        </div>
        <div class="compare-merge" id="compare-merge"></div>
      </section>
    </div>`;
  $("#workspace").insertBefore(view, $("#side-pane"));
  $("#compare-from").onchange = () => runCompare(Number($("#compare-from").value), compare.to);
  $("#compare-to").onchange = () => runCompare(compare.from, Number($("#compare-to").value));
  $("#compare-swap").onclick = () => { if (compare.to) runCompare(compare.to, compare.from); };
  $("#compare-close").onclick = () => closeCompare(true);
  $("#compare-restore").onclick = () => {
    const c = state.checkpoints.find((x) => x.id === compare.from);
    if (c) restoreVersion(c);
  };
  view.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !e.defaultPrevented) { e.preventDefault(); e.stopPropagation(); closeCompare(true); }
  });
  $("#compare-files").addEventListener("click", (e) => {
    const li = e.target.closest("li[data-path]");
    if (li) pickFile(li.dataset.path);
  });
  $("#compare-files").addEventListener("keydown", onFilesKey);
  return view;
}

let returnFocus = null;
export function openCompare(from, to, { focus } = {}) {
  const view = buildView();
  if (!compare.open) returnFocus = document.activeElement;
  if (!compare.open) compare.texts = new Map();
  compare.open = true;
  view.classList.remove("hidden");
  $("#workspace").classList.add("comparing");
  runCompare(from, to);
  ({ to: $("#compare-to"), from: $("#compare-from") }[focus] || $("#compare-title")).focus();
}

export function closeCompare(refocus = false) {
  if (!compare.open) return;
  compare.open = false;
  compare.seq++;
  compare.merge?.destroy();
  compare.merge = null;
  $("#compare-merge").innerHTML = "";
  $("#compare-view").classList.add("hidden");
  $("#workspace").classList.remove("comparing");
  markCompared();
  if (refocus && returnFocus && returnFocus.isConnected) returnFocus.focus();
  returnFocus = null;
}

// The two versions compared, marked in the list ("From", "To").
function markCompared() {
  $$("#checkpoints li.cp").forEach((li) => {
    const id = Number(li.dataset.id);
    const side = !compare.open ? "" : id === compare.from ? "From" : id === compare.to ? "To" : "";
    li.classList.toggle("compared", !!side);
    const tag = li.querySelector(".side-tag");
    if (tag) tag.textContent = side;
  });
}

const optionText = (c) => `${versionName(c)} · ${c.label || c.kind} · ${ago(c.created_at)}`;
function fillPickers(from = compare.from, to = compare.to) {
  const fromSel = $("#compare-from"), toSel = $("#compare-to");
  fromSel.innerHTML = ""; toSel.innerHTML = "";
  toSel.append(new Option("Current files", "0"));
  for (const c of state.checkpoints) {
    fromSel.append(new Option(optionText(c), String(c.id)));
    toSel.append(new Option(optionText(c), String(c.id)));
  }
  fromSel.value = String(from);
  toSel.value = String(to);
}

const sideName = (id) => {
  if (!id) return "current files";
  const c = state.checkpoints.find((x) => x.id === id);
  return c ? `${versionName(c)} (${c.kind}, ${ago(c.created_at)})` : versionName({ id });
};

async function runCompare(from, to, { keep = false } = {}) {
  const seq = ++compare.seq;
  const was = keep ? compare.picked : "";
  Object.assign(compare, { from, to, files: [], picked: "" });
  fillPickers(from, to);
  markCompared();
  $("#compare-swap").disabled = !to;
  $("#compare-restore").textContent = `Restore ${versionName({ id: from })}…`;
  $("#compare-restore").setAttribute("aria-label", `Restore ${versionName({ id: from })}, the From side`);
  $("#compare-restore").disabled = !state.checkpoints.length || state.checkpoints[0].id === from;
  $("#compare-files").innerHTML = "";
  showMerge(null);
  const status = $("#compare-status");
  if (from === to) { status.textContent = "These are the same version: pick another one to compare with."; return; }
  status.textContent = "Comparing…";
  try {
    const r = await call("storage", "DiffCheckpoints", { project_id: state.project.id, from_id: from, to_id: to, context: 0 });
    if (seq !== compare.seq) return;
    compare.files = r.files;
  } catch (e) { if (seq === compare.seq) status.textContent = e.message; return; }
  const n = compare.files.length;
  status.textContent = n
    ? `${n} file${n === 1 ? "" : "s"} differ${n === 1 ? "s" : ""} from ${sideName(from)} to ${sideName(to)}.`
    : `No differences: ${sideName(from)} and ${sideName(to)} hold the same files.`;
  renderFiles();
  if (n) pickFile(compare.files.some((f) => f.path === was) ? was : compare.files[0].path);
}

function renderFiles() {
  const ul = $("#compare-files");
  ul.innerHTML = "";
  for (const f of compare.files) {
    const li = node("li", `cf ${f.status}`);
    li.id = `cf-${[...f.path].map((ch) => ch.codePointAt(0).toString(36)).join("-")}`;
    li.dataset.path = f.path;
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", String(f.path === compare.picked));
    const [plus, minus] = [f.added || 0, f.removed || 0];  // lines; a zero may be left out
    const counts = f.status === "modified" ? `+${plus} −${minus}` : f.status === "added" ? `+${plus}` : `−${minus}`;
    li.append(node("span", "path", f.path), node("span", "status", f.status), node("span", "counts muted small", counts));
    li.title = `${f.path}: ${f.status}`;
    ul.append(li);
  }
}

function onFilesKey(e) {
  const paths = compare.files.map((f) => f.path);
  if (!paths.length) return;
  const at = paths.indexOf(compare.picked);
  let next = null;
  if (e.key === "ArrowDown") next = Math.min(paths.length - 1, at + 1);
  else if (e.key === "ArrowUp") next = Math.max(0, at - 1);
  else if (e.key === "Home") next = 0;
  else if (e.key === "End") next = paths.length - 1;
  if (next === null) return;
  e.preventDefault();
  pickFile(paths[next]);
}

async function pickFile(path) {
  const f = compare.files.find((x) => x.path === path);
  if (!f) return;
  compare.picked = path;
  $$("#compare-files li").forEach((li) => {
    const on = li.dataset.path === path;
    li.setAttribute("aria-selected", String(on));
    li.classList.toggle("active", on);
    if (on) { $("#compare-files").setAttribute("aria-activedescendant", li.id); li.scrollIntoView({ block: "nearest" }); }
  });
  const seq = compare.seq;
  const { from, to } = compare;
  try {
    const [left, right] = await Promise.all([
      f.status === "added" ? "" : textAt(from, path),
      f.status === "removed" ? "" : textAt(to, path),
    ]);
    if (seq !== compare.seq || compare.picked !== path) return;
    showMerge({ path, status: f.status, left, right });
  } catch (e) { if (seq === compare.seq) $("#compare-status").textContent = e.message; }
}

// A file's text in a version (0: the current files).
async function textAt(id, path) {
  if (!id) return (await call("storage", "ReadFile", { project_id: state.project.id, path })).file.content;
  if (!compare.texts.has(id)) {
    compare.texts.set(id, call("storage", "GetCheckpoint", { checkpoint_id: id })
      .then((r) => new Map(r.files.map((f) => [f.path, f.content]))));
  }
  try { return (await compare.texts.get(id)).get(path) ?? ""; }
  catch (e) { compare.texts.delete(id); throw e; }
}

function sideExtensions(path, label) {
  const lang = languageFor(path);
  return [
    lineNumbers(),
    highlightSpecialChars(),
    syntaxHighlighting(highlight),
    EditorState.readOnly.of(true),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ "aria-label": label, "aria-readonly": "true" }),
    ...(lang ? [lang] : []),
  ];
}

function showMerge(file) {
  compare.merge?.destroy();
  compare.merge = null;
  const host = $("#compare-merge");
  host.innerHTML = "";
  $("#compare-path").textContent = file ? file.path : "";
  $("#compare-left").textContent = file ? `${sideName(compare.from)}${file.status === "added" ? ": not in this version" : ""}` : "";
  $("#compare-right").textContent = file ? `${sideName(compare.to)}${file.status === "removed" ? ": not in this version" : ""}` : "";
  if (!file) return;
  compare.merge = new MergeView({
    a: { doc: file.left, extensions: sideExtensions(file.path, `${file.path} in ${sideName(compare.from)}`) },
    b: { doc: file.right, extensions: sideExtensions(file.path, `${file.path} in ${sideName(compare.to)}`) },
    parent: host,
    highlightChanges: true,
    gutter: true,
    collapseUnchanged: { margin: 3, minSize: 8 },
  });
}
