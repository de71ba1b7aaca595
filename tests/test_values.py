"""Each kind's parser, as an author meets it: what may be written, what it means, and the
reason given when it means nothing.

`parse_value(topic, raw)` receives what the YAML file held (strings, lists of strings, or a
small mapping), so the inputs here are written the way they appear in a proposal.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from proposals.model import Choice, Items, Kind, Moment, Span, Steps, Text, Unspecified
from proposals.registry import custom_topic, registry
from proposals.values import ValueProblem, parse_value

INF = math.inf
DAY = 24.0


def topic(key: str):
    return registry().get(key)


def value(key: str, raw: object):
    return parse_value(topic(key), raw)


def refusal(key: str, raw: object) -> ValueProblem:
    with pytest.raises(ValueProblem) as caught:
        parse_value(topic(key), raw)
    return caught.value


# --- durations ------------------------------------------------------------------------------


@pytest.mark.parametrize("written, low, high", [
    ("30 days", 30 * DAY, 30 * DAY),
    ("30 Days", 30 * DAY, 30 * DAY),
    ("30days", 30 * DAY, 30 * DAY),
    ("at least 30 days", 30 * DAY, INF),
    ("no less than 30 days", 30 * DAY, INF),
    ("more than 30 days", 30 * DAY, INF),
    ("2-3 days", 2 * DAY, 3 * DAY),
    ("2 - 3 days", 2 * DAY, 3 * DAY),
    ("2–3 days", 2 * DAY, 3 * DAY),  # en dash
    ("2—3 days", 2 * DAY, 3 * DAY),  # em dash
    ("2 to 3 days", 2 * DAY, 3 * DAY),
    ("between 2 and 3 days", 2 * DAY, 3 * DAY),
    ("two to three days", 2 * DAY, 3 * DAY),
    ("thirty days", 30 * DAY, 30 * DAY),
    ("72 hours", 72, 72),
    ("72h", 72, 72),
    ("90 minutes", 1.5, 1.5),
    ("1.5 days", 36, 36),
    ("2 wks", 2 * 168, 2 * 168),
    ("a week", 168, 168),
    ("1 month", 30 * DAY, 30 * DAY),
    ("1 year", 365 * DAY, 365 * DAY),
    ("30-day", 30 * DAY, 30 * DAY),
    ("up to 72 hours", 0, 72),
    ("at most 3 days", 0, 3 * DAY),
    ("within 100 days", 0, 100 * DAY),
    ("about 90 days", 90 * DAY, 90 * DAY),
    ("indefinite", INF, INF),
    ("Indefinitely", INF, INF),
    ("permanent", INF, INF),
    ({"min": "2", "max": "3", "unit": "days"}, 2 * DAY, 3 * DAY),  # as the loader passes it
    ({"min": 2, "max": 3, "unit": "days"}, 2 * DAY, 3 * DAY),
    ({"min": "30", "unit": "days"}, 30 * DAY, INF),
    ({"max": "72", "unit": "hours"}, 0, 72),
])
def test_a_duration_is_a_range_of_hours(written, low, high):
    assert value("ceasefire.duration", written) == Span(low=low, high=high, unit="hours")


@pytest.mark.parametrize("written, message", [
    ("30", "'30' needs a unit: minutes, hours, days, weeks, months or years"),
    ("2-3", "'2-3' needs a unit: minutes, hours, days, weeks, months or years"),
    ("30 dayz", "unknown unit 'dayz' — did you mean 'days'?"),
    ("30 fortnights", "unknown unit 'fortnights'"),
    ("3-2 days", "'3-2 days' runs backwards: write the smaller number first"),
    ("at least 2-3 days",
     "'at least 2-3 days' mixes 'at least' with a range: write one or the other"),
    ("within 2-3 days", "'within 2-3 days' mixes 'within' with a range: write one or the other"),
    ("soon", "'soon' is not a number or a range"),
    ("-5 days", "'-5 days' is not a number or a range"),
    (["30 days"], "expected a number or a range such as '30 days', 'at least 30 days', '2-3 days', not a list"),
    ({"min": "3", "max": "2", "unit": "days"}, "min 3 is larger than max 2"),
    ({"min": "-1", "unit": "days"}, "min: '-1' is negative"),
    ({"min": "many", "unit": "days"}, "min: 'many' is not a number"),
    ({"mn": "3", "unit": "days"}, "unknown key 'mn' in a range — did you mean 'min'?"),
    ({"unit": "days"}, "a range needs 'min', 'max' or both"),
    ({"min": "2", "max": "3"}, "a mapping needs a unit"),
])
def test_a_duration_that_means_nothing_is_refused_with_the_reason(written, message):
    problem = refusal("ceasefire.duration", written)
    assert problem.message.startswith(message), problem.message
    assert problem.index is None


def test_a_range_bound_that_is_not_a_number_is_refused():
    with pytest.raises(ValueProblem):
        value("ceasefire.duration", {"min": "nan", "unit": "days"})


# --- quantities -----------------------------------------------------------------------------


@pytest.mark.parametrize("key, written, low, high", [
    ("forces.size_cap", "800000", 800_000, 800_000),
    ("forces.size_cap", "800,000", 800_000, 800_000),
    ("forces.size_cap", "800 000", 800_000, 800_000),
    ("forces.size_cap", "800,000 troops", 800_000, 800_000),
    ("forces.size_cap", "600k", 600_000, 600_000),
    ("forces.size_cap", "600 thousand", 600_000, 600_000),
    ("forces.size_cap", "1.5 million", 1_500_000, 1_500_000),
    ("forces.size_cap", "1 million soldiers", 1_000_000, 1_000_000),
    ("forces.size_cap", "600,000-800,000", 600_000, 800_000),
    ("forces.size_cap", "600000-800000 Soldiers", 600_000, 800_000),
    ("forces.size_cap", "2-3k", 2_000, 3_000),
    ("forces.size_cap", "2k-3k", 2_000, 3_000),
    ("forces.size_cap", "up to 500 personnel", 0, 500),
    ("forces.size_cap", "unlimited", INF, INF),
    ("forces.size_cap", "No limit", INF, INF),
    ("forces.size_cap", {"min": "600000", "max": "800000"}, 600_000, 800_000),
    ("forces.size_cap", {"min": "600000", "unit": "servicemen"}, 600_000, INF),
    ("humanitarian.prisoner_numbers", "at least 1,000", 1_000, INF),
    ("humanitarian.prisoner_numbers", "1000 POWs", 1_000, 1_000),
    ("humanitarian.prisoner_numbers", "1,200 prisoners of war", 1_200, 1_200),
    ("humanitarian.remains", "6,000 bodies", 6_000, 6_000),
    ("humanitarian.remains", "6000 remains", 6_000, 6_000),
    ("forces.withdrawal_distance", "15 km", 15, 15),
    ("forces.withdrawal_distance", "15 kilometres", 15, 15),
    ("forces.withdrawal_distance", "10-15 kms", 10, 15),
])
def test_a_quantity_is_a_range_in_the_topics_unit(key, written, low, high):
    assert value(key, written) == Span(low=low, high=high, unit=topic(key).unit)


QUANTITY_UNIT_WORDS = [
    (t.key, word)
    for t in registry().topics if t.kind is Kind.QUANTITY
    for word in (t.unit, *registry().units[t.unit].words)
]


@pytest.mark.parametrize("key, word", QUANTITY_UNIT_WORDS,
                         ids=[f"{k}-{w}" for k, w in QUANTITY_UNIT_WORDS])
def test_every_word_the_registry_lists_for_a_unit_names_that_unit(key, word):
    counted = topic(key)
    unit = counted.unit + (f" per {counted.per}" if counted.per else "")
    expected = Span(low=25, high=25, unit=unit)
    assert value(key, f"25 {word}") == expected
    assert value(key, f"25 {word.upper()}") == expected


@pytest.mark.parametrize("key, written, message", [
    ("forces.size_cap", "500 km", "this topic counts troops, not 'km'"),
    ("forces.size_cap", "500 tanks", "this topic counts troops, not 'tanks'"),
    ("forces.size_cap", "800000 troopz",
     "this topic counts troops, not 'troopz' — did you mean 'troops'?"),
    ("forces.withdrawal_distance", "15 km2", "this topic counts km, not 'km2'"),
    ("forces.withdrawal_distance", "700 m", "'700 m': 'm' could mean metres or million: write "
     "'700 metres' or '700 million km'"),
    ("forces.withdrawal_distance", "700m", "'700m': 'm' could mean metres or million"),
    ("forces.withdrawal_distance", "15 km per day", "'km per day' is a rate, but this topic "
     "counts km"),
    ("humanitarian.remains", "6000 prisoners", "this topic counts bodies, not 'prisoners'"),
    ("forces.size_cap", "lots", "'lots' is not a number or a range"),
    ("forces.size_cap", "800,000-600,000", "'800,000-600,000' runs backwards"),
])
def test_a_quantity_in_another_unit_is_refused(key, written, message):
    assert refusal(key, written).message.startswith(message)


@pytest.mark.parametrize("written, km", [
    ("700 metres", 0.7), ("700 meters", 0.7), ("15 km", 15), ("10 miles", 16.09344),
    ("2 nautical miles", 3.704), ("at least 500 metres", None),
])
def test_a_length_in_another_unit_is_converted_to_the_topics(written, km):
    span = value("forces.withdrawal_distance", written)
    assert span.unit == "km"
    assert span.low == (km if km is not None else 0.5)


def test_a_count_with_m_is_a_million_where_m_cannot_be_metres():
    assert value("forces.size_cap", "1.2m troops").low == 1_200_000
    assert value("forces.size_cap", "1.2m").low == 1_200_000


def test_a_custom_quantity_counts_the_registrys_units_or_the_one_it_declares():
    aid = custom_topic("x.aid", Kind.QUANTITY)
    assert parse_value(aid, "100 billion usd") == Span(low=1e11, high=1e11, unit="usd")
    assert parse_value(aid, "100 billion dollars") == Span(low=1e11, high=1e11, unit="usd")
    with pytest.raises(ValueProblem, match="declare the custom topic's unit with `unit:`"):
        parse_value(aid, "40 Tanks")
    tanks = custom_topic("x.tanks", Kind.QUANTITY, None, "tank")
    assert parse_value(tanks, "40 Tanks") == Span(low=40, high=40, unit="tank")
    with pytest.raises(ValueProblem, match="this topic counts tank, not 'lorries'"):
        parse_value(tanks, "40 lorries")


def test_more_than_one_number_is_never_read_as_a_unit():
    with pytest.raises(ValueProblem, match="holds more than one number"):
        parse_value(custom_topic("x.aid", Kind.QUANTITY),
                    "at least 5,000 or 1,000-2,000 rising to 6,000")


@pytest.mark.parametrize("written, per_day", [
    ("600 trucks a day", 600), ("600 trucks per day", 600), ("4,200 trucks per week", 600),
    ("600 trucks daily", 600), ("600", 600), ("25 trucks an hour", 600),
])
def test_a_rate_is_counted_per_its_denominator_converted_in_time(written, per_day):
    trucks = custom_topic("x.trucks", Kind.QUANTITY, None, "trucks", "day")
    assert parse_value(trucks, written) == Span(low=per_day, high=per_day,
                                                unit="trucks per day")


def test_a_ratio_keeps_its_denominator_and_refuses_another():
    ratio = custom_topic("x.ratio", Kind.QUANTITY, None, "prisoner", "hostage")
    assert parse_value(ratio, "30 prisoners per hostage").unit == "prisoner per hostage"
    with pytest.raises(ValueProblem, match="rates per different things cannot be compared"):
        parse_value(ratio, "30 prisoners per soldier")


def test_scientific_notation_is_a_number_never_a_unit():
    span = parse_value(custom_topic("x.aid", Kind.QUANTITY), "1e3")
    assert (span.low, span.high, span.unit) == (1000, 1000, "")


# --- sets -----------------------------------------------------------------------------------


@pytest.mark.parametrize("key, written, items", [
    ("ceasefire.domains", ["land", "air", "sea"], ("air", "land", "sea")),
    ("ceasefire.domains", ["sea", "land"], ("land", "sea")),
    ("ceasefire.domains", "land", ("land",)),
    ("ceasefire.domains", ["ground", "airspace", "naval"], ("air", "land", "sea")),
    ("ceasefire.domains", ["Land", "LAND", "land"], ("land",)),
    ("ceasefire.domains", ["Energy infrastructure"], ("energy",)),
    ("ceasefire.domains", "none", ()),
    ("ceasefire.domains", "None", ()),
    ("ceasefire.domains", "nothing", ()),
    ("ceasefire.domains", [], ()),
    ("forces.withdrawal", ["Donetsk Oblast", "zaporozhye", "DPR"], ("donetsk", "zaporizhzhia")),
    ("ceasefire.monitoring", ["US", "u.s.", "United States"], ("united-states",)),
])
def test_a_set_is_the_sorted_canonical_words(key, written, items):
    assert value(key, written) == Items(items=items)


def test_an_open_topic_accepts_free_words_compared_case_and_space_blind():
    got = value("ceasefire.areas", ["whole front", "Odesa   Region", "odesa region"])
    assert got.items == ("entire-front", "odesa region")
    assert got.written == {"odesa region": "Odesa Region"}


def test_a_topic_without_vocabulary_takes_any_words():
    got = value("ceasefire.preconditions", ["Withdrawal from four regions", "halt to aid"])
    assert got.items == ("halt to aid", "withdrawal from four regions")


@pytest.mark.parametrize("written, index, message", [
    (["land", "air", "see"], 2, "'see' is not a word this topic knows — did you mean 'sea'?"),
    (["sea", "lnad"], 1, "'lnad' is not a word this topic knows — did you mean 'land'?"),
    (["xyzzy"], 0, "'xyzzy' is not a word this topic knows (known: land, air, sea, energy, "
     "cyber; `ceasefire topics` lists their other names)"),
    ("xyzzy", 0, "'xyzzy' is not a word this topic knows (known: land, air, sea, energy, "),
    (["land", None], 1, "expected a word, not nothing"),
    ([["land"]], 0, "expected a word, not list"),
])
def test_a_closed_set_refuses_other_words_and_points_at_the_item(written, index, message):
    problem = refusal("ceasefire.domains", written)
    assert problem.message.startswith(message), problem.message
    assert problem.index == index


def test_a_set_is_not_a_mapping():
    problem = refusal("ceasefire.domains", {"a": "1"})
    assert problem.message == "expected a list such as [a, b] or 'none'"


# --- choices --------------------------------------------------------------------------------


@pytest.mark.parametrize("key, written, choice", [
    ("ceasefire.type", "full", "full"),
    ("ceasefire.type", "FULL", "full"),
    ("ceasefire.type", "  full ", "full"),
    ("ceasefire.type", "comprehensive", "full"),
    ("ceasefire.type", "Full and comprehensive", "full"),  # the label
    ("ceasefire.type", "Full_And_Unconditional", "full"),
    ("ceasefire.type", "local truce", "local"),
    ("forces.line_of_contact", "Current line of contact", "current-line"),
    ("forces.line_of_contact", "1991 borders", "recognised-borders"),  # the old word, neutral
    ("forces.line_of_contact", "1991_borders", "recognised-borders"),
])
def test_a_choice_is_one_canonical_word(key, written, choice):
    assert value(key, written) == Choice(choice=choice)


@pytest.mark.parametrize("written, message", [
    ("fulll", "'fulll' is not a word this topic knows — did you mean 'full'?"),
    ("partal", "'partal' is not a word this topic knows — did you mean 'partial'?"),
    ("xyzzy", "'xyzzy' is not a word this topic knows (known: full, partial, local, pause;"),
    (["full"], "expected one word, not a list"),
    ("", "expected a word, not ''"),
])
def test_a_choice_outside_the_vocabulary_is_refused_with_a_suggestion(written, message):
    assert refusal("ceasefire.type", written).message.startswith(message)


# --- dates ----------------------------------------------------------------------------------

JUNE_2 = (dt.date(2025, 6, 2) - dt.date(1970, 1, 1)).days


@pytest.mark.parametrize("written, iso, day, has_time", [
    ("2025-06-02", "2025-06-02", JUNE_2, False),
    (" 2025-06-02 ", "2025-06-02", JUNE_2, False),
    ("2025-06-02T10:00+03:00", "2025-06-02T10:00:00+03:00", JUNE_2 + 7 / 24, True),
    ("2025-06-02T07:00Z", "2025-06-02T07:00:00+00:00", JUNE_2 + 7 / 24, True),
    ("2025-06-02t07:00z", "2025-06-02T07:00:00+00:00", JUNE_2 + 7 / 24, True),
    ("2025-06-02 07:00:00+00:00", "2025-06-02T07:00:00+00:00", JUNE_2 + 7 / 24, True),
])
def test_a_date_is_a_day_count_and_a_date_time_needs_a_zone(written, iso, day, has_time):
    got = value("ceasefire.effective", written)
    assert (got.iso, got.has_time) == (iso, has_time)
    assert got.day == pytest.approx(day)


def test_the_same_instant_in_two_zones_is_the_same_moment():
    east = value("ceasefire.effective", "2025-06-02T10:00+03:00")
    utc = value("ceasefire.effective", "2025-06-02T07:00Z")
    assert east.day == pytest.approx(utc.day)
    assert isinstance(east, Moment)


@pytest.mark.parametrize("written, message", [
    ("2025-06-02T10:00", "'2025-06-02T10:00' has a time but no zone: add one, such as +03:00 or Z"),
    ("2025-13-01", "'2025-13-01' is not an ISO date"),
    ("2025-02-30", "'2025-02-30' is not an ISO date"),
    ("2025/06/02", "'2025/06/02' is not an ISO date"),
    ("June 2nd", "'June 2nd' is not an ISO date"),
    (["2025-06-02"], "expected a date such as 2025-06-02"),
])
def test_a_date_that_is_not_iso_is_refused(written, message):
    assert refusal("ceasefire.effective", written).message.startswith(message)


def test_a_compact_date_is_refused_without_being_said_to_have_a_time():
    with pytest.raises(ValueProblem) as refused:
        value("ceasefire.effective", "20250602")
    assert "is not an ISO date" in refused.value.message
    assert "has a time" not in refused.value.message


# --- text -----------------------------------------------------------------------------------


def test_text_is_kept_as_written_without_surrounding_space():
    assert value("ceasefire.violations", "  A violation frees the other side.  ") == Text(
        text="A violation frees the other side.")


@pytest.mark.parametrize("written", ["", "   ", ["a", "b"]])
def test_text_must_be_some_text(written):
    assert refusal("ceasefire.violations", written).message == "expected text"


# --- sequences ------------------------------------------------------------------------------


@pytest.mark.parametrize("written, steps", [
    (["ceasefire", "memorandum", "treaty"], ("ceasefire", "memorandum", "treaty")),
    (["treaty", "memorandum", "ceasefire"], ("treaty", "memorandum", "ceasefire")),
    (["truce", "peace treaty"], ("ceasefire", "treaty")),
    ("ceasefire", ("ceasefire",)),
    ("none", ()),
])
def test_a_sequence_keeps_the_authors_order(written, steps):
    assert value("political.sequence", written) == Steps(steps=steps)


def test_an_open_sequence_keeps_unknown_steps_as_written():
    got = value("political.sequence", ["talks", "Something New"])
    assert got.steps == ("negotiations", "something new")
    assert got.written == {"something new": "Something New"}


@pytest.mark.parametrize("written, index, word", [
    (["ceasefire", "treaty", "ceasefire"], 2, "ceasefire"),
    (["truce", "ceasefire"], 1, "ceasefire"),  # an alias and its word are the same step
    (["a step", "A  Step"], 1, "A  Step"),
])
def test_a_step_named_twice_is_refused_at_the_second_one(written, index, word):
    problem = refusal("political.sequence", written)
    assert problem.message == f"step {word!r} comes twice; a sequence names each step once"
    assert problem.index == index


# --- unspecified ----------------------------------------------------------------------------

ONE_TOPIC_PER_KIND = [next(t for t in registry().topics if t.kind is kind) for kind in Kind]
CUSTOM_PER_KIND = [custom_topic(f"x.some_{kind.value}", kind) for kind in Kind]


@pytest.mark.parametrize("any_topic", ONE_TOPIC_PER_KIND + CUSTOM_PER_KIND,
                         ids=[t.key for t in ONE_TOPIC_PER_KIND + CUSTOM_PER_KIND])
@pytest.mark.parametrize("written", ["unspecified", "Unspecified", " UNSPECIFIED "])
def test_every_kind_accepts_unspecified(any_topic, written):
    assert parse_value(any_topic, written) == Unspecified()


def test_a_cut_list_says_so_and_how_many_more():
    from proposals.suggestions import listed

    assert listed(["a", "b", "c"], most=3) == "a, b, c"
    assert listed(["a", "b", "c", "d", "e"], most=3) == "a, b, c, … and 2 more"
