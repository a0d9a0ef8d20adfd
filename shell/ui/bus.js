// The page's bus client. Requests go to the shell's bridge over fetch (POST /api/request -> a bus request to a
// service; POST /api/shell/<intent> -> the shell itself); events come back as Server-Sent Events on /events (the bus
// events of the forwarded topics, each a schema message with its "type" tag and its "topic").
//
// Views subscribe to the events they care about instead of one switch knowing every view:
//   on("ProjectChanged", (ev) => ...)      every event of that message type (the tag defined in schema/)
//   onTopic("workflow.", (ev) => ...)      every event whose topic starts with the prefix
//   onConnection((up, { reconnected }) => ...)   the event stream opened (again) or dropped
// Each returns a function that unsubscribes. A subscriber that throws is logged; the others still run.
//
// The session is an HttpOnly cookie set when the sign-in link was opened: this script never sees a secret, and
// the browser sends it only to this origin.
import { hub } from "./util.js";

export class VError extends Error {
  constructor(e) { super(e.message || "Something went wrong."); this.code = e.code || "Error"; this.details = e.details || {}; this.retryable = !!e.retryable; }
}

export async function post(path, data) {
  let res;
  try {
    res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data || {}) });
  } catch (e) {
    throw new VError({ code: "Offline", message: "The Vibing window process is not answering." });
  }
  let body;
  try { body = await res.json(); } catch (e) { throw new VError({ code: "BadReply", message: `Unexpected answer (${res.status}).` }); }
  if (!body.ok) throw new VError(body.error || {});
  return body.reply;
}
// A request to a service (its reply, or a VError with the service's code and words); timeout in seconds.
export const call = (service, type, body = {}, timeout) => post("/api/request", { service, type, body, timeout });
// An intent of the shell itself (settings, native dialogs, the preview's address...).
export const shell = (intent, data) => post(`/api/shell/${intent}`, data);

// -- events
const types = hub("event");
const topics = [];  // [prefix, handler]
const connection = hub("connection");

export function on(type, handler) { return types.on(type, handler); }
export function onTopic(prefix, handler) {
  const entry = [prefix, handler];
  topics.push(entry);
  return () => { const at = topics.indexOf(entry); if (at >= 0) topics.splice(at, 1); };
}
export function onConnection(handler) { return connection.on("change", handler); }

// Deliver one event to its subscribers: by type first, then by topic.
export function dispatch(ev) {
  types.emit(ev.type, ev);
  const topic = ev.topic || "";
  for (const [prefix, handler] of [...topics]) {
    if (!topic.startsWith(prefix)) continue;
    try { handler(ev); } catch (e) { console.warn("event", prefix, e); }
  }
}

let source = null;
let connected;  // undefined until the first answer: true once "hello" came, false after the stream dropped
export const isConnected = () => connected === true;

// Open the event stream (once). The browser reconnects by itself after a drop; the shell greets every connection
// with "hello", so subscribers learn both that it dropped and that it is back (and may then catch up).
export function connectEvents() {
  if (source) return;
  source = new EventSource("/events");
  source.addEventListener("hello", () => {
    const reconnected = connected === false;
    connected = true;
    connection.emit("change", true, { reconnected });
  });
  source.onmessage = (m) => {
    let ev;
    try { ev = JSON.parse(m.data); } catch (e) { console.warn("event", e); return; }
    dispatch(ev);
  };
  source.onerror = () => { connected = false; connection.emit("change", false, { reconnected: false }); };
}
