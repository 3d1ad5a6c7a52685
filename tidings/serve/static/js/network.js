// The actor network: dyads (actor -> recipient) as arrows weighted by events and coloured by
// their mean score. Click a node to filter by actor, an edge to filter by the dyad.

import { el, empty, fmt, svg, title, scoreColour } from "./svg.js";

// A small deterministic force layout: nodes start on a circle (sorted by id), repel each
// other, and edges pull their ends together.
export function layout(nodes, edges, width, height) {
  const n = nodes.length;
  const pos = new Map();
  [...nodes].sort((a, b) => a.id.localeCompare(b.id)).forEach((node, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    pos.set(node.id, { x: width / 2 + (width / 3) * Math.cos(a), y: height / 2 + (height / 3) * Math.sin(a) });
  });
  const ideal = Math.sqrt((width * height) / Math.max(1, n)) * 0.6;
  for (let step = 0; step < 250; step++) {
    const cool = 1 - step / 250;
    const force = new Map(nodes.map((node) => [node.id, { x: 0, y: 0 }]));
    for (const a of nodes) {
      for (const b of nodes) {
        if (a.id >= b.id) continue;
        const pa = pos.get(a.id), pb = pos.get(b.id);
        let dx = pa.x - pb.x, dy = pa.y - pb.y;
        const d = Math.max(1, Math.hypot(dx, dy));
        const f = (ideal * ideal) / d;
        dx /= d; dy /= d;
        force.get(a.id).x += dx * f; force.get(a.id).y += dy * f;
        force.get(b.id).x -= dx * f; force.get(b.id).y -= dy * f;
      }
    }
    for (const e of edges) {
      const pa = pos.get(e.source), pb = pos.get(e.target);
      const dx = pa.x - pb.x, dy = pa.y - pb.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = (d * d) / ideal / 2;
      force.get(e.source).x -= (dx / d) * f; force.get(e.source).y -= (dy / d) * f;
      force.get(e.target).x += (dx / d) * f; force.get(e.target).y += (dy / d) * f;
    }
    for (const node of nodes) {
      const p = pos.get(node.id), f = force.get(node.id);
      const m = Math.max(1, Math.hypot(f.x, f.y));
      const step = Math.min(m, 30 * cool + 1);
      p.x += (f.x / m) * step + (width / 2 - p.x) * 0.01;
      p.y += (f.y / m) * step + (height / 2 - p.y) * 0.01;
      p.x = Math.max(30, Math.min(width - 30, p.x));
      p.y = Math.max(20, Math.min(height - 20, p.y));
    }
  }
  return pos;
}

export function drawNetwork(container, data, onFilter) {
  if (!data.edges.length) { empty(container, "No dyads (events with both an actor and a recipient) match these filters."); return; }
  const { root, width, height } = svg(container, 380);
  const defs = el("defs", {}, root);
  const pos = layout(data.nodes, data.edges, width, height);
  const maxE = Math.max(...data.edges.map((e) => e.n));
  const maxN = Math.max(...data.nodes.map((n) => n.in + n.out));
  const radius = (node) => 4 + 12 * Math.sqrt((node.in + node.out) / maxN);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edges = el("g", {}, root);
  data.edges.forEach((e, i) => {
    const a = pos.get(e.source), b = pos.get(e.target);
    const colour = scoreColour(e.mean_score);
    const marker = el("marker", { id: `arrow${i}`, viewBox: "0 0 10 10", refX: 8, refY: 5,
      markerWidth: 9, markerHeight: 9, orient: "auto", markerUnits: "userSpaceOnUse" }, defs);
    el("path", { d: "M0,0L10,5L0,10z", fill: colour }, marker);
    // Curve each edge to its right, so A->B and B->A stay apart; stop at the target's rim.
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
    const r = radius(byId.get(e.target)) + 2;
    const ex = b.x - (dx / d) * r, ey = b.y - (dy / d) * r;
    const cx = (a.x + ex) / 2 - (dy / d) * d * 0.15, cy = (a.y + ey) / 2 + (dx / d) * d * 0.15;
    const path = el("path", { class: "edge", d: `M${a.x.toFixed(1)},${a.y.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      stroke: colour, "stroke-width": (1 + 7 * Math.sqrt(e.n / maxE)).toFixed(2), "marker-end": `url(#arrow${i})`,
      "data-source": e.source, "data-target": e.target }, edges);
    title(path, `${e.source} → ${e.target}: ${fmt(e.n)} events` +
      (e.mean_score !== null ? `, mean score ${e.mean_score.toFixed(1)}` : ", no scores"));
    path.addEventListener("click", () => onFilter({ actor: e.source, recipient: e.target }));
  });
  const nodes = el("g", {}, root);
  for (const node of data.nodes) {
    const p = pos.get(node.id);
    const g = el("g", { class: "node", transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`, "data-id": node.id }, nodes);
    title(el("circle", { r: radius(node).toFixed(1) }, g), `${node.id}: ${fmt(node.out)} as actor, ${fmt(node.in)} as recipient`);
    el("text", { x: radius(node) + 3, y: 3 }, g).textContent = node.id;
    g.addEventListener("click", () => onFilter({ actor: node.id }));
  }
}
