// The views of an open project (chat, code editor, file tree, history, workflows, images, picking, screenshots),
// and with them the vendored CodeMirror and markdown-it: about 1 MB of script, loaded by app.js only once the
// projects are on screen. The projects screen needs none of it, and the window's first paint waited about 300 ms
// for it (the imports' round trips, then compiling and running CodeMirror) when app.js imported it all.
//
// Each view wires its own controls and registers for the project's moments (project.js) when imported, so this
// module must have loaded before a project opens: app.js's router waits for it. What app.js binds to keys and menu
// commands is re-exported here.
export { sendPrompt, stopGeneration } from "./chat.js";
export { saveCommand } from "./code.js";
import "./files.js";
export { openImagePicker } from "./images.js";
export { warmUp } from "./markdown.js";
export { togglePick } from "./picker.js";
export { captureShot } from "./shot.js";
import "./versions.js";
export { toggleWorkflows } from "./workflows.js";
