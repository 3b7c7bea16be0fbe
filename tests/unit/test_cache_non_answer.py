"""A model's "I do not know" is not stored in the response cache (issue 19); real answers are."""

import pytest

from core.answer_cache.non_answer import is_non_answer


@pytest.mark.parametrize(
    "text",
    [
        "I do not know.",
        "I don't know the answer to that.",
        "I'm not sure, sorry.",
        "We cannot confirm that from the information we have.",
        "Sorry, I couldn't find anything about that.",
        "I have no information about international warranties.",
        "I'm unable to answer that question.",
    ],
)
def test_statements_of_no_answer(text: str) -> None:
    assert is_non_answer(text)


@pytest.mark.parametrize(
    "text",
    [
        "You can return a laptop within 30 days of delivery.",
        "Press and hold the Home button for 2 seconds, then choose Settings > Support.",
        "No, the subscription does not renew automatically.",
        "If you don't know your order number, it is in the confirmation email we sent you.",
        "",
        "I don't know " + "word " * 60,  # long text: a hedge inside an answer
    ],
)
def test_answers_are_not_non_answers(text: str) -> None:
    assert not is_non_answer(text)
