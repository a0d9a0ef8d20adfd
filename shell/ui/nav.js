// Which view shows, and going to one. The views (#view-<name> in index.html) call setView when they open; a view
// that keeps something running while shown (the metrics' refresh) stops it through onView. The addresses
// (#/, #/p/<id>, #/settings/<field>, #/metrics, #/welcome) are read by app.js's router, registered here with
// setRouter so that no view imports the entry module.
import { state } from "./state.js";
import { $, $$, hub } from "./util.js";

const VIEWS = ["dashboard", "project", "settings", "metrics", "welcome"];
const views = hub("view");
let router = () => {};

// fn(name) after every setView, with the name of the view now shown.
export function onView(fn) { return views.on("shown", fn); }
export function setRouter(fn) { router = fn; }
export function route() { return router(); }

export function setView(name) {
  state.view = name;
  for (const v of VIEWS) $(`#view-${v}`).classList.toggle("hidden", v !== name);
  $$(".nav-item").forEach((a) => a.classList.toggle("active", a.dataset.nav === name));
  $("#app").classList.toggle("compact", name === "project");
  document.title = name === "project" && state.project ? `${state.project.name} — Vibing` : name === "settings" ? "Settings — Vibing" : "Vibing";
  views.emit("shown", name);
}

export function goHome() { location.hash = "#/"; }
export function goProject(id) { location.hash = `#/p/${encodeURIComponent(id)}`; }
// Settings at one field ("key", "openai"): set the address, or show it again when it already is the address.
export function goSettings(where = "") {
  const hash = where ? `#/settings/${where}` : "#/settings";
  if (where && location.hash === hash) route(); else location.hash = hash;
}
