"""The topic list: every shown row grouped by area, each with its status glyph; rows of one
topic (one per party that acts, per phase) under a line with the topic's label."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style

from diffing import Comparison
from tui.app.headings import Line, line_text, row_lines
from tui.app.widgets.cursor_list import CursorList, cell
from tui.reports.layout import LOOKS, groups


Entry = str | Line
"""One line of the list: an area's title, or a line of that area's rows."""


def topic_entries(comparison: Comparison, sort: str = "area") -> list[Entry]:
    """Area titles, then that area's rows (and topic headings over rows of one topic); or,
    when the rows are sorted otherwise, the rows in their order under one title."""
    if sort != "area":
        return [f"All topics by {sort}", *row_lines(comparison.rows)]
    entries: list[Entry] = []
    for title, rows in groups(comparison):
        entries.append(title)
        entries += row_lines(rows)
    return entries


def row_id(entry: Entry) -> str | None:
    return entry.row.id if isinstance(entry, Line) and entry.row is not None else None


class TopicList(CursorList):
    COMPONENT_CLASSES = {"topic-list--area", "topic-list--topic", "topic-list--cursor"}
    DEFAULT_CSS = """
    TopicList { width: 30; height: 1fr; border-right: solid $primary 30%;
                scrollbar-size-vertical: 1; overflow-x: hidden; }
    TopicList > .topic-list--area { color: $text-muted; text-style: bold; }
    TopicList > .topic-list--topic { color: $text; }
    TopicList > .topic-list--cursor { background: $block-cursor-blurred-background; }
    TopicList:focus > .topic-list--cursor { background: $block-cursor-background;
                                           color: $block-cursor-foreground; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.entries: list[Entry] = []
        self._lines: dict[str, int] = {}

    @property
    def line_count(self) -> int:
        return len(self.entries)

    def selectable(self, line: int) -> bool:
        return row_id(self.entries[line]) is not None

    def row_of(self, line: int) -> str | None:
        return row_id(self.entries[line]) if 0 <= line < len(self.entries) else None

    def show(self, comparison: Comparison, row: str | None, sort: str = "area") -> None:
        self.entries = topic_entries(comparison, sort)
        self._lines = {row_id(e): i for i, e in enumerate(self.entries) if row_id(e) is not None}
        self.lines_changed()
        self.select(row)

    def select(self, row: str | None) -> None:
        """Put the cursor on a row without announcing it (the app already knows)."""
        if row in self._lines:
            self.cursor = self._lines[row]

    def render_row(self, line: int, width: int, selected: bool) -> list[Segment]:
        entry = self.entries[line]
        if isinstance(entry, str):
            return [cell(entry, width, self.get_component_rich_style("topic-list--area"))]
        row = entry.row
        if row is None:  # a topic over its rows
            style = self.get_component_rich_style("topic-list--topic")
            return [Segment(" "), cell(line_text(entry, width - 1), width - 1, style)]
        base = self.get_component_rich_style("topic-list--cursor") if selected else Style()
        look = LOOKS[row.status]
        indent = "   " if entry.member else " "
        room = max(width - len(indent) - 2, 0)
        return [Segment(indent, base),
                Segment(look.glyph + " ", base + Style(color=look.color, bold=True)),
                cell(line_text(entry, room), room, base)]
