// The open project: opening one (#/p/<id>), applying what storage loaded, reloading it when it changes, the tabs
// of the side pane, and the header's actions (toggle the panes, rename, checkpoint, export, open a folder).
//
// The views of a project (chat, files, code, preview, versions) import this module and register for its moments
// instead of being called from here, so this module imports none of them:
//   onProject("reset", () => ...)            another project is being opened: forget the previous one
//   onProject("applied", (detail) => ...)    state.project, .messages and .files hold what storage loaded (first
//                                            load and every reload)
//   onProject("opened", (id) => ...)         the project view shows it (may return a promise: awaited)
//   onProject("tab", (name) => ...)          a side tab was shown ("preview", "code", "history")
//   onProject("files", () => ...)            a reload after a change from storage changed the files
//   onProject("history", () => ...)          checkpoints may have changed (a save, a change, a generation)
import { call, on, shell } from "./bus.js";
import { forkProject, renderRecent } from "./dashboard.js";
import { goHome, goProject, setView } from "./nav.js";
import { state } from "./state.js";
import { $, $$, closeModals, fmtCost, fmtTokens, hub, openModal, showError, toast } from "./util.js";

const moments = hub("project");
export function onProject(moment, fn) { return moments.on(moment, fn); }
export function historyChanged() { moments.emit("history"); }

export async function openProject(id) {
  setView("project");
  const switching = !state.project || state.project.id !== id;
  if (switching) moments.emit("reset");
  let detail;
  try {
    let url;
    [detail, url] = await Promise.all([call("storage", "LoadProject", { project_id: id }), shell("preview.url", { project_id: id })]);
    state.preview = { id, url };
  } catch (e) {
    showError(e);
    if (e.code === "NotFound") goHome();
    return;
  }
  applyProject(detail);
  setView("project");
  state.recent = [id, ...state.recent.filter((x) => x !== id)].slice(0, 12);
  renderRecent();
  shell("recent.add", { project_id: id }).catch(() => {});
  refreshUsage();
  await Promise.all(moments.emit("opened", id, { switching }));
}

function applyProject(detail) {
  state.project = detail.project;
  state.messages = detail.messages;
  state.files = new Map(detail.files.map((f) => [f.path, f]));
  $("#project-name").textContent = detail.project.name;
  $("#project-type").textContent = detail.project.project_type;
  document.title = `${detail.project.name} — Vibing`;
  moments.emit("applied", detail);
}

// The last reload asked of storage: which project, when it was sent, and the reload itself (true once applied).
let lastLoad = { id: "", sent: -1, done: Promise.resolve(false) };

export function reloadProject() {
  if (!state.project) return Promise.resolve(false);
  const id = state.project.id;
  const done = (async () => {
    try {
      const detail = await call("storage", "LoadProject", { project_id: id });
      if (!state.project || detail.project.id !== state.project.id) return false;
      applyProject(detail);
      return true;
    } catch (e) { return false; /* transient: the next change will reload */ }
  })();
  lastLoad = { id, sent: performance.now(), done };
  return done;
}

export async function refreshUsage() {
  if (!state.project) return;
  try {
    const u = await call("storage", "UsageSummary", { project_id: state.project.id });
    $("#usage-counter").textContent = u.requests ? `${fmtTokens(u.input_tokens + u.output_tokens)} tokens · ${fmtCost(u.cost_usd)}` : "";
  } catch (e) { /* optional */ }
}

// A change from storage (this window's or anyone's): the project is reloaded (debounced), and the preview with it
// when its files changed. While an answer streams, its messages render from the stream and reload when it is done.
// A reload sent after the change already holds it (storage tells of a change once it is written): the end of a
// generation reloads for its done event, and its change events then wait for that reload instead of loading the
// same project again (a second redraw of the chat, the tree and the editor, for nothing new).
let projectTimer;
let changedAt = -1;
on("ProjectChanged", (ev) => {
  if (state.view === "dashboard") return; // the projects list reloads itself
  if (!state.project || ev.project_id !== state.project.id) return;
  if (ev.what === "deleted") { toast("This project was deleted."); goHome(); return; }
  if (ev.what === "message" || ev.what === "usage") { if (ev.what === "usage") refreshUsage(); return; }
  if (state.activeStream && (ev.what === "messages")) return;
  changedAt = performance.now();
  clearTimeout(projectTimer);
  projectTimer = setTimeout(async () => {
    const filesBefore = JSON.stringify([...state.files.values()].map((f) => [f.path, f.sha256]));
    const holdsChange = lastLoad.id === ev.project_id && lastLoad.sent > changedAt;
    if (!(holdsChange && await lastLoad.done)) await reloadProject();
    const filesAfter = JSON.stringify([...state.files.values()].map((f) => [f.path, f.sha256]));
    if (filesBefore !== filesAfter) moments.emit("files");
    historyChanged();
  }, 80);
});

// -- tabs of the side pane
// An ARIA tab list: the shown tab is selected and is the list's one Tab stop; the arrow keys, Home and End move
// between the tabs and show the one they reach (as a screen reader announces them).
export function showTab(name) {
  $$(".tab").forEach((t) => {
    const on = t.dataset.tab === name;
    t.classList.toggle("active", on);
    t.setAttribute("aria-selected", String(on));
    t.tabIndex = on ? 0 : -1;
  });
  for (const t of ["preview", "code", "history"]) $(`#tab-${t}`).classList.toggle("hidden", t !== name);
  moments.emit("tab", name);
}
export const tabShown = (name) => !$(`#tab-${name}`).classList.contains("hidden");
$$(".tab").forEach((t) => t.onclick = () => showTab(t.dataset.tab));
$(".tabs[role=tablist]").addEventListener("keydown", (e) => {
  const tabs = $$(".tab", e.currentTarget);
  const at = tabs.indexOf(document.activeElement);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (at < 0 || to === undefined) return;
  e.preventDefault();
  const next = tabs[(to + tabs.length) % tabs.length];
  showTab(next.dataset.tab);
  next.focus();
});

// -- header actions
$("#back-btn").onclick = () => goHome();
$("#toggle-files").onclick = () => togglePane("files");
$("#toggle-preview").onclick = () => togglePane("preview");
export function togglePane(which) {
  const el = which === "files" ? $("#files-pane") : $("#side-pane");
  el.classList.toggle("hidden");
  const shown = !el.classList.contains("hidden");
  $(`#toggle-${which}`).classList.toggle("on", shown);
  $(`#toggle-${which}`).setAttribute("aria-pressed", String(shown));
}

// Renaming: a double-click on the name, or the Rename button next to it (the keyboard's way). Enter or leaving the
// field keeps the new name, Esc keeps the old one; the focus goes back to where the rename started.
function renameProject() {
  if (!state.project) return;
  const h = $("#project-name");
  const back = document.activeElement;
  const input = document.createElement("input");
  input.value = state.project.name;
  input.setAttribute("aria-label", "Project name");
  h.replaceWith(input); input.focus(); input.select();
  let finished = false;
  const done = async (save) => {
    if (finished) return;
    finished = true;
    const refocus = input === document.activeElement;
    input.replaceWith(h);
    if (refocus && back?.isConnected) back.focus();
    const name = input.value.trim();
    if (!save || !name || name === state.project.name) return;
    try { const r = await call("storage", "RenameProject", { project_id: state.project.id, name }); state.project = r.project; h.textContent = r.project.name; renderRecent(); }
    catch (e) { showError(e); }
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") { e.preventDefault(); done(true); }
    if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); done(false); }
  });
  input.addEventListener("blur", () => done(true), { once: true });
}
$("#project-name").addEventListener("dblclick", renameProject);
$("#rename-btn").onclick = renameProject;

export async function saveCheckpoint() {
  if (!state.project) return;
  try { await call("storage", "SaveProject", { project_id: state.project.id, label: "Saved by you" }); toast("Checkpoint saved"); historyChanged(); }
  catch (e) { showError(e); }
}
$("#save-btn").onclick = saveCheckpoint;
$("#fork-btn").onclick = () => { if (state.project) forkProject(state.project); };

// -- export: a zip or a folder, where the window's own dialog pointed (or, from a browser, inside a folder that
// `vibing web --allow-folder` allowed)
export function exportProject() {
  if (!state.project) return;
  $("#export-error").textContent = "";
  $("#export-path").value = "";
  const native = state.info.native?.includes("save_dialog");
  $("#export-pick").classList.toggle("hidden", !native);
  $("#export-path").readOnly = !!native; // the window writes only where its own dialog pointed
  const allowed = state.info.allowed_folders || [];
  $("#export-where").textContent = native ? "" : allowed.length
    ? `From the browser, Vibing writes only inside: ${allowed.join(", ")}`
    : "From the browser, Vibing writes only inside folders allowed with `vibing web --allow-folder FOLDER` (or use `vibing projects export`).";
  openModal("#export-modal");
}
$("#export-btn").onclick = exportProject;
$$("#export-format button").forEach((b) => b.onclick = () => {
  state.exportFormat = b.dataset.value;
  $$("#export-format button").forEach((x) => { x.classList.toggle("on", x === b); x.setAttribute("aria-pressed", String(x === b)); });
});
$("#export-pick").onclick = async () => {
  try {
    const slug = state.project.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "project";
    const r = state.exportFormat === "zip"
      ? await shell("native", { name: "save_dialog", filename: `${slug}.zip` })
      : await shell("native", { name: "folder_dialog" });
    if (r) $("#export-path").value = r;
  } catch (e) { showError(e); }
};
$("#export-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const path = $("#export-path").value.trim();
  if (!path) { $("#export-error").textContent = "Choose where to write it."; return; }
  try {
    const r = await call("storage", "ExportProject", { project_id: state.project.id, path, format: state.exportFormat, overwrite: false }, 30);
    closeModals();
    toast(`Exported ${r.files} files to ${r.path}`);
  } catch (err) { $("#export-error").textContent = err.message; $("#export-error").className = "note bad"; }
});

// A folder on disk becomes a project (the window's folder dialog; a browser has none, so it goes to the search).
export async function openFolder() {
  if (!state.info.native?.includes("folder_dialog")) { goHome(); $("#project-search").focus(); return; }
  try {
    const path = await shell("native", { name: "folder_dialog" });
    if (!path) return;
    const r = await call("storage", "ImportProject", { path }, 30);
    goProject(r.project.id);
  } catch (e) { showError(e); }
}
