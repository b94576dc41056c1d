// Display helpers: money in minor units (USD cents), counts, ages.

export const money = (cents) =>
  cents === null || cents === undefined ? "–" : (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });

export const count = (n) => (n === null || n === undefined ? "–" : n.toLocaleString("en-US"));

export const percent = (ratio) => (ratio === null || ratio === undefined ? "–" : `${(ratio * 100).toFixed(1)} %`);

/** "42 s ago", "3 min ago", "never". */
export function age(instant, now = Date.now()) {
  if (!instant) return "never";
  const seconds = Math.max(0, Math.round((now - Date.parse(instant)) / 1000));
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

/** Creates an element with text or children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => (k === "class" ? (node.className = v) : node.setAttribute(k, v)));
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}
