// The Settings view (#/settings, #/settings/key, #/settings/openai): the API key (to the keychain, never shown),
// the provider and its address (changed only with the person's confirmation), models and rate limit, the theme,
// the preview's network, agent and data folders, updates, and settings exported to or imported from a file.
import { renderBackup } from "./backup.js";
import { call, shell } from "./bus.js";
import { setView } from "./nav.js";
import { loadPickers } from "./pickers.js";
import { applyNetwork, reloadPreview, setProjectNetwork } from "./preview.js";
import { renderKeychain } from "./provider.js";
import { setPrefs, state } from "./state.js";
import { renderUpdateNotice } from "./status.js";
import { applyTheme } from "./theme.js";
import { renderSpending } from "./usage.js";
import { $, $$, escapeHtml, humanError, showError, toast } from "./util.js";

export async function showSettings(focus = "") {
  setView("settings");
  delete $("#view-settings").dataset.ready; // the fields hold the saved values (and are safe to edit) once set again
  try { state.settings = await shell("settings.get", { keychain: true }); } catch (e) { showError(e); return; }
  state.prefs = state.settings.values;
  const v = state.settings.values;
  $("#settings-where").textContent = `Saved in ${state.settings.config_file}${state.settings.problem ? ` — ${state.settings.problem}` : ""}`;
  $("#set-provider").value = v.provider || "anthropic";
  $("#set-openai-url").value = v.openai_base_url || "";
  $("#set-anthropic-url").value = v.anthropic_base_url || "";
  $("#address-status").textContent = state.info.confirm ? "" : "Addresses change from a terminal here: vibing config set-address anthropic|openai URL";
  $("#address-status").className = "note muted";
  $("#set-openai-model").value = v.openai_model || "";
  $("#set-preview-net").checked = !!v.preview_allow_network;
  applyNetwork({ everywhere: v.preview_allow_network, projects: state.settings.network_projects });
  renderNetworkProjects();
  showProviderFields();
  $("#set-model").value = v.default_model || "";
  $("#set-rate").value = v.rate_limit_per_min || 60;
  $("#set-agents").value = (v.agent_dirs || []).join("\n");
  $("#set-data").value = v.data_dir || "";
  $("#set-data").placeholder = state.info.data_folder || "(default)";
  $("#pick-data").classList.toggle("hidden", !state.info.native?.includes("folder_dialog"));
  $("#pick-agents").classList.toggle("hidden", !state.info.native?.includes("folder_dialog"));
  markTheme(v.theme || "system");
  $("#settings-status").textContent = "";
  $("#key-status").textContent = "";
  $("#key-status").className = "note";
  $("#set-update-check").checked = v.update_check !== false;
  $("#update-about").textContent = `This is Vibing ${state.info.version || ""}. When on, Vibing asks a small feed once a day whether a newer version is out and says so here and in the window; it never downloads or installs anything. A change applies from the next start.`;
  renderKeychain(state.settings, $("#keychain-note"));
  const noKeychain = state.settings.keychain && !state.settings.keychain.available;
  $("#key-intro").classList.toggle("hidden", noKeychain);
  $("#key-save").disabled = noKeychain;
  $("#key-save").title = noKeychain ? "There is no keychain on this computer to save it in: see above" : "";
  renderSpending(v);
  renderBackup();
  if (!state.models.length) loadPickers();
  if (focus === "key") { $("#api-key").scrollIntoView({ block: "center" }); $("#api-key").focus(); }
  if (focus === "openai") {
    $("#set-provider").value = "openai"; showProviderFields();
    $("#set-openai-url").scrollIntoView({ block: "center" }); $("#set-openai-url").focus();
  }
  $("#view-settings").dataset.ready = "1";
}

$("#set-update-check").onchange = async () => {
  try { setPrefs(await shell("settings.update", { values: { update_check: $("#set-update-check").checked } })); renderUpdateNotice(); }
  catch (e) { showError(e); }
};
function markTheme(t) { $$("#set-theme button").forEach((b) => { b.classList.toggle("on", b.dataset.value === t); b.setAttribute("aria-pressed", String(b.dataset.value === t)); }); }
$$("#set-theme button").forEach((b) => b.onclick = async () => {
  markTheme(b.dataset.value); applyTheme(b.dataset.value);
  try { await shell("settings.update", { values: { theme: b.dataset.value } }); } catch (e) { showError(e); }
});
function showProviderFields() {
  const openai = $("#set-provider").value === "openai";
  $("#field-base-url").classList.toggle("hidden", !openai);
  $("#field-anthropic-url").classList.toggle("hidden", $("#set-provider").value !== "anthropic");
  $("#field-openai-model").classList.toggle("hidden", !openai);
}
$("#set-provider").onchange = showProviderFields;
$("#set-preview-net").onchange = async () => {
  try {
    state.settings = await shell("settings.update", { values: { preview_allow_network: $("#set-preview-net").checked } });
    applyNetwork({ everywhere: state.settings.values.preview_allow_network, projects: state.settings.network_projects });
    if (state.project) reloadPreview(true);
  } catch (e) { showError(e); }
};
// The projects allowed the network, by name (a project deleted since is still listed, so it can be revoked).
let netListSeq = 0;
async function renderNetworkProjects() {
  const seq = ++netListSeq;
  const ul = $("#net-projects");
  const ids = [...state.network.projects];
  if (!ids.length) { ul.innerHTML = `<li class="muted small">None: every project's preview is offline.</li>`; return; }
  const names = new Map([...(state.recentNames || new Map()), ...state.projects.map((p) => [p.id, p.name])]);
  if (state.project) names.set(state.project.id, state.project.name);
  await Promise.all(ids.filter((id) => !names.has(id)).map(async (id) => {
    try { names.set(id, (await call("storage", "GetProject", { project_id: id })).project.name); } catch (e) { if (e.code !== "NotFound") names.set(id, id); }
  }));
  if (seq !== netListSeq) return;
  ul.innerHTML = "";
  for (const id of ids) {
    const name = names.get(id) || "A deleted project";
    const li = document.createElement("li");
    li.innerHTML = `<span class="name">${escapeHtml(name)}</span><button type="button" class="btn small ghost">Revoke</button>`;
    const b = $("button", li);
    b.setAttribute("aria-label", `Revoke the network for ${name}`);
    b.onclick = async () => {
      try {
        await setProjectNetwork(id, false);
        toast(`“${name}” is offline again.`);
        await renderNetworkProjects();
        ($("#net-projects button") || $("#set-preview-net")).focus();
      } catch (e) { showError(e); }
    };
    ul.appendChild(li);
  }
}
// A provider address is where an API key goes: never part of a settings write. The shell asks the person in a
// native dialog (the window), or refuses and names the terminal command (a browser); the page only shows the answer.
$$(".address-change").forEach((b) => b.onclick = async () => {
  const provider = b.dataset.provider;
  const url = $(provider === "openai" ? "#set-openai-url" : "#set-anthropic-url").value.trim();
  const status = $("#address-status");
  status.textContent = state.info.confirm ? "Waiting for your answer in the dialog…" : "";
  status.className = "note";
  try {
    const r = await shell("settings.address", { provider, url });
    state.settings = r.settings;
    status.textContent = r.message;
    status.className = "note " + (r.changed ? "ok" : "");
  } catch (e) { status.textContent = e.message; status.className = "note bad"; }
  const v = state.settings?.values || {};
  $("#set-openai-url").value = v.openai_base_url || "";
  $("#set-anthropic-url").value = v.anthropic_base_url || "";
});
$("#settings-save").onclick = async () => {
  const values = {
    provider: $("#set-provider").value,
    openai_model: $("#set-openai-model").value.trim() || "llama3.2",
    default_model: $("#set-model").value.trim() || "claude-sonnet-4-5", rate_limit_per_min: parseInt($("#set-rate").value, 10) || 60,
    agent_dirs: $("#set-agents").value.split("\n").map((s) => s.trim()).filter(Boolean), data_dir: $("#set-data").value.trim(),
  };
  const before = new Set(state.settings?.values?.agent_dirs || []);
  const status = $("#settings-status");
  try {
    // New agent folders load at once (the agent service watches them); the rest applies after a restart.
    const problems = [];
    for (const path of values.agent_dirs.filter((p) => !before.has(p))) {
      try { await call("agent", "AddAgentFolder", { path, persist: false }); } catch (e) {
        problems.push(`${path}: ${e.message}`);
        values.agent_dirs = values.agent_dirs.filter((p) => p !== path); // not kept: the shell refused or could not read it
      }
    }
    state.settings = await shell("settings.update", { values });
    const v = state.settings.values;
    if (values.provider !== state.prefs.provider) state.providerOverride = values.provider; // applies now, too
    state.prefs = v;
    if ($("#set-openai-url").value.trim() !== (v.openai_base_url || "") || $("#set-anthropic-url").value.trim() !== (v.anthropic_base_url || "")) {
      problems.push("an address changes only with its Change… button, which asks you to confirm");
    }
    status.textContent = problems.length ? `Saved, but: ${problems.join("; ")}` : "Saved. Model, provider and rate limit apply to new generations after a restart.";
    status.className = problems.length ? "note bad" : "note ok";
  } catch (e) { status.textContent = e.message; status.className = "note bad"; }
};
$("#pick-agents").onclick = async () => {
  try {
    const p = await shell("native", { name: "folder_dialog" });
    if (p && !$("#set-agents").value.split("\n").map((s) => s.trim()).includes(p)) $("#set-agents").value = [$("#set-agents").value.trim(), p].filter(Boolean).join("\n");
  } catch (e) { showError(e); }
};
$("#pick-data").onclick = async () => { try { const p = await shell("native", { name: "folder_dialog" }); if (p) $("#set-data").value = p; } catch (e) { showError(e); } };
$("#key-save").onclick = async () => {
  const key = $("#api-key").value.trim();
  const status = $("#key-status");
  if (!key) { status.textContent = "Paste your key first."; status.className = "note bad"; return; }
  try {
    const r = await call("stream", "SetKey", { key });
    $("#api-key").value = "";
    status.textContent = r.message || "Saved to the keychain.";
    status.className = "note ok";
  } catch (e) {
    status.textContent = e.message;
    status.className = "note bad";
  }
};
$("#key-check").onclick = async () => {
  const status = $("#key-status");
  status.textContent = "Checking…"; status.className = "note";
  const provider = $("#set-provider").value;
  try {
    const r = await call("stream", "CheckKey", { key: $("#api-key").value.trim(), provider, base_url: provider === "openai" ? $("#set-openai-url").value.trim() : "" }, 20);
    status.textContent = r.message + (r.source ? ` (key from the ${r.source})` : "");
    status.className = "note " + (r.ok ? "ok" : "bad");
  } catch (e) { status.textContent = humanError(e.code, e.message); status.className = "note bad"; }
};
$("#settings-export").onclick = async () => {
  try {
    const doc = await shell("settings.export");
    const text = JSON.stringify(doc, null, 2);
    if (state.info.native?.includes("save_text")) {
      const path = await shell("native", { name: "save_text", filename: "vibing-settings.json", text });
      if (path) toast(`Settings exported to ${path}`);
      return;
    }
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    a.download = "vibing-settings.json";
    document.body.appendChild(a); a.click(); a.remove();
  } catch (e) { showError(e); }
};
$("#settings-import").onchange = async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  try {
    const doc = JSON.parse(await file.text());
    await shell("settings.import", { document: doc });
    toast("Settings imported");
    showSettings();
    applyTheme((await shell("settings.get")).values.theme);
  } catch (err) { showError(err instanceof SyntaxError ? new Error("That file is not JSON.") : err); }
  e.target.value = "";
};


// The theme from anywhere (the View menu): shown at once, marked in Settings, saved.
export async function setTheme(t) { applyTheme(t); markTheme(t); try { await shell("settings.update", { values: { theme: t } }); } catch (e) { showError(e); } }
