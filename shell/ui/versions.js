// The History tab: the project's checkpoints (every generation and save makes one), what changed since one of
// them (DiffCheckpoints against the current files), and restoring it.
import { call } from "./bus.js";
import { onProject, reloadProject, tabShown } from "./project.js";
import { reloadPreview } from "./preview.js";
import { state } from "./state.js";
import { $, $$, ago, escapeHtml, showError, toast } from "./util.js";

onProject("reset", () => {
  state.selectedCheckpoint = null;
  $("#diff").classList.add("hidden");
});
onProject("tab", (name) => { if (name === "history") loadCheckpoints(); });
const reloadIfShown = () => { if (tabShown("history")) loadCheckpoints(); };
onProject("opened", reloadIfShown);
onProject("history", reloadIfShown);

export async function loadCheckpoints() {
  if (!state.project) return;
  try {
    const r = await call("storage", "ListCheckpoints", { project_id: state.project.id, limit: 100 });
    state.checkpoints = r.items;
  } catch (e) { showError(e); return; }
  const ul = $("#checkpoints");
  ul.innerHTML = state.checkpoints.length ? "" : `<li class="muted">No checkpoints yet. Every generation and save makes one.</li>`;
  state.checkpoints.forEach((c, i) => {
    const li = document.createElement("li");
    li.dataset.id = c.id;
    li.className = state.selectedCheckpoint === c.id ? "active" : "";
    li.innerHTML = `<span class="kind">${escapeHtml(c.kind)}</span><span class="label">${escapeHtml(c.label || (i === 0 ? "Current version" : `Version ${c.id}`))}</span><span class="muted small">${c.file_count} files · ${ago(c.created_at)}</span>`;
    li.onclick = () => showDiff(c, i === 0);
    ul.appendChild(li);
  });
}
async function showDiff(c, isLatest) {
  state.selectedCheckpoint = c.id;
  $$("#checkpoints li").forEach((li) => li.classList.toggle("active", li.dataset.id === String(c.id)));
  $("#diff").classList.remove("hidden");
  $("#diff-title").textContent = isLatest ? "This is the current version" : `Changes since this version (${ago(c.created_at)})`;
  $("#restore-btn").classList.toggle("hidden", isLatest);
  $("#restore-btn").onclick = () => restoreCheckpoint(c);
  const body = $("#diff-body");
  body.innerHTML = `<p class="muted" style="padding:12px">Loading…</p>`;
  try {
    const r = await call("storage", "DiffCheckpoints", { project_id: state.project.id, from_id: c.id, to_id: 0 });
    if (!r.files.length) { body.innerHTML = `<p class="muted" style="padding:12px">No differences from the current files.</p>`; return; }
    body.innerHTML = r.files.map((f) => `<div class="diff-file"><h4>${escapeHtml(f.path)} <span class="muted">· ${f.status} +${f.added} −${f.removed}</span></h4><pre>${
      f.diff.split("\n").map((l) => `<span class="${l.startsWith("+") && !l.startsWith("+++") ? "add" : l.startsWith("-") && !l.startsWith("---") ? "del" : l.startsWith("@@") ? "hunk" : ""}">${escapeHtml(l) || " "}</span>`).join("")
    }</pre></div>`).join("");
  } catch (e) { body.innerHTML = `<p class="note bad" style="padding:12px">${escapeHtml(e.message)}</p>`; }
}
async function restoreCheckpoint(c) {
  try {
    await call("storage", "RestoreCheckpoint", { project_id: state.project.id, checkpoint_id: c.id });
    toast(`Restored the version from ${ago(c.created_at)}`);
    state.selectedCheckpoint = null;
    $("#diff").classList.add("hidden");
    await reloadProject();
    reloadPreview(true);
    loadCheckpoints();
  } catch (e) { showError(e); }
}

