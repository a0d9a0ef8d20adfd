// Settings > Backups: when the last backup was made and how big it is, and Back up now. Vibing backs up everything
// (the projects with their history, the settings, your agents, the list of local models; never the API key) once a
// day into the data folder's backups folder and keeps the last few; the storage service owns the schedule
// (GetBackupStatus, BackupNow). A restore runs from a terminal while the app is stopped: `vibing backup restore FILE`.
import { call } from "./bus.js";
import { $, ago, escapeHtml, fmtBytes, node } from "./util.js";

function card() {
  let el = $("#backup-card");
  if (el) return el;
  el = node("div", "card setting-card");
  el.id = "backup-card";
  el.innerHTML = `<h2>Backups</h2>
    <p class="muted small" id="backup-about"></p>
    <p id="backup-last" aria-live="polite"></p>
    <div class="row"><button class="btn" id="backup-now">Back up now</button><span class="note" id="backup-status" role="status"></span></div>
    <p class="muted small">To restore one, here or on another computer, run <code>vibing backup restore FILE</code> in a terminal (with Vibing open, its services stop for a moment); <code>vibing backup ls</code> lists them. The API key is never in a backup: set it again afterwards.</p>`;
  $("#view-settings .settings-actions").before(el);
  $("#backup-now", el).onclick = backupNow;
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
