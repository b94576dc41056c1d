// Fanvue's redirect URI: hands the code and state Fanvue sent back to auth-service, then returns to the console.
import { get, token } from "./api.js";

const params = new URLSearchParams(location.search);
const message = document.getElementById("callback-message");

async function complete() {
  if (params.get("error")) throw new Error(`Fanvue refused: ${params.get("error")} ${params.get("error_description") || ""}`);
  if (!token()) throw new Error("No token in this tab: open the console with the link the launcher printed.");
  const connection = await get(`/api/fanvue/callback?code=${encodeURIComponent(params.get("code"))}`
    + `&state=${encodeURIComponent(params.get("state"))}`);
  message.textContent = `Connected to Fanvue as @${connection.fanvueHandle}. Back to the console…`;
  setTimeout(() => location.replace("./"), 800);
}

complete().catch((e) => {
  message.textContent = e.message;
});
