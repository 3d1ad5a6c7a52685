// Stacked event counts by type per period, the mean-score line, and a brush for dates.

import { el, empty, fmt, svg, title, TYPES, typeColour } from "./svg.js";

const DAY = 86400000;
const M = { left: 42, right: 40, top: 10, bottom: 22 };

const parse = (s) => Date.parse(`${s}T00:00:00Z`);
const iso = (t) => new Date(t).toISOString().slice(0, 10);

function periodEnd(start, interval) {
  const d = new Date(start);
  if (interval === "day") return start + DAY;
  if (interval === "week") return start + 7 * DAY;
  if (interval === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
}

export function drawTimeline(container, legend, data, state, onBrush) {
  const periods = data.periods.map((p) => ({ ...p, t0: parse(p.period),
    t1: periodEnd(parse(p.period), data.interval) }));
  legend.replaceChildren();
  if (!periods.length) { empty(container, "No dated events match these filters."); return; }
  const { root, width, height } = svg(container, 230);
  const plotW = width - M.left - M.right;
  const plotH = height - M.top - M.bottom;
  // One slot per period that has events: a store with a few old "historical" dates does not
  // squeeze the recent months into a sliver. Slot i spans [x(i), x(i + 1)).
  const slot = plotW / periods.length;
  const x = (i) => M.left + i * slot;
  const at = (px) => Math.max(0, Math.min(periods.length - 1, Math.floor((px - M.left) / slot)));
  const maxN = Math.max(...periods.map((p) => p.n));
  const y = (n) => M.top + plotH - (n / maxN) * plotH;
  const scores = periods.map((p) => p.mean_score).filter((s) => s !== null);
  const sMax = Math.max(1, Math.ceil(Math.max(0, ...scores.map(Math.abs))));
  const ys = (s) => M.top + plotH / 2 - (s / sMax) * (plotH / 2);

  // axes
  const axis = el("g", { class: "axis" }, root);
  for (const frac of [0, 0.5, 1]) {
    const n = Math.round(maxN * frac);
    el("line", { x1: M.left, x2: M.left + plotW, y1: y(n), y2: y(n), stroke: "#eee" }, axis);
    el("text", { x: M.left - 4, y: y(n) + 3, "text-anchor": "end" }, axis).textContent = fmt(n);
  }
  for (const s of [-sMax, 0, sMax]) {
    el("text", { x: M.left + plotW + 4, y: ys(s) + 3 }, axis).textContent = (s > 0 ? "+" : "") + s;
  }
  const ticks = Math.min(7, periods.length);
  for (let i = 0; i < ticks; i++) {
    const p = periods[Math.round((i * (periods.length - 1)) / Math.max(1, ticks - 1))];
    const label = data.interval === "month" || data.interval === "year"
      ? p.period.slice(0, data.interval === "year" ? 4 : 7) : p.period;
    el("text", { x: x(periods.indexOf(p)) + slot / 2, y: height - 6, "text-anchor": "middle" }, axis).textContent = label;
  }

  // stacked bars
  const bars = el("g", { class: "bars" }, root);
  for (const [i, p] of periods.entries()) {
    let base = 0;
    const x0 = x(i);
    const w = Math.max(1, slot - (slot > 4 ? 1 : 0));
    for (const type of TYPES) {
      const n = p.counts[type];
      if (!n) continue;
      const rect = el("rect", { x: x0, y: y(base + n), width: w, height: Math.max(0.5, y(base) - y(base + n)),
        fill: typeColour(type), "data-type": type }, bars);
      title(rect, `${p.period} ${type}: ${n}`);
      base += n;
    }
  }

  // cooperation-conflict line: mean score of the period's scored events
  el("line", { x1: M.left, x2: M.left + plotW, y1: ys(0), y2: ys(0), stroke: "#888",
    "stroke-dasharray": "3 3" }, root);
  let d = "";
  let pen = false;
  for (const [i, p] of periods.entries()) {
    if (p.mean_score === null) { pen = false; continue; }
    d += `${pen ? "L" : "M"}${(x(i) + slot / 2).toFixed(1)},${ys(p.mean_score).toFixed(1)}`;
    pen = true;
  }
  el("path", { d, class: "score-line", fill: "none", stroke: "#111", "stroke-width": 1.6 }, root);
  for (const [i, p] of periods.entries()) {
    if (p.mean_score === null) continue;
    title(el("circle", { cx: x(i) + slot / 2, cy: ys(p.mean_score), r: 2, fill: "#111" }, root),
      `${p.period} mean score ${p.mean_score} (${p.scored} scored events)`);
  }

  // brush: the selected period, and dragging to pick a new one
  const brush = el("rect", { class: "brush", y: M.top, height: plotH, x: 0, width: 0, visibility: "hidden" }, root);
  const showRange = (a, b) => {
    brush.setAttribute("x", Math.min(a, b));
    brush.setAttribute("width", Math.abs(b - a));
    brush.setAttribute("visibility", "visible");
  };
  if (state.since || state.until) {
    const since = state.since ? parse(state.since) : -Infinity;
    const until = state.until ? parse(state.until) + DAY : Infinity;
    const inside = periods.map((p, i) => (p.t1 > since && p.t0 < until ? i : -1)).filter((i) => i >= 0);
    if (inside.length) showRange(x(inside[0]), x(inside[inside.length - 1] + 1));
  }
  const overlay = el("rect", { class: "overlay", x: M.left, y: M.top, width: plotW, height: plotH,
    fill: "transparent", cursor: "crosshair" }, root);
  const toX = (event) => {
    const box = root.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * width;
    return Math.max(M.left, Math.min(M.left + plotW, px));
  };
  let start = null;
  overlay.addEventListener("pointerdown", (event) => {
    start = toX(event);
    overlay.setPointerCapture(event.pointerId);
  });
  overlay.addEventListener("pointermove", (event) => { if (start !== null) showRange(start, toX(event)); });
  overlay.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const end = toX(event);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (b - a < 3) return;
    // Whole periods under the brush: from the start of the first to the end of the last.
    onBrush(iso(periods[at(a)].t0), iso(periods[at(b - 1)].t1 - DAY));
  });
  overlay.addEventListener("dblclick", () => onBrush(null, null));

  // legend
  const present = TYPES.filter((t) => periods.some((p) => p.counts[t]));
  for (const type of present) {
    const item = document.createElement("span");
    item.innerHTML = `<i style="background:${typeColour(type)}"></i>${type}`;
    legend.appendChild(item);
  }
  const line = document.createElement("span");
  line.innerHTML = `<i style="background:#111;height:2px;vertical-align:3px"></i>mean score per ${data.interval} (right axis; conflict &lt; 0 &lt; cooperation)`;
  legend.appendChild(line);
}
