// The public APIs of the local stack, on this page's origin (the launcher routes /api to the services).
// Every call carries the bearer token and, once an agency is chosen, X-Agency-Id.

const TOKEN_KEY = "onyx.token";
const AGENCY_KEY = "onyx.agency";

/** Takes a token handed over in the URL fragment (#token=...) and keeps it for this tab. */
export function adoptTokenFromUrl() {
  const match = location.hash.match(/token=([^&]+)/);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
}

export const token = () => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (value) => sessionStorage.setItem(TOKEN_KEY, value.trim());
export const agency = () => sessionStorage.getItem(AGENCY_KEY);
export const setAgency = (id) => sessionStorage.setItem(AGENCY_KEY, id);

/** A failed call: the problem+json answer's title, detail and code. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code;
  }
}

function headers(extra = {}) {
  const h = { Accept: "application/json", ...extra };
  if (token()) h.Authorization = `Bearer ${token()}`;
  if (agency()) h["X-Agency-Id"] = agency();
  return h;
}

/** Calls the API; resolves to the JSON body (null for 204), rejects with an ApiError. */
export async function call(method, path, body) {
  const init = { method, headers: headers(body === undefined ? {} : { "Content-Type": "application/json" }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(path, init);
  if (response.status === 204) return null;
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = (path) => call("GET", path);
export const post = (path, body = {}) => call("POST", path, body);
export const del = (path) => call("DELETE", path);

/**
 * Follows a server-sent event stream (fetch, so the bearer token goes along: EventSource cannot send it) and calls
 * onEvent with each event's JSON; resolves when the stream ends.
 */
export async function follow(path, onEvent) {
  const response = await fetch(path, { headers: headers({ Accept: "text/event-stream" }) });
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
      if (data) onEvent(JSON.parse(data));
    }
  }
}
