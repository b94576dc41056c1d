// The demo console: a reference client of the public APIs, with the demo token, on the stack's single origin.
import { adoptTokenFromUrl, agency, get, post, setAgency, setToken, token } from "./api.js";
import * as creators from "./creators.js";
import * as mfa from "./mfa.js";
import * as roi from "./roi.js";
import * as vault from "./vault.js";

const $ = (id) => document.getElementById(id);

function showError(error) {
  $("error").hidden = false;
  $("error").textContent = error.message || String(error);
}

async function chooseAgency(me) {
  const select = $("agency");
  select.replaceChildren(...me.agencies.map((a) => new Option(`${a.name} (${a.role})`, a.id)));
  if (!me.agencies.some((a) => a.id === agency()) && me.agencies.length) setAgency(me.agencies[0].id);
  select.value = agency();
  select.onchange = () => {
    setAgency(select.value);
    location.reload();
  };
}

async function showConnection(me) {
  const mine = me.agencies.find((a) => a.id === agency());
  const pill = $("connection");
  if (!mine || mine.role !== "admin") {
    pill.textContent = "Fanvue: (admins see connections)";
    return;
  }
  const connections = await get("/api/fanvue/connections");
  const live = connections.find((c) => c.kind === "agency" && c.status !== "revoked");
  pill.textContent = live ? `Fanvue: @${live.fanvueHandle} · ${live.status}` : "Fanvue: not connected";
  pill.classList.toggle("bad", !live || live.status === "reauth_required");
  $("connect").hidden = live && live.status === "active";
  $("connect").onclick = async () => {
    try {
      const { authorizeUrl } = await get("/api/fanvue/connect?kind=agency");
      location.href = authorizeUrl; // Fanvue (the simulator) approves and sends the browser to callback.html
    } catch (e) {
      showError(e);
    }
  };
}

async function links() {
  const stack = await fetch("/local/stack.json").then((r) => r.json());
  $("stack-links").replaceChildren(...Object.entries(stack.services).map(([name, url]) => {
    const a = document.createElement("a");
    a.href = name === "fanvue-simulator" ? `${url}/_simulator/world` : `${url}/q/swagger-ui`;
    a.textContent = name === "fanvue-simulator" ? "simulator world" : `${name} Swagger UI`;
    return a;
  }));
}

async function main() {
  adoptTokenFromUrl();
  links().catch(() => {});
  if (!token()) {
    $("signin").hidden = false;
    $("token-save").onclick = () => {
      setToken($("token-input").value);
      location.reload();
    };
    return;
  }
  const me = await get("/api/me");
  $("whoami").textContent = me.subject;
  if (me.agencies.length === 0) throw new Error("You belong to no agency yet (POST /api/agencies creates one).");
  await chooseAgency(me);
  $("app").hidden = false;
  mfa.wire();
  $("refresh-stats").onclick = () => creators.refresh().catch(showError);
  // After a sync, ROI is recalculated from Fanvue's messages and earnings, as the scheduled sync does.
  const afterSync = () => Promise.all([
    post("/api/vault/roi/calculate", { fromFanvue: true }).then(roi.load),
    creators.refresh(),
  ]);
  $("sync-button").onclick = () => vault.sync(afterSync).catch(showError);
  await Promise.all([
    showConnection(me),
    creators.start(showError),
    vault.load(),
    roi.load(),
    mfa.load(),
  ]);
  document.body.dataset.ready = "true";
}

main().catch(showError);
