"""The topic list: every shown topic grouped by area, each with its status glyph."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style

from diffing import Comparison
from tui.app.widgets.cursor_list import CursorList, cell
from tui.reports.layout import LOOKS, groups
from tui.terminal import one_line


@dataclass(frozen=True, slots=True)
class Entry:
    """One line: an area heading (no topic) or a topic with its status."""

    text: str
    topic: str | None = None
    color: str = ""
    glyph: str = ""


def topic_entries(comparison: Comparison) -> list[Entry]:
    """Area headings, then one entry per topic of that area."""
    entries: list[Entry] = []
    for title, rows in groups(comparison):
        entries.append(Entry(title))
        for row in rows:
            look = LOOKS[row.status]
            entries.append(Entry(one_line(row.label), row.topic, look.color,
                                 look.glyph))
    return entries


class TopicList(CursorList):
    COMPONENT_CLASSES = {"topic-list--area", "topic-list--cursor"}
    DEFAULT_CSS = """
    TopicList { width: 30; height: 1fr; border-right: solid $primary 30%;
                scrollbar-size-vertical: 1; overflow-x: hidden; }
    TopicList > .topic-list--area { color: $text-muted; text-style: bold; }
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
        return self.entries[line].topic is not None

    def topic_of(self, line: int) -> str | None:
        return self.entries[line].topic if 0 <= line < len(self.entries) else None

    def show(self, comparison: Comparison, topic: str | None) -> None:
        self.entries = topic_entries(comparison)
        self._lines = {e.topic: i for i, e in enumerate(self.entries) if e.topic is not None}
        self.lines_changed()
        self.select(topic)

    def select(self, topic: str | None) -> None:
        """Put the cursor on `topic` without announcing it (the app already knows)."""
        if topic in self._lines:
            self.cursor = self._lines[topic]

    def render_row(self, line: int, width: int, selected: bool) -> list[Segment]:
        entry = self.entries[line]
        if entry.topic is None:
            return [cell(entry.text, width, self.get_component_rich_style("topic-list--area"))]
        base = self.get_component_rich_style("topic-list--cursor") if selected else Style()
        return [Segment(" ", base),
                Segment(entry.glyph + " ", base + Style(color=entry.color, bold=True)),
                cell(entry.text, max(width - 3, 0), base)]
