// A question in the page's own dialog, answered with one of its buttons: "Restore this version?", "Replace the 3
// files that already exist?". It is a .modal like the others (so the app's Esc and closeModals close it, which
// answers the cancel value), made when asked and removed when answered; the focus goes back where it was.
//
//   const answer = await ask({
//     title: "Restore version #12?",
//     message: "The project's files become those of that version.",
//     items: ["index.html", "app.js"],             // optional: listed under the message (the first 12, then "and N more")
//     buttons: [{ value: "restore", label: "Restore", primary: true }, { value: "cancel", label: "Cancel" }],
//     cancel: "cancel",                            // what Esc, a click outside or closing by other means answers
//   });
import { $$, node } from "./util.js";

const SHOWN_ITEMS = 12;
let asked = 0;

export function ask({ title, message = "", items = [], buttons, cancel = "cancel" }) {
  return new Promise((resolve) => {
    const back = document.activeElement;
    const id = `ask-${++asked}`;
    const modal = node("div", "modal ask-modal");
    modal.setAttribute("role", "alertdialog");
    modal.setAttribute("aria-modal", "true");
    modal.setAttribute("aria-labelledby", `${id}-title`);
    const box = node("div", "dialog");
    const heading = node("h2", "", title);
    heading.id = `${id}-title`;
    box.append(heading);
    if (message) {
      const p = node("p", "ask-message", message);
      p.id = `${id}-message`;
      modal.setAttribute("aria-describedby", p.id);
      box.append(p);
    }
    if (items.length) {
      const ul = node("ul", "ask-items");
      for (const item of items.slice(0, SHOWN_ITEMS)) ul.append(node("li", "", item));
      if (items.length > SHOWN_ITEMS) ul.append(node("li", "muted", `and ${items.length - SHOWN_ITEMS} more`));
      box.append(ul);
    }
    const actions = node("div", "dialog-actions");
    actions.append(node("span", "spacer"));
    let first = null;
    for (const b of buttons) {
      const el = node("button", `btn${b.primary ? " primary" : b.danger ? " danger" : b.value === cancel ? " ghost" : ""}`, b.label);
      el.type = "button";
      el.dataset.answer = b.value;
      el.onclick = () => finish(b.value);
      if (b.primary || b.danger) first ||= el;
      actions.append(el);
    }
    box.append(actions);
    modal.append(box);

    let answered = false;
    const observer = new MutationObserver(() => { if (modal.classList.contains("hidden")) finish(cancel); });
    function finish(value) {
      if (answered) return;
      answered = true;
      observer.disconnect();
      modal.remove();
      if (back && back.isConnected && typeof back.focus === "function") back.focus();
      resolve(value);
    }
    modal.addEventListener("click", (e) => { if (e.target === modal) finish(cancel); });
    modal.addEventListener("keydown", (e) => {
      if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); finish(cancel); return; }
      if (e.key !== "Tab") return;
      // the focus stays in the dialog while it asks
      const stops = $$("button", box);
      const at = stops.indexOf(document.activeElement);
      const next = e.shiftKey ? (at <= 0 ? stops.length - 1 : at - 1) : (at + 1) % stops.length;
      e.preventDefault();
      stops[next].focus();
    });
    observer.observe(modal, { attributes: true, attributeFilter: ["class"] });
    document.body.append(modal);
    (first || actions.querySelector("button")).focus();
  });
}
