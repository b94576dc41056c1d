// The caller's two-factor authentication (auth-service): enroll a TOTP factor (QR code), verify, disable.
import { del, get, post } from "./api.js";
import { el } from "./format.js";

let pending = null; // the factor being verified: a new enrollment, or a step-up before disabling

export async function load() {
  const { factors } = await get("/api/user/mfa");
  const verified = factors.filter((f) => f.status === "verified");
  document.getElementById("mfa-factors").replaceChildren(...(factors.length ? factors : []).map((f) =>
    el("li", { "data-factor": f.id }, `${f.friendlyName || "Authenticator"} — ${f.status} `,
      f.status === "verified" ? disableButton(f) : "")));
  document.getElementById("mfa-enroll").hidden = verified.length > 0;
  message(verified.length ? "2FA is on: sensitive actions ask for a code once per session." : "2FA is off.");
}

function disableButton(factor) {
  const button = el("button", { class: "quiet mfa-disable" }, "Disable");
  button.addEventListener("click", () => disable(factor).catch((e) => message(e.message)));
  return button;
}

export function wire() {
  document.getElementById("mfa-enroll").addEventListener("click", () => enroll().catch((e) => message(e.message)));
  document.getElementById("mfa-verify").addEventListener("click", () => verify().catch((e) => message(e.message)));
}

async function enroll() {
  const enrollment = await post("/api/user/mfa", { friendlyName: "Demo console" });
  pending = { id: enrollment.factorId, then: null };
  document.getElementById("mfa-qr").src = enrollment.qrCode;
  document.getElementById("mfa-secret").textContent = enrollment.secret;
  document.getElementById("mfa-setup").hidden = false;
  document.getElementById("mfa-verify-row").hidden = false;
  message("Enter the code to finish.");
}

async function verify() {
  const code = document.getElementById("mfa-code").value.trim();
  await post("/api/user/mfa/verify", { factorId: pending.id, code });
  document.getElementById("mfa-setup").hidden = true;
  document.getElementById("mfa-verify-row").hidden = true;
  document.getElementById("mfa-code").value = "";
  const then = pending.then;
  pending = null;
  if (then) await then();
  await load();
  if (!then) message("Verified: 2FA is on, and this session is stepped up.");
}

async function disable(factor) {
  try {
    await del(`/api/user/mfa/${factor.id}`);
    await load();
    message("2FA disabled.");
  } catch (e) {
    if (e.code !== "mfa_step_up_required") throw e;
    // Disabling needs a code of this session first: ask for one, then disable.
    pending = { id: factor.id, then: () => del(`/api/user/mfa/${factor.id}`).then(() => message("2FA disabled.")) };
    document.getElementById("mfa-verify-row").hidden = false;
    message("Enter a code from your authenticator app to disable 2FA.");
  }
}

function message(text) {
  document.getElementById("mfa-message").textContent = text;
}
