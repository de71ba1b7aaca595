"""Verdicts an analyst can trust (issue 10): each case pins what the old engine said wrong,
with the numbers it said, and what it says now."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from diffing import GapStatus, compare
from diffing.rounds import arrange
from proposals.examples import scenario
from proposals.loader import read_proposal, read_string
from proposals.model import Proposal

AGREED, PARTIAL, CONFLICT = GapStatus.AGREED, GapStatus.PARTIAL, GapStatus.CONFLICT
ONE_SIDED, UNCLEAR = GapStatus.ONE_SIDED, GapStatus.UNCLEAR
ROOT = Path(__file__).resolve().parents[1]


def proposal(party: str, clauses: str, version: int = 2) -> Proposal:
    loaded = read_string(f"ceasefire: {version}\nparty: {party}\nclauses:\n" + "".join(
        f"  {line}\n" for line in clauses.strip().splitlines()), f"{party}.yaml")
    assert loaded.proposal is not None, [str(p) for p in loaded.problems]
    return loaded.proposal


def the_row(*proposals: Proposal, topic: str):
    [row] = [r for r in compare(list(proposals)).rows if r.topic == topic]
    return row


def refusal(party: str, clauses: str) -> str:
    loaded = read_string(f"ceasefire: 2\nparty: {party}\nclauses:\n  {clauses}\n", "p.yaml")
    assert loaded.proposal is None
    return loaded.problems[0].message


# --- units --------------------------------------------------------------------------------------

def test_metres_are_converted_and_never_read_as_millions():
    # Was: '700 m' read as 700 million km, "A's lowest is 1,000,000,000× B's highest".
    assert "'m' could mean metres or million" in refusal(
        "A", "forces.withdrawal_distance: 700 m")
    assert "'m' could mean metres or million" in refusal("A", "forces.withdrawal_distance: 700m")
    row = the_row(proposal("A", "forces.withdrawal_distance: 700 metres"),
                  proposal("B", "forces.withdrawal_distance: 0.7 km"),
                  topic="forces.withdrawal_distance")
    assert row.status is AGREED
    assert "1,000,000,000×" not in row.explanation


def test_free_text_is_never_a_unit_of_a_custom_quantity():
    # Was: accepted with the unit 'or 1,000 2,000 rising to 6,000'.
    message = refusal("A", "x.aid: {kind: quantity, value: 'at least 5,000 or 1,000-2,000 "
                           "rising to 6,000'}")
    assert "holds more than one number" in message


def test_rates_are_compared_with_their_denominators():
    per_day = proposal("A", "x.trucks: {kind: quantity, unit: trucks per day, "
                            "value: 600 trucks a day}")
    per_week = proposal("B", "x.trucks: {kind: quantity, unit: trucks per day, "
                             "value: '4,200 trucks per week'}")
    assert the_row(per_day, per_week, topic="x.trucks").status is AGREED
    ratio = proposal("C", "x.ratio: {kind: quantity, unit: prisoners per hostage, value: 30}")
    other = proposal("D", "x.ratio: {kind: quantity, unit: prisoners per soldier, value: 30}")
    row = the_row(ratio, other, topic="x.ratio")
    assert row.status is UNCLEAR and "different units" in row.explanation


# --- dates --------------------------------------------------------------------------------------

def test_a_date_and_a_date_time_on_that_day_are_agreed():
    # Was: CONFLICT, "0.39 days apart".
    row = the_row(proposal("A", "ceasefire.effective: 2025-06-02"),
                  proposal("B", "ceasefire.effective: 2025-06-02T10:00+03:00"),
                  topic="ceasefire.effective")
    assert (row.status, row.distance) == (AGREED, 0.0)
    assert "0.39" not in row.explanation and "same day" in row.explanation


# --- containment ----------------------------------------------------------------------------------

def test_one_set_inside_another_is_partial_and_says_what_lies_outside():
    # Was: "Nothing in common" whenever the words differed, though one ask held the other.
    narrow = proposal("Russia", "humanitarian.prisoner_categories: [civilians]")
    wide = proposal("Ukraine", "humanitarian.prisoner_categories: [all-pows, civilians]")
    row = the_row(narrow, wide, topic="humanitarian.prisoner_categories")
    assert row.status is PARTIAL and row.gap["includes"] == "ukraine"
    assert "Ukraine's ask includes all of the other's; beyond it:" in row.explanation


# --- the agreed text, three parties, identical files -------------------------------------------------

def istanbul():
    return compare([read_proposal(path).proposal for path in scenario("istanbul-2025-06-02").files])


def test_the_agreed_text_is_a_reference_and_adds_no_sentence_where_it_is_silent():
    # Was: "Left out of the agreed text" on every row it did not address.
    comparison = istanbul()
    assert comparison.reference == "agreed"
    assert not any("Left out of the agreed text" in row.explanation for row in comparison.rows)
    remains = comparison.row("humanitarian.remains@russia")
    assert remains.reference.took == ("russia",)
    assert "took the position of Russia: 6,000 bodies" in remains.explanation


def test_three_plans_two_of_which_say_the_same_are_not_one_sided():
    # Was: 17 of 20 topics one-sided; "Line of contact: both choose current-line" one-sided.
    # The three are drafts of one text now (one id): compared as its versions, in order.
    drafts = arrange([read_proposal(p).proposal for p in scenario("peace-plans-2025-11").files])
    plans = compare(drafts.proposals, versions_of=drafts.versions_of)
    line = plans.row("forces.line_of_contact")
    assert line.status is AGREED and line.silent == ("peace-plan-3",)
    assert line.explanation.startswith("2 of 3 address this (US-Ukraine 20-point plan silent).")
    assert plans.summary.one_sided < 17
    cap = plans.row("forces.size_cap@ukraine")
    assert "2 of 3 agree: European counter-proposal and US-Ukraine 20-point plan, 800,000" \
        in cap.explanation


def test_a_proposal_compared_with_itself_is_all_agreed_and_exits_0():
    # Was: exit 1, 'unclear' for a topic both leave unspecified.
    ukraine = ROOT / "proposals" / "examples" / "istanbul-2025-06-02" / "ukraine.yaml"
    russia = ROOT / "proposals" / "examples" / "istanbul-2025-06-02" / "russia.yaml"
    for path in (ukraine, russia):
        done = subprocess.run([sys.executable, "-m", "tui", "diff", str(path), str(path),
                               "--format", "text"], capture_output=True, text=True, cwd=ROOT)
        assert done.returncode == 0, done.stdout[-2000:]
    row = the_row(proposal("A", "ceasefire.areas: unspecified"),
                  proposal("B", "ceasefire.areas: unspecified"), topic="ceasefire.areas")
    assert (row.status, row.distance) == (AGREED, None)
    assert row.explanation == "Both leave the terms open (unspecified)."


# --- small things -----------------------------------------------------------------------------------

def test_a_one_sided_text_ending_in_a_full_stop_reads_with_one():
    # Was: "…war damage.. Ukraine is silent".
    row = the_row(proposal("A", "political.claims: Mutual waiver of claims for war damage."),
                  proposal("B", "ceasefire.type: full"), topic="political.claims")
    assert "war damage. B is silent." in row.explanation and ".." not in row.explanation


@pytest.mark.parametrize("name, key", [("Україна", "україна"), ("Россия", "россия"),
                                       ("日本", "日本")])
def test_a_party_named_in_another_script_keeps_its_letters_as_its_id(name, key):
    # Was: 'party', 'party-2'.
    assert proposal(name, "ceasefire.type: full").id == key


# --- explanations name the parties in the columns' order ------------------------------------------

@pytest.mark.parametrize("order", [("ukraine", "russia"), ("russia", "ukraine")])
def test_explanations_name_the_parties_in_the_columns_order(order):
    # Was: always Russia first (by id, or by the shorter duration) whatever the columns.
    by_id = {p.id: p for p in (read_proposal(path).proposal
                               for path in scenario("istanbul-2025-06-02").files)}
    comparison = compare([by_id[party] for party in order])
    first, second = (by_id[party].party for party in order)
    for topic in ("ceasefire.type", "ceasefire.duration", "forces.withdrawal@ukraine"):
        said = comparison.row(topic).explanation
        assert said.index(f"{first}: ") < said.index(f"{second}: "), (topic, said)


def test_a_word_diff_runs_from_the_first_column_to_the_second_at_the_same_distance():
    a = proposal("Alpha", "x.note: {kind: text, value: the parties withdraw heavy weapons at once}")
    b = proposal("Beta", "x.note: {kind: text, value: both sides pull back all heavy weapons}")
    ab, ba = the_row(a, b, topic="x.note"), the_row(b, a, topic="x.note")
    assert (ab.gap["from"], ba.gap["from"]) == ("alpha", "beta")
    assert ab.distance == ba.distance and ab.gap["similarity"] == ba.gap["similarity"]
    removed = " ".join(e["a"] for e in ab.gap["diff"] if e["op"] != "equal")
    assert "the parties withdraw" in removed and "at once" in removed
    assert [(e["a"], e["b"]) for e in ba.gap["diff"]] == [(e["b"], e["a"]) for e in ab.gap["diff"]]
