"""The app's layout, driven with Pilot: the parties' columns get the room (topics named once,
provenance as a glyph, widths shared by content), the selected row is shown in full, and
the screen fits small terminals. What the screen reads is taken from the composited screen,
line by line, as a person sees it."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from tests.conftest import EXAMPLES
from tui.app.app import CeasefireApp
from tui.app.columns import cell_text, share, wanted, wrap
from tui.app.messages import RowChosen
from tui.app.screens.help import HelpScreen, help_table
from tui.app.widgets.detail import DetailPane
from tui.app.widgets.gap_grid import GapGrid
from tui.app.widgets.key_bar import KeyBar
from tui.inputs import Source


def example(name: str) -> CeasefireApp:
    files = sorted((EXAMPLES / name).glob("*.yaml"))
    return CeasefireApp([Source(path, f"{name}/{path.name}") for path in files],
                        watch=False, blink=False)


async def opened(pilot, row: str | None = None) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    if row is not None:
        pilot.app.post_message(RowChosen(row))
    await pilot.pause()


def screen_lines(app: CeasefireApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def plain(renderable) -> str:
    console = Console(width=200, file=io.StringIO())
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def grid_lines(app: CeasefireApp) -> list[str]:
    grid = app.query_one(GapGrid)
    return [grid.render_line(y).text for y in range(grid.size.height)]


# --- the grid gives the parties the room ------------------------------------------------------


@pytest.mark.parametrize("name, row", [("peace-plans-2025-11", "x.nuclear_plant"),
                                       ("istanbul-2025-06-02", "political.sequence")])
@pytest.mark.parametrize("size", [(80, 24), (120, 35), (160, 45)])
async def test_the_selected_row_shows_every_partys_whole_value(name, row, size):
    app = example(name)
    async with app.run_test(size=size) as pilot:
        await opened(pilot, row)
        selected = app.selected_row
        assert selected is not None and selected.id == row
        grid = app.query_one(GapGrid)
        start = grid.cursor - int(grid.scroll_offset.y) + grid.header_lines
        status, (topic, *parties) = grid.widths(grid.line_width)
        lines = grid_lines(app)[start:start + len(grid.render_cursor(grid.line_width))]
        assert not any("…" in line for line in lines)
        left = status + 1 + topic + 1
        for party, width in zip(grid.parties, parties):
            shown = " ".join(line[left:left + width].strip() for line in lines).split()
            assert shown == cell_text(selected.positions[party]).split()
            left += width + 1


async def test_topics_are_named_once_and_areas_head_their_topics():
    app = example("peace-plans-2025-11")
    async with app.run_test(size=(160, 45)) as pilot:
        await opened(pilot, "political.guarantors")
        screen = screen_lines(app)
        assert sum("Cap on armed forces" in line for line in screen) == 1
        assert any(line.startswith("Forces and military terms") for line in grid_lines(app))


async def test_provenance_is_a_glyph_not_a_word_and_the_help_explains_it():
    app = example("peace-plans-2025-11")
    async with app.run_test(size=(160, 45)) as pilot:
        await opened(pilot)
        grid = "\n".join(grid_lines(app))
        assert "(reported)" not in grid and "600,000 troops †" in grid
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = plain(help_table())
        assert "† reported" in help_text and "‡ disputed" in help_text


async def test_three_parties_at_160_columns_read_their_names_and_values_whole():
    """Seen at 160 columns: `European c… US 28-poin… US-Ukraine…`, `800,000 tr…`."""
    app = example("peace-plans-2025-11")
    async with app.run_test(size=(160, 45)) as pilot:
        await opened(pilot)
        grid = app.query_one(GapGrid)
        _, (_, *parties) = grid.widths(grid.line_width)
        header = grid_lines(app)[:grid.header_lines]
        left = grid.line_width - sum(parties) - len(parties)
        for name, width in zip(grid.names, parties):
            assert " ".join(line[left:left + width].strip() for line in header).strip() == name
            left += width + 1
        assert "800,000 troops †" in "\n".join(grid_lines(app))


async def test_the_last_column_ends_before_the_scrollbar():
    app = example("istanbul-2025-06-02")
    async with app.run_test(size=(120, 35)) as pilot:
        await opened(pilot)
        grid = app.query_one(GapGrid)
        assert grid.max_scroll_y > 0  # the scrollbar is shown
        status, widths = grid.widths(grid.line_width)
        assert status + sum(widths) + len(widths) <= grid.scrollable_content_region.width


def test_columns_widen_a_cell_at_a_time_as_the_terminal_does():
    """At 149 columns a party's column was 26 wide, at 150 it dropped to 11."""
    wants, floors = [30, 40, 25, 12], [12, 6, 6, 6]
    before = share(40, wants, floors)
    for room in range(41, 200):
        widths = share(room, wants, floors)
        assert sum(widths) == room
        assert all(0 <= now - then <= 1 for now, then in zip(widths, before))
        before = widths
    assert share(100, wants, floors) == [30, 33, 25, 12]  # the widest gives way first


def test_a_column_asks_for_most_of_its_cells_not_the_longest():
    texts = ["short"] * 19 + ["a value of forty cells, and then some more"]
    assert wanted(texts, 60) == 5 and wanted(["漢字漢字"], 60) == 8


def test_wrapping_is_measured_in_cells():
    assert wrap("at least 30 days", 8) == ["at least", "30 days "]
    assert wrap("ウクライナの提案", 6) == ["ウクラ", "イナの", "提案  "]


# --- pictures drawn for the pane they are in ---------------------------------------------------


def detail_lines(app: CeasefireApp) -> list[str]:
    """The detail pane's text as the pane lays it out, line by line."""
    body = app.query_one("#detail-body")
    console = Console(width=body.size.width, file=io.StringIO())
    with console.capture() as captured:
        console.print(body.content)
    return [line.rstrip() for line in captured.get().split("\n")]


def duration_drawn(app: CeasefireApp) -> list[str]:
    """The duration picture's lanes and gap, each of which must end on its own line."""
    shown = detail_lines(app)
    lanes = [line for line in shown if line.startswith(("Russia ", "Ukraine ", "no overlap"))
             and any(mark in line for mark in "●╌·")]
    assert len(lanes) == 3, shown
    assert lanes[0].endswith("2–3 days") and lanes[1].endswith("90 days")
    assert lanes[2].endswith("87 days apart")
    assert max(cell_len(line) for line in shown) <= app.query_one("#detail-body").size.width
    return lanes


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (80, 24), (120, 35), (200, 50)])
async def test_the_duration_picture_is_never_wrapped(size):
    app = example("istanbul-2025-06-02")
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "ceasefire.duration")
        duration_drawn(app)


async def test_pictures_are_drawn_again_for_a_new_width():
    app = example("istanbul-2025-06-02")
    async with app.run_test(size=(200, 50)) as pilot:
        await opened(pilot, "ceasefire.duration")
        wide = duration_drawn(app)
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        narrow = duration_drawn(app)
        assert cell_len(narrow[0]) < cell_len(wide[0])


# --- small terminals, zoom and the panes' sizes ------------------------------------------------


def rows_in_sight(app: CeasefireApp) -> int:
    grid = app.query_one(GapGrid)
    return grid.size.height - grid.header_lines if grid.display else 0


def detail_height(app: CeasefireApp) -> int:
    detail = app.query_one(DetailPane)
    return detail.size.height if detail.display else 0


@pytest.mark.parametrize("size, rows, detail", [((40, 12), 3, 3), ((60, 20), 7, 6)])
async def test_a_small_terminal_keeps_rows_and_detail_in_sight(size, rows, detail):
    """At 40x12 one grid row was left and no detail; at 60x20, 7 rows and 3 detail lines."""
    app = example("istanbul-2025-06-02")
    async with app.run_test(size=size) as pilot:
        await opened(pilot, "ceasefire.duration")
        assert rows_in_sight(app) >= rows and detail_height(app) >= detail
        assert app.query_one(KeyBar).size.height == 1
        assert "? Help" in str(app.query_one(KeyBar).render())
        grid = grid_lines(app)
        assert sum(1 for line in grid[app.query_one(GapGrid).header_lines:]
                   if line.strip()) >= rows  # drawn, not only laid out


async def test_z_zooms_the_grid_then_the_detail_then_shows_both():
    app = example("istanbul-2025-06-02")
    async with app.run_test(size=(120, 35)) as pilot:
        await opened(pilot, "ceasefire.duration")
        both_rows, both_detail = rows_in_sight(app), detail_height(app)
        await pilot.press("z")
        await pilot.pause()
        assert detail_height(app) == 0 and rows_in_sight(app) > both_rows
        await pilot.press("z")
        await pilot.pause()
        assert rows_in_sight(app) == 0 and detail_height(app) > both_detail
        assert app.focused is app.query_one(DetailPane)
        await pilot.press("z")
        await pilot.pause()
        assert (rows_in_sight(app), detail_height(app)) == (both_rows, both_detail)


@pytest.mark.parametrize("size", [(120, 35), (200, 50)])
async def test_plus_and_minus_resize_the_detail_pane(size):
    app = example("istanbul-2025-06-02")
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        detail = app.query_one(DetailPane)
        measure = (lambda: detail.size.width) if size[0] >= 150 else \
            (lambda: detail.size.height)
        before = measure()
        await pilot.press("plus", "plus")
        await pilot.pause()
        grown = measure()
        await pilot.press(*["minus"] * 4)
        await pilot.pause()
        assert grown > before > measure()
        await pilot.press(*["minus"] * 20)  # never below its smallest share
        await pilot.pause()
        assert measure() > 0


# --- what the screen shows, with a long value selected ----------------------------------------

LAYOUT_SIZES = {"80x24": (80, 24), "120x35": (120, 35), "200x50": (200, 50)}
SELECTED = {"istanbul": ("istanbul-2025-06-02", "ceasefire.preconditions"),
            "three-plans": ("peace-plans-2025-11", "x.nuclear_plant")}


def _choose(row: str):
    async def run_before(pilot) -> None:
        await opened(pilot, row)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", LAYOUT_SIZES)
@pytest.mark.parametrize("name", SELECTED)
def test_the_selected_row_in_full(snap_compare, name, size):
    """Every party's whole value on the selected row, the pictures on whole lines."""
    scenario, row = SELECTED[name]
    assert snap_compare(example(scenario), terminal_size=LAYOUT_SIZES[size],
                        run_before=_choose(row))


async def test_the_timeline_fits_a_narrow_terminal_without_wrapping():
    from tests.test_app_snapshots import phased

    app = phased()
    async with app.run_test(size=(36, 30)) as pilot:
        await opened(pilot)
        await pilot.press("t")
        await pilot.pause()
        body = app.screen.query_one("#timeline-body")
        assert body.content.no_wrap
        assert max(cell_len(line) for line in body.content.plain.split("\n")) <= body.size.width
