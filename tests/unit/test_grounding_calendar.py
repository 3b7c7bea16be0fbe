"""Weekday and month names of a claim against the passages (`core.grounding.calendar`)."""

from __future__ import annotations

from core.grounding.align import build_index
from core.grounding.calendar import check_calendar, mentions

COURIER = (
    "Courier service: When does my parcel arrive?\n"
    "Parcels handed in before noon, Tuesday to Thursday, are delivered the next morning. "
    "Parcels handed in on Friday or at the weekend are delivered on Monday.\n"
)
EVENTS = "Garden centre: Seasonal opening\nThe outdoor area opens from April to September.\n"


def test_ranges_and_groups_cover_the_days_between() -> None:
    days = {m.text: set(m.values) for m in mentions("Open Mon-Fri, closed at the weekend.")}
    assert days["Mon-Fri"] == {0, 1, 2, 3, 4}
    assert days["weekend"] == {5, 6}
    months = [set(m.values) for m in mentions("from April to September")]
    assert months == [{3, 4, 5, 6, 7, 8}]
    # "may" as a verb is no month in a claim
    assert mentions("You may return it.", claim=True) == []


def test_named_day_conflicting_with_the_evidence_is_contradicted() -> None:
    index = build_index([COURIER])
    finding = check_calendar("Parcels handed in on Saturday are delivered on Sunday.", index)
    assert finding is not None and finding.status == "mismatch"
    assert "Sunday" in finding.reason and "Monday" in finding.reason


def test_day_or_month_no_passage_covers_is_unsupported() -> None:
    index = build_index([EVENTS, COURIER])
    finding = check_calendar("The outdoor area opens in February.", index)
    assert finding is not None and finding.status == "unsupported" and "February" in finding.reason


def test_covered_days_and_months_and_negated_ones_pass() -> None:
    index = build_index([EVENTS, COURIER])
    # Wednesday lies in "Tuesday to Thursday", Sunday in "the weekend", June in "April to September"
    assert check_calendar("A parcel handed in on Wednesday before noon arrives the next morning.", index) is None
    assert check_calendar("Parcels handed in on Sunday are delivered on Monday.", index) is None
    assert check_calendar("The outdoor area is open in June.", index) is None
    # a negated name is the negation check's business
    assert check_calendar("Parcels are not delivered on Sundays.", index) is None
    # "may" is no month
    assert check_calendar("You may hand in parcels on Friday.", index) is None


RAW_FOOD = (
    "Chilled food: Dispatch days\n"
    "Raw food only leaves our warehouse from Monday to Wednesday, so it never sits in a depot over a weekend. "
    "If you order after 1pm on a Wednesday, or any time from Thursday to Sunday, your raw food is sent on the "
    "following Monday.\n"
)


def test_a_range_joined_by_or_any_time_shares_the_event_of_the_day_before() -> None:
    """ "after 1pm on a Wednesday, or any time from Thursday to Sunday": Thursday is an order day
    like Wednesday, so an answer placing a Thursday order's dispatch on Monday agrees, and one
    placing it on Tuesday does not."""
    index = build_index([RAW_FOOD])
    right = "Raw food only leaves the warehouse Monday to Wednesday, so a raw food order placed on a Thursday is sent on the following Monday."
    assert check_calendar(right, index) is None
    wrong = check_calendar("A raw food order placed on a Thursday is sent on the following Tuesday.", index)
    assert wrong is not None and wrong.status == "mismatch" and "Tuesday" in wrong.reason


def test_hours_between_two_day_names_keep_them_one_event() -> None:
    """ "Monday to Saturday, 10:00-19:00 IST; Sunday 11:00-17:00 IST": Sunday's hours are the same
    opening hours, so "open on Sunday" agrees, and "open on Sunday" against a week that ends on
    Saturday does not."""
    hours = (
        "City | Address | Open\n"
        "Pune | Shop 4, Kharadi, Pune 411014 | Monday to Saturday, 10:00-19:00 IST\n"
        "Bengaluru | 2nd floor, 80 Feet Road, Koramangala, Bengaluru 560034 | Monday to Saturday, 10:00-19:00 IST; "
        "Sunday 11:00-17:00 IST\n"
        "Mumbai | Unit 12, Andheri East, Mumbai 400059 | Monday to Saturday, 10:00-19:00 IST"
    )
    claim = (
        "The Bengaluru (Koramangala) Service Point opens on Sunday 11:00-17:00 IST; "
        "the other Service Points are open Monday to Saturday only."
    )
    assert check_calendar(claim, build_index([hours])) is None
    closed = check_calendar(claim, build_index([hours.replace("; Sunday 11:00-17:00 IST", "")]))
    assert closed is not None
