"""Request and response bodies of the HTTP API (pydantic)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from serving.rag import Message

RetrievalMode = Literal["dense", "keyword", "hybrid"]


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="ignore")
    type: str
    text: str | None = None


class ChatMessageIn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[ContentPart] | None = None

    def to_message(self) -> Message:
        if isinstance(self.content, list):
            text = "\n".join(part.text for part in self.content if part.type == "text" and part.text)
        else:
            text = self.content or ""
        role = "system" if self.role in {"system", "developer"} else self.role
        return Message(role=role, content=text)


class RetrievalOptions(BaseModel):
    """Retrieval settings a request may set; k is checked against MAX_TOP_K by the service."""

    k: int | None = Field(default=None, description="passages to retrieve (1..MAX_TOP_K); default TOP_K")
    filters: dict[str, Any] | None = Field(
        default=None, description="doc_id (str or list), doc_id_prefix, title, updated_after (Unix seconds)"
    )
    mode: RetrievalMode | None = None


class StreamOptions(BaseModel):
    model_config = ConfigDict(extra="ignore")
    include_usage: bool = False


class ChatCompletionRequest(RetrievalOptions):
    """OpenAI's chat completion request; other OpenAI fields are accepted and ignored. The
    retrieval options (k, filters, mode) travel in the client's `extra_body`."""

    model_config = ConfigDict(extra="ignore")
    model: str
    messages: list[ChatMessageIn] = Field(min_length=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    max_tokens: int | None = Field(default=None, ge=1)
    max_completion_tokens: int | None = Field(default=None, ge=1)
    temperature: float | None = Field(default=None, ge=0.0, le=2.0)

    @property
    def token_limit(self) -> int | None:
        return self.max_completion_tokens or self.max_tokens


class AnswerRequest(RetrievalOptions):
    """The native streaming endpoint: a question, or a conversation (OpenAI-style messages)."""

    model_config = ConfigDict(extra="forbid")
    question: str | None = None
    messages: list[ChatMessageIn] | None = None

    def to_messages(self) -> list[Message]:
        if self.messages:
            return [m.to_message() for m in self.messages]
        return [Message(role="user", content=self.question or "")]


class SearchRequest(RetrievalOptions):
    model_config = ConfigDict(extra="forbid")
    question: str


class SearchHit(BaseModel):
    rank: int
    score: float
    chunk_id: str
    doc_id: str
    title: str
    section: str
    url: str
    text: str
    dense_score: float | None = None
    dense_rank: int | None = None
    keyword_rank: int | None = None


class SearchResponse(BaseModel):
    query: str
    mode: RetrievalMode
    k: int
    relevant: bool
    hits: list[SearchHit]
    timings: dict[str, float]


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int = 0
    owned_by: str = "ragdesk"


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]


class ErrorDetail(BaseModel):
    message: str
    type: str
    code: str | None = None
    param: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorDetail


# --- grounding check and review queue ---------------------------------------------------------
class GroundingCheckRequest(BaseModel):
    """POST /v1/grounding/check. Limits: GROUNDING_MAX_ANSWER_CHARS, GROUNDING_MAX_PASSAGES,
    GROUNDING_MAX_PASSAGE_CHARS, MAX_QUESTION_CHARS (a 400 names the one exceeded)."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(default="", description="what was asked; helps with short answers such as 'Yes.'")
    answer: str = Field(description="the answer to check, sentence by sentence")
    passages: list[str] = Field(description="the texts the answer must be supported by")


class ClaimOut(BaseModel):
    text: str
    verdict: Literal["supported", "contradicted", "unsupported"]
    evidence: str | None
    score: float
    reasons: list[str] = Field(default_factory=list)


class GroundingCheckResponse(BaseModel):
    grounded: bool
    verdict: Literal["supported", "contradicted", "unsupported"]
    claims: list[ClaimOut]
    elapsed_ms: float


class ResolveRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    resolution: str = Field(description="answer_wrong, answer_correct or corpus_fixed")
    note: str = Field(default="", description="what was done (at most 2000 characters)")


class ReviewItemOut(BaseModel):
    id: int
    created_at: float
    status: Literal["open", "resolved"]
    question: str
    standalone_question: str
    context: list[dict[str, Any]]
    prompt: list[dict[str, str]]
    prompt_version: str
    answer: str
    served_answer: str
    verdict: str
    verdicts: list[dict[str, Any]]
    policy: str
    reason: str = ""  # why it is in the queue: what was withdrawn or flagged, and why
    resolution: str
    note: str
    resolved_at: float | None


class ReviewList(BaseModel):
    items: list[ReviewItemOut]
    counts: dict[str, int]
