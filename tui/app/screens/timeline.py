"""`t`: every party's phases and timed clauses on one axis of days, the selected row's
clauses pointed out; it follows the files as the main screen does."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from diffing import Comparison, Row
from tui.app.messages import ComparisonShown
from tui.app.timeline_picture import row_events, timeline_picture
from tui.reports.layout import headline, shown_option
from tui.terminal import literal


def marked_events(row: Row | None, comparison: Comparison) -> frozenset[tuple[str, str]]:
    """(party, event key) of the row's timed clauses."""
    if row is None:
        return frozenset()
    return frozenset((party, event.key) for party, event in row_events(row, comparison).items())


class TimelineScreen(Screen[None]):
    DEFAULT_CSS = """
    TimelineScreen > #timeline-title { height: auto; padding: 0 1; background: $boost; }
    TimelineScreen > VerticalScroll { padding: 0 1; }
    TimelineScreen > #timeline-keys { dock: bottom; height: 1; background: $panel;
                                      color: $text-muted; padding: 0 1; }
    """
    BINDINGS = [Binding("escape,t,q", "dismiss", "Close", id="close-timeline",
                        tooltip="Back to the rows")]

    def __init__(self, comparison: Comparison, row: Row | None) -> None:
        super().__init__()
        self.comparison = comparison
        self.row = row

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-title")
        with VerticalScroll():
            yield Static(id="timeline-body")
        yield Static(Text("esc back  ↑↓ scroll  ▸ the selected row  █ window  ● day  "
                          "░ open-ended"), id="timeline-keys")

    def on_mount(self) -> None:
        self.draw()

    def on_resize(self) -> None:
        self.draw()

    @on(ComparisonShown)
    def _follow(self, event: ComparisonShown) -> None:
        self.comparison, self.row = event.comparison, event.row
        self.draw()

    def draw(self) -> None:
        title = Text()
        title.append(f"Timeline — {literal(headline(self.comparison))}", style="bold")
        options = [f"{literal(p.name)}: {literal(shown_option(p) or '')}"
                   for p in self.comparison.parties if p.option]
        if options:
            title.append("   options shown: " + ", ".join(options), style="dim")
        self.query_one("#timeline-title", Static).update(title)
        width = max(self.query_one(VerticalScroll).size.width - 2, 20)
        self.query_one("#timeline-body", Static).update(
            timeline_picture(self.comparison, width, marked_events(self.row, self.comparison)))
