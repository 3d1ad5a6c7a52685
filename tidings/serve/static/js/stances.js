// Where parties stand: the party x issue matrix of latest positions, one issue's positions over
// time (a lane per party), and the top stories (one happening, many sources).

import { el, empty, svg, title } from "./svg.js";

export const POSITIONS = ["demands", "supports", "accepts", "conditions", "opposes", "rejects",
  "no agreement"];
const COLOURS = { demands: "#2166ac", supports: "#66bd63", accepts: "#1a7837",
  conditions: "#e6ab02", opposes: "#e08214", rejects: "#b2182b", "no agreement": "#6a51a3" };
const INK = { conditions: "#222", supports: "#102a10" };
const SHORT = { demands: "demands", supports: "supports", accepts: "accepts",
  conditions: "conditions", opposes: "opposes", rejects: "rejects", "no agreement": "no deal" };
const DAY = 86400000;
const parse = (s) => Date.parse(`${s}T00:00:00Z`);
const iso = (t) => new Date(t).toISOString().slice(0, 10);
const clip = (s, n = 220) => (s && s.length > n ? `${s.slice(0, n - 1)}…` : s ?? "").trim();

export function positionColour(position) {
  return COLOURS[position] ?? "#999";
}

// Markers of factualities other than asserted: negated ones are struck through (as in the
// table), future and hypothetical ones hollow and dashed.
function factualityNote(f) {
  return f && f !== "asserted" ? ` (${f})` : "";
}

function describe(o) {
  const parts = [`${o.party} · ${o.issue ?? ""}: ${o.position}`];
  if (o.condition) parts[0] += ` (the condition: ${o.condition})`;
  if (o.counterpart?.length) parts[0] += ` → ${o.counterpart.join(", ")}`;
  parts.push(`${o.date ?? "undated"}${factualityNote(o.factuality)} · ${o.event_type}`);
  if (o.evidence) parts.push(`“${clip(o.evidence, 400)}”`);
  return parts.join("\n");
}

export function drawLegend(container) {
  container.replaceChildren();
  for (const p of POSITIONS) {
    const item = document.createElement("span");
    item.innerHTML = `<i style="background:${COLOURS[p]}"></i>${p}`;
    container.appendChild(item);
  }
  const marks = document.createElement("span");
  marks.className = "marks";
  marks.innerHTML = '<i class="mk asserted"></i>asserted <i class="mk negated"></i>negated ' +
    '<i class="mk future"></i>future / hypothetical';
  container.appendChild(marks);
}

// The matrix: rows = parties, columns = issues; a cell's colour is the party's latest position.
export function drawMatrix(container, detail, data, selectedIssue, onIssue, onEvent) {
  detail.replaceChildren();
  if (!data.cells.length) {
    empty(container, "No stances match these filters (they come from REQUEST, REJECT, AGREE, " +
      "CONCEDE, SUPPORT and THREATEN events with an issue).");
    return;
  }
  const cells = new Map(data.cells.map((c) => [`${c.party}\u0000${c.issue}`, c]));
  const table = document.createElement("table");
  table.className = "stances";
  const head = table.createTHead().insertRow();
  const corner = document.createElement("th");
  corner.textContent = data.total_parties > data.parties.length
    ? `${data.parties.length} of ${data.total_parties} parties` : "party";
  corner.className = "corner";
  head.appendChild(corner);
  for (const issue of data.issues) {
    const th = document.createElement("th");
    th.className = "issue";
    th.dataset.issue = issue;
    th.title = `show the timeline of ${issue}`;
    if (issue === selectedIssue) th.classList.add("selected");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = issue;
    button.addEventListener("click", () => onIssue(issue));
    th.appendChild(button);
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const party of data.parties) {
    const row = body.insertRow();
    row.dataset.party = party;
    const th = document.createElement("th");
    th.textContent = party;
    th.scope = "row";
    row.appendChild(th);
    for (const issue of data.issues) {
      const td = row.insertCell();
      if (issue === selectedIssue) td.classList.add("selected");
      const c = cells.get(`${party}\u0000${issue}`);
      if (!c) continue;
      td.className = `cell ${c.factuality}${issue === selectedIssue ? " selected" : ""}`;
      td.dataset.party = party;
      td.dataset.issue = issue;
      td.dataset.position = c.position;
      td.dataset.event = c.event_id;
      td.style.background = COLOURS[c.position] ?? "#999";
      td.style.color = INK[c.position] ?? "#fff";
      td.textContent = SHORT[c.position] ?? c.position;
      td.title = describe(c) + (c.observations > 1 ? `\n(latest of ${c.observations})` : "");
      td.tabIndex = 0;
      const show = () => {
        table.querySelectorAll("td.active").forEach((n) => n.classList.remove("active"));
        td.classList.add("active");
        showDetail(detail, c, onIssue, onEvent);
      };
      td.addEventListener("click", show);
      td.addEventListener("keydown", (event) => { if (event.key === "Enter") show(); });
    }
  }
  container.replaceChildren(table);
  detail.textContent = "Hover a cell for its date and sentence; click it to keep them here.";
  detail.classList.add("hint");
}

function showDetail(detail, c, onIssue, onEvent) {
  detail.classList.remove("hint");
  detail.replaceChildren();
  const head = document.createElement("div");
  head.className = "head";
  const swatch = document.createElement("i");
  swatch.style.background = COLOURS[c.position] ?? "#999";
  head.append(swatch);
  const what = document.createElement("b");
  what.textContent = `${c.party} ${c.position} ${c.condition ? `${c.issue} (first: ${c.condition})` : c.issue}`;
  head.append(what);
  const when = document.createElement("span");
  when.className = "when";
  when.textContent = ` ${c.date ?? "undated"}${factualityNote(c.factuality)} · ${c.event_type}` +
    (c.counterpart?.length ? ` · towards ${c.counterpart.join(", ")}` : "") +
    (c.observations > 1 ? ` · latest of ${c.observations}` : "");
  head.append(when);
  const quote = document.createElement("blockquote");
  quote.className = "mention";
  quote.textContent = c.evidence ?? "";
  const actions = document.createElement("div");
  actions.className = "actions";
  const evidence = document.createElement("button");
  evidence.type = "button";
  evidence.textContent = "show the event";
  evidence.addEventListener("click", () => onEvent(c.event_id));
  const timeline = document.createElement("button");
  timeline.type = "button";
  timeline.textContent = `timeline of ${c.issue}`;
  timeline.addEventListener("click", () => onIssue(c.issue));
  actions.append(evidence, " ", timeline);
  detail.append(head, quote, actions);
}

// One issue over time: x = date, a lane per party, markers coloured by position.
const M = { left: 78, right: 18, top: 12, bottom: 24 };
const LANE = 30;

export function drawStanceTimeline(container, data, onEvent) {
  if (!data) { empty(container, "Choose an issue (above, or click a column) to see its positions over time."); return; }
  if (!data.items.length) {
    empty(container, `No dated stances on ${data.issue} match these filters.`);
    return;
  }
  const lanes = data.parties.filter((p) => data.items.some((o) => o.party === p));
  const height = M.top + lanes.length * LANE + M.bottom;
  const { root, width } = svg(container, height);
  root.dataset.issue = data.issue;
  const plotW = width - M.left - M.right;
  const times = data.items.map((o) => parse(o.date));
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  const pad = Math.max(DAY, (t1 - t0) * 0.03);
  t0 -= pad; t1 += pad;
  const x = (t) => M.left + ((t - t0) / (t1 - t0)) * plotW;
  const laneY = (party) => M.top + lanes.indexOf(party) * LANE + LANE / 2;

  const axis = el("g", { class: "axis" }, root);
  // Ticks on whole days, at most one per ~110 px.
  const ticks = Math.max(2, Math.min(7, Math.floor(plotW / 110)));
  const step = Math.max(1, Math.ceil((t1 - t0) / DAY / ticks)) * DAY;
  for (let t = Math.ceil(t0 / DAY) * DAY; t <= t1; t += step) {
    const anchor = x(t) < M.left + 30 ? "start" : x(t) > M.left + plotW - 30 ? "end" : "middle";
    el("line", { x1: x(t), x2: x(t), y1: M.top, y2: height - M.bottom, stroke: "#f0f0f0" }, axis);
    el("text", { x: x(t), y: height - 8, "text-anchor": anchor }, axis).textContent = iso(t);
  }
  for (const party of lanes) {
    const y = laneY(party);
    el("line", { x1: M.left, x2: M.left + plotW, y1: y, y2: y, stroke: "#e4e4e4" }, axis);
    const label = el("text", { x: M.left - 8, y: y + 4, "text-anchor": "end", class: "lane" }, axis);
    label.textContent = party;
  }

  // Points of one party on one day sit side by side.
  const slots = new Map();
  for (const o of data.items) {
    const key = `${o.party}\u0000${o.date}`;
    slots.set(key, (slots.get(key) ?? 0) + 1);
  }
  const taken = new Map();
  const marks = el("g", { class: "marks" }, root);
  for (const o of data.items) {
    const key = `${o.party}\u0000${o.date}`;
    const k = taken.get(key) ?? 0;
    taken.set(key, k + 1);
    const cx = x(parse(o.date)) + (k - (slots.get(key) - 1) / 2) * 15;
    const cy = laneY(o.party);
    const r = 6 + Math.min(3, Math.log2(o.n || 1));
    const colour = COLOURS[o.position] ?? "#999";
    const g = el("g", { class: `obs ${o.factuality}`, "data-party": o.party,
      "data-position": o.position, "data-factuality": o.factuality, "data-event": o.event_id,
      cursor: "pointer" }, marks);
    const hollow = o.factuality === "future" || o.factuality === "hypothetical";
    el("circle", { cx, cy, r, fill: hollow ? "#fff" : colour, stroke: hollow ? colour : "#fff",
      "stroke-width": hollow ? 2.2 : 1, "stroke-dasharray": hollow ? "2.5 1.8" : null }, g);
    if (o.factuality === "negated") {
      el("line", { x1: cx - r - 2, y1: cy + r + 1, x2: cx + r + 2, y2: cy - r - 1,
        stroke: "#111", "stroke-width": 2, "stroke-linecap": "round" }, g);
    }
    title(g, describe({ ...o, issue: data.issue }) + (o.n > 1 ? `\n(${o.n} observations)` : ""));
    g.addEventListener("click", () => onEvent(o.event_id));
  }
  if (data.truncated || data.undated || data.total_parties > data.parties.length) {
    const notes = [];
    if (data.truncated) notes.push(`the latest ${data.items.length} points`);
    if (data.total_parties > data.parties.length) notes.push(`${data.parties.length} of ${data.total_parties} parties`);
    if (data.undated) notes.push(`${data.undated} undated left out`);
    const text = el("text", { x: width - M.right, y: M.top - 2, "text-anchor": "end", class: "note" }, root);
    text.textContent = notes.join(" · ");
  }
}

// The most reported happenings (from `tidings stories --rebuild`).
export function drawStories(list, data, onEvent) {
  list.replaceChildren();
  if (data.note || !data.items.length) {
    const li = document.createElement("li");
    li.className = "note";
    li.textContent = data.note ?? "No stories match these filters.";
    list.appendChild(li);
    return;
  }
  for (const s of data.items) {
    const li = document.createElement("li");
    li.dataset.story = s.story_id;
    li.title = `${s.num_articles} articles · ${s.num_mentions} mentions · ${(s.sources ?? []).join(", ")}`;
    const n = document.createElement("span");
    n.className = "sources";
    n.textContent = `${s.num_sources} source${s.num_sources === 1 ? "" : "s"}`;
    const meta = document.createElement("span");
    meta.className = "meta";
    const parties = [(s.actor_countries ?? []).join("/"), (s.recipient_countries ?? []).join("/")]
      .filter(Boolean).join(" → ");
    const cut = { year: 4, month: 7 }[s.date_precision] ?? 10;  // 2022, not 2022-01-01
    const date = s.date ? s.date.slice(0, cut) : `seen ${s.first_seen ?? "?"}`;
    meta.textContent = `${date} ${s.event_type}${parties ? ` ${parties}` : ""}`;
    const head = document.createElement("span");
    head.className = "headline";
    head.textContent = clip(s.headline, 200);
    li.append(n, meta, head);
    li.addEventListener("click", () => onEvent(s.lead_event_id));
    list.appendChild(li);
  }
}
