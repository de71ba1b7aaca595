"""The app driven key by key with Pilot: every binding, live reload, the editor round trip,
rows keyed by id (a topic per actor and phase), the timeline and the options."""

from __future__ import annotations

import io
import re
import shutil
import stat
import sys
from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandPalette
from textual.widgets import Input

from tests.conftest import EXAMPLES
from tui.app.actions import BINDINGS, key_label
from tui.app.app import CeasefireApp
from tui.app.editor import editor_command
from tui.app.messages import RowChosen
from tui.app.screens.baseline import BaselineScreen
from tui.app.screens.examples import ExampleCopyScreen
from tui.app.screens.export import ExportScreen
from tui.app.screens.help import HelpScreen
from tui.app.session import FILTERS
from tui.app.widgets.gap_grid import GapGrid
from tui.app.widgets.masthead import Masthead
from tui.app.widgets.problems import ProblemBar
from tui.inputs import Source, input_sources
from tests.watching import watch_a_while, watch_until

SIZE = (120, 40)
FIXTURES = Path(__file__).parent / "fixtures"


def copies(folder: Path, names: tuple[str, ...], to: Path) -> list[Path]:
    """Copies of proposal files that a test may edit."""
    for name in names:
        shutil.copy(folder / name, to / name)
    return [to / name for name in names]


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """The Istanbul memoranda."""
    return copies(EXAMPLES / "istanbul-2025-06-02", ("ukraine.yaml", "russia.yaml"), tmp_path)


def make_app(files: list[Path], tmp_path: Path | None = None) -> CeasefireApp:
    return CeasefireApp([Source(f, f.name) for f in files], watch=False, blink=False,
                        folder=tmp_path)


async def settle(app: CeasefireApp, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def plain(content) -> str:
    """What a widget's rich content reads as, without styles."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def shown_rows(app: CeasefireApp) -> list[str]:
    return [row.id for row in app.shown.rows]


async def test_opens_on_the_first_topic_with_the_summary_in_the_masthead(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.comparison is not None and len(app.comparison.parties) == 2
        assert app.row == app.comparison.rows[0].id
        masthead = str(app.query_one(Masthead).render())
        assert "Ukraine vs Russia" in masthead and "agreement index" in masthead
        assert app.query_one(GapGrid).row_ids == [row.id for row in app.comparison.rows]


@pytest.mark.parametrize("down, up", [("j", "k"), ("down", "up")])
async def test_moving_between_topics(files, down, up):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        rows = shown_rows(app)
        await pilot.press(down, down)
        assert app.row == rows[2]
        await pilot.press(up)
        assert app.row == rows[1]
        assert app.query_one(GapGrid).row_of(app.query_one(GapGrid).cursor) == app.row


async def test_n_and_shift_n_walk_the_gaps(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        gaps = [row.id for row in app.shown.rows if row.status.is_gap]
        agreed = [row.id for row in app.shown.rows if not row.status.is_gap]
        assert agreed, "the example has an agreed topic to skip"
        seen = []
        for _ in range(len(gaps)):
            await pilot.press("n")
            await pilot.pause()
            seen.append(app.row)
        assert set(seen) == set(gaps) and not set(seen) & set(agreed)
        await pilot.press("N")
        await pilot.pause()
        assert app.row == seen[-2]


async def test_n_pressed_in_a_burst_walks_one_gap_per_key(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        rows = shown_rows(app)
        gaps = [row.id for row in app.shown.rows[1:] if row.status.is_gap]
        for _ in range(3):  # as a terminal delivers keys typed fast: no message handled between
            app.action_next_gap()
        await pilot.pause()
        assert app.row == gaps[2] and rows[0] != gaps[2]


async def test_f_cycles_the_filters(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for name, statuses in FILTERS[1:] + FILTERS[:1]:
            await pilot.press("f")
            await pilot.pause()
            assert app.filter_name == name
            if statuses is not None:
                assert all(row.status in statuses for row in app.shown.rows)
            grid = app.query_one(GapGrid)
            assert grid.row_ids == [row.id for row in app.shown.rows]
        assert app.filter_name == "all"


async def test_search_narrows_to_matching_topics_and_escape_clears(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        everything = len(app.shown.rows)
        await pilot.press("slash", *"kherson", "enter")
        await pilot.pause()
        assert app.search == "kherson"
        assert shown_rows(app) == ["forces.withdrawal@ukraine", "political.recognition"]
        assert "search: 'kherson'" in str(app.query_one(Masthead).render())
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert app.search == "" and len(app.shown.rows) == everything


@pytest.fixture
def fake_editor(tmp_path: Path, monkeypatch) -> Path:
    """An EDITOR that records its arguments and edits the file it was given."""
    log = tmp_path / "editor.log"
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys\n"
        f"open({str(log)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n"
        "path = sys.argv[-1]\n"
        "text = open(path).read().replace('value: 2-3 days', 'value: 30 days')\n"
        "open(path, 'w').write(text)\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    return log


async def test_e_opens_the_editor_at_the_clause_then_reloads(files, fake_editor):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.post_message(RowChosen("ceasefire.duration", "russia"))
        await pilot.pause()
        assert app.query_one(GapGrid).party == "russia"
        before = app.comparison.row("ceasefire.duration")
        line = before.positions["russia"].line
        await pilot.press("e")
        await settle(app, pilot)
        assert fake_editor.read_text() == f"+{line} {files[1]}\n"
        after = app.comparison.row("ceasefire.duration")
        assert after.positions["russia"].text == "30 days"
        assert after.distance < before.distance  # 30 days is closer to Ukraine's readings
        assert app.row == "ceasefire.duration"  # the selection survives the reload


async def test_e_with_files_invalid_from_the_start_opens_the_first_error(files, fake_editor):
    files[1].write_text(files[1].read_text().replace("value: 2-3 days", "value: [2-3 days"))
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.comparison is None
        error = next(p for p in app.snapshot.problems if p.is_error)
        await pilot.press("e")
        await settle(app, pilot)
        assert fake_editor.read_text() == f"+{error.line} {files[1]}\n"
        assert not any("No row selected" in str(n.message) for n in app._notifications)


@pytest.fixture
def logging_editor(tmp_path: Path, monkeypatch) -> Path:
    """An EDITOR that only records the file it was given."""
    log = tmp_path / "editor.log"
    script = tmp_path / "log-editor"
    script.write_text(f"#!/bin/sh\necho \"$2\" >> {log}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    return log


def example_app(tmp_path: Path) -> CeasefireApp:
    return CeasefireApp(input_sources([], ["istanbul-2025-06-02"]), watch=False, blink=False,
                        folder=tmp_path)


async def test_e_on_an_example_edits_a_copy_in_a_folder_the_user_chose(tmp_path, logging_editor):
    package = {p: p.read_bytes() for p in (EXAMPLES / "istanbul-2025-06-02").glob("*.yaml")}
    app = example_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExampleCopyScreen)
        box = app.screen.query_one(Input)
        assert box.value == f"{tmp_path / 'istanbul-2025-06-02'}/"
        await pilot.press("enter")
        await settle(app, pilot)
        copies_made = tmp_path / "istanbul-2025-06-02"
        assert {p.name for p in copies_made.iterdir()} == {p.name for p in package}
        assert Path(logging_editor.read_text().strip()).parent == copies_made
        assert all(source.path.parent == copies_made for source in app.sources)
        assert app.watcher.paths == [source.path for source in app.sources]
    assert {p: p.read_bytes() for p in package} == package


async def test_copying_an_example_never_overwrites_a_file(tmp_path, logging_editor):
    mine = tmp_path / "istanbul-2025-06-02" / "ukraine.yaml"
    mine.parent.mkdir()
    mine.write_text("my own notes\n")
    app = example_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one(Input)
        assert box.value.endswith("istanbul-2025-06-02-2/")  # a free folder by default
        box.value = str(mine.parent)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExampleCopyScreen)  # still asking
        assert "exists" in str(app.screen.query_one("#example-error").render())
        assert not logging_editor.exists()
    assert mine.read_text() == "my own notes\n"
    assert sorted(p.name for p in mine.parent.iterdir()) == ["ukraine.yaml"]


def test_editor_commands_put_the_cursor_on_the_line():
    path = Path("/p/ukraine.yaml")
    assert editor_command({"EDITOR": "nano"}, path, 12) == ["nano", "+12", "/p/ukraine.yaml"]
    assert editor_command({"EDITOR": "vim -p", "VISUAL": "emacs -nw"}, path, 3) == [
        "emacs", "-nw", "+3", "/p/ukraine.yaml"]
    assert editor_command({"EDITOR": "code"}, path, 7) == ["code", "--wait", "--goto",
                                                           "/p/ukraine.yaml:7:1"]
    assert editor_command({}, path, 1) == ["vi", "+1", "/p/ukraine.yaml"]


async def test_r_reloads_after_an_edit_outside(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        files[1].write_text(files[1].read_text().replace("value: 2-3 days", "value: 30 days"))
        await pilot.press("r")
        await settle(app, pilot)
        assert app.comparison.row("ceasefire.duration").positions["russia"].text == "30 days"


def notices(app: CeasefireApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_reload_says_what_changed_and_marks_the_changed_cells(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = files[1].read_text().replace("value: 2-3 days", "value: 30 days")
        files[1].write_text(text.replace("value: local", "value: partial", 1))
        await pilot.press("r")
        await settle(app, pilot)
        assert "russia.yaml reloaded: 2 rows changed" in notices(app)
        grid = app.query_one(GapGrid)
        assert set(grid.moves) == {("ceasefire.duration", "russia"), ("ceasefire.type", "russia")}
        await pilot.press("r")  # the marks last until the next reload
        await settle(app, pilot)
        assert "Files reloaded: no row changed" in notices(app)
        assert grid.moves == {}


async def test_a_selected_row_that_disappears_gives_way_to_its_neighbour(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        order = shown_rows(app)
        app.post_message(RowChosen("ceasefire.areas"))  # Russia's clause alone
        await pilot.pause()
        files[1].write_text(re.sub(r"  ceasefire\.areas:\n(    .*\n)+", "",
                                   files[1].read_text()))
        await pilot.press("r")
        await settle(app, pilot)
        assert app.comparison.row("ceasefire.areas") is None
        assert app.row == order[order.index("ceasefire.areas") + 1]
        assert "russia.yaml reloaded: 1 row removed" in notices(app)


async def test_live_reload_keeps_the_last_good_view_while_a_file_is_invalid(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j")
        chosen = app.row
        good = app.comparison
        files[0].write_text(files[0].read_text().replace("value: full", "value: ful", 1))
        bar = app.query_one(ProblemBar)
        await watch_until(app, pilot, lambda: bar.has_class("-visible"))
        text = str(bar.render())
        assert "Showing the last good comparison" in text
        assert "ukraine.yaml:" in text and "did you mean 'full'" in text
        assert app.comparison is good and app.row == chosen
        files[0].write_text(files[0].read_text().replace("value: ful\n", "value: full\n", 1))
        await watch_until(app, pilot, lambda: not bar.has_class("-visible"))
        assert app.row == chosen


async def test_an_unchanged_file_does_not_reload(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.comparison
        await watch_a_while(app, pilot)
        assert app.comparison is first


async def test_b_picks_a_baseline_and_back(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BaselineScreen)
        await pilot.press("down", "enter")  # no baseline, ukraine, russia
        await settle(app, pilot)
        assert app.comparison.baseline == "ukraine"
        assert [pair.parties for pair in app.comparison.pairs] == [("ukraine", "russia")]
        assert "baseline: Ukraine" in str(app.query_one(Masthead).render())
        await pilot.press("b", "enter")
        await settle(app, pilot)
        assert app.comparison.baseline is None


async def test_c_switches_the_theme(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.theme
        await pilot.press("c")
        assert app.theme != first


async def test_help_lists_every_key_and_closes(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "".join(plain(widget.content) for widget in app.screen.query("Static"))
        for binding in BINDINGS:  # each key beside what it does
            line = rf"^\s*{re.escape(key_label(binding))}\s+{re.escape(binding.description)} — "
            assert re.search(line, text, re.MULTILINE), binding.id
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_the_command_palette_runs_every_action_by_name(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.row
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {binding.description for binding in BINDINGS} <= titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Next gap")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.row != first


async def test_q_quits(files):
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_narrow_and_wide_layouts(files):
    app = make_app(files)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not app.query_one("#main").has_class("-wide")
    app = make_app(files)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        assert app.query_one("#main").has_class("-wide")


async def test_text_from_files_is_shown_literally(tmp_path):
    evil = tmp_path / "evil.yaml"
    evil.write_text('ceasefire: 1\nparty: "[bold red]Evil[/] \\e]52;c;aGk=\\a"\nclauses:\n'
                    '  ceasefire.violations: "[link=http://x]click[/link] \\u202Egnp.exe"\n')
    other = tmp_path / "other.yaml"
    other.write_text("ceasefire: 1\nparty: Other\nclauses:\n  ceasefire.violations: none\n")
    app = make_app([evil, other])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        masthead = str(app.query_one(Masthead).render())
        assert "[bold red]Evil[/] <U+001B>]52;c;aGk=<U+0007>" in masthead
        detail = plain(app.query_one("#detail-body").content)
        assert "[link=http://x]click[/link] <U+202E>gnp.exe" in detail


async def test_the_app_never_writes_the_proposal_files(files, tmp_path):
    before = {f: f.read_bytes() for f in files}
    app = make_app(files, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "f", "r", "c", "j", "k", "b", "escape", "x", "escape", "t",
                          "escape", "o", "escape")
        await settle(app, pilot)
    assert {f: f.read_bytes() for f in files} == before


async def test_a_missing_editor_is_a_message_not_a_crash(files, monkeypatch):
    monkeypatch.setenv("EDITOR", "/nonexistent/editor")
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert any("Could not start the editor" in str(n.message)
                   for n in app._notifications)
        assert app.comparison is not None


# --- rows by id, the timeline, options -----------------------------------------------------


@pytest.fixture
def phased(tmp_path: Path) -> list[Path]:
    """The phased exchange: obligations for each side, two phases, a disputed duration."""
    return copies(FIXTURES / "phased", ("mediators.yaml", "israel.yaml"), tmp_path)


def detail_text(app: CeasefireApp) -> str:
    return plain(app.query_one("#detail-body").content)


async def choose(pilot, row: str) -> None:
    """Select a row by its id, as the list and the grid do."""
    pilot.app.post_message(RowChosen(row))
    await pilot.pause()


async def test_rows_of_one_topic_for_two_actors_are_selected_apart(phased):
    app = make_app(phased)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        hamas, israel = "forces.heavy_weapons@hamas", "forces.heavy_weapons@israel"
        assert {hamas, israel} <= set(shown_rows(app))
        seen = {}
        for row in (hamas, israel):
            await choose(pilot, row)
            assert app.row == row and app.selected_row.id == row
            assert app.query_one(GapGrid).row_of(app.query_one(GapGrid).cursor) == row
            seen[row] = detail_text(app)
        assert "Heavy weapons security zone · by Hamas" in seen[hamas]
        assert "Heavy weapons security zone · by Israel" in seen[israel]
        assert "30 km" in seen[israel] and "30 km" not in seen[hamas]
        # j and k step between the two rows, and past the topic's heading line
        first, second = [row for row in shown_rows(app) if row in (hamas, israel)]
        await choose(pilot, second)
        await pilot.press("k")
        assert app.row == first
        await pilot.press("k")
        assert app.row not in (first, second) and app.selected_row is not None


async def test_the_detail_pane_shows_each_clause_its_facts_readings_and_aspects(phased):
    app = make_app(phased)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await choose(pilot, "humanitarian.prisoner_numbers@israel#first")
        text = detail_text(app)
        assert "Number of prisoners · by Israel · First phase" in text
        assert "when: by day 42" in text and "after humanitarian.hostages" in text
        assert re.search(r"conditions? ", text) and "timing " in text  # the aspects
        assert "days 0–42" in text  # the row's times on a day axis
        await choose(pilot, "ceasefire.duration")
        text = detail_text(app)
        assert "readings:" in text
        assert "Mediators: reading 2 of 2 drawn (indefinite), the furthest apart" in text
        assert "1. 42 days — Mediators' draft · the first phase only" in text
        assert "2. indefinite — Mediators' draft · “while negotiations continue”" in text


async def test_reload_keeps_a_row_selected_by_its_id(phased):
    app = make_app(phased)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await choose(pilot, "forces.withdrawal@israel#second")
        phased[1].write_text(phased[1].read_text().replace("by day 70", "by day 60"))
        await pilot.press("r")
        await settle(app, pilot)
        assert app.row == "forces.withdrawal@israel#second"
        assert "by day 60" in detail_text(app)


async def test_t_draws_every_timeline_and_follows_the_files(phased):
    from tui.app.screens.timeline import TimelineScreen

    app = make_app(phased)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await choose(pilot, "forces.withdrawal@israel#first")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        text = plain(app.screen.query_one("#timeline-body").content)
        assert "Days from entry into force" in text and "├First phase" in text
        assert "▸ Withdrawal of forces · by Israel" in text  # the selected row's clause
        undated = text.split("Not on the day axis")[1]
        assert "Leaders' meeting" in undated and "Amnesty · by Israel" in undated
        phased[1].write_text(phased[1].read_text().replace("when: day 14", "when: day 21"))
        await pilot.press("r")
        await settle(app, pilot)
        assert "day 21" in plain(app.screen.query_one("#timeline-body").content)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TimelineScreen)


def istanbul_app(**options: str) -> CeasefireApp:
    folder = EXAMPLES / "istanbul-2025-06-02"
    return CeasefireApp([Source(folder / n, n) for n in ("ukraine.yaml", "russia.yaml")],
                        watch=False, blink=False, options=options)


async def test_o_picks_another_option_and_the_comparison_follows():
    from tui.app.screens.options import OptionScreen

    app = istanbul_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.comparison.party("russia").option == "option-1"
        assert "● Withdrawal first" in plain(app.query_one(Masthead).render())
        await choose(pilot, "ceasefire.type")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OptionScreen)
        assert "Where the options differ" in "".join(
            plain(w.content) for w in app.screen.query("Static"))
        await pilot.press("down", "enter")  # from the option shown to the next
        await settle(app, pilot)
        assert app.options == {"russia": "option-2"}
        assert app.comparison.party("russia").option == "option-2"
        scores = {s.option: s.shown for s in app.comparison.options}
        assert scores == {"option-1": False, "option-2": True}
        assert "● Ten-point package" in plain(app.query_one(Masthead).render())
        assert app.row == "ceasefire.type"


async def test_o_without_options_says_so(phased):
    app = make_app(phased)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await pilot.pause()
        assert any("No party offers options" in str(n.message) for n in app._notifications)


async def test_an_option_chosen_on_the_command_line_is_shown():
    app = istanbul_app(russia="option-2")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.comparison.party("russia").option == "option-2"


def test_view_option_names_a_party_by_id_or_name_and_refuses_what_is_not_offered():
    from argparse import Namespace

    from tui.commands.view import chosen_parties
    from tui.inputs import UsageError, input_sources

    sources = input_sources([], ["istanbul-2025-06-02"])

    def asked(*settings: str) -> dict[str, str]:
        return chosen_parties(sources, Namespace(option=list(settings), baseline=None,
                                                 topics=[], exclude=[], limit=[]))[0]

    assert asked() == {}
    assert asked("Russia=option-2") == {"russia": "option-2"}
    with pytest.raises(UsageError, match="option-3"):
        asked("russia=option-3")
    with pytest.raises(UsageError, match="PARTY=OPTION"):
        asked("russia")
