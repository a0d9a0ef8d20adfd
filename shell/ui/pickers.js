// The composer's pickers and the agent line under it. The agent picker (the agent library by category, or
// "Auto-select") and the model picker (the stream service's models; Settings' model field offers the same list);
// and the line that says who answers and how sure: while typing with "Auto-select", the agent the selector would
// pick, why, and the runners-up to switch to in one click; after a send, the agent that answered.
import { call, on } from "./bus.js";
import { state } from "./state.js";
import { $, escapeHtml, node } from "./util.js";

// The agent library or the models changed (a file edited, a service back): the pickers are filled again.
on("AgentsChanged", () => loadPickers());
on("ServiceUp", (ev) => { if (ev.service === "agent" || ev.service === "stream") loadPickers(); });

export async function loadPickers() {
  try {
    const r = await call("stream", "ListModels", {});
    state.models = r.models || []; state.defaultModel = r.default || "";
  } catch (e) { state.models = []; }
  const mp = $("#model-picker");
  const current = mp.value;
  mp.innerHTML = `<option value="">${state.defaultModel ? escapeHtml(state.defaultModel) : "Default model"}</option>` +
    state.models.map((m) => `<option value="${escapeHtml(m.id)}">${escapeHtml(m.name || m.id)}</option>`).join("");
  mp.value = current;
  $("#model-list").innerHTML = state.models.map((m) => `<option value="${escapeHtml(m.id)}">`).join("");
  try {
    const r = await call("agent", "ListAgents", {});
    state.agents = r.agents || r.items || [];
  } catch (e) { state.agents = []; }
  const ap = $("#agent-picker");
  const chosen = ap.value;
  const groups = new Map();
  for (const a of state.agents) { const c = a.category || "other"; if (!groups.has(c)) groups.set(c, []); groups.get(c).push(a); }
  ap.innerHTML = `<option value="">Auto-select agent</option>` + [...groups].sort().map(([cat, list]) =>
    `<optgroup label="${escapeHtml(cat)}">${list.map((a) => `<option value="${escapeHtml(a.name)}" title="${escapeHtml(a.description || "")}">${escapeHtml(a.name)}</option>`).join("")}</optgroup>`).join("");
  ap.value = chosen;
}

let selectTimer, selectSeq = 0;  // the pick being asked for; a later ask (or the person's choice) wins

// -- the agent line under the composer: who answers and how sure (first row), why or what else (second row).
// Both rows keep their height when empty, so nothing moves as the pick appears or changes.
// Agent names, reasons and descriptions come from agent files a person can edit: they are only ever set as text.

// A sentence around the agent's name: "Picked X: the request is about..." -> ["Picked ", "The request is about..."].
function aroundName(sentence, name) {
  const at = name ? sentence.indexOf(name) : -1;
  const rest = at < 0 ? sentence : sentence.slice(at + name.length).replace(/^[\s:,.—-]+/, "");
  return [at < 0 ? "" : sentence.slice(0, at), rest.charAt(0).toUpperCase() + rest.slice(1)];
}

function setAgentLine(mode, who, because, title = "") {
  const why = $("#agent-why");
  why.dataset.mode = mode;
  why.title = title;
  const first = node("div", "agent-who");
  first.append(...who);
  const second = node("div", "agent-because");
  second.append(...(typeof because === "string" ? (because ? [node("span", "agent-reason", because)] : []) : because));
  why.replaceChildren(first, second);
}

// ``agent`` with ``reason`` after a Generate (auto: the selector's sentence, and its confidence) or chosen by hand;
// "" for the hint.
export function showAgent(agent, reason, auto, confidence = 0) {
  if (!agent) {
    setAgentLine("", [node("span", "agent-hint", "Auto-select picks the agent from your words as you type.")], "");
    return;
  }
  if (!auto) { showChosen(agent); return; }
  const [before, after] = aroundName(reason || "", agent);
  const who = [before, node("strong", "agent-name", agent)];
  if (confidence) who.push(confidenceBadge({ confidence, uncertain: reason.startsWith("No clear specialist") }));
  setAgentLine("auto", who, after, reason || "");
}

function showChosen(name, { fromRunnerUp = false } = {}) {
  const a = state.agents.find((x) => x.name === name);
  setAgentLine(fromRunnerUp ? "chosen-runner-up" : "chosen",
    [node("strong", "agent-name", name), node("span", "agent-tag", "chosen by you")],
    a?.description || "", a?.description || "");
}

function confidenceBadge(r) {
  const pct = Math.round((r.confidence || 0) * 100);
  const b = node("span", "agent-conf" + (r.uncertain ? " low" : ""), `${pct} %`);
  b.title = `Confidence ${pct} %: about ${pct} in 100 picks like this one are what people wanted`;
  return b;
}

// A SelectAgents reply: an unclear pick with the two runners-up to switch to in one click, a fallback (empty
// request, code only...) said plainly, or a confident pick with its calibrated confidence.
function showSelection(r) {
  const p = r.primary || {};
  const name = p.name || "";
  if (!name) { showAgent("", ""); return; }
  const sentence = r.explanation || p.reason || "";
  const [before, after] = aroundName(sentence, name);
  const title = [sentence, p.description].filter(Boolean).join("\n\n");
  if (r.uncertain) {
    const verb = /keeping/i.test(before) ? "keeping" : "using";
    const alts = (r.runners_up || []).filter((x) => x && x.name && x.name !== name).slice(0, 2);
    const others = [];
    if (alts.length) {
      others.push(node("span", "agent-or", "Or:"));
      for (const alt of alts) {
        const b = node("button", "agent-alt", alt.name);
        b.type = "button";
        b.dataset.agent = alt.name;
        b.title = alt.reason || alt.description || "";
        b.setAttribute("aria-label", `Use ${alt.name} instead`);
        b.addEventListener("click", () => chooseAgent(alt.name));
        others.push(b);
      }
    } else if (after) {
      others.push(node("span", "agent-reason", after));
    }
    setAgentLine("uncertain", [`No clear specialist — ${verb} `, node("strong", "agent-name", name), confidenceBadge(r)], others, title);
  } else if (r.fallback) {
    setAgentLine("fallback", [before, node("strong", "agent-name", name)], after, title);
  } else {
    setAgentLine("confident", [before, node("strong", "agent-name", name), confidenceBadge(r)], after, title);
  }
}

// A runner-up's button: that agent answers from now on, as if picked in the menu.
function chooseAgent(name) {
  const ap = $("#agent-picker");
  if (![...ap.options].some((o) => o.value === name)) ap.append(new Option(name, name));
  clearTimeout(selectTimer);
  selectSeq += 1;  // a pick still on its way is not shown over the person's choice
  ap.value = name;
  showChosen(name, { fromRunnerUp: true });
  $("#prompt").focus();
}

// While typing with "Auto-select", show which agent would be picked, how sure, and why. The project's context
// goes along (its files and the agents of its earlier turns), so a follow-up is read as the Generate flow reads it.
function projectContext() {
  const files = [...state.files.keys()].sort().slice(0, 200);
  const recent = state.messages.filter((m) => m.role === "assistant" && m.agent).map((m) => m.agent).slice(-20);
  return { files, recent_agents: recent };
}
function scheduleSelect(delay = 250) {
  clearTimeout(selectTimer);
  if ($("#agent-picker").value || state.activeStream) return;
  const prompt = $("#prompt").value.trim();
  if (prompt.length < 8) { selectSeq += 1; showAgent("", ""); return; }
  selectTimer = setTimeout(async () => {
    const seq = ++selectSeq;
    try {
      const r = await call("agent", "SelectAgents", {
        prompt, project_type: state.project?.project_type || "", max_helpers: 0, ...projectContext(),
      });
      if (seq === selectSeq && !state.activeStream && !$("#agent-picker").value) showSelection(r);
    } catch (e) { /* the agent service may be restarting */ }
  }, delay);
}
$("#prompt").addEventListener("input", () => scheduleSelect());
showAgent("", "");
$("#agent-picker").addEventListener("change", () => {
  const name = $("#agent-picker").value;
  if (name) { clearTimeout(selectTimer); selectSeq += 1; showChosen(name); }
  else { showAgent("", ""); scheduleSelect(0); }
});
