// The chat page: posts the conversation to /v1/answer/stream and reads its server-sent events
// (token, citations, done, error, and the grounding guard's flag and revision) with fetch +
// ReadableStream. The review queue panel lists answers the guard flagged (GET /v1/reviews) and
// resolves them (POST /v1/reviews/{id}/resolve); both need a staff key, and the panel shows the
// server's 401/403 message (e.g. how to get staff) instead of the list.
"use strict";

const API_KEY_STORAGE = "ragdesk.apiKey";
const conversation = document.getElementById("conversation");
const form = document.getElementById("ask-form");
const questionBox = document.getElementById("question");
const askButton = document.getElementById("ask");
const apiKeyBox = document.getElementById("api-key");
const emptyHint = document.getElementById("empty-hint");

// Earlier turns, sent with each question so follow-ups are understood.
let history = [];

apiKeyBox.value = localStorage.getItem(API_KEY_STORAGE) || "";
apiKeyBox.addEventListener("change", () => {
  const key = apiKeyBox.value.trim();
  if (key) localStorage.setItem(API_KEY_STORAGE, key);
  else localStorage.removeItem(API_KEY_STORAGE);
  // another key may be another user (staff or not): what the review panel shows changes with it
  if (!reviewPanel.hidden) loadReviews();
  else refreshReviewCount();
});

document.getElementById("new-conversation").addEventListener("click", () => {
  history = [];
  conversation.replaceChildren();
  emptyHint.hidden = false;
  questionBox.focus();
});

questionBox.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const question = questionBox.value.trim();
  if (!question || askButton.disabled) return;
  questionBox.value = "";
  await ask(question);
});

function addTurn(templateId) {
  const node = document.getElementById(templateId).content.firstElementChild.cloneNode(true);
  conversation.appendChild(node);
  emptyHint.hidden = true;
  node.scrollIntoView({ block: "end" });
  return node;
}

function headers(accept = "text/event-stream") {
  const result = { "Content-Type": "application/json", Accept: accept };
  const key = (localStorage.getItem(API_KEY_STORAGE) || "").trim();
  if (key) result.Authorization = `Bearer ${key}`;
  return result;
}

async function ask(question) {
  const userTurn = addTurn("turn-user");
  userTurn.querySelector(".bubble").textContent = question;
  const turn = addTurn("turn-assistant");
  const view = {
    turn,
    answer: turn.querySelector(".answer"),
    error: turn.querySelector(".error"),
    sources: turn.querySelector(".sources"),
    citations: turn.querySelector(".citations"),
    meta: turn.querySelector(".meta"),
    flags: turn.querySelector(".flags"),
    feedback: turn.querySelector(".feedback"),
  };
  const render = answerRenderer(view.answer);
  const messages = [...history, { role: "user", content: question }];
  askButton.disabled = true;
  let finished = false;
  let requestId = ""; // the answer's id (the done event's request_id): what feedback refers to
  const asked = performance.now(); // times shown are what the customer waits for, measured here
  const seen = { firstTokenMs: undefined };
  try {
    const response = await fetch("/v1/answer/stream", {
      method: "POST",
      headers: headers(),
      body: JSON.stringify({ messages }),
    });
    if (!response.ok) {
      showError(view, await errorMessage(response));
      return;
    }
    for await (const { event, data } of readEvents(response.body)) {
      if (event === "token") {
        if (seen.firstTokenMs === undefined) seen.firstTokenMs = performance.now() - asked;
        render.token(data.text);
      } else if (event === "flag") {
        render.flag(data);
      } else if (event === "revision") {
        render.revision(data);
      } else if (event === "handoff") {
        showHandoff(view, data); // handoff.js: the customer asked for a person
      } else if (event === "citations") {
        showCitations(view, data.citations);
      } else if (event === "done") {
        finished = true;
        requestId = data.request_id || "";
        showDone(view, data, { firstTokenMs: seen.firstTokenMs, totalMs: performance.now() - asked });
        showGrounding(view, data.grounding);
      } else if (event === "error") {
        showError(view, `${data.message} (${data.code})`);
        return;
      }
    }
    if (!finished) showError(view, "the answer stream ended early; please ask again");
  } catch (err) {
    showError(view, `could not reach the server: ${err.message}`);
  } finally {
    askButton.disabled = false;
    if (finished) {
      history = [...messages, { role: "assistant", content: render.text() }];
      if (requestId) showFeedback(view, question, render.text(), requestId);
    }
    turn.dataset.state = finished ? "done" : "error";
    questionBox.focus();
  }
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return body.error.message;
  } catch (_) {
    // not JSON
  }
  return `the server answered ${response.status} ${response.statusText}`;
}

// Server-sent events from a fetch body: yields {event, data} with data parsed as JSON.
async function* readEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n/g, "\n");
    let boundary;
    while ((boundary = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const parsed = parseBlock(block);
      if (parsed) yield parsed;
    }
  }
}

function parseBlock(block) {
  let event = "message";
  const data = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
  }
  if (!data.length) return null;
  return { event, data: JSON.parse(data.join("\n")) };
}

function showCitations(view, citations) {
  view.citations.replaceChildren();
  const seen = new Set();
  for (const citation of citations) {
    if (seen.has(citation.url)) continue;
    seen.add(citation.url);
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = citation.url;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = citation.section ? `${citation.title} - ${citation.section}` : citation.title;
    link.dataset.docId = citation.doc_id;
    const doc = document.createElement("span");
    doc.className = "doc-id";
    doc.textContent = citation.doc_id;
    item.append(link, " ", doc);
    view.citations.appendChild(item);
  }
  view.sources.hidden = citations.length === 0;
}

function showDone(view, data, waited = {}) {
  const parts = [];
  if (data.not_covered) {
    view.turn.classList.add("not-covered");
    parts.push("not covered by the help centre - offer a human agent");
  }
  if (data.finish_reason === "length") parts.push("answer cut at the length limit");
  // from asking to the first word and to the end, as this page saw them (retrieval, queue and
  // network included); the server's own answer-stage time follows
  if (waited.firstTokenMs !== undefined) parts.push(`first token ${Math.round(waited.firstTokenMs)} ms`);
  if (waited.totalMs !== undefined) parts.push(`total ${Math.round(waited.totalMs)} ms`);
  const t = data.timings || {};
  if (t.ttft_ms !== undefined) parts.push(`server answer stage ${Math.round(t.ttft_ms)} ms to first token`);
  if (data.usage && data.usage.completion_tokens) parts.push(`${data.usage.completion_tokens} tokens`);
  view.meta.textContent = parts.join(" · ");
}

// The answer as the guard released it: checked text, flagged sentences (policy "mark": the token
// after a flag event is that sentence), and withdrawn text struck through, followed by the
// replacement.
function answerRenderer(container) {
  let current = null;
  let pendingFlag = null;
  let served = "";
  const span = (cls, text = "") => {
    const node = document.createElement("span");
    node.className = cls;
    node.textContent = text;
    container.appendChild(node);
    return node;
  };
  return {
    token(text) {
      served += text;
      if (pendingFlag) {
        const node = span("flagged", text);
        node.title = `${pendingFlag.verdict}: not supported by our policies`;
        const label = document.createElement("span");
        label.className = "flag-label";
        label.textContent = `${pendingFlag.verdict === "contradicted" ? "contradicts" : "not found in"} our policies`;
        node.appendChild(label);
        pendingFlag = null;
        current = null;
        return;
      }
      if (!current) current = span("released");
      current.textContent += text;
    },
    flag(data) {
      pendingFlag = data;
    },
    revision(data) {
      const withdrawn = span("withdrawn", data.withdrawn_text);
      withdrawn.title = data.reason;
      const label = document.createElement("span");
      label.className = "withdrawn-label";
      label.textContent = "withdrawn: not supported by our policies";
      container.appendChild(label);
      current = span("replacement");
    },
    text() {
      return served;
    },
  };
}

function showGrounding(view, grounding) {
  if (!grounding) return;
  const badge = document.createElement("span");
  if (grounding.grounded) {
    badge.className = "badge grounded";
    badge.textContent = "grounded ✓";
  } else {
    badge.className = "badge flagged";
    badge.textContent = grounding.review_id ? `flagged for review #${grounding.review_id}` : "flagged for review";
    view.turn.classList.add("flagged");
    refreshReviewCount();
  }
  view.flags.replaceChildren(badge);
  view.flags.hidden = false;
}

function showError(view, message) {
  view.error.textContent = `No answer: ${message}`;
  view.error.hidden = false;
  view.turn.classList.add("failed");
}

// --- the review queue ---------------------------------------------------------------------------
const reviewPanel = document.getElementById("review-panel");
const reviewToggle = document.getElementById("review-toggle");
const reviewList = document.getElementById("review-list");
const reviewStatus = document.getElementById("review-status");
const reviewCount = document.getElementById("review-count");

reviewToggle.addEventListener("click", () => {
  const open = reviewPanel.hidden;
  reviewPanel.hidden = !open;
  reviewToggle.setAttribute("aria-expanded", String(open));
  if (open) loadReviews();
});
document.getElementById("review-close").addEventListener("click", () => {
  reviewPanel.hidden = true;
  reviewToggle.setAttribute("aria-expanded", "false");
});
document.getElementById("review-refresh").addEventListener("click", () => loadReviews());

async function fetchReviews() {
  const response = await fetch("/v1/reviews?status=open&limit=50", { headers: headers("application/json") });
  if (!response.ok) throw new Error(await errorMessage(response));
  return response.json();
}

async function refreshReviewCount() {
  try {
    const body = await fetchReviews();
    reviewCount.textContent = body.counts.open ? String(body.counts.open) : "";
  } catch (_) {
    // the count is a hint (none without a staff key); the panel shows the error when opened
    reviewCount.textContent = "";
  }
}

async function loadReviews() {
  reviewStatus.textContent = "Loading…";
  reviewStatus.classList.remove("error");
  try {
    const body = await fetchReviews();
    reviewList.replaceChildren(...body.items.map(reviewItem));
    reviewCount.textContent = body.counts.open ? String(body.counts.open) : "";
    reviewStatus.textContent = body.items.length ? `${body.counts.open} open` : "Nothing to review.";
  } catch (err) {
    // 401 (no or unknown key) and 403 (not a staff key) come with a message saying what to do;
    // items loaded with an earlier key are not left on show
    reviewList.replaceChildren();
    reviewCount.textContent = "";
    reviewStatus.classList.add("error");
    reviewStatus.textContent = `Could not load the review queue: ${err.message}`;
  }
}

function reviewItem(item) {
  const node = document.getElementById("review-item").content.firstElementChild.cloneNode(true);
  node.dataset.id = item.id;
  node.querySelector(".review-question").textContent = item.question;
  node.querySelector(".review-original").textContent = item.answer;
  node.querySelector(".review-served").textContent = item.served_answer;
  const verdicts = node.querySelector(".review-verdicts");
  for (const claim of item.verdicts) {
    const li = document.createElement("li");
    const verdict = document.createElement("span");
    verdict.className = `verdict-${claim.verdict}`;
    verdict.textContent = claim.verdict;
    li.append(verdict, ` "${claim.text}"`);
    if (claim.evidence) li.append(` - evidence: "${claim.evidence}"`);
    verdicts.appendChild(li);
  }
  const when = new Date(item.created_at * 1000).toLocaleString();
  node.querySelector(".review-meta").textContent = `#${item.id} · ${when} · policy ${item.policy} · ${item.verdict}`
    + (item.reason ? ` · ${item.reason}` : "");
  for (const button of node.querySelectorAll("[data-resolution]")) {
    button.addEventListener("click", () => resolveReview(node, item.id, button.dataset.resolution));
  }
  return node;
}

async function resolveReview(node, id, resolution) {
  const error = node.querySelector(".review-error");
  const buttons = node.querySelectorAll("button");
  buttons.forEach((b) => (b.disabled = true));
  try {
    const response = await fetch(`/v1/reviews/${id}/resolve`, {
      method: "POST",
      headers: headers("application/json"),
      body: JSON.stringify({ resolution, note: node.querySelector(".review-note").value }),
    });
    if (!response.ok) throw new Error(await errorMessage(response));
    node.remove();
    await loadReviews();
  } catch (err) {
    error.textContent = `Not resolved: ${err.message}`;
    error.hidden = false;
    buttons.forEach((b) => (b.disabled = false));
  }
}

refreshReviewCount();

// Thumbs up/down with an optional comment: POST /v1/feedback (stored, shown in MLflow as the
// satisfaction rate, thumbs-down questions exportable as golden-set candidates). `answerId` is
// the answer's request id: the server accepts feedback on it only from the user it went to.
function showFeedback(view, question, answer, answerId) {
  const box = view.feedback;
  if (!box) return;
  const citations = [...view.citations.querySelectorAll("a")].map((a) => ({ url: a.getAttribute("href") }));
  box.replaceChildren();
  const label = document.createElement("span");
  label.textContent = "Was this helpful? ";
  const comment = document.createElement("input");
  comment.type = "text";
  comment.placeholder = "optional comment";
  comment.className = "feedback-comment";
  const status = document.createElement("span");
  status.className = "feedback-status";
  const send = async (rating) => {
    const response = await fetch("/v1/feedback", {
      method: "POST",
      headers: headers("application/json"),
      body: JSON.stringify({ answer_id: answerId, rating, question, answer, comment: comment.value, citations }),
    });
    status.textContent = response.ok ? " thanks, recorded" : ` not recorded: ${await errorMessage(response)}`;
    if (response.ok) box.querySelectorAll("button").forEach((b) => { b.disabled = true; });
  };
  for (const [text, rating, title] of [["Yes", 1, "thumbs up: helpful"], ["No", -1, "thumbs down: not helpful"]]) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    button.title = title;
    button.className = rating > 0 ? "thumbs-up" : "thumbs-down";
    button.addEventListener("click", () => send(rating));
    box.appendChild(button);
  }
  box.prepend(label);
  box.append(comment, status);
  box.hidden = false;
}
