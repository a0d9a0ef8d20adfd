// Spending limits in the chat. The stream service refuses a generation, a continuation or a workflow whose estimated
// cost would take today's spending, or the project's, over a limit the person set (SpendingLimitReached: nothing was
// sent); here the page asks in its own dialog and, if the person agrees, sends the same request again with
// over_limit_ok. A request over the daily warning goes through, and its reply says so (spending_warning): told once a
// day, in a toast.
import { ask } from "./ask.js";
import { call } from "./bus.js";
import { toast } from "./util.js";

const WARNED_KEY = "vibing.spendingWarnedOn";
export const money = (usd) => `$${(usd || 0) >= 0.1 ? (usd || 0).toFixed(2) : (usd || 0).toFixed(3)}`;

// A request to the stream service that may cost money (Generate, ContinueStream, RunWorkflow), asking first when a
// limit stands in the way; a refusal the person does not overrule is thrown as is.
export async function callAsking(method, body, timeout) {
  let reply;
  try {
    reply = await call("stream", method, body, timeout);
  } catch (e) {
    if (e.code !== "SpendingLimitReached" || body.over_limit_ok || !(await askOverLimit(e.details || {}))) throw e;
    reply = await call("stream", method, { ...body, over_limit_ok: true }, timeout);
  }
  warnOnceToday(reply.spending_warning);
  return reply;
}

export const generateAsking = (body, timeout) => callAsking("Generate", body, timeout);

export async function askOverLimit(d) {
  const project = d.limit === "project";
  const answer = await ask({
    title: "Over your spending limit",
    message: `This request would take ${project ? "this project's" : "today's"} spending to about ${money(d.total_usd)}, `
      + `above your limit of ${money(d.limit_usd)}${project ? " for a project" : ""}. Send anyway?`,
    items: [`Spent so far: ${money(d.spent_usd)}`, `This request: about ${money(d.estimate_usd)}${d.model ? ` (${d.model})` : ""}`],
    buttons: [{ value: "send", label: "Send anyway", primary: true }, { value: "cancel", label: "Don't send" }],
    cancel: "cancel",
  });
  return answer === "send";
}

function warnOnceToday(text) {
  if (!text) return;
  const today = new Date().toDateString();
  try {
    if (localStorage.getItem(WARNED_KEY) === today) return;
    localStorage.setItem(WARNED_KEY, today);
  } catch { /* no storage (a private window): told every time rather than never */ }
  toast(text, { ms: 10000 });
}
