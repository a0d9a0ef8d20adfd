// The preview (the Preview tab): the generated app in a sandboxed frame on its own origin, reloaded when its files
// change; what the page reports back (errors for "Fix this", notices, what it needs from the network); and the
// network permission, per project (the bar over the frame, the toolbar indicator) or for every project (Settings).
import { shell } from "./bus.js";
import { goSettings } from "./nav.js";
import { onProject } from "./project.js";
import { state } from "./state.js";
import { $, escapeHtml, showError, toast } from "./util.js";

// "Fix this" hands the errors to whoever sends prompts (the chat registers itself), so this module needs no chat.
let fixer = () => {};
export function onFix(fn) { fixer = fn; }

onProject("reset", () => resetPreviewReports());
onProject("opened", () => reloadPreview(true));
onProject("files", () => reloadPreview(true));

// Each project's preview address carries its own secret (the shell derives it), so one generated
// app cannot load another project's files.
export function previewUrl() { return state.project && state.preview?.id === state.project.id ? state.preview.url : ""; }
export function reloadPreview(force = false) {
  const frame = $("#preview");
  const has = state.files.has("index.html");
  $("#preview-empty").classList.toggle("hidden", has);
  $("#preview-url").textContent = has ? "index.html" : "";
  renderNetIndicator();
  if (!has || !previewUrl()) { frame.removeAttribute("src"); loading.now = false; resetPreviewReports(); return; }
  state.previewVersion += 1;
  resetPreviewReports();
  loading.now = true;
  loading.unsure = !frameShown(frame);
  frame.src = `${previewUrl()}?v=${state.previewVersion}`;
}

// Chromium (the window's engine and the browser's) can lose the preview's visibility when the frame is shown or
// hidden while it loads a document. The sandboxed page runs in a process of its own, and a change that crosses the
// commit of its document may never reach it: the page stays as a hidden frame is, never laid out, and the preview
// is blank, even after a reload, until the frame is hidden and shown again. It happens when a person switches tabs
// while the preview reloads behind the History or Code tab (a restore, a save, a generation's files). So a load
// that was not shown all along (it started hidden, or a tab, the pane or the frame's size changed meanwhile) ends
// with the frame hidden for one frame and shown again, once it shows: the page hears that it is visible, and keeps
// its state (a hidden frame is not unloaded). A tab counts whatever it shows: shown and hidden again within one
// frame, the frame's size never changes, and the page may still have heard of it.
const loading = { now: false, unsure: false };
const frameShown = (frame) => frame.offsetWidth > 0 && frame.offsetHeight > 0; // an empty box is not rendered
function unsettled() {
  if (loading.now) loading.unsure = true;
  reshowIfLost();
}
new ResizeObserver(unsettled).observe($("#preview"));
onProject("tab", unsettled);
$("#preview").addEventListener("load", () => { loading.now = false; reshowIfLost(); });
function reshowIfLost() {
  const frame = $("#preview");
  if (loading.now || !loading.unsure || !frameShown(frame)) return;
  loading.unsure = false;
  frame.style.display = "none";
  requestAnimationFrame(() => requestAnimationFrame(() => { frame.style.display = ""; }));
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
export function resetPreviewReports() {
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
export function networkAllowed(id) { return state.network.everywhere || state.network.projects.has(id); }
export function applyNetwork(r) {
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
export async function setProjectNetwork(id, allow) {
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
  if (!state.network.projects.has(state.project.id)) { goSettings(); return; }
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
  fixer(`${prompt}Please fix them.`, { screenshot: !!$("#fix-shot")?.checked }); // with it, when the person agreed (shot.js)
};

