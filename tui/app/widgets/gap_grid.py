"""The side-by-side grid: one row per topic, a status column, one column per party."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowDoesNotExist

from diffing import Comparison
from tui.app.messages import TopicChosen
from tui.reports.layout import LOOKS, position_text
from tui.terminal import literal

FIXED = ("Status", "Topic")
STATUS_WIDTH = 12
TOPIC_WIDTH = 22


def one_line(text: str) -> str:
    return " ".join(literal(text).split())


class GapGrid(DataTable):
    DEFAULT_CSS = """
    GapGrid { height: 1fr; }
    """

    def __init__(self, **kwargs) -> None:  # noqa: ANN003
        super().__init__(cursor_type="cell", zebra_stripes=True, **kwargs)
        self.parties: list[str] = []
        self._current: tuple[str | None, str | None] = (None, None)  # what the app last put here
        self._shown: Comparison | None = None
        self._built_width = 0

    def show(self, comparison: Comparison, topic: str | None, party: str | None) -> None:
        """Rebuild for `comparison`, keeping the cursor on `topic` and `party` if shown."""
        self._shown = comparison
        self._built_width = self.size.width
        self.clear(columns=True)
        self.parties = [p.id for p in comparison.parties]
        party_width = self._party_width(len(self.parties))
        self.add_column("Status", width=STATUS_WIDTH, key="status")
        self.add_column("Topic", width=TOPIC_WIDTH, key="topic")
        for party in comparison.parties:
            self.add_column(Text(one_line(party.name)), width=party_width, key=party.id)
        for row in comparison.rows:
            look = LOOKS[row.status]
            cells = [Text(f"{look.glyph} {look.word}", style=f"bold {look.color}"),
                     Text(one_line(row.label))]
            cells += [Text(one_line(position_text(row.positions[p])),
                           style="dim" if row.positions[p] is None else "")
                      for p in self.parties]
            self.add_row(*cells, key=row.topic)
        self.select(topic, party)

    def _party_width(self, parties: int) -> int:
        width = self.size.width or max(60, self.app.size.width - 32)
        available = width - STATUS_WIDTH - TOPIC_WIDTH - 2 * (parties + 2) - 1
        return max(10, available // max(parties, 1))

    def on_resize(self) -> None:
        """Party columns share the width: resize them in place when it changes."""
        if self._shown is None or self.size.width == self._built_width:
            return
        self._built_width = self.size.width
        width = self._party_width(len(self.parties))
        for party in self.parties:
            self.columns[ColumnKey(party)].width = width
        self._require_update_dimensions = True
        self.refresh()

    def select(self, topic: str | None, party: str | None) -> None:
        """Move the cursor to a topic's row (and a party's column) without announcing it."""
        if topic is None or self.row_count == 0:
            return
        try:
            row = self.get_row_index(topic)
        except RowDoesNotExist:  # a topic the current filter hides
            return
        column = len(FIXED) + self.parties.index(party) if party in self.parties else \
            self.cursor_coordinate.column
        self.cursor_coordinate = Coordinate(row, column)
        self._current = (topic, self.party)

    def topic_at(self, row: int) -> str | None:
        if not 0 <= row < self.row_count:
            return None
        return str(self.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value)

    @property
    def party(self) -> str | None:
        """The party whose column the cursor is in, if it is in one."""
        column = self.cursor_coordinate.column - len(FIXED)
        return self.parties[column] if 0 <= column < len(self.parties) else None

    @on(DataTable.CellHighlighted)
    def _chosen(self, event: DataTable.CellHighlighted) -> None:
        """Announce only a cell the user moved to, never an echo of `select`."""
        event.stop()
        if event.coordinate != self.cursor_coordinate:
            return  # stale: the cursor has moved on (a rebuild, or a newer selection)
        topic = self.topic_at(event.coordinate.row)
        column = event.coordinate.column - len(FIXED)
        party = self.parties[column] if 0 <= column < len(self.parties) else None
        if topic is not None and (topic, party) != self._current:
            self._current = (topic, party)
            self.post_message(TopicChosen(topic, party))
