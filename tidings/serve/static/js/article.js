// The article view: the whole text with every coded span marked, and its events listed.

import { highlight, key, typeLabel } from "./highlight.js";

export function drawArticle(main, article, onEvent, onBack) {
  main.replaceChildren();
  const back = document.createElement("a");
  back.href = "#";
  back.id = "back";
  back.textContent = "← back to the dashboard";
  back.addEventListener("click", (ev) => { ev.preventDefault(); onBack(); });
  const h = document.createElement("h2");
  h.textContent = article.title || article.article_id;
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [article.published, article.source, article.url, `${article.events.length} events`]
    .filter(Boolean).join(" · ");
  const factuality = new Map(article.events.map((e) => [e.event_id, e.factuality]));
  const spans = article.spans.map((s) => ({ ...s, factuality: factuality.get(s.event_id) }));
  const text = document.createElement("div");
  text.className = "text";
  text.appendChild(highlight(article.text, 0, spans));
  text.addEventListener("click", (ev) => {
    const mark = ev.target.closest("mark");
    if (mark && mark.dataset.events) onEvent(mark.dataset.events.split(" ")[0]);
  });
  const list = document.createElement("ol");
  for (const e of article.events) {
    const li = document.createElement("li");
    li.appendChild(typeLabel(e.event_type, e.factuality));
    li.appendChild(document.createTextNode(` ${e.date ?? ""} ${e.loc_name ? "· " + e.loc_name : ""}`));
    li.style.cursor = "pointer";
    li.addEventListener("click", () => onEvent(e.event_id));
    list.appendChild(li);
  }
  main.append(back, h, meta, key(), text, list);
}
