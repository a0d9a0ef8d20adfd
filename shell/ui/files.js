// The project's files: the tree in the files pane (which file is selected, which ones a generation is writing)
// and files dropped from the desktop into the project.
import { call, on } from "./bus.js";
import { clearFile, showFile } from "./code.js";
import { onProject, showTab } from "./project.js";
import { state } from "./state.js";
import { $, escapeHtml, fmtBytes, showError, toast } from "./util.js";

export function renderTree() {
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
    if (state.writing.has(path)) li.classList.add("writing");
    const ext = (path.split(".").pop() || "").slice(0, 4);
    li.innerHTML = `<span class="ext">${escapeHtml(ext)}</span><span class="name">${escapeHtml(dir ? path.slice(dir.length + 1) : path)}</span>`;
    if (dir) li.style.paddingLeft = "20px";
    li.onclick = () => { state.selectedFile = path; renderTree(); renderCode(); showTab("code"); };
    ul.appendChild(li);
  }
  if (!paths.length) ul.innerHTML = `<li class="dir">No files yet</li>`;
}

// The selected file in the code view (or nothing, when no file is selected).
function renderCode() {
  const f = state.files.get(state.selectedFile);
  if (f) showFile(f.path, f.content); else clearFile();
}

onProject("reset", () => {
  $("#file-tree").innerHTML = "";
  state.selectedFile = "";
});
onProject("applied", (detail) => {
  renderTree();
  if (!state.selectedFile || !state.files.has(state.selectedFile)) {
    state.selectedFile = state.files.has("index.html") ? "index.html" : (detail.files[0] || {}).path || "";
  }
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

// -- drag and drop files into the project
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
