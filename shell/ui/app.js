// Vibing's UI: one page of views (projects, project, settings, metrics, first run), talking to the shell's bridge
// over fetch (intents -> bus requests) and Server-Sent Events (bus events): see bus.js. This is the entry module:
// it routes addresses to views, binds the keyboard shortcuts and the menu commands, and starts the page.
// Each view is a module of its own and wires its own controls when imported.
import { connectEvents, on, shell } from "./bus.js";
import { stopGeneration } from "./chat.js";
import { loadRecentNames, newProject, showDashboard } from "./dashboard.js";
import { editorCommand, saveCommand } from "./code.js";
import "./files.js";
import { showMetrics } from "./metrics.js";
import { setRouter } from "./nav.js";
import { loadPickers } from "./pickers.js";
import { applyNetwork, reloadPreview } from "./preview.js";
import { exportProject, openFolder, openProject, togglePane } from "./project.js";
import { setTheme, showSettings } from "./settings.js";
import { state } from "./state.js";
import { banner, loadStatus } from "./status.js";
import { applyTheme } from "./theme.js";
import { $, $$, closeModals, escapeHtml, isMac, mod, openModal, toast } from "./util.js";
import "./versions.js";
import { firstRunCheck, showWelcome } from "./welcome.js";
import { toggleWorkflows } from "./workflows.js";

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
setRouter(route);
window.addEventListener("hashchange", route);

// ---------------------------------------------------------------- shortcuts and menu commands
const SHORTCUTS = [
  ["New project", "N", () => newProject()],
  ["Open a folder as a project", "O", () => openFolder()],
  ["Save the edited file (or a checkpoint)", "S", () => saveCommand()],
  ["Export project", "E", () => exportProject()],
  ["Toggle files", "B", () => state.project && togglePane("files")],
  ["Toggle preview", "\\", () => state.project && togglePane("preview")],
  ["Workflows", "G", () => state.project && toggleWorkflows()],
  ["Reload preview", "R", () => state.project && reloadPreview(true)],
  ["Settings", ",", () => { location.hash = "#/settings"; }],
  ["Find", "F", () => find()],
  ["Keyboard shortcuts", "/", () => openModal("#shortcuts-modal")],
];
const COMMANDS = {
  "new-project": newProject, "open-folder": openFolder, "save": saveCommand, "export": exportProject,
  "stop": stopGeneration, "toggle-files": () => state.project && togglePane("files"), "toggle-preview": () => state.project && togglePane("preview"),
  "workflows": () => state.project && toggleWorkflows(),
  "reload-preview": () => reloadPreview(true), "settings": () => { location.hash = "#/settings"; }, "find": () => find(),
  "shortcuts": () => openModal("#shortcuts-modal"), "projects": () => { location.hash = "#/"; },
  "toggle-sidebar": () => $("#sidebar").classList.toggle("collapsed"),
  "theme-light": () => setTheme("light"), "theme-dark": () => setTheme("dark"), "theme-system": () => setTheme("system"),
  "undo": () => editorCommand("undo") || document.execCommand("undo"),
  "redo": () => editorCommand("redo") || document.execCommand("redo"),
  "about": () => toast(`Vibing ${state.info.version || ""}: describe a web app, a specialist agent writes it.`),
};
window.vibing = { command: (name) => { const f = COMMANDS[name]; if (f) f(); return !!f; } };
on("ShellCommand", (ev) => window.vibing.command(ev.name)); // a menu item of the desktop window

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
  if (e.defaultPrevented) return; // the code editor's own keys (Ctrl+F: its search) are not the app's
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
