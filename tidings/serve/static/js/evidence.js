// One event's evidence: each mention's sentence with the actor, recipient, trigger and place
// spans marked, and its factuality shown on the type label.

import { highlight, key, typeLabel } from "./highlight.js";

export function eventSpans(event) {
  const spans = [];
  for (const ent of event.entities) {
    if (ent.start_char !== null && ent.end_char !== null) {
      spans.push({ start: ent.start_char, end: ent.end_char, kind: ent.role, label: ent.code, event_id: event.event_id });
    }
  }
  for (const m of event.mentions) {
    spans.push({ start: m.trigger_start, end: m.trigger_end, kind: "trigger", label: event.event_type,
      factuality: event.factuality, event_id: event.event_id });
  }
  if (event.loc_start_char !== null && event.loc_end_char !== null) {
    spans.push({ start: event.loc_start_char, end: event.loc_end_char, kind: "place", label: event.loc_name, event_id: event.event_id });
  }
  return spans;
}

function field(parent, name, value) {
  if (value === null || value === undefined || value === "") return;
  const span = document.createElement("span");
  span.innerHTML = "<b></b> ";
  span.firstChild.textContent = name;
  span.appendChild(document.createTextNode(value));
  parent.appendChild(span);
}

export function drawEvidence(section, event, onArticle, onClose) {
  section.hidden = false;
  section.replaceChildren();
  const h = document.createElement("h2");
  h.appendChild(document.createTextNode("Evidence: "));
  h.appendChild(typeLabel(event.event_type, event.factuality));
  const tools = document.createElement("span");
  tools.className = "tools";
  const open = document.createElement("a");
  open.href = "#";
  open.id = "open-article";
  open.textContent = "open the article";
  open.addEventListener("click", (ev) => { ev.preventDefault(); onArticle(event.article_id); });
  const close = document.createElement("button");
  close.textContent = "×";
  close.title = "close";
  close.addEventListener("click", onClose);
  tools.append(open, " ", close);
  h.appendChild(tools);
  section.appendChild(h);

  const meta = document.createElement("div");
  meta.className = "meta";
  const names = (role) => event.entities.filter((e) => e.role === role).map((e) => `${e.text} [${e.code}]`).join(", ");
  field(meta, "date", event.event_date + (event.date_precision && event.date_precision !== "day" ? ` (${event.date_precision})` : ""));
  field(meta, "actor", names("actor") || "—");
  field(meta, "recipient", names("recipient") || "—");
  field(meta, "where", event.loc_name ? `${event.loc_name} (${event.loc_country ?? "?"})` : "—");
  field(meta, "factuality", event.factuality);
  field(meta, "score", event.score === null ? "—" : event.score);
  field(meta, "confidence", event.confidence);
  field(meta, "issue", event.issue);
  field(meta, "CAMEO", event.cameo_code);
  field(meta, "article", event.title || event.article_id);
  section.appendChild(meta);
  section.appendChild(key());

  const spans = eventSpans(event);
  for (const m of event.mentions) {
    const quote = document.createElement("blockquote");
    quote.className = "mention";
    quote.dataset.sentence = m.sentence_index;
    quote.appendChild(highlight(m.text, m.start_char, spans));
    section.appendChild(quote);
  }
  section.scrollIntoView({ block: "nearest" });
}
