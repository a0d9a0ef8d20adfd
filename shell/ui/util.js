// Small helpers every view uses: DOM lookups, building elements as text (never markup), toasts, errors in words a
// person understands, formatting, dialogs, the clipboard, and a tiny publish/subscribe hub. Nothing here knows a
// view or the bus, so any module may import it without a cycle.

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

// Our own, so no view depends on the code highlighter (which is about to be replaced) just to escape text.
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// An element with a class and text. Names, reasons and descriptions come from files a person can edit (agents,
// projects): they are only ever set as text.
export function node(tag, cls, text) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (text) el.textContent = text;
  return el;
}

export function toast(text, { action, onAction, bad = false, ms = 5000 } = {}) {
  const el = document.createElement("div");
  el.className = "toast" + (bad ? " bad" : "");
  el.innerHTML = `<span>${escapeHtml(text)}</span>`;
  let timer;
  if (action) {
    const b = document.createElement("button");
    b.textContent = action;
    b.onclick = () => { clearTimeout(timer); el.remove(); onAction && onAction(); };
    el.appendChild(b);
  }
  $("#toasts").appendChild(el);
  timer = setTimeout(() => el.remove(), ms);
  return el;
}
export const showError = (e) => toast(e.message || String(e), { bad: true, ms: 7000 });

export function humanError(code, message) {
  const hints = {
    NoApiKey: "Add your Anthropic API key in Settings.",
    ApiKeyRejected: "The API key was rejected. Check it in Settings.",
    ApiOutOfCredit: "Your Anthropic account is out of credit.",
    ApiOverloaded: "Anthropic is overloaded right now. Try again in a minute.",
    ServiceUnavailable: "A background service is restarting. Try again in a moment.",
    RequestTimeout: "A background service took too long to answer.",
  };
  return message || hints[code] || "Something went wrong.";
}

export function ago(ts) {
  const s = Date.now() / 1000 - ts;
  if (s < 45) return "just now";
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  if (s < 86400 * 7) return `${Math.round(s / 86400)} d ago`;
  return new Date(ts * 1000).toLocaleDateString();
}
export const fmtTokens = (n) => (n >= 1000 ? `${(n / 1000).toFixed(n >= 10000 ? 0 : 1)}k` : String(n || 0));
export const fmtCost = (c) => (c ? (c < 0.01 ? `$${c.toFixed(4)}` : `$${c.toFixed(2)}`) : "$0");
export const fmtBytes = (b) => (b > 1024 * 1024 ? `${(b / 1048576).toFixed(1)} MB` : b > 1024 ? `${(b / 1024).toFixed(1)} kB` : `${b} B`);
export const newId = () => "ui-" + Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("");
export const isMac = /Mac/.test(navigator.platform);
// The platform's command key: Ctrl, or ⌘ on a Mac.
export const mod = (e) => (isMac ? e.metaKey : e.ctrlKey);

// -- dialogs (the .modal elements of index.html): one open at a time, closed by a click outside or [data-close]
// Opening one puts the focus in its first field, or on its first button (the shortcuts sheet: Enter closes it).
export function openModal(id) {
  $(id).classList.remove("hidden");
  const f = $(`${id} input, ${id} textarea`) || $(`${id} button`);
  f && f.focus();
}
export function closeModals() { $$(".modal").forEach((m) => m.classList.add("hidden")); }
export const modalOpen = () => $$(".modal").some((m) => !m.classList.contains("hidden"));
$$(".modal").forEach((m) => {
  m.addEventListener("click", (e) => { if (e.target === m || e.target.closest("[data-close]")) closeModals(); });
});

// The clipboard API where the page may use it; a selected text area otherwise (an older web view). False when
// neither may write to the clipboard.
export async function copyText(text, done) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    const area = document.createElement("textarea");
    area.value = text; area.setAttribute("readonly", ""); area.style.position = "fixed"; area.style.opacity = "0";
    document.body.appendChild(area); area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (!ok) return false;
  }
  toast(done);
  return true;
}

// A named-channel publish/subscribe hub: ``on(name, fn)`` returns a function that unsubscribes; ``emit(name, ...args)``
// calls the subscribers in the order they subscribed and returns what they returned (so a caller may await
// asynchronous ones with Promise.all). One subscriber that throws is logged and does not keep the others from
// running: views are independent of each other.
export function hub(label) {
  const channels = new Map();
  return {
    on(name, fn) {
      if (!channels.has(name)) channels.set(name, new Set());
      channels.get(name).add(fn);
      return () => channels.get(name).delete(fn);
    },
    emit(name, ...args) {
      const out = [];
      for (const fn of [...(channels.get(name) || [])]) {
        try { out.push(fn(...args)); } catch (e) { console.warn(label, name, e); }
      }
      return out;
    },
  };
}
