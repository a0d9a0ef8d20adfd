// Who writes the code: the provider the person chose (Anthropic, an OpenAI-compatible server, the offline model),
// whether one has answered yet (the first-run screen shows until one did), whether the offline model can run here,
// and what to do where there is no keychain for a key. Shared by the chat (its ways forward after a refused key),
// the first-run screen and Settings.
import { call, shell } from "./bus.js";
import { setPrefs, state } from "./state.js";
import { $, $$, showError } from "./util.js";

// Errors that mean "no usable key" (the first-run screen, "Add a key") and those after which the offline model
// or another server is a way forward.
export const KEY_CODES = ["NoApiKey", "KeyWithheld", "ApiKeyRejected", "ApiPermissionDenied"];
export const LOCAL_FALLBACK_CODES = ["NoApiKey", "KeyWithheld", "ApiKeyRejected", "ApiOutOfCredit", "ApiUnreachable"];

// Whether the offline model can run here (a model and its engine): the model service's list, asked when needed
// (the service starts on first use, so not at every start).
export async function loadLocalModel() {
  try {
    const r = await call("model", "ListLocalModels", {}, 10);
    const model = (r.models || []).find((m) => m.name === r.default) || (r.models || [])[0];
    // "SmolLM2-135M-Instruct (bundled, small demo model: …)": the name before the remarks
    const label = model ? (model.label || model.name).split(" (")[0] : "";
    state.localModel = { installed: !!model && r.engine_installed !== false, label,
      size: model ? model.size_bytes : 0, engine: r.engine_installed !== false };
  } catch (e) {
    state.localModel = { installed: false, label: "", size: 0, engine: false, error: e.message };
  }
  return state.localModel;
}

// A provider answered: settings.json remembers it, and the first-run screen is not shown again.
export async function markProviderReady(provider) {
  if (state.prefs.provider_ready) return;
  state.prefs = { ...state.prefs, provider_ready: provider };
  try { setPrefs(await shell("settings.update", { values: { provider_ready: provider } })); } catch (e) { /* asked again next start */ }
}

// The person chose a provider: the default from now on (in the config for the next start; for this window's
// generations at once, since the stream service reads its config when it starts).
export async function chooseProvider(provider, extra = {}) {
  state.providerOverride = provider;
  try { setPrefs(await shell("settings.update", { values: { provider, ...extra } })); } catch (e) { showError(e); }
}

// Where no keychain exists, what to do instead, said when Settings (or the first-run screen) opens rather than
// when a save fails: the key in the environment, or in the .env file Vibing reads (private: mode 0600).
export function renderKeychain(settings, el) {
  const kc = settings.keychain;
  el.classList.toggle("hidden", !kc || kc.available);
  if (!kc || kc.available) return;
  const env = settings.dotenv_file || ".env";
  el.innerHTML = `<strong>There is no keychain on this computer, so Vibing cannot save a key here.</strong>
    <span class="muted"></span>
    <p>Give Vibing your key in one of these ways, then restart Vibing:</p>
    <ul><li>set <code>ANTHROPIC_API_KEY</code> in the environment Vibing starts from, or</li>
    <li>put the line <code>ANTHROPIC_API_KEY=sk-ant-…</code> in <code></code>, readable by you alone: <code></code></li></ul>
    <p class="muted small">Or install and unlock a keychain (GNOME Keyring, KWallet). The Check button tests a key without saving it.</p>`;
  $("span.muted", el).textContent = kc.message.split(". ")[0].replace(/\.?$/, "."); // the why; the how follows
  const codes = $$("li:last-child code", el);
  codes[1].textContent = env;
  codes[2].textContent = `chmod 600 ${env}`;
}
