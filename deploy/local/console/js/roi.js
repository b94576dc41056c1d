// ROI (vault-sync-service): best sellers and folder performance of the agency.
import { get } from "./api.js";
import { count, el, money, percent } from "./format.js";

export async function load() {
  const [best, folders] = await Promise.all([
    get("/api/vault/roi/best-sellers?by=revenue&minSends=1&limit=10"),
    get("/api/vault/roi/folders"),
  ]);
  document.querySelector("#best-sellers tbody").replaceChildren(...best.items.map((a) => el("tr", {},
    el("td", { title: a.fileName }, a.fileName),
    el("td", { class: "num" }, money(a.performance.totalRevenue)),
    el("td", { class: "num" }, `${count(a.performance.timesUnlocked)} / ${count(a.performance.timesSent)}`),
    el("td", { class: "num" }, percent(a.performance.conversionRate)))));
  document.querySelector("#folders tbody").replaceChildren(...folders.items.map((f) => el("tr", {},
    el("td", {}, f.folder),
    el("td", { class: "num" }, count(f.assetCount)),
    el("td", { class: "num" }, money(f.totalRevenue)),
    el("td", { class: "num" }, percent(f.averageConversion)))));
}
