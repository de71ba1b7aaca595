"""Times relative to events: what `when:` and a phase's `starts:` read as, how references
resolve against the file, and how a proposal's timeline places and orders its steps."""

from __future__ import annotations

import pytest

from proposals.loader import read_string
from proposals.model import When
from proposals.registry import registry
from proposals.timeline import START, build
from proposals.timing import References, parse_condition, parse_when, resolve_when
from proposals.values import ValueProblem

STRICT = 1e-6


@pytest.mark.parametrize("text, anchor, relation, low, high", [
    ("on signing", None, "at", 0, 0),
    ("on entry into force", None, "at", 0, 0),
    ("day 7", None, "at", 7, 7),
    ("on the 7th day", None, "at", 7, 7),
    ("by day 50", None, "at", 0, 50),
    ("no later than day 5", None, "at", 0, 5),
    ("within 14 days", None, "at", 0, 14),
    ("within 30 days of signing", None, "at", 0, 30),
    ("from day 2 to day 16", None, "at", 2, 16),
    ("days 2-16", None, "at", 2, 16),
    ("from day 2, within 14 days", None, "at", 2, 16),
    ("from day 3", None, "at", 3, None),
    ("10 days after entry into force", None, "at", 10, 10),
    ("5 days after the withdrawal", "ref:withdrawal", "after", 5, 5),
    ("the 5th day after withdrawal", "ref:withdrawal", "after", 5, 5),
    ("no later than the 5th day after the withdrawal", "ref:withdrawal", "after", 0, 5),
    ("within 2 weeks of elections", "ref:elections", "after", 0, 14),
    ("from the first day after the local elections", "ref:local elections", "after", 1, None),
    ("on the first day after the withdrawal", "ref:withdrawal", "after", 1, 1),
    ("no later than the 2nd day of the ceasefire", "ref:ceasefire", "start", 0, 1),
    ("from the start of the withdrawal", "ref:withdrawal", "start", 0, None),
    ("after elections", "ref:elections", "after", 0, None),
    ("before elections", "ref:elections", "before", None, 0),
    ("on elections", "ref:elections", "at", 0, 0),
    ("After  Border   Control.", "ref:border control", "after", 0, None),
])
def test_times_read_as_windows_of_days(text, anchor, relation, low, high):
    when = parse_when(text)
    assert (when.anchor, when.relation, when.low, when.high) == (anchor, relation, low, high)
    assert when.text == " ".join(text.split())


def test_dates_are_calendar_days_with_their_edge():
    assert parse_when("2015-02-15").low == parse_when("2015-02-15").high == 16481
    by = parse_when("by 2015-12-31")
    assert (by.anchor, by.low, by.high) == ("date", None, 16800)
    assert parse_when("from 2015-03-01").high is None


@pytest.mark.parametrize("text", ["", "soon", "30 days", "day", "from day 16 to day 2",
                                  "sometime after", "2025-02-30"])
def test_what_is_not_a_time_is_refused_with_examples(text):
    with pytest.raises(ValueProblem):
        parse_when(text)


def test_references_name_phases_topics_and_steps():
    refs = References(registry(), ("first", "phase-2"))
    assert refs.resolve("first") == "phase:first"
    assert refs.resolve("phase 2") == "phase:phase-2"
    assert refs.resolve("humanitarian.prisoner_exchange") == "topic:humanitarian.prisoner_exchange"
    assert refs.resolve("humanitarian.exchange") == "topic:humanitarian.prisoner_exchange"  # alias
    assert refs.resolve("x.plant") == "topic:x.plant"
    assert refs.resolve("local elections") == "step:elections"
    assert refs.resolve("the moon") is None
    when = resolve_when(parse_when("after first"), refs)
    assert when.anchor == "phase:first"


def test_conditions_pointing_at_an_event_are_matched_by_it():
    refs = References(registry())
    a = parse_condition("only after humanitarian.prisoner_exchange", refs)
    b = parse_condition("After the prisoner exchange", refs)
    assert (a.relation, a.target) == ("after", "topic:humanitarian.prisoner_exchange")
    assert (b.relation, b.target) == ("after", "step:prisoner-exchange")
    free = parse_condition("Russia accepts and implements it at the same time", refs)
    assert free.target is None and free.key == "russia accepts and implements it at the same time"
    assert parse_condition("in return for humanitarian.hostages", refs).key == \
        "in exchange for step:hostage-release"


HEAD = "ceasefire: 2\nparty: A\n"


def loaded(text: str):
    result = read_string(HEAD + text, "p.yaml")
    assert result.proposal is not None, [str(p) for p in result.problems]
    return result.proposal


def test_a_reference_that_names_nothing_is_an_error_at_its_place_with_a_suggestion():
    result = read_string(HEAD + "clauses:\n  ceasefire.type: {value: full, when: after electons}\n",
                         "p.yaml")
    [problem] = result.problems
    assert (problem.line, problem.column, problem.path) == (4, 39, "clauses.ceasefire.type.when")
    assert "'electons' names no phase, topic or step" in problem.message
    assert "did you mean 'elections'" in problem.message


def test_times_that_refer_to_each_other_in_a_circle_are_refused():
    result = read_string(HEAD + "clauses:\n"
                         "  political.elections: {value: within 100 days, when: after border control}\n"
                         "  political.border_control: {value: full, when: after elections}\n",
                         "p.yaml")
    assert result.proposal is None
    [problem] = result.problems
    assert "refer to each other in a circle" in problem.message
    assert "political.elections" in problem.message and "political.border_control" in problem.message


def test_the_timeline_places_phases_and_clauses_in_days():
    proposal = loaded("""\
phases:
  - id: first
    duration: 42 days
    clauses:
      humanitarian.hostages: {value: 33 hostages, by: B}
  - id: second
    starts: after first
    clauses:
      humanitarian.hostages: {value: 60 hostages, by: B}
clauses:
  forces.heavy_weapons: {value: 50 km, by: A, when: "from day 2, within 14 days"}
  political.dialogue: {value: Talks., when: on the first day after the withdrawal}
""")
    timeline = build(proposal)
    windows = {e.key.split(":")[1] + "/" + (e.phase or "-"): (e.root, e.low, e.high)
               for e in timeline.events}
    assert windows["first/first"] == (START, 0, 42)
    assert windows["second/second"][1] == pytest.approx(42, abs=1e-5)
    assert windows["forces.heavy_weapons/-"] == (START, 2, 16)
    assert windows["political.dialogue/-"] == (START, 17, 17)
    hostages = [e for e in timeline.events if e.topic == "humanitarian.hostages"]
    assert [round(e.low) for e in hostages] == [0, 42]


def test_the_order_of_steps_follows_days_and_references_and_never_guesses():
    proposal = loaded("""\
clauses:
  ceasefire.type: {value: full, when: on signing}
  forces.heavy_weapons: {value: 50 km, when: "from day 2, within 14 days"}
  political.border_control: {value: full, when: after foreign forces leave}
  forces.foreign_withdrawal: {value: all, when: after the withdrawal}
  political.local_elections: {value: Local elections., when: after border control}
  political.special_status: {value: permanent-law, when: by 2015-12-31}
""")
    order = build(proposal).order()
    assert order is not None
    assert order.before("ceasefire", "withdrawal") is True
    assert order.before("foreign-withdrawal", "border-control") is True
    assert order.before("withdrawal", "elections") is True  # followed through the chain
    assert order.before("elections", "border-control") is False
    assert order.before("special-status", "elections") is None  # a deadline, no start: unknown
    by_day = loaded("clauses:\n  ceasefire.type: {value: full, when: on signing}\n"
                    "  forces.heavy_weapons: {value: 50 km, when: by day 16}\n")
    assert build(by_day).order() is None  # `by day 16` may fall on day 0 itself


def test_an_undated_step_named_only_as_an_anchor_is_ordered_against_what_follows_it():
    proposal = loaded("clauses:\n  political.border_control: {value: full, when: "
                      "from the first day after the local elections}\n")
    order = build(proposal).order()
    assert order is not None and order.before("elections", "border-control") is True
    [event] = build(proposal).events
    assert event.root == "step:elections" and event.low == 1


def test_a_day_zero_date_turns_calendar_days_into_days_of_the_agreement():
    proposal = loaded("clauses:\n  ceasefire.effective: 2015-02-15T00:00+02:00\n"
                      "  political.special_status: {value: permanent-law, when: by 2015-12-31}\n")
    [event] = build(proposal).events
    assert event.root == START and event.low is None
    assert round(event.high) == 319


def test_when_keeps_what_the_author_wrote():
    proposal = loaded("clauses:\n  ceasefire.type: {value: full, when: 'No later than Day 5'}\n")
    when = proposal.clauses[0].when
    assert isinstance(when, When) and when.text == "No later than Day 5" and when.high == 5
