// The view's state lives in the URL query string, so a view can be shared and reloaded.

// Filters sent to every API call (they mean what tidings.store.query.Filters says).
export const FILTERS = ["type", "factuality", "actor", "recipient", "actor_sector",
  "recipient_sector", "country", "place", "bbox", "since", "until", "q", "article"];
// Other state: table page, selected event, network level, article view, stance issue.
const VIEW = ["offset", "event", "level", "doc", "issue"];

export function read() {
  const params = new URLSearchParams(location.search);
  const state = {};
  for (const key of [...FILTERS, ...VIEW]) {
    const value = params.get(key);
    if (value !== null && value !== "") state[key] = value;
  }
  return state;
}

export function write(state, { replace = false } = {}) {
  const params = new URLSearchParams();
  for (const key of [...FILTERS, ...VIEW]) {
    if (state[key] !== undefined && state[key] !== null && state[key] !== "") {
      params.set(key, state[key]);
    }
  }
  const url = params.toString() ? `?${params}` : location.pathname;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
}

// The filter part of the state as query parameters, leaving out `omit` (e.g. the timeline
// ignores its own since/until so the brush can move).
export function filterParams(state, omit = []) {
  const params = new URLSearchParams();
  for (const key of FILTERS) {
    if (!omit.includes(key) && state[key]) params.set(key, state[key]);
  }
  return params;
}
