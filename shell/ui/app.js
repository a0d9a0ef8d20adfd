// Vibing's UI: one page, three views (projects, project, settings), talking to the
// shell's bridge over fetch (intents -> bus requests) and Server-Sent Events (bus events).
import { escapeHtml, highlightLines, languageOf } from "./highlight.js";
import { renderMarkdown, StreamRenderer } from "./markdown.js";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

// ---------------------------------------------------------------- bridge
// The session is an HttpOnly cookie set when the sign-in link was opened: this script never sees
// a secret, and the browser sends it only to this origin.

class VError extends Error {
  constructor(e) { super(e.message || "Something went wrong."); this.code = e.code || "Error"; this.details = e.details || {}; this.retryable = !!e.retryable; }
}

async function post(path, data) {
  let res;
  try {
    res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data || {}) });
  } catch (e) {
    throw new VError({ code: "Offline", message: "The Vibing window process is not answering." });
  }
  let body;
  try { body = await res.json(); } catch (e) { throw new VError({ code: "BadReply", message: `Unexpected answer (${res.status}).` }); }
  if (!body.ok) throw new VError(body.error || {});
  return body.reply;
}
const call = (service, type, body = {}, timeout) => post("/api/request", { service, type, body, timeout });
const shell = (intent, data) => post(`/api/shell/${intent}`, data);

// ---------------------------------------------------------------- state
const state = {
  info: {}, view: "", projects: [], total: 0, sort: "updated", query: "", pendingDeletes: new Map(),
  project: null, messages: [], files: new Map(), selectedFile: "", checkpoints: [], selectedCheckpoint: null,
  streams: new Map(), activeStream: "", lastPrompt: "", agents: [], models: [], defaultModel: "",
  settings: null, previewErrors: [], previewNotices: [], networkNeeds: new Map(), needUrls: new Map(), netBarDismissed: false, previewVersion: 0,
  network: { everywhere: false, projects: new Set() }, services: {}, recent: [], exportFormat: "zip", newType: "website",
  prefs: {}, status: null, unsent: null, providerOverride: "", localModel: null, welcomeSkipped: false,
};
window.__vibing = state; // for debugging and tests

// ---------------------------------------------------------------- helpers
function toast(text, { action, onAction, bad = false, ms = 5000 } = {}) {
  const el = document.createElement("div");
  el.className = "toast" + (bad ? " bad" : "");
  el.innerHTML = `<span>${escapeHtml(text)}</span>`;
  let timer;
  if (action) {
    const b = document.createElement("button");
    b.textContent = action;
    b.onclick = () => { clearTimeout(timer); el.remove(); onAction && onAction(); };
    el.appendChild(b);
  }
  $("#toasts").appendChild(el);
  timer = setTimeout(() => el.remove(), ms);
  return el;
}
const showError = (e) => toast(e.message || String(e), { bad: true, ms: 7000 });

function ago(ts) {
  const s = Date.now() / 1000 - ts;
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  if (s < 86400 * 7) return `${Math.round(s / 86400)} d ago`;
  return new Date(ts * 1000).toLocaleDateString();
}
const fmtTokens = (n) => (n >= 1000 ? `${(n / 1000).toFixed(n >= 10000 ? 0 : 1)}k` : String(n || 0));
const fmtCost = (c) => (c ? (c < 0.01 ? `$${c.toFixed(4)}` : `$${c.toFixed(2)}`) : "$0");
const fmtBytes = (b) => (b > 1024 * 1024 ? `${(b / 1048576).toFixed(1)} MB` : b > 1024 ? `${(b / 1024).toFixed(1)} kB` : `${b} B`);
const newId = () => "ui-" + Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("");
const isMac = /Mac/.test(navigator.platform);
const mod = (e) => (isMac ? e.metaKey : e.ctrlKey);

function humanError(code, message) {
  const hints = {
    NoApiKey: "Add your Anthropic API key in Settings.",
    ApiKeyRejected: "The API key was rejected. Check it in Settings.",
    ApiOutOfCredit: "Your Anthropic account is out of credit.",
    ApiOverloaded: "Anthropic is overloaded right now. Try again in a minute.",
    ServiceUnavailable: "A background service is restarting. Try again in a moment.",
    RequestTimeout: "A background service took too long to answer.",
  };
  return message || hints[code] || "Something went wrong.";
}

// ---------------------------------------------------------------- theme
const media = matchMedia("(prefers-color-scheme: dark)");
function applyTheme(theme) {
  const t = theme || "system";
  document.documentElement.dataset.theme = t === "system" ? (media.matches ? "dark" : "light") : t;
  document.documentElement.dataset.themeChoice = t;
}
media.addEventListener("change", () => applyTheme(document.documentElement.dataset.themeChoice));

// ---------------------------------------------------------------- routing
function route() {
  const hash = location.hash || "#/";
  const m = /^#\/p\/([^/]+)/.exec(hash);
  if (m) return openProject(decodeURIComponent(m[1]));
  if (hash.startsWith("#/settings")) return showSettings(hash.slice("#/settings/".length));
  if (hash.startsWith("#/metrics")) return showMetrics();
  if (hash.startsWith("#/welcome")) return showWelcome();
  return showDashboard();
}
function setView(name) {
  state.view = name;
  for (const v of ["dashboard", "project", "settings", "metrics", "welcome"]) $(`#view-${v}`).classList.toggle("hidden", v !== name);
  if (name !== "metrics") clearInterval(metricsTimer);
  $$(".nav-item").forEach((a) => a.classList.toggle("active", a.dataset.nav === name));
  $("#app").classList.toggle("compact", name === "project");
  document.title = name === "project" && state.project ? `${state.project.name} — Vibing` : name === "settings" ? "Settings — Vibing" : "Vibing";
}
window.addEventListener("hashchange", route);
// Settings at one field ("key", "openai"): set the address, or show it again when it already is the address.
function goSettings(where) {
  const hash = `#/settings/${where}`;
  if (location.hash === hash) route(); else location.hash = hash;
}

// ---------------------------------------------------------------- metrics
let metricsTimer = 0;
async function showMetrics() {
  setView("metrics");
  document.title = "Metrics — Vibing";
  await refreshMetrics();
  clearInterval(metricsTimer);
  metricsTimer = setInterval(refreshMetrics, 2000);
}

async function refreshMetrics() {
  let snap;
  try { snap = await call("metrics", "GetSnapshot", {}, 3); } catch (e) { $("#metrics-where").textContent = humanError(e.code, e.message); return; }
  $("#metrics-where").textContent = `Prometheus: ${snap.url}`;
  const rates = snap.requests_per_s || [];
  const last = rates.length ? rates[rates.length - 1] : 0;
  $("#metrics-rate").textContent = `${last.toFixed(1)}/s now · peak ${Math.max(0, ...rates).toFixed(1)}/s`;
  const top = Math.max(1, ...rates);
  const points = rates.map((r, i) => `${rates.length > 1 ? (i / (rates.length - 1)) * 300 : 0},${46 - (r / top) * 44}`);
  $("#metrics-spark polyline").setAttribute("points", points.join(" "));
  const ms = (v) => v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`;
  $("#metrics-rows").innerHTML = (snap.services || []).map((s) => `<tr class="${s.reported_s_ago > 5 ? "stale" : ""}" data-service="${escapeHtml(s.service)}">
    <td>${escapeHtml(s.service)}</td><td class="num">${s.pid}</td><td class="num">${Math.round(s.requests)}</td>
    <td class="num">${Math.round(s.failures)}</td><td class="num">${ms(s.p50_ms)}</td><td class="num">${ms(s.p99_ms)}</td>
    <td class="num">${Math.round(s.restarts)}</td><td class="num">${s.reported_s_ago.toFixed(0)} s ago</td></tr>`).join("");
}

// ---------------------------------------------------------------- dashboard
async function showDashboard() {
  setView("dashboard");
  state.project = null;
  await loadProjects();
}

let loadSeq = 0;
async function loadProjects() {
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
      <button class="icon-btn card-menu" title="Delete project" data-act="delete"><svg viewBox="0 0 20 20"><path d="M7 3h6l1 1h3v1.5H3V4h3zm-2 4h10l-.8 10H5.8z"/></svg></button>`;
    card.addEventListener("click", (e) => {
      if (e.target.closest("[data-act=delete]")) { e.stopPropagation(); deleteProject(p); return; }
      location.hash = `#/p/${encodeURIComponent(p.id)}`;
    });
    card.addEventListener("keydown", (e) => { if (e.key === "Enter") location.hash = `#/p/${encodeURIComponent(p.id)}`; if (e.key === "Delete") deleteProject(p); });
    grid.appendChild(card);
  }
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
  // Apply pending deletes now rather than lose them.
  for (const [id, timer] of state.pendingDeletes) {
    clearTimeout(timer);
    navigator.sendBeacon && fetch("/api/request", { method: "POST", keepalive: true, headers: { "Content-Type": "application/json", "X-Vibing-Token": TOKEN }, body: JSON.stringify({ service: "storage", type: "DeleteProject", body: { project_id: id } }) });
  }
});

let searchTimer;
$("#project-search").addEventListener("input", (e) => { state.query = e.target.value; clearTimeout(searchTimer); searchTimer = setTimeout(loadProjects, 120); });
$("#project-sort").addEventListener("change", (e) => { state.sort = e.target.value; loadProjects(); });

// ---------------------------------------------------------------- recent
async function renderRecent() {
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
async function loadRecentNames() {
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
function openModal(id) { $(id).classList.remove("hidden"); const f = $(`${id} input, ${id} textarea`); f && f.focus(); }
function closeModals() { $$(".modal").forEach((m) => m.classList.add("hidden")); }
$$(".modal").forEach((m) => {
  m.addEventListener("click", (e) => { if (e.target === m || e.target.closest("[data-close]")) closeModals(); });
});
function newProject() { $("#new-error").textContent = ""; $("#new-form").reset(); openModal("#new-modal"); }
$("#new-project-btn").onclick = newProject;
$("#empty-new-btn").onclick = newProject;
$$("#new-type button").forEach((b) => b.onclick = () => { state.newType = b.dataset.value; $$("#new-type button").forEach((x) => x.classList.toggle("on", x === b)); });
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
  let name = $("#new-name").value.trim();
  const prompt = $("#new-prompt").value.trim();
  if (!name && !prompt) { $("#new-error").textContent = "Give it a name, or describe it."; return; }
  $("#new-create").disabled = true;
  try {
    if (!name) name = await suggestTitle(prompt);
    const r = await call("storage", "CreateProject", { name, project_type: state.newType, description: prompt.slice(0, 300) });
    closeModals();
    state.autoPrompt = prompt ? { id: r.project.id, prompt } : null;
    location.hash = `#/p/${encodeURIComponent(r.project.id)}`;
  } catch (err) {
    $("#new-error").textContent = err.message;
    $("#new-error").className = "note bad";
  } finally { $("#new-create").disabled = false; }
});

// ---------------------------------------------------------------- project view
async function openProject(id) {
  setView("project");
  const switching = !state.project || state.project.id !== id;
  if (switching) {
    $("#messages").innerHTML = "";
    $("#file-tree").innerHTML = "";
    resetPreviewReports();
    state.selectedFile = ""; state.selectedCheckpoint = null;
    $("#progress").classList.add("hidden");
    $("#diff").classList.add("hidden");
  }
  let detail;
  try {
    let url;
    [detail, url] = await Promise.all([call("storage", "LoadProject", { project_id: id }), shell("preview.url", { project_id: id })]);
    state.preview = { id, url };
  } catch (e) {
    showError(e);
    if (e.code === "NotFound") location.hash = "#/";
    return;
  }
  applyProject(detail);
  setView("project");
  state.recent = [id, ...state.recent.filter((x) => x !== id)].slice(0, 12);
  renderRecent();
  shell("recent.add", { project_id: id }).catch(() => {});
  reloadPreview(true);
  refreshUsage();
  if (!$("#tab-history").classList.contains("hidden")) loadCheckpoints();
  await attachRunningStreams();
  if (state.autoPrompt && state.autoPrompt.id === id) {
    const p = state.autoPrompt.prompt; state.autoPrompt = null;
    sendPrompt(p);
  } else if (switching) {
    $("#prompt").focus();
  }
}

function applyProject(detail) {
  state.project = detail.project;
  state.messages = detail.messages;
  state.files = new Map(detail.files.map((f) => [f.path, f]));
  $("#project-name").textContent = detail.project.name;
  $("#project-type").textContent = detail.project.project_type;
  document.title = `${detail.project.name} — Vibing`;
  renderMessages();
  renderTree();
  if (!state.selectedFile || !state.files.has(state.selectedFile)) {
    state.selectedFile = state.files.has("index.html") ? "index.html" : (detail.files[0] || {}).path || "";
  }
  renderCode();
}

async function reloadProject() {
  if (!state.project) return;
  try {
    const detail = await call("storage", "LoadProject", { project_id: state.project.id });
    if (state.project && detail.project.id === state.project.id) applyProject(detail);
  } catch (e) { /* transient: the next change will reload */ }
}

// -- messages
function messageEl(m) {
  const el = document.createElement("div");
  el.className = `msg ${m.role}`;
  el.dataset.id = m.id || "";
  if (m.role === "user") { el.textContent = m.content; return el; }
  const who = m.agent ? escapeHtml(m.agent) : "Assistant";
  el.innerHTML = `<div class="msg-head"><span class="who">${who}</span>${m.model ? `<span>· ${escapeHtml(m.model)}</span>` : ""}</div><div class="md"></div><div class="msg-foot"></div>`;
  $(".md", el).innerHTML = renderMarkdown(m.content || "", { streaming: m.status === "streaming" && m.live });
  footFor(el, m);
  return el;
}

const LOCAL_FALLBACK_CODES = ["NoApiKey", "KeyWithheld", "ApiKeyRejected", "ApiOutOfCredit", "ApiUnreachable"];
const KEY_CODES = ["NoApiKey", "KeyWithheld", "ApiKeyRejected", "ApiPermissionDenied"];
const failureCodes = new Map();

// The ways forward from a provider that did not answer, as buttons: a key (Settings, at the key field), the
// offline model (when it is installed: it becomes the default), or an OpenAI-compatible server (Settings, there).
function waysForward(code) {
  const out = [];
  if (KEY_CODES.includes(code)) {
    out.push(`<button class="btn small" data-act="add-key">${code === "NoApiKey" || code === "KeyWithheld" ? "Add a key" : "Check the key"}</button>`);
  }
  if (LOCAL_FALLBACK_CODES.includes(code)) {
    if (!state.localModel || state.localModel.installed) {
      out.push(`<button class="btn small" data-act="local" title="${escapeHtml(state.localModel?.label || "The offline model")} runs on this computer: offline, fast, but a small demo model">Use the local model</button>`);
    }
    out.push(`<button class="btn small ghost" data-act="openai">Use an OpenAI-compatible server</button>`);
    if (!state.localModel) loadLocalModel().then(() => { if (!state.localModel.installed) $$("#messages [data-act=local]").forEach((b) => b.remove()); });
  }
  return out;
}

// Whether the offline model can run here (a model and its engine): the model service's list, asked when needed
// (the service starts on first use, so not at every start).
async function loadLocalModel() {
  try {
    const r = await call("model", "ListLocalModels", {}, 10);
    const model = (r.models || []).find((m) => m.name === r.default) || (r.models || [])[0];
    // "SmolLM2-135M-Instruct (bundled, small demo model: …)": the name before the remarks
    const label = model ? (model.label || model.name).split(" (")[0] : "";
    state.localModel = { installed: !!model && r.engine_installed !== false, label,
      size: model ? model.size_bytes : 0, engine: r.engine_installed !== false };
  } catch (e) {
    state.localModel = { installed: false, label: "", size: 0, engine: false, error: e.message };
  }
  return state.localModel;
}

function footFor(el, m) {
  const foot = $(".msg-foot", el);
  // Stored messages keep the error's words, not its code: remember the codes of this session's failures.
  if (m.error_code && m.id) failureCodes.set(m.id, m.error_code);
  m = m.error_code || !failureCodes.has(m.id) ? m : { ...m, error_code: failureCodes.get(m.id) };
  const bits = [];
  if (m.output_tokens) bits.push(`<span>${fmtTokens(m.input_tokens)} in · ${fmtTokens(m.output_tokens)} out</span>`);
  if (m.cost_usd) bits.push(`<span>${fmtCost(m.cost_usd)}</span>`);
  if (m.duration_ms) bits.push(`<span>${(m.duration_ms / 1000).toFixed(1)} s</span>`);
  const status = m.status;
  if (status === "stopped") bits.push(`<span>Stopped</span>`);
  if ((status === "interrupted" || (status === "streaming" && !m.live)) && m.id) bits.push(`<span>Interrupted — continue?</span>`);
  if (status === "error") { el.classList.add("error"); }
  if (m.error) bits.push(`<div class="err">${escapeHtml(humanError(m.error_code, m.error))}</div>`);
  bits.push(...waysForward(m.error_code));
  if (["stopped", "interrupted", "error"].includes(status) || (status === "streaming" && !m.live)) {
    if (m.id && (m.content || "").length) bits.push(`<button class="btn small" data-act="continue">Continue</button>`);
    bits.push(`<button class="btn small ghost" data-act="retry">Retry</button>`);
  } else if (status === "complete" && m.can_continue && m.id) {
    bits.push(`<span>Cut off at the length limit</span><button class="btn small" data-act="continue">Continue</button>`);
  } else if (status === "complete" && m.role === "assistant") {
    bits.push(`<span class="spacer"></span><button class="link" data-act="retry" title="Ask again">Retry</button>`);
  }
  foot.innerHTML = bits.join("");
}

function renderMessages() {
  const box = $("#messages");
  box.innerHTML = "";
  const unsent = state.unsent && state.unsent.projectId === state.project.id;
  if (!state.messages.length && !unsent) {
    box.innerHTML = `<div class="empty" style="padding:48px 20px"><div class="empty-art">✦</div><h2>What should we build?</h2>
      <p class="muted">Describe the app in plain words: what it does, how it looks. The agent writes the files and the preview runs them.</p></div>`;
  }
  for (const m of state.messages) {
    if (m.role === "system") continue;
    const live = [...state.streams.values()].find((s) => s.messageId && s.messageId === m.id && !s.finished);
    if (live) { live.el = messageEl({ ...m, content: live.text || m.content, live: true, status: "streaming" }); box.appendChild(live.el); continue; }
    box.appendChild(messageEl(m));
  }
  for (const s of state.streams.values()) {
    if (!s.finished && s.projectId === state.project.id && (!s.messageId || !state.messages.some((m) => m.id === s.messageId))) {
      if (s.userPrompt) box.appendChild(messageEl({ role: "user", content: s.userPrompt }));
      s.el = messageEl({ role: "assistant", content: s.text, status: "streaming", live: true, agent: s.agent, model: s.model });
      box.appendChild(s.el);
    }
  }
  if (unsent) box.appendChild(unsentEl(state.unsent));
  box.scrollTop = box.scrollHeight;
}

// A prompt the stream service refused before anything was stored (no key, no provider...): its words go back
// into the input, and this card says why, with the ways forward. It is the window's, never stored.
function unsentEl(u) {
  const el = document.createElement("div");
  el.className = "msg assistant error unsent";
  el.setAttribute("role", "alert");
  el.innerHTML = `<div class="msg-head"><span class="who">Not sent</span><span>· your prompt is back in the box below</span></div>
    <div class="err"></div><div class="msg-foot"></div>`;
  $(".err", el).textContent = humanError(u.code, u.message);
  $(".msg-foot", el).innerHTML = [...waysForward(u.code), `<button class="btn small ghost" data-act="resend">Send again</button>`].join("");
  return el;
}
function clearUnsent() {
  state.unsent = null;
  $$("#messages .msg.unsent").forEach((el) => el.remove());
}

$("#messages").addEventListener("click", async (e) => {
  const act = e.target.closest("[data-act]");
  if (!act) return;
  const msgEl = e.target.closest(".msg");
  if (act.dataset.act === "copy") {
    const code = act.closest(".codeblock").querySelector("code").innerText;
    navigator.clipboard?.writeText(code).then(() => toast("Copied"), () => {});
  } else if (act.dataset.act === "expand") {
    act.closest(".codeblock").classList.toggle("open");
  } else if (act.dataset.act === "retry") {
    const idx = state.messages.findIndex((m) => m.id === msgEl.dataset.id);
    const before = state.messages.slice(0, idx < 0 ? state.messages.length : idx).reverse().find((m) => m.role === "user");
    sendPrompt((before && before.content) || state.lastPrompt);
  } else if (act.dataset.act === "settings" || act.dataset.act === "add-key") {
    goSettings("key");
  } else if (act.dataset.act === "openai") {
    goSettings("openai");
  } else if (act.dataset.act === "local") {
    // The offline model becomes the default (now, and in the config for the next start); this prompt goes to it.
    let prompt;
    if (msgEl.classList.contains("unsent")) prompt = state.unsent?.prompt;
    else {
      const idx = state.messages.findIndex((m) => m.id === msgEl.dataset.id);
      const before = state.messages.slice(0, idx < 0 ? state.messages.length : idx).reverse().find((m) => m.role === "user");
      prompt = (before && before.content) || state.lastPrompt;
    }
    await chooseProvider("local");
    toast("The offline model is now the default. Change it in Settings at any time.");
    if (msgEl.classList.contains("unsent") && $("#prompt").value.trim() === (prompt || "").trim()) $("#prompt").value = "";
    sendPrompt(prompt);
  } else if (act.dataset.act === "resend") {
    const prompt = state.unsent?.prompt;
    if ($("#prompt").value.trim() === (prompt || "").trim()) $("#prompt").value = "";
    sendPrompt(prompt);
  } else if (act.dataset.act === "continue") {
    continueMessage(msgEl.dataset.id);
  }
});

// -- files
function renderTree() {
  const ul = $("#file-tree");
  const paths = [...state.files.keys()].sort((a, b) => {
    const da = a.includes("/"), db = b.includes("/");
    return da === db ? a.localeCompare(b) : da ? 1 : -1;
  });
  const total = [...state.files.values()].reduce((n, f) => n + (f.size || 0), 0);
  $("#file-count").textContent = paths.length ? `${paths.length} · ${fmtBytes(total)}` : "";
  ul.innerHTML = "";
  let lastDir = "";
  for (const path of paths) {
    const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
    if (dir && dir !== lastDir) {
      const d = document.createElement("li"); d.className = "dir"; d.textContent = dir + "/"; ul.appendChild(d);
    }
    lastDir = dir;
    const li = document.createElement("li");
    li.dataset.path = path;
    li.className = path === state.selectedFile ? "active" : "";
    if (state.writing && state.writing.has(path)) li.classList.add("writing");
    const ext = (path.split(".").pop() || "").slice(0, 4);
    li.innerHTML = `<span class="ext">${escapeHtml(ext)}</span><span class="name">${escapeHtml(dir ? path.slice(dir.length + 1) : path)}</span>`;
    if (dir) li.style.paddingLeft = "20px";
    li.onclick = () => { state.selectedFile = path; renderTree(); renderCode(); showTab("code"); };
    ul.appendChild(li);
  }
  if (!paths.length) ul.innerHTML = `<li class="dir">No files yet</li>`;
}

function renderCode() {
  const f = state.files.get(state.selectedFile);
  const code = $("#code-view code");
  if (!f) { $("#code-path").textContent = "No file selected"; $("#code-info").textContent = ""; code.innerHTML = ""; return; }
  $("#code-path").textContent = f.path;
  const lines = highlightLines(f.content, f.path);
  $("#code-info").textContent = `${languageOf(f.path).toUpperCase()} · ${lines.length} lines · ${fmtBytes(f.size)}`;
  code.innerHTML = lines.map((l) => `<span class="ln">${l || " "}</span>`).join("");
}

// drag and drop files into the project
const dropZone = $("#workspace");
dropZone.addEventListener("dragover", (e) => { if (state.project && e.dataTransfer.types.includes("Files")) { e.preventDefault(); $("#files-pane").classList.add("dragging"); } });
dropZone.addEventListener("dragleave", (e) => { if (!dropZone.contains(e.relatedTarget)) $("#files-pane").classList.remove("dragging"); });
dropZone.addEventListener("drop", async (e) => {
  $("#files-pane").classList.remove("dragging");
  if (!state.project || !e.dataTransfer.files.length) return;
  e.preventDefault();
  const ops = [];
  for (const file of e.dataTransfer.files) {
    if (file.size > 2 * 1024 * 1024) { toast(`${file.name} is too large (2 MB at most)`, { bad: true }); continue; }
    ops.push({ type: "FileOp", op: "write", path: file.name, content: await file.text() });
  }
  if (!ops.length) return;
  try {
    await call("storage", "ApplyFileBatch", { project_id: state.project.id, ops, label: `Added ${ops.map((o) => o.path).join(", ")}` });
    toast(`Added ${ops.length} file${ops.length === 1 ? "" : "s"}`);
  } catch (err) { showError(err); }
});

// -- tabs
function showTab(name) {
  $$(".tab").forEach((t) => t.classList.toggle("active", t.dataset.tab === name));
  for (const t of ["preview", "code", "history"]) $(`#tab-${t}`).classList.toggle("hidden", t !== name);
  if (name === "history") loadCheckpoints();
}
$$(".tab").forEach((t) => t.onclick = () => showTab(t.dataset.tab));

// -- preview
// Each project's preview address carries its own secret (the shell derives it), so one generated
// app cannot load another project's files.
function previewUrl() { return state.project && state.preview?.id === state.project.id ? state.preview.url : ""; }
function reloadPreview(force = false) {
  const frame = $("#preview");
  const has = state.files.has("index.html");
  $("#preview-empty").classList.toggle("hidden", has);
  $("#preview-url").textContent = has ? "index.html" : "";
  renderNetIndicator();
  if (!has || !previewUrl()) { frame.removeAttribute("src"); resetPreviewReports(); return; }
  state.previewVersion += 1;
  resetPreviewReports();
  frame.src = `${previewUrl()}?v=${state.previewVersion}`;
}
$("#preview-reload").onclick = () => reloadPreview(true);
$("#preview-open").onclick = () => {
  const url = previewUrl();
  if (!url) return;
  if (state.info.native?.includes("open_url")) shell("native", { name: "open_url", url }).catch(showError);
  else window.open(url, "_blank", "noopener");
};

// What the preview reports (the capture script the preview server injects): errors and console errors for
// "Fix this"; "library" (a same-major version served from the offline library) as a notice; "missing" (a
// library the offline library does not have) and "blocked" (the CSP stopped a request) as what the page
// needs from the network, for the bar. The page is untrusted: every field is cut to size and shown as text.
function resetPreviewReports() {
  state.previewErrors = []; state.previewNotices = []; state.networkNeeds = new Map(); state.needUrls = new Map();
  state.netBarDismissed = false;
  renderConsole(); renderNetBar();
}
const clip = (v, n = 300) => (v === undefined || v === null ? "" : String(v).slice(0, n));
window.addEventListener("message", (e) => {
  const frame = $("#preview");
  if (e.source !== frame.contentWindow || !e.data || !e.data.vibingPreview) return;
  const d = e.data;
  if (d.kind === "loaded") { frame.dataset.loaded = String(state.previewVersion); renderNetBar(); return; }
  if (d.kind === "library") { addLine(state.previewNotices, clip(d.message)); renderConsole(); return; }
  const offline = state.project && !networkAllowed(state.project.id);
  if (d.kind === "missing") {
    const need = missingNeed(d);
    if (offline) noteNeed(need);
    const line = `Not in the offline library: ${need.name}${need.version ? ` ${need.version}` : ""}${need.url ? ` (${need.url})` : ""}`;
    // A project that may use the network fetches it from the internet instead: a notice (a failure shows as errors).
    addLine(offline ? state.previewErrors : state.previewNotices, offline ? line : `${line}; this project may use the network, so the page fetches it from there`);
    renderConsole();
    return;
  }
  if (d.kind === "blocked" && offline) { const need = blockedNeed(d); if (need) noteNeed(need); }
  const where = d.source ? ` (${clip(d.source, 200)}${d.line ? `:${Number(d.line) || 0}` : ""})` : "";
  addLine(state.previewErrors, `${clip(d.message, 2000)}${where}`);
  renderConsole();
});
function addLine(list, line) {
  if (line && !list.includes(line) && list.length < 200) list.push(line);
}

// -- what a page needs from the network, in words
const CSP_WORDS = {
  "script-src": "a script", "script-src-elem": "a script", "style-src": "a stylesheet", "style-src-elem": "a stylesheet",
  "img-src": "images", "font-src": "fonts", "connect-src": "data", "media-src": "audio or video", "frame-src": "a page",
  "worker-src": "a worker", "default-src": "a file",
};
// `name@version` in a CDN address (jsDelivr, unpkg, esm.sh, cdnjs, Skypack), so the bar names the library.
function cdnPackage(url) {
  let u;
  try { u = new URL(url); } catch (e) { return null; }
  const path = decodeURIComponent(u.pathname);
  const npm = { "cdn.jsdelivr.net": /^\/npm\/((?:@[^/@]+\/)?[^/@]+)@([^/]+)/, "unpkg.com": /^\/((?:@[^/@]+\/)?[^/@]+)@([^/]+)/,
    "esm.sh": /^\/(?:v\d+\/)?((?:@[^/@]+\/)?[^/@]+)@([^/?]+)/, "cdn.skypack.dev": /^\/((?:@[^/@]+\/)?[^/@]+)@([^/?]+)/,
    "cdnjs.cloudflare.com": /^\/ajax\/libs\/([^/]+)\/([^/]+)\// }[u.hostname];
  const m = npm && npm.exec(path);
  return m ? { name: m[1], version: m[2] } : null;
}
function hostOf(url) { try { return new URL(url).host; } catch (e) { return ""; } }
function missingNeed(d) {
  const url = clip(d.url, 500), at = hostOf(url);
  const host = at === hostOf(state.preview?.url || "") ? "" : at; // a file the offline library lacks (/lib/...)
  const pkg = d.package && String(d.package) !== at ? { name: clip(d.package, 120), version: clip(d.version, 60) } : cdnPackage(url);
  let file = "";
  try { file = decodeURIComponent(new URL(url).pathname.split("/").pop()); } catch (e) { /* no address, or not one */ }
  const name = pkg ? pkg.name : clip(file, 120) || host || "A library";
  const version = pkg ? pkg.version : "";
  return { key: version ? `${name}@${version}` : name, name, version, url, host, missing: true };
}
function blockedNeed(d) {
  const m = /sandbox: (\S+) \(([^)]+)\)/.exec(String(d.message || ""));
  const url = clip(d.blockedURI || (m && m[1]), 500);
  const directive = clip(d.violatedDirective || d.effectiveDirective || (m && m[2]), 60);
  let u;
  try { u = new URL(url); } catch (e) { return null; } // "inline", "eval", "data": not the network
  if (u.protocol !== "https:" && u.protocol !== "wss:") return null; // only https can be allowed; the console says why
  const pkg = cdnPackage(url);
  if (pkg) return { key: `${pkg.name}@${pkg.version}`, name: pkg.name, version: pkg.version, url, host: u.host };
  const what = CSP_WORDS[directive.split(" ")[0]] || "a file";
  return { key: `${u.host} ${what}`, what, url, host: u.host };
}
// One line per library (or per kind of file and host: a map's hundred tiles are one line); the reports of one
// address ("missing" from the capture script, "blocked" from the CSP) merge into one line.
function noteNeed(need) {
  const key = (need.url && state.needUrls.get(need.url)) || need.key;
  const known = state.networkNeeds.get(key);
  if (!known && state.networkNeeds.size >= 50) return;
  const merged = known
    ? { ...known, missing: known.missing || need.missing, name: known.name || need.name, version: known.version || need.version, url: known.url || need.url }
    : need;
  if (need.url && state.needUrls.size < 500) state.needUrls.set(need.url, key);
  state.networkNeeds.set(key, merged);
  renderNetBar();
}
function needWords(n) {
  const what = n.name ? `${n.name}${n.version ? ` ${n.version}` : ""}` : n.what || "a file";
  const where = n.host ? ` from ${n.host}` : "";
  if (!n.missing) return `${what}${where}`;
  return where ? `${what}${where}, not in the offline library` : `${what} is not in the offline library`;
}

// -- the network: per project (the bar, the toolbar indicator, Settings) or for every project (Settings)
function networkAllowed(id) { return state.network.everywhere || state.network.projects.has(id); }
function applyNetwork(r) {
  state.network = { everywhere: !!r.everywhere, projects: new Set(r.projects || []) };
  renderNetIndicator(); renderNetBar();
}
function renderNetBar() {
  const id = state.project?.id;
  const needs = [...(state.networkNeeds || new Map()).values()];
  const show = !!id && !!previewUrl() && needs.length > 0 && !networkAllowed(id) && !state.netBarDismissed;
  $("#net-bar").classList.toggle("hidden", !show);
  if (!show) return;
  const shown = needs.slice(0, 4).map((n) => `<li>${escapeHtml(needWords(n))}</li>`);
  if (needs.length > 4) shown.push(`<li>and ${needs.length - 4} more (see the list below the preview)</li>`);
  $("#net-bar-list").innerHTML = shown.join("");
  $("#net-bar-title").textContent = needs.every((n) => n.missing) && needs.length === 1 ? "This page needs a library that is not offline" : "This page needs the network";
}
function renderNetIndicator() {
  const id = state.project?.id;
  const on = !!id && networkAllowed(id);
  $("#preview-net").classList.toggle("hidden", !on);
  if (!on) return;
  const everywhere = state.network.everywhere && !state.network.projects.has(id);
  $("#preview-net-text").textContent = everywhere ? "Network allowed for every project" : "Network allowed";
  $("#preview-net").title = everywhere ? "Settings lets every preview use the network" : "This project's preview may load from the internet";
  const b = $("#preview-net-revoke");
  b.textContent = everywhere ? "Settings" : "Revoke";
  b.setAttribute("aria-label", everywhere ? "Open Settings to change the network for every project" : "Revoke the network for this project");
}
async function setProjectNetwork(id, allow) {
  applyNetwork(await shell("preview.network", { project_id: id, allow }));
}
$("#net-allow").onclick = async () => {
  if (!state.project) return;
  const id = state.project.id;
  $("#net-allow").disabled = true;
  try {
    await setProjectNetwork(id, true);
    toast(`“${state.project.name}” may now use the network. Revoke it in the preview's toolbar or in Settings.`);
    reloadPreview(true);
    $("#preview-net-revoke").focus();
  } catch (e) { showError(e); } finally { $("#net-allow").disabled = false; }
};
$("#net-dismiss").onclick = () => { state.netBarDismissed = true; renderNetBar(); $("#preview-reload").focus(); };
$("#preview-net-revoke").onclick = async () => {
  if (!state.project) return;
  if (!state.network.projects.has(state.project.id)) { location.hash = "#/settings"; return; }
  try {
    await setProjectNetwork(state.project.id, false);
    toast("This project's preview is offline again.");
    reloadPreview(true);
    $("#preview-reload").focus();
  } catch (e) { showError(e); }
};

function renderConsole() {
  const errors = state.previewErrors || [], notices = state.previewNotices || [];
  $("#preview-console").classList.toggle("hidden", !errors.length && !notices.length);
  $("#preview-console").classList.toggle("notices", !errors.length);
  $("#console-title").textContent = errors.length ? "Errors in the preview" : "Notices from the preview";
  $("#fix-btn").classList.toggle("hidden", !errors.length);
  $("#console-list").innerHTML = errors.slice(-20).map((m) => `<li>${escapeHtml(m)}</li>`).join("")
    + notices.slice(-10).map((m) => `<li class="notice">${escapeHtml(m)}</li>`).join("");
}
$("#console-clear").onclick = () => { state.previewErrors = []; state.previewNotices = []; renderConsole(); };
$("#fix-btn").onclick = () => {
  const errors = state.previewErrors.slice(-10).join("\n");
  const missing = [...state.networkNeeds.values()].filter((n) => n.missing);
  let prompt = `The preview shows these errors:\n\n${errors}\n\n`;
  if (missing.length) {
    const names = missing.map((n) => `- ${n.name}${n.version ? ` ${n.version}` : ""}${n.url ? ` (${n.url})` : ""}`).join("\n");
    prompt += `These libraries are not in Vibing's offline library, so the preview cannot load them without the network:\n${names}\n`
      + "Use a library and version the offline library has, or keep the app working without them.\n\n";
  }
  state.previewErrors = []; state.previewNotices = []; renderConsole();
  sendPrompt(`${prompt}Please fix them.`);
};

// -- history
async function loadCheckpoints() {
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

// -- header actions
$("#back-btn").onclick = () => { location.hash = "#/"; };
$("#toggle-files").onclick = () => toggle("files");
$("#toggle-preview").onclick = () => toggle("preview");
function toggle(which) {
  const el = which === "files" ? $("#files-pane") : $("#side-pane");
  el.classList.toggle("hidden");
  $(`#toggle-${which}`).classList.toggle("on", !el.classList.contains("hidden"));
}
$("#project-name").addEventListener("dblclick", () => {
  const h = $("#project-name");
  const input = document.createElement("input");
  input.value = state.project.name;
  h.replaceWith(input); input.focus(); input.select();
  const done = async (save) => {
    input.replaceWith(h);
    const name = input.value.trim();
    if (!save || !name || name === state.project.name) return;
    try { const r = await call("storage", "RenameProject", { project_id: state.project.id, name }); state.project = r.project; h.textContent = r.project.name; renderRecent(); }
    catch (e) { showError(e); }
  };
  input.addEventListener("keydown", (e) => { if (e.key === "Enter") done(true); if (e.key === "Escape") done(false); });
  input.addEventListener("blur", () => done(true), { once: true });
});
async function saveCheckpoint() {
  if (!state.project) return;
  try { await call("storage", "SaveProject", { project_id: state.project.id, label: "Saved by you" }); toast("Checkpoint saved"); loadCheckpoints(); }
  catch (e) { showError(e); }
}
$("#save-btn").onclick = saveCheckpoint;
function exportProject() {
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
$$("#export-format button").forEach((b) => b.onclick = () => { state.exportFormat = b.dataset.value; $$("#export-format button").forEach((x) => x.classList.toggle("on", x === b)); });
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
async function openFolder() {
  if (!state.info.native?.includes("folder_dialog")) { location.hash = "#/"; $("#project-search").focus(); return; }
  try {
    const path = await shell("native", { name: "folder_dialog" });
    if (!path) return;
    const r = await call("storage", "ImportProject", { path }, 30);
    location.hash = `#/p/${encodeURIComponent(r.project.id)}`;
  } catch (e) { showError(e); }
}

// ---------------------------------------------------------------- generation
async function loadPickers() {
  try {
    const r = await call("stream", "ListModels", {});
    state.models = r.models || []; state.defaultModel = r.default || "";
  } catch (e) { state.models = []; }
  const mp = $("#model-picker");
  const current = mp.value;
  mp.innerHTML = `<option value="">${state.defaultModel ? escapeHtml(state.defaultModel) : "Default model"}</option>` +
    state.models.map((m) => `<option value="${escapeHtml(m.id)}">${escapeHtml(m.name || m.id)}</option>`).join("");
  mp.value = current;
  $("#model-list").innerHTML = state.models.map((m) => `<option value="${escapeHtml(m.id)}">`).join("");
  try {
    const r = await call("agent", "ListAgents", {});
    state.agents = r.agents || r.items || [];
  } catch (e) { state.agents = []; }
  const ap = $("#agent-picker");
  const chosen = ap.value;
  const groups = new Map();
  for (const a of state.agents) { const c = a.category || "other"; if (!groups.has(c)) groups.set(c, []); groups.get(c).push(a); }
  ap.innerHTML = `<option value="">Auto-select agent</option>` + [...groups].sort().map(([cat, list]) =>
    `<optgroup label="${escapeHtml(cat)}">${list.map((a) => `<option value="${escapeHtml(a.name)}" title="${escapeHtml(a.description || "")}">${escapeHtml(a.name)}</option>`).join("")}</optgroup>`).join("");
  ap.value = chosen;
}

function setBusy(busy) {
  $("#stop-btn").classList.toggle("hidden", !busy);
  $("#send-btn").classList.toggle("hidden", busy);
}

function progress(text, { meta = "", phase = "run", context = null } = {}) {
  $("#progress").classList.remove("hidden");
  $("#progress-text").textContent = text;
  if (meta !== null) $("#progress-meta").textContent = meta;
  $("#progress-spinner").className = "spinner" + (phase === "done" ? " done" : phase === "error" ? " failed" : "");
  if (context !== null) $("#context-meter").style.width = `${Math.min(100, Math.round(context * 100))}%`;
}

async function sendPrompt(prompt, opts = {}) {
  prompt = (prompt || "").trim();
  if (!prompt || !state.project) return;
  if (state.activeStream) { toast("Wait for the current answer, or stop it first."); return; }
  state.lastPrompt = prompt;
  clearUnsent();
  const sid = newId();
  const s = { id: sid, projectId: state.project.id, text: "", thinking: "", seq: 0, started: performance.now(), userPrompt: prompt, finished: false, model: $("#model-picker").value };
  state.streams.set(sid, s);
  state.activeStream = sid;
  state.writing = new Set();
  const box = $("#messages");
  $(".empty", box)?.remove();
  box.appendChild(messageEl({ role: "user", content: prompt }));
  s.el = messageEl({ role: "assistant", content: "", status: "streaming", live: true });
  box.appendChild(s.el);
  box.scrollTop = box.scrollHeight;
  $("#prompt").value = "";
  setBusy(true);
  progress("Starting…", { meta: "", context: 0 });
  try {
    // The stream service loads the conversation and the current files from storage itself.
    const r = await call("stream", "Generate", {
      project_id: state.project.id, prompt, agent: $("#agent-picker").value, ...providerFor(opts),
      stream_id: sid,
    }, 20);
    s.messageId = r.message_id || s.messageId;
    s.agent = r.agent; s.model = r.model || s.model;
    if (s.el) { s.el.dataset.id = s.messageId || ""; $(".who", s.el).textContent = r.agent || "Assistant"; }
    showAgent(r.agent, r.agent_reason, !$("#agent-picker").value, r.agent_confidence);
  } catch (e) {
    const message = e.code === "InvalidRequest" && /no request/.test(e.message)
      ? "Generation is not available yet: the stream service does not accept Generate requests."
      : humanError(e.code, e.message);
    notSent(s, prompt, e.code, message);
  }
}

// The provider and model of a generation. A provider the person chose in this window (first run, "Use the local
// model") applies at once; otherwise the stream service's configured one (or the project's own) does.
function providerFor(opts) {
  const provider = opts.provider || state.providerOverride || "";
  if (provider === "local") return { provider, model: "" };
  if (provider === "openai" && !opts.provider) return { provider, model: state.prefs.openai_model || "" };
  return { provider, model: $("#model-picker").value };
}

// Generate was refused: nothing was stored, so the prompt would be lost with the optimistic bubbles. It goes back
// into the input (unless the person already typed something else) and a "Not sent" card says why.
function notSent(s, prompt, code, message) {
  s.finished = true;
  state.streams.delete(s.id);
  if (state.activeStream === s.id) { state.activeStream = ""; setBusy(false); }
  s.el?.previousElementSibling?.classList.contains("user") && s.el.previousElementSibling.remove();
  s.el?.remove();
  progress(message, { phase: "error", meta: "" });
  if (state.project && s.projectId === state.project.id) {
    state.unsent = { projectId: s.projectId, prompt, code, message };
    const box = $("#messages");
    box.appendChild(unsentEl(state.unsent));
    box.scrollTop = box.scrollHeight;
    if (!$("#prompt").value.trim()) $("#prompt").value = prompt;
    $("#prompt").focus();
  }
}

// -- the agent line under the composer: who answers and how sure (first row), why or what else (second row).
// Both rows keep their height when empty, so nothing moves as the pick appears or changes.
// Agent names, reasons and descriptions come from agent files a person can edit: they are only ever set as text.
function node(tag, cls, text) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text) el.textContent = text;
  return el;
}

// A sentence around the agent's name: "Picked X: the request is about..." -> ["Picked ", "The request is about..."].
function aroundName(sentence, name) {
  const at = name ? sentence.indexOf(name) : -1;
  const rest = at < 0 ? sentence : sentence.slice(at + name.length).replace(/^[\s:,.—-]+/, "");
  return [at < 0 ? "" : sentence.slice(0, at), rest.charAt(0).toUpperCase() + rest.slice(1)];
}

function setAgentLine(mode, who, because, title = "") {
  const why = $("#agent-why");
  why.dataset.mode = mode;
  why.title = title;
  const first = node("div", "agent-who");
  first.append(...who);
  const second = node("div", "agent-because");
  second.append(...(typeof because === "string" ? (because ? [node("span", "agent-reason", because)] : []) : because));
  why.replaceChildren(first, second);
}

// ``agent`` with ``reason`` after a Generate (auto: the selector's sentence, and its confidence) or chosen by hand;
// "" for the hint.
function showAgent(agent, reason, auto, confidence = 0) {
  if (!agent) {
    setAgentLine("", [node("span", "agent-hint", "Auto-select picks the agent from your words as you type.")], "");
    return;
  }
  if (!auto) { showChosen(agent); return; }
  const [before, after] = aroundName(reason || "", agent);
  const who = [before, node("strong", "agent-name", agent)];
  if (confidence) who.push(confidenceBadge({ confidence, uncertain: reason.startsWith("No clear specialist") }));
  setAgentLine("auto", who, after, reason || "");
}

function showChosen(name, { fromRunnerUp = false } = {}) {
  const a = state.agents.find((x) => x.name === name);
  setAgentLine(fromRunnerUp ? "chosen-runner-up" : "chosen",
    [node("strong", "agent-name", name), node("span", "agent-tag", "chosen by you")],
    a?.description || "", a?.description || "");
}

function confidenceBadge(r) {
  const pct = Math.round((r.confidence || 0) * 100);
  const b = node("span", "agent-conf" + (r.uncertain ? " low" : ""), `${pct} %`);
  b.title = `Confidence ${pct} %: about ${pct} in 100 picks like this one are what people wanted`;
  return b;
}

// A SelectAgents reply: an unclear pick with the two runners-up to switch to in one click, a fallback (empty
// request, code only...) said plainly, or a confident pick with its calibrated confidence.
function showSelection(r) {
  const p = r.primary || {};
  const name = p.name || "";
  if (!name) { showAgent("", ""); return; }
  const sentence = r.explanation || p.reason || "";
  const [before, after] = aroundName(sentence, name);
  const title = [sentence, p.description].filter(Boolean).join("\n\n");
  if (r.uncertain) {
    const verb = /keeping/i.test(before) ? "keeping" : "using";
    const alts = (r.runners_up || []).filter((x) => x && x.name && x.name !== name).slice(0, 2);
    const others = [];
    if (alts.length) {
      others.push(node("span", "agent-or", "Or:"));
      for (const alt of alts) {
        const b = node("button", "agent-alt", alt.name);
        b.type = "button";
        b.dataset.agent = alt.name;
        b.title = alt.reason || alt.description || "";
        b.setAttribute("aria-label", `Use ${alt.name} instead`);
        b.addEventListener("click", () => chooseAgent(alt.name));
        others.push(b);
      }
    } else if (after) {
      others.push(node("span", "agent-reason", after));
    }
    setAgentLine("uncertain", [`No clear specialist — ${verb} `, node("strong", "agent-name", name), confidenceBadge(r)], others, title);
  } else if (r.fallback) {
    setAgentLine("fallback", [before, node("strong", "agent-name", name)], after, title);
  } else {
    setAgentLine("confident", [before, node("strong", "agent-name", name), confidenceBadge(r)], after, title);
  }
}

// A runner-up's button: that agent answers from now on, as if picked in the menu.
function chooseAgent(name) {
  const ap = $("#agent-picker");
  if (![...ap.options].some((o) => o.value === name)) ap.append(new Option(name, name));
  clearTimeout(selectTimer);
  selectSeq += 1;  // a pick still on its way is not shown over the person's choice
  ap.value = name;
  showChosen(name, { fromRunnerUp: true });
  $("#prompt").focus();
}

let renderQueued = new Set();
let renderPending = false;
function scheduleRender(s) {
  renderQueued.add(s);
  if (!renderPending) { renderPending = true; requestAnimationFrame(flushRender); }
}
state.renderStats = { frames: 0, maxMs: 0, totalMs: 0 };
function flushRender() {
  renderPending = false;
  const t0 = performance.now();
  flushRenderNow();
  const ms = performance.now() - t0;
  const st = state.renderStats;
  st.frames += 1; st.totalMs += ms; if (ms > st.maxMs) st.maxMs = ms;
}
function flushRenderNow() {
  const more = [];
  const box = $("#messages");
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  for (const s of renderQueued) {
    if (!s.el || !s.el.isConnected) continue;
    const md = $(".md", s.el);
    if (!s.renderer || s.renderer.el !== md) s.renderer = new StreamRenderer(md);
    if (s.renderer.update(s.text, { streaming: !s.finished })) more.push(s);
  }
  renderQueued = new Set();
  if (nearBottom) box.scrollTop = box.scrollHeight;
  for (const s of more) scheduleRender(s);
}

async function resync(s) {
  if (s.syncing) return;
  s.syncing = true;
  try {
    const snap = await call("stream", "SnapshotStream", { stream_id: s.id });
    if (snap.seq >= s.seq) { s.text = snap.text; s.seq = snap.seq; }
    scheduleRender(s);
  } catch (e) { /* the stream may be gone; done/error will follow */ }
  s.syncing = false;
}

function onToken(ev) {
  const s = state.streams.get(ev.stream_id);
  if (!s || s.finished) return;
  if (ev.seq <= s.seq) return;
  if (ev.seq > s.seq + 1 && s.seq !== 0) { resync(s); return; }
  s.seq = ev.seq;
  if (ev.thinking) { s.thinking += ev.text; if (state.activeStream === s.id) progress("Thinking…", { meta: null }); return; }
  if (!s.text && state.activeStream === s.id) progress("Generating…", { meta: null });
  s.text += ev.text;
  s.tokens = (s.tokens || 0) + 1;
  scheduleRender(s);
}

function finishStream(s, done) {
  s.finished = true;
  if (state.activeStream === s.id) { state.activeStream = ""; setBusy(false); }
  scheduleRender(s);
  if (s.el) {
    footFor(s.el, {
      role: "assistant", id: done.message_id || s.messageId, status: done.stopped ? "stopped" : "complete",
      can_continue: !done.stopped && done.stop_reason === "max_tokens",
      content: s.text, input_tokens: done.usage?.input_tokens, output_tokens: done.usage?.output_tokens,
      cost_usd: done.cost_usd, duration_ms: done.duration_ms,
    });
  }
}

function failStream(s, code, message) {
  s.finished = true;
  if (state.activeStream === s.id) { state.activeStream = ""; setBusy(false); }
  progress(message, { phase: "error", meta: "" });
  if (s.el) {
    scheduleRender(s);
    s.el.classList.add("error");
    footFor(s.el, { role: "assistant", id: s.messageId, status: "error", content: s.text, error: message, error_code: code });
  }
}

async function stopGeneration() {
  const sid = state.activeStream;
  if (!sid) return;
  progress("Stopping…", { meta: null });
  try { await call("stream", "StopStream", { stream_id: sid }); }
  catch (e) { showError(e); }
}
$("#stop-btn").onclick = stopGeneration;

async function continueMessage(messageId) {
  if (!state.project || state.activeStream) return;
  const m = state.messages.find((x) => x.id === messageId);
  const sid = newId();
  const s = { id: sid, projectId: state.project.id, text: m ? m.content : "", thinking: "", seq: 0, finished: false, messageId };
  state.streams.set(sid, s);
  state.activeStream = sid;
  s.el = $(`.msg[data-id="${CSS.escape(messageId)}"]`);
  setBusy(true);
  progress("Continuing…", { meta: "" });
  try {
    const r = await call("stream", "ContinueStream", { message_id: messageId, project_id: state.project.id, new_stream_id: sid }, 20);
    s.offsetBase = s.text;
  } catch (e) { failStream(s, e.code, humanError(e.code, e.message)); }
}

// After the stream service restarted, a stream it no longer knows was cut: say so, offer Continue.
async function settleStreams() {
  for (const s of [...state.streams.values()].filter((x) => !x.finished)) {
    let snap = null;
    try { snap = await call("stream", "SnapshotStream", { stream_id: s.id }); } catch (e) { snap = null; }
    if (snap && ["queued", "connecting", "retrying", "streaming"].includes(snap.state)) { resync(s); continue; }
    s.finished = true;
    if (state.activeStream === s.id) { state.activeStream = ""; setBusy(false); }
    if (snap && snap.state === "done") { finishStream(s, { message_id: snap.message_id, usage: snap.usage }); continue; }
    if (snap && snap.text) s.text = snap.text;
    scheduleRender(s);
    if (state.project && s.projectId === state.project.id) {
      progress("Interrupted: the stream service restarted. The answer so far is kept — press Continue to finish it.", { phase: "error", meta: "" });
      await reloadProject();
    }
  }
}

async function attachRunningStreams() {
  // A generation started elsewhere (or before a reload) keeps streaming: pick it up with no gap.
  let list;
  try { list = await call("stream", "ListStreams", { active_only: true }); } catch (e) { return; }
  for (const info of list.streams || []) {
    if (!state.project || info.project_id !== state.project.id || state.streams.has(info.stream_id)) continue;
    const s = { id: info.stream_id, projectId: info.project_id, text: "", seq: 0, finished: false, messageId: info.message_id, model: info.model };
    state.streams.set(s.id, s);
    state.activeStream = s.id;
    setBusy(true);
    progress("Generating…", { meta: "" });
    await resync(s);
    if (info.message_id && !state.messages.some((m) => m.id === info.message_id)) {
      await reloadProject();  // the prompt and the growing answer are stored: show them in place
    }
    const existing = info.message_id && $(`.msg[data-id="${CSS.escape(info.message_id)}"]`);
    if (existing) { s.el = existing; footFor(existing, { role: "assistant", status: "streaming", live: true }); }
    else { s.el = messageEl({ role: "assistant", content: s.text, status: "streaming", live: true, model: info.model }); $("#messages").appendChild(s.el); }
    scheduleRender(s);
  }
}

// While typing with "Auto-select", show which agent would be picked, how sure, and why. The project's context
// goes along (its files and the agents of its earlier turns), so a follow-up is read as the Generate flow reads it.
let selectTimer, selectSeq = 0;
function projectContext() {
  const files = [...state.files.keys()].sort().slice(0, 200);
  const recent = state.messages.filter((m) => m.role === "assistant" && m.agent).map((m) => m.agent).slice(-20);
  return { files, recent_agents: recent };
}
function scheduleSelect(delay = 250) {
  clearTimeout(selectTimer);
  if ($("#agent-picker").value || state.activeStream) return;
  const prompt = $("#prompt").value.trim();
  if (prompt.length < 8) { selectSeq += 1; showAgent("", ""); return; }
  selectTimer = setTimeout(async () => {
    const seq = ++selectSeq;
    try {
      const r = await call("agent", "SelectAgents", {
        prompt, project_type: state.project?.project_type || "", max_helpers: 0, ...projectContext(),
      });
      if (seq === selectSeq && !state.activeStream && !$("#agent-picker").value) showSelection(r);
    } catch (e) { /* the agent service may be restarting */ }
  }, delay);
}
$("#prompt").addEventListener("input", () => scheduleSelect());
showAgent("", "");
$("#agent-picker").addEventListener("change", () => {
  const name = $("#agent-picker").value;
  if (name) { clearTimeout(selectTimer); selectSeq += 1; showChosen(name); }
  else { showAgent("", ""); scheduleSelect(0); }
});

$("#composer").addEventListener("submit", (e) => { e.preventDefault(); sendPrompt($("#prompt").value); });
$("#prompt").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); sendPrompt($("#prompt").value); }
});

async function refreshUsage() {
  if (!state.project) return;
  try {
    const u = await call("storage", "UsageSummary", { project_id: state.project.id });
    $("#usage-counter").textContent = u.requests ? `${fmtTokens(u.input_tokens + u.output_tokens)} tokens · ${fmtCost(u.cost_usd)}` : "";
  } catch (e) { /* optional */ }
}

// ---------------------------------------------------------------- events
const PHASES = { starting: "Starting…", selecting: "Choosing an agent…", thinking: "Thinking…", generating: "Generating…", saving: "Saving files…" };

function onEvent(ev) {
  const topic = ev.topic || "";
  if (topic.startsWith("token.")) return onToken(ev);
  const s = ev.stream_id ? state.streams.get(ev.stream_id) : null;
  const mine = s && state.project && s.projectId === state.project.id;
  switch (ev.type) {
    case "StreamStatus":
      if (mine && state.activeStream === s.id) {
        const text = ev.state === "retrying" ? `Retrying${ev.wait_s ? ` in ${ev.wait_s.toFixed(0)} s` : ""} (attempt ${ev.attempt || 1})… ${ev.message || ""}`
          : ev.state === "connecting" ? "Connecting…" : ev.state === "queued" ? (ev.message || "Waiting for the rate limit…") : "Generating…";
        progress(text, { meta: null });
      } else if (!s && state.project && ev.project_id === state.project.id && ev.state !== "retrying") {
        attachRunningStreams();
      }
      break;
    case "GenerationProgress":
      if (mine) {
        const elapsed = s.started ? `${((performance.now() - s.started) / 1000).toFixed(1)} s` : "";
        const meta = [ev.output_tokens ? `${fmtTokens(ev.output_tokens)} tokens` : "", elapsed].filter(Boolean).join(" · ");
        if (ev.agent && !s.agent) { s.agent = ev.agent; if (s.el) $(".who", s.el).textContent = ev.agent; }
        let text = ev.message || PHASES[ev.phase] || ev.phase;
        if (ev.phase === "writing" && ev.file) text = `Writing ${ev.file}${ev.lines ? ` (+${ev.lines} lines)` : ""}`;
        if (ev.phase === "selecting" && ev.agent) text = `Agent: ${ev.agent}`;
        if (ev.phase !== "done" && ev.phase !== "error") progress(text, { meta, context: ev.context_used || null });
      }
      break;
    case "GenerationFile":
      if (state.project && ev.project_id === state.project.id) {
        state.writing = state.writing || new Set();
        state.writing.add(ev.path);
        if (s) progress(`Writing ${ev.path} (+${ev.lines} lines)`, { meta: null });
        renderTree();
      }
      break;
    case "GenerationDone":
      if (state.project && ev.project_id === state.project.id) {
        state.writing = new Set();
        ev.files = ev.files || [];
        const u = ev.usage || {};
        if (ev.ok) {
          if (!state.prefs.provider_ready) markProviderReady(state.providerOverride || state.prefs.provider || "anthropic");
          progress(`Done: ${ev.files.length} file${ev.files.length === 1 ? "" : "s"} · ${fmtTokens((u.input_tokens || 0) + (u.output_tokens || 0))} tokens · ${(ev.duration_ms / 1000).toFixed(1)} s · ${fmtCost(ev.cost_usd)}`, { phase: "done", meta: "" });
        } else if (ev.stop_reason === "stopped" || ev.error_code === "Stopped") {
          progress(`Stopped${ev.files.length ? `: kept ${ev.files.length} finished file${ev.files.length === 1 ? "" : "s"}` : ""}`, { phase: "done", meta: "" });
        } else {
          progress(humanError(ev.error_code, ev.message), { phase: "error", meta: "" });
        }
        if (!ev.ok && ev.error_code && s && s.messageId) failureCodes.set(s.messageId, ev.error_code);
        if (s && !s.finished) finishStream(s, { message_id: s.messageId, usage: u, cost_usd: ev.cost_usd, duration_ms: ev.duration_ms, stopped: !ev.ok });
        reloadProject().then(() => { reloadPreview(true); if (ev.files.length && !state.files.has(state.selectedFile)) renderCode(); });
        refreshUsage();
        if (!$("#tab-history").classList.contains("hidden")) loadCheckpoints();
      }
      break;
    case "StreamDone":
      if (s && !s.finished) {
        finishStream(s, ev);
        if (!ev.tags || !Object.keys(ev.tags).length) {
          if (mine) progress(ev.stopped ? "Stopped" : `Done · ${fmtTokens(ev.usage.output_tokens)} tokens · ${(ev.duration_ms / 1000).toFixed(1)} s · ${fmtCost(ev.cost_usd)}`, { phase: "done", meta: "" });
        }
      }
      break;
    case "StreamFailed":
      if (ev.message_id) failureCodes.set(ev.message_id, ev.code);
      if (s && !s.finished) failStream(s, ev.code, humanError(ev.code, ev.message));
      break;
    case "ShellCommand":  // a menu item of the desktop window
      window.vibing.command(ev.name);
      break;
    case "AgentsChanged":
      loadPickers();
      break;
    case "ProjectChanged":
      onProjectChanged(ev);
      break;
    case "ServiceDown":
      state.services[ev.service] = "down";
      banner(ev.restarting ? `The ${ev.service} service stopped (${ev.reason}); restarting…` : `The ${ev.service} service stopped: ${ev.reason}`, !ev.restarting);
      renderStatus();
      statusSoon(); // its crash report is written before this event: the notice shows it
      break;
    case "ServiceUp":
      state.services[ev.service] = "ready";
      if (Object.values(state.services).every(isUp)) banner("");
      renderStatus();
      if (state.status?.unseen_crashes?.length) statusSoon(); // "restarting…" becomes "restarted"
      if (ev.service === "agent" || ev.service === "stream") loadPickers();
      if (ev.service === "stream") settleStreams().then(() => state.project && attachRunningStreams());
      break;
  }
}

let projectTimer;
function onProjectChanged(ev) {
  if (state.view === "dashboard") { clearTimeout(projectTimer); projectTimer = setTimeout(loadProjects, 150); return; }
  if (!state.project || ev.project_id !== state.project.id) return;
  if (ev.what === "deleted") { toast("This project was deleted."); location.hash = "#/"; return; }
  if (ev.what === "message" || ev.what === "usage") { if (ev.what === "usage") refreshUsage(); return; }
  if (state.activeStream && (ev.what === "messages")) return; // the stream renders it; reloaded when done
  clearTimeout(projectTimer);
  projectTimer = setTimeout(async () => {
    const filesBefore = JSON.stringify([...state.files.values()].map((f) => [f.path, f.sha256]));
    await reloadProject();
    const filesAfter = JSON.stringify([...state.files.values()].map((f) => [f.path, f.sha256]));
    if (filesBefore !== filesAfter) reloadPreview(true);
    if (!$("#tab-history").classList.contains("hidden")) loadCheckpoints();
  }, 80);
}

function banner(text, bad = false) {
  const b = $("#banner");
  b.textContent = text;
  b.classList.toggle("hidden", !text);
  b.classList.toggle("bad", bad);
}

// "idle": a service started on first use (the local model) is fine until it is needed.
const isUp = (s) => s === "ready" || s === "idle";

function renderStatus() {
  const states = Object.values(state.services);
  const down = Object.entries(state.services).filter(([, v]) => !isUp(v)).map(([k]) => k);
  $("#status-dot").className = "dot " + (!states.length ? "" : down.length ? "warn" : "ok");
  $("#status-text").textContent = !state.connected ? "Reconnecting…" : down.length ? `${down.join(", ")} not ready` : "All services running";
  $("#status-line").title = $("#status-text").textContent;
}

let events;
function connectEvents() {
  events = new EventSource("/events");
  events.addEventListener("hello", () => {
    const wasDown = state.connected === false;
    state.connected = true; renderStatus();
    if (wasDown) { loadStatus(); for (const s of state.streams.values()) if (!s.finished) resync(s); }
  });
  events.onmessage = (m) => { try { onEvent(JSON.parse(m.data)); } catch (e) { console.warn("event", e); } };
  events.onerror = () => { state.connected = false; renderStatus(); };
}

async function loadStatus() {
  try {
    const r = await call("supervisor", "Status", {}, 3);
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

// ---------------------------------------------------------------- notices: a crash, a newer release
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

// The clipboard API where the page may use it; a selected text area otherwise (an older web view). False when
// neither may write to the clipboard.
async function copyText(text, done) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) return false;
  }
  toast(done);
  return true;
}

// A newer release (the supervisor's daily check of the update feed): shown until dismissed for that version.
function renderUpdateNotice() {
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
function setPrefs(settings) {
  state.prefs = settings.values || {};
  if (state.settings && state.settings !== settings) state.settings = { ...state.settings, ...settings };
  return settings;
}

// ---------------------------------------------------------------- settings
async function showSettings(focus = "") {
  setView("settings");
  delete $("#view-settings").dataset.ready; // the fields hold the saved values (and are safe to edit) once set again
  try { state.settings = await shell("settings.get", { keychain: true }); } catch (e) { showError(e); return; }
  state.prefs = state.settings.values;
  const v = state.settings.values;
  $("#settings-where").textContent = `Saved in ${state.settings.config_file}${state.settings.problem ? ` — ${state.settings.problem}` : ""}`;
  $("#set-provider").value = v.provider || "anthropic";
  $("#set-openai-url").value = v.openai_base_url || "";
  $("#set-anthropic-url").value = v.anthropic_base_url || "";
  $("#address-status").textContent = state.info.confirm ? "" : "Addresses change from a terminal here: vibing config set-address anthropic|openai URL";
  $("#address-status").className = "note muted";
  $("#set-openai-model").value = v.openai_model || "";
  $("#set-preview-net").checked = !!v.preview_allow_network;
  applyNetwork({ everywhere: v.preview_allow_network, projects: state.settings.network_projects });
  renderNetworkProjects();
  showProviderFields();
  $("#set-model").value = v.default_model || "";
  $("#set-rate").value = v.rate_limit_per_min || 60;
  $("#set-agents").value = (v.agent_dirs || []).join("\n");
  $("#set-data").value = v.data_dir || "";
  $("#set-data").placeholder = state.info.data_folder || "(default)";
  $("#pick-data").classList.toggle("hidden", !state.info.native?.includes("folder_dialog"));
  $("#pick-agents").classList.toggle("hidden", !state.info.native?.includes("folder_dialog"));
  markTheme(v.theme || "system");
  $("#settings-status").textContent = "";
  $("#key-status").textContent = "";
  $("#key-status").className = "note";
  $("#set-update-check").checked = v.update_check !== false;
  $("#update-about").textContent = `This is Vibing ${state.info.version || ""}. When on, Vibing asks a small feed once a day whether a newer version is out and says so here and in the window; it never downloads or installs anything. A change applies from the next start.`;
  renderKeychain(state.settings, $("#keychain-note"));
  const noKeychain = state.settings.keychain && !state.settings.keychain.available;
  $("#key-intro").classList.toggle("hidden", noKeychain);
  $("#key-save").disabled = noKeychain;
  $("#key-save").title = noKeychain ? "There is no keychain on this computer to save it in: see above" : "";
  if (!state.models.length) loadPickers();
  if (focus === "key") { $("#api-key").scrollIntoView({ block: "center" }); $("#api-key").focus(); }
  if (focus === "openai") {
    $("#set-provider").value = "openai"; showProviderFields();
    $("#set-openai-url").scrollIntoView({ block: "center" }); $("#set-openai-url").focus();
  }
  $("#view-settings").dataset.ready = "1";
}

// Where no keychain exists, what to do instead, said when Settings (or the first-run screen) opens rather than
// when a save fails: the key in the environment, or in the .env file Vibing reads (private: mode 0600).
function renderKeychain(settings, el) {
  const kc = settings.keychain;
  el.classList.toggle("hidden", !kc || kc.available);
  if (!kc || kc.available) return;
  const env = settings.dotenv_file || ".env";
  el.innerHTML = `<strong>There is no keychain on this computer, so Vibing cannot save a key here.</strong>
    <span class="muted"></span>
    <p>Give Vibing your key in one of these ways, then restart Vibing:</p>
    <ul><li>set <code>ANTHROPIC_API_KEY</code> in the environment Vibing starts from, or</li>
    <li>put the line <code>ANTHROPIC_API_KEY=sk-ant-…</code> in <code></code>, readable by you alone: <code></code></li></ul>
    <p class="muted small">Or install and unlock a keychain (GNOME Keyring, KWallet). The Check button tests a key without saving it.</p>`;
  $("span.muted", el).textContent = kc.message.split(". ")[0].replace(/\.?$/, "."); // the why; the how follows
  const codes = $$("li:last-child code", el);
  codes[1].textContent = env;
  codes[2].textContent = `chmod 600 ${env}`;
}
$("#set-update-check").onchange = async () => {
  try { setPrefs(await shell("settings.update", { values: { update_check: $("#set-update-check").checked } })); renderUpdateNotice(); }
  catch (e) { showError(e); }
};
function markTheme(t) { $$("#set-theme button").forEach((b) => b.classList.toggle("on", b.dataset.value === t)); }
$$("#set-theme button").forEach((b) => b.onclick = async () => {
  markTheme(b.dataset.value); applyTheme(b.dataset.value);
  try { await shell("settings.update", { values: { theme: b.dataset.value } }); } catch (e) { showError(e); }
});
function showProviderFields() {
  const openai = $("#set-provider").value === "openai";
  $("#field-base-url").classList.toggle("hidden", !openai);
  $("#field-anthropic-url").classList.toggle("hidden", $("#set-provider").value !== "anthropic");
  $("#field-openai-model").classList.toggle("hidden", !openai);
}
$("#set-provider").onchange = showProviderFields;
$("#set-preview-net").onchange = async () => {
  try {
    state.settings = await shell("settings.update", { values: { preview_allow_network: $("#set-preview-net").checked } });
    applyNetwork({ everywhere: state.settings.values.preview_allow_network, projects: state.settings.network_projects });
    if (state.project) reloadPreview(true);
  } catch (e) { showError(e); }
};
// The projects allowed the network, by name (a project deleted since is still listed, so it can be revoked).
let netListSeq = 0;
async function renderNetworkProjects() {
  const seq = ++netListSeq;
  const ul = $("#net-projects");
  const ids = [...state.network.projects];
  if (!ids.length) { ul.innerHTML = `<li class="muted small">None: every project's preview is offline.</li>`; return; }
  const names = new Map([...(state.recentNames || new Map()), ...state.projects.map((p) => [p.id, p.name])]);
  if (state.project) names.set(state.project.id, state.project.name);
  await Promise.all(ids.filter((id) => !names.has(id)).map(async (id) => {
    try { names.set(id, (await call("storage", "GetProject", { project_id: id })).project.name); } catch (e) { if (e.code !== "NotFound") names.set(id, id); }
  }));
  if (seq !== netListSeq) return;
  ul.innerHTML = "";
  for (const id of ids) {
    const name = names.get(id) || "A deleted project";
    const li = document.createElement("li");
    li.innerHTML = `<span class="name">${escapeHtml(name)}</span><button type="button" class="btn small ghost">Revoke</button>`;
    const b = $("button", li);
    b.setAttribute("aria-label", `Revoke the network for ${name}`);
    b.onclick = async () => {
      try {
        await setProjectNetwork(id, false);
        toast(`“${name}” is offline again.`);
        await renderNetworkProjects();
        ($("#net-projects button") || $("#set-preview-net")).focus();
      } catch (e) { showError(e); }
    };
    ul.appendChild(li);
  }
}
// A provider address is where an API key goes: never part of a settings write. The shell asks the person in a
// native dialog (the window), or refuses and names the terminal command (a browser); the page only shows the answer.
$$(".address-change").forEach((b) => b.onclick = async () => {
  const provider = b.dataset.provider;
  const url = $(provider === "openai" ? "#set-openai-url" : "#set-anthropic-url").value.trim();
  const status = $("#address-status");
  status.textContent = state.info.confirm ? "Waiting for your answer in the dialog…" : "";
  status.className = "note";
  try {
    const r = await shell("settings.address", { provider, url });
    state.settings = r.settings;
    status.textContent = r.message;
    status.className = "note " + (r.changed ? "ok" : "");
  } catch (e) { status.textContent = e.message; status.className = "note bad"; }
  const v = state.settings?.values || {};
  $("#set-openai-url").value = v.openai_base_url || "";
  $("#set-anthropic-url").value = v.anthropic_base_url || "";
});
$("#settings-save").onclick = async () => {
  const values = {
    provider: $("#set-provider").value,
    openai_model: $("#set-openai-model").value.trim() || "llama3.2",
    default_model: $("#set-model").value.trim() || "claude-sonnet-4-5", rate_limit_per_min: parseInt($("#set-rate").value, 10) || 60,
    agent_dirs: $("#set-agents").value.split("\n").map((s) => s.trim()).filter(Boolean), data_dir: $("#set-data").value.trim(),
  };
  const before = new Set(state.settings?.values?.agent_dirs || []);
  const status = $("#settings-status");
  try {
    // New agent folders load at once (the agent service watches them); the rest applies after a restart.
    const problems = [];
    for (const path of values.agent_dirs.filter((p) => !before.has(p))) {
      try { await call("agent", "AddAgentFolder", { path, persist: false }); } catch (e) {
        problems.push(`${path}: ${e.message}`);
        values.agent_dirs = values.agent_dirs.filter((p) => p !== path); // not kept: the shell refused or could not read it
      }
    }
    state.settings = await shell("settings.update", { values });
    const v = state.settings.values;
    if (values.provider !== state.prefs.provider) state.providerOverride = values.provider; // applies now, too
    state.prefs = v;
    if ($("#set-openai-url").value.trim() !== (v.openai_base_url || "") || $("#set-anthropic-url").value.trim() !== (v.anthropic_base_url || "")) {
      problems.push("an address changes only with its Change… button, which asks you to confirm");
    }
    status.textContent = problems.length ? `Saved, but: ${problems.join("; ")}` : "Saved. Model, provider and rate limit apply to new generations after a restart.";
    status.className = problems.length ? "note bad" : "note ok";
  } catch (e) { status.textContent = e.message; status.className = "note bad"; }
};
$("#pick-agents").onclick = async () => {
  try {
    const p = await shell("native", { name: "folder_dialog" });
    if (p && !$("#set-agents").value.split("\n").map((s) => s.trim()).includes(p)) $("#set-agents").value = [$("#set-agents").value.trim(), p].filter(Boolean).join("\n");
  } catch (e) { showError(e); }
};
$("#pick-data").onclick = async () => { try { const p = await shell("native", { name: "folder_dialog" }); if (p) $("#set-data").value = p; } catch (e) { showError(e); } };
$("#key-save").onclick = async () => {
  const key = $("#api-key").value.trim();
  const status = $("#key-status");
  if (!key) { status.textContent = "Paste your key first."; status.className = "note bad"; return; }
  try {
    const r = await call("stream", "SetKey", { key });
    $("#api-key").value = "";
    status.textContent = r.message || "Saved to the keychain.";
    status.className = "note ok";
  } catch (e) {
    status.textContent = e.message;
    status.className = "note bad";
  }
};
$("#key-check").onclick = async () => {
  const status = $("#key-status");
  status.textContent = "Checking…"; status.className = "note";
  const provider = $("#set-provider").value;
  try {
    const r = await call("stream", "CheckKey", { key: $("#api-key").value.trim(), provider, base_url: provider === "openai" ? $("#set-openai-url").value.trim() : "" }, 20);
    status.textContent = r.message + (r.source ? ` (key from the ${r.source})` : "");
    status.className = "note " + (r.ok ? "ok" : "bad");
  } catch (e) { status.textContent = humanError(e.code, e.message); status.className = "note bad"; }
};
$("#settings-export").onclick = async () => {
  try {
    const doc = await shell("settings.export");
    const text = JSON.stringify(doc, null, 2);
    if (state.info.native?.includes("save_text")) {
      const path = await shell("native", { name: "save_text", filename: "vibing-settings.json", text });
      if (path) toast(`Settings exported to ${path}`);
      return;
    }
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    a.download = "vibing-settings.json";
    document.body.appendChild(a); a.click(); a.remove();
  } catch (e) { showError(e); }
};
$("#settings-import").onchange = async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  try {
    const doc = JSON.parse(await file.text());
    await shell("settings.import", { document: doc });
    toast("Settings imported");
    showSettings();
    applyTheme((await shell("settings.get")).values.theme);
  } catch (err) { showError(err instanceof SyntaxError ? new Error("That file is not JSON.") : err); }
  e.target.value = "";
};

// ---------------------------------------------------------------- first run
// Until a provider has answered once, the projects screen gives way to a short choice: an Anthropic key, the
// offline model, or an OpenAI-compatible server, each checked before the first prompt (the stream service's
// CheckKey: a free request to Anthropic, the model list of the server or of the offline model). Once one worked,
// settings.json remembers it and this screen is not shown again.
async function markProviderReady(provider) {
  if (state.prefs.provider_ready) return;
  state.prefs = { ...state.prefs, provider_ready: provider };
  try { setPrefs(await shell("settings.update", { values: { provider_ready: provider } })); } catch (e) { /* asked again next start */ }
}
// The person chose a provider: the default from now on (in the config for the next start; for this window's
// generations at once, since the stream service reads its config when it starts).
async function chooseProvider(provider, extra = {}) {
  state.providerOverride = provider;
  try { setPrefs(await shell("settings.update", { values: { provider, ...extra } })); } catch (e) { showError(e); }
}

async function firstRunCheck() {
  if (state.prefs.provider_ready) return;
  const provider = state.prefs.provider || "anthropic";
  let r;
  try { r = await call("stream", "CheckKey", { provider }, 15); } catch (e) { r = { ok: false, code: e.code }; }
  if (r.ok) { markProviderReady(provider); return; }
  // A key that is there but could not be tried (no network, a hiccup) is not a first run: say nothing.
  if (provider === "anthropic" && !KEY_CODES.includes(r.code)) return;
  state.firstRun = true;
  document.body.dataset.firstRun = "1";
  if (!state.welcomeSkipped && (location.hash === "" || location.hash === "#/" || location.hash === "#")) {
    history.pushState(null, "", "#/welcome"); // shown now (a hash change would route later); Back leads to the projects
    await showWelcome();
  }
}

async function showWelcome() {
  setView("welcome");
  delete $("#view-welcome").dataset.ready;
  document.title = "Welcome — Vibing";
  $("#welcome-status").textContent = "";
  $("#welcome-done").classList.add("hidden");
  let settings = state.settings;
  try { settings = await shell("settings.get", { keychain: true }); state.prefs = settings.values; } catch (e) { /* shown without it */ }
  state.welcomeSettings = settings;
  const v = state.prefs;
  $("#welcome-openai-url").value = v.openai_base_url || "";
  $("#welcome-openai-model").value = v.openai_model || "";
  if (settings) renderKeychain(settings, $("#welcome-keychain"));
  const noKeychain = settings?.keychain && !settings.keychain.available;
  $("#welcome-key-check").textContent = noKeychain ? "Check" : "Check and save";
  const current = $("input[name=welcome-choice]:checked") || $(`input[name=welcome-choice][value="${v.provider || "anthropic"}"]`);
  current.checked = true;
  showChoice();
  current.focus();
  const local = await loadLocalModel();
  $("#choice-local-note").textContent = local.installed
    ? `${local.label}${local.size ? ` (${fmtBytes(local.size)})` : ""} runs on this computer: no key, no internet; a small demo model.`
    : "Not installed here.";
  $("#choice-local-note").closest(".choice").classList.toggle("unavailable", !local.installed);
  showChoice();
  $("#view-welcome").dataset.ready = "1"; // every choice says what it can do here
}
function showChoice() {
  const choice = $("input[name=welcome-choice]:checked")?.value || "anthropic";
  for (const c of ["anthropic", "local", "openai"]) $(`#panel-${c}`).classList.toggle("hidden", c !== choice);
  const local = state.localModel;
  $("#welcome-local-text").textContent = !local ? "Looking for the offline model…" : local.installed
    ? `${local.label} answers on this computer, without a key or the internet. It is small: good for trying Vibing, too small for real apps.`
    : `The offline model is not installed${local.engine ? "" : " (its engine is missing: pip install 'vibing[local]')"}. Add one with \`vibing models add FILE.gguf\`, or pick another way.`;
  $("#welcome-local-use").disabled = !local || !local.installed;
}
$$("input[name=welcome-choice]").forEach((r) => r.addEventListener("change", () => { $("#welcome-status").textContent = ""; showChoice(); }));

function welcomeStatus(text, kind = "") { const el = $("#welcome-status"); el.textContent = text; el.className = `note ${kind}`; }
function welcomeReady(provider, message) {
  markProviderReady(provider);
  state.firstRun = false;
  delete document.body.dataset.firstRun;
  welcomeStatus(`${message} You are ready: describe your first app.`, "ok");
  $("#welcome-done").classList.remove("hidden");
  $("#welcome-done").focus();
}
$("#welcome-key-check").onclick = async () => {
  const key = $("#welcome-key").value.trim();
  const noKeychain = state.welcomeSettings?.keychain && !state.welcomeSettings.keychain.available;
  welcomeStatus("Checking…");
  try {
    const r = await call("stream", "CheckKey", { provider: "anthropic", key }, 20);
    if (!r.ok) { welcomeStatus(humanError(r.code, r.message), "bad"); return; }
    if (key && !noKeychain) {
      await call("stream", "SetKey", { key });
      $("#welcome-key").value = "";
    } else if (key) {
      welcomeStatus(`${r.message} There is no keychain to keep it in: give it to Vibing as shown above, then restart Vibing.`, "bad");
      return;
    }
    await chooseProvider("anthropic");
    welcomeReady("anthropic", key ? "The key works and is saved in the keychain." : r.message);
  } catch (e) { welcomeStatus(humanError(e.code, e.message), "bad"); }
};
$("#welcome-key").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); $("#welcome-key-check").click(); } });
$("#welcome-local-use").onclick = async () => {
  welcomeStatus("Checking the offline model…");
  try {
    const r = await call("stream", "CheckKey", { provider: "local" }, 20);
    if (!r.ok) { welcomeStatus(humanError(r.code, r.message), "bad"); return; }
    await chooseProvider("local");
    welcomeReady("local", `The offline model (${state.localModel?.label || "local"}) is ready.`);
  } catch (e) { welcomeStatus(humanError(e.code, e.message), "bad"); }
};
$("#welcome-openai-check").onclick = async () => {
  const url = $("#welcome-openai-url").value.trim();
  const model = $("#welcome-openai-model").value.trim();
  welcomeStatus("Checking the server…");
  try {
    const r = await call("stream", "CheckKey", { provider: "openai", base_url: url }, 20);
    if (!r.ok) { welcomeStatus(humanError(r.code, r.message), "bad"); return; }
    // A new address is where a key may be sent: it changes only with the person's confirmation (a native dialog).
    if (url && url !== (state.prefs.openai_base_url || "")) {
      const change = await shell("settings.address", { provider: "openai", url });
      if (!change.changed && !/already/.test(change.message)) { welcomeStatus(change.message, "bad"); return; }
    }
    await chooseProvider("openai", model ? { openai_model: model } : {});
    welcomeReady("openai", r.message);
  } catch (e) { welcomeStatus(humanError(e.code, e.message), "bad"); }
};
$("#welcome-skip").onclick = () => { state.welcomeSkipped = true; location.hash = "#/"; };
$("#welcome-done").onclick = () => { location.hash = "#/"; setTimeout(() => $("#new-project-btn").focus(), 0); };

// ---------------------------------------------------------------- shortcuts and menu commands
const SHORTCUTS = [
  ["New project", "N", () => newProject()],
  ["Open a folder as a project", "O", () => openFolder()],
  ["Save a checkpoint", "S", () => saveCheckpoint()],
  ["Export project", "E", () => exportProject()],
  ["Toggle files", "B", () => state.project && toggle("files")],
  ["Toggle preview", "\\", () => state.project && toggle("preview")],
  ["Reload preview", "R", () => state.project && reloadPreview(true)],
  ["Settings", ",", () => { location.hash = "#/settings"; }],
  ["Find", "F", () => find()],
  ["Keyboard shortcuts", "/", () => openModal("#shortcuts-modal")],
];
const COMMANDS = {
  "new-project": newProject, "open-folder": openFolder, "save": saveCheckpoint, "export": exportProject,
  "stop": stopGeneration, "toggle-files": () => state.project && toggle("files"), "toggle-preview": () => state.project && toggle("preview"),
  "reload-preview": () => reloadPreview(true), "settings": () => { location.hash = "#/settings"; }, "find": () => find(),
  "shortcuts": () => openModal("#shortcuts-modal"), "projects": () => { location.hash = "#/"; },
  "toggle-sidebar": () => $("#sidebar").classList.toggle("collapsed"),
  "theme-light": () => setTheme("light"), "theme-dark": () => setTheme("dark"), "theme-system": () => setTheme("system"),
  "undo": () => document.execCommand("undo"), "redo": () => document.execCommand("redo"),
  "about": () => toast(`Vibing ${state.info.version || ""}: describe a web app, a specialist agent writes it.`),
};
window.vibing = { command: (name) => { const f = COMMANDS[name]; if (f) f(); return !!f; } };
async function setTheme(t) { applyTheme(t); markTheme(t); try { await shell("settings.update", { values: { theme: t } }); } catch (e) { showError(e); } }

function find() {
  if (state.view === "project") { location.hash = "#/"; }
  setTimeout(() => { $("#project-search").focus(); $("#project-search").select(); }, 0);
}

function renderShortcuts() {
  const key = isMac ? "⌘" : "Ctrl";
  const rows = SHORTCUTS.map(([label, k]) => `<tr><td>${escapeHtml(label)}</td><td><kbd>${key}</kbd><kbd>${escapeHtml(k)}</kbd></td></tr>`);
  rows.push(`<tr><td>Stop generation</td><td><kbd>Esc</kbd></td></tr>`);
  rows.push(`<tr><td>Send</td><td><kbd>Enter</kbd></td></tr>`);
  rows.push(`<tr><td>New line in a message</td><td><kbd>Shift</kbd><kbd>Enter</kbd></td></tr>`);
  $("#shortcuts-table").innerHTML = rows.join("");
}

document.addEventListener("keydown", (e) => {
  const modalOpen = $$(".modal").some((m) => !m.classList.contains("hidden"));
  if (e.key === "Escape") {
    if (modalOpen) { closeModals(); e.preventDefault(); return; }
    if (state.activeStream) { stopGeneration(); e.preventDefault(); }
    return;
  }
  if (!mod(e) || e.altKey) return;
  const k = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  const hit = SHORTCUTS.find(([, key]) => key === k || (key === "/" && e.key === "?"));
  if (hit && hit[1] === "R" && state.view !== "project") return;
  if (hit) { e.preventDefault(); closeModals(); hit[2](); }
});
$("#shortcuts-btn").onclick = () => openModal("#shortcuts-modal");

// ---------------------------------------------------------------- start
async function start() {
  const t0 = performance.now();
  try { state.info = await shell("info"); } catch (e) {
    banner(e.code === "Forbidden" ? "This page is not signed in: open the sign-in link that `vibing web` printed (press Enter in its terminal for a new one)." : e.message, true);
    return;
  }
  state.recent = state.info.recent || [];
  renderShortcuts();
  connectEvents();
  try {
    const s = await shell("settings.get");
    state.prefs = s.values;
    applyTheme(s.values.theme);
    applyNetwork({ everywhere: s.values.preview_allow_network, projects: s.network_projects });
  } catch (e) { applyTheme("system"); }
  await Promise.all([loadStatus(), loadRecentNames()]);
  await route();
  document.body.dataset.ready = "1";
  firstRunCheck().finally(() => { document.body.dataset.providerChecked = "1"; });
  shell("ready", { first_paint_ms: Math.round(performance.now() - t0), at_ms: Math.round(performance.now()) }).catch(() => {});
  loadPickers();
}
start();
