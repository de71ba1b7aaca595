"""The side-by-side grid: one line per row, a status column, one column per party; each
area's title over its topics, and rows of one topic (one per party that acts, per phase)
under a line with the topic's label. The topics are named here only, so the parties'
columns keep the room; the columns share the width by what their cells hold
(`tui.app.columns`), and the selected row shows every cell in full, wrapped in its column.

← and → move the cursor between parties' columns (which party `e` opens). In a round of
a history, a cell whose party's new text changed, added or dropped the row starts with the
move's glyph (`↔`, `+`, `−`), coloured as well, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.reactive import reactive

from diffing import Comparison, GapStatus, Row
from diffing.history_result import Move
from tui.app.columns import cell_text, share, wanted, wrap
from tui.app.headings import Line, area_lines, fit, line_text, pad
from tui.app.messages import RowChosen
from tui.app.widgets.cursor_list import CursorList, cell
from tui.reports.history.layout import MOVES
from tui.reports.layout import LOOKS, row_heading
from tui.terminal import one_line

STATUS_WIDTH = 12  # ` ✗ conflict`
STATUS_GLYPH = 2  # ` ✗`, when the grid is narrower than WORDS_FROM
WORDS_FROM = 100
TOPIC_MAX = 34
TOPIC_MIN = 10
PARTY_MAX = 60
PARTY_MIN = 6
NAME_MAX = 24  # a column asks for room for its party's name up to this; longer ones wrap
HEADER_MAX = 2  # lines a party's name may take over its column
GUTTER = 1
MARK = 2  # a glyph and a space before a cell's value: its status against a baseline, and
# the move of a new text that changed it


def column(text: str, width: int, style: Style) -> list[Segment]:
    """A cell of `width` and the gutter after it, so no two cells ever touch."""
    return [cell(text, width, style), Segment(" " * GUTTER, style)]


def fill(segments: list[Segment], width: int, style: Style) -> list[Segment]:
    """`segments` padded with `style` to `width` cells."""
    return segments + [cell("", max(width - sum(s.cell_length for s in segments), 0), style)]


class GapGrid(CursorList):
    COMPONENT_CLASSES = {"gap-grid--header", "gap-grid--area", "gap-grid--cursor", "gap-grid--cursor-cell",
                         "gap-grid--odd", "gap-grid--silent", "gap-grid--topic"}
    DEFAULT_CSS = """
    GapGrid { height: 1fr; overflow-x: hidden; }
    GapGrid > .gap-grid--header { background: $panel; text-style: bold; }
    GapGrid > .gap-grid--odd { background: $boost; }
    GapGrid > .gap-grid--silent { color: $text-muted; }
    GapGrid > .gap-grid--topic { text-style: italic; }
    GapGrid > .gap-grid--area { color: $text-muted; text-style: bold; }
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
        self.verdicts: Mapping[tuple[str, str], GapStatus] = {}
        self._wants: list[int] = []  # what the topic and each party's column ask for
        self.header_lines = 1

    # --- data ------------------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self.lines)

    def selectable(self, line: int) -> bool:
        return self.lines[line].row is not None

    @property
    def row_ids(self) -> list[str]:
        """The rows shown, in order, without the headings over them."""
        return list(self._lines)

    def row_of(self, line: int) -> str | None:
        row = self.lines[line].row if 0 <= line < len(self.lines) else None
        return row.id if row is not None else None

    @property
    def party(self) -> str | None:
        """The party whose column the cursor is in."""
        return self.parties[self.column] if 0 <= self.column < len(self.parties) else None

    def show(self, comparison: Comparison, row: str | None, party: str | None,
             moves: Mapping[tuple[str, str], Move] | None = None, sort: str = "area",
             verdicts: Mapping[tuple[str, str], GapStatus] | None = None) -> None:
        """Show `comparison`'s rows under their areas (in their order when `sort` is not
        by area), keeping the cursor on the row `row` and `party` if shown; `moves` marks
        cells by (row id, party id), and so do `verdicts` (a party's status against the
        baseline)."""
        self.moves = moves or {}
        self.verdicts = verdicts or {}
        self.lines = area_lines(comparison, sort)
        self.parties = [p.id for p in comparison.parties]
        self.names = [one_line(p.name) for p in comparison.parties]
        self._lines = {line.row.id: i for i, line in enumerate(self.lines) if line.row}
        rows = [line for line in self.lines if line.row is not None]
        self._wants = [wanted([line_text(line, TOPIC_MAX) for line in rows]
                              + [line.text for line in self.lines
                                 if line.row is None and not line.area], TOPIC_MAX)]
        self._wants += [max(wanted([self.cell_text(line.row, party) for line in rows],
                                   PARTY_MAX), min(cell_len(name), NAME_MAX))
                        for party, name in zip(self.parties, self.names)]
        self.select(row, party)
        self.lines_changed()

    def cell_text(self, row: Row, party: str) -> str:
        """A party's cell: its value, marked if not confirmed, after its marks' glyphs."""
        return "".join(f"{glyph} " for glyph, _ in self._marks(row, party)) \
            + self._value(row, party)

    def _marks(self, row: Row, party: str) -> list[tuple[str, str]]:
        """(glyph, colour) before a cell's value: its status against the baseline, the move
        a new text made on it."""
        verdict = self.verdicts.get((row.id, party))
        move = self.moves.get((row.id, party))
        return [*([(LOOKS[verdict].glyph, LOOKS[verdict].color)] if verdict else []),
                *([(MOVES[move].glyph, MOVES[move].color)] if move else [])]

    def _value(self, row: Row, party: str) -> str:
        """A cell's value, or `dropped` where a new text dropped the clause."""
        position = row.positions[party]
        moved = (row.id, party) in self.moves
        return "dropped" if moved and position is None else cell_text(position)

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
        self.redraw()

    def on_click(self, event: events.Click) -> None:
        party = self._column_at(event.x)
        if party is not None:
            self.column = party
        super().on_click(event)
        self.announce()

    def _fit_size(self) -> None:
        self.header_lines = max(len(self._header(self.line_width)), 1)
        super()._fit_size()

    # --- drawing ---------------------------------------------------------------------------

    def widths(self, width: int) -> tuple[int, list[int]]:
        """The status column's width, then the topic's and each party's, in `width` cells."""
        status = STATUS_WIDTH if width >= WORDS_FROM else STATUS_GLYPH
        count = len(self._wants)
        room = width - status - GUTTER * (count + 1)
        return status, share(room, self._wants or [1],
                             [TOPIC_MIN] + [PARTY_MIN] * (count - 1))

    def _column_at(self, x: int) -> int | None:
        status, (topic, *parties) = self.widths(self.line_width)
        offset = x - status - topic - 2 * GUTTER
        for index, party in enumerate(parties):
            if 0 <= offset < party + GUTTER:
                return index
            offset -= party + GUTTER
        return None

    def _header(self, width: int) -> list[list[str]]:
        """The header's lines: each party's name over its column, on two lines if need be."""
        if not self._wants:
            return []
        _, (topic, *parties) = self.widths(width)
        names = [wrap(name, party) for name, party in zip(self.names, parties)]
        lines = max(min(len(wrapped), HEADER_MAX) for wrapped in names)
        for index, wrapped in enumerate(names):
            if len(wrapped) > HEADER_MAX:
                wrapped[HEADER_MAX - 1] = fit(" ".join(w.strip() for w in
                                                       wrapped[HEADER_MAX - 1:]),
                                              parties[index])
            names[index] = wrapped[:lines] + [""] * (lines - len(wrapped))
        return [["Status" if not n else "", "Topic" if not n else "",
                 *(wrapped[n] for wrapped in names)] for n in range(lines)]

    def render_header(self, line: int, width: int) -> list[Segment]:
        style = self.get_component_rich_style("gap-grid--header")
        status, widths = self.widths(width)
        header = self._header(width) or [["Status", "Topic"]]
        texts = header[line] if line < len(header) else [""] * (len(widths) + 1)
        segments = column(texts[0] if status > STATUS_GLYPH else "", status, style)
        for text, size in zip(texts[1:], widths):
            segments += column(text, size, style)
        return fill(segments, width, style)

    def _base(self, line: int, selected: bool) -> Style:
        if selected:
            return self.get_component_rich_style("gap-grid--cursor")
        return self.get_component_rich_style("gap-grid--odd") if line % 2 else Style()

    def render_row(self, line: int, width: int, selected: bool) -> list[Segment]:
        return self._row(line, width, selected)[0]

    def render_cursor(self, width: int) -> list[list[Segment]]:
        """The selected row with every party's value in full, wrapped in its column."""
        return self._row(self.cursor, width, True, whole=True)

    def _row(self, line: int, width: int, selected: bool,
             whole: bool = False) -> list[list[Segment]]:
        entry = self.lines[line]
        status, (topic, *parties) = self.widths(width)
        if entry.row is None:  # an area's title, or a topic's label over its rows
            if entry.area:
                style = self.get_component_rich_style("gap-grid--area")
                return [fill([cell(entry.text, width, style)], width, style)]
            room = width - status - GUTTER
            return [[*column("", status, Style()),
                     cell(line_text(entry, room), room,
                          self.get_component_rich_style("gap-grid--topic"))]]
        row = entry.row
        base = self._base(line, selected)
        look = LOOKS[row.status]
        indent = " " if entry.member else ""
        silent = self.get_component_rich_style("gap-grid--silent")
        focus = self.get_component_rich_style("gap-grid--cursor-cell")
        name = entry.text if entry.member else one_line(row_heading(row))
        room = topic - len(indent)
        cells: list[tuple[list[str], int, Style, list[Segment]]] = [
            ([indent + text for text in (wrap(name, room) if whole
                                         else [line_text(entry, room)])], topic, base, [])]
        for index, party_id in enumerate(self.parties):
            style = focus if selected and index == self.column else base
            if row.positions[party_id] is None:
                style = style + Style(color=silent.color)
            text = self._value(row, party_id)
            marks = self._marks(row, party_id)
            size = parties[index] - MARK * len(marks)
            cells.append((wrap(text, size) if whole else [text], size, style,
                          [Segment(glyph + " ", style + Style(color=colour, bold=True))
                           for glyph, colour in marks]))
        height = max(len(texts) for texts, *_ in cells)
        if whole and height > (most := max((self.size.height - self.header_lines) // 2, 1)):
            height = most  # a small terminal keeps rows in sight: the detail has the rest
            for texts, size, *_ in cells:
                if len(texts) > most:
                    texts[most - 1] = pad(texts[most - 1].rstrip() + "…", size)
        word = f" {look.glyph} {look.word}" if status > STATUS_GLYPH else f" {look.glyph}"
        out = []
        for number in range(height):
            segments = column(word if not number else "", status,
                              base + Style(color=look.color, bold=True))
            for texts, size, style, mark in cells:
                if mark:
                    segments += mark if not number else [Segment(" " * MARK * len(mark), style)]
                segments += column(texts[number] if number < len(texts) else "", size, style)
            out.append(fill(segments, width, base))
        return out
