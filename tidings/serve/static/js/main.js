// The dashboard: reads the view from the URL, asks the API for aggregates, draws the views.

import { get } from "./api.js";
import { drawArticle } from "./article.js";
import { drawEvidence } from "./evidence.js";
import { WorldMap } from "./map.js";
import { drawNetwork } from "./network.js";
import { drawLegend, drawMatrix, drawStanceTimeline, drawStories } from "./stances.js";
import { FILTERS, filterParams, read, write } from "./state.js";
import { FACTUALITIES, TYPES, fmt } from "./svg.js";
import { drawTable } from "./table.js";
import { drawTimeline } from "./timeline.js";

const PAGE = 25;
const $ = (id) => document.getElementById(id);
const LABELS = { type: "type", factuality: "factuality", actor: "actor", recipient: "recipient",
  actor_sector: "actor sector", recipient_sector: "recipient sector", country: "country",
  place: "place", bbox: "area", since: "from", until: "to", q: "text", article: "article" };

let state = read();
let generation = 0;
const map = new WorldMap($("map"), (change) => setFilter(change));

function setFilter(change) {
  state = { ...state, ...change, offset: undefined, event: undefined };
  for (const [k, v] of Object.entries(change)) if (v === null) delete state[k];
  write(state);
  render();
}

function setView(change) {
  state = { ...state, ...change };
  for (const [k, v] of Object.entries(change)) if (v === null || v === undefined) delete state[k];
  write(state);
  render();
}

function status(text, error = false) {
  const node = $("status");
  node.textContent = text;
  node.style.color = error ? "#ff8080" : "";
}

function fillForm() {
  const form = $("filters");
  for (const name of ["type", "factuality", "actor", "recipient", "country", "since", "until", "q"]) {
    const input = form.elements[name];
    const value = state[name] ?? "";
    if (input.tagName === "SELECT" && value && ![...input.options].some((o) => o.value === value)) {
      input.add(new Option(value, value)); // e.g. several types from a shared URL
    }
    input.value = value;
  }
  const chips = $("chips");
  chips.replaceChildren();
  for (const key of FILTERS) {
    if (!state[key]) continue;
    const chip = document.createElement("span");
    chip.className = "chip";
    chip.dataset.filter = key;
    chip.textContent = `${LABELS[key]}: ${state[key]}`;
    const remove = document.createElement("button");
    remove.textContent = "×";
    remove.title = `remove the ${LABELS[key]} filter`;
    remove.addEventListener("click", () => setFilter({ [key]: null }));
    chip.appendChild(remove);
    chips.appendChild(chip);
  }
  if (chips.children.length > 1) {
    const all = document.createElement("button");
    all.textContent = "clear all";
    all.addEventListener("click", () => setFilter(Object.fromEntries(FILTERS.map((k) => [k, null]))));
    chips.appendChild(all);
  }
}

async function renderArticle(mine) {
  $("dashboard").hidden = true;
  const main = $("article-view");
  main.hidden = false;
  const article = await get(`/api/articles/${encodeURIComponent(state.doc)}`);
  if (mine !== generation) return;
  drawArticle(main, article, (eventId) => setView({ doc: null, event: eventId }),
    () => setView({ doc: null }));
  status(`article ${article.article_id}`);
}

async function renderDashboard(mine) {
  $("article-view").hidden = true;
  $("dashboard").hidden = false;
  const params = filterParams(state);
  const offset = Number(state.offset || 0);
  for (const fmtName of ["csv", "jsonl", "parquet"]) {
    const p = new URLSearchParams(params);
    p.set("format", fmtName);
    $(`download-${fmtName}`).href = `/api/events?${p}`;
  }
  const page = new URLSearchParams(params);
  page.set("limit", PAGE);
  page.set("offset", offset);
  const net = new URLSearchParams(params);
  net.set("level", state.level || "country");
  $("level").value = state.level || "country";

  const jobs = [
    get("/api/timeline", filterParams(state, ["since", "until"])).then((data) => {
      if (mine === generation) drawTimeline($("timeline"), $("timeline-legend"), data, state,
        (since, until) => setFilter({ since, until }));
    }),
    map.update(params, state),
    get("/api/network", net).then((data) => {
      if (mine === generation) drawNetwork($("network"), data, (change) => setFilter(change));
    }),
    get("/api/events", page).then((data) => {
      if (mine !== generation) return;
      drawTable($("table"), data, state.event, (eventId) => setView({ event: eventId }));
      $("table-count").textContent = `${fmt(data.total)} matching`;
      $("page-info").textContent = data.total
        ? `${offset + 1}–${Math.min(offset + PAGE, data.total)} of ${fmt(data.total)}` : "";
      $("prev").disabled = offset <= 0;
      $("next").disabled = offset + PAGE >= data.total;
      status(`${fmt(data.total)} events`);
    }),
    ...stanceJobs(mine, params),
  ];
  if (state.event) {
    jobs.push(get(`/api/events/${encodeURIComponent(state.event)}`).then((event) => {
      if (mine === generation) drawEvidence($("evidence"), event,
        (articleId) => setView({ doc: articleId }), () => setView({ event: null }));
    }));
  } else {
    $("evidence").hidden = true;
  }
  await Promise.all(jobs);
}

// The stance panel follows the filters; its issue (for the timeline) is its own, in the URL.
function stanceJobs(mine, params) {
  const selectEvent = (eventId) => setView({ event: eventId });
  const selectIssue = (issue) => setView({ issue: issue || null });
  const stories = new URLSearchParams();
  for (const key of ["since", "until", "actor", "type"]) if (state[key]) stories.set(key, state[key]);
  stories.set("limit", 8);
  const timeline = new URLSearchParams(params);
  if (state.issue) timeline.set("issue", state.issue);
  $("stance-timeline-title").textContent = state.issue ? `Positions on ${state.issue} over time` : "Positions over time";
  return [
    get("/api/stances", params).then((data) => {
      if (mine !== generation) return;
      drawMatrix($("stance-matrix"), $("stance-detail"), data, state.issue, selectIssue, selectEvent);
      const select = $("stance-issue");
      const issues = [...data.issues].sort();
      if (state.issue && !issues.includes(state.issue)) issues.push(state.issue);
      select.replaceChildren(new Option("choose an issue", ""), ...issues.map((i) => new Option(i, i)));
      select.value = state.issue ?? "";
    }),
    (state.issue ? get("/api/stances/timeline", timeline) : Promise.resolve(null)).then((data) => {
      if (mine === generation) drawStanceTimeline($("stance-timeline"), data, selectEvent);
    }),
    get("/api/stories", stories).then((data) => {
      if (mine === generation) drawStories($("stories"), data, selectEvent);
    }),
  ];
}

async function render() {
  const mine = ++generation;
  document.body.dataset.ready = "";
  fillForm();
  try {
    if (state.doc) await renderArticle(mine);
    else await renderDashboard(mine);
  } catch (error) {
    if (mine === generation) status(error.message, true);
  }
  if (mine === generation) document.body.dataset.ready = String(mine);
}

function init() {
  const form = $("filters");
  for (const type of TYPES) form.elements.type.add(new Option(type, type));
  for (const f of FACTUALITIES) form.elements.factuality.add(new Option(f, f));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const change = {};
    for (const name of ["type", "factuality", "actor", "recipient", "country", "since", "until", "q"]) {
      change[name] = form.elements[name].value.trim() || null;
    }
    setFilter(change);
  });
  for (const name of ["type", "factuality"]) {
    form.elements[name].addEventListener("change", () => form.requestSubmit());
  }
  $("prev").addEventListener("click", () => setView({ offset: Math.max(0, Number(state.offset || 0) - PAGE) || null, event: null }));
  $("next").addEventListener("click", () => setView({ offset: Number(state.offset || 0) + PAGE, event: null }));
  drawLegend($("stance-legend"));
  $("stance-issue").addEventListener("change", (event) => setView({ issue: event.target.value || null }));
  $("level").addEventListener("change", (event) => setView({ level: event.target.value === "country" ? null : event.target.value }));
  document.querySelectorAll("[data-zoom]").forEach((button) =>
    button.addEventListener("click", () => map.zoom(button.dataset.zoom)));
  window.addEventListener("popstate", () => { state = read(); render(); });
  render();
}

init();
