// The code view (the Code tab): the selected file in the editor (editor.js, CodeMirror), edited and saved through
// storage. What is selected, and when, is the file tree's business (files.js): it calls showFile and clearFile.
//
// Each file opened in this window keeps its own EditorState (text, selection, undo history) for as long as the
// page lives, per project, so switching files or projects keeps unsaved edits. While a person types, the text is
// also kept in storage as a draft (SaveDraft, about a second after the last key), so a crash or a killed shell
// loses nothing: opening the project again offers the drafts back. Saving (Ctrl+S, the Save button, the File
// menu) writes the file (UpdateFile: a checkpoint; storage drops the draft in the same transaction), reloads the
// preview and marks the file clean.
//
// A file that changes in storage while it has unsaved edits here (a generation, another window) is never
// replaced silently: the view says it changed on disk and offers Reload or Keep mine. Before a generation starts
// while files are dirty, beforeGeneration() asks whether to save them, discard them, or not generate.
import { call } from "./bus.js";
import {
  createView, fileState, languageName, renamed, renameShown, restyle, showState, textOf, viewIsDark,
} from "./editor.js";
import { reloadPreview } from "./preview.js";
import { historyChanged, onProject, saveCheckpoint, showTab } from "./project.js";
import { state } from "./state.js";
import { $, closeModals, escapeHtml, fmtBytes, hub, openModal, showError, toast } from "./util.js";

// A file larger than this is described, not opened: the editor stays responsive, and the person is told why.
export const MAX_EDIT_BYTES = 1024 * 1024;
const DRAFT_DELAY_MS = 1000;     // a draft is written this long after the last change...
const DRAFT_MAX_WAIT_MS = 5000;  // ...and at least this often while the person keeps typing
const utf8 = new TextEncoder();

// -- what other views may listen to: "dirty" (the set of files with unsaved edits changed)
const changes = hub("editor");
export function onEditorChange(fn) { return changes.on("dirty", fn); }

// Every open file of every project this page opened: project id -> path -> doc. A doc is
//   state     its EditorState while it is not the one shown (the view holds the shown one)
//   base      the stored text its edits started from; sha: that text's sha256 (FileInfo.sha256; "" when new)
//   dirty     its text differs from base
//   conflict  null, or { content, sha } of the stored file that changed under unsaved edits (content null: deleted)
//   scrollTop where it was scrolled to, for when it is shown again
const projects = new Map();
function docs(projectId = state.project?.id) {
  if (!projects.has(projectId)) projects.set(projectId, new Map());
  return projects.get(projectId);
}
let shown = "";  // the path in the editor ("" when none)
let view = null;

const stateOf = (d) => (view && d.projectId === state.project?.id && d.path === shown ? view.state : d.state);
export const isDirty = (path) => !!docs().get(path)?.dirty;
export const dirtyPaths = () => [...docs().values()].filter((d) => d.dirty).map((d) => d.path).sort();

function newDoc(path, text, sha, { base = text } = {}) {
  const d = { projectId: state.project.id, path, base, sha, dirty: false, conflict: null, scrollTop: 0,
    draftTimer: null, draftDue: 0, draftSent: null, hasDraft: false, saving: null, draftError: "" };
  d.state = fileState(path, text, { onChange: () => edited(d) });
  d.dirty = text !== base;
  docs().set(path, d);
  return d;
}

// -- showing a file
// Why ``content`` is not opened in the editor ("" when it is). ``bytes``: its size, when storage said it.
function unreadable(path, content, bytes) {
  if (content.includes("\0") || looksBinary(content)) {
    return `${path} looks like a binary file: it cannot be shown or edited as text.`;
  }
  if (bytes === undefined) bytes = content.length * 3 > MAX_EDIT_BYTES ? utf8.encode(content).length : content.length;
  if (bytes > MAX_EDIT_BYTES) {
    return `${path} is ${fmtBytes(bytes)}: too large to edit here (${MAX_EDIT_BYTES / 1048576} MB at most). It is still part of the project, and the preview uses it.`;
  }
  return "";
}
// Text made of control characters (other than tabs, line and page breaks) or replacement characters is not
// something a person edits: a binary blob that got into the project as text.
function looksBinary(content) {
  const head = content.slice(0, 8192);
  if (!head) return false;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd / head.length > 0.1;
}

// Show ``content`` as the file at ``path`` (files.js calls this when a file is selected, and again after every
// reload of the project: a file already open keeps its own state, reconciled with what storage now has).
export function showFile(path, content) {
  const f = state.files.get(path);
  let d = docs().get(path);
  if (d) reconcile(d);
  d = docs().get(path);
  if (!d) {
    const size = f && f.content === content ? f.size : undefined;  // bytes, as storage counted them
    const why = unreadable(path, content, size);
    if (why) { park(); shown = ""; describe(path, why); return; }
    d = newDoc(path, content, f?.sha256 || "");
    d.bytes = size;
  }
  if (shown !== path || !view) display(d);
  render();
}

export function clearFile() {
  park();
  shown = "";
  $("#code-path").textContent = "No file selected";
  $("#code-message").classList.add("hidden");
  $("#code-view").classList.add("hidden");
  render();
}

// Keep the shown doc's state and scroll position before another one replaces it.
function park() {
  const d = shown && docs().get(shown);
  if (d && view) { d.state = view.state; d.scrollTop = view.scrollDOM.scrollTop; }
}

function display(d) {
  park();
  shown = d.path;
  $("#code-message").classList.add("hidden");
  $("#code-view").classList.remove("hidden");
  if (view) showState(view, d.state, d.scrollTop);
  else view = createView($("#code-view"), d.state);
  d.state = view.state;
}

function describe(path, why) {
  $("#code-path").textContent = path;
  $("#code-view").classList.add("hidden");
  $("#code-message").textContent = why;
  $("#code-message").classList.remove("hidden");
  $("#code-info").textContent = "";
  render();
}

// The header (path, unsaved marker, language, lines, size, Save), the changed-on-disk bar, the Code tab's marker.
function render() {
  const d = shown && docs().get(shown);
  $("#code-dirty").classList.toggle("hidden", !d?.dirty);
  $("#code-save").disabled = !d?.dirty || !!d?.saving;
  $("#code-tab-dirty").classList.toggle("hidden", !dirtyPaths().length);
  renderConflict(d);
  if (!d) return;
  $("#code-path").textContent = d.path;
  const st = stateOf(d);
  if (d.bytes === undefined) d.bytes = utf8.encode(textOf(st)).length;
  $("#code-info").textContent = `${languageName(d.path)} · ${st.doc.lines} lines · ${fmtBytes(d.bytes)}`;
}

function setStatus(text, bad = false) {
  const el = $("#code-status");
  el.textContent = text;
  el.classList.toggle("bad", bad);
}

// -- editing
// The length of a state's text as stored (its line breaks may be two characters), without building the text.
const textLength = (st) => st.doc.length + (st.doc.lines - 1) * (st.lineBreak.length - 1);

function edited(d) {
  const st = stateOf(d);
  const was = d.dirty;
  d.dirty = textLength(st) !== d.base.length || textOf(st) !== d.base;
  if (st.doc.length < 100000) d.bytes = undefined;  // counted again now; a long file's when its draft goes out
  if (d.path === shown) { setStatus(""); render(); }
  if (was !== d.dirty) changes.emit("dirty");
  scheduleDraft(d);
}

// -- drafts: the unsaved text in storage, about a second after the last change
function scheduleDraft(d) {
  clearTimeout(d.draftTimer);
  const now = Date.now();
  if (!d.draftDue) d.draftDue = now + DRAFT_MAX_WAIT_MS;
  d.draftTimer = setTimeout(() => sendDraft(d), Math.max(0, Math.min(DRAFT_DELAY_MS, d.draftDue - now)));
}

async function sendDraft(d) {
  clearTimeout(d.draftTimer);
  d.draftTimer = null;
  d.draftDue = 0;
  if (d.saving) return;
  const content = textOf(stateOf(d));
  d.bytes = utf8.encode(content).length;
  if (d.path === shown) render();
  try {
    if (!d.dirty) {
      if (d.hasDraft) await call("storage", "DiscardDraft", { project_id: d.projectId, path: d.path });
      d.hasDraft = false; d.draftSent = null;
      return;
    }
    if (content === d.draftSent) return;
    await call("storage", "SaveDraft", { project_id: d.projectId, path: d.path, content, base_sha256: d.sha });
    d.hasDraft = true; d.draftSent = content;
    if (d.draftError) { d.draftError = ""; if (d.path === shown) setStatus(""); }
  } catch (e) {
    // Said once per kind of failure, in the view: a toast every second would drown the person.
    if (d.draftError !== e.code) {
      d.draftError = e.code;
      if (d.path === shown) setStatus(`Unsaved changes are not kept as a draft: ${e.message}`, true);
    }
  }
}

// Write the pending drafts now (another project is being opened, the page is hidden).
function flushDrafts(projectId) {
  return Promise.all([...docs(projectId).values()].filter((d) => d.draftTimer).map((d) => sendDraft(d)));
}

// The page is going away (closed, reloaded): a pending draft goes out with keepalive, so the browser delivers it
// after the page is gone. A normal request would be cancelled with the page.
window.addEventListener("pagehide", () => {
  for (const byPath of projects.values()) {
    for (const d of byPath.values()) {
      if (!d.draftTimer || !d.dirty) continue;
      clearTimeout(d.draftTimer);
      const body = { project_id: d.projectId, path: d.path, content: textOf(stateOf(d)), base_sha256: d.sha };
      fetch("/api/request", { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ service: "storage", type: "SaveDraft", body }) }).catch(() => {});
    }
  }
});
document.addEventListener("visibilitychange", () => { if (document.hidden && state.project) flushDrafts(); });

// -- saving
// Save one file: UpdateFile makes a checkpoint and drops the draft. True when it was saved.
export async function saveFile(path) {
  const d = docs().get(path);
  if (!d || !d.dirty) return true;
  if (d.saving) return d.saving;
  return track([d], async () => {
    const content = textOf(stateOf(d));
    const r = await call("storage", "UpdateFile", { project_id: d.projectId, path, content, create: !state.files.has(path) });
    saved(d, content, r.files);
  });
}

// Save every dirty file as one checkpoint (ApplyFileBatch). True when they were all saved.
export async function saveAll() {
  const dirty = [...docs().values()].filter((d) => d.dirty);
  if (dirty.length <= 1) return dirty.length ? saveFile(dirty[0].path) : true;
  return track(dirty, async () => {
    const texts = dirty.map((d) => textOf(stateOf(d)));
    const r = await call("storage", "ApplyFileBatch", {
      project_id: state.project.id, label: `Edited ${dirty.map((d) => d.path).join(", ")}`,
      ops: dirty.map((d, i) => ({ type: "FileOp", op: "write", path: d.path, content: texts[i] })),
    });
    dirty.forEach((d, i) => saved(d, texts[i], r.files));
  });
}

// Run a save of ``list``: the view says so while it runs; afterwards the preview and the history are reloaded.
async function track(list, write) {
  const job = (async () => {
    if (list.some((d) => d.path === shown)) setStatus("Saving…");
    try {
      await write();
      reloadPreview(true);
      historyChanged();
      if (list.some((d) => d.path === shown)) setStatus("Saved");
      return true;
    } catch (e) {
      if (list.some((d) => d.path === shown)) setStatus(`Not saved: ${e.message}`, true);
      showError(e);
      return false;
    } finally {
      list.forEach((d) => { d.saving = null; });
      render();
      changes.emit("dirty");
    }
  })();
  list.forEach((d) => { d.saving = job; });
  render();
  return job;
}

// ``content`` of ``d`` is stored: it is the new base, and the window's copy of the project's files says so too
// (so the reload that storage's change event brings finds nothing new, and does not reload the preview twice).
function saved(d, content, files) {
  const info = (files || []).find((f) => f.path === d.path);
  d.base = content;
  d.sha = info?.sha256 || "";
  d.conflict = null;
  d.hasDraft = false; d.draftSent = null;
  const st = stateOf(d);
  d.dirty = textOf(st) !== content;  // typed on while it was being saved
  d.bytes = undefined;
  if (info) state.files.set(d.path, { ...(state.files.get(d.path) || {}), ...info, content });
  if (d.dirty) scheduleDraft(d);
}

// The "save" command (Ctrl+S, the File menu): the shown file when it has unsaved edits, else every file that has,
// else a checkpoint of the project as it is.
export async function saveCommand() {
  if (!state.project) return;
  if (isDirty(shown)) return saveFile(shown);
  if (dirtyPaths().length) return saveAll();
  return saveCheckpoint();
}

// -- storage changed: files reloaded (a generation, a restore, another window, our own save)
function reconcile(d) {
  if (d.saving) return;  // its reply will set the new base
  const f = state.files.get(d.path);
  if (f ? f.sha256 === d.sha : !d.sha) return;  // as it was
  if (f && f.content === d.base) { d.sha = f.sha256; return; }  // the same text (a save of ours, a no-op write)
  if (!d.dirty) {
    if (f) reset(d, f.content, f.sha256); else forget(d);
    return;
  }
  if (!f) { setAside(d); return; }
  const sha = f ? f.sha256 : "";
  if (d.conflict && d.conflict.sha === sha) return;
  d.conflict = { content: f ? f.content : null, sha };
  if (d.path !== shown) toast(`${d.path} changed on disk; your unsaved edits are kept until you choose (open it in Code).`);
}

// The file was deleted (here, by a generation, elsewhere) while it had unsaved edits. Storage dropped its draft with
// it, and a file that is gone has no place in the tree to be chosen from, so the editor lets it go too; the edits
// are not lost silently: the message says so, and its button writes them back as the file.
function setAside(d) {
  const { projectId, path } = d;
  const text = textOf(stateOf(d));
  forget(d);
  toast(`${path} was deleted while it had unsaved changes.`, { ms: 15000, action: "Save my version", onAction: async () => {
    try {
      await call("storage", "UpdateFile", { project_id: projectId, path, content: text, create: true });
      toast(`${path} is back, with your changes`);
    } catch (e) { showError(e); }
  } });
}

// ``d`` becomes ``content`` as stored, clean. The shown one changes as one undoable edit, so Ctrl+Z brings back
// what it showed; one in the background gets a fresh state.
function reset(d, content, sha) {
  d.base = content; d.sha = sha; d.conflict = null; d.bytes = undefined;
  if (d.path === shown && view) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: content } });
    d.state = view.state;
  } else {
    d.state = fileState(d.path, content, { onChange: () => edited(d) });
    d.scrollTop = 0;
  }
  d.dirty = false;
  clearTimeout(d.draftTimer); d.draftTimer = null; d.draftDue = 0;
  if (d.hasDraft) discardDraft(d);
}

function forget(d) {
  clearTimeout(d.draftTimer);
  if (d.hasDraft) discardDraft(d);
  docs(d.projectId).delete(d.path);
  if (d.path === shown) clearFile();
}

function discardDraft(d) {
  d.hasDraft = false; d.draftSent = null;
  call("storage", "DiscardDraft", { project_id: d.projectId, path: d.path }).catch(() => {});
}

function renderConflict(d) {
  const bar = $("#code-conflict");
  bar.classList.toggle("hidden", !d?.conflict);
  if (!d?.conflict) return;
  $("#code-conflict-text").textContent = d.conflict.content === null
    ? `${d.path} was deleted since these edits were made. Keep mine keeps them (Save writes the file again).`
    : d.conflict.recovered
      ? `${d.path} changed since these edits were made. Reload takes the file as it is now; Keep mine keeps your edits (Save to write them).`
      : `${d.path} changed on disk while you had unsaved edits. Reload takes the new version; Keep mine keeps your edits (Save to write them).`;
  $("#conflict-reload").textContent = d.conflict.content === null ? "Discard mine" : "Reload";
}
$("#conflict-reload").onclick = () => {
  const d = docs().get(shown);
  if (!d?.conflict) return;
  if (d.conflict.content === null) { forget(d); changes.emit("dirty"); return; }
  reset(d, d.conflict.content, d.conflict.sha);
  render();
  changes.emit("dirty");
  view?.focus();
};
$("#conflict-keep").onclick = () => {
  const d = docs().get(shown);
  if (!d?.conflict) return;
  // The edits now stand against the file as it is: the draft is rewritten with that base, so it is not stale.
  const { content, sha } = d.conflict;
  d.conflict = null;
  d.base = content ?? "";
  d.sha = content === null ? "" : sha;
  d.draftSent = null;
  edited(d);
  render();
  view?.focus();
};

onProject("reset", () => {
  const previous = state.project?.id;
  if (previous) { park(); flushDrafts(previous); }
  shown = "";
  offered = [];
  $("#draft-notice").classList.add("hidden");
  setStatus("");
});
// A file renamed (in this window or elsewhere) keeps its open state, as storage keeps its draft: a doc whose file
// is gone follows a new file with the very text it started from (its sha256) that is not open yet.
function followRenames() {
  const open = docs();
  for (const d of [...open.values()]) {
    if (!d.sha || d.saving || state.files.has(d.path)) continue;
    const moved = [...state.files.values()].find((f) => f.sha256 === d.sha && !open.has(f.path));
    if (!moved) continue;
    open.delete(d.path);
    if (d.path === shown && view) { renameShown(view, moved.path); shown = moved.path; d.state = view.state; }
    else d.state = renamed(d.state, moved.path);
    d.path = moved.path;
    open.set(d.path, d);
  }
}

onProject("applied", () => {
  followRenames();
  for (const d of [...docs().values()]) reconcile(d);
  render();
  changes.emit("dirty");
});
onProject("tab", (name) => { if (name === "code" && view) view.requestMeasure(); });

// -- drafts left by a window that is gone (a crash, a killed shell): offered back when the project opens
onProject("opened", (id, { switching }) => { if (switching) offerDrafts(id); });

let offered = [];
async function offerDrafts(projectId) {
  let list;
  try { list = await call("storage", "ListDrafts", { project_id: projectId }); } catch (e) { return; }
  if (state.project?.id !== projectId) return;
  offered = list.drafts.filter((x) => !docs().has(x.path));
  if (!offered.length) return;
  const n = offered.length;
  $("#draft-notice-title").textContent = `Unsaved changes to ${n} file${n === 1 ? " was" : "s were"} recovered`;
  $("#draft-notice-list").innerHTML = offered.map((x) => `<li><span class="mono">${escapeHtml(x.path)}</span>${
    x.stale ? x.file_sha256 ? " <span class=\"stale\">(the file changed since)</span>" : " <span class=\"stale\">(the file was deleted since)</span>" : ""
  }</li>`).join("");
  $("#draft-notice").classList.remove("hidden");
}

$("#draft-restore").onclick = () => {
  const list = offered; offered = [];
  $("#draft-notice").classList.add("hidden");
  for (const x of list) {
    if (docs().has(x.path)) continue;
    const f = state.files.get(x.path);
    const d = newDoc(x.path, x.content, f?.sha256 || "", { base: f ? f.content : "" });
    d.hasDraft = true; d.draftSent = x.content;
    if (x.stale) d.conflict = { content: f ? f.content : null, sha: x.file_sha256, recovered: true };
  }
  changes.emit("dirty");
  const first = list.find((x) => docs().has(x.path));
  if (first) {
    state.selectedFile = first.path;
    showTab("code");
    showFile(first.path, first.content);
    changes.emit("dirty");
  }
  toast(`Restored unsaved changes to ${list.length} file${list.length === 1 ? "" : "s"}`);
};
// The notice goes once storage forgot them (a failure is said, and the notice stays for another try).
$("#draft-discard").onclick = async () => {
  const projectId = state.project?.id;
  const button = $("#draft-discard");
  button.disabled = true;
  try {
    await Promise.all(offered.map((x) => call("storage", "DiscardDraft", { project_id: projectId, path: x.path })));
    if (state.project?.id !== projectId) return;
    offered = [];
    $("#draft-notice").classList.add("hidden");
  } catch (e) { showError(e); } finally { button.disabled = false; }
};

// -- a generation over unsaved edits asks first
// Whether the generation may go on: true when nothing is dirty, or once the dirty files were saved or discarded
// as the person chose; false for Cancel (Escape, a click outside).
export function beforeGeneration() {
  const paths = dirtyPaths();
  if (!paths.length) return Promise.resolve(true);
  $("#unsaved-list").innerHTML = paths.map((p) => `<li class="mono">${escapeHtml(p)}</li>`).join("");
  $("#unsaved-text").textContent = `The agent may rewrite ${paths.length === 1 ? "this file, which has" : "these files, which have"} unsaved changes:`;
  const modal = $("#unsaved-modal");
  return new Promise((resolve) => {
    let done = false;
    const finish = async (choice) => {
      if (done) return;
      done = true;
      watch.disconnect();
      closeModals();
      if (choice === "save") resolve(await saveAll());
      else if (choice === "discard") { discardAll(); resolve(true); }
      else resolve(false);
    };
    // Closed any other way (Escape, a click outside): Cancel.
    const watch = new MutationObserver(() => { if (modal.classList.contains("hidden")) finish("cancel"); });
    $("#unsaved-save").onclick = () => finish("save");
    $("#unsaved-discard").onclick = () => finish("discard");
    $("#unsaved-cancel").onclick = () => finish("cancel");
    openModal("#unsaved-modal");
    watch.observe(modal, { attributes: true, attributeFilter: ["class"] });
    $("#unsaved-save").focus();
  });
}

function discardAll() {
  for (const d of [...docs().values()].filter((x) => x.dirty)) {
    const f = state.files.get(d.path);
    if (f) reset(d, f.content, f.sha256); else forget(d);
  }
  render();
  changes.emit("dirty");
}

// -- controls
$("#code-save").onclick = () => { if (shown) saveFile(shown); };

// The theme is <html data-theme> (theme.js; "system" resolves to light or dark as the desktop changes): the editor
// follows it as it changes, without a reload.
new MutationObserver(() => restyle(view)).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });

// For the tests and the bench: the view and what is open (read-only use).
window.__vibingEditor = { get view() { return view; }, get dark() { return view ? viewIsDark(view) : null; }, docs: () => docs(), dirtyPaths };
