"""A scrolling list that draws only the lines on screen, with a cursor a person moves.

The topic list and the grid both show one line per row, for whole archives of
thousands of topics: a widget per line, or a table that measures every row on each
change, would make a filter change take a second. Here a change of rows costs nothing
until lines are drawn, and drawing costs only the lines in view.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.messages import RowChosen


def cell(text: str, width: int, style: Style | None = None) -> Segment:
    """`text` cut or padded to exactly `width` cells, with an ellipsis when cut."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) > width:
        text = set_cell_size(text, max(width - 1, 0)) + "…" if width else ""
    return Segment(set_cell_size(text, width), style)


class CursorList(ScrollView, can_focus=True):
    """Lines `0..line_count`, some of them selectable; the cursor moves between those.

    Subclasses say how many lines there are (`line_count`), which can take the cursor
    (`selectable`), what row a line stands for (`row_of`, a row id), and draw one line
    (`render_row`). Lines above `header_lines` stay put while the rest scrolls.
    """

    header_lines = 0

    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(-1, always_update=False)

    # --- what subclasses provide ------------------------------------------------------------

    @property
    def line_count(self) -> int:
        raise NotImplementedError

    def selectable(self, line: int) -> bool:
        return True

    def row_of(self, line: int) -> str | None:
        raise NotImplementedError

    def render_row(self, line: int, width: int, selected: bool) -> list[Segment]:
        raise NotImplementedError

    def render_header(self, line: int, width: int) -> list[Segment]:
        return []

    # --- lines and scrolling -----------------------------------------------------------------

    def lines_changed(self) -> None:
        """Call after the rows changed: resize the scroll area and redraw what is in view."""
        self.virtual_size = Size(self.size.width, self.line_count + self.header_lines)
        if self.cursor >= self.line_count:
            self.cursor = self._nearest(self.line_count - 1, -1)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y < self.header_lines:
            return Strip(self.render_header(y, width), width).simplify()
        line = int(self.scroll_offset.y) + y - self.header_lines
        if not 0 <= line < self.line_count:
            return Strip.blank(width, self.rich_style)
        return Strip(self.render_row(line, width, line == self.cursor), width).simplify()

    def watch_cursor(self, old: int, new: int) -> None:
        self._keep_in_view(new)
        self.refresh()

    def _keep_in_view(self, line: int) -> None:
        if line < 0 or not self.size.height:
            return  # not laid out yet: on_resize brings the cursor into view
        visible = max(self.size.height - self.header_lines, 1)
        top = int(self.scroll_offset.y)
        if line < top:  # with the headings just above it: an area's title, a topic's label
            self.scroll_to(y=self._headed(line), animate=False)
        elif line >= top + visible:
            self.scroll_to(y=line - visible + 1, animate=False)

    def _headed(self, line: int) -> int:
        """The first of the lines that cannot take the cursor just above `line`."""
        while line > 0 and not self.selectable(line - 1):
            line -= 1
        return line

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.line_count + self.header_lines)
        self._keep_in_view(self.cursor)

    # --- moving the cursor --------------------------------------------------------------------

    def _nearest(self, start: int, step: int) -> int:
        """The first selectable line from `start` going by `step`, or the cursor if none."""
        line = start
        while 0 <= line < self.line_count:
            if self.selectable(line):
                return line
            line += step
        return self.cursor

    def move_to(self, line: int, step: int = 1, announce: bool = True) -> None:
        found = self._nearest(line, step)
        if found == self.cursor or found < 0:
            return
        self.cursor = found
        if announce:
            self.announce()

    def announce(self) -> None:
        """Tell the app a person chose the row under the cursor."""
        row = self.row_of(self.cursor)
        if row is not None:
            self.post_message(RowChosen(row))

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1, 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1, -1)

    def action_page_down(self) -> None:
        self.move_to(min(self.cursor + self.size.height, self.line_count - 1), 1)

    def action_page_up(self) -> None:
        self.move_to(max(self.cursor - self.size.height, 0), -1)

    def action_first(self) -> None:
        self.move_to(0, 1)

    def action_last(self) -> None:
        self.move_to(self.line_count - 1, -1)

    def on_click(self, event: events.Click) -> None:
        if event.y >= self.header_lines:
            self.move_to(int(self.scroll_offset.y) + event.y - self.header_lines, 1)
