"""The diff engine: each comparator's verdicts and numbers, and the invariants over any input."""

from __future__ import annotations

import contextlib
import json
import math
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diffing import ComparisonError, GapStatus, compare
from diffing.filters import restrict
from proposals import read_string
from proposals.model import Proposal
from tests.strategies import agreement_yaml, parties
from tui.reports.json_report import render as render_json

AGREED, PARTIAL, CONFLICT = GapStatus.AGREED, GapStatus.PARTIAL, GapStatus.CONFLICT
ONE_SIDED, UNCLEAR = GapStatus.ONE_SIDED, GapStatus.UNCLEAR


def proposal(party: str, clauses: str, **header: str) -> Proposal:
    extra = "".join(f"{key}: {value}\n" for key, value in header.items())
    text = f"ceasefire: 1\nparty: {party}\n{extra}clauses:\n" + "".join(
        f"  {line}\n" for line in clauses.strip().splitlines())
    loaded = read_string(text, f"{party}.yaml")
    assert loaded.proposal is not None, [str(p) for p in loaded.problems]
    return loaded.proposal


def row(a: Proposal, b: Proposal, topic: str):
    found = [r for r in compare([a, b]).rows if r.topic == topic]
    assert len(found) == 1
    return found[0]


# --- durations and quantities ----------------------------------------------------------------

def test_duration_conflict_is_measured_in_days_and_as_a_ratio():
    r = row(proposal("Ukraine", "ceasefire.duration: at least 30 days"),
            proposal("Russia", "ceasefire.duration: 2-3 days"), "ceasefire.duration")
    assert r.status is CONFLICT
    assert r.gap["apart"] == 27 * 24
    assert r.gap["ratio"] == 10
    assert r.gap["upper"] == "ukraine" and r.gap["lower"] == "russia"
    assert "27 days apart" in r.explanation and "10×" in r.explanation
    assert 0.5 < r.distance <= 1


def test_overlapping_ranges_are_partial_with_the_zone_both_accept():
    r = row(proposal("A", "humanitarian.prisoner_numbers: at least 1000"),
            proposal("B", "humanitarian.prisoner_numbers: 800-1200"), "humanitarian.prisoner_numbers")
    assert r.status is PARTIAL
    assert r.gap["overlap"] == [1000, 1200]
    assert "1,000–1,200" in r.explanation
    assert 0 < r.distance <= 0.5


def test_equal_ranges_written_differently_agree():
    r = row(proposal("A", "ceasefire.duration: 72 hours"),
            proposal("B", "ceasefire.duration: 3 days"), "ceasefire.duration")
    assert (r.status, r.distance) == (AGREED, 0.0)


def test_indefinite_against_a_fixed_term_is_a_full_conflict():
    r = row(proposal("A", "ceasefire.duration: indefinite"),
            proposal("B", "ceasefire.duration: 30 days"), "ceasefire.duration")
    assert (r.status, r.distance) == (CONFLICT, 1.0)
    assert r.gap["apart"] is None  # infinity has no JSON form


def test_a_floor_contains_indefinite():
    r = row(proposal("A", "ceasefire.duration: indefinite"),
            proposal("B", "ceasefire.duration: at least 30 days"), "ceasefire.duration")
    assert r.status is PARTIAL


def test_custom_quantities_in_different_units_are_unclear():
    a = proposal("A", "x.assets: {kind: quantity, value: 100 billion usd}")
    b = proposal("B", "x.assets: {kind: quantity, value: 100 km}")
    r = row(a, b, "x.assets")
    assert r.status is UNCLEAR and r.distance is None
    assert r.gap["units"] == ["km", "usd"]


# --- sets, choices, dates, sequences, text ------------------------------------------------------

def test_withdrawal_demand_against_none_lists_the_four_regions():
    r = row(proposal("Ukraine", "forces.withdrawal: none"),
            proposal("Russia", "forces.withdrawal: [donetsk, luhansk, zaporizhzhia, kherson]"),
            "forces.withdrawal")
    assert r.status is CONFLICT and r.distance == 1.0
    assert r.gap["apart"] == 4
    assert r.gap["only"]["russia"] == ["donetsk", "kherson", "luhansk", "zaporizhzhia"]
    assert "4 regions apart" in r.explanation


def test_sets_with_a_common_core_are_partial():
    r = row(proposal("A", "ceasefire.domains: [land, air, sea]"),
            proposal("B", "ceasefire.domains: [land, sea, energy]"), "ceasefire.domains")
    assert r.status is PARTIAL
    assert r.gap["common"] == ["land", "sea"]
    assert r.gap["only"] == {"a": ["air"], "b": ["energy"]}
    assert r.distance == pytest.approx(0.5 * (1 - 2 / 4))


def test_sets_agree_regardless_of_order_and_aliases():
    r = row(proposal("A", "ceasefire.domains: [land, air, sea]"),
            proposal("B", "ceasefire.domains: [maritime, airspace, ground]"), "ceasefire.domains")
    assert r.status is AGREED


def test_ordered_choices_are_apart_by_steps():
    r = row(proposal("A", "ceasefire.type: full"), proposal("B", "ceasefire.type: local"),
            "ceasefire.type")
    assert r.status is CONFLICT
    assert (r.gap["steps"], r.gap["scale"]) == (2, 4)  # full → partial → local → pause
    assert "2 steps apart on a scale of 4" in r.explanation
    assert r.distance == pytest.approx(0.5 + 0.5 * 2 / 3, abs=1e-4)
    near = row(proposal("A", "ceasefire.type: full"), proposal("B", "ceasefire.type: partial"),
               "ceasefire.type")
    assert near.distance < r.distance


def test_choice_and_date_gaps_have_the_same_keys_whatever_the_status():
    same = row(proposal("A", "ceasefire.type: full"), proposal("B", "ceasefire.type: full"),
               "ceasefire.type")
    assert same.gap == {"choices": {"a": "full", "b": "full"}, "steps": 0, "scale": 4,
                        "includes": None}
    day = "political.response_deadline: 2025-06-30"
    agreed = row(proposal("A", day), proposal("B", day), "political.response_deadline")
    apart = row(proposal("A", day), proposal("B", "political.response_deadline: 2025-07-15"),
                "political.response_deadline")
    assert set(agreed.gap) == set(apart.gap)
    assert (agreed.gap["earliest"], agreed.gap["latest"]) == (None, None)


def test_dates_are_days_apart():
    r = row(proposal("A", "political.response_deadline: 2025-06-30"),
            proposal("B", "political.response_deadline: 2025-07-15"), "political.response_deadline")
    assert r.status is CONFLICT and r.gap["apart_days"] == 15
    assert r.gap["earliest"] == "a"


def test_sequence_in_another_order_names_the_steps_that_move():
    r = row(proposal("Ukraine", "political.sequence: [ceasefire, memorandum, treaty]"),
            proposal("Russia", "political.sequence: [memorandum, ceasefire, treaty]"),
            "political.sequence")
    assert r.status is PARTIAL
    assert r.gap["moved"] == ["ceasefire", "memorandum"]
    assert "Ukraine puts Ceasefire before Memorandum" in r.explanation


def test_text_differences_are_unclear_with_a_word_diff():
    r = row(proposal("A", "ceasefire.violations: A violation frees the other side."),
            proposal("B", "ceasefire.violations: A violation by one side frees the other side."),
            "ceasefire.violations")
    assert r.status is UNCLEAR
    assert {"op": "insert", "a": "", "b": "by one side"} in r.gap["diff"]
    same = row(proposal("A", "ceasefire.violations: A violation frees  the other side"),
               proposal("B", "ceasefire.violations: a VIOLATION frees the other side."),
               "ceasefire.violations")
    assert same.status is AGREED


# --- silence, vagueness, confidence, agreed texts -------------------------------------------------

def test_silence_is_one_sided_and_unspecified_is_unclear():
    c = compare([proposal("A", "ceasefire.duration: 30 days\nceasefire.areas: unspecified"),
                 proposal("B", "ceasefire.areas: [entire-front]")])
    by_topic = {r.topic: r for r in c.rows}
    assert by_topic["ceasefire.duration"].status is ONE_SIDED
    assert by_topic["ceasefire.duration"].positions["b"] is None
    assert by_topic["ceasefire.duration"].gap == {"addressed_by": ["a"], "silent": ["b"]}
    assert by_topic["ceasefire.areas"].status is UNCLEAR
    assert by_topic["ceasefire.areas"].distance is None


def test_explanations_flag_reported_information():
    r = row(proposal("A", "ceasefire.duration: {value: 30 days, confidence: reported}"),
            proposal("B", "ceasefire.duration: 30 days"), "ceasefire.duration")
    assert "Rests on reported information (A)" in r.explanation


def test_against_an_agreed_text_the_explanation_says_what_was_given_up():
    side = proposal("Ukraine", "humanitarian.prisoner_exchange: all-for-all\n"
                               "ceasefire.duration: 30 days")
    agreed = proposal("Agreed", "humanitarian.prisoner_exchange: by-category", status="agreed")
    c = compare([side, agreed])  # one side against the text: compared directly
    by_topic = {r.topic: r for r in c.rows}
    assert c.reference is None
    assert "Agreed: by-category" in by_topic["humanitarian.prisoner_exchange"].explanation
    assert "Ukraine: all-for-all" in by_topic["humanitarian.prisoner_exchange"].explanation
    assert by_topic["ceasefire.duration"].status is ONE_SIDED


def test_an_agreed_text_beside_two_parties_is_their_reference_not_a_party():
    russia = proposal("Russia", "humanitarian.remains: 6,000 bodies\n"
                                "humanitarian.prisoner_exchange: by-category\n"
                                "ceasefire.duration: 2-3 days")
    ukraine = proposal("Ukraine", "humanitarian.remains: 6,000 bodies\n"
                                  "humanitarian.prisoner_exchange: all-for-all\n"
                                  "ceasefire.duration: at least 30 days")
    agreed = proposal("Agreed", "humanitarian.remains: 6,000 bodies\n"
                                "humanitarian.prisoner_exchange: by-category", status="agreed")
    c = compare([russia, ukraine, agreed])
    by_topic = {r.topic: r for r in c.rows}
    assert c.reference == "agreed"
    duration = by_topic["ceasefire.duration"]  # the agreed text's silence decides nothing
    assert duration.status is CONFLICT and duration.reference.addresses is False
    assert "agreed text" not in duration.explanation
    exchange = by_topic["humanitarian.prisoner_exchange"]
    assert exchange.reference.took == ("russia",)
    assert "The agreed text (Agreed) took the position of Russia: by-category." in exchange.explanation
    remains = by_topic["humanitarian.remains"]
    assert remains.status is AGREED and remains.reference.took == ("russia", "ukraine")
    assert "says the same" in remains.explanation


@pytest.mark.parametrize("vague, silent", [("Alpha", "Zulu"), ("Zulu", "Alpha")])
def test_silence_outranks_vagueness_whatever_the_parties_are_called(vague, silent):
    # The agreed text speaks too, so as many clauses as deciding parties are given.
    c = compare([proposal(vague, "ceasefire.areas: unspecified\nceasefire.type: full"),
                 proposal(silent, "ceasefire.type: full"),
                 proposal("Outcome", "ceasefire.areas: [entire-front]", status="agreed")])
    areas = next(r for r in c.rows if r.topic == "ceasefire.areas")
    assert areas.status is ONE_SIDED
    assert areas.gap["silent"] == [silent.lower()]


def test_agreement_index_averages_measured_rows_only():
    c = compare([proposal("A", "ceasefire.type: full\nceasefire.duration: 30 days\n"
                               "forces.withdrawal: none"),
                 proposal("B", "ceasefire.type: full\nceasefire.duration: unspecified")])
    assert c.summary.measured == 1
    assert c.summary.agreement_index == 1.0
    assert (c.summary.agreed, c.summary.unclear, c.summary.one_sided) == (1, 1, 1)


# --- custom topics ------------------------------------------------------------------------------

def test_renamed_custom_topic_is_one_row_with_its_confidence():
    a = proposal("A", "x.nuclear_plant: {kind: text, value: IAEA supervision of the plant}")
    b = proposal("B", "x.zaporizhzhia_npp: {kind: text, label: Nuclear plant, "
                      "value: IAEA supervision of the plant}")
    c = compare([a, b])
    assert len(c.rows) == 1
    r = c.rows[0]
    assert r.status is AGREED
    assert r.alignment is not None
    assert r.alignment.keys == {"a": "x.nuclear_plant", "b": "x.zaporizhzhia_npp"}
    assert 0.5 <= r.alignment.confidence <= 1


def test_unrelated_custom_topics_stay_apart():
    a = proposal("A", "x.nuclear_plant: {kind: text, value: IAEA supervision}")
    b = proposal("B", "x.grain_corridor: {kind: text, value: Ships leave Odesa}")
    assert [r.status for r in compare([a, b]).rows] == [ONE_SIDED, ONE_SIDED]


# --- three parties, baseline, errors, filters ----------------------------------------------------

def test_three_parties_give_a_row_status_and_a_pairwise_matrix():
    c = compare([proposal("US", "forces.size_cap: 600000"),
                 proposal("Europe", "forces.size_cap: 800000"),
                 proposal("Ukraine", "forces.size_cap: 800000")])
    assert c.rows[0].status is CONFLICT
    pairs = {pair.parties: pair for pair in c.pairs}
    assert set(pairs) == {("europe", "ukraine"), ("europe", "us"), ("ukraine", "us")}
    assert pairs[("europe", "ukraine")].rows[0].status is AGREED
    assert pairs[("europe", "us")].rows[0].status is CONFLICT


def test_baseline_pairs_every_party_with_one():
    ps = [proposal("US", "forces.size_cap: 600000"), proposal("Europe", "forces.size_cap: 800000"),
          proposal("Ukraine", "forces.size_cap: 800000")]
    c = compare(ps, baseline="ukraine")
    assert [pair.parties for pair in c.pairs] == [("ukraine", "europe"), ("ukraine", "us")]


def test_two_parties_are_one_pair_row_for_row_with_a_baseline_or_without():
    """Scripts read `pairs` one way: two parties are one pair, each pair row its row."""
    ps = [proposal("US", "forces.size_cap: 600000\nceasefire.type: full"),
          proposal("Europe", "forces.size_cap: 800000")]
    for baseline, parties in ((None, ("europe", "us")), ("us", ("us", "europe"))):
        c = compare(ps, baseline=baseline)
        [pair] = c.pairs
        assert pair.parties == parties and pair.summary == c.summary
        assert [(r.id, r.status, r.distance, r.explanation) for r in pair.rows] == \
            [(r.id, r.status, r.distance, r.explanation) for r in c.rows]
        assert c.shown_pairs == (pair,) if baseline else c.shown_pairs == ()


def test_every_pair_row_carries_its_words_however_many_parties():
    """Three parties make three pairs, four make six: each pair row says its verdict in
    words naming the two alone, so a script reads every pair the same way."""
    sizes = [proposal(name, f"forces.size_cap: {size}") for name, size in (
        ("US", 600000), ("Europe", 800000), ("Ukraine", 800000), ("Russia", 0))]
    three = {pair.parties: pair.rows[0] for pair in compare(sizes[:3]).pairs}
    assert three[("europe", "ukraine")].explanation == "Both say 800,000 troops."
    assert three[("europe", "us")].explanation.startswith(
        "US: 600,000 troops; Europe: 800,000 troops. No overlap")
    four = {pair.parties: pair.rows[0] for pair in compare(sizes).pairs}
    assert len(four) == 6
    assert four[("russia", "ukraine")].explanation.startswith(
        "Ukraine: 800,000 troops; Russia: 0 troops.")  # in the columns' order
    assert four[("europe", "ukraine")].explanation == "Both say 800,000 troops."
    assert all(row.explanation for pair in compare(sizes, baseline="us").pairs
               for row in pair.rows)


@pytest.mark.parametrize("ids, baseline, message", [
    (["a"], None, "at least two"),
    (["a", "a"], None, "id 'a'"),
    (["a", "b"], "c", "no party has the id 'c'"),
])
def test_impossible_comparisons_are_refused(ids, baseline, message):
    with pytest.raises(ComparisonError, match=message):
        compare([proposal(i, "ceasefire.type: full", id=i) for i in ids], baseline=baseline)


def test_restrict_keeps_statuses_and_topics_and_summarises_what_is_shown():
    c = compare([proposal("A", "ceasefire.type: full\nceasefire.duration: 30 days\n"
                               "humanitarian.remains: 6000"),
                 proposal("B", "ceasefire.type: local\nceasefire.duration: 30 days\n"
                               "humanitarian.remains: 6000")])
    only = restrict(c, [CONFLICT])
    assert [r.topic for r in only.rows] == ["ceasefire.type"]
    assert only.summary.topics == 1 and only.summary.conflict == 1
    assert [r.topic for r in restrict(c, topics=["humanitarian.*"]).rows] == ["humanitarian.remains"]
    assert [r.topic for r in restrict(c, topics=["duration"]).rows] == ["ceasefire.duration"]


# --- invariants over any valid input ---------------------------------------------------------------

PROPERTIES = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _gap(gap: dict) -> str:
    """A gap without its order: parties listed in the columns' order, keys in any."""
    def unordered(value):
        if isinstance(value, dict):
            return {k: unordered(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return sorted((unordered(v) for v in value), key=repr)
        return value
    return json.dumps(unordered({k: v for k, v in gap.items() if k not in ("diff", "from", "to")}),
                      sort_keys=True, default=str)


def _essence(comparison):
    """Everything but presentation order: statuses, distances, gaps, summary, and the words
    of the explanations (which name the parties in the columns' order, as a text's word
    diff runs from the first column to the second)."""
    rows = sorted((r.id, r.status, r.distance, _gap(r.gap), sorted(re.findall(r"\w+", r.explanation)),
                   tuple(sorted(r.positions))) for r in comparison.rows)
    pairs = sorted((p.parties, p.summary, tuple((r.id, r.status, r.distance) for r in p.rows))
                   for p in comparison.pairs)
    return rows, pairs, comparison.summary


@PROPERTIES
@given(parties(1))
def test_a_proposal_compared_with_itself_only_agrees(ps):
    twin = replace(ps[0], id="twin", party="Twin")
    c = compare([ps[0], twin])
    for r in c.rows:  # terms both leave open (`unspecified`) included: the same position
        assert r.status is AGREED, r
        open_terms = any(p.value.form == "unspecified" for p in r.positions.values() if p)
        assert r.distance == (None if open_terms else 0.0)
    if c.summary.measured:
        assert c.summary.agreement_index == 1.0
    assert not c.has_gaps


@PROPERTIES
@given(parties(2))
def test_two_party_results_are_symmetric(ps):
    assert _essence(compare(ps)) == _essence(compare(ps[::-1]))


@PROPERTIES
@given(parties(3), st.permutations(range(3)))
def test_n_party_results_do_not_depend_on_file_order(ps, order):
    assert _essence(compare(ps)) == _essence(compare([ps[i] for i in order]))


@PROPERTIES
@given(parties(3))
def test_output_is_deterministic_and_distances_match_statuses(ps):
    first, second = compare(ps), compare(ps)
    assert render_json(first) == render_json(second)
    for r in first.rows:
        if r.distance is not None:
            assert 0 <= r.distance <= 1 and not math.isnan(r.distance)
        if r.status is AGREED:
            assert r.distance in (0, None)  # None: both leave the terms open, nothing measured
        elif r.status is PARTIAL:
            assert 0 < r.distance <= 0.5
        elif r.status is CONFLICT:
            assert 0.5 < r.distance <= 1
        assert r.explanation


# --- invariants over agreements with actors, times, conditions, phases, options, readings ---------

def _loaded(text: str, name: str) -> Proposal:
    loaded = read_string(text, f"{name}.yaml")
    assert loaded.proposal is not None, [str(p) for p in loaded.problems]
    return loaded.proposal


@st.composite
def agreements(draw, count: int) -> list[Proposal]:
    names = ["Mediator", "Israel plan", "Hamas plan"][:count]
    return [_loaded(draw(agreement_yaml(name)), name) for name in names]


@PROPERTIES
@given(st.data())
def test_an_agreement_compared_with_itself_only_agrees(data):
    text = data.draw(agreement_yaml("Mediator"))
    c = compare([_loaded(text, "a"), _loaded(text.replace("party: Mediator", "party: Twin"), "b")])
    assert [r.id for r in c.rows if r.status is not AGREED] == []
    assert all(s.summary.agreement_index in (None,) or s.shown is False or
               s.summary.agreement_index == 1.0 for s in c.options)


@PROPERTIES
@given(agreements(3), st.permutations(range(3)))
def test_agreements_do_not_depend_on_file_order(ps, order):
    assert _essence(compare(ps)) == _essence(compare([ps[i] for i in order]))


@PROPERTIES
@given(agreements(2))
def test_a_position_on_a_row_obliges_the_rows_party_or_names_nobody(ps):
    c = compare(ps)
    sides = {"israel", "hamas", "mediator", "israel-plan"}
    for r in c.rows:
        for position in r.positions.values():
            if position is None or r.actor is None:
                continue
            named = set(position.by) or (sides if position.mutual else set())
            assert not named or r.actor in named, (r.id, position.by, position.mutual)


@PROPERTIES
@given(agreements(2))
def test_differing_conditions_or_times_are_never_agreed(ps):
    for r in compare(ps).rows:
        given_ = [p for p in r.positions.values() if p is not None]
        if len(given_) < 2 or r.status is not AGREED:
            continue
        a, b = given_
        assert {c.key for c in a.conditions} == {c.key for c in b.conditions}, r.id
        assert (a.when is None) == (b.when is None), r.id


@PROPERTIES
@given(agreements(3))
def test_verdicts_on_agreements_stay_in_their_bands(ps):
    for r in compare(ps).rows:
        if r.status is AGREED:
            assert r.distance in (0, None)
        elif r.status is PARTIAL:
            assert 0 < r.distance <= 0.5, r
        elif r.status is CONFLICT:
            assert 0.5 < r.distance <= 1, r


@PROPERTIES
@given(st.one_of(agreements(3), parties(3)))
def test_each_pair_row_says_what_the_two_parties_alone_give(ps):
    """A pair row's status, distance and words are those of `compare` on its two parties
    alone (in the columns' order), on every row the two alone line up alike (phases shared
    by two of them, not by the third, are compared one by one only between the two)."""
    c = compare(ps)
    for pair in c.pairs:
        alone = compare([p for p in ps if p.id in pair.parties])
        for pair_row in pair.rows:
            row = alone.row(pair_row.id)
            if row is not None:
                assert (pair_row.status, pair_row.distance, pair_row.explanation) == \
                    (row.status, row.distance, row.explanation), pair_row.id


def _sides_judge_alike(ps: list[Proposal]) -> None:
    """The pairwise matrix makes each party's side once a row (`sides`) and judges a pair
    by them (`valued`) when both are among them: that is `judge` of the pair, the three
    and any group; a party outside them leaves the group to `judge`."""
    from itertools import combinations

    from diffing.engine import Table, chosen_options, scope
    from diffing.verdict import judge, sides, valued

    chosen = chosen_options(ps, None)
    table = Table.of(ps, {p.id: scope(p, chosen[p.id]) for p in ps})
    for line in table.lines():
        made = sides(line, table.parties)
        for size in (2, 3):
            for group in combinations(table.parties, size):
                if all(p.id in made for p in group):
                    assert valued(line, [made[p.id] for p in group]) == judge(
                        line, group, table.timelines, table.names).outcome, line.id


@PROPERTIES
@given(st.one_of(agreements(3), parties(3)))
def test_sides_made_once_a_row_give_every_group_its_verdict(ps):
    _sides_judge_alike(ps)


def test_sides_of_a_row_whose_parties_declare_two_kinds_leave_it_to_judge():
    declared = {"a": "quantity, value: 5 km", "b": "text, value: five", "c": "text, value: 5"}
    _sides_judge_alike([_loaded(f"ceasefire: 1\nparty: {name.upper()}\nid: {name}\nclauses:\n"
                                f"  x.span: {{kind: {said}}}\n", name)
                        for name, said in declared.items()])


@PROPERTIES
@given(st.one_of(agreements(3), parties(3)))
def test_the_verdict_without_words_is_the_verdict_with_them(ps):
    """Option scores and history's moves use the unworded verdict: it must say what the
    rows say."""
    from diffing.engine import Table, chosen_options, scope
    from diffing.table import deciding
    from diffing.verdict import assess, judge

    chosen = chosen_options(ps, None)
    table = Table.of(ps, {p.id: scope(p, chosen[p.id]) for p in ps})
    for line in table.lines():
        outcome = judge(line, deciding(line, table), table.timelines, table.names).outcome
        assert assess(line, deciding(line, table), table.timelines) == (
            outcome.status, outcome.distance), line.id


CACHED = (("diffing.align", "_words"),
          ("diffing.comparators.texts", "_middle"), ("diffing.comparators.dates", "_calendar_day"))
"""The engine's caches of pure work (keyed on every argument): label words, text matches,
calendar days."""


@PROPERTIES
@given(st.one_of(agreements(2), agreements(3), parties(2), parties(3)))
def test_cached_work_gives_what_working_it_out_afresh_gives(ps):
    """A comparison served from the caches (warm, the second time) is byte for byte the one
    worked out with every cache bypassed."""
    import importlib
    from unittest import mock

    cached = render_json(compare(ps))
    assert render_json(compare(ps)) == cached
    with contextlib.ExitStack() as stack:
        for module, name in CACHED:
            function = getattr(importlib.import_module(module), name)
            stack.enter_context(mock.patch(f"{module}.{name}", function.__wrapped__))
        assert render_json(compare(ps)) == cached


@pytest.mark.parametrize("key", ["x.point_2", "x.point_10", "x.a1b22c3", "x.plain", "x.٣4",
                                 "x.12", "x.point_002"])
def test_a_natural_key_counts_the_numbers_in_it(key):
    from diffing.align import natural

    assert natural(key) == tuple(int(part) if index % 2 else part
                                 for index, part in enumerate(re.split(r"(\d+)", key)))


# --- words made when first read (`diffing.result.Deferred`) --------------------------------------


def _words_alike_at_once(ps: list[Proposal]) -> None:
    """A row two parties decide by their values alone is measured by `compare` and worded
    when first read. Its words and gap are, byte for byte, those of judging every row whole
    at once (`words_at_once`, as reports ask), whichever is read first: the rows, or the
    pairs (the one pair of two parties is worded from the rows)."""
    at_once = compare(ps, words_at_once=True)
    pairs_first = compare(ps)
    pair_words = [(r.explanation,) for pair in pairs_first.pairs for r in pair.rows]
    assert render_json(pairs_first) == render_json(at_once)
    rows_first = compare(ps)
    row_words = [(r.explanation, r.gap) for r in rows_first.rows]
    assert row_words == [(r.explanation, r.gap) for r in at_once.rows]
    assert pair_words == [(r.explanation,) for pair in at_once.pairs for r in pair.rows]
    assert rows_first == at_once


@PROPERTIES
@given(st.one_of(agreements(2), agreements(3), parties(2), parties(3)))
def test_words_made_when_read_are_those_judging_every_row_at_once_gives(ps):
    _words_alike_at_once(ps)


@pytest.mark.parametrize("name", ["istanbul-2025-05-16", "istanbul-2025-06-02",
                                  "minsk-2015-02-12", "peace-plans-2025-11"])
def test_the_examples_words_made_when_read_are_those_made_at_once(name):
    """The bundled texts: an agreed text beside the parties (its words on every row), three
    parties' pairs, reported and disputed sources."""
    from diffing.rounds import arrange
    from proposals import load_proposal
    from proposals.examples import scenario

    _words_alike_at_once(arrange([load_proposal(path) for path in scenario(name).files]).proposals)


def _texts(party: str, count: int) -> Proposal:
    return proposal(party, "\n".join(
        f"x.point_{i}: {{kind: text, value: {party} point {i} text}}" for i in range(count)))


def test_a_comparison_words_a_row_only_when_it_is_read(monkeypatch):
    """The app shows a few dozen rows' words at a time and a script may want statuses alone:
    neither pays for the words of ten thousand rows. Reading one field of a row makes its
    words once; a report reads (and makes) them all."""
    from diffing.comparators import COMPARATORS
    from proposals.model import Kind

    worded = []
    texts = COMPARATORS[Kind.TEXT]
    original = type(texts).compare
    monkeypatch.setattr(type(texts), "compare",
                        lambda self, topic, sides: worded.append(topic.key) or original(
                            self, topic, sides))
    c = compare([_texts("A", 40), _texts("B", 40)])
    assert [(r.status, r.distance) for r in c.rows] == [(UNCLEAR, 0.25)] * 40
    assert worded == []
    assert c.rows[3].explanation.startswith("Worded differently (75% of the words match)")
    assert worded == ["x.point_3"]
    assert not hasattr(c.rows[5], "explanations")  # a slip is no field: nothing is made
    assert worded == ["x.point_3"]
    assert c.rows[3].gap["similarity"] == 0.75
    assert c.pairs[0].rows[3].explanation == c.rows[3].explanation
    assert worded == ["x.point_3"]
    render_json(c)
    assert sorted(worded) == sorted(f"x.point_{i}" for i in range(40))


def test_a_row_whose_words_are_not_made_yet_behaves_as_any_other():
    """Copies, equality and missing attributes: a deferred row is like any record."""
    c = compare([_texts("A", 3), _texts("B", 3)])
    eager = compare([_texts("A", 3), _texts("B", 3)])
    [r.explanation for r in eager.rows]
    assert c.rows[0] == eager.rows[0]
    copied = replace(c.rows[1], label="renamed")
    assert copied.explanation == eager.rows[1].explanation and copied.label == "renamed"
    assert not hasattr(c.rows[2], "explanations")
    assert repr(c.rows[2]) == repr(eager.rows[2])


def test_a_failure_while_making_the_words_is_not_mistaken_for_a_missing_field():
    from diffing.result import GapStatus as Status
    from diffing.result import PairRow, defer

    def broken(record: PairRow) -> dict[str, str]:
        raise AttributeError("a bug inside the engine")

    pair_row = defer(PairRow(id="t", status=Status.AGREED, distance=0.0, explanation=""), broken)
    with pytest.raises(RuntimeError, match="PairRow.explanation"):
        pair_row.explanation
