"""The gap explorer: walk the rows, read each side's clause, fix a file and see it change.

State lives here (the comparison, the view's filter, search, baseline and options, the
round shown, the selected row by its id); widgets only display what they are given and
post `RowChosen`. The app reads proposal files and never writes them.

When the files hold several rounds, `[` and `]` step through them: the grid shows the
comparison of the positions standing in that round (the latest: the files' comparison,
with its baseline and options), and marks what each new text changed.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.containers import Vertical
from textual.screen import Screen
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Input

from diffing import Comparison, GapStatus, Party, Position, Row
from diffing.filters import restrict
from diffing.history_result import History, Move
from diffing.sorting import SORTS, sort_view
from proposals.examples import bundled
from proposals.limits import DEFAULT_LIMITS, Limits
from tui.app.actions import BINDINGS, PAIRS, ROUNDS
from tui.app.background import off_thread
from tui.app.changes import neighbour, reloaded
from tui.copies import free_folder
from tui.stopping import end_on_signals
from tui.app.editor import EditorError, editor_command, resolve, run_editor
from tui.app.messages import ComparisonShown, RowChosen
from tui.app.pairs import against_baseline, baseline_first
from tui.app.palette import ansi_theme
from tui.app.panes import Panes, compact
from tui.app.rounds import RoundView, pick, step
from tui.app.saves import Saves
from tui.app.session import (
    FILTERS,
    SETTLE_SECONDS,
    SETTLE_WITH_EVENTS,
    Snapshot,
    Watcher,
    load,
    unchanged,
)
from tui.app.settings import THEMES, Settings, settings_path
from tui.app.widgets.detail import DetailPane
from tui.app.widgets.gap_grid import GapGrid
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.masthead import Masthead
from tui.app.widgets.problems import ProblemBar
from tui.inputs import Source
from tui.reports.layout import row_heading
from tui.terminal import literal, one_line

if TYPE_CHECKING:
    from textual.command import Provider

WATCH_SECONDS = 0.05  # a poll is a stat per file; a save is read once the files are still
HASH_SECONDS = 2.0  # and the contents are hashed this often, for an edit that stat does not show,
HASH_SHARE = 0.02  # or less often, so that hashing large files takes at most this share of a core
WIDE = 150  # from this many columns the detail pane stands beside the grid


def _topic_jump() -> type[Provider]:
    """The palette's provider of rows, imported when the palette first opens."""
    from tui.app.jump import TopicJump

    return TopicJump


class CeasefireApp(App[None]):
    """`ceasefire view`: the comparison of `sources`, kept in step with the files."""

    CSS_PATH = "app.tcss"
    TITLE = "ceasefire"
    BINDINGS = BINDINGS
    COMMANDS = App.COMMANDS | {_topic_jump}

    def __init__(self, sources: Sequence[Source], limits: Limits = DEFAULT_LIMITS,
                 watch: bool = True, folder: Path | None = None, blink: bool = True,
                 options: Mapping[str, str] | None = None, baseline: str | None = None,
                 only: Collection[GapStatus] | None = None, topics: Sequence[str] = (),
                 exclude: Sequence[str] = (), theme: str | None = None,
                 settings: Settings | None = None) -> None:
        """`watch` follows file changes; `blink` animates the search cursor (tests turn
        both off, so that a screen depends only on the files and the keys pressed);
        `options` picks the option shown for parties that offer several ({party: option});
        `baseline`, `only`, `topics` and `exclude` are `view`'s flags, as `diff` takes them; `theme`
        is for this run, else the one remembered in `settings` (the user's by default)."""
        super().__init__()
        self.settings = Settings.read(settings_path()) if settings is None else settings
        self.sources = list(sources)
        self.limits = limits
        self.watching = watch
        self.blink = blink
        self.export_folder = folder or Path.cwd()
        self.snapshot = Snapshot(None)  # the reading shown
        self.reading = True  # until the files are first read
        self._hash_after = 0.0  # when the contents may be hashed again (time.monotonic)
        self.latest: Comparison | None = None  # the last good comparison of the files
        self.history: History | None = None  # with it, when the files hold several rounds
        self.round_label: str | None = None  # the round chosen; None: the latest
        self.rounds: RoundView | None = None  # the round shown, with several
        self.comparison: Comparison | None = None  # the one shown: the latest, or a round's
        self.scope: Comparison | None = None  # the rows `--only`, `--topics`, `--exclude` keep
        self.shown: Comparison | None = None  # and those the filter and search keep
        self.filter_index = _index([name for name, _ in FILTERS], self.settings.text("filter"))
        self.sort = SORTS[_index(SORTS, self.settings.text("sort"))]  # the rows' order (`s`)
        self.only = frozenset(only) if only else None  # the view's scope, as `diff --only`
        self.topics = tuple(topics)
        self.exclude = tuple(exclude)
        self.search = ""
        self.baseline = baseline
        self.options: dict[str, str] = dict(options or {})
        self.row: str | None = None  # the selected row's id
        self.panes = Panes()  # the grid and the detail, or one zoomed; the detail's share
        self.party: str | None = None
        self._rows: dict[str, Row] = {}  # the shown rows by id
        self._order: list[str] = []  # their ids in the order shown
        self.marks: dict[tuple[str, str], Move] = {}  # cells the last reload changed
        self.watcher = Watcher([source.path for source in self.sources])
        self.saves: Saves | None = None  # the system's word on saves, where it gives one
        chosen = theme or self.settings.text("theme")
        if chosen in self.available_themes:
            self.theme = chosen
        self._kept = {"theme": self.theme, "filter": self.filter_name,  # as the run began
                      "sort": self.sort}

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        width = self.size.width  # the layout fits the terminal from the first paint
        yield Masthead(id="masthead")
        yield ProblemBar(id="problems")
        with Vertical(id="main", classes="-wide" if width >= WIDE else ""):
            yield GapGrid(id="grid")
            yield DetailPane(id="detail")
        search = Input(placeholder="search topics and text — enter to apply, escape to clear",
                       id="search")
        search.cursor_blink = self.blink
        yield search
        yield KeyBar()

    def on_mount(self) -> None:
        end_on_signals(lambda code: self.exit(return_code=code))
        self._paint(self.current_theme)
        self.theme_changed_signal.subscribe(self, self._paint)
        self._fit(self.size.width, self.size.height)
        self.query_one(GapGrid).focus()
        self.refresh_view()  # "Reading N files…" until they are
        self._reload()
        if self.settings.notice:
            self.notify(self.settings.notice, severity="warning", markup=False, timeout=8)
        self.theme_changed_signal.subscribe(self, lambda theme: self._remember(theme=theme.name))
        if self.watching:
            self._watch(self.sources)
            self.set_interval(WATCH_SECONDS, self.poll_files)
            self.set_interval(HASH_SECONDS, self.verify_files)

    def on_unmount(self) -> None:
        self._unwatch()

    def _paint(self, theme: Theme) -> None:
        """Named colours (statuses, moves, parties) in this theme's own colours."""
        palette = ansi_theme(self.get_css_variables(), self.no_color)
        if theme.dark:
            self.ansi_theme_dark = palette
        else:
            self.ansi_theme_light = palette

    def on_resize(self, event) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        """Beside or under each other by the width; a small terminal gets the compact
        masthead and key bar; then each pane's share."""
        self.query_one("#main").set_class(width >= WIDE, "-wide")
        small = compact(width, height)
        self.query_one(Masthead).set_compact(small)
        self.query_one(KeyBar).set_compact(small)
        self.query_one(DetailPane).set_class(small, "-compact")
        self._arrange()

    def _arrange(self) -> None:
        """Show the panes the zoom keeps, the detail taking its share of the room."""
        grid, detail = self.query_one(GapGrid), self.query_one(DetailPane)
        zoom = self.panes.zoom
        grid.display, detail.display = zoom != "detail", zoom != "grid"
        share = "1fr" if zoom == "detail" else f"{self.panes.share}%"
        wide = self.query_one("#main").has_class("-wide")
        detail.styles.width, detail.styles.height = (share, "1fr") if wide else ("1fr", share)
        if self.focused is not None and not self.focused.display:
            (grid if grid.display else detail).focus()

    def action_zoom(self) -> None:
        self.panes = self.panes.zoomed()
        self._arrange()
        self.notify(self.panes.words, timeout=2)

    def action_resize_detail(self, by: int) -> None:
        self.panes = self.panes.resized(by)
        self._arrange()
        self.notify(self.panes.words, timeout=2)

    # --- state ------------------------------------------------------------------------------

    def apply(self, snapshot: Snapshot, announce: bool = False, watched: bool = False) -> None:
        """Show a new reading of the files; an invalid one keeps the last good comparison,
        and the round chosen is kept while the files still have it. `announce` (a reload
        of the files) says what changed and marks those cells until the next one;
        `watched` (a change the watcher saw) shows nothing when the files read as before
        (touched, or their permissions changed and still readable)."""
        if watched and (snapshot.contents, snapshot.problems) == \
                (self.snapshot.contents, self.snapshot.problems):
            return
        edited = [source.name for source, now, was in
                  zip(self.sources, snapshot.contents, self.snapshot.contents) if now != was]
        if self.reading:  # the first reading: columns measured again once laid out
            self.call_after_refresh(self.refresh_view)
        self.snapshot, self.reading = snapshot, False
        if announce and snapshot.comparison is not None and self.latest is not None:
            changes = reloaded(self.latest, snapshot.comparison, edited)
            self.marks = changes.marks
            self.notify(literal(changes.message()), title="Reloaded", markup=False, timeout=4)
        if snapshot.comparison is not None:
            self.latest = snapshot.comparison
            self.history = snapshot.history
            self._show_round()
        self.query_one(ProblemBar).show(snapshot.problems, stale=self.comparison is not None)
        offered = self.comparison.shown_pairs if self.comparison is not None else ()
        self.query_one(KeyBar).offer({group for group, shown in (
            (ROUNDS, self.history is not None), (PAIRS, bool(offered))) if shown})
        self.refresh_view()

    def _show_round(self) -> None:
        """Take the chosen round's comparison (the latest's is the files' own). A selected
        row it lacks (another round, another option taken, a clause's actor edited) gives
        way to a row of the same topic."""
        before = self.selected_row
        if self.history is None:
            self.rounds, self.comparison = None, self.latest
        else:
            index = pick(self.history, self.round_label)
            self.rounds = RoundView(self.history, index)
            self.comparison = self.latest if self.rounds.latest else \
                self.history.rounds[index].comparison
        if before is not None and self.comparison is not None \
                and self.comparison.row(before.id) is None:
            self.row = next((r.id for r in self.comparison.rows
                             if r.topic == before.topic), self.row)

    @property
    def filter_name(self) -> str:
        return FILTERS[self.filter_index][0]

    def view_label(self) -> str:
        parts = []
        if self.only:
            parts.append("only: " + ", ".join(s.value for s in GapStatus if s in self.only))
        if self.topics:
            parts.append("topics: " + ", ".join(self.topics))
        if self.exclude:
            parts.append("excluding: " + ", ".join(self.exclude))
        if self.filter_name != "all":
            parts.append(f"filter: {self.filter_name}")
        if self.search:
            parts.append(f"search: {self.search!r}")
        if self.sort != SORTS[0]:
            parts.append(f"sorted by {self.sort}")
        if self.comparison is not None and self.comparison.baseline:
            parts.append(f"baseline: {self.comparison.party(self.comparison.baseline).name}")
        elif self.latest is not None and self.latest.baseline:  # an earlier round is shown
            parts.append(f"baseline: {self.latest.party(self.latest.baseline).name} "
                         "(the latest round only)")
        return " · ".join(parts)

    def refresh_view(self) -> None:
        """Re-derive what is shown from the comparison and the view settings; keep the selection."""
        masthead = self.query_one(Masthead)
        if self.comparison is None:
            self.shown = None
            masthead.show(None, None, f"Reading {len(self.sources)} files…" if self.reading
                          else "")
            self.query_one(DetailPane).show(None, None)
            return
        self._remember(filter=self.filter_name, sort=self.sort)
        self.scope = restrict(self.comparison, self.only, self.topics, exclude=self.exclude) \
            if self.only or self.topics or self.exclude else self.comparison
        self.shown = baseline_first(sort_view(
            restrict(self.scope, FILTERS[self.filter_index][1], text=self.search), self.sort))
        masthead.show(self.comparison, self.shown, self.view_label(), self.rounds)
        self._rows = {row.id: row for row in self.shown.rows}
        if self.row not in self._rows:  # gone or filtered out: its neighbour takes its place
            self.row = neighbour(self._order, self.row, list(self._rows))
        self._order = list(self._rows)
        latest = self.rounds is None or self.rounds.latest
        moves = {**({key: found.change.move for key, found in self.rounds.moves.items()}
                    if self.rounds is not None else {}), **(self.marks if latest else {})}
        self.query_one(GapGrid).show(self.shown, self.row, self.party, moves, self.sort,
                                     against_baseline(self.shown))
        self._show_row()

    def _remember(self, **values: str) -> None:
        """Keep a theme, filter or sort the user changed for the next run (one given on the command
        line is for this run); say once when they cannot be kept."""
        changed = {name: value for name, value in values.items() if self._kept[name] != value}
        if not changed:
            return
        self._kept.update(changed)
        problem = self.settings.remember(**changed)
        if problem is not None and problem != self.settings.notice:
            self.settings.notice = problem
            self.notify(problem, severity="warning", markup=False, timeout=8)

    @property
    def selected_row(self) -> Row | None:
        return self._rows.get(self.row or "")

    def nothing_selected(self) -> str:
        """Why no row is selected: what hides every row, and the key that brings them back."""
        if self.search:
            return literal(f"No topic matches {self.search!r} — Esc clears the search.")
        if self.filter_index:
            return (f"The filter '{self.filter_name}' hides every topic — f shows the next, "
                    "Esc shows all.")
        return "No row selected."

    def _show_row(self) -> None:
        """The detail pane, and any screen drawing the comparison, follow the selection."""
        self.query_one(DetailPane).show(self.selected_row, self.comparison, self.rounds,
                                        self.nothing_selected())
        if self.comparison is not None:
            self.screen.post_message(ComparisonShown(self.comparison, self.selected_row))

    @on(RowChosen)
    def choose(self, event: RowChosen) -> None:
        if not self.query(GapGrid):
            return  # a message that arrived while the app was closing
        if event.party is not None:
            self.party = event.party
        self._go(event.row)

    def _go(self, row: str | None) -> None:
        """Select a row at once, so that keys pressed in a burst (`n n n`) each start from
        the row the one before reached."""
        if row is None or row == self.row:
            return
        self.row = row
        self.query_one(GapGrid).select(self.row, self.party)
        self._show_row()

    # --- files --------------------------------------------------------------------------------

    def _watch(self, sources: Sequence[Source]) -> None:
        """Watch these files: by the stat poll, and, when following changes, by the
        system's word on saves where it gives one (a save is then read at once; the poll
        waits longer for the rest)."""
        self._unwatch()
        paths = [source.path for source in sources]
        self.saves = Saves.watch(paths) if self.watching else None
        self.watcher = Watcher(paths, SETTLE_WITH_EVENTS if self.saves else SETTLE_SECONDS)
        if self.saves is not None:
            asyncio.get_running_loop().add_reader(self.saves.fd, self._saved)

    def _unwatch(self) -> None:
        if self.saves is not None:
            asyncio.get_running_loop().remove_reader(self.saves.fd)
            self.saves.close()
            self.saves = None

    def _saved(self) -> None:
        """A watched file was saved whole: read it now, not once it has been still."""
        if self.saves is not None and self.saves.saved():
            self.watcher.saved()
            self.poll_files()

    def poll_files(self) -> None:
        """A stat of each file; a change is read once the files have been still a moment
        (looked at again when that moment ends, not at the next tick)."""
        if self.watcher.changed():
            self._reload(announce=True, watched=True)
            return
        due = self.watcher.due()
        if due is not None and due < WATCH_SECONDS:
            self.set_timer(max(due, 0) + 0.002, self.poll_files)

    @work(exclusive=True, group="verify")
    async def verify_files(self) -> None:
        """Hash the files' contents now and then: a change stat cannot see (a file system
        with coarse times, an edit that restored every time) is read too."""
        read, start = self.snapshot.contents, time.monotonic()
        if self.reading or len(read) != len(self.sources) or start < self._hash_after:
            return
        paths = [source.path for source in self.sources]
        same = await off_thread(partial(unchanged, paths, self.limits, read))
        self._hash_after = start + (time.monotonic() - start) / HASH_SHARE
        if not same:
            self.watcher.notice()

    def action_reload(self) -> None:
        self._reload(announce=True)

    @work(exclusive=True, group="reload")
    async def _reload(self, announce: bool = False, watched: bool = False) -> None:
        """Read and compare the files off the UI thread, so that keys (ctrl+c, q) work
        through a slow load; a newer reload replaces this one. `announce` says what changed
        (a reload of edited files, not a baseline or an option chosen); `watched` (the
        watcher saw a change) drops a reading during which the files moved again: the
        watcher reads them once they are still."""
        before = self.watcher.stamps()
        snapshot = await off_thread(partial(load, self.sources, self.limits, self.baseline,
                                            self.options))
        if watched and self.watcher.stamps() != before:
            return
        self.apply(snapshot, announce, watched)

    def action_edit(self) -> None:
        """Open $VISUAL or $EDITOR on the selected clause's line (on the first error's place
        while no comparison could be made), then read the files again."""
        target = self._edit_target()
        if target is None:
            return
        if bundled(target[0]):
            self._copy_then_edit(*target)
        else:
            self._edit(*target)

    def _copy_then_edit(self, path: Path, line: int, column: int) -> None:
        """A bundled example is copied to a folder the user picks, then the copies are
        watched and edited; the installed package's files never are."""
        from tui.app.screens.examples import ExampleCopyScreen

        def copied(sources: list[Source] | None) -> None:
            if sources is None:
                return
            moved = dict(zip((s.path for s in self.sources), (s.path for s in sources)))
            self.sources = sources
            self._watch(sources)
            self.notify(literal(f"Copied to {moved[path].parent}: the app now reads "
                                "and watches the copies."), markup=False, timeout=6)
            self._edit(moved[path], line, column)

        folder = free_folder(self.export_folder, path.parent.name)
        self.push_screen(ExampleCopyScreen(self.sources, folder), copied)

    def _edit_target(self) -> tuple[Path, int, int] | None:
        """The file, line and column `e` opens, or None with the reason notified."""
        error = next((p for p in self.snapshot.problems if p.is_error), None)
        if self.comparison is None and error is not None:
            # a problem of the whole file (line 0) opens it at its top
            return self._source_path(error.file, max(error.line, 1), max(error.column, 1))
        row = self.selected_row
        if row is None or self.comparison is None:
            self.notify(self.nothing_selected(), severity="warning", markup=False)
            return None
        party, position = self._clause(row)
        if party is None or position is None:
            self.notify("No party addresses this row.", severity="warning")
            return None
        # a clause an amending text carries over is in the earlier text's file
        return self._source_path(position.file or party.file, position.line, 1)

    def _clause(self, row: Row) -> tuple[Party | None, Position | None]:
        """The clause `e` and `y` act on: the party's under the grid's cursor, else the
        first party's that addresses the row."""
        assert self.comparison is not None
        party = self.party if row.positions.get(self.party or "") else next(
            (p.id for p in self.comparison.parties if row.positions.get(p.id)), None)
        if party is None:
            return None, None
        return self.comparison.party(party), row.positions[party]

    def _source_path(self, name: str, line: int, column: int) -> tuple[Path, int, int] | None:
        path = next((source.path for source in self.sources if source.name == name), None)
        if path is None:
            self.notify(literal(f"No file {name!r} among those given."), severity="error",
                        markup=False)
            return None
        return path, line, column

    def _edit(self, path: Path, line: int, column: int) -> None:
        """Hand the terminal to the editor; any failure comes back as a message."""
        try:
            command = resolve(editor_command(os.environ, path, line, column), os.environ)
        except EditorError as error:
            self.notify(literal(str(error)), title="Editor", severity="error", markup=False,
                        timeout=10)
            return
        failure = run_editor(self, command)
        if failure is not None:
            self.notify(literal(failure), title="Editor", severity="error", markup=False,
                        timeout=10)
        self.watcher.accept()  # the reload below covers this change
        self.action_reload()

    # --- navigation -----------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        grid = self.query_one(GapGrid)
        grid.action_cursor_down()
        self._go(grid.row_of(grid.cursor))  # at once: `j y` copies from the row j reached

    def action_cursor_up(self) -> None:
        grid = self.query_one(GapGrid)
        grid.action_cursor_up()
        self._go(grid.row_of(grid.cursor))

    def action_previous_round(self) -> None:
        self._step_round(-1)

    def action_next_round(self) -> None:
        self._step_round(1)

    def _step_round(self, by: int) -> None:
        """Show the round `by` away (a round where two parties or more stand), keeping the
        selected row when that round has it."""
        if self.history is None or self.rounds is None:
            versions = self.latest.versions_of if self.latest is not None else None
            self.notify(literal(f"Each column is a version of {versions}: the rounds are side "
                                "by side already.") if versions else
                        "The files hold one round: nothing to step through.",
                        markup=False, timeout=3)
            return
        index = step(self.history, self.rounds.index, by)
        if index is None:
            self.notify("This is the latest round." if by > 0 else
                        "This is the first round." if self.rounds.index == 0 else
                        "No earlier round to show: only one party stood in it.", timeout=2)
            return
        self.round_label = self.history.rounds[index].label
        self._show_round()
        self.refresh_view()

    def _gaps(self) -> set[str]:
        return {row.id for row in self._rows.values() if row.status.is_gap}

    def action_next_gap(self) -> None:
        self._go(_step(list(self._rows), self._gaps(), self.row, forward=True))

    def action_previous_gap(self) -> None:
        self._go(_step(list(self._rows), self._gaps(), self.row, forward=False))

    def action_first_row(self) -> None:
        self._go(next(iter(self._rows), None))

    def action_last_row(self) -> None:
        self._go(next(reversed(self._rows), None))

    def action_cycle_filter(self) -> None:
        self._step_filter(1)

    def action_previous_filter(self) -> None:
        self._step_filter(-1)

    def _step_filter(self, by: int) -> None:
        self.filter_index = (self.filter_index + by) % len(FILTERS)
        self.refresh_view()
        self.notify(f"Showing {self.filter_name}", timeout=2)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_view()
        self.notify(f"Sorted by {self.sort}", timeout=2)

    def _panes(self) -> list[Widget]:
        """The panes that take focus, left to right (those shown)."""
        return [pane for pane in (self.query_one(GapGrid), self.query_one(DetailPane))
                if pane.display]

    def action_focus_pane(self, by: int) -> None:
        """Focus the pane `by` away from the focused one (h: left, l: right), not past an end."""
        panes = self._panes()
        current = panes.index(self.focused) if self.focused in panes else 0
        panes[max(0, min(len(panes) - 1, current + by))].focus()

    def action_jump(self) -> None:
        from textual.command import CommandPalette

        from tui.app.jump import EveryTopic

        self.push_screen(CommandPalette(providers=[EveryTopic],
                                        placeholder="Jump to a topic: its name, key or alias…"))

    def jump_rows(self) -> tuple[Row, ...]:
        """The rows a jump can reach, in the order shown: any the filter or search hides too."""
        return sort_view(self.scope, self.sort).rows if self.scope is not None else ()

    def jump_to(self, row: str) -> None:
        """Select `row`, clearing the search and filter first when they hide it."""
        if row not in self._rows:
            self.search, self.filter_index = "", 0
            self.query_one("#search", Input).value = ""
            self.refresh_view()
            self.notify("Search and filter cleared to show the topic.", timeout=3)
        self._go(row)
        self.query_one(GapGrid).focus()

    def action_open_detail(self) -> None:
        """Focus the detail pane, to scroll the selected row's full clauses and pictures."""
        self.query_one(DetailPane).focus()

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.add_class("-visible")
        box.value = self.search
        box.focus()

    @on(Input.Submitted, "#search")
    def _search(self, event: Input.Submitted) -> None:
        self.search = event.value.strip()
        self._close_search()

    @on(Input.Changed, "#search")
    def _search_live(self, event: Input.Changed) -> None:
        self.search = event.value.strip()
        self.refresh_view()

    def action_clear(self) -> None:
        """One step back to everything: an open search box closes (dropping what was typed),
        the detail pane gives the focus back to the grid, then an applied search is
        cleared, then the filter goes back to all."""
        box = self.query_one("#search", Input)
        if box.has_class("-visible"):
            self.search = ""
            box.value = ""
            self._close_search()
        elif self.focused is self.query_one(DetailPane):
            self.query_one(GapGrid).focus()
        elif self.search:
            self.search = ""
            self.refresh_view()
            self.notify("Search cleared", timeout=2)
        elif self.filter_index:
            self.filter_index = 0
            self.refresh_view()
            self.notify("Showing all", timeout=2)

    def _close_search(self) -> None:
        self.query_one("#search", Input).remove_class("-visible")
        self.refresh_view()
        self.query_one(GapGrid).focus()

    # --- screens -------------------------------------------------------------------------------

    def action_copy(self) -> None:
        """A menu of what to copy from the selected row; a notification says what was."""
        from tui.app.copying import copied_words, copy_texts
        from tui.app.screens.copy import CopyScreen

        row = self.selected_row
        if row is None or self.comparison is None:
            self.notify(self.nothing_selected(), severity="warning", markup=False)
            return
        party, position = self._clause(row)
        texts = copy_texts(row, party, position)

        def chosen(what: str | None) -> None:
            if what is not None:
                self.copy_to_clipboard(texts[what])
                self.notify(copied_words(what, party, texts[what]), markup=False, timeout=4)

        title = f"Copy from {one_line(row_heading(row))}" + \
            (f" ({one_line(party.name)})" if party is not None else "")
        self.push_screen(CopyScreen(texts, title), chosen)

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen  # screens load when first opened

        self.push_screen(HelpScreen())

    def action_pick_baseline(self) -> None:
        from tui.app.screens.baseline import NO_BASELINE, BaselineScreen

        if self.comparison is None:
            return

        def chosen(party: str | None) -> None:
            if party is None:
                return
            self.baseline = None if party == NO_BASELINE else party
            self._reload()

        parties = (self.latest or self.comparison).parties  # a baseline is the latest round's
        self.push_screen(BaselineScreen(parties, self.baseline), chosen)

    def action_pairs(self) -> None:
        from tui.app.screens.pairs import PairsScreen

        if self.shown is None or not self.shown.shown_pairs:
            self.notify("Two parties: the grid is their one pair (b compares every party "
                        "with one).", timeout=3)
            return

        def chosen(row: str | None) -> None:
            if row is not None and any(r.id == row for r in self.jump_rows()):
                self.jump_to(row)  # a row the pair keeps may be one the filter hides

        self.push_screen(PairsScreen(self.shown, self.row, self.comparison), chosen)

    def action_timeline(self) -> None:
        from tui.app.screens.timeline import TimelineScreen

        if self.comparison is None:
            self.notify("Nothing to draw yet.", severity="warning")
            return
        self.push_screen(TimelineScreen(self.comparison, self.selected_row))

    def action_pick_option(self) -> None:
        from tui.app.screens.options import OptionScreen

        if self.comparison is None or not self.comparison.options:
            self.notify("No party offers options.", severity="warning")
            return

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is not None:
                party, option = choice
                self.options[party] = option
                self._reload()

        self.push_screen(OptionScreen(self.comparison), chosen)

    def action_export(self) -> None:
        from tui.app.screens.export import ExportScreen

        if self.shown is None:
            self.notify("Nothing to export yet.", severity="warning")
            return

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(literal(f"Wrote {path}"), markup=False)

        self.push_screen(ExportScreen(self.shown, self.export_folder,
                                      [source.path for source in self.sources]), written)

    def action_cycle_theme(self) -> None:
        current = THEMES.index(self.theme) if self.theme in THEMES else -1
        self.theme = THEMES[(current + 1) % len(THEMES)]
        self.notify(f"Theme: {self.theme}", timeout=2)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key's action by its name, then Textual's own commands that no key does
        already (its Quit and Theme would be listed twice), with a screenshot of ours."""
        ours = {binding.description for binding in BINDINGS}
        for binding in BINDINGS:
            yield SystemCommand(binding.description, binding.tooltip,
                                partial(self.run_action, binding.action))
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                yield SystemCommand("Screenshot", "Save an SVG picture of the screen in the "
                                    "export folder", partial(self.set_timer, 0.1, self.save_picture))
            elif command.title not in ours:
                yield command

    def save_picture(self) -> None:
        """The screen as SVG in the export folder; where it went, or why it could not."""
        try:
            path = self.save_screenshot(path=str(self.export_folder))
        except OSError as error:
            self.notify(literal(f"Could not save the screenshot in {self.export_folder}: "
                                f"{error.strerror or error}"),
                        severity="error", markup=False, timeout=8)
            return
        self.notify(literal(f"Saved the screenshot to {path}"), markup=False)


def _index(names: Sequence[str], name: str | None) -> int:
    """The position of a remembered name among `names`; 0 (the first) when it is not one."""
    return names.index(name) if name in names else 0


def _step(rows: list[str], gaps: set[str], current: str | None, forward: bool) -> str | None:
    """The next (or previous) gap after `current` in display order, wrapping around."""
    if not gaps:
        return None
    start = rows.index(current) if current in rows else -1
    order = rows[start + 1:] + rows[:start + 1] if forward else \
        list(reversed(rows[:start])) + list(reversed(rows[start:]))
    return next((row for row in order if row in gaps), None)
