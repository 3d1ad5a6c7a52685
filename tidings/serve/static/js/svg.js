// Small SVG and colour helpers shared by the charts (no library).

const NS = "http://www.w3.org/2000/svg";

export function el(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  if (parent) parent.appendChild(node);
  return node;
}

export function svg(container, height) {
  container.replaceChildren();
  const width = Math.max(300, container.clientWidth || 600);
  const root = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height }, container);
  return { root, width, height };
}

export function empty(container, message) {
  const div = document.createElement("div");
  div.className = "empty";
  div.textContent = message;
  container.replaceChildren(div);
}

export function title(node, text) {
  el("title", {}, node).textContent = text;
  return node;
}

// PLOVER types in the order of the codebook, coloured by quad class: verbal and material
// cooperation in greens and blues, verbal and material conflict in oranges and reds.
export const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const TYPE_COLOURS = ["#1b7837", "#5aae61", "#a6dba0", "#8fbc8f", "#2166ac", "#4393c3", "#92c5de",
  "#c2a5cf", "#fdb863", "#e08214", "#b35806", "#f4a582", "#d6604d", "#b2182b", "#7f3b08", "#67001f"];
export const FACTUALITIES = ["asserted", "negated", "future", "hypothetical", "historical"];

export function typeColour(type) {
  const i = TYPES.indexOf(type);
  return i >= 0 ? TYPE_COLOURS[i] : "#999";
}

// PLOVER score -10 (conflict, red) .. +10 (cooperation, blue); grey when unknown.
export function scoreColour(score) {
  if (score === null || score === undefined || Number.isNaN(score)) return "#9a9a9a";
  const t = Math.max(-1, Math.min(1, score / 6));
  const grey = [170, 170, 170];
  const end = t < 0 ? [178, 24, 43] : [33, 102, 172];
  const k = Math.abs(t);
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * k));
  return `rgb(${mix.join(",")})`;
}

export function fmt(n) {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k`
    : n.toLocaleString("en");
}
