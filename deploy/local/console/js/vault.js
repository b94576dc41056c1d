// The vault grid (vault-sync-service) with "Sync from Fanvue" and a live progress bar from each run's events.
import { follow, get, post } from "./api.js";
import { count, el, money, percent } from "./format.js";

const ICONS = { image: "IMG", video: "VIDEO", audio: "AUDIO", document: "DOC" };

export async function load() {
  const page = await get("/api/vault/assets?limit=24");
  document.getElementById("vault-grid").replaceChildren(...page.items.map(card));
  document.getElementById("vault-count").textContent =
    `${page.items.length}${page.nextCursor ? "+" : ""} assets shown, newest first`;
}

function card(asset) {
  const p = asset.performance || {};
  return el("div", { class: "asset", "data-asset": asset.id },
    el("div", { class: "thumb" }, ICONS[asset.mediaType] || "•"),
    el("div", { class: "name", title: asset.fileName }, asset.fileName),
    el("div", { class: "muted" }, asset.folder || "no folder"),
    el("div", { class: "muted" }, `${money(p.totalRevenue ?? 0)} · ${percent(p.conversionRate ?? 0)}`));
}

/** Starts a sync of every creator and follows every run to its end; resolves with the finished events. */
export async function sync(onDone) {
  const button = document.getElementById("sync-button");
  const status = document.getElementById("sync-status");
  const bar = document.getElementById("sync-progress");
  const text = document.getElementById("sync-text");
  button.disabled = true;
  status.hidden = false;
  bar.value = 0;
  text.textContent = "starting…";
  const started = performance.now();
  try {
    const { runIds } = await post("/api/vault/sync-fanvue", { async: true });
    const latest = new Map();
    const show = () => {
      const events = [...latest.values()];
      const total = events.reduce((s, e) => s + e.foldersTotal, 0);
      const done = events.reduce((s, e) => s + e.foldersDone, 0);
      const finished = events.filter((e) => e.type === "finished").length;
      bar.max = Math.max(total, 1);
      bar.value = done;
      text.textContent = `${finished}/${runIds.length} creators · folders ${done}/${total} · `
        + `${count(events.reduce((s, e) => s + e.assetsSeen, 0))} assets seen`;
    };
    await Promise.all(runIds.map((id) => follow(`/api/vault/sync-runs/${id}/events`, (event) => {
      latest.set(id, event);
      show();
    })));
    const events = [...latest.values()];
    bar.value = bar.max; // every run has finished (a run's last event may count fewer folders than it listed)
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const errors = events.flatMap((e) => e.errors);
    text.textContent = `Synced ${count(events.reduce((s, e) => s + e.inserted + e.updated + e.unchanged, 0))} assets`
      + ` in ${seconds} s (${events.reduce((s, e) => s + e.inserted, 0)} new)`
      + (errors.length ? ` · ${errors.length} errors: ${errors[0]}` : "");
    text.dataset.done = "true";
    await load();
    if (onDone) await onDone(events);
    return events;
  } finally {
    button.disabled = false;
  }
}
