from serving.conversation import Turn, history_within_budget, is_followup, standalone_question


def words(text: str) -> int:
    return len(text.split())


def test_followups_are_recognised() -> None:
    assert is_followup("and for phones?")
    assert is_followup("What about tablets?")
    assert is_followup("How long does it take?")
    assert is_followup("Phones?")
    assert not is_followup("How long does standard shipping take to Austria?")
    assert not is_followup("Can I pay for my order with Klarna?")


def test_standalone_question_combines_a_followup_with_the_previous_question() -> None:
    assert (
        standalone_question(["Can I return a laptop?", "and for phones?"]) == "Can I return a laptop? and for phones?"
    )
    assert standalone_question(["Can I return a laptop?", "Do you ship to Norway by express?"]) == (
        "Do you ship to Norway by express?"
    )
    assert standalone_question(["Only question here please"]) == "Only question here please"


def test_standalone_question_chains_at_most_three_questions() -> None:
    asked = ["What is the return window for electronics?", "and clothing?", "and books?", "and toys?"]
    assert standalone_question(asked) == "and clothing? and books? and toys?"


def test_history_keeps_the_newest_whole_turns_within_budget() -> None:
    turns = [
        Turn("user", "one two three"),
        Turn("assistant", "four five six seven"),
        Turn("user", "eight nine"),
        Turn("assistant", "ten"),
    ]
    assert history_within_budget(turns, 100, words) == turns
    kept = history_within_budget(turns, 12, words)  # (2+4) + (1+4) fit; the next (4+4) does not
    assert kept == turns[2:]
    assert history_within_budget(turns, 5, words) == []  # only the assistant turn fits: dropped
