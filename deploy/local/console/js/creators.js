// Creators with their stats (stats-service). Auto-refresh as seed 003's dashboard: on open when the figures are
// older than 2 minutes, then every 60 s.
import { get, post } from "./api.js";
import { age, count, el, money } from "./format.js";

const STALE_AFTER_MS = 2 * 60 * 1000;
const REFRESH_EVERY_MS = 60 * 1000;
const FIGURES = [
  ["revenueTotal", money], ["revenueNetTotal", money], ["availableBalance", money], ["subscribers", count],
  ["followers", count], ["posts", count], ["likes", count], ["unreadMessages", count],
];

let creators = [];
let timer;

/** The agency's creators (for the vault and ROI filters). */
export const list = () => creators;

/** Loads the creators, refreshes their stats when older than 2 minutes, and refreshes every 60 s. */
export async function start(onError) {
  clearInterval(timer);
  await load();
  if (oldest() === null || Date.now() - oldest() > STALE_AFTER_MS) await refresh();
  timer = setInterval(() => refresh().catch(onError), REFRESH_EVERY_MS);
  setInterval(showAge, 5000);
}

export async function refresh() {
  const button = document.getElementById("refresh-stats");
  button.disabled = true;
  try {
    const answer = await post("/api/creators/stats/refresh-all");
    document.getElementById("stats-age").dataset.kept = answer.kept;
    await load();
  } finally {
    button.disabled = false;
  }
}

async function load() {
  creators = (await get("/api/creators")).items;
  const body = document.querySelector("#creators tbody");
  body.replaceChildren(...creators.map(row));
  showAge();
}

function row(creator) {
  const stats = creator.stats;
  const cells = FIGURES.map(([name, format]) => {
    const figure = stats[name];
    return el("td", { class: `num${figure.stale ? " stale" : ""}`, title: `refreshed ${age(figure.refreshedAt)}` },
      format(figure.value));
  });
  const connection = stats.connection === "active" ? "" : ` (${stats.connection})`;
  return el("tr", { "data-creator": creator.id },
    el("td", {}, creator.displayName || creator.handle, el("div", { class: "muted" }, `@${creator.handle}${connection}`)),
    cells, el("td", { class: "refreshed" }, age(stats.revenueTotal.refreshedAt)));
}

/** The oldest refreshedAt of any creator's revenue (ms), or null when one was never refreshed. */
function oldest() {
  const times = creators.map((c) => c.stats.revenueTotal.refreshedAt);
  if (times.length === 0 || times.some((t) => !t)) return times.length === 0 ? Date.now() : null;
  return Math.min(...times.map(Date.parse));
}

function showAge() {
  const label = document.getElementById("stats-age");
  const kept = Number(label.dataset.kept || 0);
  const when = oldest();
  label.textContent = `${creators.length} creators · refreshed ${when ? age(new Date(when).toISOString()) : "never"}`
    + (kept ? ` · ${kept} figures kept (Fanvue did not answer them)` : "");
  document.querySelectorAll("#creators tr[data-creator]").forEach((tr) => {
    const creator = creators.find((c) => c.id === tr.dataset.creator);
    if (creator) tr.querySelector(".refreshed").textContent = age(creator.stats.revenueTotal.refreshedAt);
  });
}
