"""Each kind's parser: what an author may write, what it is normalised to, and the errors."""

from __future__ import annotations

import math

import pytest

from proposals.model import Choice, Items, Moment, Span, Steps, Text, Unspecified
from proposals.registry import registry
from proposals.values import ValueProblem, parse_value

INF = math.inf


def topic(key: str):
    return registry().get(key)


@pytest.mark.parametrize("written, low, high", [
    ("30 days", 720, 720),
    ("at least 30 days", 720, INF),
    ("no less than 30 days", 720, INF),
    ("2-3 days", 48, 72),
    ("2–3 days", 48, 72),
    ("2 to 3 days", 48, 72),
    ("between 2 and 3 days", 48, 72),
    ("two to three days", 48, 72),
    ("72 hours", 72, 72),
    ("72h", 72, 72),
    ("30-day", 720, 720),
    ("a week", 168, 168),
    ("up to 72 hours", 0, 72),
    ("within 100 days", 0, 2400),
    ("about 90 days", 2160, 2160),
    ("1 month", 720, 720),
    ("1 year", 8760, 8760),
    ("indefinite", INF, INF),
    ("permanent", INF, INF),
    ({"min": 2, "max": 3, "unit": "days"}, 48, 72),
    ({"min": 30, "unit": "days"}, 720, INF),
])
def test_durations_normalise_to_hours(written, low, high):
    value = parse_value(topic("ceasefire.duration"), written)
    assert value == Span(low=low, high=high, unit="hours")


@pytest.mark.parametrize("written, message", [
    ("30", "needs a unit"),
    ("30 dayz", "did you mean 'days'"),
    ("3-2 days", "runs backwards"),
    ("at least 2-3 days", "mixes 'at least' with a range"),
    ("soon", "is not a number or a range"),
    ({"min": 3, "max": 2, "unit": "days"}, "larger than max"),
    ({"mni": 3, "unit": "days"}, "did you mean 'min'"),
    ({"unit": "days"}, "needs 'min', 'max' or both"),
    (["30 days"], "not a list"),
])
def test_duration_errors_say_why(written, message):
    with pytest.raises(ValueProblem, match=message):
        parse_value(topic("ceasefire.duration"), written)


@pytest.mark.parametrize("key, written, low, high, unit", [
    ("humanitarian.prisoner_numbers", "1,000", 1000, 1000, "prisoners"),
    ("humanitarian.prisoner_numbers", "at least 1000", 1000, INF, "prisoners"),
    ("humanitarian.prisoner_numbers", "1,000 prisoners of war", 1000, 1000, "prisoners"),
    ("forces.size_cap", "600000-800000", 600000, 800000, "troops"),
    ("forces.size_cap", "600k soldiers", 600000, 600000, "troops"),
    ("forces.size_cap", "1.2 million", 1200000, 1200000, "troops"),
    ("forces.size_cap", "unlimited", INF, INF, "troops"),
    ("humanitarian.remains", "6,000 bodies", 6000, 6000, "bodies"),
    ("forces.withdrawal_distance", "15 kilometres", 15, 15, "km"),
])
def test_quantities_keep_the_topic_unit(key, written, low, high, unit):
    assert parse_value(topic(key), written) == Span(low=low, high=high, unit=unit)


def test_a_quantity_in_another_unit_is_refused_with_the_right_unit():
    with pytest.raises(ValueProblem, match="counts troops, not 'bodies'"):
        parse_value(topic("forces.size_cap"), "600000 bodies")


def test_sets_resolve_aliases_and_none():
    domains = topic("ceasefire.domains")
    assert parse_value(domains, ["Land", "airspace", "maritime"]) == Items(items=("air", "land",
                                                                               "sea"))
    assert parse_value(domains, "none") == Items(items=())
    assert parse_value(domains, "land") == Items(items=("land",))


def test_a_closed_set_refuses_unknown_words_at_their_index():
    with pytest.raises(ValueProblem, match="did you mean 'sea'") as caught:
        parse_value(topic("ceasefire.domains"), ["land", "se"])
    assert caught.value.index == 1


def test_open_sets_accept_free_words_and_keep_their_spelling():
    value = parse_value(topic("ceasefire.preconditions"), ["Lift  sanctions on Rosselkhozbank"])
    assert value.items == ("lift sanctions on rosselkhozbank",)
    assert value.written == {"lift sanctions on rosselkhozbank": "Lift sanctions on Rosselkhozbank"}


@pytest.mark.parametrize("written, choice", [
    ("full", "full"), ("Full and unconditional", "full"), ("LOCAL TRUCE", "local"),
    ("humanitarian_pause", "pause"),
])
def test_choices_accept_values_labels_and_aliases_in_any_case(written, choice):
    assert parse_value(topic("ceasefire.type"), written) == Choice(choice=choice)


def test_an_unknown_choice_gets_a_suggestion():
    with pytest.raises(ValueProblem, match="'ful' is not a word this topic knows — did you mean "
                                           "'full'"):
        parse_value(topic("ceasefire.type"), "ful")


def test_dates_and_date_times():
    deadline = topic("political.response_deadline")
    assert parse_value(deadline, "2025-06-30") == Moment(iso="2025-06-30", day=20269.0,
                                                         has_time=False)
    zulu = parse_value(deadline, "2025-06-30T12:00Z")
    assert zulu.has_time and zulu.day == pytest.approx(20269.5)
    kyiv = parse_value(deadline, "2025-06-30T15:00+03:00")
    assert kyiv.day == pytest.approx(zulu.day)
    with pytest.raises(ValueProblem, match="no zone"):
        parse_value(deadline, "2025-06-30T12:00")
    with pytest.raises(ValueProblem, match="not an ISO date"):
        parse_value(deadline, "30 June 2025")


def test_text_and_sequences():
    assert parse_value(topic("ceasefire.violations"), " A violation. ") == Text(text="A violation.")
    steps = parse_value(topic("political.sequence"), ["Transfer of bodies", "memorandum",
                                                      "truce"])
    assert steps == Steps(steps=("bodies", "memorandum", "ceasefire"))
    with pytest.raises(ValueProblem, match="comes twice") as caught:
        parse_value(topic("political.sequence"), ["ceasefire", "memorandum", "truce"])
    assert caught.value.index == 2


@pytest.mark.parametrize("key", [t.key for t in registry().topics])
def test_every_kind_accepts_unspecified(key):
    assert parse_value(topic(key), "unspecified") == Unspecified()
    assert parse_value(topic(key), "Unspecified") == Unspecified()
