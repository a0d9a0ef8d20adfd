// The images a sent prompt carried, under its bubble (issue 20, U10): a thumbnail each, and the image full size in
// a dialog (a click, or Enter/Space on the focused thumbnail; Esc or the close button ends it, and the focus goes
// back to the thumbnail). A stored message's images come from the bridge's GET /attachment/<id> (the page's own
// origin and session; shell/server.py), an image just sent from its thumbnail in the composer (a blob: address).
// Names come from files the person picked: they are only ever set as text.
import { $ } from "./util.js";

const dialog = document.createElement("div");
dialog.className = "modal hidden image-modal";
dialog.id = "image-modal";
dialog.setAttribute("role", "dialog");
dialog.setAttribute("aria-modal", "true");
dialog.setAttribute("aria-labelledby", "image-modal-title");
dialog.innerHTML = `<div class="dialog image-card"><div class="image-head"><strong id="image-modal-title"></strong>
  <span class="muted small" id="image-modal-size"></span><span class="spacer"></span>
  <button type="button" class="btn small ghost" data-close id="image-modal-close">Close</button></div>
  <div class="image-full"><img id="image-modal-img" alt=""></div></div>`;
document.body.append(dialog);
let opener = null;

export function openImage(im, from = null) {
  opener = from;
  $("#image-modal-title").textContent = im.name || "Image";
  $("#image-modal-size").textContent = im.width && im.height ? `${im.width}×${im.height}` : "";
  const img = $("#image-modal-img");
  img.src = im.url;
  img.alt = im.name || "The attached image";
  dialog.classList.remove("hidden");
  $("#image-modal-close").focus();
}
function closeImage() {
  if (dialog.classList.contains("hidden")) return;
  dialog.classList.add("hidden");
  $("#image-modal-img").removeAttribute("src");
  if (opener?.isConnected) opener.focus();
  opener = null;
}
dialog.addEventListener("click", (e) => { if (e.target === dialog || e.target.closest("[data-close]")) closeImage(); });
// Esc closes it here first (the app's Esc would also stop a generation); other dialogs close with closeModals.
// Tab stays in it (its one control is the close button).
window.addEventListener("keydown", (e) => {
  if (dialog.classList.contains("hidden")) return;
  if (e.key === "Tab") { e.preventDefault(); $("#image-modal-close").focus(); return; }
  if (e.key !== "Escape") return;
  e.preventDefault();
  e.stopImmediatePropagation();
  closeImage();
}, true);
new MutationObserver(() => { if (dialog.classList.contains("hidden")) $("#image-modal-img").removeAttribute("src"); })
  .observe(dialog, { attributes: true, attributeFilter: ["class"] });

// The address of a stored attachment (its id is the storage's; encoded all the same).
export const attachmentUrl = (id) => `/attachment/${encodeURIComponent(id)}`;

// Under a prompt's bubble: its images, each {url, name, width, height}. Returns ``msgEl``.
export function withImages(msgEl, list) {
  if (!list || !list.length) return msgEl;
  const row = document.createElement("div");
  row.className = "msg-images";
  row.setAttribute("role", "list");
  row.setAttribute("aria-label", "Images sent with this message");
  for (const im of list) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "msg-image";
    b.setAttribute("role", "listitem");
    b.setAttribute("aria-label", `Open ${im.name || "the image"} full size`);
    b.title = `${im.name || "Image"}${im.width ? ` (${im.width}×${im.height})` : ""}`;
    const img = document.createElement("img");
    img.src = im.url;
    img.alt = "";
    img.loading = "lazy";
    img.decoding = "async";
    b.append(img);
    b.onclick = () => openImage(im, b);
    row.append(b);
  }
  msgEl.append(row);
  return msgEl;
}

// A stored message's attachments ({id, media_type, width, height, name}) as thumbnails.
export const storedImages = (attachments) => (attachments || []).map((a) => ({ url: attachmentUrl(a.id), name: a.name, width: a.width, height: a.height }));
