// The first run (#/welcome): until a provider has answered once, the projects screen gives way to a short choice:
// an Anthropic key, the offline model, or an OpenAI-compatible server, each checked before the first prompt (the
// stream service's CheckKey: a free request to Anthropic, the model list of the server or of the offline model).
// Once one worked, settings.json remembers it and this screen is not shown again.
import { call, shell } from "./bus.js";
import { goHome, setView } from "./nav.js";
import { chooseProvider, KEY_CODES, loadLocalModel, markProviderReady, renderKeychain } from "./provider.js";
import { state } from "./state.js";
import { $, $$, fmtBytes, humanError } from "./util.js";

export async function firstRunCheck() {
  if (state.prefs.provider_ready) return;
  const provider = state.prefs.provider || "anthropic";
  let r;
  try { r = await call("stream", "CheckKey", { provider }, 15); } catch (e) { r = { ok: false, code: e.code }; }
  if (r.ok) { markProviderReady(provider); return; }
  // A key that is there but could not be tried (no network, a hiccup) is not a first run: say nothing.
  if (provider === "anthropic" && !KEY_CODES.includes(r.code)) return;
  state.firstRun = true;
  document.body.dataset.firstRun = "1";
  if (!state.welcomeSkipped && (location.hash === "" || location.hash === "#/" || location.hash === "#")) {
    history.pushState(null, "", "#/welcome"); // shown now (a hash change would route later); Back leads to the projects
    await showWelcome();
  }
}

export async function showWelcome() {
  setView("welcome");
  delete $("#view-welcome").dataset.ready;
  document.title = "Welcome — Vibing";
  $("#welcome-status").textContent = "";
  $("#welcome-done").classList.add("hidden");
  let settings = state.settings;
  try { settings = await shell("settings.get", { keychain: true }); state.prefs = settings.values; } catch (e) { /* shown without it */ }
  state.welcomeSettings = settings;
  const v = state.prefs;
  $("#welcome-openai-url").value = v.openai_base_url || "";
  $("#welcome-openai-model").value = v.openai_model || "";
  if (settings) renderKeychain(settings, $("#welcome-keychain"));
  const noKeychain = settings?.keychain && !settings.keychain.available;
  $("#welcome-key-check").textContent = noKeychain ? "Check" : "Check and save";
  const current = $("input[name=welcome-choice]:checked") || $(`input[name=welcome-choice][value="${v.provider || "anthropic"}"]`);
  current.checked = true;
  showChoice();
  current.focus();
  const local = await loadLocalModel();
  $("#choice-local-note").textContent = local.installed
    ? `${local.label}${local.size ? ` (${fmtBytes(local.size)})` : ""} runs on this computer: no key, no internet; a small demo model.`
    : "Not installed here.";
  $("#choice-local-note").closest(".choice").classList.toggle("unavailable", !local.installed);
  showChoice();
  $("#view-welcome").dataset.ready = "1"; // every choice says what it can do here
}
function showChoice() {
  const choice = $("input[name=welcome-choice]:checked")?.value || "anthropic";
  for (const c of ["anthropic", "local", "openai"]) $(`#panel-${c}`).classList.toggle("hidden", c !== choice);
  const local = state.localModel;
  $("#welcome-local-text").textContent = !local ? "Looking for the offline model…" : local.installed
    ? `${local.label} answers on this computer, without a key or the internet. It is small: good for trying Vibing, too small for real apps.`
    : `The offline model is not installed${local.engine ? "" : " (its engine is missing: pip install 'vibing[local]')"}. Add one with \`vibing models add FILE.gguf\`, or pick another way.`;
  $("#welcome-local-use").disabled = !local || !local.installed;
}
$$("input[name=welcome-choice]").forEach((r) => r.addEventListener("change", () => { $("#welcome-status").textContent = ""; showChoice(); }));

function welcomeStatus(text, kind = "") { const el = $("#welcome-status"); el.textContent = text; el.className = `note ${kind}`; }
function welcomeReady(provider, message) {
  markProviderReady(provider);
  state.firstRun = false;
  delete document.body.dataset.firstRun;
  welcomeStatus(`${message} You are ready: describe your first app.`, "ok");
  $("#welcome-done").classList.remove("hidden");
  $("#welcome-done").focus();
}
$("#welcome-key-check").onclick = async () => {
  const key = $("#welcome-key").value.trim();
  const noKeychain = state.welcomeSettings?.keychain && !state.welcomeSettings.keychain.available;
  welcomeStatus("Checking…");
  try {
    const r = await call("stream", "CheckKey", { provider: "anthropic", key }, 20);
    if (!r.ok) { welcomeStatus(humanError(r.code, r.message), "bad"); return; }
    if (key && !noKeychain) {
      await call("stream", "SetKey", { key });
      $("#welcome-key").value = "";
    } else if (key) {
      welcomeStatus(`${r.message} There is no keychain to keep it in: give it to Vibing as shown above, then restart Vibing.`, "bad");
      return;
    }
    await chooseProvider("anthropic");
    welcomeReady("anthropic", key ? "The key works and is saved in the keychain." : r.message);
  } catch (e) { welcomeStatus(humanError(e.code, e.message), "bad"); }
};
$("#welcome-key").addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); $("#welcome-key-check").click(); } });
$("#welcome-local-use").onclick = async () => {
  welcomeStatus("Checking the offline model…");
  try {
    const r = await call("stream", "CheckKey", { provider: "local" }, 20);
    if (!r.ok) { welcomeStatus(humanError(r.code, r.message), "bad"); return; }
    await chooseProvider("local");
    welcomeReady("local", `The offline model (${state.localModel?.label || "local"}) is ready.`);
  } catch (e) { welcomeStatus(humanError(e.code, e.message), "bad"); }
};
$("#welcome-openai-check").onclick = async () => {
  const url = $("#welcome-openai-url").value.trim();
  const model = $("#welcome-openai-model").value.trim();
  welcomeStatus("Checking the server…");
  try {
    const r = await call("stream", "CheckKey", { provider: "openai", base_url: url }, 20);
    if (!r.ok) { welcomeStatus(humanError(r.code, r.message), "bad"); return; }
    // A new address is where a key may be sent: it changes only with the person's confirmation (a native dialog).
    if (url && url !== (state.prefs.openai_base_url || "")) {
      const change = await shell("settings.address", { provider: "openai", url });
      if (!change.changed && !/already/.test(change.message)) { welcomeStatus(change.message, "bad"); return; }
    }
    await chooseProvider("openai", model ? { openai_model: model } : {});
    welcomeReady("openai", r.message);
  } catch (e) { welcomeStatus(humanError(e.code, e.message), "bad"); }
};
$("#welcome-skip").onclick = () => { state.welcomeSkipped = true; goHome(); };
$("#welcome-done").onclick = () => { goHome(); setTimeout(() => $("#new-project-btn").focus(), 0); };
