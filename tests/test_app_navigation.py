"""Finding one's way in the app: Esc, search and filter, headings kept in view, the command
palette's entries, and the order of custom topics."""

from __future__ import annotations

from pathlib import Path

from tests.test_app import SIZE, detail_text, files, make_app, settle, shown_rows  # noqa: F401
from tui.app.actions import BINDINGS
from tui.app.widgets.topic_list import TopicList


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
        topics = app.query_one(TopicList)
        topics.focus()
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert topics.scroll_offset.y > 0
        await pilot.press("home")
        await pilot.pause()
        assert topics.cursor == 1 and topics.scroll_offset.y == 0  # line 0: the area's title


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
