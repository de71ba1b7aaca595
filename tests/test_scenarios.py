"""What the bundled scenarios must show an analyst (issue 9's "done when"), read from the
comparison the reports and the app are drawn from."""

from __future__ import annotations

import pytest

from diffing import GapStatus, compare
from proposals.examples import scenario
from proposals.loader import read_proposal


def comparison_of(name: str, **options):
    return compare([read_proposal(path).proposal for path in scenario(name).files], **options)


@pytest.fixture(scope="module")
def minsk():
    return comparison_of("minsk-2015-02-12")


def test_minsk_the_sequence_dispute_is_found_from_the_times(minsk):
    row = minsk.row("political.sequence")
    assert row is not None and row.status is GapStatus.PARTIAL
    assert {p.derived for p in row.positions.values() if p} == {"timeline"}  # nobody wrote a list
    assert {"border-control", "elections", "foreign-withdrawal"} <= set(row.gap["moved"])
    assert ("Ukraine's reading puts State control of the border before Elections, "
            "Russia's reading after") in row.explanation
    assert "Russia's reading puts Elections before Withdrawal of foreign forces, " \
        "Ukraine's reading after" in row.explanation


def test_minsk_heavy_weapons_are_two_obligations_each_side_its_own_line(minsk):
    weapons = [minsk.row(f"forces.heavy_weapons@{side}") for side in ("ukraine", "certain-areas")]
    lines = [minsk.row(f"forces.pullback_line@{side}") for side in ("ukraine", "certain-areas")]
    assert all(row is not None for row in weapons + lines)
    assert [row.actor_name for row in weapons] == ["Ukraine", "Certain areas"]
    agreed_text = [row.positions["package"] for row in lines]
    assert [p.text for p in agreed_text] == [
        "The de facto line of contact.",
        "The line of the Minsk Memorandum of 19 September 2014."]
    assert all(row.positions["package"].by for row in weapons)  # the text binds each side


def test_minsk_deadlines_stand_on_one_timeline(minsk):
    events = {e.topic: e for e in minsk.timelines["package"] if e.topic}
    weapons = events["forces.heavy_weapons"]
    assert (weapons.root, weapons.low, weapons.high) == ("start", 2, 16)
    exchange = events["humanitarian.prisoner_exchange"]
    assert (exchange.low > 16, exchange.high) == (True, 21)
    assert round(events["political.constitutional_reform"].high) == 319  # by 2015-12-31
    assert minsk.actors["certain-areas"] == "Certain areas"


def test_minsk_the_steinmeier_formula_is_compared_phase_by_phase(minsk):
    assert minsk.phasing.mode == "by-id"
    provisional = minsk.row("political.special_status@ukraine#provisional")
    permanent = minsk.row("political.special_status@ukraine#permanent")
    assert provisional.status is GapStatus.CONFLICT
    assert provisional.positions["steinmeier"].text == "provisional-law"
    assert permanent.positions["steinmeier"].text == "permanent-law"


def test_istanbul_says_which_of_russias_options_is_closer_and_why():
    comparison = comparison_of("istanbul-2025-06-02")
    scores = {s.option: s for s in comparison.options if s.party == "russia"}
    assert set(scores) == {"option-1", "option-2"}
    [closest] = [s for s in scores.values() if s.closest]
    other = next(s for s in scores.values() if not s.closest)
    assert closest.summary.agreement_index > other.summary.agreement_index
    differing = [row_id for row_id in other.rows
                 if closest.rows.get(row_id) is None
                 or closest.rows[row_id].status is not other.rows[row_id].status]
    assert "forces.redeployment@ukraine" in differing  # option 2 bans it; Ukraine allows it
    shown = comparison_of("istanbul-2025-06-02", options={"russia": "option-2"})
    assert shown.party("russia").option == "option-2"
    assert shown.row("forces.redeployment@ukraine").status is GapStatus.CONFLICT
