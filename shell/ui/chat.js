// The chat (the project view's middle pane): the conversation, answers rendered as their tokens arrive (in order,
// with no gap: a late or restarted subscriber catches up from a snapshot), sending a prompt, stop, continue and
// retry, the progress line over the composer (starting, thinking, writing <file>, done with tokens, time and cost),
// and what to do when a provider did not answer.
import { call, on, onConnection } from "./bus.js";
import { storedImages, withImages } from "./attachments.js";
import { restoreChips, takeChips, withChips } from "./chips.js";
import { beforeGeneration } from "./code.js";
import { renderMarkdown, StreamRenderer } from "./markdown.js";
import { goSettings } from "./nav.js";
import { loadPickers, showAgent } from "./pickers.js";
import { onFix, reloadPreview } from "./preview.js";
import { historyChanged, onProject, refreshUsage, reloadProject } from "./project.js";
import { chooseProvider, LOCAL_FALLBACK_CODES, KEY_CODES, loadLocalModel, markProviderReady } from "./provider.js";
import { asSent, imageCount, imagesSettled, restoreImages, takeImages } from "./images.js";
import { captureShot } from "./shot.js";
import { callAsking, generateAsking } from "./spending.js";
import { state } from "./state.js";
import { $, $$, escapeHtml, fmtCost, fmtTokens, humanError, newId, showError, toast } from "./util.js";

// -- messages
function messageEl(m) {
  const el = document.createElement("div");
  el.className = `msg ${m.role}`;
  el.dataset.id = m.id || "";
  if (m.role === "user") {
    // A stored prompt about picked elements ends with its trace, "(about: #buy, h1 and 2 more)": shown as the
    // chips it was sent with, so the message reads the same before and after a reload.
    const about = /\n\(about: (.+?)( and \d+ more)?\)$/.exec(m.content || "");
    el.textContent = about ? m.content.slice(0, about.index) : m.content;
    if (about) {
      const more = about[2] ? [{ selector: about[2].trim(), tag: "" }] : [];
      withChips(el, [...about[1].split(", ").map((selector) => ({ selector, tag: "" })), ...more]);
    }
    return withImages(el, m.images || storedImages(m.attachments));
  }
  const who = m.agent ? escapeHtml(m.agent) : "Assistant";
  el.innerHTML = `<div class="msg-head"><span class="who">${who}</span>${m.model ? `<span>· ${escapeHtml(m.model)}</span>` : ""}</div><div class="md"></div><div class="msg-foot"></div>`;
  $(".md", el).innerHTML = renderMarkdown(m.content || "", { streaming: m.status === "streaming" && m.live });
  footFor(el, m);
  return el;
}

// Stored messages keep the error's words, not its code: this session's failures, by message id.
const failureCodes = new Map();

// The ways forward from a provider that did not answer, as buttons: a key (Settings, at the key field), the
// offline model (when it is installed: it becomes the default), or an OpenAI-compatible server (Settings, there).
function waysForward(code) {
  const out = [];
  if (KEY_CODES.includes(code)) {
    out.push(`<button class="btn small" data-act="add-key">${code === "NoApiKey" || code === "KeyWithheld" ? "Add a key" : "Check the key"}</button>`);
  }
  if (LOCAL_FALLBACK_CODES.includes(code)) {
    if (!state.localModel || state.localModel.installed) {
      out.push(`<button class="btn small" data-act="local" title="${escapeHtml(state.localModel?.label || "The offline model")} runs on this computer: offline, fast, but a small demo model">Use the local model</button>`);
    }
    out.push(`<button class="btn small ghost" data-act="openai">Use an OpenAI-compatible server</button>`);
    if (!state.localModel) loadLocalModel().then(() => { if (!state.localModel.installed) $$("#messages [data-act=local]").forEach((b) => b.remove()); });
  }
  return out;
}

function footFor(el, m) {
  const foot = $(".msg-foot", el);
  // Stored messages keep the error's words, not its code: remember the codes of this session's failures.
  if (m.error_code && m.id) failureCodes.set(m.id, m.error_code);
  m = m.error_code || !failureCodes.has(m.id) ? m : { ...m, error_code: failureCodes.get(m.id) };
  const bits = [];
  if (m.output_tokens) bits.push(`<span>${fmtTokens(m.input_tokens)} in · ${fmtTokens(m.output_tokens)} out</span>`);
  if (m.cost_usd) bits.push(`<span>${fmtCost(m.cost_usd)}</span>`);
  if (m.duration_ms) bits.push(`<span>${(m.duration_ms / 1000).toFixed(1)} s</span>`);
  const status = m.status;
  if (status === "stopped") bits.push(`<span>Stopped</span>`);
  if ((status === "interrupted" || (status === "streaming" && !m.live)) && m.id) bits.push(`<span>Interrupted — continue?</span>`);
  if (status === "error") { el.classList.add("error"); }
  if (m.error) bits.push(`<div class="err">${escapeHtml(humanError(m.error_code, m.error))}</div>`);
  bits.push(...waysForward(m.error_code));
  if (["stopped", "interrupted", "error"].includes(status) || (status === "streaming" && !m.live)) {
    if (m.id && (m.content || "").length) bits.push(`<button class="btn small" data-act="continue">Continue</button>`);
    bits.push(`<button class="btn small ghost" data-act="retry">Retry</button>`);
  } else if (status === "complete" && m.can_continue && m.id) {
    bits.push(`<span>Cut off at the length limit</span><button class="btn small" data-act="continue">Continue</button>`);
  } else if (status === "complete" && m.role === "assistant") {
    bits.push(`<span class="spacer"></span><button class="link" data-act="retry" title="Ask again">Retry</button>`);
  }
  foot.innerHTML = bits.join("");
}

// What a stored message's element shows: an element whose signature still matches is kept as it is. Rendering a
// long answer (Markdown, highlighting, layout) costs hundreds of milliseconds, and the project reloads after every
// generation, save and restore: only what changed is rendered again.
const signature = (m) => [m.role, m.status, m.content.length, m.attachments?.length || 0, m.updated_at, m.agent, m.model, m.output_tokens, m.cost_usd,
  m.error, failureCodes.get(m.id) || ""].join("|");

function renderMessages() {
  const box = $("#messages");
  const kept = new Map();
  for (const el of box.children) if (el.dataset.id && el._signature) kept.set(el.dataset.id, el);
  const nodes = [];
  const unsent = state.unsent && state.unsent.projectId === state.project.id;
  if (!state.messages.length && !unsent) {
    const empty = document.createElement("div");
    empty.className = "empty";
    empty.style.padding = "48px 20px";
    empty.innerHTML = `<div class="empty-art">✦</div><h2>What should we build?</h2>
      <p class="muted">Describe the app in plain words: what it does, how it looks. The agent writes the files and the preview runs them.</p>`;
    nodes.push(empty);
  }
  const streams = [...state.streams.values()];
  for (const m of state.messages) {
    if (m.role === "system") continue;
    const stream = streams.find((x) => x.messageId && x.messageId === m.id);
    if (stream && !stream.finished) {  // still being written: its element is the stream's, drawn as it arrives
      if (!stream.el) stream.el = messageEl({ ...m, content: stream.text || m.content, live: true, status: "streaming" });
      nodes.push(stream.el);
      continue;
    }
    const sig = signature(m);
    let el = kept.get(m.id);
    if (el && el._signature !== sig) el = null;
    if (!el && stream?.el && stream.text === m.content) {
      el = stream.el;  // the answer just written, already drawn from its stream: only its footer is new
      el.dataset.id = m.id;
      footFor(el, m);
    }
    if (!el) el = messageEl(m);
    el._signature = sig;
    nodes.push(el);
  }
  for (const s of streams) {
    if (!s.finished && s.projectId === state.project.id && (!s.messageId || !state.messages.some((m) => m.id === s.messageId))) {
      if (s.userPrompt) nodes.push(messageEl({ role: "user", content: s.userPrompt, images: s.images }));
      if (!s.el) s.el = messageEl({ role: "assistant", content: s.text, status: "streaming", live: true, agent: s.agent, model: s.model });
      nodes.push(s.el);
    }
  }
  if (unsent) nodes.push(unsentEl(state.unsent));
  // In place: an element already where it belongs is not touched (moving it would lay the whole answer out again).
  // The elements that go are removed first, so that the ones kept after them are not moved in front of them (the
  // prompt's bubble, redrawn from storage, before the answer just streamed: 30-60 ms of its layout).
  const wanted = new Set(nodes);
  let changed = false;
  for (const el of [...box.children]) if (!wanted.has(el)) { el.remove(); changed = true; }
  let at = box.firstChild;
  for (const node of nodes) {
    if (node === at) { at = at.nextSibling; continue; }
    box.insertBefore(node, at);
    changed = true;
  }
  while (at) { const next = at.nextSibling; at.remove(); at = next; changed = true; }
  if (changed) box.scrollTop = box.scrollHeight;
}

// A prompt the stream service refused before anything was stored (no key, no provider...): its words go back
// into the input, and this card says why, with the ways forward. It is the window's, never stored.
function unsentEl(u) {
  const el = document.createElement("div");
  el.className = "msg assistant error unsent";
  el.setAttribute("role", "alert");
  el.innerHTML = `<div class="msg-head"><span class="who">Not sent</span><span>· your prompt is back in the box below</span></div>
    <div class="err"></div><div class="msg-foot"></div>`;
  $(".err", el).textContent = humanError(u.code, u.message);
  $(".msg-foot", el).innerHTML = [...waysForward(u.code), `<button class="btn small ghost" data-act="resend">Send again</button>`].join("");
  return el;
}
function clearUnsent() {
  state.unsent = null;
  $$("#messages .msg.unsent").forEach((el) => el.remove());
}

$("#messages").addEventListener("click", async (e) => {
  const act = e.target.closest("[data-act]");
  if (!act) return;
  const msgEl = e.target.closest(".msg");
  if (act.dataset.act === "copy") {
    const code = act.closest(".codeblock").querySelector("code").innerText;
    navigator.clipboard?.writeText(code).then(() => toast("Copied"), () => {});
  } else if (act.dataset.act === "expand") {
    act.closest(".codeblock").classList.toggle("open");
  } else if (act.dataset.act === "retry") {
    const idx = state.messages.findIndex((m) => m.id === msgEl.dataset.id);
    const before = state.messages.slice(0, idx < 0 ? state.messages.length : idx).reverse().find((m) => m.role === "user");
    sendPrompt((before && before.content) || state.lastPrompt);
  } else if (act.dataset.act === "settings" || act.dataset.act === "add-key") {
    goSettings("key");
  } else if (act.dataset.act === "openai") {
    goSettings("openai");
  } else if (act.dataset.act === "local") {
    // The offline model becomes the default (now, and in the config for the next start); this prompt goes to it.
    let prompt;
    if (msgEl.classList.contains("unsent")) prompt = state.unsent?.prompt;
    else {
      const idx = state.messages.findIndex((m) => m.id === msgEl.dataset.id);
      const before = state.messages.slice(0, idx < 0 ? state.messages.length : idx).reverse().find((m) => m.role === "user");
      prompt = (before && before.content) || state.lastPrompt;
    }
    await chooseProvider("local");
    toast("The offline model is now the default. Change it in Settings at any time.");
    if (msgEl.classList.contains("unsent") && $("#prompt").value.trim() === (prompt || "").trim()) $("#prompt").value = "";
    sendPrompt(prompt);
  } else if (act.dataset.act === "resend") {
    const prompt = state.unsent?.prompt;
    if ($("#prompt").value.trim() === (prompt || "").trim()) $("#prompt").value = "";
    sendPrompt(prompt);
  } else if (act.dataset.act === "continue") {
    continueMessage(msgEl.dataset.id);
  }
});


// ---------------------------------------------------------------- generation
function setBusy(busy) {
  $("#stop-btn").classList.toggle("hidden", !busy);
  $("#send-btn").classList.toggle("hidden", busy);
}

// The progress line changes several times a second while an answer streams (tokens, time): those changes wait for
// the chat's next render (at most STREAM_FRAME_MS away) and are drawn with it, in one frame instead of a frame of
// their own between two renders.
let progressLater = null;
function progress(text, opts = {}) {
  if (renderPending) (progressLater ||= []).push([text, opts]);
  else showProgress(text, opts);
}
function showProgress(text, { meta = "", phase = "run", context = null } = {}) {
  $("#progress").classList.remove("hidden");
  $("#progress-text").textContent = text;
  if (meta !== null) $("#progress-meta").textContent = meta;
  $("#progress-spinner").className = "spinner" + (phase === "done" ? " done" : phase === "error" ? " failed" : "");
  if (context !== null) $("#context-meter").style.width = `${Math.min(100, Math.round(context * 100))}%`;
}

export async function sendPrompt(prompt, opts = {}) {
  prompt = (prompt || "").trim();
  if (!prompt && state.project && imageCount()) { toast("Say what the image is for, then send: it goes with your words."); $("#prompt").focus(); return; }
  if (!prompt || !state.project) return;
  if (state.activeStream) { toast("Wait for the current answer, or stop it first."); return; }
  if (!(await beforeGeneration())) return; // unsaved edits: saved, discarded, or no generation (the person says)
  await imagesSettled(); // an image still being prepared (just pasted or dropped) goes with this prompt
  if (!state.project || state.activeStream) return;
  const blind = imageCount() ? blindModel(opts) : "";
  if (blind) { // said before anything is sent: the prompt and the images stay where they are
    progress(`${blind} cannot see images; choose a Claude model or remove the images.`, { phase: "error", meta: "" });
    toast(`${blind} cannot see images; choose a Claude model or remove the images.`, { bad: true, ms: 8000 });
    return;
  }
  state.lastPrompt = prompt;
  clearUnsent();
  const sid = newId();
  const elements = takeChips(); // the picked elements go with this prompt (back in the box if it is not sent)
  const images = takeImages(); // and the attached images (back too)
  const s = { elements, images, id: sid, projectId: state.project.id, text: "", thinking: "", seq: 0, started: performance.now(), userPrompt: prompt, finished: false, model: $("#model-picker").value };
  state.streams.set(sid, s);
  state.activeStream = sid;
  state.writing = new Set();
  const box = $("#messages");
  $(".empty", box)?.remove();
  box.appendChild(withChips(messageEl({ role: "user", content: prompt, images }), elements));
  s.el = messageEl({ role: "assistant", content: "", status: "streaming", live: true });
  box.appendChild(s.el);
  box.scrollTop = box.scrollHeight;
  $("#prompt").value = "";
  setBusy(true);
  progress("Starting…", { meta: "", context: 0 });
  try {
    // The stream service loads the conversation and the current files from storage itself.
    const r = await generateAsking({ // asks first when a spending limit stands in the way
      project_id: state.project.id, prompt, agent: $("#agent-picker").value, ...providerFor(opts),
      stream_id: sid, elements, images: asSent(images),
    }, 20);
    s.messageId = r.message_id || s.messageId;
    noteResent(s, r.resent_image_turns);
    s.agent = r.agent; s.model = r.model || s.model;
    if (s.el) { s.el.dataset.id = s.messageId || ""; $(".who", s.el).textContent = r.agent || "Assistant"; }
    showAgent(r.agent, r.agent_reason, !$("#agent-picker").value, r.agent_confidence);
  } catch (e) {
    const message = e.code === "InvalidRequest" && /no request/.test(e.message)
      ? "Generation is not available yet: the stream service does not accept Generate requests."
      : humanError(e.code, e.message);
    notSent(s, prompt, e.code, message);
  }
}

// The name of the model a generation would go to when the model list says it takes no images; "" when it does (or
// the list does not know it: the stream service still refuses it, before anything is sent, with ImagesNotSupported).
function blindModel(opts) {
  const { provider, model } = providerFor(opts);
  const models = state.models || [];
  const id = model || (provider === "local" || provider === "openai" ? "" : state.defaultModel);
  const info = id ? models.find((m) => m.id === id) : models.find((m) => m.provider === provider);
  return info && !info.images ? info.name || info.id : "";
}

// A follow-up sent the images of earlier messages again (the stream service resends those of the last two that
// carried any): the answer says which, over its text.
function noteResent(s, ids) {
  if (!ids || !ids.length || s.resentNote || !s.el) return;
  const which = ids.map((id) => state.messages.find((m) => m.id === id)).filter(Boolean)
    .map((m) => `“${(m.content || "").split("\n")[0].slice(0, 40)}”`);
  s.resentNote = document.createElement("p");
  s.resentNote.className = "fit-note resent-note";
  s.resentNote.textContent = `Sent again: the images of ${ids.length === 1 ? "1 earlier message" : `${ids.length} earlier messages`}${which.length ? ` (${which.join(", ")})` : ""}.`;
  s.el.prepend(s.resentNote);
}

// The provider and model of a generation. A provider the person chose in this window (first run, "Use the local
// model") applies at once; otherwise the stream service's configured one (or the project's own) does.
function providerFor(opts) {
  const provider = opts.provider || state.providerOverride || "";
  if (provider === "local") return { provider, model: "" };
  if (provider === "openai" && !opts.provider) return { provider, model: state.prefs.openai_model || "" };
  return { provider, model: $("#model-picker").value };
}

// Generate was refused: nothing was stored, so the prompt would be lost with the optimistic bubbles. It goes back
// into the input (unless the person already typed something else) and a "Not sent" card says why.
function notSent(s, prompt, code, message) {
  s.finished = true;
  state.streams.delete(s.id);
  if (state.activeStream === s.id) { state.activeStream = ""; setBusy(false); }
  s.el?.previousElementSibling?.classList.contains("user") && s.el.previousElementSibling.remove();
  s.el?.remove();
  restoreChips(s.elements);
  restoreImages(s.images);
  progress(message, { phase: "error", meta: "" });
  if (state.project && s.projectId === state.project.id) {
    state.unsent = { projectId: s.projectId, prompt, code, message };
    const box = $("#messages");
    box.appendChild(unsentEl(state.unsent));
    box.scrollTop = box.scrollHeight;
    if (!$("#prompt").value.trim()) $("#prompt").value = prompt;
    $("#prompt").focus();
  }
}

// While an answer streams, the chat is drawn at most every STREAM_FRAME_MS (nobody reads faster than 30 updates a
// second, and every frame of ours is time the other processes of a two-core machine, the stream service and the
// bridge, cannot use), from a timer task of its own rather than in the frame: the update and its layout run in that
// task, and the frame that follows only paints. Two short tasks instead of one long one, so that a wait for a
// core in the middle of either does not make it a long task. A finished answer and catching up (a resync, a fence
// just closed) are drawn at once, from a task of their own too.
const STREAM_FRAME_MS = 32;
let renderQueued = new Set();
let renderPending = false;
let lastRender = -Infinity;
function scheduleRender(s) {
  renderQueued.add(s);
  if (renderPending) return;
  renderPending = true;
  setTimeout(flushRender, s.finished || s.behind ? 0 : Math.max(0, lastRender + STREAM_FRAME_MS - performance.now()));
}
function flushRender() {
  renderPending = false;
  const t0 = performance.now();
  if (progressLater) {
    const later = progressLater;
    progressLater = null;
    for (const [text, opts] of later) showProgress(text, opts);
  }
  lastRender = t0;
  flushRenderNow();
  const ms = performance.now() - t0;
  const st = state.renderStats;
  st.frames += 1; st.totalMs += ms; if (ms > st.maxMs) st.maxMs = ms;
}
function flushRenderNow() {
  const more = [];
  const box = $("#messages");
  const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  for (const s of renderQueued) {
    if (!s.el || !s.el.isConnected) continue;
    const md = $(".md", s.el);
    if (!s.renderer || s.renderer.el !== md) s.renderer = new StreamRenderer(md);
    s.behind = s.renderer.update(s.text, { streaming: !s.finished });  // more finished text waits
    if (s.behind) more.push(s);
  }
  renderQueued = new Set();
  if (nearBottom) box.scrollTop = box.scrollHeight;
  for (const s of more) scheduleRender(s);
}

async function resync(s) {
  if (s.syncing) return;
  s.syncing = true;
  try {
    const snap = await call("stream", "SnapshotStream", { stream_id: s.id });
    if (snap.seq >= s.seq) { s.text = snap.text; s.seq = snap.seq; }
    scheduleRender(s);
  } catch (e) { /* the stream may be gone; done/error will follow */ }
  s.syncing = false;
}

function onToken(ev) {
  const s = state.streams.get(ev.stream_id);
  if (!s || s.finished) return;
  if (ev.seq <= s.seq) return;
  if (ev.seq > s.seq + 1 && s.seq !== 0) { resync(s); return; }
  s.seq = ev.seq;
  if (ev.thinking) { s.thinking += ev.text; if (state.activeStream === s.id) progress("Thinking…", { meta: null }); return; }
  if (!s.text && state.activeStream === s.id) progress("Generating…", { meta: null });
  s.text += ev.text;
  s.tokens = (s.tokens || 0) + 1;
  scheduleRender(s);
}

function finishStream(s, done) {
  s.finished = true;
  if (state.activeStream === s.id) { state.activeStream = ""; setBusy(false); }
  scheduleRender(s);
  if (s.el) {
    footFor(s.el, {
      role: "assistant", id: done.message_id || s.messageId, status: done.stopped ? "stopped" : "complete",
      can_continue: !done.stopped && done.stop_reason === "max_tokens",
      content: s.text, input_tokens: done.usage?.input_tokens, output_tokens: done.usage?.output_tokens,
      cost_usd: done.cost_usd, duration_ms: done.duration_ms,
    });
  }
}

function failStream(s, code, message) {
  s.finished = true;
  if (state.activeStream === s.id) { state.activeStream = ""; setBusy(false); }
  progress(message, { phase: "error", meta: "" });
  if (s.el) {
    scheduleRender(s);
    s.el.classList.add("error");
    footFor(s.el, { role: "assistant", id: s.messageId, status: "error", content: s.text, error: message, error_code: code });
  }
}

export async function stopGeneration() {
  const sid = state.activeStream;
  if (!sid) return;
  progress("Stopping…", { meta: null });
  try { await call("stream", "StopStream", { stream_id: sid }); }
  catch (e) { showError(e); }
}
$("#stop-btn").onclick = stopGeneration;

async function continueMessage(messageId) {
  if (!state.project || state.activeStream) return;
  if (!(await beforeGeneration())) return;
  if (!state.project || state.activeStream) return;
  const m = state.messages.find((x) => x.id === messageId);
  const sid = newId();
  const s = { id: sid, projectId: state.project.id, text: m ? m.content : "", thinking: "", seq: 0, finished: false, messageId };
  state.streams.set(sid, s);
  state.activeStream = sid;
  s.el = $(`.msg[data-id="${CSS.escape(messageId)}"]`);
  setBusy(true);
  progress("Continuing…", { meta: "" });
  try {
    const r = await callAsking("ContinueStream", { message_id: messageId, project_id: state.project.id, new_stream_id: sid }, 20);
    s.offsetBase = s.text;
  } catch (e) { failStream(s, e.code, humanError(e.code, e.message)); }
}

// After the stream service restarted, a stream it no longer knows was cut: say so, offer Continue.
async function settleStreams() {
  for (const s of [...state.streams.values()].filter((x) => !x.finished)) {
    let snap = null;
    try { snap = await call("stream", "SnapshotStream", { stream_id: s.id }); } catch (e) { snap = null; }
    if (snap && ["queued", "connecting", "retrying", "streaming"].includes(snap.state)) { resync(s); continue; }
    s.finished = true;
    if (state.activeStream === s.id) { state.activeStream = ""; setBusy(false); }
    if (snap && snap.state === "done") { finishStream(s, { message_id: snap.message_id, usage: snap.usage }); continue; }
    if (snap && snap.text) s.text = snap.text;
    scheduleRender(s);
    if (state.project && s.projectId === state.project.id) {
      progress("Interrupted: the stream service restarted. The answer so far is kept — press Continue to finish it.", { phase: "error", meta: "" });
      await reloadProject();
    }
  }
}

async function attachRunningStreams() {
  // A generation started elsewhere (or before a reload) keeps streaming: pick it up with no gap.
  let list;
  try { list = await call("stream", "ListStreams", { active_only: true }); } catch (e) { return; }
  for (const info of list.streams || []) {
    if (!state.project || info.project_id !== state.project.id || state.streams.has(info.stream_id)) continue;
    if (info.tags?.workflow) continue;  // a workflow's task: its answer is the workflows view's, not the chat's
    const s = { id: info.stream_id, projectId: info.project_id, text: "", seq: 0, finished: false, messageId: info.message_id, model: info.model };
    state.streams.set(s.id, s);
    state.activeStream = s.id;
    setBusy(true);
    progress("Generating…", { meta: "" });
    await resync(s);
    if (info.message_id && !state.messages.some((m) => m.id === info.message_id)) {
      await reloadProject();  // the prompt and the growing answer are stored: show them in place
    }
    const existing = info.message_id && $(`.msg[data-id="${CSS.escape(info.message_id)}"]`);
    if (existing) { s.el = existing; footFor(existing, { role: "assistant", status: "streaming", live: true }); }
    else { s.el = messageEl({ role: "assistant", content: s.text, status: "streaming", live: true, model: info.model }); $("#messages").appendChild(s.el); }
    scheduleRender(s);
  }
}

$("#composer").addEventListener("submit", (e) => { e.preventDefault(); sendPrompt($("#prompt").value); });
// Enter sends and Shift+Enter adds a line: the keys are bound with the others in app.js's table.

// "Fix this" sends the errors; with a screenshot of the preview first when the person ticked "with a screenshot".
onFix(async (prompt, { screenshot = false } = {}) => { if (screenshot) await captureShot(); sendPrompt(prompt); });

// -- the project's moments
// Where the focus was when the person asked for the project: opening gives the message box the focus, but only once
// the running streams are known (a bus round trip), and a person who has put the focus somewhere since keeps it.
let focusBeforeOpen = null;
onProject("reset", () => {
  focusBeforeOpen = document.activeElement;
  progressLater = null;
  $("#messages").innerHTML = "";
  $("#progress").classList.add("hidden");
});
onProject("applied", () => renderMessages());
onProject("opened", async (id, { switching }) => {
  await attachRunningStreams();
  if (state.autoPrompt && state.autoPrompt.id === id) {
    const p = state.autoPrompt.prompt; state.autoPrompt = null;
    sendPrompt(p);
  } else if (switching) {
    const now = document.activeElement;
    if (!now || now === document.body || now === focusBeforeOpen) $("#prompt").focus();
  }
});

// ---------------------------------------------------------------- events
const PHASES = { starting: "Starting…", selecting: "Choosing an agent…", thinking: "Thinking…", generating: "Generating…", saving: "Saving files…" };

// The stream of an event, and whether it belongs to the open project.
function streamOf(ev) {
  const s = ev.stream_id ? state.streams.get(ev.stream_id) : null;
  return [s, !!(s && state.project && s.projectId === state.project.id)];
}

on("TokenDelta", onToken);
on("StreamStatus", (ev) => {
  const [s, mine] = streamOf(ev);
  if (mine && state.activeStream === s.id) {
    const text = ev.state === "retrying" ? `Retrying${ev.wait_s ? ` in ${ev.wait_s.toFixed(0)} s` : ""} (attempt ${ev.attempt || 1})… ${ev.message || ""}`
      : ev.state === "connecting" ? "Connecting…" : ev.state === "queued" ? (ev.message || "Waiting for the rate limit…") : "Generating…";
    progress(text, { meta: null });
  } else if (!s && state.project && ev.project_id === state.project.id && ev.state !== "retrying") {
    attachRunningStreams();
  }
});
on("GenerationProgress", (ev) => {
  const [s, mine] = streamOf(ev);
  if (!mine) return;
  const elapsed = s.started ? `${((performance.now() - s.started) / 1000).toFixed(1)} s` : "";
  const meta = [ev.output_tokens ? `${fmtTokens(ev.output_tokens)} tokens` : "", elapsed].filter(Boolean).join(" · ");
  if (ev.agent && !s.agent) { s.agent = ev.agent; if (s.el) $(".who", s.el).textContent = ev.agent; }
  let text = ev.message || PHASES[ev.phase] || ev.phase;
  if (ev.phase === "writing" && ev.file) text = `Writing ${ev.file}${ev.lines ? ` (+${ev.lines} lines)` : ""}`;
  if (ev.phase === "selecting" && ev.agent) text = `Agent: ${ev.agent}`;
  noteResent(s, ev.resent_image_turns);
  if (ev.note && !s.fitNote && s.el) { // the request was fitted to the model's context: say what was left out
    s.fitNote = document.createElement("p"); s.fitNote.className = "fit-note"; s.fitNote.textContent = ev.note; s.el.prepend(s.fitNote);
  }
  if (ev.phase !== "done" && ev.phase !== "error") progress(text, { meta, context: ev.context_used || null });
});
on("GenerationFile", (ev) => {
  const [s] = streamOf(ev);
  if (s && state.project && ev.project_id === state.project.id) progress(`Writing ${ev.path} (+${ev.lines} lines)`, { meta: null });
});
on("GenerationDone", (ev) => {
  if (!state.project || ev.project_id !== state.project.id) return;
  const [s] = streamOf(ev);
  ev.files = ev.files || [];
  const u = ev.usage || {};
  if (ev.ok) {
    if (!state.prefs.provider_ready) markProviderReady(state.providerOverride || state.prefs.provider || "anthropic");
    progress(`Done: ${ev.files.length} file${ev.files.length === 1 ? "" : "s"} · ${fmtTokens((u.input_tokens || 0) + (u.cache_read_input_tokens || 0) + (u.cache_creation_input_tokens || 0) + (u.output_tokens || 0))} tokens${u.cache_read_input_tokens ? ` (${fmtTokens(u.cache_read_input_tokens)} cached)` : ""} · ${(ev.duration_ms / 1000).toFixed(1)} s · ${fmtCost(ev.cost_usd)}`, { phase: "done", meta: "" });
  } else if (ev.stop_reason === "stopped" || ev.error_code === "Stopped") {
    progress(`Stopped${ev.files.length ? `: kept ${ev.files.length} finished file${ev.files.length === 1 ? "" : "s"}` : ""}`, { phase: "done", meta: "" });
  } else {
    progress(humanError(ev.error_code, ev.message), { phase: "error", meta: "" });
  }
  if (!ev.ok && ev.error_code && s && s.messageId) failureCodes.set(s.messageId, ev.error_code);
  if (s && !s.finished) finishStream(s, { message_id: s.messageId, usage: u, cost_usd: ev.cost_usd, duration_ms: ev.duration_ms, stopped: !ev.ok });
  reloadProject().then(() => reloadPreview(true));
  refreshUsage();
  historyChanged();
});
on("StreamDone", (ev) => {
  const [s, mine] = streamOf(ev);
  if (!s || s.finished) return;
  finishStream(s, ev);
  if (!ev.tags || !Object.keys(ev.tags).length) {
    if (mine) progress(ev.stopped ? "Stopped" : `Done · ${fmtTokens(ev.usage.output_tokens)} tokens · ${(ev.duration_ms / 1000).toFixed(1)} s · ${fmtCost(ev.cost_usd)}`, { phase: "done", meta: "" });
  }
});
on("StreamFailed", (ev) => {
  const [s] = streamOf(ev);
  if (ev.message_id) failureCodes.set(ev.message_id, ev.code);
  if (s && !s.finished) failStream(s, ev.code, humanError(ev.code, ev.message));
});
// The stream service restarted: the streams it no longer knows were cut (settled), the others are picked up.
on("ServiceUp", (ev) => {
  if (ev.service === "stream") settleStreams().then(() => state.project && attachRunningStreams());
});
// Back after the event stream dropped: every unfinished stream catches up from its snapshot.
onConnection((up, { reconnected }) => {
  if (up && reconnected) for (const s of state.streams.values()) if (!s.finished) resync(s);
});

