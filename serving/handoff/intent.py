"""Does the customer ask for a person? Decided from the conversation without a model call, and
conservatively: a false "yes" hands a question that had an answer to a busy team, a false "no"
only costs the customer one more message (and the page has a button).

Two ways in:
- an explicit request: a short message that pairs a request ("talk to", "speak with",
  "connect me", "I want", "get me") with a person ("a human", "an agent", "someone from
  support"), or that names only a person ("agent please", "real person"), and is not negated
  ("I don't need an agent") or a question about the help itself ("how do I contact support?",
  "which languages can I speak with customer care in?" are answered from the help centre);
- an acceptance: a plain "yes" ("sure", "yes please", "ok, go ahead") that answers an assistant
  turn offering a person ("Would you like me to connect you with a member of our support
  team?"). A plain "yes" anywhere else is an ordinary follow-up.

    wants_person([Turn("user", "..."), Turn("assistant", "... connect you with ... team?"), Turn("user", "yes")])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from serving.conversation import Turn

Reason = Literal["request", "accepted_offer"]

MAX_REQUEST_WORDS = 16  # longer messages are questions about something, not a call for a person
MAX_ACCEPT_WORDS = 8
NEGATION_WINDOW = 3  # words before the request that can negate it ("I don't need an agent")

_WORDS = re.compile(r"[a-z0-9']+")

_TEAM = r"(?:support|service|customer\s+(?:service|support|care)|help\s*desk|helpdesk|team|staff)(?:\s+team)?"
# people who can take over: "a human", "an agent", "someone from support", "a member of your team"
_PERSON = (
    r"(?:human(?:\s+being)?s?|person|agents?|operators?|representatives?|reps?|"
    r"(?:support|service|help\s*desk|helpdesk)\s+(?:team|staff|agent|person|people|rep|representative)s?|"
    rf"(?:member|someone|somebody|anyone|anybody)\s+(?:of|from|on|in|at)\s+(?:the\s+|your\s+|our\s+)?{_TEAM}|"
    r"customer\s+(?:service|support|care)(?:\s+(?:team|agent|rep|representative|person))?|"
    r"staff(?:\s+member)?|colleagues?|manager|supervisor|advisor|adviser|specialist)"
)
_ANYONE = r"(?:someone|somebody|anyone|anybody|support|customer\s+(?:service|support|care)|help\s*desk|helpdesk|(?:the|your)\s+team)"
_LIVE = r"(?:(?:a|an|the|your|some|one\s+of\s+your)\s+)?(?:(?:real|live|actual|human)\s+)?"
_FILLER = (
    r"(?:\s+(?:to|with|me|us|this|it|over|through|on|in|touch|be|able|talk|speak|chat|connected|"
    r"transferred|put|passed|handed|please|now|just|directly|actually|really|straight|i|can|could))*"
)
_AFTER = (
    r"(?=$|\s+(?:please|pls|now|asap|today|right|about|regarding|re|on|for|instead|here|who|that|because|as|and|so|if))"
)
# a conversation verb takes anyone or the team ("talk to someone", "connect me with support"); a
# wish needs a person noun ("I need a human", not "I need someone to fix my TV")
_TALK = (
    r"(?:talk(?:ing|ed|s)?|speak(?:ing|s)?|spoke|chat(?:ting|ted|s)?|connect(?:ing|ed|s)?|"
    r"transfer(?:ring|red|s)?|escalat(?:e|ing|ed)|put(?:ting)?|pass(?:ing)?|hand(?:ing)?|forward(?:ing)?)"
)
_REACH = r"(?:reach(?:ing)?|contact(?:ing)?)"  # "reach customer service" is mostly a question of how or when
_WISH = r"(?:want|need|like|prefer|get|give|have)"
_REQUEST = re.compile(
    rf"\b(?:{_TALK}{_FILLER}\s+{_LIVE}(?:{_PERSON}|{_ANYONE})|(?:{_WISH}|{_REACH}){_FILLER}\s+{_LIVE}{_PERSON}){_AFTER}"
)
# the whole message is a person, maybe with a polite word: "agent", "human please", "a real person"
_BARE_PERSON = re.compile(
    rf"^(?:(?:please|pls|i\s+want|i\s+need|i'd\s+like|can\s+i\s+have|may\s+i\s+have)\s+)?{_LIVE}"
    rf"{_PERSON}(?:\s+(?:please|pls|now|asap))?$"
)
_NEGATORS = frozenset({"don't", "dont", "not", "never", "without", "no", "doesn't", "didn't", "won't", "wont"})
# "how do I contact support?", "what are your customer service hours?": answered from the help centre,
# unless the question is how to talk to one ("how can I speak to a human?")
_ASKS_ABOUT = re.compile(r"^(?:how|what|when|where|which|why|who|is|are|does|do)\b(?!.*\b(?:talk|speak|chat)\b)")
# "which languages can I speak with customer care in?", "when can I chat with an agent?": a question
# about talking to the team, not a call for one (only "how" and yes/no questions can be that)
_ASKS_WHICH = re.compile(r"^(?:what|what's|whats|when|where|which|why|who|am\s+i\s+(?:talking|speaking|chatting))\b")
_AFFIRM = (
    r"(?:yes|yeah|yep|yup|ya|yea|sure|ok|okay|alright|all\s+right|absolutely|definitely|certainly|of\s+course|"
    r"please|pls|go\s+ahead|do\s+it|do\s+that|please\s+do|that\s+would\s+(?:be\s+)?(?:great|good|nice|helpful|perfect)|"
    r"sounds\s+good|connect\s+me|i\s+would|i'd\s+like\s+that|i'd\s+appreciate\s+(?:it|that)|y)"
)
_POLITE = r"(?:thanks|thank\s+you|please|pls)"
_ACCEPT = re.compile(rf"^{_AFFIRM}(?:\s+(?:{_AFFIRM}|{_POLITE}))*$")
# the assistant's offer: "Would you like me to connect you with a member of our support team?",
# "Shall I pass this to a colleague?", "I can put you through to an agent if you like."
_OFFER = re.compile(
    r"\b(?:would\s+you\s+like|do\s+you\s+want|shall\s+i|should\s+i|can\s+i|may\s+i|want\s+me\s+to|"
    r"i\s+can|i\s+could|happy\s+to)\b"
    r"[^?.!]*\b(?:connect|transfer|put\s+you\s+through|pass|hand|forward|escalate|talk|speak|chat|contact)\b"
    rf"[^?.!]*\b{_LIVE}{_PERSON}\b"
)


def _clean(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower().replace("\u2019", "'")))


def asks_for_person(message: str) -> bool:
    """An explicit request for a person in this message alone."""
    text = _clean(message)
    words = text.split()
    if not words or len(words) > MAX_REQUEST_WORDS:
        return False
    if _BARE_PERSON.match(text):
        return True
    if _ASKS_ABOUT.match(text) or _ASKS_WHICH.match(text):
        return False
    for match in _REQUEST.finditer(text):
        before = text[: match.start()].split()[-NEGATION_WINDOW:]
        if not _NEGATORS.intersection(before) and "rather" not in before:
            return True
    return False


def offers_person(assistant_text: str) -> bool:
    """The assistant turn offers to bring in a person."""
    return bool(_OFFER.search(assistant_text.lower().replace("\u2019", "'")))


def accepts(message: str) -> bool:
    """A plain acceptance ("yes", "sure, please", "ok go ahead"), nothing more."""
    text = _clean(message)
    if not text or len(text.split()) > MAX_ACCEPT_WORDS:
        return False
    return bool(_ACCEPT.match(text))


def wants_person(turns: Sequence[Turn]) -> Reason | None:
    """Why the last user turn asks for a person, or None. `turns` is the conversation, oldest first."""
    if not turns or turns[-1].role != "user":
        return None
    message = turns[-1].content
    if asks_for_person(message):
        return "request"
    previous = next((t for t in reversed(turns[:-1]) if t.role in {"user", "assistant"}), None)
    if previous is not None and previous.role == "assistant" and offers_person(previous.content) and accepts(message):
        return "accepted_offer"
    return None
