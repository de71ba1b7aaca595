"""Three parties or more: the pairs view (`p`) and a baseline (`b`) that re-bases the grid,
each read from the engine's pairs, the same as `ceasefire diff --baseline` prints."""

from __future__ import annotations

import json

import pytest
from textual.widgets import DataTable

from tests.test_app import SIZE, plain, settle
from tests.test_app_snapshots import app_for
from tui.app.screens.pairs import PairsScreen
from tui.app.widgets.gap_grid import GapGrid
from tui.app.widgets.masthead import Masthead
from tui.cli import main
from tui.reports.layout import summary_line

PLANS = "peace-plans-2025-11"
CAP = "forces.size_cap@ukraine"  # 600,000 troops (US draft) against 800,000 (the others)


def diff_json(capsys, *flags: str) -> dict:
    """What `ceasefire diff --example peace-plans-2025-11 --format json` says."""
    main(["diff", "--example", PLANS, "--format", "json", *flags])
    return json.loads(capsys.readouterr().out)


def grid_line(grid: GapGrid, row: str) -> str:
    line = grid._lines[row]
    return "".join(segment.text for segment in grid.render_row(line, 160, False))


async def test_a_baseline_rebases_the_columns_the_cells_and_the_counts(capsys):
    cli = diff_json(capsys, "--baseline", "European counter-proposal")
    names = {party["id"]: party["name"] for party in cli["parties"]}
    app = app_for(PLANS)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        grid = app.query_one(GapGrid)
        before = grid_line(grid, CAP)
        await pilot.press("b", "down", "down", "enter")  # no baseline, US draft, European
        await settle(app, pilot)
        assert app.comparison.baseline == cli["baseline"] == "peace-plan-2"
        assert grid.parties[0] == "peace-plan-2"  # the baseline's column first
        for pair in cli["pairs"]:
            base, other = pair["parties"]
            assert base == "peace-plan-2"
            for row in pair["rows"]:  # each other party's cell: its status against it
                assert grid.verdicts[(row["id"], other)].value == row["status"]
            counts = " ".join(f"{glyph} {pair['summary'][word]}" for glyph, word in (
                ("✓", "agreed"), ("≈", "partial"), ("✗", "conflict"), ("◐", "one-sided"),
                ("?", "unclear")))
            assert (f"vs {names[other]}: index "
                    f"{pair['summary']['agreement_index']:.2f}  {counts}") \
                in plain(app.query_one(Masthead).render())
        after = grid_line(grid, CAP)
        assert after != before
        assert after.index("800,000") < after.index("✗ 600,000") < after.index("✓ 800,000")
        await pilot.press("b", "enter")  # no baseline: as it was
        await settle(app, pilot)
        assert grid_line(grid, CAP) == before and not grid.verdicts


async def test_the_pairs_view_shows_every_pair_its_summary_and_its_rows(capsys):
    cli = diff_json(capsys)
    indices = {tuple(pair["parties"]): pair["summary"]["agreement_index"]
               for pair in cli["pairs"]}
    app = app_for(PLANS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PairsScreen)
        matrix = screen.query_one("#pair-matrix", DataTable)
        ids = [party["id"] for party in cli["parties"]]
        for (a, b), index in indices.items():
            for x, y in ((a, b), (b, a)):
                cell = matrix.get_cell_at((ids.index(x), ids.index(y) + 1))
                assert str(cell) == f"{index:.2f}"
        summary = str(screen.query_one("#pair-summary").render())
        first = app.comparison.pairs[0]
        assert summary_line(first.summary) in summary.replace("\n", " ")
        await pilot.press("down")  # European counter-proposal vs the US draft: the same pair
        await pilot.press("right")  # European vs the 20-point plan
        await pilot.pause()
        assert set(screen.pair.parties) == {"peace-plan-2", "peace-plan-3"}
        rows = screen.query_one("#pair-rows", DataTable)
        assert rows.row_count == len(screen.pair.rows)
        await pilot.press("tab", "down", "down", "down")
        chosen = rows.coordinate_to_cell_key(rows.cursor_coordinate).row_key.value
        assert chosen == screen.pair.rows[3].id != app.row
        await pilot.press("enter")  # goes to that row in the grid
        await pilot.pause()
        assert not isinstance(app.screen, PairsScreen)
        assert app.row == chosen


async def test_with_a_baseline_the_matrix_says_which_pairs_were_not_compared():
    app = app_for(PLANS)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("b", "down", "enter", "p")  # the US draft
        await pilot.pause()
        matrix = app.screen.query_one("#pair-matrix", DataTable)
        assert [str(matrix.get_cell_at((2, column))) for column in (1, 2, 3)] == \
            ["0.46", "·", "—"]


@pytest.mark.parametrize("press", [["p"]])
async def test_two_parties_have_no_pairs_view(press):
    app = app_for("istanbul-2025-06-02", "ukraine.yaml", "russia.yaml")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*press)
        await pilot.pause()
        assert not isinstance(app.screen, PairsScreen)
        assert any("their one pair" in str(n.message) for n in app._notifications)


SIZES = {"80x24": (80, 24), "120x35": (120, 35)}


@pytest.mark.parametrize("size", SIZES)
def test_pairs_view_snapshot(snap_compare, size):
    assert snap_compare(app_for(PLANS), press=["p", "right"], terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_baseline_snapshot(snap_compare, size):
    async def cap_row(pilot) -> None:
        from tui.app.messages import RowChosen

        pilot.app.post_message(RowChosen(CAP))
        await pilot.pause()

    assert snap_compare(app_for(PLANS), press=["b", "down", "down", "enter"],
                        run_before=cap_row, terminal_size=SIZES[size])


async def test_under_only_a_pair_lists_the_rows_of_its_own_status():
    """`view --only agreed`: the European and 20-point drafts agree on two rows the US draft
    does not; the pair counts them (as `diff --only agreed` does) and lists both."""
    from diffing import GapStatus

    app = app_for(PLANS)
    app.only = frozenset({GapStatus.AGREED})
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        await pilot.press("down", "right")  # European counter-proposal vs the 20-point plan
        await pilot.pause()
        assert set(screen.pair.parties) == {"peace-plan-2", "peace-plan-3"}
        assert screen.pair.summary.agreed == len(screen.pair.rows) == 2
        assert screen.query_one("#pair-rows", DataTable).row_count == 2
