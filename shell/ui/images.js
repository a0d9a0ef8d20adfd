// Images in the composer (issue 20, U10): pasted, dropped on the chat, picked with "Attach image" (Ctrl+U), or a
// screenshot of the preview (shot.js). Each is checked and downscaled here, in the page, before it is shown as a
// thumbnail chip beside the element chips; chat.js takes them with the next prompt as Generate.images.
//
// What is accepted: PNG, JPEG, GIF and WebP, told by their first bytes (a name or a type can lie), up to 20 MB as
// picked. SVG is refused (it can carry script), and so is anything the browser cannot decode. The image is drawn
// upright (createImageBitmap with imageOrientation "from-image" applies a photo's EXIF orientation) at most 1568 px
// on its long edge: what the model sees best, and what the stream service accepts (5 MB each, 10 a message).
// A JPEG stays a JPEG (quality 0.85); PNG, GIF and WebP become PNG (transparency and sharp text kept) unless that
// is over 5 MB and the image is opaque, then JPEG. An image that needs neither scaling nor turning keeps its bytes.
// A refusal says what and why, and nothing else changes: the prompt, the other chips stay as they were.
import { onProject } from "./project.js";
import { $, toast } from "./util.js";

export const MAX_IMAGES = 10;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_SENT_BYTES = 5 * 1024 * 1024;
export const LONG_EDGE = 1568;
const JPEG_QUALITY = 0.85;

let images = []; // {name, width, height, thumb} and, once encoded, {media_type, data, bytes, url}

const short = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;

// The type an image's first bytes say, or "" (SVG: "svg", so it is refused by name).
export function sniff(b) {
  const at = (i, ...xs) => xs.every((x, k) => b[i + k] === x);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return "image/gif";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  const head = new TextDecoder().decode(b).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.includes("<svg")) || head.startsWith("<!doctype svg")) return "svg";
  return "";
}

// A JPEG's EXIF orientation (1 = upright; 2-8 = mirrored or turned; 5-8 swap width and height) and its stored
// size (0 when not found), read from its segments before the picture: {orientation, width, height}.
export function jpegInfo(buf) {
  const v = new DataView(buf), out = { orientation: 1, width: 0, height: 0 };
  let i = 2;
  try {
    while (i + 4 < v.byteLength && !out.width) {
      if (v.getUint8(i) !== 0xff) break;
      const marker = v.getUint8(i + 1), len = v.getUint16(i + 2);
      if (marker === 0xe1 && v.getUint32(i + 4) === 0x45786966) { // "Exif"
        const t = i + 10, little = v.getUint16(t) === 0x4949;
        const u16 = (o) => v.getUint16(t + o, little), ifd = v.getUint32(t + 4, little);
        for (let k = 0, n = u16(ifd); k < n; k++) {
          if (u16(ifd + 2 + k * 12) === 0x0112) { out.orientation = u16(ifd + 2 + k * 12 + 8) || 1; break; }
        }
      } else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) { // SOFn
        out.height = v.getUint16(i + 5);
        out.width = v.getUint16(i + 7);
      } else if (marker === 0xda) break; // the picture itself
      i += 2 + len;
    }
  } catch (e) { /* cut short: what was read stands */ }
  return out;
}

// Refused: an Error whose message the person reads as it is.
class Refused extends Error {}

async function base64Of(blob) {
  const url = await new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
  return url.slice(url.indexOf(",") + 1);
}

function opaque(ctx, w, h) {
  const px = ctx.getImageData(0, 0, w, h).data;
  for (let i = 3; i < px.length; i += 4) if (px[i] !== 255) return false;
  return true;
}

// ``blob`` checked and decoded, upright: {type, bitmap, width, height (as it will be sent), resize, turned, name,
// thumb (a small picture for the chip)}; Refused otherwise. The chip shows from this; encode() makes the bytes.
export async function decodeImage(blob, name = "") {
  name = short(String(name || "image"), 120);
  if (blob.size > MAX_FILE_BYTES) throw new Refused(`${name} is ${mb(blob.size)}: images up to 20 MB are accepted.`);
  const head = new Uint8Array(await blob.slice(0, 512).arrayBuffer());
  const type = sniff(head);
  if (type === "svg" || /svg/i.test(blob.type)) {
    throw new Refused(`${name} is an SVG image, which is refused: an SVG can carry script. Attach a PNG or JPEG of it instead.`);
  }
  if (!type) throw new Refused(`${name} is not a PNG, JPEG, GIF or WebP image.`);
  const jpeg = type === "image/jpeg" ? jpegInfo(await blob.slice(0, 256 * 1024).arrayBuffer()) : null;
  let bitmap;
  try {
    // (decoding at full size, then drawing smaller, is faster here than createImageBitmap's own resize options)
    bitmap = await createImageBitmap(blob, { imageOrientation: "from-image" });
  } catch (e) {
    throw new Refused(`${name} could not be read: the file is damaged or not a complete image.`);
  }
  const w0 = bitmap.width, h0 = bitmap.height;
  if (!w0 || !h0) { bitmap.close(); throw new Refused(`${name} could not be read: the image is empty.`); }
  const scale = Math.min(1, LONG_EDGE / Math.max(w0, h0));
  const width = Math.max(1, Math.round(w0 * scale)), height = Math.max(1, Math.round(h0 * scale));
  const t = 64, k = t / Math.max(w0, h0), thumb = document.createElement("canvas");
  thumb.width = Math.max(1, Math.round(w0 * k)); thumb.height = Math.max(1, Math.round(h0 * k));
  thumb.getContext("2d").drawImage(bitmap, 0, 0, thumb.width, thumb.height);
  return { blob, type, bitmap, width, height, resize: scale < 1, turned: (jpeg?.orientation || 1) > 1, name, thumb: thumb.toDataURL("image/png") };
}

// A decoded image as it is sent: {media_type, data, bytes, url}. Its own bytes when it needs neither scaling nor
// turning; else drawn at its size, as JPEG (a JPEG) or PNG (the others; JPEG when an opaque PNG is over 5 MB).
export async function encodeImage(d) {
  const { blob, type, bitmap, width, height, name } = d;
  try {
    let out = blob, media_type = type;
    if (d.resize || d.turned || blob.size > MAX_SENT_BYTES) {
      const canvas = typeof OffscreenCanvas === "function" ? new OffscreenCanvas(width, height) : Object.assign(document.createElement("canvas"), { width, height });
      const ctx = canvas.getContext("2d");
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(bitmap, 0, 0, width, height);
      const encode = (t, q) => (canvas.convertToBlob ? canvas.convertToBlob({ type: t, quality: q }) : new Promise((ok) => canvas.toBlob(ok, t, q)));
      if (type === "image/jpeg") { media_type = "image/jpeg"; out = await encode(media_type, JPEG_QUALITY); }
      else {
        media_type = "image/png";
        out = await encode(media_type);
        if (out.size > MAX_SENT_BYTES && opaque(ctx, width, height)) { media_type = "image/jpeg"; out = await encode(media_type, JPEG_QUALITY); }
      }
    }
    if (out.size > MAX_SENT_BYTES) throw new Refused(`${name} is still ${mb(out.size)} at ${width}×${height}: at most 5 MB can be sent. Attach a JPEG of it.`);
    return { media_type, data: await base64Of(out), bytes: out.size, url: URL.createObjectURL(out) };
  } finally {
    bitmap.close();
  }
}

// Both: ``blob`` checked, decoded and encoded, as it is sent.
export async function prepareImage(blob, name = "") {
  const d = await decodeImage(blob, name);
  return { ...(await encodeImage(d)), width: d.width, height: d.height, name: d.name };
}

// -- the chips: a list beside the element chips, over the message box
function listEl() {
  let list = $("#image-chips");
  if (!list) {
    list = document.createElement("div");
    list.id = "image-chips";
    list.className = "chips image-chips hidden";
    list.setAttribute("role", "list");
    list.setAttribute("aria-label", "Attached images: they go with your next message");
    $("#composer").insertBefore(list, $("#prompt"));
    list.addEventListener("click", (e) => {
      const x = e.target.closest(".chip-x");
      if (x) removeAt(Number(x.closest(".chip").dataset.index), true);
    });
    list.addEventListener("keydown", (e) => {
      const chip = e.target.closest(".chip");
      if (!chip || e.target !== chip || (e.key !== "Backspace" && e.key !== "Delete")) return;
      e.preventDefault();
      removeAt(Number(chip.dataset.index), true);
    });
  }
  return list;
}

function render(focusAt = -1) {
  const list = listEl();
  list.replaceChildren();
  images.forEach((im, i) => {
    const el = document.createElement("div");
    el.className = "chip image-chip";
    el.dataset.index = String(i);
    el.tabIndex = 0;
    el.setAttribute("role", "listitem");
    el.setAttribute("aria-label", `Image ${im.name}, ${im.width}×${im.height} (Delete removes it)`);
    el.title = `${im.name}: ${im.width}×${im.height}${im.bytes ? `, ${im.bytes > 1048576 ? mb(im.bytes) : `${Math.ceil(im.bytes / 1024)} kB`}` : ""}`;
    const img = document.createElement("img");
    img.src = im.thumb;
    img.alt = "";
    img.width = 32; img.height = 32;
    const label = document.createElement("span");
    label.className = "chip-sel";
    label.textContent = short(im.name, 28);
    const x = document.createElement("button");
    x.type = "button";
    x.className = "chip-x";
    x.textContent = "×";
    x.setAttribute("aria-label", `Remove ${short(im.name, 60)}`);
    el.append(img, label, x);
    list.append(el);
  });
  list.classList.toggle("hidden", !images.length);
  if (focusAt >= 0) (list.children[Math.min(focusAt, images.length - 1)] || $("#prompt")).focus();
}

function removeAt(i, keepFocus) {
  if (!(i >= 0 && i < images.length)) return;
  if (images[i].url) URL.revokeObjectURL(images[i].url);
  images.splice(i, 1);
  render(keepFocus ? i : -1);
}

// Add files or blobs (a paste, a drop, the file picker, a capture), in turn: each shows as a chip once decoded,
// and is encoded after (a send waits for that: imagesSettled). A refused one is said in a message and the others
// still come. Resolves to how many were added.
export function addImages(list, { source = "" } = {}) {
  const files = [...list];
  const done = (async () => {
    let added = 0;
    for (const f of files) {
      if (images.length >= MAX_IMAGES) { toast(`At most ${MAX_IMAGES} images go with one message: remove one first.`, { bad: true }); break; }
      let d;
      try { d = await decodeImage(f, f.name || source || "pasted image"); } catch (e) { refused(f, e); continue; }
      if (images.length >= MAX_IMAGES) { d.bitmap.close(); continue; }
      const im = { name: d.name, width: d.width, height: d.height, thumb: d.thumb };
      images.push(im);
      added += 1;
      render();
      track(encodeImage(d).then((r) => {
        Object.assign(im, r);
        if (images.includes(im)) render(); else URL.revokeObjectURL(r.url); // removed meanwhile
      }, (e) => {
        refused(f, e);
        const at = images.indexOf(im);
        if (at >= 0) { images.splice(at, 1); render(); }
      }));
    }
    return added;
  })();
  track(done);
  return done;
}
function refused(f, e) {
  toast(e instanceof Refused ? e.message : `${f.name || "The image"} could not be attached: ${e.message || e}`, { bad: true, ms: 8000 });
}
// The work under way (decoding, encoding): a send waits for all of it.
const work = new Set();
function track(p) {
  work.add(p);
  const drop = () => work.delete(p);
  p.then(drop, drop);
}
export const imageCount = () => images.length;
export const imagesBusy = () => work.size > 0;
export async function imagesSettled() { while (work.size) await Promise.allSettled([...work]); }

// The images for a prompt being sent, as Generate.images (plus each thumbnail's url for the sent bubble); the
// list empties (restoreImages puts them back if the prompt was not sent).
export function takeImages() {
  const taken = images;
  images = [];
  render();
  return taken;
}
export function restoreImages(list) {
  if (!list || !list.length) return;
  images = [...list, ...images].slice(0, MAX_IMAGES);
  render();
}
export function clearImages() { images.forEach((im) => im.url && URL.revokeObjectURL(im.url)); images = []; render(); }
export const asSent = (list) => list.map(({ media_type, data, width, height, name }) => ({ media_type, data, width, height, name }));

// -- where images come from: a paste in the message box, a drop on the chat, the file picker
const imageLike = (f) => /^image\//i.test(f.type) || /\.(png|jpe?g|gif|webp|svg)$/i.test(f.name || "");
$("#prompt").addEventListener("paste", (e) => {
  const files = [...(e.clipboardData?.files || [])];
  if (!files.some(imageLike)) return; // text (or a file that is no image): the box's own paste
  e.preventDefault(); // an image: ours; the text already typed stays as it is
  addImages(files, { source: "pasted image" });
});

const pane = $(".chat-pane");
const dragsFiles = (dt) => !!dt && [...dt.types].includes("Files");
// While dragging, only the types are known: a drag with an image in it is the chat's; other files go on to the
// file tree's drop (files.js), as before.
const dragsImage = (dt) => [...(dt.items || [])].some((it) => it.kind === "file" && /^image\//i.test(it.type));
pane.addEventListener("dragover", (e) => {
  if (!dragsFiles(e.dataTransfer) || !dragsImage(e.dataTransfer)) return;
  e.preventDefault();
  e.stopPropagation();
  e.dataTransfer.dropEffect = "copy";
  pane.classList.add("image-drop");
});
pane.addEventListener("dragleave", (e) => { if (!pane.contains(e.relatedTarget)) pane.classList.remove("image-drop"); });
pane.addEventListener("drop", (e) => {
  pane.classList.remove("image-drop");
  const files = [...(e.dataTransfer?.files || [])];
  if (!files.length || !files.some(imageLike)) return;
  e.preventDefault();
  e.stopPropagation();
  addImages(files).then(() => $("#prompt").focus());
});

// "Attach image": a button in the composer's bar and its file picker (Ctrl+U, app.js's table).
const input = document.createElement("input");
input.type = "file";
input.accept = "image/png,image/jpeg,image/gif,image/webp";
input.multiple = true;
input.hidden = true;
input.id = "image-input";
input.setAttribute("aria-hidden", "true");
input.tabIndex = -1;
const button = document.createElement("button");
button.type = "button";
button.className = "icon-btn attach-btn";
button.id = "attach-image";
button.title = "Attach image (Ctrl+U): PNG, JPEG, GIF or WebP; or paste or drop one";
button.setAttribute("aria-label", "Attach image");
button.innerHTML = `<svg viewBox="0 0 20 20" aria-hidden="true"><path d="M3 4h14v12H3zm1.5 1.5v7.4l3.2-3.2 2.3 2.3 3.5-3.5 2 2V5.5zm0 9h11v-1.9l-2-2-3.5 3.5-2.3-2.3-3.2 3.2zM7 6.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z"/></svg>`;
$("#composer .composer-bar").prepend(button, input);
button.onclick = () => openImagePicker();
input.onchange = () => {
  const files = [...input.files];
  input.value = "";
  if (files.length) addImages(files).then(() => $("#prompt").focus());
};
export function openImagePicker() { input.click(); }

onProject("reset", () => clearImages()); // another project: these images are not for it
