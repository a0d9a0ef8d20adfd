// What runs and what went wrong: the status line under the sidebar (the services, the event stream), the banner
// over the views (a service down or restarting, a page that is not signed in), and the two notices: a crash the
// person has not acknowledged, and a newer release.
import { call, on, onConnection, shell } from "./bus.js";
import { setPrefs, state } from "./state.js";
import { $, ago, copyText, escapeHtml, showError, toast } from "./util.js";

export function banner(text, bad = false) {
  const b = $("#banner");
  b.textContent = text;
  b.classList.toggle("hidden", !text);
  b.classList.toggle("bad", bad);
}

// "idle": a service started on first use (the local model) is fine until it is needed.
const isUp = (s) => s === "ready" || s === "idle";

export function renderStatus() {
  const states = Object.values(state.services);
  const down = Object.entries(state.services).filter(([, v]) => !isUp(v)).map(([k]) => k);
  $("#status-dot").className = "dot " + (!states.length ? "" : down.length ? "warn" : "ok");
  $("#status-text").textContent = !state.connected ? "Reconnecting…" : down.length ? `${down.join(", ")} not ready` : "All services running";
  $("#status-line").title = $("#status-text").textContent;
}

// Service events since the last Status request was sent: a reply taken before a ServiceUp must not undo it.
let serviceEvents = 0;
export async function loadStatus() {
  const asked = serviceEvents;
  try {
    const r = await call("supervisor", "Status", {}, 3);
    if (asked !== serviceEvents) { statusSoon(); return; } // older than what the events said: ask again
    state.status = r;
    state.statusAt = Date.now() / 1000;
    state.services = Object.fromEntries(r.services.filter((s) => s.name !== "shell").map((s) => [s.name, s.state]));
    const down = r.services.filter((s) => s.state === "failed");
    if (down.length) banner(down.map((s) => `${s.name}: ${s.last_error}`).join(" · "), true);
  } catch (e) { state.services = {}; }
  renderStatus();
  renderCrashNotice();
  renderUpdateNotice();
}
let statusTimer = 0;
function statusSoon() { clearTimeout(statusTimer); statusTimer = setTimeout(loadStatus, 150); }

onConnection((up, { reconnected }) => {
  state.connected = up;
  renderStatus();
  if (up && reconnected) loadStatus();
});
on("ServiceDown", (ev) => {
  serviceEvents++;
  state.services[ev.service] = "down";
  banner(ev.restarting ? `The ${ev.service} service stopped (${ev.reason}); restarting…` : `The ${ev.service} service stopped: ${ev.reason}`, !ev.restarting);
  renderStatus();
  statusSoon(); // its crash report is written before this event: the notice shows it
});
on("ServiceUp", (ev) => {
  serviceEvents++;
  state.services[ev.service] = "ready";
  if (Object.values(state.services).every(isUp)) banner("");
  renderStatus();
  if (state.status?.unseen_crashes?.length) statusSoon(); // "restarting…" becomes "restarted"
});

// ---------------------------------------------------------------- a crash
// Crash reports the person has not acknowledged (this run's and earlier runs'): what crashed, when, and whether
// it was restarted; the report folder (the desktop's file manager in the window, the path in a browser) and the
// reports' text (redacted when written) for the clipboard. Dismiss acknowledges them, for every window and the CLI.
const SERVICE_WORDS = {
  storage: "storage (projects and files)", stream: "stream (talks to the model)", agent: "agent (picks the specialist)",
  metrics: "metrics", model: "model (the offline model)", shell: "the window", zygote: "the process starter",
};
function crashOutcome(c) {
  const st = state.status;
  const startedAt = state.statusAt - st.uptime_s;
  if (c.when < startedAt) return "Vibing has been started again since";
  const svc = st.services.find((x) => x.name === c.service);
  if (!svc) return "";
  return { ready: "restarted automatically", starting: "restarting…", restarting: "restarting…",
    failed: "not restarted: it stopped too often in a row (see the report)", idle: "starts again when it is next needed",
    stopped: "stopped" }[svc.state] || svc.state;
}
function when(ts) {
  const d = new Date(ts * 1000);
  const today = d.toDateString() === new Date().toDateString();
  return `${today ? "today" : d.toLocaleDateString()} at ${d.toLocaleTimeString()} (${ago(ts)})`;
}
function renderCrashNotice() {
  const crashes = state.status?.unseen_crashes || [];
  const el = $("#crash-notice");
  const wasHidden = el.classList.contains("hidden");
  el.classList.toggle("hidden", !crashes.length);
  if (!crashes.length) return;
  const names = [...new Set(crashes.map((c) => c.service))];
  $("#crash-title").textContent = crashes.length === 1
    ? `A background service crashed: ${names[0]}`
    : `${crashes.length} crashes since you last looked: ${names.join(", ")}`;
  $("#crash-list").innerHTML = crashes.slice(0, 3).map((c) => {
    const outcome = crashOutcome(c);
    return `<li data-service="${escapeHtml(c.service)}"><strong>${escapeHtml(SERVICE_WORDS[c.service] || c.service)}</strong> stopped ${escapeHtml(when(c.when))}${outcome ? `: ${escapeHtml(outcome)}` : ""}.
      ${c.summary ? `<span class="why">${escapeHtml(c.summary)}</span>` : ""}</li>`;
  }).join("") + (crashes.length > 3 ? `<li>and ${crashes.length - 3} earlier (in the report folder)</li>` : "");
  const native = state.info.native?.includes("open_crash_folder");
  $("#crash-open").textContent = native ? "Open report folder" : "Show report folder";
  $("#crash-open").setAttribute("aria-expanded", native ? "false" : String(!$("#crash-where").classList.contains("hidden")));
  $("#crash-path").textContent = state.info.crash_folder || "";
  $("#crash-copy").textContent = crashes.length === 1 ? "Copy report" : "Copy reports";
  if (wasHidden) $("#crash-where").classList.add("hidden");
}
$("#crash-open").onclick = async () => {
  if (state.info.native?.includes("open_crash_folder")) {
    try { await shell("native", { name: "open_crash_folder" }); } catch (e) { showError(e); }
    return;
  }
  const where = $("#crash-where");
  where.classList.toggle("hidden");
  $("#crash-open").setAttribute("aria-expanded", String(!where.classList.contains("hidden")));
  if (!where.classList.contains("hidden")) $("#crash-copy-path").focus();
};
$("#crash-copy-path").onclick = async () => {
  if (!(await copyText(state.info.crash_folder || "", "Path copied"))) showError(new Error("The clipboard is not available here: select the path and copy it."));
};
$("#crash-copy").onclick = async () => {
  const crashes = (state.status?.unseen_crashes || []).slice(0, 5);
  try {
    const texts = await Promise.all(crashes.map((c) => shell("crash.report", { path: c.path }).then((r) => r.text)));
    const head = `Vibing ${state.info.version || ""} crash report${crashes.length === 1 ? "" : "s"}`;
    const body = crashes.map((c, i) => `${c.service}, ${new Date(c.when * 1000).toISOString()} (${c.path})\n\n${texts[i]}`);
    const text = [head, ...body].join("\n\n----\n\n");
    if (await copyText(text, crashes.length === 1 ? "Report copied" : "Reports copied")) return;
    // A web view that keeps the clipboard from pages: the window saves the text where the person says instead.
    if (state.info.native?.includes("save_text")) {
      const path = await shell("native", { name: "save_text", filename: "vibing-crash-report.txt", text });
      if (path) toast(`Report saved to ${path}`);
    } else showError(new Error("The clipboard is not available here: open the report folder instead."));
  } catch (e) { showError(e); }
};
$("#crash-dismiss").onclick = async () => {
  try {
    await call("supervisor", "AcknowledgeCrashes", {}, 5);
    if (state.status) state.status.unseen_crashes = [];
    renderCrashNotice();
    ($("#update-notice:not(.hidden) #update-dismiss") || $("#new-project-btn")).focus();
  } catch (e) { showError(e); }
};

// ---------------------------------------------------------------- a newer release
// The supervisor's daily check of the update feed: shown until dismissed for that version.
export function renderUpdateNotice() {
  const u = state.status?.update;
  const show = !!u && !!u.version && u.version !== state.prefs.update_dismissed && state.prefs.update_check !== false;
  $("#update-notice").classList.toggle("hidden", !show);
  if (!show) return;
  $("#update-text").textContent = `Vibing ${u.version} is available${u.date ? ` (${u.date})` : ""}`;
  const link = $("#update-link");
  const safe = /^https?:\/\//i.test(u.notes_url || "");
  link.classList.toggle("hidden", !safe);
  link.previousSibling.textContent = safe ? " · " : "";
  if (safe) { link.href = u.notes_url; link.setAttribute("aria-label", `What's new in Vibing ${u.version}`); }
}
$("#update-link").addEventListener("click", (e) => {
  if (!state.info.native?.includes("open_url")) return; // a browser opens it in a new tab (rel=noopener)
  e.preventDefault();
  shell("native", { name: "open_url", url: $("#update-link").href }).catch(showError);
});
$("#update-dismiss").onclick = async () => {
  const version = state.status?.update?.version;
  if (!version) return;
  try {
    setPrefs(await shell("settings.update", { values: { update_dismissed: version } }));
    renderUpdateNotice();
    ($("#crash-notice:not(.hidden) #crash-dismiss") || $("#new-project-btn")).focus();
  } catch (e) { showError(e); }
};
