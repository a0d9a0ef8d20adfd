// The element picker (issue 20, U9): the Pick button in the preview's toolbar (and its key) asks the preview to
// outline what the pointer is over; the element clicked there comes back as a chip over the message box.
//
// The picking itself runs inside the preview (shell/preview.py's PICKER script, on the preview's own origin in its
// sandbox); this side and it talk through a small versioned postMessage protocol:
//   to the preview:   {vibingPick: 1, type: "start", id}   {vibingPick: 1, type: "stop", id}
//   from the preview: {vibingPick: 1, type: "armed", id}   {vibingPick: 1, type: "cancel", id}
//                     {vibingPick: 1, type: "picked", id, element: {selector, tag, text, file, html}}
// The preview runs a generated app, which can post anything, so a message is taken only while a pick is asked for,
// only from the preview frame's window and its sandbox's origin (opaque: "null"), only with the asked pick's id,
// the known version and type, and fields of the right types and sizes; anything else is dropped without a trace
// (no list grows, nothing is logged per message). One pick answers one request: a flood adds one chip at most.
// The preview gets nothing back but these messages: no token, no address of the bridge.
import { addChip, chipCount, clearChips, MAX_CHIPS } from "./chips.js";
import { onProject, showTab } from "./project.js";
import { state } from "./state.js";
import { $, newId, toast } from "./util.js";

const PROTOCOL = 1;
// The largest field the picker sends is cut to these (the selector 500, the HTML about 2 kB); more is not ours.
const LIMITS = { selector: 500, tag: 40, text: 200, file: 300, html: 2000 };
const TAG = /^[A-Za-z][A-Za-z0-9-]*$/;
// How long the preview has to say it is armed before the hint says it does not answer.
const ARM_MS = 2000;

let pending = null; // { id, armed, timer } while a pick is asked for

// -- the button and the hint, made here (the toolbar's markup needs no change)
const button = document.createElement("button");
button.type = "button";
button.className = "icon-btn pick-btn";
button.id = "preview-pick";
button.title = "Pick an element in the preview to ask about it (Ctrl+I; Esc cancels)";
button.setAttribute("aria-pressed", "false");
button.innerHTML = `<svg viewBox="0 0 20 20" aria-hidden="true"><path d="M3 3h4v1.5H4.5V7H3zm10 0h4v4h-1.5V4.5H13zM3 13h1.5v2.5H7V17H3zm6-4 8 3-3.3 1.2L16 16l-1 1-2.3-2.3L11.5 18z"/></svg><span>Pick</span>`;
$("#preview-reload").after(button);
const hint = document.createElement("div");
hint.id = "pick-hint";
hint.className = "pick-hint hidden";
hint.setAttribute("role", "status");
$(".preview-bar").after(hint);

function say(text) {
  hint.textContent = text;
  hint.classList.toggle("hidden", !text);
}

export function frame() { return $("#preview"); }
// The origin a message from the preview carries: its sandbox has no allow-same-origin, so an opaque one ("null").
export function previewOrigin() {
  const f = frame();
  if (f.sandbox.contains("allow-same-origin")) { try { return new URL(state.preview.url).origin; } catch (e) { return ""; } }
  return "null";
}
function post(message) {
  try { frame().contentWindow?.postMessage({ vibingPick: PROTOCOL, ...message }, "*"); } catch (e) { /* gone */ }
}

export function picking() { return !!pending; }

export function startPick() {
  if (pending) return;
  const f = frame();
  if (!state.project || !f.getAttribute("src")) {
    toast("There is nothing to pick yet: the preview shows once the project has an index.html.");
    return;
  }
  if (chipCount() >= MAX_CHIPS) { toast(`At most ${MAX_CHIPS} elements go with one message: remove one first.`); return; }
  showTab("preview");
  if ($("#side-pane").classList.contains("hidden")) { toast("Show the preview first (Ctrl+\\), then pick."); return; }
  pending = { id: newId(), armed: false, timer: 0 };
  button.setAttribute("aria-pressed", "true");
  button.classList.add("on");
  say("Point at an element in the preview and click it. Esc cancels.");
  arm();
}

// (Again) ask the preview's document to pick: at the start, and when the frame loaded another document meanwhile.
function arm() {
  pending.armed = false;
  clearTimeout(pending.timer);
  const p = pending;
  pending.timer = setTimeout(() => {
    if (pending === p && !p.armed) say("The preview does not answer the picker (it may still be loading, or the page blocks it). Reload the preview, or press Esc.");
  }, ARM_MS);
  post({ type: "start", id: pending.id });
}

export function cancelPick(message = "") {
  if (!pending) return;
  const id = pending.id;
  clearTimeout(pending.timer);
  pending = null;
  post({ type: "stop", id });
  button.setAttribute("aria-pressed", "false");
  button.classList.remove("on");
  say(message);
  if (message) setTimeout(() => { if (!pending && hint.textContent === message) say(""); }, 4000);
}

export function togglePick() { if (pending) cancelPick(); else startPick(); }

button.onclick = () => togglePick();
frame().addEventListener("load", () => { if (pending) arm(); });
onProject("reset", () => { cancelPick(); clearChips(); }); // another project: its elements are not this one's

// Escape cancels while the focus is here (the preview's own Escape is the picker's there): before the other keys.
window.addEventListener("keydown", (e) => {
  if (!pending || e.key !== "Escape") return;
  e.preventDefault();
  e.stopImmediatePropagation();
  cancelPick();
}, true);

// The checked copy of a picked element, or null: a plain object whose fields are strings within their limits.
function checked(el) {
  if (!el || typeof el !== "object" || Array.isArray(el)) return null;
  const out = {};
  for (const [name, max] of Object.entries(LIMITS)) {
    const v = el[name];
    if (typeof v !== "string" || v.length > max) return null;
    out[name] = v;
  }
  if (!out.selector.trim() || !TAG.test(out.tag)) return null;
  return out;
}

window.addEventListener("message", (e) => {
  const d = e.data;
  if (!pending || !d || typeof d !== "object" || d.vibingPick !== PROTOCOL) return;
  if (e.source !== frame().contentWindow || e.origin !== previewOrigin()) return;
  if (d.id !== pending.id || typeof d.type !== "string") return;
  if (d.type === "armed") { pending.armed = true; say("Point at an element in the preview and click it. Esc cancels."); return; }
  if (d.type === "cancel") { cancelPick(); $("#prompt").focus(); return; }
  if (d.type !== "picked") return;
  const el = checked(d.element);
  if (!el) return;
  cancelPick(addChip(el) ? "" : "That element is picked already.");
  $("#prompt").focus();
});
