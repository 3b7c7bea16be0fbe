"""The tagger's label alignment: character spans -> response token labels, context tokens -100."""

from __future__ import annotations

import pytest

from evaluation.grounding_training.tagger import encode


@pytest.fixture(scope="module")
def tokenizer():  # type: ignore[no-untyped-def]
    from transformers import AutoTokenizer

    from evaluation.grounding_training.tagger import model_dir

    try:
        directory = model_dir()
    except Exception as exc:  # the MiniLM weights package is not installed
        pytest.skip(f"no local MiniLM tokenizer: {exc}")
    return AutoTokenizer.from_pretrained(str(directory), local_files_only=True)


def test_span_tokens_are_positive_context_is_ignored(tokenizer) -> None:  # type: ignore[no-untyped-def]
    context = "The cafe opens at 9 am and closes at 5 pm."
    response = "The cafe opens at 9 am. It has free parking."
    start = response.index("free parking")
    enc = encode(tokenizer, context, response, ((start, start + len("free parking")),), max_length=64)
    tokens = tokenizer.convert_ids_to_tokens(enc["input_ids"])
    sep = tokens.index("[SEP]")
    assert all(label == -100 for label in enc["labels"][: sep + 1])  # [CLS], context, [SEP]
    assert enc["labels"][-1] == -100  # the final [SEP]
    response_part = list(zip(tokens[sep + 1 : -1], enc["labels"][sep + 1 : -1], strict=True))
    assert [t for t, label in response_part if label == 1] == ["free", "parking"]
    assert all(label == 0 for t, label in response_part if t not in ("free", "parking"))


def test_context_is_truncated_response_kept_whole(tokenizer) -> None:  # type: ignore[no-untyped-def]
    context = "word " * 500
    response = "A short answer with an invented claim."
    enc = encode(tokenizer, context, response, ((0, 7),), max_length=32)
    assert len(enc["input_ids"]) == 32
    n_response = len(tokenizer(response, add_special_tokens=False)["input_ids"])
    assert sum(label != -100 for label in enc["labels"]) == n_response
    assert enc["labels"].count(1) == 2  # "a", "short"
