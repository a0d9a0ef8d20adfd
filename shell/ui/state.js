// The window's shared state: one plain object every view reads and writes. It holds what the views must agree on
// (the open project and its files, the running streams, the settings); a view's private bookkeeping (timers,
// sequence numbers) stays in its own module. window.__vibing exposes it for debugging, the tests and the bench.

export const state = {
  info: {}, view: "", projects: [], total: 0, sort: "updated", query: "", pendingDeletes: new Map(),
  project: null, messages: [], files: new Map(), selectedFile: "", checkpoints: [], selectedCheckpoint: null,
  streams: new Map(), activeStream: "", lastPrompt: "", agents: [], models: [], defaultModel: "", writing: new Set(),
  settings: null, previewErrors: [], previewNotices: [], networkNeeds: new Map(), needUrls: new Map(), netBarDismissed: false, previewVersion: 0,
  network: { everywhere: false, projects: new Set() }, services: {}, recent: [], exportFormat: "zip", newType: "website",
  prefs: {}, status: null, unsent: null, providerOverride: "", localModel: null, welcomeSkipped: false, autoPrompt: null,
  renderStats: { frames: 0, maxMs: 0, totalMs: 0 },
};
window.__vibing = state;

// The shell's answer to a settings read or write: its values become the preferences every view reads.
export function setPrefs(settings) {
  state.prefs = settings.values || {};
  if (state.settings && state.settings !== settings) state.settings = { ...state.settings, ...settings };
  return settings;
}
