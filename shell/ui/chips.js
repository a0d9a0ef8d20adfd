// The picked elements over the message box (issue 20, U9): one chip each (its selector, tag, a text excerpt, the
// page it is in; the HTML excerpt in its tooltip), removable with its × or with Backspace/Delete when it has the
// focus. They go with the next prompt (chat.js takes them) and show under that prompt's bubble.
// What a chip shows came from the generated page, so it is text: every chip is built with textContent, never HTML.
import { $ } from "./util.js";

// At most this many chips (the stream service takes no more with a prompt).
export const MAX_CHIPS = 8;
let chips = [];

// The list lives over the message box; made here, so the page's markup needs no change.
function listEl() {
  let list = $("#chips");
  if (!list) {
    list = document.createElement("div");
    list.id = "chips";
    list.className = "chips hidden";
    list.setAttribute("role", "list");
    list.setAttribute("aria-label", "Picked elements: they go with your next message");
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

const short = (text, n) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);
function span(cls, text) {
  const el = document.createElement("span");
  el.className = cls;
  el.textContent = text;
  return el;
}

// One chip's contents (also the read-only trace under a sent prompt).
function chipBody(el, c) {
  el.append(span("chip-sel", short(c.selector, 60)));
  if (c.text) el.append(span("chip-text", `“${short(c.text, 40)}”`));
  if (c.file) el.append(span("chip-file", c.file));
  el.title = [`${c.tag ? `<${c.tag}> ` : ""}${c.selector}${c.file ? ` in ${c.file}` : ""}`, c.html].filter(Boolean).join("\n\n");
}

function render(focusAt = -1) {
  const list = listEl();
  list.replaceChildren();
  chips.forEach((c, i) => {
    const el = document.createElement("div");
    el.className = "chip";
    el.dataset.index = String(i);
    el.tabIndex = 0;
    el.setAttribute("role", "listitem");
    el.setAttribute("aria-label", `Picked <${c.tag}> ${c.selector}${c.text ? `: ${short(c.text, 40)}` : ""} (Delete removes it)`);
    chipBody(el, c);
    const x = document.createElement("button");
    x.type = "button";
    x.className = "chip-x";
    x.textContent = "×";
    x.setAttribute("aria-label", `Remove ${short(c.selector, 60)}`);
    el.append(x);
    list.append(el);
  });
  list.classList.toggle("hidden", !chips.length);
  if (focusAt >= 0) (list.children[Math.min(focusAt, chips.length - 1)] || $("#prompt")).focus();
}

function removeAt(i, keepFocus) {
  if (!(i >= 0 && i < chips.length)) return;
  chips.splice(i, 1);
  render(keepFocus ? i : -1);
}

// A picked element (already checked by picker.js): false when it is there already or the list is full.
export function addChip(c) {
  if (chips.length >= MAX_CHIPS || chips.some((x) => x.selector === c.selector && x.file === c.file)) return false;
  chips.push({ selector: c.selector, tag: c.tag, text: c.text, file: c.file, html: c.html });
  render();
  return true;
}
export function chipCount() { return chips.length; }

// The chips for a prompt being sent: the list empties (restoreChips puts them back if it was not sent).
export function takeChips() {
  const taken = chips;
  chips = [];
  render();
  return taken;
}
export function restoreChips(list) {
  if (!list || !list.length) return;
  chips = [...list, ...chips].slice(0, MAX_CHIPS);
  render();
}
export function clearChips() { chips = []; render(); }

// Under a sent prompt's bubble: what it was about, read-only.
export function withChips(msgEl, list) {
  if (!list || !list.length) return msgEl;
  const row = document.createElement("div");
  row.className = "msg-chips";
  row.setAttribute("aria-label", "About these elements");
  for (const c of list) {
    const el = document.createElement("span");
    el.className = "chip sent";
    chipBody(el, c);
    row.append(el);
  }
  msgEl.append(row);
  return msgEl;
}
