// Settings > Spending: the spending limits (a day, a project, the daily warning; written to the config file and read
// again at each generation, so no restart) and what the models cost per day, per project and per model, the figures
// `vibing usage` prints (storage's UsageReport: the cost recorded when each answer finished).
import { call, shell } from "./bus.js";
import { money } from "./spending.js";
import { state } from "./state.js";
import { $, escapeHtml, fmtTokens, node } from "./util.js";

const LIMITS = [
  ["spending_limit_day_usd", "Daily limit", "a day, all projects together"],
  ["spending_limit_project_usd", "Project limit", "for each project, in all"],
  ["spending_warn_day_usd", "Warn at", "a day: told, not stopped"],
];

function card() {
  let el = $("#spending-card");
  if (el) return el;
  el = node("div", "card setting-card");
  el.id = "spending-card";
  el.innerHTML = `<h2>Spending</h2>
    <p class="muted small">Before a generation whose estimated cost would go over a limit, Vibing asks you. 0 means no limit; a change applies to the next generation.</p>
    ${LIMITS.map(([key, label, unit]) => `<div class="field"><label for="set-${key}">${label}</label><div class="row"><span>$</span><input id="set-${key}" type="number" min="0" step="any"><span class="muted">${unit}</span></div></div>`).join("")}
    <div class="row"><button class="btn" id="spending-save">Save limits</button><span class="note" id="spending-status"></span></div>
    <div class="field"><label for="usage-days">What the models cost</label><div class="row"><select id="usage-days"><option value="1">Today</option><option value="7" selected>The last 7 days</option><option value="30">The last 30 days</option><option value="365">The last year</option></select><span class="muted small" id="usage-total"></span></div></div>
    <div id="usage-summary"></div>`;
  $("#view-settings .settings-actions").before(el);
  $("#spending-save", el).onclick = saveLimits;
  $("#usage-days", el).onchange = renderUsage;
  return el;
}

// The card, with the limits in force (``values``: the settings as the shell read them) and the figures.
export function renderSpending(values) {
  card();
  for (const [key] of LIMITS) $(`#set-${key}`).value = values[key] ?? 0;
  $("#spending-status").textContent = "";
  return renderUsage();
}

async function saveLimits() {
  const status = $("#spending-status");
  const values = {};
  for (const [key, label] of LIMITS) {
    const input = $(`#set-${key}`);
    if (input.validity.badInput) { status.textContent = `${label}: enter an amount in dollars (0 for none).`; status.className = "note bad"; input.focus(); return; }
    values[key] = input.value.trim() === "" ? 0 : Number(input.value);
  }
  try {
    state.settings = await shell("settings.update", { values });
    state.prefs = state.settings.values;
    status.textContent = "Saved. The next generation is checked against these limits.";
    status.className = "note ok";
  } catch (e) { status.textContent = e.message; status.className = "note bad"; }
}

function since(days) {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - (days - 1));
  return d.getTime() / 1000;
}

function table(title, rows, label) {
  if (!rows.length) return "";
  const head = `<tr><th>${title}</th><th>Requests</th><th>Tokens in</th><th>Tokens out</th><th>Cache written</th><th>Cache read</th><th>Cost</th></tr>`;
  const body = rows.map((r) => `<tr><td>${escapeHtml(label(r))}</td><td class="num">${r.requests}</td><td class="num">${fmtTokens(r.input_tokens)}</td><td class="num">${fmtTokens(r.output_tokens)}</td><td class="num">${fmtTokens(r.cache_creation_input_tokens || 0)}</td><td class="num">${fmtTokens(r.cache_read_input_tokens || 0)}</td><td class="num">${money(r.cost_usd)}</td></tr>`).join("");
  return `<table class="metrics-table usage-table" data-group="${title.toLowerCase()}">${head}${body}</table>`;
}

let usageSeq = 0;
async function renderUsage() {
  const seq = ++usageSeq;
  const days = Number($("#usage-days").value) || 7;
  const box = $("#usage-summary");
  try {
    const r = await call("storage", "UsageReport", { since: since(days) });
    if (seq !== usageSeq) return;
    const t = r.total;
    $("#usage-total").textContent = `${money(t.cost_usd)} · ${t.requests} request${t.requests === 1 ? "" : "s"}`;
    box.innerHTML = t.requests
      ? [table("Day", r.by_day, (x) => x.key),
        table("Project", r.by_project, (x) => x.name || "(deleted projects)"),
        table("Model", r.by_model, (x) => x.key || "(unknown)")].join("")
      : `<p class="muted small">Nothing was spent in that time.</p>`;
  } catch (e) {
    if (seq === usageSeq) box.innerHTML = `<p class="note bad">${escapeHtml(e.message)}</p>`;
  }
}
