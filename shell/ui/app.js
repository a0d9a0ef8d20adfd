// Vibing's UI: one page of views (projects, project, settings, metrics, first run), talking to the shell's bridge
// over fetch (intents -> bus requests) and Server-Sent Events (bus events): see bus.js. This is the entry module:
// it routes addresses to views, binds the keyboard shortcuts and the menu commands, and starts the page.
// Each view is a module of its own and wires its own controls when imported.
import { connectEvents, on, shell } from "./bus.js";
import { deleteProjectById, loadRecentNames, newProject, showDashboard } from "./dashboard.js";
import { showMetrics } from "./metrics.js";
import { goHome, goProject, goSettings, setRouter } from "./nav.js";
import { loadPickers } from "./pickers.js";
import { applyNetwork, reloadPreview } from "./preview.js";
import { exportProject, openFolder, openProject, togglePane } from "./project.js";
import { setTheme, showSettings } from "./settings.js";
import { state } from "./state.js";
import { banner, loadStatus } from "./status.js";
import { applyTheme } from "./theme.js";
import { $, closeModals, escapeHtml, isMac, mod, modalOpen, openModal, showError, toast } from "./util.js";
import { firstRunCheck, showWelcome } from "./welcome.js";

// ---------------------------------------------------------------- the project's views, loaded after first paint
// project-views.js (the chat, the editor, the file tree, history, workflows, and CodeMirror and markdown-it with
// them) is imported once the projects are listed, so the window's first paint does not wait for it. A project
// opens only once it has loaded (its views register for the project's moments when they load); a key or menu
// command bound to one of its functions waits for it too.
let views = null, loading = null;
function loadProjectViews() {
  loading ||= import("./project-views.js").then((m) => (views = m), (e) => {
    loading = null;  // the next try imports again
    throw new Error(`The project view did not load (${e.message}). Reload the window (Ctrl+R) to try again.`);
  });
  return loading;
}
// Runs fn with the project's views: at once when they have loaded, or once they have.
const withViews = (fn) => (views ? fn(views) : loadProjectViews().then(fn, showError));

// ---------------------------------------------------------------- routing
// The view an address shows, and what it is given.
function target(hash = location.hash || "#/") {
  const m = /^#\/p\/([^/]+)/.exec(hash);
  if (m) return [openProject, decodeURIComponent(m[1])];
  if (hash.startsWith("#/settings")) return [showSettings, hash.slice("#/settings/".length)];
  if (hash.startsWith("#/metrics")) return [showMetrics];
  if (hash.startsWith("#/welcome")) return [showWelcome];
  return [showDashboard];
}
function route() {
  const [view, arg] = target();
  if (view === openProject && !views) return loadProjectViews().then(route, showError);
  return view(arg);
}
setRouter(route);
window.addEventListener("hashchange", route);

// ---------------------------------------------------------------- shortcuts and menu commands
// One table binds the keys, answers the desktop window's menu commands (shell/window.py) and is the shortcuts
// sheet (Ctrl+/), so the sheet cannot list a key that does nothing, nor miss one that works. An entry:
//   id       its row in the sheet (data-shortcut), and the tests' name for it
//   command  the menu command that runs it too
//   label    what it does, as the sheet says it
//   keys     what to press: "Mod" is Ctrl (⌘ on a Mac); none for a menu-only command
//   group    where the keys work: the sheet's heading
//   in       the keys work only in this element (a text box, a card), not around it
//   shows    () => whether this page can do it at all (not listed, and the keys left to the browser, when not)
//   when     (event) => whether it applies now; a Mod key that does not is still kept from the browser, unless
//            browserOtherwise (Ctrl+R outside a project reloads the page, as it always does)
//   native   the element it works in does it by itself: listed, not bound here (Shift+Enter's new line in a text
//            box; the file tree's keys, files.js; the code editor's, CodeMirror's keymap in editor.js)
//   run      (element the keys were pressed in) => ...
// How long after the project's views have loaded their Markdown code starts warming up (the pickers load first).
const WARM_UP_AFTER_MS = 1500;
const inProject = () => state.view === "project" && !!state.project;
const typing = (e) => !e?.isComposing;  // Enter that ends an IME composition commits the text, nothing else
const EVERYWHERE = "Anywhere", PROJECT = "In a project", MESSAGE = "In the message box",
  DESCRIPTION = "In the new project's description", CARD = "On a project card (Projects)",
  TREE = "In the file tree", EDITOR = "In the code editor";
const KEYMAP = [
  { id: "new-project", command: "new-project", label: "New project", keys: ["Mod", "N"], group: EVERYWHERE, run: () => newProject() },
  { id: "open-folder", command: "open-folder", label: "Open a folder as a project", keys: ["Mod", "O"], group: EVERYWHERE,
    shows: () => !!state.info.native?.includes("folder_dialog"), run: () => openFolder() },
  { id: "search", command: "find", label: "Find a project", keys: ["Mod", "F"], group: EVERYWHERE, run: () => find() },
  { id: "settings", command: "settings", label: "Settings", keys: ["Mod", ","], group: EVERYWHERE, run: () => goSettings() },
  { id: "shortcuts", command: "shortcuts", label: "Keyboard shortcuts", keys: ["Mod", "/"], group: EVERYWHERE, run: () => showShortcuts() },
  { id: "close-dialog", label: "Close the dialog", keys: ["Esc"], group: EVERYWHERE, when: () => modalOpen(), run: () => closeModals() },
  { id: "save", command: "save", label: "Save the edited file (or a checkpoint)", keys: ["Mod", "S"], group: PROJECT, when: inProject, run: () => withViews((v) => v.saveCommand()) },
  { id: "export", command: "export", label: "Export project", keys: ["Mod", "E"], group: PROJECT, when: inProject, run: () => exportProject() },
  { id: "toggle-files", command: "toggle-files", label: "Toggle files", keys: ["Mod", "B"], group: PROJECT, when: inProject, run: () => togglePane("files") },
  { id: "toggle-preview", command: "toggle-preview", label: "Toggle preview", keys: ["Mod", "\\"], group: PROJECT, when: inProject, run: () => togglePane("preview") },
  { id: "workflows", command: "workflows", label: "Workflows", keys: ["Mod", "G"], group: PROJECT, when: inProject, run: () => withViews((v) => v.toggleWorkflows()) },
  { id: "new-file", label: "New file (in the folder of the selected file)", keys: ["Mod", "Alt", "N"], group: PROJECT, native: true },
  { id: "pick-element", command: "pick-element", label: "Pick an element in the preview to ask about (Esc cancels)", keys: ["Mod", "I"], group: PROJECT, when: inProject, run: () => withViews((v) => v.togglePick()) },
  { id: "attach-image", command: "attach-image", label: "Attach an image (PNG, JPEG, GIF, WebP) to the message", keys: ["Mod", "U"], group: PROJECT, when: inProject, run: () => withViews((v) => v.openImagePicker()) },
  { id: "reload-preview", command: "reload-preview", label: "Reload preview", keys: ["Mod", "R"], group: PROJECT, when: inProject,
    browserOtherwise: true, run: () => reloadPreview(true) },
  { id: "stop", command: "stop", label: "Stop generation", keys: ["Esc"], group: PROJECT,
    when: () => !!state.activeStream && !modalOpen(), run: () => withViews((v) => v.stopGeneration()) },
  { id: "send", label: "Send the message", keys: ["Enter"], group: MESSAGE, in: "#prompt", when: typing, run: () => { const text = $("#prompt").value; withViews((v) => v.sendPrompt(text)); } },
  { id: "message-newline", label: "New line", keys: ["Shift", "Enter"], group: MESSAGE, in: "#prompt", native: true },
  { id: "create", label: "Create the project", keys: ["Enter"], group: DESCRIPTION, in: "#new-prompt", when: typing, run: () => $("#new-form").requestSubmit() },
  { id: "description-newline", label: "New line", keys: ["Shift", "Enter"], group: DESCRIPTION, in: "#new-prompt", native: true },
  { id: "open-card", label: "Open the project", keys: ["Enter"], group: CARD, in: ".project-card", run: (card) => goProject(card.dataset.id) },
  { id: "delete-card", label: "Delete the project (Undo in the message that follows)", keys: ["Delete"], group: CARD, in: ".project-card",
    run: (card) => deleteProjectById(card.dataset.id) },
  { id: "rename-file", label: "Rename the file or folder", keys: ["F2"], group: TREE, native: true },
  { id: "delete-file", label: "Delete the file or folder (Undo in the message that follows)", keys: ["Delete"], group: TREE, native: true },
  { id: "editor-find", label: "Find in the file", keys: ["Mod", "F"], group: EDITOR, native: true },
  { id: "editor-replace", label: "Find and replace", keys: ["Mod", "H"], group: EDITOR, native: true },
  { id: "editor-undo", label: "Undo", keys: ["Mod", "Z"], group: EDITOR, native: true },
  { id: "editor-redo", label: "Redo", keys: ["Mod", "Shift", "Z"], group: EDITOR, native: true },
  // the menus' other commands: no keys
  { command: "projects", run: () => goHome() },
  { command: "attach-screenshot", when: inProject, run: () => withViews((v) => v.captureShot()) },
  { command: "toggle-sidebar", run: () => $("#sidebar").classList.toggle("collapsed") },
  { command: "theme-light", run: () => setTheme("light") },
  { command: "theme-dark", run: () => setTheme("dark") },
  { command: "theme-system", run: () => setTheme("system") },
  { command: "about", run: () => toast(`Vibing ${state.info.version || ""}: describe a web app, a specialist agent writes it.`) },
];
const shown = (entry) => !entry.shows || entry.shows();

// A menu command of the desktop window: whether it is one.
function command(name) {
  const entry = KEYMAP.find((x) => x.command === name);
  if (!entry || !shown(entry)) return false;
  if (!entry.when || entry.when()) entry.run(document.activeElement);
  return true;
}
window.vibing = { command };
on("ShellCommand", (ev) => command(ev.name));

// Whether ``e`` is ``keys``. With Mod, Shift is not asked for and may be held (Ctrl+? is Ctrl+Shift+/ on many
// layouts); without, it must be as written (Enter sends, Shift+Enter does not).
const KEY_NAMES = { Esc: "Escape" };
function pressed(keys, e) {
  const main = keys[keys.length - 1];
  const withMod = keys.includes("Mod");
  if (e.altKey || mod(e) !== withMod || (isMac ? e.ctrlKey : e.metaKey)) return false;
  if (!withMod && e.shiftKey !== keys.includes("Shift")) return false;
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key;
  return key === (KEY_NAMES[main] || main) || (main === "/" && key === "?");
}

document.addEventListener("keydown", (e) => {
  if (e.defaultPrevented) return;
  const target = e.target instanceof Element ? e.target : null;
  let claimed = false;
  for (const entry of KEYMAP) {
    if (!entry.keys || entry.native || !shown(entry) || !pressed(entry.keys, e)) continue;
    if (entry.in && !(target && target.matches(entry.in))) continue;
    if (entry.when && !entry.when(e)) { claimed ||= entry.keys.includes("Mod") && !entry.browserOtherwise; continue; }
    e.preventDefault();
    if (entry.keys.includes("Mod")) closeModals();
    entry.run(target);
    return;
  }
  if (claimed) e.preventDefault(); // the app's key, with nothing to do here: not the browser's (Ctrl+S: save the page)
});

function find() {
  if (state.view === "project") goHome();
  setTimeout(() => { $("#project-search").focus(); $("#project-search").select(); }, 0);
}

// The sheet: the table's entries with keys that this page can do, by where they work, in the table's order.
function renderShortcuts() {
  const name = (k) => (k === "Mod" ? (isMac ? "⌘" : "Ctrl") : k);
  const groups = new Map();
  for (const entry of KEYMAP) {
    if (!entry.keys || !shown(entry)) continue;
    if (!groups.has(entry.group)) groups.set(entry.group, []);
    groups.get(entry.group).push(entry);
  }
  $("#shortcuts-table").innerHTML = [...groups].map(([group, entries]) => `<tbody>
    <tr><th colspan="2" scope="colgroup">${escapeHtml(group)}</th></tr>
    ${entries.map((x) => `<tr data-shortcut="${escapeHtml(x.id)}"><td>${escapeHtml(x.label)}</td><td>${x.keys.map((k) => `<kbd>${escapeHtml(name(k))}</kbd>`).join("")}</td></tr>`).join("")}
  </tbody>`).join("");
}
function showShortcuts() { renderShortcuts(); openModal("#shortcuts-modal"); }
$("#shortcuts-btn").onclick = () => showShortcuts();

// ---------------------------------------------------------------- start
async function start() {
  const t0 = performance.now();
  const [info, settings] = await Promise.allSettled([shell("info"), shell("settings.get")]);
  if (info.status === "rejected") {
    const e = info.reason;
    banner(e.code === "Forbidden" ? "This page is not signed in: open the sign-in link that `vibing web` printed (press Enter in its terminal for a new one)." : e.message, true);
    return;
  }
  state.info = info.value;
  state.recent = state.info.recent || [];
  connectEvents();
  if (settings.status === "fulfilled") {
    state.prefs = settings.value.values;
    applyTheme(settings.value.values.theme);
    applyNetwork({ everywhere: settings.value.values.preview_allow_network, projects: settings.value.network_projects });
  } else applyTheme("system");
  // The projects screen needs neither the services' status nor the recent projects' names: it is asked for with
  // them. Another view may (a project opened moves it to the front of the recent ones): it waits for them.
  const dashboard = target()[0] === showDashboard ? route() : null;
  await Promise.all([loadStatus(), loadRecentNames(), dashboard]);
  if (!dashboard) await route();
  document.body.dataset.ready = "1";
  firstRunCheck().finally(() => { document.body.dataset.providerChecked = "1"; });
  shell("ready", { first_paint_ms: Math.round(performance.now() - t0), at_ms: Math.round(performance.now()) }).catch(() => {});
  loadPickers();
  // The project's views load now that the projects are on screen; their Markdown and highlighting code warms up a
  // little later, while the window is idle, not during the first answer.
  loadProjectViews().then((v) => setTimeout(v.warmUp, WARM_UP_AFTER_MS), () => {});
}
start();
