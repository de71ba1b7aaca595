"""The app with texts of several rounds: `[` and `]` step through them, the grid and the
masthead follow, the cells a new text changed are marked, the detail pane tells the earlier
value and the topic round by round; one round, and the drafts of one text, stay as before."""

from __future__ import annotations

import io
import shutil
import stat
import sys
from pathlib import Path

import pytest
from rich.console import Console

from diffing.history_result import Move, Round, Trend
from proposals.limits import DEFAULT_LIMITS
from tests.conftest import EXAMPLES
from tui.app.app import CeasefireApp
from tui.app.messages import RowChosen
from tui.app.rounds import pick, step, viewable
from tui.app.session import load
from tui.app.widgets.gap_grid import GapGrid
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.masthead import bar, index_trail, trend_words
from tui.inputs import Source

SIZE = (120, 40)
ROUNDS = {"istanbul-2025-05-16": ("russia.yaml", "ukraine.yaml"),
          "istanbul-2025-06-02": ("russia.yaml", "ukraine.yaml", "agreed.yaml")}


@pytest.fixture
def rounds(tmp_path: Path) -> list[Source]:
    """Copies of both Istanbul rounds (a test may edit them), named `scenario/file`."""
    sources = []
    for scenario, names in ROUNDS.items():
        (tmp_path / scenario).mkdir()
        for name in names:
            shutil.copy(EXAMPLES / scenario / name, tmp_path / scenario / name)
            sources.append(Source(tmp_path / scenario / name, f"{scenario}/{name}"))
    return sources


def path_of(sources: list[Source], name: str) -> Path:
    return next(source.path for source in sources if source.name == name)


def example(*scenarios: str) -> list[Source]:
    return [Source(path, f"{scenario}/{path.name}") for scenario in scenarios
            for path in sorted((EXAMPLES / scenario).glob("*.yaml"))]


def make_app(sources: list[Source]) -> CeasefireApp:
    return CeasefireApp(sources, watch=False, blink=False)


async def settle(app: CeasefireApp, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def plain(content) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def masthead(app: CeasefireApp) -> str:
    return plain(app.query_one("#masthead").render())


def detail(app: CeasefireApp) -> str:
    return plain(app.query_one("#detail-body").content)


def key_bar(app: CeasefireApp) -> str:
    return str(app.query_one(KeyBar).render())


def cells(app: CeasefireApp, row: str) -> dict[str, str]:
    """Each party's cell of a row as the grid draws it, by party id."""
    grid = app.query_one(GapGrid)
    line = grid._lines[row]
    status, (topic, *parties) = grid.widths(grid.line_width)
    text = "".join(segment.text for segment in grid.render_row(line, grid.line_width, False))
    out, start = {}, status + 1 + topic + 1
    for party_id, width in zip(grid.parties, parties):
        out[party_id] = text[start:start + width].strip()
        start += width + 1
    return out


async def choose(pilot, row: str) -> None:
    pilot.app.post_message(RowChosen(row))
    await pilot.pause()


def notified(app: CeasefireApp, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


# --- stepping through the rounds ---------------------------------------------------------


async def test_opens_on_the_latest_round_with_every_rounds_index(rounds):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.history is not None and app.rounds.index == 1
        assert app.comparison is app.latest  # the files' own comparison, options and all
        text = masthead(app)
        assert "Round 2 of 2 · Istanbul II · 2025-06-02" in text
        assert "agreement index 1.00 █ → 0.25 ▃" in text
        assert "like for like: not measurable (no topic measured in both rounds)" in text
        assert "[ ] round" in key_bar(app)
        assert app.query_one(GapGrid).parties == ["russia", "ukraine", "agreed"]


async def test_brackets_step_through_the_rounds_and_stop_at_either_end(rounds):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.history.rounds[0].comparison
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.rounds.index == 0 and app.comparison is first
        grid = app.query_one(GapGrid)
        assert grid.parties == ["russia", "ukraine"]
        assert grid.row_ids == [row.id for row in first.rows]
        text = masthead(app)
        assert "Russia vs Ukraine  Round 1 of 2 · Istanbul I · 2025-05-16" in text
        assert "like for like" not in text  # nothing before the first round
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.rounds.index == 0 and notified(app, "This is the first round")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.rounds.index == 1 and app.comparison is app.latest
        assert "Round 2 of 2" in masthead(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.rounds.index == 1 and notified(app, "This is the latest round")


async def test_the_selected_row_follows_into_the_round_that_has_it(rounds):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await choose(pilot, "ceasefire.preconditions")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.row == "ceasefire.preconditions"
        assert "withdrawal from the regions Russia claims" in detail(app)
        await choose(pilot, "political.leaders_meeting")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.row == "political.leaders_meeting"
        await choose(pilot, "political.sanctions")  # not in round 1: its neighbour instead
        latest = [row.id for row in app.shown.rows]
        await pilot.press("left_square_bracket")
        await pilot.pause()
        earlier = {row.id for row in app.shown.rows}
        after = latest[latest.index("political.sanctions") + 1:]
        assert app.row == next(row for row in after if row in earlier)


async def test_cells_a_new_text_changed_are_marked_with_a_glyph(rounds):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        grid = app.query_one(GapGrid)
        assert grid.moves[("ceasefire.type", "ukraine")] is Move.CHANGED
        assert grid.moves[("ceasefire.type", "russia")] is Move.ADDED
        assert grid.moves[("humanitarian.prisoner_numbers", "russia")] is Move.DROPPED
        assert not any(party == "agreed" for _, party in grid.moves)  # its first text
        assert cells(app, "ceasefire.type") == {"russia": "+ local", "ukraine": "↔ full",
                                                "agreed": "—"}
        assert cells(app, "humanitarian.prisoner_numbers")["russia"] == "− dropped"
        assert cells(app, "ceasefire.extension") == {"russia": "—", "ukraine": "extendable",
                                                     "agreed": "—"}  # kept: no mark
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert grid.moves == {}  # the first texts changed nothing
        assert not any(c[:1] in "↔+−" for c in cells(app, "ceasefire.preconditions").values())


async def test_the_detail_pane_tells_the_earlier_value_and_the_topic_round_by_round(rounds):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await choose(pilot, "ceasefire.preconditions")
        text = detail(app)
        moves = text.split("Moves in Istanbul II")[1]
        assert "↔ changed  Russia" in moves
        assert "Istanbul I:  withdrawal from the regions Russia claims (reported)" in moves
        assert "Istanbul II: withdrawal of Ukrainian forces from the four regions" in moves
        assert "Against Ukraine (none): as far apart as before" in moves  # how far it moved
        assert "+ added  Ukraine" in moves and "Istanbul I:  —" in moves
        history = text.split("Round by round (ceasefire.preconditions)")[1]
        lines = [line.split() for line in history.splitlines() if line.strip()]
        assert lines[1][:4] == ["Istanbul", "I", "◐", "one-sided"]
        assert "▸" in history.split("Istanbul II")[0].splitlines()[-1]  # the round shown
        assert "withdrawal from the regions Russia claims (reported)" in history
        assert "↔  withdrawal of Ukrainian forces from the four regions" in history
        await choose(pilot, "ceasefire.extension")  # kept by both: no moves, a history
        text = detail(app)
        assert "Moves in" not in text and "Round by round (ceasefire.extension)" in text


async def test_a_round_where_no_party_addressed_the_row_says_so(rounds):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await choose(pilot, "political.sanctions")
        history = detail(app).split("Round by round")[1]
        assert "Istanbul I" in history and "no party addressed it" in history


async def test_reload_keeps_the_chosen_round_while_the_files_have_it(rounds):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("left_square_bracket")
        await choose(pilot, "ceasefire.preconditions")
        russia = path_of(rounds, "istanbul-2025-05-16/russia.yaml")
        russia.write_text(russia.read_text().replace(
            "withdrawal from the regions Russia claims", "withdrawal from four regions"))
        await pilot.press("r")
        await settle(app, pilot)
        assert app.rounds.index == 0 and app.round_label == "Istanbul I"
        assert app.row == "ceasefire.preconditions"
        assert "withdrawal from four regions" in detail(app)
        for name in ROUNDS["istanbul-2025-05-16"]:  # the round renamed: the latest is shown
            path = path_of(rounds, f"istanbul-2025-05-16/{name}")
            path.write_text(path.read_text().replace("round: Istanbul I\n", "round: First\n"))
        await pilot.press("r")
        await settle(app, pilot)
        assert app.rounds.index == 1 and app.comparison is app.latest
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "Round 1 of 2 · First" in masthead(app)


async def test_an_invalid_file_keeps_the_round_shown(rounds):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        shown = app.comparison
        path = path_of(rounds, "istanbul-2025-06-02/ukraine.yaml")
        path.write_text(path.read_text().replace("value: full", "value: ful", 1))
        await pilot.press("r")
        await settle(app, pilot)
        assert app.comparison is shown and app.rounds.index == 0


async def test_a_baseline_is_the_latest_rounds_and_an_earlier_round_says_so(rounds):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("b", "down", "down", "enter")  # no baseline, russia, ukraine
        await settle(app, pilot)
        assert app.comparison.baseline == "ukraine"
        assert "baseline: Ukraine" in masthead(app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.comparison.baseline is None
        assert "baseline: Ukraine (the latest round only)" in masthead(app)


def some(sources: list[Source], *names: str) -> list[Source]:
    return [source for source in sources if source.name in names]


async def test_a_party_without_a_new_text_still_stands_and_is_not_marked(rounds):
    app = make_app(some(rounds, "istanbul-2025-05-16/russia.yaml",
                        "istanbul-2025-05-16/ukraine.yaml", "istanbul-2025-06-02/russia.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Round 2 of 2 · Istanbul II · 2025-06-02 · still standing: Ukraine " \
            "(Istanbul I)" in masthead(app)
        assert {party for _, party in app.query_one(GapGrid).moves} == {"russia"}


async def test_a_round_where_one_party_stood_is_not_shown_but_counted(rounds):
    app = make_app(some(rounds, "istanbul-2025-05-16/ukraine.yaml",
                        "istanbul-2025-06-02/russia.yaml", "istanbul-2025-06-02/ukraine.yaml"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = masthead(app)
        assert "Round 2 of 2 · Istanbul II" in text and "— · → 0.25" in text
        assert ("ceasefire.type", "ukraine") in app.query_one(GapGrid).moves
        await choose(pilot, "ceasefire.type")
        history = detail(app).split("Round by round")[1]
        assert "one party stood: nothing compared" in history
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.rounds.index == 1 and notified(app, "only one party stood")


@pytest.fixture
def editor(tmp_path: Path, monkeypatch) -> Path:
    """An EDITOR that records its arguments."""
    log = tmp_path / "editor.log"
    script = tmp_path / "fake-editor"
    script.write_text(f"#!{sys.executable}\nimport sys\n"
                      f"open({str(log)!r}, 'a').write(' '.join(sys.argv[1:]) + '\\n')\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(script))
    monkeypatch.delenv("VISUAL", raising=False)
    return log


async def test_e_in_an_earlier_round_opens_that_rounds_file(rounds, editor):
    app = make_app(rounds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("left_square_bracket")
        app.post_message(RowChosen("ceasefire.preconditions", "russia"))
        await pilot.pause()
        line = app.selected_row.positions["russia"].line
        await pilot.press("e")
        await settle(app, pilot)
        assert editor.read_text() == \
            f"+{line} {path_of(rounds, 'istanbul-2025-05-16/russia.yaml')}\n"
        assert app.rounds.index == 0  # the reload after the editor keeps the round


# --- one round, and the drafts of one text ---------------------------------------------------


async def test_one_round_has_no_round_selector():
    app = make_app(example("istanbul-2025-06-02"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.history is None and app.rounds is None
        assert "Round" not in masthead(app) and "round" not in key_bar(app)
        assert app.query_one(GapGrid).moves == {}
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert notified(app, "one round")


async def test_drafts_of_one_text_are_versions_and_a_carried_clause_names_its_file(
        editor, tmp_path):
    # copies under the example's names: `e` on the package's own files asks to copy them
    sources = [Source(Path(shutil.copy(s.path, tmp_path)), s.name)
               for s in example("peace-plans-2025-11")]
    app = make_app(sources)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.history is None  # one party: no round has two parties to compare
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert notified(app, "Each column is a version of peace-plan")
        assert masthead(app).startswith(
            "3 versions of peace-plan, not parties: US 28-point plan → European "
            "counter-proposal → US-Ukraine 20-point plan")
        app.post_message(RowChosen("ceasefire.preconditions", "peace-plan-2"))
        await pilot.pause()
        carried = app.selected_row.positions["peace-plan-2"]
        assert carried.file == "peace-plans-2025-11/us-28-point.yaml"
        assert (f"carried over from peace-plans-2025-11/us-28-point.yaml:{carried.line}:"
                f"{carried.column}") in detail(app)
        await pilot.press("e")
        await settle(app, pilot)
        assert editor.read_text() == \
            f"+{carried.line} {path_of(sources, 'peace-plans-2025-11/us-28-point.yaml')}\n"


async def test_text_of_several_rounds_is_shown_literally(tmp_path):
    def text(party: str, date: str, label: str, value: str) -> str:
        return (f'ceasefire: 1\nparty: "{party}"\nid: {party[-1].lower()}\ndate: {date}\n'
                f'round: "{label}"\nclauses:\n  ceasefire.violations: "{value}"\n')

    files = []
    for number, (date, label) in enumerate((("2025-01-01", "[red]R1[/]"),
                                            ("2025-02-01", "[bold]R2[/]"))):
        for party in ("[b]A", "[i]B"):
            path = tmp_path / f"{party[-1]}{number}.yaml"
            path.write_text(text(party, date, label, f"[link=x]{party[-1]}{number}[/link]"))
            files.append(Source(path, path.name))
    app = make_app(files)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "Round 2 of 2 · [bold]R2[/]" in masthead(app)
        text = detail(app)
        assert "Moves in [bold]R2[/]" in text and "[red]R1[/]:  [link=x]A0[/link]" in text
        assert "[b]A" in text.split("Round by round")[1]


# --- pure parts ------------------------------------------------------------------------------


def test_load_follows_rounds_only_when_two_parties_stand_in_several():
    assert load(example("istanbul-2025-06-02"), DEFAULT_LIMITS).history is None
    assert load(example("peace-plans-2025-11"), DEFAULT_LIMITS).history is None
    both = load(example("istanbul-2025-05-16", "istanbul-2025-06-02"), DEFAULT_LIMITS)
    assert [r.label for r in both.history.rounds] == ["Istanbul I", "Istanbul II"]


def test_load_without_dates_compares_the_latest_texts_without_rounds(tmp_path):
    for name, party in (("a.yaml", "A"), ("b.yaml", "B")):
        (tmp_path / name).write_text(f"ceasefire: 1\nparty: {party}\nclauses:\n"
                                     "  ceasefire.type: full\n")
    snapshot = load([Source(tmp_path / n, n) for n in ("a.yaml", "b.yaml")], DEFAULT_LIMITS)
    assert snapshot.comparison is not None and snapshot.history is None


def test_stepping_and_picking_rounds():
    history = load(example("istanbul-2025-05-16", "istanbul-2025-06-02"),
                   DEFAULT_LIMITS).history
    assert viewable(history) == [0, 1]
    assert pick(history, None) == 1 and pick(history, "Istanbul I") == 0
    assert pick(history, "gone") == 1
    assert step(history, 1, -1) == 0 and step(history, 0, -1) is None
    assert step(history, 1, 1) is None


def test_the_index_bar_and_the_trend_words():
    assert [bar(v) for v in (0.0, 0.25, 0.5, 1.0, None)] == ["▁", "▃", "▅", "█", "·"]

    def round_(index: int, trend: Trend | None = None) -> Round:
        return Round(index=index, label=f"R{index}", date=None, given=(), standing={},
                     trend=trend)

    assert trend_words(round_(0)) is None
    assert trend_words(round_(1, Trend(rows=0, before=None, after=None, change=None))) == \
        "like for like: not measurable (no topic measured in both rounds)"
    assert trend_words(round_(1, Trend(rows=5, before=0.4, after=0.55, change=0.15))) == \
        "like for like on 5 topics: 0.40 → 0.55, closer"
    assert trend_words(round_(1, Trend(rows=1, before=0.5, after=0.2, change=-0.3))) == \
        "like for like on 1 topic: 0.50 → 0.20, further apart"


def test_many_rounds_are_drawn_as_bars_between_the_first_and_last_index():
    from diffing.history_result import History
    from diffing.result import Summary
    from tui.app.rounds import RoundView

    def summary(index: float) -> Summary:
        return Summary(topics=1, agreed=0, partial=0, conflict=0, one_sided=0, unclear=0,
                       agreement_index=index, measured=1)

    values = (1.0, 0.75, None, 0.5, 0.25, 0.0)
    history = History(parties=(), rounds=tuple(
        Round(index=i, label=f"R{i}", date=None, given=(), standing={},
              summary=summary(v) if v is not None else None) for i, v in enumerate(values)))
    assert index_trail(RoundView(history, 3)).plain == "1.00 █▆·▅▃▁ 0.00"
    assert index_trail(RoundView(history, 1)).plain != ""
