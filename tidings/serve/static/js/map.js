// Event locations on the bundled world outline: circles per grid cell, countries shaded by
// count. Click a circle (its cell) or a country to filter; wheel or buttons to zoom, drag to pan.

import { get } from "./api.js";
import { el, empty, fmt, svg, title, scoreColour } from "./svg.js";

const CELLS = [10, 5, 2, 1, 0.5, 0.25, 0.1, 0.05];
let world = null;
const view = { lon: 15, lat: 25, k: 1 };

export function cellFor(k) {
  return CELLS.find((c) => c <= 3 / k) ?? CELLS[CELLS.length - 1];
}

async function loadWorld() {
  if (!world) {
    const response = await fetch("/static/world.json");
    world = await response.json();
  }
  return world;
}

export class WorldMap {
  constructor(container, onFilter) {
    this.container = container;
    this.onFilter = onFilter;
    this.params = null;
    this.state = {};
    this.timer = null;
  }

  async update(params, state) {
    this.params = params;
    this.state = state;
    const query = new URLSearchParams(params);
    query.set("cell", cellFor(view.k));
    const [geo, data] = await Promise.all([loadWorld(), get("/api/map", query)]);
    this.draw(geo, data);
    return data;
  }

  zoom(how, at = null) {
    if (how === "reset") Object.assign(view, { lon: 15, lat: 25, k: 1 });
    else {
      const factor = how === "in" ? 1.6 : 1 / 1.6;
      const k = Math.max(1, Math.min(64, view.k * factor));
      if (at) { // keep the point under the cursor where it is
        view.lon = at.lon - (at.lon - view.lon) * (view.k / k);
        view.lat = at.lat - (at.lat - view.lat) * (view.k / k);
      }
      view.k = k;
    }
    this.refresh();
  }

  refresh() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(this.params, this.state).catch(() => {}), 150);
  }

  draw(geo, data) {
    const { root, width, height } = svg(this.container, 380);
    const s = Math.min(width / 360, height / 150) * view.k;
    const px = (lon) => width / 2 + (lon - view.lon) * s;
    const py = (lat) => height / 2 - (lat - view.lat) * s;
    const inverse = (x, y) => ({ lon: view.lon + (x - width / 2) / s, lat: view.lat - (y - height / 2) / s });
    el("rect", { x: 0, y: 0, width, height, fill: "#eef3f7" }, root);

    const counts = new Map(data.countries.map((c) => [c.country, c.n]));
    const maxC = Math.max(1, ...counts.values());
    const land = el("g", {}, root);
    for (const feature of geo.features) {
      let d = "";
      for (const polygon of feature.geometry.coordinates) {
        for (const ring of polygon) {
          d += ring.map(([lon, lat], i) => `${i ? "L" : "M"}${px(lon).toFixed(1)},${py(lat).toFixed(1)}`).join("") + "Z";
        }
      }
      const iso3 = feature.properties.iso3;
      const n = counts.get(iso3) || 0;
      const path = el("path", { d, class: "country" + (this.state.country === iso3 ? " selected" : ""),
        "data-iso3": iso3 || "" }, land);
      if (n) {
        const t = Math.log1p(n) / Math.log1p(maxC);
        path.style.fill = `rgb(${Math.round(217 - 90 * t)},${Math.round(213 - 60 * t)},${Math.round(203 - 10 * t)})`;
      }
      title(path, `${feature.properties.name}${iso3 ? ` (${iso3})` : ""}: ${fmt(n)} events`);
      if (iso3) path.addEventListener("click", () => this.clicked() && this.onFilter({ country: iso3 }));
    }

    if (this.state.bbox) {
      const [w, so, e, n] = this.state.bbox.split(",").map(Number);
      el("rect", { x: px(w), y: py(n), width: Math.max(2, px(e) - px(w)), height: Math.max(2, py(so) - py(n)),
        fill: "none", stroke: "#1f2a36", "stroke-dasharray": "4 2" }, root);
    }

    const dots = el("g", {}, root);
    const maxN = Math.max(1, ...data.points.map((p) => p.n));
    for (const p of [...data.points].reverse()) { // biggest drawn first, small ones on top
      const r = 2 + 16 * Math.sqrt(p.n / maxN);
      const circle = el("circle", { class: "point", cx: px(p.lon), cy: py(p.lat), r, fill: scoreColour(p.mean_score) }, dots);
      title(circle, `${p.name || "?"}${p.country ? ` (${p.country})` : ""}: ${fmt(p.n)} events` +
        (p.mean_score !== null ? `, mean score ${p.mean_score.toFixed(1)}` : ""));
      const bbox = [p.west, p.south, p.west + data.cell, p.south + data.cell]
        .map((v) => Math.round(v * 1e4) / 1e4).join(",");
      circle.addEventListener("click", (event) => {
        event.stopPropagation();
        if (this.clicked()) this.onFilter({ bbox });
      });
    }
    if (!data.points.length) {
      el("text", { x: width / 2, y: 20, "text-anchor": "middle", fill: "#555", "font-size": 12 }, root)
        .textContent = "No located events match these filters.";
    }

    // pan and wheel zoom
    let drag = null;
    this.moved = false;
    root.addEventListener("pointerdown", (event) => { drag = { x: event.clientX, y: event.clientY, lon: view.lon, lat: view.lat }; this.moved = false; });
    root.addEventListener("pointermove", (event) => {
      if (!drag) return;
      const box = root.getBoundingClientRect();
      const dx = ((event.clientX - drag.x) / box.width) * width;
      const dy = ((event.clientY - drag.y) / box.height) * height;
      if (Math.abs(dx) + Math.abs(dy) > 4) this.moved = true;
      if (this.moved) {
        view.lon = drag.lon - dx / s;
        view.lat = drag.lat + dy / s;
        root.querySelectorAll("g").forEach((g) => g.setAttribute("transform", `translate(${dx},${dy})`));
      }
    });
    root.addEventListener("pointerup", () => { if (drag && this.moved) this.refresh(); drag = null; });
    root.addEventListener("wheel", (event) => {
      event.preventDefault();
      const box = root.getBoundingClientRect();
      const at = inverse(((event.clientX - box.left) / box.width) * width, ((event.clientY - box.top) / box.height) * height);
      this.zoom(event.deltaY < 0 ? "in" : "out", at);
    }, { passive: false });
  }

  clicked() { return !this.moved; }

  fail(message) { empty(this.container, message); }
}
