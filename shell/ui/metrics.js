// The Metrics view: requests per second over the last minute and a row per service (the metrics service's
// snapshot), refreshed every 2 s while the view shows.
import { call } from "./bus.js";
import { onView, setView } from "./nav.js";
import { $, escapeHtml, humanError } from "./util.js";

let metricsTimer = 0;
onView((name) => { if (name !== "metrics") clearInterval(metricsTimer); });

export async function showMetrics() {
  setView("metrics");
  document.title = "Metrics — Vibing";
  await refreshMetrics();
  clearInterval(metricsTimer);
  metricsTimer = setInterval(refreshMetrics, 2000);
}

async function refreshMetrics() {
  let snap;
  try { snap = await call("metrics", "GetSnapshot", {}, 3); } catch (e) { $("#metrics-where").textContent = humanError(e.code, e.message); return; }
  $("#metrics-where").textContent = `Prometheus: ${snap.url}`;
  const rates = snap.requests_per_s || [];
  const last = rates.length ? rates[rates.length - 1] : 0;
  $("#metrics-rate").textContent = `${last.toFixed(1)}/s now · peak ${Math.max(0, ...rates).toFixed(1)}/s`;
  const top = Math.max(1, ...rates);
  const points = rates.map((r, i) => `${rates.length > 1 ? (i / (rates.length - 1)) * 300 : 0},${46 - (r / top) * 44}`);
  $("#metrics-spark polyline").setAttribute("points", points.join(" "));
  const ms = (v) => v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`;
  $("#metrics-rows").innerHTML = (snap.services || []).map((s) => `<tr class="${s.reported_s_ago > 5 ? "stale" : ""}" data-service="${escapeHtml(s.service)}">
    <td>${escapeHtml(s.service)}</td><td class="num">${s.pid}</td><td class="num">${Math.round(s.requests)}</td>
    <td class="num">${Math.round(s.failures)}</td><td class="num">${ms(s.p50_ms)}</td><td class="num">${ms(s.p99_ms)}</td>
    <td class="num">${Math.round(s.restarts)}</td><td class="num">${s.reported_s_ago.toFixed(0)} s ago</td></tr>`).join("");
}
