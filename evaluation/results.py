"""What an evaluation run produces: one row per question and the run's result. Read by the run
that fills them and by the tracking that logs them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class QuestionResult:
    id: str
    question: str
    category: str
    kind: str
    answerable: bool
    expected_answer: str
    gold: list[str]
    retrieved: list[str] = field(default_factory=list)  # section labels, best first
    first_hit: int | None = None
    recall_at_1: float | None = None
    recall_at_3: float | None = None
    recall_at_5: float | None = None
    rr: float | None = None
    retrieval_relevant: bool = False  # the retriever found something above MIN_RELEVANCE
    ctx_precision: float | None = None
    ctx_recall: float | None = None
    baseline_first_hit: dict[str, int | None] = field(default_factory=dict)
    answer: str = ""
    not_covered: bool = False
    declined: bool | None = None
    error: str = ""
    grounded: bool | None = None
    claims: int = 0
    unsupported_claims: int = 0
    flagged_claims: list[str] = field(default_factory=list)
    prepare_ms: float | None = None
    ttft_ms: float | None = None
    total_ms: float | None = None
    grounding_ms: float | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int | None = None
    cost_tokens: float = 0.0
    cost_machine: float = 0.0
    cost_total: float = 0.0
    answer_similarity: float | None = None
    answer_rouge_l: float | None = None
    answer_chrf: float | None = None
    faithfulness: float | None = None
    answer_relevancy: float | None = None
    contexts: list[str] = field(default_factory=list, repr=False)

    @property
    def model_called(self) -> bool:
        return bool(self.answer) and not self.not_covered and not self.error

    def to_row(self) -> dict[str, Any]:
        row = asdict(self)
        row.pop("contexts")
        return row


@dataclass
class EvalResult:
    dataset: str
    mode: str
    generate: bool
    params: dict[str, str]
    metrics: dict[str, float]
    questions: list[QuestionResult]
    retrieval_by_mode: dict[str, dict[str, float]]
    judge_errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    run_id: str | None = None
    run_url: str | None = None

    def rows(self) -> list[dict[str, Any]]:
        return [q.to_row() for q in self.questions]
