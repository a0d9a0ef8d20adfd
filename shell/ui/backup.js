// Settings > Backups: when the last backup was made and how big it is, and Back up now. Vibing backs up everything
// (the projects with their history, the settings, your agents, the list of local models; never the API key) once a
// day into the data folder's backups folder and keeps the last few; the storage service owns the schedule
// (GetBackupStatus, BackupNow). Restore: in the desktop window, Restore… opens its own file dialog and confirmation
// (shell/restore.py: the page itself may not ask for a restore); in a browser, `vibing backup restore FILE`.
import { call, shell } from "./bus.js";
import { state } from "./state.js";
import { $, ago, escapeHtml, fmtBytes, node } from "./util.js";

const canRestoreHere = () => !!state.info.native?.includes("restore_dialog");

function card() {
  let el = $("#backup-card");
  if (el) return el;
  el = node("div", "card setting-card");
  el.id = "backup-card";
  el.innerHTML = `<h2>Backups</h2>
    <p class="muted small" id="backup-about"></p>
    <p id="backup-last" aria-live="polite"></p>
    <div class="row"><button class="btn" id="backup-now">Back up now</button><button class="btn hidden" id="backup-restore">Restore…</button><span class="note" id="backup-status" role="status"></span></div>
    <p class="muted small" id="backup-restore-how"></p>`;
  $("#view-settings .settings-actions").before(el);
  $("#backup-now", el).onclick = backupNow;
  $("#backup-restore", el).onclick = restore;
  $("#backup-restore", el).classList.toggle("hidden", !canRestoreHere());
  $("#backup-restore-how", el).innerHTML = canRestoreHere()
    ? "Restore… replaces every project with a backup's (you pick the file and confirm; your current data is kept as a dated copy until it has worked). On another computer, or from a terminal: <code>vibing backup restore FILE</code>; <code>vibing backup ls</code> lists them. The API key is never in a backup: set it again afterwards."
    : "To restore one, here or on another computer, run <code>vibing backup restore FILE</code> in a terminal (with Vibing open, its services stop for a moment); <code>vibing backup ls</code> lists them. The API key is never in a backup: set it again afterwards.";
  return el;
}

function show(status) {
  $("#backup-about").textContent = status.daily
    ? `Everything (projects and their history, settings, your agents, the list of local models) is backed up once a day into ${status.folder}; the last ${status.keep} daily backups are kept.`
    : `Daily backups are off (backup_daily = false in the config file). Backups go into ${status.folder}.`;
  const last = $("#backup-last");
  if (!status.last_path) {
    last.textContent = "No backup yet.";
  } else {
    const when = new Date(status.last_at * 1000);
    last.innerHTML = `Last backup: <time datetime="${when.toISOString()}" title="${escapeHtml(when.toLocaleString())}">${escapeHtml(ago(status.last_at))}</time>, ${fmtBytes(status.last_bytes)} <span class="muted small">(${escapeHtml(status.last_path.split("/").pop())}; ${status.count} in the folder)</span>`;
  }
  if (status.error) { $("#backup-status").textContent = `The last daily backup failed: ${status.error}`; $("#backup-status").className = "note bad"; }
}

// The card with the schedule and the last backup (called each time Settings opens).
export async function renderBackup() {
  card();
  $("#backup-status").textContent = "";
  try { show(await call("storage", "GetBackupStatus", {})); } catch (e) { $("#backup-last").textContent = `Backups: ${e.message}`; }
}

async function backupNow() {
  const button = $("#backup-now");
  const status = $("#backup-status");
  button.disabled = true;
  status.textContent = "Backing up…";
  status.className = "note";
  try {
    const reply = await call("storage", "BackupNow", {}, 600);
    show(reply);
    status.textContent = `Backed up (${fmtBytes(reply.last_bytes)}).`;
    status.className = "note ok";
  } catch (e) {
    status.textContent = e.message;
    status.className = "note bad";
  } finally {
    button.disabled = false;
  }
}

// Restore…: the window's file dialog and confirmation box, then the supervisor restores (services stop for a moment).
async function restore() {
  const buttons = [$("#backup-restore"), $("#backup-now")];
  const status = $("#backup-status");
  buttons.forEach((b) => { b.disabled = true; });
  status.textContent = "Pick the backup in the dialog…";
  status.className = "note";
  try {
    const r = await shell("native", { name: "restore_dialog" });
    if (r.cancelled) { status.textContent = "Nothing was restored."; return; }
    const counts = [[r.projects, "project"], [r.versions, "version"], [r.messages, "message"], [r.files, "file"], [r.agents, "agent"]]
      .map(([n, word]) => `${n} ${word}${n === 1 ? "" : "s"}`).join(", ");
    const missing = (r.missing_models || []).length ? ` Missing here: ${r.missing_models.join("; ")}.` : "";
    status.textContent = `Restored ${counts}${(r.settings || []).length ? `, and ${r.settings.join(", ")}` : ""}.${missing} ${r.key_note || "Set the API key again."}`;
    status.className = "note ok";
    renderBackup();
  } catch (e) {
    status.textContent = e.message;
    status.className = "note bad";
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}
