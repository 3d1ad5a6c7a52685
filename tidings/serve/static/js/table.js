// The event table: one page of the filtered events, newest first.

import { typeLabel } from "./highlight.js";

const COLUMNS = ["Date", "Event", "Actor → recipient", "Where", "Evidence", "Score"];

export function drawTable(container, page, selected, onSelect) {
  const table = document.createElement("table");
  table.className = "events";
  const head = table.createTHead().insertRow();
  for (const name of COLUMNS) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const e of page.items) {
    const row = body.insertRow();
    row.dataset.event = e.event_id;
    row.dataset.factuality = e.factuality;
    if (e.event_id === selected) row.classList.add("selected");
    row.insertCell().textContent = e.date ?? "—";
    row.insertCell().appendChild(typeLabel(e.event_type, e.factuality));
    row.insertCell().textContent = `${(e.actor_codes || "?").replaceAll(";", ", ")} → ${(e.recipient_codes || "—").replaceAll(";", ", ")}`;
    row.insertCell().textContent = e.loc_name ? `${e.loc_name}${e.loc_country ? ` (${e.loc_country})` : ""}` : "—";
    const sentence = row.insertCell();
    sentence.className = "sentence";
    sentence.textContent = e.mention ?? "";
    const score = row.insertCell();
    score.className = "score";
    score.textContent = e.score === null ? "—" : e.score.toFixed(1);
    row.addEventListener("click", () => onSelect(e.event_id));
  }
  if (!page.items.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = COLUMNS.length;
    cell.textContent = "No events match these filters.";
  }
  container.replaceChildren(table);
}
