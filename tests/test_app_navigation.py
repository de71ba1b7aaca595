"""Finding one's way in the app: Esc, search, filters and sorting, g G h l and enter, headings
kept in view, the help, the command palette's entries, and the order of custom topics."""

from __future__ import annotations

import json
import re
from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList

from diffing import GapStatus
from tests.test_app import (  # noqa: F401 (files: a fixture)
    SIZE,
    detail_text,
    files,
    make_app,
    plain,
    settle,
    shown_rows,
)
from tui.app.actions import BINDINGS
from tui.app.screens.copy import CopyScreen
from tui.app.session import FILTERS
from tui.app.widgets.detail import DetailPane
from tui.app.widgets.gap_grid import GapGrid
from tui.app.widgets.masthead import Masthead


def write_custom(folder: Path, count: int) -> list[Path]:
    """Two parties with `count` custom topics `x.point_0` … each, every one agreed but the
    last (so that `f` has a gap to show)."""
    paths = []
    for party in ("alpha", "beta"):
        lines = ["ceasefire: 2", f"party: {party.title()}", "clauses:"]
        for number in range(count):
            value = f"{party} term" if number == count - 1 else "the same term"
            lines.append(f"  x.point_{number}: {{value: {value}, kind: text}}")
        path = folder / f"{party}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def masthead(app) -> str:
    return str(app.query_one(Masthead).render())


async def test_escape_clears_the_applied_search_then_the_filter(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        everything = len(app.shown.rows)
        await pilot.press("f", "slash", *"kherson", "enter")
        await pilot.pause()
        assert app.search == "kherson" and app.filter_name == "gaps"
        await pilot.press("escape")
        await pilot.pause()
        assert app.search == "" and app.filter_name == "gaps"
        await pilot.press("escape")
        await pilot.pause()
        assert app.filter_name == "all" and len(app.shown.rows) == everything


async def test_a_search_without_a_match_says_so_and_how_to_clear_it(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"xyzzy", "enter")
        await pilot.pause()
        assert app.shown.rows == ()
        assert "No topic matches 'xyzzy' — Esc clears the search." in detail_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert any("No topic matches 'xyzzy'" in n.message for n in app._notifications)


async def test_home_keeps_the_first_area_title_in_view(files):
    app = make_app(files)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        grid = app.query_one(GapGrid)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert grid.scroll_offset.y > 0
        await pilot.press("home")
        await pilot.pause()
        assert grid.cursor == 1 and grid.scroll_offset.y == 0  # line 0: the area's title


async def test_the_palette_lists_each_command_once_and_a_screenshot_says_where_or_why(
        files, tmp_path):
    app = make_app(files, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert len(titles) == len(set(titles)), titles
        assert {binding.description for binding in BINDINGS} <= set(titles)
        screenshot = next(c for c in app.get_system_commands(app.screen)
                          if c.title == "Screenshot")
        screenshot.callback()
        await pilot.pause(0.3)
        saved = list(tmp_path.glob("*.svg"))
        assert len(saved) == 1
        assert any(str(saved[0]) in n.message for n in app._notifications)
        app.export_folder = tmp_path / "missing"
        app.clear_notifications()
        screenshot.callback()
        await pilot.pause(0.3)
        assert any("No such file or directory" in n.message and "missing" in n.message
                   for n in app._notifications)


async def test_custom_topics_are_in_the_order_a_person_counts(tmp_path):
    app = make_app(write_custom(tmp_path, 300))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert shown_rows(app)[:12] == [f"x.point_{n}" for n in range(12)]
        assert shown_rows(app)[-1] == "x.point_299"


def urgency(status: GapStatus) -> int:
    return [GapStatus.CONFLICT, GapStatus.PARTIAL, GapStatus.UNCLEAR, GapStatus.ONE_SIDED,
            GapStatus.AGREED].index(status)


async def test_s_sorts_by_distance_then_status_then_back_to_areas(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        by_area = shown_rows(app)
        await pilot.press("s")
        await pilot.pause()
        rows = app.shown.rows
        assert app.sort == "distance" and "sorted by distance" in masthead(app)
        assert sorted(shown_rows(app)) == sorted(by_area)
        measured = [row.distance for row in rows if row.distance is not None]
        assert measured == sorted(measured, reverse=True) and measured[0] > 0.9
        assert all(row.distance is None for row in rows[len(measured):])
        grid = app.query_one(GapGrid)
        assert grid.row_ids == [row.id for row in rows]  # the grid shows that order
        assert grid.lines[0].text == "All topics by distance" and grid.row_of(1) == rows[0].id
        await pilot.press("g", "n")  # n walks the gaps in the order shown
        assert app.row == next(row.id for row in rows[1:] if row.status.is_gap)
        await pilot.press("s")
        await pilot.pause()
        statuses = [urgency(row.status) for row in app.shown.rows]
        assert app.sort == "status" and statuses == sorted(statuses)
        await pilot.press("s")
        await pilot.pause()
        assert app.sort == "area" and shown_rows(app) == by_area
        assert "sorted by" not in masthead(app)


async def test_the_sort_is_remembered_for_the_next_run(files, config_home):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        shown = shown_rows(app)
    assert json.loads((config_home / "ceasefire" / "settings.json").read_text()) == \
        {"sort": "distance"}
    again = make_app(files)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert again.sort == "distance" and shown_rows(again) == shown


async def test_f_and_shift_f_step_through_a_filter_for_every_status(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        single = {next(iter(s)) for _, s in FILTERS if s is not None and len(s) == 1}
        assert single == set(GapStatus)
        await pilot.press("F")
        await pilot.pause()
        assert app.filter_name == FILTERS[-1][0] == "agreed"
        assert {row.status for row in app.shown.rows} == {GapStatus.AGREED}
        await pilot.press("F", "f", "f")
        await pilot.pause()
        assert app.filter_name == "all"


async def test_g_and_shift_g_go_to_the_first_and_last_row(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("G")
        assert app.row == shown_rows(app)[-1]
        assert app.query_one(GapGrid).row_of(app.query_one(GapGrid).cursor) == app.row
        await pilot.press("g")
        assert app.row == shown_rows(app)[0]


async def test_h_l_and_enter_move_the_focus_between_panes_and_escape_comes_back(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        grid, detail = app.query_one(GapGrid), app.query_one(DetailPane)
        assert app.focused is grid
        await pilot.press("h")
        assert app.focused is grid  # not past the left end
        await pilot.press("l")
        assert app.focused is detail
        await pilot.press("escape")
        assert app.focused is grid
        await pilot.press("enter")
        assert app.focused is detail
        await pilot.press("l")
        assert app.focused is detail


async def test_help_explains_distance_the_agreement_index_the_mouse_and_tab(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = " ".join("".join(plain(w.content) for w in app.screen.query("Static")).split())
        assert "distance — How far apart a row's positions are, from 0 (agreed) to 1" in text
        assert "agreement index — The mean of (1 − distance)" in text
        assert "mouse Click a row" in text and "tab Move the focus" in text
        for key in ("g", "G", "h", "l", "enter", "esc", "F", "s"):
            assert re.search(rf"(^| ){re.escape(key)} [A-Z]", text), key


async def jump(pilot, *keys: str, query: str) -> None:
    """Open the palette with `keys`, type `query`, take the first hit."""
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(pilot.app, pilot)


async def test_colon_jumps_to_a_topic_by_its_name_key_or_alias(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await jump(pilot, "colon", query="length")  # an alias of ceasefire.duration
        assert app.row == "ceasefire.duration"
        assert app.query_one(GapGrid).row_of(app.query_one(GapGrid).cursor) == app.row
        await jump(pilot, "colon", query="humanitarian.amnesty")
        assert app.row == "humanitarian.amnesty"
        await jump(pilot, "colon", query="Civilan detain")  # letters in order, one missing
        assert app.row == "humanitarian.civilians"


async def test_a_jump_clears_the_search_and_filter_that_hide_the_topic(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f", "f", "slash", *"kherson", "enter")  # conflicts about Kherson
        await pilot.pause()
        assert "ceasefire.extension" not in shown_rows(app)
        await jump(pilot, "colon", query="Extension")
        assert app.row == "ceasefire.extension"
        assert app.filter_name == "all" and app.search == ""


async def test_the_command_palette_finds_topics_too(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await jump(pilot, "ctrl+p", query="Prisoner exchange")
        assert app.row == "humanitarian.prisoner_exchange"


async def test_y_copies_the_clause_its_quote_its_place_or_the_explanation(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await jump(pilot, "colon", query="humanitarian.children")
        row = app.selected_row
        copied, said = {}, {}
        for key in ("c", "q", "l", "e"):
            await pilot.press("y")
            await pilot.pause()
            assert isinstance(app.screen, CopyScreen)
            app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, CopyScreen)
            copied[key] = app.clipboard
            said[key] = [n.message for n in app._notifications]
        assert copied == {"c": "return-all", "q": "hundreds", "l": "ukraine.yaml:108",
                          "e": row.explanation}
        assert said["q"] == ["Copied Ukraine's quote: hundreds"]
        assert said["l"] == ["Copied Ukraine's file:line: ukraine.yaml:108"]
        assert said["e"][0].startswith("Copied explanation: " + row.explanation[:20])


async def test_y_on_a_clause_without_a_quote_offers_none_and_escape_copies_nothing(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await pilot.pause()
        menu = plain(app.screen.query_one(OptionList).get_option("quote").prompt)
        assert "(none)" in menu and app.screen.query_one(OptionList).get_option("quote").disabled
        await pilot.press("q")  # nothing to copy: the menu stays
        await pilot.pause()
        assert isinstance(app.screen, CopyScreen) and app.clipboard == ""
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CopyScreen) and app.clipboard == ""
        await pilot.press("g", "j", "y", "c")  # in a burst: from the row j reached
        await pilot.pause()
        second = app.shown.rows[1]
        assert app.clipboard == second.positions["ukraine"].text
