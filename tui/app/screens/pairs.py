"""`p`: with three parties or more, the agreement index of every two in a matrix; a cell
picks the pair, whose summary (as `diff` prints it) and rows are listed below; Enter on a
row goes to it in the grid."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from diffing import Comparison, Pair
from tui.app.columns import cell_text
from tui.app.pairs import pair_name
from tui.reports.matrix import index_cell as matrix_cell, pair_of
from tui.reports.layout import LOOKS, row_heading, summary_line
from tui.terminal import literal, one_line

STATUS, DISTANCE, TOPIC_MIN, TOPIC_MAX, PARTY_MIN = 11, 8, 14, 30, 14


def index_cell(pair: Pair | None, same: bool) -> Text:
    """A matrix cell as the reports write it (`tui.reports.matrix`), bold for a pair."""
    return Text(matrix_cell(pair, same), style="bold" if pair and not same else "dim",
                justify="right")


class PairsScreen(ModalScreen[str | None]):
    """Dismisses with the id of a row to go to, or None."""

    DEFAULT_CSS = """
    PairsScreen { align: center middle; }
    PairsScreen > Vertical { width: 95%; max-width: 140; height: 90%; border: thick $primary;
        background: $surface; padding: 0 1; }
    PairsScreen #pair-matrix { height: auto; max-height: 14; margin-bottom: 1; }
    PairsScreen #pair-summary { height: auto; }
    PairsScreen #pair-rows { height: 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", "Close", id="close-pairs",
                        tooltip="Back to the grid")]

    def __init__(self, comparison: Comparison, row: str | None = None,
                 every: Comparison | None = None) -> None:
        """`comparison`: what the app shows (its filter and search apply); `row`: the row
        selected, on which the list of a pair's rows opens; `every`: the unfiltered
        comparison, which names the rows a pair keeps by its own status (two parties may
        agree on a row the filter hides for all of them)."""
        super().__init__()
        self.comparison = comparison
        self.row = row
        self.ids = [party.id for party in comparison.parties]
        self.rows = {row.id: row for row in (every or comparison).rows}
        self.pair: Pair | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Pairs: the agreement index of every two parties · "
                              "arrows pick a pair, Tab its rows, Enter goes to a row",
                              style="bold"))
            yield DataTable(id="pair-matrix", cursor_type="cell", zebra_stripes=True)
            yield Static(id="pair-summary")
            yield DataTable(id="pair-rows", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        matrix = self.query_one("#pair-matrix", DataTable)
        matrix.add_column("", key="party")
        for number in range(1, len(self.ids) + 1):
            matrix.add_column(Text(str(number), justify="right"), key=str(number))
        for number, party in enumerate(self.comparison.parties, 1):
            matrix.add_row(Text(f"{number} {one_line(party.name)}"), *(
                index_cell(pair_of(self.comparison, party.id, other), party.id == other)
                for other in self.ids), key=party.id)
        first = self.comparison.pairs[0].parties if self.comparison.pairs else None
        if first is not None:  # the first pair the engine made: a baseline's, if one is set
            matrix.move_cursor(row=self.ids.index(first[0]),
                               column=self.ids.index(first[1]) + 1)
            self._show(self.comparison.pairs[0])
        matrix.focus()

    @on(DataTable.CellHighlighted, "#pair-matrix")
    def _pick(self, event: DataTable.CellHighlighted) -> None:
        row, column = event.coordinate.row, event.coordinate.column - 1
        if 0 <= column < len(self.ids) and row != column:
            pair = pair_of(self.comparison, self.ids[row], self.ids[column])
            if pair is not None and pair is not self.pair:
                self._show(pair)

    def _show(self, pair: Pair) -> None:
        """The pair's summary and every row either of the two addresses."""
        self.pair = pair
        summary = Text(literal(pair_name(self.comparison, pair)) + ": ", style="bold")
        summary.append(summary_line(pair.summary))
        self.query_one("#pair-summary", Static).update(summary)
        table = self.query_one("#pair-rows", DataTable)
        table.clear(columns=True)
        # the two parties share what the status, topic and distance leave, so both show
        # the box (95% of the screen, up to 140, less border, padding and scrollbar), less
        # a cell of padding each side of the five columns
        free = min(self.size.width * 95 // 100, 140) - 6 - 10 - STATUS - DISTANCE
        topic = max(TOPIC_MIN, min(TOPIC_MAX, free // 3))
        room = max(PARTY_MIN, (free - topic) // 2)
        table.add_column("Status", key="status", width=STATUS)
        table.add_column("Topic", key="topic", width=topic)
        for party in pair.parties:
            table.add_column(Text(one_line(self.comparison.party(party).name)), key=party,
                             width=room)
        table.add_column(Text("Distance", justify="right"), key="distance", width=DISTANCE)
        for pair_row in pair.rows:
            row = self.rows.get(pair_row.id)
            if row is None:
                continue
            look = LOOKS[pair_row.status]
            distance = "" if pair_row.distance is None else f"{pair_row.distance:.2f}"
            table.add_row(Text(f"{look.glyph} {look.word}", style=f"bold {look.color}"),
                          Text(one_line(row_heading(row))),
                          *(Text(cell_text(row.positions[party])) for party in pair.parties),
                          Text(distance, justify="right"), key=row.id)
        if self.row is not None and self.row in table.rows:
            table.move_cursor(row=table.get_row_index(self.row), animate=False)

    @on(DataTable.RowSelected, "#pair-rows")
    def _go(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
