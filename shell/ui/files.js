// The project's files: the tree in the files pane and what a person does with them there.
//
// The tree is an ARIA tree (role tree / treeitem / group) with one tab stop: arrows move (Right opens a folder or
// goes into it, Left closes it or goes up), Home/End, Enter opens a file in the Code tab (or opens and closes a
// folder), F2 renames, Delete deletes, Shift+F10 or the context-menu key opens the item's menu (a right-click too).
// New file: the pane's + button or Ctrl+Alt+N, a name field in the tree; storage's refusal (a bad name, a file
// that exists) is shown under the field in its own words. Deleting says "Deleted x · Undo", and Undo writes the
// file back through storage (CreateFile with its old content: a new version). Download saves one file: the window's
// own save dialog when there is one, else a link with the file's name.
//
// Files dropped from the desktop (or picked with "Upload files"), folders walked with webkitGetAsEntry, each file
// checked by storage as it is written: the ones storage accepts land, without a version each, and then one version
// records them all ("Added 3 files"); the ones refused (not text, too large, a bad name) are listed with their
// reasons in one message. Files that exist already are replaced only if the person says so (one question for all).
import { call, on, shell } from "./bus.js";
import { ask } from "./ask.js";
import { clearFile, isDirty, onEditorChange, showFile } from "./code.js";
import { onProject, reloadProject, showTab, tabShown, togglePane } from "./project.js";
import { state } from "./state.js";
import { $, $$, fmtBytes, mod, node, showError, toast } from "./util.js";

// Larger than this a file cannot reach storage from the page at all (the window's requests are 8 MB at most).
const SEND_LIMIT = 7 * 1024 * 1024;
// Folders of tools, never of the app: a dropped project folder is added without them (and the message says so).
const SKIP_DIRS = new Set([".git", "node_modules", "__pycache__", ".venv", ".hg", ".svn"]);
const SKIP_FILES = new Set([".DS_Store", "Thumbs.db", "desktop.ini"]);

const tree = () => $("#file-tree");
const collapsed = new Set();  // folders the person closed
let focusKey = "";            // the tree's tab stop: "f:<path>" or "d:<folder>"
let editing = null;           // the name field open in the tree: { kind: "new" | "rename", ... }
let renderWanted = false;     // a render asked for while the name field was open
let drawn = "";               // what the tree was last drawn from (see renderTree)

const fileKey = (path) => `f:${path}`;
const dirKey = (dir) => `d:${dir}`;
const baseName = (path) => path.slice(path.lastIndexOf("/") + 1);
const parentOf = (path) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

// -- the tree
// Folders and files as nested nodes: { dirs: Map(name -> node), files: [path] }.
function buildNodes(paths) {
  const root = { dirs: new Map(), files: [] };
  for (const path of paths) {
    let at = root;
    const parts = path.split("/");
    parts.slice(0, -1).forEach((part, i) => {
      if (!at.dirs.has(part)) at.dirs.set(part, { dirs: new Map(), files: [], path: parts.slice(0, i + 1).join("/") });
      at = at.dirs.get(part);
    });
    at.files.push(path);
  }
  return root;
}

// Drawn again only when what it shows changed: a reload asks twice (the editor's "dirty" moment, then the reload's
// own), and every generation ends with one; rebuilding the same items is style and layout for nothing.
export function renderTree() {
  if (editing) { renderWanted = true; return; }
  const ul = tree();
  const hadFocus = ul.contains(document.activeElement);
  const paths = [...state.files.keys()];
  const drawing = JSON.stringify([[...state.files.values()].map((f) => [f.path, f.size]), state.selectedFile,
    [...state.writing], paths.filter(isDirty), [...collapsed]]);
  if (drawing === drawn) return;
  drawn = drawing;
  const total = [...state.files.values()].reduce((n, f) => n + (f.size || 0), 0);
  $("#file-count").textContent = paths.length ? `${paths.length} · ${fmtBytes(total)}` : "";
  ul.innerHTML = "";
  if (!paths.length) {
    const li = node("li", "tree-empty muted small", "No files yet");
    li.setAttribute("role", "none");
    ul.append(li);
    return;
  }
  renderLevel(ul, buildNodes(paths), 1);
  const items = allItems();
  if (!items.some((el) => el.dataset.key === focusKey)) {
    focusKey = state.selectedFile && state.files.has(state.selectedFile) ? fileKey(state.selectedFile) : items[0].dataset.key;
  }
  const stop = itemByKey(focusKey) && visible(itemByKey(focusKey)) ? itemByKey(focusKey) : visibleItems()[0];
  stop.tabIndex = 0;
  if (hadFocus) stop.focus();
}

function renderLevel(ul, level, depth) {
  // files first (index.html stays on top), then folders, each by name
  const files = [...level.files].sort((a, b) => a.localeCompare(b));
  const dirs = [...level.dirs.values()].sort((a, b) => a.path.localeCompare(b.path));
  const size = files.length + dirs.length;
  let pos = 0;
  for (const path of files) ul.append(fileItem(path, depth, ++pos, size));
  for (const dir of dirs) {
    const open = !collapsed.has(dir.path);
    const li = item(dirKey(dir.path), depth, ++pos, size);
    li.dataset.dir = dir.path;
    li.classList.add("dir");
    li.setAttribute("aria-expanded", String(open));
    li.setAttribute("aria-label", `${baseName(dir.path)}, folder`);
    const row = node("span", "row");
    row.append(node("span", "twisty"), node("span", "name", baseName(dir.path)));
    const group = node("ul");
    group.setAttribute("role", "group");
    group.hidden = !open;
    renderLevel(group, dir, depth + 1);
    li.append(row, group);
    ul.append(li);
  }
}

function item(key, depth, pos, size) {
  const li = node("li");
  li.setAttribute("role", "treeitem");
  li.setAttribute("aria-level", String(depth));
  li.setAttribute("aria-posinset", String(pos));
  li.setAttribute("aria-setsize", String(size));
  li.dataset.key = key;
  li.tabIndex = -1;
  li.style.setProperty("--depth", String(depth - 1));
  return li;
}

function fileItem(path, depth, pos, size) {
  const li = item(fileKey(path), depth, pos, size);
  li.dataset.path = path;
  const selected = path === state.selectedFile;
  li.setAttribute("aria-selected", String(selected));
  if (selected) li.classList.add("active");
  if (state.writing.has(path)) li.classList.add("writing");
  const name = baseName(path);
  const ext = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).slice(0, 4) : "";
  const row = node("span", "row");
  // the extension is decoration (the name says it): drawn by CSS from data-ext, so the item's visible text is its
  // name alone and matches what a screen reader says (its aria-label)
  const badge = node("span", "ext");
  badge.dataset.ext = ext;
  badge.setAttribute("aria-hidden", "true");
  row.append(badge, node("span", "name", name));
  const dirty = isDirty(path);
  if (dirty) { const dot = node("span", "dirty-dot"); dot.title = "Unsaved changes"; dot.setAttribute("aria-hidden", "true"); row.append(dot); }
  li.append(row);
  li.setAttribute("aria-label", `${name}${dirty ? ", unsaved changes" : ""}${state.writing.has(path) ? ", being written" : ""}`);
  return li;
}

const allItems = () => $$("[role=treeitem]", tree());
const visible = (el) => !el.parentElement.closest("ul[hidden]");
const visibleItems = () => allItems().filter(visible);
const itemByKey = (key) => allItems().find((el) => el.dataset.key === key);

function focusItem(el) {
  if (!el) return;
  allItems().forEach((x) => { x.tabIndex = -1; });
  el.tabIndex = 0;
  focusKey = el.dataset.key;
  el.focus();
}

// However an item got the focus (the tree's own keys and clicks go through focusItem; a screen reader's cursor or a
// script's focus() do not), it is the tab stop, so that a redraw of the tree keeps the focus where it is.
tree().addEventListener("focusin", (e) => {
  const item = e.target.closest("[role=treeitem]");
  if (item?.dataset.key) focusKey = item.dataset.key;
});

function toggleFolder(dir, open) {
  if (open === undefined) open = collapsed.has(dir);
  if (open) collapsed.delete(dir); else collapsed.add(dir);
  const el = itemByKey(dirKey(dir));
  if (el) { el.setAttribute("aria-expanded", String(open)); el.querySelector(":scope > ul").hidden = !open; }
}

// A file gained or lost unsaved edits (code.js). After the task's other work: in a reload the editor tells before
// this module has picked the selected file, and the tree is then drawn once, not twice.
onEditorChange(() => queueMicrotask(renderTree));

// The selected file in the code view (or nothing, when no file is selected). While the Code tab is hidden it is
// drawn when the tab shows: building an editor no one sees made the reload at the end of every first generation
// a long task (tens of ms of CodeMirror in the task that also redraws the chat and the tree).
let codeStale = false;
function renderCode() {
  codeStale = !tabShown("code");
  if (codeStale) return;
  const f = state.files.get(state.selectedFile);
  if (f) showFile(f.path, f.content); else clearFile();
}

export function openFile(path, { tab = true } = {}) {
  state.selectedFile = path;
  focusKey = fileKey(path);
  $$("[role=treeitem][data-path]", tree()).forEach((el) => {
    const on = el.dataset.path === path;
    el.classList.toggle("active", on);
    el.setAttribute("aria-selected", String(on));
  });
  renderCode();
  if (tab) showTab("code");
}

tree().setAttribute("role", "tree");
tree().setAttribute("aria-label", "Project files");

tree().addEventListener("click", (e) => {
  const el = e.target.closest("[role=treeitem]");
  if (!el || e.target.closest(".tree-edit")) return;
  focusItem(el);
  if (el.dataset.dir !== undefined) toggleFolder(el.dataset.dir);
  else openFile(el.dataset.path);
});
tree().addEventListener("contextmenu", (e) => {
  const el = e.target.closest("[role=treeitem]");
  if (!el) return;
  e.preventDefault();
  focusItem(el);
  openMenu(el, e.clientX, e.clientY);
});

tree().addEventListener("keydown", (e) => {
  if (e.target.closest(".tree-edit")) return;  // the name field's keys are its own
  const el = e.target.closest("[role=treeitem]");
  if (!el || e.altKey || e.ctrlKey || e.metaKey) return;
  const items = visibleItems();
  const at = items.indexOf(el);
  const dir = el.dataset.dir;
  const isDir = dir !== undefined;
  const open = isDir && el.getAttribute("aria-expanded") === "true";
  let handled = true;
  switch (e.key) {
    case "ArrowDown": focusItem(items[Math.min(items.length - 1, at + 1)]); break;
    case "ArrowUp": focusItem(items[Math.max(0, at - 1)]); break;
    case "Home": focusItem(items[0]); break;
    case "End": focusItem(items[items.length - 1]); break;
    case "ArrowRight":
      if (isDir && !open) toggleFolder(dir, true);
      else if (isDir) focusItem(el.querySelector(":scope > ul > [role=treeitem]"));
      break;
    case "ArrowLeft":
      if (isDir && open) toggleFolder(dir, false);
      else focusItem(el.parentElement.closest("[role=treeitem]"));
      break;
    case "Enter": case " ":
      if (isDir) toggleFolder(dir); else openFile(el.dataset.path);
      break;
    case "F2": startRename(el); break;
    case "Delete": isDir ? deleteFolder(dir) : deleteFile(el.dataset.path); break;
    case "ContextMenu": openMenu(el); break;
    case "F10": if (e.shiftKey) openMenu(el); else handled = false; break;
    default: handled = false;
  }
  if (handled) { e.preventDefault(); e.stopPropagation(); }
});

// -- the item's menu
let menu = null;
function closeMenu(back) {
  if (!menu) return;
  menu.remove();
  menu = null;
  document.removeEventListener("pointerdown", outsideMenu, true);
  if (back) back.focus();
}
function outsideMenu(e) { if (menu && !menu.contains(e.target)) closeMenu(); }

function openMenu(el, x, y) {
  closeMenu();
  const dir = el.dataset.dir;
  const path = el.dataset.path;
  const entries = dir !== undefined
    ? [["New file here", "", () => startNew(dir)], ["Rename…", "F2", () => startRename(el)], ["Delete folder", "Del", () => deleteFolder(dir)]]
    : [["Open", "Enter", () => openFile(path)], ["Rename…", "F2", () => startRename(el)], ["Download", "", () => downloadFile(path)],
      ["Delete", "Del", () => deleteFile(path)]];
  menu = node("ul", "tree-menu");
  menu.setAttribute("role", "menu");
  menu.setAttribute("aria-label", `${dir !== undefined ? "Folder" : "File"} ${baseName(dir ?? path)}`);
  for (const [label, key, run] of entries) {
    const li = node("li");
    li.setAttribute("role", "menuitem");
    li.tabIndex = -1;
    li.append(node("span", "", label));
    if (key) li.append(node("kbd", "", key));
    li.onclick = () => { closeMenu(el); run(); };
    menu.append(li);
  }
  document.body.append(menu);
  const box = el.querySelector(".row").getBoundingClientRect();
  const left = x ?? box.left + 24, top = y ?? box.bottom;
  menu.style.left = `${Math.min(left, innerWidth - menu.offsetWidth - 8)}px`;
  menu.style.top = `${Math.min(top, innerHeight - menu.offsetHeight - 8)}px`;
  const items = $$("[role=menuitem]", menu);
  items[0].focus();
  menu.addEventListener("keydown", (e) => {
    const at = items.indexOf(document.activeElement);
    if (e.key === "ArrowDown") items[(at + 1) % items.length].focus();
    else if (e.key === "ArrowUp") items[(at - 1 + items.length) % items.length].focus();
    else if (e.key === "Home") items[0].focus();
    else if (e.key === "End") items[items.length - 1].focus();
    else if (e.key === "Enter" || e.key === " ") items[at]?.click();
    else if (e.key === "Escape" || e.key === "Tab") closeMenu(el);
    else return;
    e.preventDefault();
    e.stopPropagation();
  });
  document.addEventListener("pointerdown", outsideMenu, true);
}

// -- a name field in the tree: a new file's name, or a new name for a file or a folder
function nameField({ value, label, where, onSubmit, selectBase = true }) {
  cancelEditing();
  const box = node("div", "tree-edit");
  const input = node("input");
  input.value = value;
  input.setAttribute("aria-label", label);
  input.spellcheck = false;
  input.autocomplete = "off";
  const error = node("p", "tree-error");
  error.id = `tree-error-${Date.now()}`;
  error.setAttribute("role", "alert");
  input.setAttribute("aria-describedby", error.id);
  box.append(input, error);
  const container = where(box);
  editing = { container, input, back: document.activeElement };
  input.focus();
  const base = value.slice(value.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  const start = value.length - base.length;
  if (selectBase) input.setSelectionRange(start, dot > 0 ? start + dot : value.length);
  else input.setSelectionRange(value.length, value.length);
  let busy = false;
  input.addEventListener("keydown", async (e) => {
    if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); cancelEditing(true); return; }
    if (e.key !== "Enter" || e.isComposing) return;
    e.preventDefault();
    e.stopPropagation();
    if (busy) return;
    busy = true;
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    try {
      const problem = await onSubmit(input.value.trim());
      if (problem) { error.textContent = problem; input.setAttribute("aria-invalid", "true"); input.focus(); }
    } finally { busy = false; }
  });
  input.addEventListener("blur", () => {
    // clicking elsewhere cancels (nothing is created or renamed without Enter); a refusal stays until Esc or a good name
    setTimeout(() => { if (editing?.input === input && !error.textContent && document.activeElement !== input) cancelEditing(); }, 0);
  });
}

function cancelEditing(refocus = false) {
  if (!editing) return;
  const { container, back } = editing;
  editing = null;
  container.remove();
  $$(".renaming", tree()).forEach((el) => el.classList.remove("renaming"));
  if (renderWanted) { renderWanted = false; renderTree(); }
  if (refocus) (itemByKey(focusKey) || (back?.isConnected ? back : null))?.focus();
}

// What storage said, or the sentence a person needs when there is nothing to send.
const refusal = (e) => e.message || String(e);

export function startNew(folder = "") {
  if (!state.project) return;
  if ($("#files-pane").classList.contains("hidden")) togglePane("files");
  if (folder) toggleFolder(folder, true);
  nameField({
    value: folder ? `${folder}/` : "",
    label: "New file name (Enter creates it, Esc cancels)",
    selectBase: false,
    where: (box) => {
      const li = node("li", "tree-edit-row");
      li.setAttribute("role", "none");
      li.append(box);
      tree().prepend(li);
      return li;
    },
    onSubmit: async (path) => {
      if (!path) return "Type a name for the file, like about.html or css/site.css.";
      if (path.endsWith("/")) return "That is a folder's name: add the file's name after the /, like css/site.css.";
      try {
        await call("storage", "CreateFile", { project_id: state.project.id, path, content: "" });
      } catch (e) { return refusal(e); }
      cancelEditing();
      await reloadProject();
      openFile(path);
      toast(`Created ${path}`);
      return "";
    },
  });
}

function startRename(el) {
  const dir = el.dataset.dir;
  const isDir = dir !== undefined;
  const from = isDir ? dir : el.dataset.path;
  el.classList.add("renaming");
  nameField({
    value: from,
    label: `New name for ${isDir ? "the folder" : ""} ${from} (Enter renames, Esc cancels)`.replace("  ", " "),
    selectBase: !isDir,
    where: (box) => { el.querySelector(".row").after(box); return box; },
    onSubmit: async (to) => {
      to = to.replace(/\/+$/, "");
      if (!to) return `Type the new name, like ${isDir ? "styles" : "about.html"}.`;
      if (to === from) { cancelEditing(true); return ""; }
      try {
        if (isDir) {
          const moved = [...state.files.keys()].filter((p) => p.startsWith(`${from}/`));
          const ops = moved.map((p) => ({ type: "FileOp", op: "rename", path: p, new_path: to + p.slice(from.length) }));
          await call("storage", "ApplyFileBatch", { project_id: state.project.id, ops, label: `Renamed the folder ${from} to ${to}` });
          if (collapsed.delete(from)) collapsed.add(to);
          focusKey = dirKey(to);
          if (state.selectedFile.startsWith(`${from}/`)) state.selectedFile = to + state.selectedFile.slice(from.length);
        } else {
          await call("storage", "RenameFile", { project_id: state.project.id, path: from, new_path: to });
          focusKey = fileKey(to);
          if (state.selectedFile === from) state.selectedFile = to;
        }
      } catch (e) { return refusal(e); }
      cancelEditing();
      await reloadProject();
      itemByKey(focusKey)?.focus();
      toast(`Renamed ${from} to ${to}`);
      return "";
    },
  });
}

// -- delete, with Undo through storage
async function deleteFile(path) {
  if (!state.project) return;
  const projectId = state.project.id;
  let content;
  try {
    content = (await call("storage", "ReadFile", { project_id: projectId, path })).file.content;
    await call("storage", "DeleteFile", { project_id: projectId, path });
  } catch (e) { showError(e); return; }
  moveFocusAway(fileKey(path));
  await reloadProject();
  toast(`Deleted ${path}`, {
    action: "Undo", ms: 10000,
    onAction: async () => {
      try {
        await call("storage", "CreateFile", { project_id: projectId, path, content });
        toast(`${path} is back`);
        if (state.project?.id === projectId) { await reloadProject(); focusKey = fileKey(path); }
      } catch (e) { showError(e); }
    },
  });
}

async function deleteFolder(dir) {
  if (!state.project) return;
  const projectId = state.project.id;
  const paths = [...state.files.keys()].filter((p) => p.startsWith(`${dir}/`));
  if (!paths.length) return;
  let saved;
  try {
    saved = await Promise.all(paths.map((path) => call("storage", "ReadFile", { project_id: projectId, path }).then((r) => r.file)));
    await call("storage", "ApplyFileBatch", {
      project_id: projectId, label: `Deleted the folder ${dir}`, ops: paths.map((path) => ({ type: "FileOp", op: "delete", path })),
    });
  } catch (e) { showError(e); return; }
  moveFocusAway(dirKey(dir));
  await reloadProject();
  toast(`Deleted ${dir}/ (${plural(paths.length, "file")})`, {
    action: "Undo", ms: 10000,
    onAction: async () => {
      try {
        await call("storage", "ApplyFileBatch", {
          project_id: projectId, label: `Brought back the folder ${dir}`,
          ops: saved.map((f) => ({ type: "FileOp", op: "create", path: f.path, content: f.content })),
        });
        toast(`${dir}/ is back`);
        if (state.project?.id === projectId) await reloadProject();
      } catch (e) { showError(e); }
    },
  });
}

// The focus goes to the item after the one deleted (or before it), so the keyboard carries on from there.
function moveFocusAway(key) {
  const gone = key.slice(2);
  const inside = (el) => key.startsWith("d:") && el.dataset.key.slice(2).startsWith(`${gone}/`);
  const items = visibleItems();
  const at = items.findIndex((el) => el.dataset.key === key);
  const next = items.slice(at + 1).find((el) => !inside(el)) || items[at - 1];
  const hadFocus = tree().contains(document.activeElement);
  if (next) focusKey = next.dataset.key;
  if (hadFocus) requestAnimationFrame(() => itemByKey(focusKey)?.focus());
}

// -- download one file
export async function downloadFile(path) {
  if (!state.project) return;
  let content;
  try { content = (await call("storage", "ReadFile", { project_id: state.project.id, path })).file.content; }
  catch (e) { showError(e); return; }
  const name = baseName(path);
  if (state.info.native?.includes("save_text")) {
    try {
      const saved = await shell("native", { name: "save_text", filename: name, text: content });
      if (saved) toast(`Saved ${name} to ${saved}`);
    } catch (e) { showError(e); }
    return;
  }
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([content], { type: "text/plain;charset=utf-8" }));
  a.download = name;
  a.className = "hidden";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

// -- the pane's buttons and the new-file key
$("#new-file-btn").onclick = () => startNew(folderOfFocus());
$("#upload-btn").onclick = () => $("#upload-input").click();
$("#upload-input").addEventListener("change", async (e) => {
  const picked = [...e.target.files];
  e.target.value = "";
  if (picked.length) await addFiles(picked.map((file) => ({ path: file.name, file })), [], "");
});
// The folder the focused item is in (or is): where a new file goes.
function folderOfFocus() {
  if (focusKey.startsWith("d:")) return focusKey.slice(2);
  return focusKey.startsWith("f:") ? parentOf(focusKey.slice(2)) : "";
}
document.addEventListener("keydown", (e) => {
  if (e.defaultPrevented || !mod(e) || !e.altKey || e.shiftKey || e.key.toLowerCase() !== "n") return;
  if (state.view !== "project" || !state.project) return;
  e.preventDefault();
  startNew(tree().contains(document.activeElement) ? folderOfFocus() : "");
});

onProject("reset", () => {
  cancelEditing();
  closeMenu();
  tree().innerHTML = "";
  drawn = "";
  state.selectedFile = "";
  focusKey = "";
  collapsed.clear();
  $("#drop-report").classList.add("hidden");
});
onProject("tab", (name) => { if (name === "code" && codeStale) renderCode(); });
onProject("applied", (detail) => {
  if (!state.selectedFile || !state.files.has(state.selectedFile)) {
    state.selectedFile = state.files.has("index.html") ? "index.html" : (detail.files[0] || {}).path || "";
  }
  renderTree();
  renderCode();
});

// A generation marks the files it writes until it is done.
on("GenerationFile", (ev) => {
  if (!state.project || ev.project_id !== state.project.id) return;
  state.writing.add(ev.path);
  renderTree();
});
on("GenerationDone", (ev) => {
  if (state.project && ev.project_id === state.project.id) state.writing = new Set();
});

// -- files from the desktop: dropped (files or whole folders) or picked with "Upload files"
const dropZone = $("#workspace");
const carriesFiles = (dt) => !!dt && [...dt.types].includes("Files");
dropZone.addEventListener("dragover", (e) => {
  if (!state.project || !carriesFiles(e.dataTransfer)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = "copy";
  $("#files-pane").classList.add("dragging");
  const dir = e.target.closest?.("[data-dir]");
  $$(".drop-into", tree()).forEach((el) => el.classList.toggle("drop-into", el === dir));
  if (dir) dir.classList.add("drop-into");
});
dropZone.addEventListener("dragleave", (e) => {
  if (!dropZone.contains(e.relatedTarget)) endDrag();
});
function endDrag() {
  $("#files-pane").classList.remove("dragging");
  $$(".drop-into", tree()).forEach((el) => el.classList.remove("drop-into"));
}
dropZone.addEventListener("drop", (e) => {
  endDrag();
  if (!state.project || !carriesFiles(e.dataTransfer)) return;
  e.preventDefault();
  const folder = e.target.closest?.("#file-tree [data-dir]")?.dataset.dir || "";
  // The items can be read only now, during the event: their entries are taken at once, walked afterwards.
  const entries = [], loose = [];
  for (const it of e.dataTransfer.items || []) {
    if (it.kind !== "file") continue;
    const entry = it.webkitGetAsEntry ? it.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else { const f = it.getAsFile(); if (f) loose.push({ path: f.name, file: f }); }
  }
  if (!entries.length && !loose.length) for (const f of e.dataTransfer.files) loose.push({ path: f.name, file: f });
  addFiles(loose, entries, folder);
});

const entryFile = (entry) => new Promise((resolve, reject) => entry.file(resolve, reject));
function readDir(entry) {
  const reader = entry.createReader();
  const all = [];
  return new Promise((resolve, reject) => {
    const more = () => reader.readEntries((batch) => { if (!batch.length) resolve(all); else { all.push(...batch); more(); } }, reject);
    more();
  });
}
// Every file under the dropped entries, with its path inside what was dropped; folders of tools left out.
async function walk(entries, found, skipped) {
  for (const entry of entries) {
    if (entry.isDirectory) {
      if (SKIP_DIRS.has(entry.name)) { skipped.push(`${entry.fullPath.replace(/^\//, "")}/`); continue; }
      await walk(await readDir(entry), found, skipped);
    } else if (entry.isFile) {
      if (SKIP_FILES.has(entry.name)) continue;
      found.push({ path: entry.fullPath.replace(/^\//, ""), file: await entryFile(entry) });
    }
  }
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// The text of a file as the person has it on disk, or why it cannot be stored as text.
async function readText(path, file) {
  if (file.size > SEND_LIMIT) return { problem: `${path} is ${fmtBytes(file.size)}: too large to add (a file this size is not a text file an app needs).` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try { return { text: strictUtf8.decode(bytes) }; }
  catch (e) { return { problem: `${path} is a binary file (not UTF-8 text); only text files can be stored.` }; }
}

async function addFiles(loose, entries, folder) {
  if (!state.project) return;
  const projectId = state.project.id;
  const report = $("#drop-report");
  const found = [...loose], skipped = [];
  try { await walk(entries, found, skipped); }
  catch (e) { showReport({ added: [], rejected: [["", `What was dropped could not be read: ${e.message || e}`]], skipped }); return; }
  if (!found.length) { if (skipped.length) showReport({ added: [], rejected: [], skipped }); return; }
  for (const f of found) f.path = folder ? `${folder}/${f.path}` : f.path;
  const existing = found.filter((f) => state.files.has(f.path));
  let replace = true;
  if (existing.length) {
    const answer = await ask({
      title: existing.length === 1 ? `${existing[0].path} already exists` : `${existing.length} of these files already exist`,
      message: existing.length === 1 ? "Replace it with the one you dropped?" : "Replace them with the ones you dropped? The others are added either way.",
      items: existing.length === 1 ? [] : existing.map((f) => f.path),
      buttons: [{ value: "cancel", label: "Cancel" }, { value: "skip", label: existing.length === 1 ? "Keep mine" : "Keep mine, add the rest" },
        { value: "replace", label: "Replace", primary: true }],
    });
    if (answer === "cancel") return;
    replace = answer === "replace";
  }
  report.classList.add("hidden");
  const added = [], replaced = [], rejected = [];
  for (const { path, file } of found) {
    const exists = state.files.has(path);
    if (exists && !replace) continue;
    const { text, problem } = await readText(path, file);
    if (problem) { rejected.push([path, problem]); continue; }
    try {
      if (exists) await call("storage", "UpdateFile", { project_id: projectId, path, content: text, create: true, checkpoint: false });
      else await call("storage", "CreateFile", { project_id: projectId, path, content: text, checkpoint: false });
      (exists ? replaced : added).push(path);
    } catch (e) { rejected.push([path, refusal(e)]); }
  }
  const landed = [...added, ...replaced];
  if (landed.length) {
    const label = landed.length === 1 ? `${replaced.length ? "Replaced" : "Added"} ${landed[0]}`
      : `Added ${plural(added.length, "file")}${replaced.length ? `, replaced ${replaced.length}` : ""}`;
    try { await call("storage", "SaveProject", { project_id: projectId, label }); } catch (e) { showError(e); }
    if (state.project?.id === projectId) await reloadProject();
  }
  showReport({ added, replaced, rejected, skipped });
}

// One message for the whole drop: how many landed, and each file refused with its reason.
function showReport({ added, replaced = [], rejected, skipped }) {
  const report = $("#drop-report");
  const n = added.length + replaced.length;
  const head = [
    n ? `Added ${plural(added.length, "file")}` + (replaced.length ? `, replaced ${replaced.length}` : "") : "No files were added",
    rejected.length ? `${rejected.length} refused` : "",
  ].filter(Boolean).join(" · ");
  if (!rejected.length && !skipped.length) { report.classList.add("hidden"); toast(head); return; }
  report.innerHTML = "";
  const title = node("strong", "", head);
  const list = node("ul");
  for (const [path, why] of rejected) {
    const li = node("li");
    li.dataset.path = path;
    li.append(node("span", "why", why));
    list.append(li);
  }
  if (skipped.length) list.append(node("li", "muted", `Left out ${skipped.join(", ")}: folders of tools, not of the app.`));
  const close = node("button", "btn small ghost", "Dismiss");
  close.type = "button";
  close.onclick = () => { report.classList.add("hidden"); tree().focus(); itemByKey(focusKey)?.focus(); };
  report.append(title, list, close);
  report.classList.remove("hidden");
}
