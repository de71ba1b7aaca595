"""Tables that fit the terminal without breaking a word or cutting a value.

Rich shares a table's width by the columns' ratios, not by what they hold, so a narrow
terminal gets `ceasefir` / `e.type` and `demobilisat…`. Here every column is first given
its longest word (and a width it still reads at), then the rest of the room by weight; when
even that does not fit, `fit_tables` says so and the report stacks its rows instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.terminal import literal

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text


@dataclass(frozen=True, slots=True)
class Column:
    """A column to fit: its header, the narrowest it still reads at (`floor`; never less
    than its longest word), and its share of spare room (`weight`; 0: as wide as its widest
    line, never wrapped)."""

    header: str | Text
    floor: int = 0
    weight: int = 1
    justify: str = "left"
    style: str = ""


def words_width(text: str) -> tuple[int, int]:
    """The cells of the longest word and of the longest line of `text`."""
    from rich.cells import cell_len

    lines = text.splitlines() or [""]
    words = text.split() or [""]
    return max(cell_len(word) for word in words), max(cell_len(line) for line in lines)


def share(least: Sequence[int], most: Sequence[int], weights: Sequence[int], room: int,
          fill: bool = True) -> list[int] | None:
    """Column widths within `room`: each at least `least`, then the spare room by weight up
    to `most`, then (with `fill`) what is left by weight again; None when the least widths
    alone do not fit."""
    widths = list(least)
    spare = room - sum(widths)
    if spare < 0:
        return None
    for caps in (most, [room] * len(widths) if fill else most):
        spare = _grow(widths, caps, weights, spare)
    return widths


def _grow(widths: list[int], caps: Sequence[int], weights: Sequence[int], spare: int) -> int:
    """Hand `spare` cells to the weighted columns below their caps, by weight; the rest."""
    while spare > 0:
        open_ = [i for i, w in enumerate(weights) if w and widths[i] < caps[i]]
        if not open_:
            break
        total = sum(weights[i] for i in open_)
        given = 0
        for i in open_:
            cells = min(caps[i] - widths[i], spare * weights[i] // total)
            widths[i] += cells
            given += cells
        if not given:  # less than a cell each: one to the heaviest
            widths[max(open_, key=lambda i: weights[i])] += 1
            given = 1
        spare -= given
    return spare


Rows = Sequence[Sequence["str | Text"] | None]
"""A table's rows, cell by cell; None draws a line between sections."""


def fit_tables(console: Console, columns: Sequence[Column],
               groups: Sequence[tuple[str | Text | None, Rows]], fill: bool = True,
               **options: Any) -> list[Table] | None:
    """A rich table for each (title, rows) of `groups`, all with the same column widths
    (`options` as rich's `Table` takes them), every column at least as wide as its longest
    word, within the console's width; None when they cannot be."""
    from rich.table import Table

    def table(title: str | Text | None) -> Table:
        made = Table(title=title, **options)
        for column in columns:
            made.add_column(column.header, justify=column.justify, style=column.style,
                            width=1, overflow="fold", no_wrap=not column.weight)
        return made

    rows = [row for _, group in groups for row in group if row is not None]
    chrome = console.measure(table(None), options=console.options.update_width(10**6)).maximum
    least, most = [], []
    for index, column in enumerate(columns):
        measured = [words_width(_plain(cell))
                    for cell in (column.header, *(row[index] for row in rows))]
        widest = max(line for _, line in measured)
        least.append(max(column.floor, widest if not column.weight
                         else max(word for word, _ in measured)))
        most.append(max(widest, least[-1]))
    widths = share(least, most, [c.weight for c in columns],
                   console.width - (chrome - len(columns)), fill)
    if widths is None:
        return None
    tables = []
    for title, group in groups:
        tables.append(table(title))
        for column, width in zip(tables[-1].columns, widths):
            column.width = width
        for row in group:
            if row is None:
                tables[-1].add_section()
            else:
                tables[-1].add_row(*row)
    return tables


def _plain(cell: str | Text) -> str:
    return cell if isinstance(cell, str) else cell.plain


def indented(console: Console, text: Text, by: int = 2, first: int | None = None) -> Text:
    """`text` wrapped at its spaces to the console's width, every line `by` cells in (the
    first line `first` cells in, if given: a hanging indent); a word longer than the line
    is folded, never cut."""
    from rich.text import Text

    lines = []
    if first is not None:  # the first line as wide as it may be, the rest under it
        lines.append(text.wrap(console, max(console.width - first, 1), overflow="fold")[0])
        start = len(lines[0].plain)
        text = text[start + len(text.plain[start:]) - len(text.plain[start:].lstrip(" ")):]
    if text.plain or not lines:
        lines += text.wrap(console, max(console.width - by, 1), overflow="fold")
    for line in lines:
        line.rstrip()
    return Text("\n").join(Text(" " * (by if n or first is None else first)) + line
                           for n, line in enumerate(lines))


def labelled(console: Console, label: str | Text, value: Text, by: int = 2) -> Text:
    """`label: value` as a line of a stacked block, the label bold, wrapped `by` cells in."""
    from rich.text import Text

    head = Text(label, style="bold") if isinstance(label, str) else label
    return indented(console, Text.assemble(head, ": ", value), by)


def heading_line(console: Console, status: Text, title: str, key: str) -> Text:
    """The first line of a stacked block, `✗ conflict 0.83  Duration ceasefire.duration`,
    what it wraps to indented under it."""
    from rich.text import Text

    return indented(console, Text.assemble(status, "  ", (literal(title), "bold"), " ",
                                           (literal(key), "dim")), first=0)
