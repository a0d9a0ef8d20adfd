// The projects view (#/): the list (sorted, or searched through storage's full-text index), deleting a project
// (undoable for a few seconds), the sidebar's recent projects, and the new-project dialog.
import { call, on } from "./bus.js";
import { goProject, setView } from "./nav.js";
import { state } from "./state.js";
import { $, $$, ago, closeModals, escapeHtml, openModal, showError, toast } from "./util.js";

export async function showDashboard() {
  setView("dashboard");
  state.project = null;
  await loadProjects();
}

let loadSeq = 0;
export async function loadProjects() {
  const seq = ++loadSeq;
  try {
    let items, total;
    if (state.query.trim()) {
      const r = await call("storage", "SearchProjects", { query: state.query, limit: 60, mark_open: "\u0001", mark_close: "\u0002" });
      items = r.hits.map((h) => ({ id: h.project_id, name: h.name, description: h.description, project_type: h.project_type, updated_at: h.updated_at, snippet: h.snippet, source: h.source, ref: h.ref }));
      total = r.total || items.length;
    } else {
      const r = await call("storage", "ListProjects", { sort: state.sort, limit: 200 });
      items = r.items; total = r.total;
    }
    if (seq !== loadSeq) return;
    state.projects = items.filter((p) => !state.pendingDeletes.has(p.id));
    state.total = total - (items.length - state.projects.length);
    renderProjects();
  } catch (e) {
    if (seq === loadSeq) { $("#project-count").textContent = e.message; }
  }
}

function renderProjects() {
  const grid = $("#project-grid");
  const searching = !!state.query.trim();
  $("#project-count").textContent = searching
    ? `${state.projects.length} match${state.projects.length === 1 ? "" : "es"} for “${state.query}”`
    : `${state.total} project${state.total === 1 ? "" : "s"}`;
  $("#dashboard-empty").classList.toggle("hidden", searching || state.projects.length > 0);
  grid.classList.toggle("hidden", !searching && state.projects.length === 0);
  // A reload (another window's change, a search) rebuilds the cards: the keyboard focus stays on the same card
  // or button instead of falling back to the page, which would make the next Tab start over.
  const active = grid.contains(document.activeElement) ? document.activeElement : null;
  const focusId = active && active.closest(".project-card")?.dataset.id;
  const focusAct = active && active.dataset.act;
  grid.innerHTML = "";
  for (const p of state.projects) {
    const card = document.createElement("article");
    card.className = "card project-card";
    card.tabIndex = 0;
    card.dataset.id = p.id;
    let desc = p.snippet
      ? escapeHtml(p.snippet).replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>")
      : escapeHtml(p.description || (p.snippet === undefined && !p.file_count ? "Nothing built yet: open it and describe the app." : ""));
    if (p.snippet && p.source && p.source !== "project") desc = `<span class="muted">${p.source === "file" ? escapeHtml(p.ref) : "chat"}:</span> ${desc}`;
    const files = p.file_count || 0;
    const counts = p.snippet === undefined ? `<span>${files ? `${files} file${files === 1 ? "" : "s"}` : "empty"}</span>` : "";
    card.innerHTML = `<div class="thumb"></div><h3>${escapeHtml(p.name)}</h3><div class="desc">${desc}</div>
      <div class="meta"><span class="badge">${escapeHtml(p.project_type || "website")}</span>${counts}<span class="spacer"></span><span>${ago(p.updated_at)}</span></div>
      <button class="icon-btn card-menu card-fork" style="right: 42px" title="Fork: a copy to try another direction" aria-label="Fork ${escapeHtml(p.name)}" data-act="fork"><svg viewBox="0 0 20 20" aria-hidden="true"><path d="M6 2.5a2.25 2.25 0 0 1 .75 4.37v.88c0 .97.78 1.75 1.75 1.75h3c.97 0 1.75-.78 1.75-1.75v-.88a2.25 2.25 0 1 1 1.5 0v.88a3.25 3.25 0 0 1-3.25 3.25h-.75v2.13a2.25 2.25 0 1 1-1.5 0V11h-.75a3.25 3.25 0 0 1-3.25-3.25v-.88A2.25 2.25 0 0 1 6 2.5z"/></svg></button>
      <button class="icon-btn card-menu" title="Delete project" aria-label="Delete ${escapeHtml(p.name)}" data-act="delete"><svg viewBox="0 0 20 20"><path d="M7 3h6l1 1h3v1.5H3V4h3zm-2 4h10l-.8 10H5.8z"/></svg></button>`;
    card.addEventListener("click", (e) => {
      if (e.target.closest("[data-act=delete]")) { e.stopPropagation(); deleteProject(p); return; }
      if (e.target.closest("[data-act=fork]")) { e.stopPropagation(); forkProject(p); return; }
      goProject(p.id);
    });
    grid.appendChild(card);
    if (focusId === p.id) (focusAct ? card.querySelector(`[data-act=${focusAct}]`) : card).focus();
  }
}

// A card's Delete key (app.js binds the keys): the project it shows.
export function deleteProjectById(id) {
  const p = state.projects.find((x) => x.id === id);
  if (p) deleteProject(p);
}

// Fork: a new project with this one's files and chat (storage's DuplicateProject, itself a first version
// "Forked from ..."), opened at once. From a card here and from the project's own toolbar.
export async function forkProject(p) {
  try {
    const r = await call("storage", "DuplicateProject", { project_id: p.id });
    goProject(r.project.id);
    toast(`Forked as “${r.project.name}”`);
  } catch (e) { showError(e); }
}

function deleteProject(p) {
  // Deleting waits a few seconds so it can be undone; the project stays intact until then.
  const timer = setTimeout(async () => {
    state.pendingDeletes.delete(p.id);
    try { await call("storage", "DeleteProject", { project_id: p.id }); } catch (e) { showError(e); }
    state.recent = state.recent.filter((id) => id !== p.id);
    renderRecent();
  }, 6000);
  state.pendingDeletes.set(p.id, timer);
  state.projects = state.projects.filter((x) => x.id !== p.id);
  state.total -= 1;
  renderProjects();
  toast(`Deleted “${p.name}”`, {
    action: "Undo", ms: 6000,
    onAction: () => { clearTimeout(state.pendingDeletes.get(p.id)); state.pendingDeletes.delete(p.id); loadProjects(); },
  });
}
window.addEventListener("beforeunload", () => {
  // Apply pending deletes now rather than lose them: a request that outlives the page (keepalive), signed in by
  // the session cookie as every request of this page is.
  for (const [id, timer] of state.pendingDeletes) {
    clearTimeout(timer);
    fetch("/api/request", { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ service: "storage", type: "DeleteProject", body: { project_id: id } }) });
  }
});

let searchTimer;
$("#project-search").addEventListener("input", (e) => { state.query = e.target.value; clearTimeout(searchTimer); searchTimer = setTimeout(loadProjects, 120); });
$("#project-sort").addEventListener("change", (e) => { state.sort = e.target.value; loadProjects(); });

// Any project's change (this window's or another's) reloads the list, debounced, while it shows.
let changeTimer;
on("ProjectChanged", () => {
  if (state.view === "dashboard") { clearTimeout(changeTimer); changeTimer = setTimeout(loadProjects, 150); }
});

// ---------------------------------------------------------------- recent
export async function renderRecent() {
  const ul = $("#recent-list");
  const names = new Map(state.projects.map((p) => [p.id, p.name]));
  if (state.project) names.set(state.project.id, state.project.name);
  ul.innerHTML = "";
  for (const id of state.recent.slice(0, 8)) {
    const name = names.get(id) || state.recentNames?.get(id);
    if (!name) continue;
    const li = document.createElement("li");
    li.innerHTML = `<a href="#/p/${encodeURIComponent(id)}" class="${state.project && state.project.id === id ? "active" : ""}">${escapeHtml(name)}</a>`;
    ul.appendChild(li);
  }
}
export async function loadRecentNames() {
  state.recentNames = new Map();
  try {
    const r = await call("storage", "ListProjects", { sort: "updated", limit: 200 });
    for (const p of r.items) state.recentNames.set(p.id, p.name);
    state.recent = state.recent.filter((id) => state.recentNames.has(id));
    if (!state.recent.length) state.recent = r.items.slice(0, 5).map((p) => p.id);
  } catch (e) { /* the storage service may still be starting */ }
  renderRecent();
}

// ---------------------------------------------------------------- new project
// A name (or one suggested from the description), a type, and optionally a description: the project opens and,
// with a description, starts generating at once.
export function newProject() { $("#new-error").textContent = ""; $("#new-form").reset(); openModal("#new-modal"); }
$("#new-project-btn").onclick = newProject;
$("#empty-new-btn").onclick = newProject;
$$("#new-type button").forEach((b) => b.onclick = () => {
  state.newType = b.dataset.value;
  $$("#new-type button").forEach((x) => { x.classList.toggle("on", x === b); x.setAttribute("aria-pressed", String(x === b)); });
});
async function suggestTitle(prompt) {
  try {
    const r = await call("stream", "SuggestTitle", { prompt }, 10);
    return r.title || prompt.split(/\s+/).slice(0, 5).join(" ");
  } catch (e) {
    return prompt.split(/\s+/).slice(0, 5).join(" ");
  }
}
$("#suggest-btn").onclick = async () => {
  const prompt = $("#new-prompt").value.trim();
  if (!prompt) { $("#new-error").textContent = "Describe it first; the name comes from the description."; return; }
  $("#suggest-btn").disabled = true;
  $("#new-name").value = await suggestTitle(prompt);
  $("#suggest-btn").disabled = false;
};
$("#new-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  if ($("#new-create").disabled) return; // already creating it (Enter pressed again while the name is suggested)
  let name = $("#new-name").value.trim();
  const prompt = $("#new-prompt").value.trim();
  if (!name && !prompt) { $("#new-error").textContent = "Give it a name, or describe it."; return; }
  $("#new-create").disabled = true;
  try {
    if (!name) name = await suggestTitle(prompt);
    const r = await call("storage", "CreateProject", { name, project_type: state.newType, description: prompt.slice(0, 300) });
    closeModals();
    state.autoPrompt = prompt ? { id: r.project.id, prompt } : null;
    goProject(r.project.id);
  } catch (err) {
    $("#new-error").textContent = err.message;
    $("#new-error").className = "note bad";
  } finally { $("#new-create").disabled = false; }
});
