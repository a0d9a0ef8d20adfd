// "Attach a screenshot of the preview" (issue 20, U10): the preview draws itself (shell/preview.py's SHOT script,
// inside the preview's own origin: this page cannot read a cross-origin frame's pixels) and posts the PNG back;
// it becomes an image chip over the message box (images.js), so the agent sees what the person sees.
//
// The protocol is the picker's kind (versioned, one answer per request, the id of the request):
//   to the preview:   {vibingShot: 1, type: "capture", id}
//   from the preview: {vibingShot: 1, type: "shot", id, png: <base64>, width, height}
//                     {vibingShot: 1, type: "failed", id, reason}
// The preview runs a generated app, which may post anything: a message is taken only while a capture is asked
// for, only from the preview frame's window and origin, with the asked id, the known version and type, and a PNG
// of at most MAX_B64 characters of base64 whose size is within the long edge; the PNG is then checked and decoded
// here like any pasted image (its first bytes must say PNG). Anything else is dropped without a trace; the first
// valid answer ends the request, so a flood adds one chip at most. The preview gets nothing back but the request.
import { addImages, imageCount, LONG_EDGE, MAX_IMAGES } from "./images.js";
import { frame, previewOrigin } from "./picker.js";
import { showTab } from "./project.js";
import { state } from "./state.js";
import { $, newId, toast } from "./util.js";

const PROTOCOL = 1;
// A PNG of 1568 px at most on its long edge: 7 MB of base64 (about 5 MB of PNG, the most the stream service takes).
export const MAX_B64 = 7 * 1024 * 1024;
const B64 = /^[A-Za-z0-9+/]+={0,2}$/;
// How long the preview has to answer (a big page takes a second or two to draw).
const ANSWER_MS = 15000;

let pending = null; // {id, timer, resolve}

const button = document.createElement("button");
button.type = "button";
button.className = "icon-btn pick-btn shot-btn";
button.id = "preview-shot";
button.title = "Attach a screenshot of the preview to your next message";
button.setAttribute("aria-label", "Attach a screenshot of the preview");
button.innerHTML = `<svg viewBox="0 0 20 20" aria-hidden="true"><path d="M7 3h6l1.2 2H17v11H3V5h2.8zm3 4a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zm0 1.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4z"/></svg><span>Screenshot</span>`;
($("#preview-pick") || $("#preview-reload")).after(button);
button.onclick = () => captureShot();

function end(result) {
  if (!pending) return;
  const p = pending;
  pending = null;
  clearTimeout(p.timer);
  button.disabled = false;
  button.classList.remove("on");
  p.resolve(result);
}

// Ask the preview for a screenshot; resolves true when it became a chip (a message says why not otherwise).
export function captureShot() {
  if (pending) return pending.promise;
  const f = frame();
  if (!state.project || !f.getAttribute("src")) { toast("There is nothing to capture yet: the preview shows once the project has an index.html."); return Promise.resolve(false); }
  if (imageCount() >= MAX_IMAGES) { toast(`At most ${MAX_IMAGES} images go with one message: remove one first.`, { bad: true }); return Promise.resolve(false); }
  showTab("preview");
  let resolve;
  const promise = new Promise((r) => { resolve = r; });
  pending = { id: newId(), resolve, promise };
  pending.timer = setTimeout(() => {
    toast("The preview did not answer the screenshot (it may still be loading, or the page blocks it). Reload the preview and try again.", { bad: true, ms: 8000 });
    end(false);
  }, ANSWER_MS);
  button.disabled = true;
  button.classList.add("on");
  try { f.contentWindow?.postMessage({ vibingShot: PROTOCOL, type: "capture", id: pending.id }, "*"); } catch (e) { /* gone: the timer says so */ }
  return promise;
}

const whole = (n) => Number.isInteger(n) && n >= 1 && n <= LONG_EDGE;

window.addEventListener("message", (e) => {
  const d = e.data;
  if (!pending || !d || typeof d !== "object" || d.vibingShot !== PROTOCOL) return;
  if (e.source !== frame().contentWindow || e.origin !== previewOrigin()) return;
  if (d.id !== pending.id || typeof d.type !== "string") return;
  if (d.type === "failed") {
    toast(`The preview could not be captured: ${String(d.reason || "").slice(0, 200) || "no reason given"}.`, { bad: true, ms: 8000 });
    end(false);
    return;
  }
  if (d.type !== "shot" || typeof d.png !== "string" || d.png.length > MAX_B64 || !whole(d.width) || !whole(d.height) || !B64.test(d.png)) return;
  const id = pending.id;
  let blob;
  try {
    const bytes = Uint8Array.from(atob(d.png), (c) => c.charCodeAt(0));
    if (!(bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)) return;
    blob = new Blob([bytes], { type: "image/png" });
  } catch (err) { return; }
  if (!pending || pending.id !== id) return;
  const p = pending;
  pending = null; // taken: whatever comes after is not asked for
  clearTimeout(p.timer);
  addImages([blob], { source: "preview screenshot.png" }).then((n) => {
    button.disabled = false;
    button.classList.remove("on");
    p.resolve(n > 0);
  });
});

// "Fix this" (the preview's console) offers to send the screenshot with the errors: a box the person ticks.
const agree = document.createElement("label");
agree.className = "fix-shot small";
agree.title = "Attach a screenshot of the preview to the message that asks for the fix";
const box = document.createElement("input");
box.type = "checkbox";
box.id = "fix-shot";
agree.append(box, " with a screenshot");
$("#fix-btn").before(agree);
