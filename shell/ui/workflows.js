// The Workflows view of a project (issue 18 item 5): several agents work on one brief. A person picks a workflow
// (full-stack, security audit, ...), writes its brief (and its parameters, when the template has any), sees its task
// graph, presses Run and watches the tasks: the independent ones stream side by side, each card with its state, its
// agent, the tail of its text as it arrives, the characters so far, and when it is over its result, whose full
// answer is in the project's chat (the stream service keeps every task's answer there). One task or the whole run
// can be stopped.
//
// Everything goes over the bus, never blocking the page: ListWorkflows and PlanWorkflow (agent service) for the
// list and the graph, RunWorkflow, StopStream (one task: its stream) and StopWorkflow (the run) on the stream
// service; the run's own events on "workflow." (WorkflowProgress, WorkflowDone) and each running task's text on
// "token.<stream_id>" (subscribed when the task starts, caught up from SnapshotStream, so no delta is lost).
//
// The graph is plain markup, no canvas: the levels are columns ("Step 1", "Step 2: 4 side by side"), the tasks are
// cards in them, and a card names the tasks it waits for ("After: ...") instead of drawing lines. State changes are
// announced through a polite live region; the streaming text is not (it would drown a screen reader).
import { call, on, onConnection, onTopic } from "./bus.js";
import { onProject, reloadProject } from "./project.js";
import { callAsking } from "./spending.js";
import { state } from "./state.js";
import { $, $$, newId, node, showError, toast } from "./util.js";

// Characters of a task's text its card shows (the tail: what it is writing right now).
const TAIL = 420;
const STATE_WORDS = { queued: "Queued", running: "Running", done: "Done", failed: "Failed", stopped: "Stopped", skipped: "Skipped" };
// Params the stream service fills from the brief when they are left empty (RunWorkflow: app and features).
const FROM_BRIEF = new Set(["app", "features"]);

let catalog = null;     // the ListWorkflows reply's workflows, once loaded
let chosen = null;      // the picked workflow (WorkflowInfo)
let plan = null;        // its plan (WorkflowPlan): tasks, levels
let run = null;         // the run on screen: { id, projectId, tasks: Map(id -> task), over }
let planAsked = 0;      // the latest PlanWorkflow asked (an older answer arriving late is dropped)
const view = () => $("#workflows-view");
const button = () => $("#workflows-btn");

// -- the panel's skeleton: static markup; every name, description and text from the bus goes in as text
function build() {
  const el = view();
  if (el.dataset.built) return;
  el.dataset.built = "1";
  el.innerHTML = `
    <header class="wf-head">
      <div>
        <h2 id="wf-title" tabindex="-1">Workflows</h2>
        <p class="muted small">Several specialist agents work on one brief: each step waits for the ones it needs, the independent ones run side by side. Their answers land in this project's chat.</p>
      </div>
      <span class="spacer"></span>
      <button type="button" class="btn ghost" id="wf-close">Back to the chat</button>
    </header>
    <form class="wf-setup" id="wf-form" novalidate>
      <fieldset class="wf-pick">
        <legend>Workflow</legend>
        <div class="wf-choices" id="wf-choices"><p class="muted small">Loading the workflows…</p></div>
      </fieldset>
      <div class="wf-fields">
        <div class="field"><label for="wf-brief">What is it for?</label>
          <textarea id="wf-brief" rows="3" required placeholder="A recipe box where I save recipes, tag them and plan the week's meals"></textarea></div>
        <fieldset class="wf-params hidden" id="wf-params"><legend>Parameters <span class="muted">(optional)</span></legend><div id="wf-param-fields"></div></fieldset>
        <div class="wf-run-bar">
          <span class="note" id="wf-error" role="alert"></span><span class="spacer"></span>
          <button type="submit" class="btn primary" id="wf-run">Run</button>
        </div>
      </div>
    </form>
    <section class="wf-runhead hidden" id="wf-runhead" aria-labelledby="wf-run-title">
      <div class="wf-run-text">
        <h3 id="wf-run-title"></h3>
        <p class="muted small" id="wf-run-brief"></p>
        <p class="wf-status" id="wf-status" role="status" aria-live="polite"></p>
      </div>
      <span class="spacer"></span>
      <button type="button" class="btn danger" id="wf-stop-all">Stop all</button>
      <button type="button" class="btn hidden" id="wf-again">New run</button>
    </section>
    <section class="wf-graph-box" aria-labelledby="wf-graph-title">
      <h3 class="wf-graph-title" id="wf-graph-title">Task graph</h3>
      <p class="muted small" id="wf-warnings"></p>
      <div class="wf-graph" id="wf-graph"><p class="muted small">Pick a workflow to see its tasks.</p></div>
    </section>
    <div class="wf-sr" id="wf-announce" aria-live="polite"></div>`;
  $("#wf-close").onclick = () => hideWorkflows();
  $("#wf-form").addEventListener("submit", (e) => { e.preventDefault(); startRun(); });
  $("#wf-stop-all").onclick = () => stopAll();
  $("#wf-again").onclick = () => newRun();
  $("#wf-graph").addEventListener("click", (e) => {
    const act = e.target.closest("[data-act]");
    const card = e.target.closest(".wf-task");
    const task = act && card && run?.tasks.get(card.dataset.task);
    if (!task) return;
    if (act.dataset.act === "stop") stopTask(task);
    if (act.dataset.act === "open") openInChat(task);
  });
}

// -- showing and hiding (the panel takes the workspace's place; the project's header stays)
export const workflowsShown = () => !!view() && !view().classList.contains("hidden");

export function toggleWorkflows() {
  if (workflowsShown()) hideWorkflows(); else showWorkflows();
}

export function showWorkflows() {
  if (!state.project) return;
  build();
  if (run && run.projectId !== state.project.id) forgetRun();  // another project's run goes on; its answers are in its chat
  $("#workspace").classList.add("hidden");
  view().classList.remove("hidden");
  button().classList.add("on");
  button().setAttribute("aria-pressed", "true");
  showSetup(!run);
  loadCatalog();
  $("#wf-title").focus();
}

export function hideWorkflows({ focus = true } = {}) {
  const el = view();
  if (!el) return;
  const inside = el.contains(document.activeElement);
  el.classList.add("hidden");
  $("#workspace").classList.remove("hidden");
  button().classList.remove("on");
  button().setAttribute("aria-pressed", "false");
  if (focus && inside) button().focus();
}

// -- the list of workflows, and the one picked
async function loadCatalog() {
  if (catalog) { if (!run) renderChoices(); return; }
  try {
    catalog = (await call("agent", "ListWorkflows", {})).workflows || [];
  } catch (e) {
    $("#wf-choices").replaceChildren(node("p", "note bad", `The workflows could not be listed: ${e.message}`));
    return;
  }
  renderChoices();
}

function renderChoices() {
  const box = $("#wf-choices");
  box.replaceChildren();
  if (!catalog.length) { box.append(node("p", "muted small", "No workflow is installed.")); return; }
  for (const w of catalog) {
    const label = node("label", "wf-choice");
    label.dataset.workflow = w.id;
    const input = document.createElement("input");
    input.type = "radio";
    input.name = "wf-choice";
    input.value = w.id;
    input.checked = chosen?.id === w.id;
    input.addEventListener("change", () => choose(w));
    const text = node("span", "wf-choice-text");
    text.append(node("strong", "", w.name), node("span", "muted small", w.description),
      node("span", "muted small", `${w.tasks} tasks in ${w.levels} steps`));
    label.append(input, text);
    box.append(label);
  }
  if (!chosen) { box.querySelector("input").checked = true; choose(catalog[0]); }
}

async function choose(w) {
  chosen = w;
  plan = null;  // the graph shown and run is always the picked workflow's
  renderParams(w);
  $("#wf-error").textContent = "";
  const asked = ++planAsked;
  try {
    const reply = await call("agent", "PlanWorkflow", { workflow: w.id });
    if (asked !== planAsked || run) return;
    plan = reply;
    renderGraph(plan);
  } catch (e) {
    if (asked === planAsked) $("#wf-graph").replaceChildren(node("p", "note bad", `This workflow cannot be planned: ${e.message}`));
  }
}

function renderParams(w) {
  const names = Object.keys(w.params || {});
  $("#wf-params").classList.toggle("hidden", !names.length);
  const box = $("#wf-param-fields");
  box.replaceChildren();
  for (const name of names) {
    const id = `wf-param-${name}`;
    const field = node("div", "field");
    const label = node("label", "", name.replace(/[-_]+/g, " "));
    label.htmlFor = id;
    const input = document.createElement("input");
    input.id = id;
    input.dataset.param = name;
    input.autocomplete = "off";
    input.placeholder = FROM_BRIEF.has(name) ? "The brief" : w.params[name];
    field.append(label, input);
    box.append(field);
  }
}

// -- the graph: one column per level, one card per task
function renderGraph(p, tasks = null) {
  const graph = $("#wf-graph");
  graph.replaceChildren();
  const byId = new Map(p.tasks.map((t) => [t.id, t]));
  $("#wf-warnings").textContent = (p.warnings || []).join(" ");
  p.levels.forEach((level, i) => {
    const column = node("section", "wf-level");
    const headingId = `wf-level-${i}`;
    column.setAttribute("aria-labelledby", headingId);
    const heading = node("h4", "wf-level-title", `Step ${i + 1}`);
    heading.id = headingId;
    if (level.length > 1) heading.append(node("span", "muted", ` · ${level.length} side by side`));
    const list = node("ol", "wf-tasks");
    for (const id of level) {
      const t = byId.get(id);
      const card = taskCard(t, byId);
      list.append(card);
      if (tasks?.has(id)) tasks.get(id).card = card;
    }
    column.append(heading, list);
    graph.append(column);
  });
}

function taskCard(t, byId) {
  const card = node("li", "wf-task");
  card.dataset.task = t.id;
  card.dataset.state = "queued";
  card.dataset.message = "";
  card.tabIndex = -1;
  const titleId = `wf-task-${t.id}`;
  card.setAttribute("aria-labelledby", titleId);
  const head = node("div", "wf-task-head");
  const title = node("h5", "wf-task-title", t.title);
  title.id = titleId;
  head.append(title, node("span", "wf-state", STATE_WORDS.queued));
  const agent = node("div", "wf-agent", t.agent);
  if (t.wanted_agent) agent.title = `Stands in for ${t.wanted_agent}, which is not installed`;
  card.append(head, agent);
  if (t.depends_on?.length) card.append(node("div", "wf-after", `After: ${t.depends_on.map((d) => byId.get(d)?.title || d).join(", ")}`));
  const tail = node("pre", "wf-tail hidden");
  tail.append(node("span"));  // anchored at the bottom (CSS): the newest words show, the oldest leave at the top
  tail.setAttribute("aria-label", `Latest text of “${t.title}”`);
  const foot = node("div", "wf-foot");
  foot.append(node("span", "wf-chars muted small"), node("span", "spacer"));
  card.append(tail, node("p", "wf-message small hidden"), foot);
  return card;
}

// -- a run
function showSetup(setup) {
  $("#wf-form").classList.toggle("hidden", !setup);
  $("#wf-runhead").classList.toggle("hidden", setup);
}

function params() {
  const out = {};
  for (const input of $$("#wf-param-fields input")) if (input.value.trim()) out[input.dataset.param] = input.value.trim();
  return out;
}

// The provider and model the chat would use (its pickers), so a workflow answers from the same place.
function providerChoice() {
  const provider = state.providerOverride || "";
  if (provider === "local") return { provider, model: "" };
  if (provider === "openai") return { provider, model: state.prefs.openai_model || "" };
  return { provider, model: $("#model-picker")?.value || "" };
}

async function startRun() {
  const brief = $("#wf-brief").value.trim();
  const error = $("#wf-error");
  if (!chosen) { error.textContent = "Pick a workflow first."; return; }
  if (!plan) { error.textContent = "Its task graph is still being planned: try again in a moment."; return; }
  if (!brief) { error.textContent = "Say what it is for: the brief is empty."; $("#wf-brief").focus(); return; }
  error.textContent = "";
  // The run's id is ours, so its events are recognised even when they come before RunWorkflow's reply.
  const id = `wf-${newId().slice(3)}`;
  const tasks = new Map(plan.tasks.map((t) => [t.id, {
    id: t.id, title: t.title, agent: t.agent, state: "queued", streamId: "", text: "", seq: 0, chars: 0, message: "",
    messageId: "", card: null, unsubscribe: null, dirty: false,
  }]));
  run = { id, projectId: state.project.id, workflow: chosen, tasks, over: false, started: performance.now() };
  renderGraph(plan, tasks);
  $("#wf-run-title").textContent = chosen.name;
  $("#wf-run-brief").textContent = brief;
  $("#wf-status").textContent = "Starting…";
  $("#wf-stop-all").classList.remove("hidden");
  $("#wf-stop-all").disabled = false;
  $("#wf-again").classList.add("hidden");
  showSetup(false);
  $("#wf-run").disabled = true;
  try {
    await callAsking("RunWorkflow", { // asks first when a spending limit stands in the way
      workflow: chosen.id, brief, params: params(), project_id: state.project.id, run_id: id, ...providerChoice(),
    }, 20);
  } catch (e) {
    if (run?.id === id) { forgetRun(); showSetup(true); renderGraph(plan); error.textContent = e.message; $("#wf-brief").focus(); }
  } finally {
    $("#wf-run").disabled = false;
  }
}

function newRun() {
  forgetRun();
  showSetup(true);
  if (plan) renderGraph(plan);
  $("#wf-brief").focus();
}

// The run leaves the screen (a new run, another project): its text subscriptions end; on the bus it goes on.
function forgetRun() {
  if (!run) return;
  for (const t of run.tasks.values()) t.unsubscribe?.();
  run = null;
}

async function stopTask(t) {
  if (!t.streamId) return;
  const b = t.card?.querySelector("[data-act=stop]");
  if (b) { b.disabled = true; b.textContent = "Stopping…"; }
  try { await call("stream", "StopStream", { stream_id: t.streamId }); }
  catch (e) { showError(e); if (b) { b.disabled = false; b.textContent = "Stop"; } }
}

async function stopAll() {
  if (!run || run.over) return;
  const b = $("#wf-stop-all");
  b.disabled = true;
  $("#wf-status").textContent = "Stopping every running task…";
  try { await call("stream", "StopWorkflow", { run_id: run.id }); }
  catch (e) { if (e.code !== "NotFound") { showError(e); b.disabled = false; } }  // NotFound: it just ended
}

// The full answer is a message of the project's chat: show the chat, at that message.
async function openInChat(t) {
  if (!t.messageId && t.streamId) await resync(t);
  hideWorkflows({ focus: false });
  await reloadProject();
  const msg = t.messageId && $(`#messages .msg[data-id="${CSS.escape(t.messageId)}"]`);
  if (!msg) { $("#prompt")?.focus(); return; }
  msg.scrollIntoView({ block: "start" });
  msg.setAttribute("tabindex", "-1");
  msg.classList.add("wf-flash");
  setTimeout(() => msg.classList.remove("wf-flash"), 1600);
  msg.focus({ preventScroll: true });
}

// -- events
let heard = null;  // while a reloaded page asks which run is going on: the run events heard meanwhile, replayed after
onTopic("workflow.", (ev) => {
  if (heard) heard.push(ev);
  if (!run || ev.run_id !== run.id) return;
  if (ev.type === "WorkflowProgress") progress(ev);
  else if (ev.type === "WorkflowDone") finished(ev);
});

// Where a task's states go: queued, then running, then one end. A progress event heard before a run was listed
// (a page catching up after a reload) may be older than the listed state: it never takes a task back.
const RANK = { queued: 0, running: 1 };
const rank = (s) => RANK[s] ?? 2;

function progress(ev) {
  const t = run.tasks.get(ev.task_id);
  if (!t || rank(ev.state) < rank(t.state) || (rank(t.state) === 2 && ev.state !== t.state)) return;
  const before = t.state;
  t.state = ev.state;
  t.message = ev.message || "";
  if (ev.stream_id && !t.streamId) follow(t, ev.stream_id);
  if (ev.chars) t.chars = ev.chars;
  if (!["queued", "running"].includes(t.state)) { t.unsubscribe?.(); t.unsubscribe = null; }
  paint(t);
  if (before !== t.state && t.state !== "queued") announce(`${t.title}: ${STATE_WORDS[t.state] || t.state}${t.message ? ` (${t.message})` : ""}`);
  summarise();
}

function finished(ev) {
  run.over = true;
  const seconds = ((ev.duration_ms || 0) / 1000).toFixed(1);
  $("#wf-status").textContent = `${ev.message} (${seconds} s)${run.projectId ? " The answers are in the chat." : ""}`;
  $("#wf-status").dataset.ok = ev.ok ? "1" : "0";
  $("#wf-stop-all").classList.add("hidden");
  $("#wf-again").classList.remove("hidden");
  for (const t of run.tasks.values()) { t.unsubscribe?.(); t.unsubscribe = null; }
  announce(`Workflow over: ${ev.message}`);
}

function summarise() {
  if (run.over) return;
  const counts = {};
  for (const t of run.tasks.values()) counts[t.state] = (counts[t.state] || 0) + 1;
  const total = run.tasks.size;
  const parts = [`${counts.done || 0} of ${total} done`];
  if (counts.running) parts.push(`${counts.running} running`);
  for (const s of ["stopped", "failed", "skipped"]) if (counts[s]) parts.push(`${counts[s]} ${s}`);
  $("#wf-status").textContent = parts.join(" · ");
}

function announce(text) {
  const box = $("#wf-announce");
  if (box) box.textContent = text;
}

// A running task's text: subscribe to its token topic first, then catch up from a snapshot; a delta whose seq the
// text already holds is skipped, one after a gap asks for a new snapshot.
function follow(t, streamId) {
  t.streamId = streamId;
  t.unsubscribe = onTopic(`token.${streamId}`, (ev) => {
    if (ev.type !== "TokenDelta" || ev.seq <= t.seq) return;
    if (ev.seq > t.seq + 1 && t.seq !== 0) { resync(t); return; }
    t.seq = ev.seq;
    if (ev.thinking) return;
    t.text += ev.text;
    schedule(t);
  });
  resync(t);
}

async function resync(t) {
  if (t.syncing || !t.streamId) return;
  t.syncing = true;
  try {
    const snap = await call("stream", "SnapshotStream", { stream_id: t.streamId });
    if ((snap.seq || 0) >= t.seq) { t.text = snap.text || ""; t.seq = snap.seq || 0; }
    if (snap.message_id) t.messageId = snap.message_id;
    schedule(t);
  } catch (e) { /* the stream may be gone: its end comes as progress */ }
  t.syncing = false;
}

// The message that keeps a task's answer: named by the stream's end (or its failure).
function remember(ev) {
  if (!run || !ev.message_id) return;
  for (const t of run.tasks.values()) if (t.streamId === ev.stream_id) { t.messageId = ev.message_id; paint(t); }
}
on("StreamDone", remember);
on("StreamFailed", remember);
// Back after the event stream dropped: each running task catches up from its snapshot.
onConnection((up, { reconnected }) => {
  if (up && reconnected && run) for (const t of run.tasks.values()) if (t.state === "running") resync(t);
});

// -- painting: text at most once a frame, however fast the tokens come
const dirty = new Set();
let frame = 0;
function schedule(t) {
  dirty.add(t);
  if (!frame) frame = requestAnimationFrame(flush);
}
function flush() {
  frame = 0;
  for (const t of dirty) paint(t);
  dirty.clear();
}

// A task's state, message and buttons change with its progress; its text, once a frame while it streams.
function paint(t) {
  const card = t.card;
  if (!card || !card.isConnected) return;
  if (card.dataset.state !== t.state || card.dataset.message !== t.message) paintState(t, card);
  const tail = $(".wf-tail", card);
  if (t.text) {
    tail.classList.remove("hidden");
    tail.firstChild.textContent = (t.text.length > TAIL ? "…" : "") + t.text.slice(-TAIL);
  }
  const chars = Math.max(t.text.length, t.chars);
  $(".wf-chars", card).textContent = chars ? `${chars.toLocaleString()} characters` : t.state === "running" ? "Waiting for the first words…" : "";
}

function paintState(t, card) {
  card.dataset.state = t.state;
  card.dataset.message = t.message;
  $(".wf-state", card).textContent = STATE_WORDS[t.state] || t.state;
  const message = $(".wf-message", card);
  const said = { skipped: "Skipped", failed: "Failed", stopped: "Stopped" }[t.state];
  message.textContent = said ? `${said}: ${t.message || said.toLowerCase()}` : "";
  message.classList.toggle("hidden", !said);
  const foot = $(".wf-foot", card);
  const hadFocus = foot.contains(document.activeElement);
  $$("button", foot).forEach((b) => b.remove());
  let action = null;
  if (t.state === "running") {
    action = node("button", "btn small danger", "Stop");
    action.dataset.act = "stop";
    action.setAttribute("aria-label", `Stop “${t.title}”`);
  } else if ((t.state === "done" || t.state === "stopped") && run?.projectId) {
    const words = t.state === "done" ? "Open in chat" : "Open what it wrote";
    action = node("button", "btn small", words);
    action.dataset.act = "open";
    action.setAttribute("aria-label", `${words}: “${t.title}”`);
  }
  if (action) {
    action.type = "button";
    foot.append(action);
    if (hadFocus) action.focus();  // the Stop just pressed becomes this task's next action, under the same finger
  } else if (hadFocus) card.focus();
}

// -- a run that goes on while the page was reloaded, or while another project was open: shown again, its running
// tasks followed (their text caught up from snapshots), and the person told where it is.
async function rejoin(projectId) {
  heard = [];
  let runs = [];
  try { runs = (await call("stream", "ListWorkflowRuns", { project_id: projectId })).runs || []; } catch (e) { /* no stream service: nothing to show */ }
  const events = heard;
  heard = null;
  const info = runs[0];
  if (!info || !state.project || state.project.id !== projectId || run?.id === info.run_id) return;
  forgetRun();
  plan = info.plan;
  chosen = info.plan.workflow;
  const tasks = new Map(plan.tasks.map((t) => [t.id, {
    id: t.id, title: t.title, agent: t.agent, state: "queued", streamId: "", text: "", seq: 0, chars: 0, message: "",
    messageId: "", card: null, unsubscribe: null, dirty: false,
  }]));
  run = { id: info.run_id, projectId, workflow: chosen, tasks, over: false, started: performance.now() };
  build();
  renderGraph(plan, tasks);
  $("#wf-run-title").textContent = chosen.name;
  $("#wf-run-brief").textContent = info.brief;
  $("#wf-stop-all").classList.remove("hidden");
  $("#wf-stop-all").disabled = false;
  $("#wf-again").classList.add("hidden");
  showSetup(false);
  for (const p of info.tasks) progress(p);
  for (const ev of events) {
    if (ev.run_id !== run?.id) continue;
    if (ev.type === "WorkflowProgress") progress(ev); else if (ev.type === "WorkflowDone") finished(ev);
  }
  if (!run.over && !workflowsShown()) {
    toast(`The workflow “${chosen.name}” is still running in this project.`, { action: "Show it", ms: 10000, onAction: () => showWorkflows() });
  }
}

// -- the project's header button, and the project's moments: the panel belongs to the open project
onProject("opened", (id) => { rejoin(id); });
$("#workflows-btn").onclick = () => toggleWorkflows();
onProject("reset", () => hideWorkflows({ focus: false }));
