"""Real agreements: who acts, on what conditions, when, in which phase, with which option,
under which reading. Each test pins a verdict format 1 got wrong (issue 9)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from diffing import GapStatus, compare
from diffing.engine import ComparisonError
from proposals.loader import read_string
from proposals.model import Proposal

AGREED, PARTIAL, CONFLICT = GapStatus.AGREED, GapStatus.PARTIAL, GapStatus.CONFLICT
ONE_SIDED, UNCLEAR = GapStatus.ONE_SIDED, GapStatus.UNCLEAR


def proposal(party: str, body: str, head: str = "") -> Proposal:
    text = f"ceasefire: 2\nparty: {party}\n{head}{body}"
    loaded = read_string(text, f"{party.lower()}.yaml")
    assert loaded.proposal is not None, [str(p) for p in loaded.problems]
    return loaded.proposal


def rows(*proposals: Proposal, **options):
    return {row.id: row for row in compare(list(proposals), **options).rows}


# --- who acts -----------------------------------------------------------------------------------

def test_a_withdrawal_by_one_side_is_never_agreed_with_a_withdrawal_by_the_other():
    israel = proposal("Mediator A", "clauses:\n  forces.withdrawal: {value: [south], by: Israel}\n")
    hezbollah = proposal("Mediator B",
                         "clauses:\n  forces.withdrawal: {value: [south], by: Hezbollah}\n")
    found = rows(israel, hezbollah)
    assert set(found) == {"forces.withdrawal@israel", "forces.withdrawal@hezbollah"}
    assert {row.status for row in found.values()} == {ONE_SIDED}
    assert found["forces.withdrawal@israel"].actor_name == "Israel"


def test_both_obligations_of_a_topic_can_be_written_and_each_is_compared_with_its_own():
    body = """clauses:
  forces.heavy_weapons:
    - {value: 50 km, by: Ukraine}
    - {value: %s, by: Certain areas}
"""
    a, b = proposal("A", body % "50 km"), proposal("B", body % "70 km")
    found = rows(a, b)
    assert found["forces.heavy_weapons@ukraine"].status is AGREED
    assert found["forces.heavy_weapons@certain-areas"].status is CONFLICT
    assert found["forces.heavy_weapons@certain-areas"].actor_name == "Certain areas"


def test_both_sides_means_each_side_and_a_clause_naming_nobody_holds_for_each():
    mutual = proposal("A", "clauses:\n  forces.heavy_weapons: {value: 50 km, by: both sides}\n",
                      head="sides: [Ukraine, Certain areas]\n")
    split = proposal("B", "clauses:\n  forces.heavy_weapons:\n    - {value: 50 km, by: Ukraine}\n"
                     "    - {value: 50 km, by: Certain areas}\n")
    silent_on_who = proposal("C", "clauses:\n  forces.heavy_weapons: 50 km\n")
    found = rows(mutual, split)
    assert [r.status for r in found.values()] == [AGREED, AGREED]
    found = rows(silent_on_who, split)
    assert [r.status for r in found.values()] == [AGREED, AGREED]
    assert "C does not say who acts; read as holding for Ukraine" in \
        found["forces.heavy_weapons@ukraine"].explanation


def test_a_by_written_for_a_party_meets_that_partys_own_file():
    russia = proposal("Russia", "clauses:\n  forces.withdrawal: {value: [donetsk], by: ukraine}\n")
    ukraine = proposal("Ukraine", "clauses:\n  forces.withdrawal: {value: none, by: Ukraine}\n")
    [row] = rows(russia, ukraine).values()
    assert (row.id, row.status, row.actor_name) == ("forces.withdrawal@ukraine", CONFLICT, "Ukraine")


def test_reciprocal_terms_are_writable_hostages_for_prisoners():
    deal = proposal("Mediators", """clauses:
  humanitarian.hostages:
    value: 33 hostages
    by: Hamas
    conditions: [in exchange for humanitarian.prisoner_numbers]
  humanitarian.prisoner_numbers:
    value: 1,000 prisoners
    by: Israel
    conditions: [in exchange for humanitarian.hostages]
""")
    hostages = next(c for c in deal.clauses if c.topic == "humanitarian.hostages")
    assert hostages.conditions[0].target == "topic:humanitarian.prisoner_numbers"
    found = rows(deal, proposal("Other", "clauses:\n  humanitarian.hostages: {value: 33, by: Hamas}\n"))
    assert found["humanitarian.hostages@hamas"].status is PARTIAL  # the exchange is not offered


# --- conditions -----------------------------------------------------------------------------------

def test_the_same_terms_on_a_condition_the_other_does_not_attach_are_not_agreed():
    conditional = proposal("A", "clauses:\n  ceasefire.duration:\n    value: 42 days\n"
                           "    conditions: [only after humanitarian.prisoner_exchange]\n")
    plain = proposal("B", "clauses:\n  ceasefire.duration: 42 days\n")
    [row] = rows(conditional, plain).values()
    assert row.status is PARTIAL and 0 < row.distance <= 0.5
    assert "Conditions differ" in row.explanation
    assert "'only after humanitarian.prisoner_exchange'" in row.explanation
    assert [a.name for a in row.aspects] == ["value", "conditions"]
    assert row.aspects[0].status is AGREED


def test_the_same_condition_worded_differently_matches_when_it_names_the_same_event():
    a = proposal("A", "clauses:\n  ceasefire.duration: {value: 42 days, conditions: "
                 "[after humanitarian.prisoner_exchange]}\n")
    b = proposal("B", "clauses:\n  ceasefire.duration: {value: 42 days, conditions: "
                 "[once the prisoner exchange]}\n")
    [row] = rows(a, b).values()
    assert row.status is AGREED


# --- timing ---------------------------------------------------------------------------------------

def test_the_same_obligation_at_other_times_is_measured_in_days():
    early = proposal("A", "clauses:\n  forces.heavy_weapons: {value: 50 km, when: day 7}\n")
    late = proposal("B", "clauses:\n  forces.heavy_weapons: {value: 50 km, when: day 30}\n")
    overlap = proposal("C", "clauses:\n  forces.heavy_weapons: {value: 50 km, when: by day 10}\n")
    [row] = rows(early, late).values()
    assert row.status is CONFLICT
    timing = row.aspects[1]
    assert (timing.name, timing.detail["apart_days"], timing.detail["earliest"]) == ("timing", 23, "a")
    assert "23 days apart; A's is earlier" in row.explanation
    [row] = rows(early, overlap).values()
    assert row.status is PARTIAL
    same_day = proposal("D", "clauses:\n  forces.heavy_weapons: {value: 50 km, when: on the 7th day}\n")
    [row] = rows(early, same_day).values()
    assert row.status is AGREED


def test_a_time_only_one_side_gives_keeps_the_row_from_agreeing():
    timed = proposal("A", "clauses:\n  forces.heavy_weapons: {value: 50 km, when: by day 14}\n")
    untimed = proposal("B", "clauses:\n  forces.heavy_weapons: 50 km\n")
    [row] = rows(timed, untimed).values()
    assert row.status is PARTIAL
    assert "Only A says when (A: by day 14); B does not." in row.explanation


def test_times_set_against_different_events_are_not_measured_against_each_other():
    a = proposal("A", "clauses:\n  political.border_control: {value: full, when: after elections}\n")
    b = proposal("B", "clauses:\n  political.border_control: {value: full, when: by day 30}\n")
    row = rows(a, b)["political.border_control"]
    assert row.status is PARTIAL
    assert "cannot be measured against each other" in row.explanation


def test_a_sequence_dispute_is_found_from_the_times_alone():
    security_first = proposal("Kyiv", """clauses:
  forces.heavy_weapons: {value: 50 km, when: "from day 2, within 14 days"}
  political.border_control: {value: full, when: after the withdrawal}
  political.local_elections: {value: Elections., when: after border control}
""")
    elections_first = proposal("Moscow", """clauses:
  forces.heavy_weapons: {value: 50 km, when: "from day 2, within 14 days"}
  political.local_elections: {value: Elections., when: after the withdrawal}
  political.border_control: {value: full, when: after elections}
""")
    row = rows(security_first, elections_first)["political.sequence"]
    assert row.status is PARTIAL
    assert all(p.derived == "timeline" for p in row.positions.values())
    assert row.gap["moved"] == ["border-control", "elections"]
    assert "Kyiv puts State control of the border before Elections, Moscow after" in row.explanation


def test_a_sequence_the_author_wrote_is_not_replaced_by_one_from_the_times():
    written = proposal("A", "clauses:\n  political.sequence: [elections, ceasefire]\n"
                       "  ceasefire.type: {value: full, when: day 0}\n"
                       "  political.elections: {value: within 100 days, when: day 50}\n")
    row = rows(written, replace(written, id="b", party="B"))["political.sequence"]
    assert row.positions["a"].derived is None and row.status is AGREED


# --- phases ---------------------------------------------------------------------------------------

PHASED = """phases:
  - id: first
    duration: 42 days
    clauses:
      humanitarian.hostages: {value: %s hostages, by: Hamas}
  - id: second
    starts: after first
    clauses:
      humanitarian.hostages: {value: %s hostages, by: Hamas}
clauses:
  ceasefire.type: full
"""


def test_phases_with_the_same_ids_are_compared_phase_by_phase():
    a = proposal("A", PHASED % (33, 60))
    b = proposal("B", PHASED % (33, 70))
    comparison = compare([a, b])
    assert comparison.phasing.mode == "by-id"
    found = {row.id: row for row in comparison.rows}
    assert found["humanitarian.hostages@hamas#first"].status is AGREED
    assert found["humanitarian.hostages@hamas#second"].status is CONFLICT
    assert found["ceasefire.type"].phase is None  # the same throughout: one row


def test_phases_that_differ_are_compared_at_the_first_phase_and_at_the_end():
    a = proposal("A", PHASED % (33, 60))
    b = proposal("B", "phases:\n  - id: only\n    clauses:\n"
                 "      humanitarian.hostages: {value: 60 hostages, by: Hamas}\n"
                 "clauses:\n  ceasefire.type: full\n")
    comparison = compare([a, b])
    assert comparison.phasing.mode == "first-and-final"
    found = {row.id: row for row in comparison.rows}
    first = found["humanitarian.hostages@hamas#first"]
    final = found["humanitarian.hostages@hamas#final"]
    assert (first.status, first.phase_label) == (CONFLICT, "first phase")
    assert (final.status, final.phase_label) == (PARTIAL, "end state")
    assert [(a.name, a.status) for a in final.aspects] == [("value", AGREED), ("timing", PARTIAL)]
    assert "A: during second; B: during only" in final.explanation  # the same, at other times


def test_a_clause_for_the_whole_agreement_holds_in_every_phase():
    a = proposal("A", PHASED % (33, 60))
    b = proposal("B", "clauses:\n  humanitarian.hostages: {value: 33 hostages, by: Hamas}\n")
    found = rows(a, b)
    assert found["humanitarian.hostages@hamas#first"].positions["b"] is not None
    assert found["humanitarian.hostages@hamas#second"].status is CONFLICT


# --- options ----------------------------------------------------------------------------------------

OFFER = """options:
  - id: withdrawal-first
    label: Withdrawal first
    clauses:
      ceasefire.preconditions: [withdrawal from four regions]
  - id: package
    label: Ten points
    clauses:
      ceasefire.preconditions: none
      forces.redeployment: banned
clauses:
  ceasefire.type: local
"""


def test_each_option_is_scored_and_the_closest_is_named():
    offer = proposal("Russia", OFFER)
    ask = proposal("Ukraine", "clauses:\n  ceasefire.type: full\n  ceasefire.preconditions: none\n"
                   "  forces.redeployment: allowed\n")
    comparison = compare([offer, ask])
    scores = {score.option: score for score in comparison.options}
    assert scores["withdrawal-first"].shown and not scores["package"].shown
    assert scores["package"].rows["ceasefire.preconditions"].status is AGREED
    assert scores["withdrawal-first"].rows["ceasefire.preconditions"].status is CONFLICT
    closest = [s.option for s in comparison.options if s.closest]
    assert closest == ["package"]
    shown = compare([offer, ask], options={"russia": "package"})
    assert shown.parties[0].option == "package"
    assert shown.row("ceasefire.preconditions").status is AGREED


def test_an_option_that_does_not_exist_is_refused():
    with pytest.raises(ComparisonError, match="has no option 'third'"):
        compare([proposal("Russia", OFFER), proposal("U", "clauses:\n  ceasefire.type: full\n")],
                options={"russia": "third"})


def test_an_option_cannot_silently_replace_a_clause_for_the_whole_proposal():
    loaded = read_string("ceasefire: 2\nparty: A\nclauses:\n  ceasefire.type: full\noptions:\n"
                         "  - {id: a, clauses: {ceasefire.type: local}}\n"
                         "  - {id: b, clauses: {ceasefire.duration: 2 days}}\n", "p.yaml")
    assert loaded.proposal is None
    [problem] = loaded.problems
    assert "ceasefire.type is also given for the whole proposal" in problem.message


# --- readings ---------------------------------------------------------------------------------------

DISPUTED = """sources:
  icaro: ICARO
clauses:
  ceasefire.duration:
    readings:
      - {value: at least 30 days, source: icaro}
      - {value: 90 days}
"""


def test_a_disputed_clause_is_agreed_only_if_every_reading_agrees():
    disputed = proposal("Ukraine", DISPUTED)
    floor = proposal("A", "clauses:\n  ceasefire.duration: at least 30 days\n")
    [row] = rows(disputed, floor).values()
    assert row.status is PARTIAL  # 90 days is inside "at least 30", but not the same range
    readings = next(a for a in row.aspects if a.name == "readings")
    assert readings.status is AGREED  # the first reading agrees
    assert "the verdict runs from agreed" in row.explanation
    assert row.positions["ukraine"].confidence.value == "disputed"


def test_a_file_with_readings_compared_with_itself_agrees():
    disputed = proposal("Ukraine", DISPUTED)
    twin = proposal("Twin", DISPUTED)
    [row] = rows(disputed, twin).values()
    assert row.status is AGREED


def test_the_reading_shown_when_several_are_equally_far_does_not_depend_on_file_order():
    mediator = proposal("Mediator", "clauses:\n  humanitarian.hostages: 60 hostages\n")
    israel = proposal("Israel plan", "clauses:\n  humanitarian.hostages:\n    readings:\n"
                      "      - {value: 33 hostages}\n      - {value: 60 hostages}\n")
    hamas = proposal("Hamas plan", "clauses:\n  humanitarian.hostages:\n    readings:\n"
                     "      - {value: 33 hostages}\n      - {value: at least 30 hostages}\n")
    shown = set()
    for order in ([mediator, israel, hamas], [mediator, hamas, israel], [hamas, israel, mediator]):
        [row] = rows(*order).values()
        readings = next(a for a in row.aspects if a.name == "readings")
        shown.add((row.status, row.distance, tuple(sorted(readings.detail["shown"].items())),
                   tuple(sorted((k, tuple(v)) for k, v in row.gap["ranges"].items()))))
    assert len(shown) == 1  # three combinations are 27 hostages apart: always the same one shown


def test_a_filtered_comparison_counts_only_what_it_keeps_in_options_and_timelines():
    from diffing.filters import restrict

    offer = proposal("Russia", OFFER.replace("  ceasefire.type: local\n",
                                             "  ceasefire.type: {value: local, when: day 3}\n"))
    ask = proposal("Ukraine", "clauses:\n  ceasefire.type: full\n  ceasefire.preconditions: none\n"
                   "  forces.redeployment: allowed\n")
    comparison = compare([offer, ask])
    narrowed = restrict(comparison, topics=["ceasefire.preconditions"])
    for score in narrowed.options:
        assert set(score.rows) == {"ceasefire.preconditions"}
        assert score.summary.topics == 1
    assert narrowed.timelines["russia"] == ()  # the type's time is not among the rows kept
    assert len(restrict(comparison, topics=["ceasefire.type"]).timelines["russia"]) == 1
