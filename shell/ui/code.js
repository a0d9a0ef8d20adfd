// The code view (the Code tab): one file, read-only, highlighted line by line. Its whole surface is showFile and
// clearFile; what is selected, and when, is the file tree's business (files.js).
import { highlightLines, languageOf } from "./highlight.js";
import { $, fmtBytes } from "./util.js";

const utf8 = new TextEncoder();

// Show ``content`` as the file at ``path``: its language from the name, its lines, its size in bytes.
export function showFile(path, content) {
  const code = $("#code-view code");
  $("#code-path").textContent = path;
  const lines = highlightLines(content, path);
  $("#code-info").textContent = `${languageOf(path).toUpperCase()} · ${lines.length} lines · ${fmtBytes(utf8.encode(content).length)}`;
  code.innerHTML = lines.map((l) => `<span class="ln">${l || " "}</span>`).join("");
}

export function clearFile() {
  $("#code-path").textContent = "No file selected";
  $("#code-info").textContent = "";
  $("#code-view code").innerHTML = "";
}
