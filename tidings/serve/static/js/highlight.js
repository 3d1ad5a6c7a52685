// Coded spans marked in text. Spans are article offsets; `base` is where `text` starts in the
// article (a mention's sentence start, or 0 for the whole article). Overlapping spans nest as
// classes on one <mark> per segment.

export function highlight(text, base, spans) {
  const inside = spans
    .map((s) => ({ ...s, start: s.start - base, end: s.end - base }))
    .filter((s) => s.start < text.length && s.end > 0 && s.end > s.start)
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }));
  const cuts = new Set([0, text.length]);
  for (const s of inside) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = inside.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { out.appendChild(document.createTextNode(piece)); continue; }
    const mark = document.createElement("mark");
    const kinds = new Set(covering.map((s) => s.kind));
    mark.className = [...kinds].join(" ");
    if (covering.some((s) => s.factuality === "negated" && s.kind === "trigger")) mark.classList.add("negated");
    mark.dataset.events = [...new Set(covering.map((s) => s.event_id).filter(Boolean))].join(" ");
    mark.title = covering.map((s) => `${s.kind}: ${s.label ?? ""}`).join("\n");
    mark.textContent = piece;
    out.appendChild(mark);
  }
  return out;
}

export function key() {
  const div = document.createElement("div");
  div.className = "key";
  div.innerHTML = '<mark class="actor">actor</mark><mark class="recipient">recipient</mark>' +
    '<mark class="trigger">trigger</mark><mark class="place">place</mark>';
  return div;
}

// The event type as a label whose look carries the factuality: a negated event is struck
// through and badged "negated"; future/hypothetical are italic and badged.
export function typeLabel(type, factuality) {
  const span = document.createElement("span");
  const label = document.createElement("span");
  label.className = `etype ${factuality}`;
  label.textContent = type;
  span.appendChild(label);
  if (factuality && factuality !== "asserted") {
    const badge = document.createElement("span");
    badge.className = `badge ${factuality}`;
    badge.textContent = factuality;
    span.appendChild(badge);
  }
  return span;
}
