"""The side-by-side grid: one line per row, a status column, one column per party; rows of
one topic (one per party that acts, per phase) stand under a line with the topic's label.

← and → move the cursor between parties' columns (which party `e` opens). In a round of
a history, a cell whose party's new text changed, added or dropped the row starts with the
move's glyph (`↔`, `+`, `−`), coloured as well, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.reactive import reactive

from diffing import Comparison
from diffing.history_result import Move
from tui.app.headings import Line, line_text, row_lines
from tui.app.messages import RowChosen
from tui.app.widgets.cursor_list import CursorList, cell
from tui.reports.history.layout import MOVES
from tui.reports.layout import LOOKS, position_text
from tui.terminal import one_line

STATUS_WIDTH = 12
TOPIC_WIDTH = 22
TOPIC_MAX = 32  # a wide grid gives the topic column a party's share, up to this
GUTTER = 1


def column(text: str, width: int, style: Style) -> list[Segment]:
    """A cell of `width` and the gutter after it, so no two cells ever touch."""
    return [cell(text, width, style), Segment(" " * GUTTER, style)]


class GapGrid(CursorList):
    header_lines = 1
    COMPONENT_CLASSES = {"gap-grid--header", "gap-grid--cursor", "gap-grid--cursor-cell",
                         "gap-grid--odd", "gap-grid--silent", "gap-grid--topic"}
    DEFAULT_CSS = """
    GapGrid { height: 1fr; overflow-x: hidden; }
    GapGrid > .gap-grid--header { background: $panel; text-style: bold; }
    GapGrid > .gap-grid--odd { background: $boost; }
    GapGrid > .gap-grid--silent { color: $text-muted; }
    GapGrid > .gap-grid--topic { text-style: italic; }
    GapGrid > .gap-grid--cursor { background: $block-cursor-blurred-background; }
    GapGrid > .gap-grid--cursor-cell { background: $block-cursor-blurred-background;
                                       text-style: bold; }
    GapGrid:focus > .gap-grid--cursor { background: $block-hover-background; }
    GapGrid:focus > .gap-grid--cursor-cell { background: $block-cursor-background;
                                            color: $block-cursor-foreground; }
    """
    BINDINGS = [
        Binding("left", "column(-1)", "Previous party", show=False),
        Binding("right", "column(1)", "Next party", show=False),
    ]

    column: reactive[int] = reactive(0)  # the party's index under the cursor

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[Line] = []
        self.parties: list[str] = []
        self.names: list[str] = []
        self._lines: dict[str, int] = {}
        self.moves: Mapping[tuple[str, str], Move] = {}

    # --- data ------------------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self.lines)

    def selectable(self, line: int) -> bool:
        return self.lines[line].row is not None

    def row_of(self, line: int) -> str | None:
        row = self.lines[line].row if 0 <= line < len(self.lines) else None
        return row.id if row is not None else None

    @property
    def party(self) -> str | None:
        """The party whose column the cursor is in."""
        return self.parties[self.column] if 0 <= self.column < len(self.parties) else None

    def show(self, comparison: Comparison, row: str | None, party: str | None,
             moves: Mapping[tuple[str, str], Move] | None = None) -> None:
        """Show `comparison`'s rows, keeping the cursor on the row `row` and `party` if shown;
        `moves` marks cells by (row id, party id)."""
        self.moves = moves or {}
        self.lines = row_lines(comparison.rows)
        self.parties = [p.id for p in comparison.parties]
        self.names = [one_line(p.name) for p in comparison.parties]
        self._lines = {line.row.id: i for i, line in enumerate(self.lines) if line.row}
        self.lines_changed()
        self.select(row, party)

    def select(self, row: str | None, party: str | None) -> None:
        """Move the cursor to a row (and a party's column) without announcing it."""
        if party in self.parties:
            self.column = self.parties.index(party)
        if row in self._lines:
            self.cursor = self._lines[row]

    def announce(self) -> None:
        row = self.row_of(self.cursor)
        if row is not None:
            self.post_message(RowChosen(row, self.party))

    def action_column(self, step: int) -> None:
        if self.parties:
            self.column = (self.column + step) % len(self.parties)
            self.announce()

    def watch_column(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        party = self._column_at(event.x)
        if party is not None:
            self.column = party
        super().on_click(event)
        self.announce()

    # --- drawing ---------------------------------------------------------------------------

    def _widths(self, width: int) -> tuple[int, int, int]:
        """Status, topic and party column widths for the grid's current width."""
        count = max(len(self.parties), 1)
        topic = max(TOPIC_WIDTH, min(TOPIC_MAX, (width - STATUS_WIDTH) // (count + 1))) \
            if width >= 70 else 14
        party = max(8, (width - STATUS_WIDTH - topic - GUTTER * (count + 2)) // count)
        return STATUS_WIDTH, topic, party

    def _column_at(self, x: int) -> int | None:
        status, topic, party = self._widths(self.size.width)
        offset = x - status - topic - 2 * GUTTER
        return offset // (party + GUTTER) if offset >= 0 and self.parties else None

    def render_header(self, line: int, width: int) -> list[Segment]:
        style = self.get_component_rich_style("gap-grid--header")
        status, topic, party = self._widths(width)
        segments = [*column("Status", status, style), *column("Topic", topic, style)]
        for name in self.names:
            segments += column(name, party, style)
        return segments + [cell("", max(width - sum(s.cell_length for s in segments), 0), style)]

    def render_row(self, line: int, width: int, selected: bool) -> list[Segment]:
        entry = self.lines[line]
        status, topic, party = self._widths(width)
        if entry.row is None:  # a topic's label over its rows, across the party columns
            return [*column("", status, Style()),
                    cell(line_text(entry, width - status - GUTTER), width - status - GUTTER,
                         self.get_component_rich_style("gap-grid--topic"))]
        row = entry.row
        if selected:
            base = self.get_component_rich_style("gap-grid--cursor")
        elif line % 2:
            base = self.get_component_rich_style("gap-grid--odd")
        else:
            base = Style()
        look = LOOKS[row.status]
        indent = " " if entry.member else ""
        segments = [*column(f" {look.glyph} {look.word}", status,
                            base + Style(color=look.color, bold=True)),
                    *column(indent + line_text(entry, topic - len(indent)), topic, base)]
        silent = self.get_component_rich_style("gap-grid--silent")
        focus = self.get_component_rich_style("gap-grid--cursor-cell")
        for index, party_id in enumerate(self.parties):
            position = row.positions[party_id]
            style = focus if selected and index == self.column else base
            if position is None:
                style = style + Style(color=silent.color)
            move = self.moves.get((row.id, party_id))
            if move is None:
                segments += column(one_line(position_text(position)), party, style)
                continue
            look = MOVES[move]
            text = "dropped" if position is None else one_line(position_text(position))
            segments += [Segment(look.glyph + " ", style + Style(color=look.color, bold=True)),
                         *column(text, max(party - 2, 0), style)]
        return segments + [cell("", max(width - sum(s.cell_length for s in segments), 0), base)]
