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
    (`render_row`). Lines above `header_lines` stay put while the rest scrolls. The line
    under the cursor may take several screen lines (`render_cursor`), to show in full
    what the other lines cut.
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

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._drawn_cursor: list[list[Segment]] | None = None  # until the lines change

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

    def render_cursor(self, width: int) -> list[list[Segment]]:
        """The line under the cursor, on as many screen lines as it needs."""
        return [self.render_row(self.cursor, width, True)]

    # --- lines and scrolling -----------------------------------------------------------------

    @property
    def line_width(self) -> int:
        """The cells a line has: the widget's width less its scrollbar."""
        return self.scrollable_content_region.width or self.size.width

    def _cursor_lines(self) -> list[list[Segment]]:
        if not 0 <= self.cursor < self.line_count:
            return []
        if self._drawn_cursor is None:
            self._drawn_cursor = self.render_cursor(self.line_width)
        return self._drawn_cursor

    @property
    def _extra(self) -> int:
        """The screen lines the cursor's line takes beyond one."""
        return max(len(self._cursor_lines()) - 1, 0)

    def _fit_size(self) -> None:
        self._drawn_cursor = None
        self.virtual_size = Size(self.size.width,
                                 self.line_count + self.header_lines + self._extra)

    def redraw(self) -> None:
        """Draw again, the cursor's line too (its height may change)."""
        self._fit_size()
        self.refresh()

    def lines_changed(self) -> None:
        """Call after the rows changed: resize the scroll area and redraw what is in view."""
        if self.cursor >= self.line_count:
            self.cursor = self._nearest(self.line_count - 1, -1)
        self.redraw()

    def render_line(self, y: int) -> Strip:
        width = self.line_width
        if y < self.header_lines:
            segments = self.render_header(y, width)
        else:
            at = int(self.scroll_offset.y) + y - self.header_lines  # a screen line of the list
            cursor = self._cursor_lines()
            if cursor and self.cursor <= at < self.cursor + len(cursor):
                segments = cursor[at - self.cursor]
            else:
                line = at - self._extra if cursor and at > self.cursor else at
                if not 0 <= line < self.line_count:
                    return Strip.blank(width, self.rich_style)
                segments = self.render_row(line, width, False)
        # under what a line sets itself, the widget's own colours (never the terminal's)
        return Strip(segments, width).apply_style(self.rich_style).simplify()

    def watch_cursor(self, old: int, new: int) -> None:
        self._fit_size()
        self._keep_in_view(new)
        self.refresh()

    def _keep_in_view(self, line: int) -> None:
        if line < 0 or not self.size.height:
            return  # not laid out yet: on_resize brings the cursor into view
        visible = max(self.size.height - self.header_lines, 1)
        top = int(self.scroll_offset.y)
        bottom = line + min(self._extra, visible - 1)  # all of the cursor's line, if it fits
        if line < top:  # with the headings just above it: an area's title, a topic's label
            self.scroll_to(y=self._headed(line), animate=False)
        elif bottom >= top + visible:
            self.scroll_to(y=bottom - visible + 1, animate=False)

    def _headed(self, line: int) -> int:
        """The first of the lines that cannot take the cursor just above `line`."""
        while line > 0 and not self.selectable(line - 1):
            line -= 1
        return line

    def on_resize(self) -> None:
        self._fit_size()
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
        if event.y < self.header_lines:
            return
        at = int(self.scroll_offset.y) + event.y - self.header_lines
        if at > self.cursor >= 0:
            at = max(at - self._extra, self.cursor)
        self.move_to(at, 1)
