// Handoff to a person (loaded after chat.js, whose ask(), headers() and errorMessage() it uses).
// The customer: the "Talk to a person" button asks through the same /v1/answer/stream as typing
// "talk to a human" or "yes" after an offer; the server answers with a `handoff` event (the item
// id) and a confirmation instead of an answer. Staff: the handoffs panel lists the items
// (GET /v1/handoffs, staff key), with the conversation, the retrieved context and the delivery to
// the helpdesk webhook, and resolves or re-sends them.
"use strict";

const HANDOFF_REQUEST = "I'd like to talk to a person, please.";
const handoffPanel = document.getElementById("handoff-panel");
const handoffToggle = document.getElementById("handoff-toggle");
const handoffList = document.getElementById("handoff-list");
const handoffStatus = document.getElementById("handoff-status");
const handoffCount = document.getElementById("handoff-count");
const handoffFilter = document.getElementById("handoff-filter");

document.getElementById("talk-to-person").addEventListener("click", () => {
  if (askButton.disabled) return;
  ask(HANDOFF_REQUEST);
});

// the `handoff` event of the answer stream: badge the turn with the request's number
function showHandoff(view, data) {
  view.turn.classList.add("handoff");
  view.turn.dataset.handoffId = data.id;
  view.feedback = null; // no "was this helpful?" under a handoff confirmation
  const badge = document.createElement("span");
  badge.className = "badge handoff";
  badge.textContent = `handed to our support team · request #${data.id}`;
  view.flags.replaceChildren(badge);
  view.flags.hidden = false;
  refreshHandoffCount();
}

function openPanel(open) {
  handoffPanel.hidden = !open;
  handoffToggle.setAttribute("aria-expanded", String(open));
  if (open) {
    reviewPanel.hidden = true; // one side panel at a time
    reviewToggle.setAttribute("aria-expanded", "false");
    loadHandoffs();
  }
}

handoffToggle.addEventListener("click", () => openPanel(handoffPanel.hidden));
document.getElementById("handoff-close").addEventListener("click", () => openPanel(false));
document.getElementById("handoff-refresh").addEventListener("click", () => loadHandoffs());
handoffFilter.addEventListener("change", () => loadHandoffs());
reviewToggle.addEventListener("click", () => {
  if (!reviewPanel.hidden) {
    handoffPanel.hidden = true;
    handoffToggle.setAttribute("aria-expanded", "false");
  }
});
apiKeyBox.addEventListener("change", () => (handoffPanel.hidden ? refreshHandoffCount() : loadHandoffs()));

async function fetchHandoffs(status) {
  const response = await fetch(`/v1/handoffs?status=${status}&limit=50`, { headers: headers("application/json") });
  if (!response.ok) throw new Error(await errorMessage(response));
  return response.json();
}

async function refreshHandoffCount() {
  try {
    const body = await fetchHandoffs("open");
    handoffCount.textContent = body.counts.open ? String(body.counts.open) : "";
  } catch (_) {
    handoffCount.textContent = ""; // a hint only (none without a staff key)
  }
}

async function loadHandoffs() {
  handoffStatus.textContent = "Loading…";
  handoffStatus.classList.remove("error");
  try {
    const body = await fetchHandoffs(handoffFilter.value);
    handoffList.replaceChildren(...body.items.map((item) => handoffItem(item, body.webhook_configured)));
    handoffCount.textContent = body.counts.open ? String(body.counts.open) : "";
    const webhook = body.webhook_configured
      ? `webhook: ${body.counts.delivered} delivered, ${body.counts.pending} pending, ${body.counts.failed} failed`
      : "no helpdesk webhook configured (HANDOFF_WEBHOOK_URL): take them from here";
    handoffStatus.textContent = body.items.length ? `${body.counts.open} open · ${webhook}` : `Nobody waiting. ${webhook}`;
  } catch (err) {
    handoffList.replaceChildren();
    handoffCount.textContent = "";
    handoffStatus.classList.add("error");
    handoffStatus.textContent = `Could not load the handoffs: ${err.message}`;
  }
}

const when = (seconds) => (seconds ? new Date(seconds * 1000).toLocaleString() : "");

function deliveryText(item, webhookConfigured) {
  if (item.delivery === "delivered") return `delivered to the helpdesk ${when(item.delivered_at)}`;
  if (item.delivery === "failed") return `delivery failed after ${item.attempts} attempt(s): ${item.last_error}`;
  if (!webhookConfigured) return "not sent anywhere (no webhook configured)";
  if (item.attempts === 0) return "queued for the helpdesk";
  return `pending: ${item.attempts} attempt(s) failed, last error: ${item.last_error}; next try ${when(item.next_attempt_at)}`;
}

function handoffItem(item, webhookConfigured) {
  const node = document.getElementById("handoff-item").content.firstElementChild.cloneNode(true);
  node.dataset.id = item.id;
  node.dataset.delivery = item.delivery;
  node.querySelector(".handoff-request").textContent = item.question || item.request;
  const by = item.user ? `${item.user}${item.key_id && item.key_id !== "-" ? ` (key ${item.key_id})` : ""}` : "";
  const resolved = item.status === "resolved" ? ` · resolved by ${item.resolved_by || "staff"}: ${item.note}` : "";
  node.querySelector(".handoff-meta").textContent =
    `#${item.id} · ${when(item.created_at)} · ${by} · via ${item.channel} (${item.reason.replace("_", " ")})${resolved}`;
  const delivery = node.querySelector(".handoff-delivery");
  delivery.textContent = deliveryText(item, webhookConfigured);
  delivery.className = `handoff-delivery delivery-${item.delivery}${item.last_error ? " has-error" : ""}`;
  const turns = node.querySelector(".handoff-conversation");
  for (const message of item.conversation) {
    const li = document.createElement("li");
    li.className = `handoff-turn ${message.role}`;
    const role = document.createElement("span");
    role.className = "handoff-role";
    role.textContent = message.role === "user" ? "customer" : "assistant";
    li.append(role, " ", message.content);
    turns.appendChild(li);
  }
  const context = node.querySelector(".handoff-context");
  for (const passage of item.context) {
    const li = document.createElement("li");
    const link = document.createElement("a");
    link.href = passage.url;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = passage.section ? `${passage.title} - ${passage.section}` : passage.title;
    li.append(link, ` ${passage.text.slice(0, 240)}${passage.text.length > 240 ? "…" : ""}`);
    context.appendChild(li);
  }
  node.querySelector(".handoff-context-box").hidden = item.context.length === 0;
  const resolve = node.querySelector(".handoff-resolve");
  const redeliver = node.querySelector(".handoff-redeliver");
  resolve.hidden = item.status === "resolved";
  node.querySelector(".handoff-note").hidden = item.status === "resolved";
  redeliver.hidden = !webhookConfigured || item.delivery === "pending";
  resolve.addEventListener("click", () =>
    handoffAction(node, `/v1/handoffs/${item.id}/resolve`, { note: node.querySelector(".handoff-note").value }),
  );
  redeliver.addEventListener("click", () => handoffAction(node, `/v1/handoffs/${item.id}/redeliver`, null));
  return node;
}

async function handoffAction(node, url, body) {
  const error = node.querySelector(".review-error");
  const buttons = node.querySelectorAll("button");
  buttons.forEach((b) => (b.disabled = true));
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: headers("application/json"),
      body: body === null ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(await errorMessage(response));
    await loadHandoffs();
  } catch (err) {
    error.textContent = `Not done: ${err.message}`;
    error.hidden = false;
    buttons.forEach((b) => (b.disabled = false));
  }
}

refreshHandoffCount();
