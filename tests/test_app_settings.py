"""What the app remembers between runs (theme, filter) and `view`'s flags (--baseline,
--only, --topics, --theme), as `diff` takes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_app import SIZE, files, make_app, settle  # noqa: F401 (a fixture)
from tui.app.settings import Settings, settings_path
from tui.app.widgets.masthead import Masthead
from tui.inputs import Source


def saved(config_home: Path) -> dict:
    return json.loads((config_home / "ceasefire" / "settings.json").read_text())


def test_the_settings_live_in_the_xdg_config_directory(tmp_path):
    assert settings_path({"XDG_CONFIG_HOME": str(tmp_path), "HOME": "/home/x"}) == \
        tmp_path / "ceasefire" / "settings.json"
    assert settings_path({"HOME": "/home/x"}) == Path("/home/x/.config/ceasefire/settings.json")
    assert settings_path({"XDG_CONFIG_HOME": "relative", "HOME": "/home/x"}) == \
        Path("/home/x/.config/ceasefire/settings.json")


async def test_theme_and_filter_are_remembered_for_the_next_run(files, config_home):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "f", "f")  # a theme, and conflicts only
        await pilot.pause()
        theme, shown = app.theme, [row.id for row in app.shown.rows]
    assert saved(config_home) == {"filter": "conflict", "theme": theme}
    again = make_app(files)
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        assert again.theme == theme and again.filter_name == "conflict"
        assert [row.id for row in again.shown.rows] == shown


def notified(app, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", b"\xff\xfe"])
async def test_a_broken_settings_file_is_ignored_with_a_notice_and_left_alone(
        files, config_home, content):
    path = config_home / "ceasefire" / "settings.json"
    path.parent.mkdir(parents=True)
    before = content if isinstance(content, bytes) else content.encode()
    path.write_bytes(before)
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.comparison is not None and notified(app, "Settings")
        await pilot.press("c", "f")  # changed, but the file is the user's to fix
        await pilot.pause()
        assert app.filter_name == "gaps"
    assert path.read_bytes() == before


async def test_an_unreadable_settings_file_does_not_stop_the_app(files, config_home):
    path = config_home / "ceasefire" / "settings.json"
    path.mkdir(parents=True)  # a folder where the file should be: reading it fails
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.comparison is not None
        assert notified(app, "Settings not read")


async def test_the_command_line_theme_is_for_this_run_only(files, config_home):
    app = CeasefireLike(files, theme="nord")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "nord"
    assert not (config_home / "ceasefire" / "settings.json").exists()


def CeasefireLike(files, **kwargs):
    from tui.app.app import CeasefireApp

    return CeasefireApp([Source(f, f.name) for f in files], watch=False, blink=False, **kwargs)


async def test_only_and_topics_scope_the_view_as_diff_does(files):
    from diffing import GapStatus

    app = CeasefireLike(files, only=[GapStatus.CONFLICT, GapStatus.PARTIAL],
                        topics=["ceasefire.*"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        rows = app.shown.rows
        assert rows and all(r.status in (GapStatus.CONFLICT, GapStatus.PARTIAL) for r in rows)
        assert all(r.topic.startswith("ceasefire.") for r in rows)
        masthead = str(app.query_one(Masthead).render())
        assert "only: partial, conflict" in masthead and "topics: ceasefire.*" in masthead
        await pilot.press("f")  # the filter narrows within the scope
        await pilot.pause()
        assert {r.id for r in app.shown.rows} <= {r.id for r in rows}


async def test_baseline_from_the_command_line(files):
    app = CeasefireLike(files, baseline="russia")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.comparison.baseline == "russia"


async def test_settings_that_cannot_be_written_are_said_once(files, config_home):
    (config_home / "ceasefire").write_text("a file where the folder should be")
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f", "f")
        await pilot.pause()
        assert app.filter_name == "conflict"
        said = [n for n in app._notifications if "Settings not saved" in str(n.message)]
        assert len(said) == 1


def test_view_takes_the_flags_diff_takes(monkeypatch, capsys):
    from diffing import GapStatus
    from tui.app.app import CeasefireApp
    from tui.cli import main

    started = []
    monkeypatch.setattr(CeasefireApp, "run", lambda self: started.append(self))
    monkeypatch.setattr("tui.commands.view.not_a_terminal", lambda: None)  # as in a terminal
    assert main(["view", "--example", "istanbul-2025-06-02", "--baseline", "Russia",
                 "--only", "conflict,partial", "--topics", "ceasefire.*,humanitarian.*",
                 "--theme", "nord"]) == 0
    app = started[0]
    assert app.baseline == "russia" and app.theme == "nord"
    assert app.only == {GapStatus.CONFLICT, GapStatus.PARTIAL}
    assert app.topics == ("ceasefire.*", "humanitarian.*")
    for flags, words in [(["--only", "fine"], "'fine' is not a status"),
                         (["--baseline", "nobody"], "no party 'nobody'"),
                         (["--theme", "plaid"], "no theme 'plaid'")]:
        assert main(["view", "--example", "istanbul-2025-06-02", *flags]) == 2
        assert words in capsys.readouterr().err
    assert not started[1:]


async def test_a_theme_picked_in_the_palette_is_remembered(files, config_home):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.theme = "dracula"  # what the palette's "Change theme" does
        await pilot.pause()
    assert saved(config_home) == {"theme": "dracula"}
