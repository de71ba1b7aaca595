"""History: texts grouped into parties and rounds, what each new text changed, and whether
it moved toward the other parties.

Properties (hypothesis): identical rounds report no movement; a concession that closes a
numeric gap is reported with the share of the gap it closed; the order of the files does
not matter. Then the rules of rounds and amending texts, and the bundled histories.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffing import ComparisonError
from diffing.history import history
from diffing.history_result import Direction, Move
from diffing.rounds import RoundsError, arrange, rounds, whole
from proposals.examples import scenario
from proposals.loader import read_proposal, read_string
from proposals.model import Proposal
from tests.strategies import agreement_yaml, parties

PROPERTIES = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
DAY = dt.timedelta(days=1)


def in_round(proposal: Proposal, label: str, day: int) -> Proposal:
    return replace(proposal, round=label, date=dt.date(2025, 5, 1) + day * DAY,
                   file=f"{proposal.id}-{label}.yaml")


def agreement(text: str, party: str) -> Proposal:
    loaded = read_string(text, f"{party}.yaml")
    assert loaded.proposal is not None, [str(p) for p in loaded.problems]
    return replace(loaded.proposal, id=party.lower())


# --- properties ------------------------------------------------------------------------------


@PROPERTIES
@given(parties(2))
def test_identical_rounds_report_no_movement(pair):
    texts = [in_round(p, label, day) for p in pair for label, day in (("I", 0), ("II", 7))]
    result = history(texts)
    assert not result.moved
    for party in result.parties:
        (step,) = party.steps
        assert step.changes == () and step.counts.changed == step.counts.added == 0
    trend = result.rounds[1].trend
    assert trend is not None and trend.change in (0.0, None)


@PROPERTIES
@given(agreement_yaml("Israel"), agreement_yaml("Hamas"))
def test_identical_rounds_of_format_2_texts_report_no_movement(israel, hamas):
    # Who acts, times, conditions, phases, options and disputed readings, all unchanged.
    texts = [in_round(agreement(text, party), label, day)
             for text, party in ((israel, "Israel"), (hamas, "Hamas"))
             for label, day in (("I", 0), ("II", 7))]
    assert not history(texts).moved


CAP = """ceasefire: 2
party: {party}
clauses:
  forces.size_cap: {value:,} troops
"""


@PROPERTIES
@given(st.integers(1, 900), st.integers(0, 1000), st.integers(1000, 2000))
def test_a_concession_is_reported_with_the_share_of_the_numeric_gap_it_closed(low, step, other):
    # Ukraine asks for `low` thousand troops, then moves `step` thousand toward Russia's offer.
    before, after = low * 1000, min(low * 1000 + step * 1000, other * 1000)
    texts = [in_round(agreement(CAP.format(party="Ukraine", value=before), "Ukraine"), "I", 0),
             in_round(agreement(CAP.format(party="Ukraine", value=after), "Ukraine"), "II", 7),
             in_round(agreement(CAP.format(party="Russia", value=other * 1000), "Russia"),
                      "I", 0)]
    result = history(texts)
    (step_taken,) = result.party("ukraine").steps
    if after == before:
        assert step_taken.changes == ()
        return
    (change,) = step_taken.changes
    (gap,) = change.gaps
    gap_before, gap_after = other * 1000 - before, other * 1000 - after
    assert change.move is Move.CHANGED and gap.direction is Direction.TOWARD
    assert (gap.before, gap.after, gap.unit) == (gap_before, gap_after, "troops")
    assert gap.closed == pytest.approx((gap_before - gap_after) / gap_before, abs=1e-4)
    said = "the gap is closed" if gap_after == 0 else "closed "
    assert said in change.explanation
    assert f"({gap_before:,} troops → {gap_after:,} troops)" in change.explanation
    assert step_taken.counts.toward == 1


LENGTH = """ceasefire: 2
party: {party}
clauses:
  ceasefire.duration: {days} days
"""


@pytest.mark.parametrize("days, said", [(3, "(27 days → 0 days)"), (10, "(27 days → 7 days)")])
def test_a_duration_gap_is_said_in_one_unit_before_and_after(days, said):
    # Ukraine's 30 days against Russia's 3: a gap closed to nothing is `0 days`, not `0 hours`.
    texts = [in_round(agreement(LENGTH.format(party="Ukraine", days=30), "Ukraine"), "I", 0),
             in_round(agreement(LENGTH.format(party="Ukraine", days=days), "Ukraine"), "II", 7),
             in_round(agreement(LENGTH.format(party="Russia", days=3), "Russia"), "I", 0)]
    (change,) = history(texts).party("ukraine").steps[0].changes
    assert said in change.explanation


@PROPERTIES
@given(parties(2), parties(2))
def test_every_changed_row_is_counted_toward_away_or_sideways_at_most_once(first, second):
    texts = [in_round(first[0], "I", 0), in_round(first[1], "I", 0),
             in_round(replace(second[0], id=first[0].id, party=first[0].party), "II", 7)]
    for party in history(texts).parties:
        for step in party.steps:
            counts = step.counts
            assert counts.toward + counts.away + counts.sideways <= counts.changed
            assert counts.kept + counts.changed + counts.added + counts.dropped >= \
                len(step.changes)


@PROPERTIES
@given(parties(3), st.randoms(use_true_random=False))
def test_the_order_of_the_files_does_not_matter(three, random):
    ukraine, russia, europe = three
    texts = [in_round(ukraine, "I", 0), in_round(russia, "I", 0),
             in_round(replace(ukraine, clauses=russia.clauses), "II", 9),
             in_round(europe, "III", 20), in_round(russia, "III", 20)]
    shuffled = texts[:]
    random.shuffle(shuffled)
    assert history(shuffled) == history(texts)


# --- rounds -----------------------------------------------------------------------------------


def text(party: str, round_: str | None = None, date: str | None = None, body: str = "",
         amends: bool = False) -> Proposal:
    header = f"ceasefire: 2\nparty: {party}\n" + (f"round: {round_}\n" if round_ else "") + (
        f"date: {date}\n" if date else "") + ("amends: true\n" if amends else "")
    loaded = read_string(header + "clauses:\n" + (body or "  ceasefire.type: full\n"),
                         f"{party.lower()}-{round_ or date}.yaml")
    assert loaded.proposal is not None, [str(p) for p in loaded.problems]
    return loaded.proposal


def test_rounds_are_ordered_by_date_and_named_by_label_or_date():
    found = rounds([text("Ukraine", "Istanbul II", "2025-06-02"),
                    text("Russia", "Istanbul I", "2025-05-16"),
                    text("Russia", date="2025-07-23"),
                    text("Ukraine", "Istanbul I", "2025-05-15")])
    assert [(r.label, r.date.isoformat()) for r in found] == [
        ("Istanbul I", "2025-05-15"), ("Istanbul II", "2025-06-02"),
        ("2025-07-23", "2025-07-23")]
    assert sorted(found[0].texts) == ["russia", "ukraine"]


@pytest.mark.parametrize("texts, message", [
    ([text("Ukraine", "I", "2025-05-16"), text("Ukraine", "I", "2025-05-16")],
     "both Ukraine's text in round 'I'"),
    ([text("Ukraine", "I", "2025-05-16"), text("Ukraine")], "has no 'round:' and no 'date:'"),
    ([text("Ukraine", "I", "2025-05-16"), text("Ukraine", "II")], "round 'II' has no dated text"),
])
def test_texts_that_cannot_be_placed_in_rounds_are_refused_with_the_reason(texts, message):
    with pytest.raises(RoundsError, match=message):
        rounds(texts)
    with pytest.raises(ComparisonError, match=message):
        history(texts)


def test_an_amending_text_carries_its_partys_earlier_clauses_where_it_is_silent():
    earlier = text("Europe", "I", "2025-11-20",
                   "  ceasefire.type: full\n  forces.size_cap: 600,000 troops\n")
    later = text("Europe", "II", "2025-11-23", "  forces.size_cap: 800,000 troops\n",
                 amends=True)
    _, amended = whole([earlier, later])
    by_topic = {c.topic: c for c in amended.clauses}
    assert by_topic["forces.size_cap"].text == "800,000 troops"
    assert by_topic["forces.size_cap"].file is None  # its own
    assert by_topic["ceasefire.type"].file == earlier.file  # carried, where its line is
    (step,) = history([later, earlier]).party("europe").steps
    assert [(c.topic, c.move) for c in step.changes] == [("forces.size_cap", Move.CHANGED)]


def test_amends_is_true_or_false_and_part_of_format_2():
    assert "write true or false" in str(read_string(
        "ceasefire: 2\nparty: A\namends: yes\nclauses:\n  ceasefire.type: full\n", "a.yaml"
    ).problems[0])
    problems = read_string("ceasefire: 1\nparty: A\namends: true\nclauses:\n"
                           "  ceasefire.type: full\n", "a.yaml").problems
    assert any("'amends:' is part of format 2" in str(p) for p in problems)


def test_diff_compares_each_partys_latest_text_or_the_versions_of_one_party():
    texts = [text("Ukraine", "I", "2025-05-16"), text("Russia", "I", "2025-05-16"),
             text("Ukraine", "II", "2025-06-02")]
    latest = arrange(texts)
    assert [(p.id, p.round) for p in latest.proposals] == [("ukraine", "II"), ("russia", "I")]
    assert [(p.id, p.round) for p in latest.earlier] == [("ukraine", "I")]
    versions = arrange([texts[2], texts[0]])
    assert versions.versions_of == "Ukraine"
    assert [(p.id, p.party) for p in versions.proposals] == [
        ("ukraine", "Ukraine (I)"), ("ukraine-2", "Ukraine (II)")]


# --- the bundled histories --------------------------------------------------------------------


def bundled(*names: str) -> list[Proposal]:
    return [read_proposal(path).proposal for name in names for path in scenario(name).files]


def test_istanbul_history_says_what_each_party_added_and_changed_and_how_the_index_moved():
    result = history(bundled("istanbul-2025-06-02", "istanbul-2025-05-16"))
    assert [r.label for r in result.rounds] == ["Istanbul I", "Istanbul II"]
    assert result.reference == ("agreed",)
    first, second = result.rounds
    assert first.summary.agreement_index == 1.0 and second.summary.agreement_index == 0.2496
    assert second.trend.rows == 0  # no topic measured in both rounds: said, not averaged
    (ukraine,) = result.party("ukraine").steps
    duration = next(c for c in ukraine.changes if c.topic == "ceasefire.duration")
    (gap,) = duration.gaps
    assert gap.direction is Direction.AWAY and (gap.before, gap.after) == (27 * 24, 87 * 24)
    assert "27 days → 87 days" in duration.explanation
    (russia,) = result.party("russia").steps
    assert russia.counts.added == 20 and russia.counts.dropped == 2


def test_the_28_to_20_point_history_names_what_was_dropped_and_the_army_cap_that_changed():
    result = history(bundled("peace-plans-2025-11"))
    (plan,) = result.parties
    assert plan.id == "peace-plan" and len(plan.texts) == 3
    overall = plan.overall
    dropped = {c.topic for c in overall.changes if c.move is Move.DROPPED}
    assert {"humanitarian.amnesty", "political.recognition", "x.frozen_assets"} <= dropped
    cap = next(c for c in overall.changes if c.topic == "forces.size_cap")
    assert cap.move is Move.CHANGED
    assert "600,000 troops → 800,000 troops" in cap.explanation
    europe = plan.steps[0]  # the European text amends the US draft: nothing it kept is dropped
    assert europe.counts.dropped == 0 and europe.counts.changed == 4


@pytest.mark.parametrize("names", [("istanbul-2025-05-16", "istanbul-2025-06-02"),
                                   ("peace-plans-2025-11",)])
def test_a_history_worded_at_once_writes_what_one_worded_when_read_does(names):
    """`history --format json` has every round's rows worded as they are compared (it
    writes them all); the app's history words them when read: the same bytes."""
    from tui.reports.history.json_report import render

    texts = [read_proposal(path).proposal for name in names for path in scenario(name).files]
    assert render(history(texts, words_at_once=True)) == render(history(texts))
