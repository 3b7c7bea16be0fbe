"""Intent detection for the handoff (serving/handoff/intent.py): explicit requests for a person
are caught, questions that merely mention one are not, and a plain "yes" hands off only when the
assistant's previous turn offered a person (the project's own offer texts included)."""

from __future__ import annotations

import pytest

from core.prompts import EMPTY_ANSWER, NOT_COVERED_ANSWER
from serving.conversation import Turn
from serving.handoff.intent import accepts, asks_for_person, offers_person, wants_person
from serving.handoff.service import context_query
from serving.rag import Message
from serving.replacement import NO_EVIDENCE_ANSWER, OFFER_HUMAN, replacement_text

REQUESTS = [
    "talk to a human",
    "Speak to an agent please",
    "I want to talk to a real person",
    "Can I speak with someone from customer service?",
    "agent",
    "Human, please!",
    "connect me to an agent",
    "I’d like to speak to a representative",  # typographic apostrophe
    "Let me talk to someone",
    "get me a human",
    "I need a human",
    "How can I speak to a human?",
    "I'm not getting anywhere, let me talk to a human",
    "transfer me to a person",
    "Could you put me through to a member of your support team?",
    "I want to speak to a manager",
    "LIVE AGENT",
    "can i chat with a live agent about my refund",
    "Please connect me with support",
    "Is there a way to talk to a human?",
    "real human please",
    "speak to someone about a warranty claim",
]

NOT_REQUESTS = [
    "How do I contact customer service?",  # answered from the help centre
    "What are your customer service hours?",
    "which languages can i speak in with customer care on phone?",  # a blind set's question
    "When can I chat with an agent?",
    "what number do I call to talk to a human?",
    "Am I talking to a real human right now?",  # the demo set asks what the chat is
    "I don't want to talk to an agent",
    "no need for a human",
    "I'd rather not talk to a person",
    "I want the specialist edition of the console",
    "I want to return an item the agent sold me",
    "I need someone to fix my TV",
    "I need a person to sign for the parcel",
    "Can you give the delivery person my code?",
    "I want to speak to the courier",
    "Does support work on Sundays?",
    "Does the manager approve refunds?",
    "are you a human?",
    "is the agent commission included?",
    "Can I return a laptop after 45 days?",
    "Do you ship to Switzerland?",
    "yes",
    "",
    "talk to a human " + "about this long story " * 5,  # a long message is a question, not a call
]


@pytest.mark.parametrize("message", REQUESTS)
def test_explicit_requests_for_a_person(message: str) -> None:
    assert asks_for_person(message)
    assert wants_person([Turn("user", message)]) == "request"


@pytest.mark.parametrize("message", NOT_REQUESTS)
def test_questions_that_are_not_requests(message: str) -> None:
    assert not asks_for_person(message)


@pytest.mark.parametrize(
    "offer",
    [
        OFFER_HUMAN,
        NOT_COVERED_ANSWER,
        EMPTY_ANSWER,
        NO_EVIDENCE_ANSWER,
        replacement_text(None, []),
        "Shall I pass this to a colleague?",
        "I can put you through to an agent if you like.",
        "Do you want to talk to an agent?",
    ],
)
def test_offers_of_a_person(offer: str) -> None:
    assert offers_person(offer)


@pytest.mark.parametrize(
    "text",
    [
        "Electronics such as laptops can be returned within 30 days of delivery.",
        "Our support team answers within 24 hours. Would you like to know more about returns?",
        "You can contact customer service by phone.",
    ],
)
def test_answers_that_offer_nobody(text: str) -> None:
    assert not offers_person(text)


@pytest.mark.parametrize("reply", ["yes", "Yes please!", "sure", "ok, go ahead", "yes, thanks", "please", "Yep."])
def test_yes_after_an_offer_hands_off(reply: str) -> None:
    assert accepts(reply)
    turns = [
        Turn("user", "Do you offer a military discount?"),
        Turn("assistant", NOT_COVERED_ANSWER),
        Turn("user", reply),
    ]
    assert wants_person(turns) == "accepted_offer"


@pytest.mark.parametrize("reply", ["no", "no thanks", "thanks", "yes, but what about laptops?", "Yes, how much is it?"])
def test_other_replies_to_an_offer_do_not(reply: str) -> None:
    turns = [
        Turn("user", "Do you offer a military discount?"),
        Turn("assistant", NOT_COVERED_ANSWER),
        Turn("user", reply),
    ]
    assert wants_person(turns) is None


def test_yes_without_an_offer_is_an_ordinary_follow_up() -> None:
    answered = "Yes, we ship to Switzerland. Delivery costs 19.95 EUR."
    assert (
        wants_person([Turn("user", "Do you ship to Switzerland?"), Turn("assistant", answered), Turn("user", "yes")])
        is None
    )
    assert wants_person([Turn("user", "yes")]) is None
    # the offer must be the assistant's turn just before; an older one does not count
    turns = [
        Turn("user", "Military discount?"),
        Turn("assistant", NOT_COVERED_ANSWER),
        Turn("user", "Do you ship to Switzerland?"),
        Turn("assistant", answered),
        Turn("user", "yes"),
    ]
    assert wants_person(turns) is None


def test_the_context_is_retrieved_for_the_question_before_the_request() -> None:
    messages = [
        Message("user", "Do you ship to Switzerland?"),
        Message("assistant", "Yes."),
        Message("user", "How much does it cost?"),
        Message("assistant", NOT_COVERED_ANSWER),
        Message("user", "yes please"),
    ]
    assert context_query(messages) == "Do you ship to Switzerland? How much does it cost?"
    assert context_query([Message("user", "talk to a human")]) == ""
