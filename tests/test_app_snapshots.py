"""What the screen shows, as SVG snapshots at 80x24 and 160x45 (the phased comparison, its
timeline and the options at 80x24 and 120x35).

Nothing here depends on time: file watching and the cursor blink are off, the example
files are named by scenario, and no notification is on screen when the picture is taken.
Update after an intended change with `pytest tests/test_app_snapshots.py --snapshot-update`
and look at the SVGs (tests/__snapshots__/) before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tui.app.app import CeasefireApp
from tui.inputs import Source

SIZES = {"80x24": (80, 24), "160x45": (160, 45)}
PHASED_SIZES = {"80x24": (80, 24), "120x35": (120, 35)}


FIXTURES = Path(__file__).parent / "fixtures"


def app_for(scenario: str, *names: str, root: Path = EXAMPLES) -> CeasefireApp:
    folder = root / scenario
    files = [folder / name for name in names] or sorted(folder.glob("*.yaml"))
    return CeasefireApp([Source(path, f"{scenario}/{path.name}") for path in files],
                        watch=False, blink=False)


def istanbul() -> CeasefireApp:
    return app_for("istanbul-2025-06-02", "ukraine.yaml", "russia.yaml")


async def _dismiss_notifications(pilot) -> None:
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, size):
    assert snap_compare(istanbul(), terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_filtered_to_conflicts(snap_compare, size):
    assert snap_compare(istanbul(), press=["f", "f"], terminal_size=SIZES[size],
                        run_before=_dismiss_notifications)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, size):
    assert snap_compare(istanbul(), press=["question_mark"], terminal_size=SIZES[size])


def _select(row: str, *keys: str):
    """Select a row by its id, then press `keys`."""
    async def run_before(pilot) -> None:
        from tui.app.messages import RowChosen

        pilot.app.post_message(RowChosen(row))
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


# One topic per picture kind: ranges on an axis, a membership grid, two orders side by
# side, dates on an axis, a choice scale, and a word diff.
PICTURES = {
    "span": (istanbul, "ceasefire.duration"),
    "set": (istanbul, "forces.withdrawal@ukraine"),
    "sequence": (istanbul, "political.sequence"),
    "choice": (istanbul, "ceasefire.type"),
    "quantity-three-parties": (lambda: app_for("peace-plans-2025-11"),
                               "forces.size_cap@ukraine"),
    "date": (lambda: app_for("pictures", root=FIXTURES), "political.response_deadline"),
    "text": (lambda: app_for("pictures", root=FIXTURES), "ceasefire.violations"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", PICTURES)
def test_detail_pane_pictures(snap_compare, kind, size):
    factory, topic = PICTURES[kind]
    assert snap_compare(factory(), terminal_size=SIZES[size], run_before=_select(topic))


def phased() -> CeasefireApp:
    return app_for("phased", "mediators.yaml", "israel.yaml", root=FIXTURES)


# Rows of one topic for each actor and phase, under the topic's heading; the selected row's
# clauses with their times, conditions and the verdict by aspect.
@pytest.mark.parametrize("size", PHASED_SIZES)
def test_phased_obligations(snap_compare, size):
    assert snap_compare(phased(), terminal_size=PHASED_SIZES[size],
                        run_before=_select("humanitarian.prisoner_numbers@israel#first"))


@pytest.mark.parametrize("size", PHASED_SIZES)
def test_timeline_view(snap_compare, size):
    assert snap_compare(phased(), terminal_size=PHASED_SIZES[size],
                        run_before=_select("forces.withdrawal@israel#first", "t"))


def test_timeline_view_ends_with_what_is_undated(snap_compare):
    assert snap_compare(phased(), terminal_size=PHASED_SIZES["80x24"],
                        run_before=_select("forces.withdrawal@israel#first", "t", "end"))


@pytest.mark.parametrize("size", PHASED_SIZES)
def test_options_screen(snap_compare, size):
    assert snap_compare(istanbul(), press=["o"], terminal_size=PHASED_SIZES[size])


# Two rounds of Istanbul: the round shown in the masthead with every round's index, the
# cells each new text changed marked, and the detail pane's moves and round-by-round table.
ROUND_SIZES = {"80x24": (80, 24), "120x35": (120, 35)}


def two_rounds() -> CeasefireApp:
    return CeasefireApp([Source(path, f"{scenario}/{path.name}")
                         for scenario in ("istanbul-2025-05-16", "istanbul-2025-06-02")
                         for path in sorted((EXAMPLES / scenario).glob("*.yaml"))],
                        watch=False, blink=False)


@pytest.mark.parametrize("size", ROUND_SIZES)
def test_rounds_latest_with_a_changed_row(snap_compare, size):
    assert snap_compare(two_rounds(), terminal_size=ROUND_SIZES[size],
                        run_before=_select("ceasefire.preconditions"))


@pytest.mark.parametrize("size", ROUND_SIZES)
def test_rounds_stepped_back_to_the_first(snap_compare, size):
    assert snap_compare(two_rounds(), terminal_size=ROUND_SIZES[size],
                        run_before=_select("ceasefire.preconditions", "left_square_bracket"))


# The peace plans sorted by distance (the topic list in that order under one title, the
# masthead saying so), and `y`'s menu on a clause with a quote.
@pytest.mark.parametrize("size", PHASED_SIZES)
def test_sorted_by_distance(snap_compare, size):
    async def run_before(pilot) -> None:
        await pilot.press("s")
        await _dismiss_notifications(pilot)

    assert snap_compare(app_for("peace-plans-2025-11"), terminal_size=PHASED_SIZES[size],
                        run_before=run_before)


def test_copy_menu(snap_compare):
    assert snap_compare(istanbul(), terminal_size=(80, 24),
                        run_before=_select("humanitarian.children", "y"))
