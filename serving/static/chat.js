// The chat page: posts the conversation to /v1/answer/stream and reads its server-sent events
// (token, citations, done, error) with fetch + ReadableStream.
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

function headers() {
  const result = { "Content-Type": "application/json", Accept: "text/event-stream" };
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
  };
  const messages = [...history, { role: "user", content: question }];
  askButton.disabled = true;
  let answer = "";
  let finished = false;
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
        answer += data.text;
        view.answer.textContent = answer;
      } else if (event === "citations") {
        showCitations(view, data.citations);
      } else if (event === "done") {
        finished = true;
        showDone(view, data);
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
      history = [...messages, { role: "assistant", content: answer }];
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

function showDone(view, data) {
  const parts = [];
  if (data.not_covered) {
    view.turn.classList.add("not-covered");
    parts.push("not covered by the help centre - offer a human agent");
  }
  if (data.finish_reason === "length") parts.push("answer cut at the length limit");
  const t = data.timings || {};
  if (t.ttft_ms !== undefined) parts.push(`first token ${Math.round(t.ttft_ms)} ms`);
  if (t.total_ms !== undefined) parts.push(`total ${Math.round(t.total_ms)} ms`);
  if (data.usage && data.usage.completion_tokens) parts.push(`${data.usage.completion_tokens} tokens`);
  view.meta.textContent = parts.join(" · ");
}

function showError(view, message) {
  view.error.textContent = `No answer: ${message}`;
  view.error.hidden = false;
  view.turn.classList.add("failed");
}
