"""How the lists name a row in the room they have: a topic may have several rows (one per
party that acts, one per phase), and at 80 columns each must still be told apart.

Rows of one topic stand under a heading line with the topic's label, each showing only
who acts and when (so does a row of one phase: phase names are long); any other row
shows its whole heading, cut at the end: alone, its label says most.
The words are the reports' (`row_heading`); only the fitting is done here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size

from diffing import Comparison, Row
from tui.reports.layout import groups, row_heading, row_qualifier
from tui.terminal import one_line

SEPARATOR = " · "
MIN_LABEL = 8  # below this the label is no longer readable: cut the whole heading instead


def fit(text: str, width: int) -> str:
    """`text` in at most `width` cells, with an ellipsis where it was cut."""
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)).rstrip() + "…" if width > 0 else ""


def pad(text: str, width: int) -> str:
    """`text` in exactly `width` cells: cut with an ellipsis, or filled with spaces."""
    return set_cell_size(fit(text, width), max(width, 0))


def center(text: str, width: int) -> str:
    """`text` in exactly `width` cells, in the middle."""
    text = fit(text, width)
    left = (width - cell_len(text)) // 2
    return pad(" " * left + text, width)


def qualifier(row: Row) -> str:
    """`by Israel · First phase`: what tells a row from the other rows of its topic."""
    return one_line(row_qualifier(row))


def fit_keeping(label: str, rest: str, width: int) -> str:
    """`label · rest` in `width` cells, cutting the label before `rest` while it stays
    readable (`Heavy weap… · by Israel`), then both from the end."""
    whole = label + (SEPARATOR + rest if rest else "")
    if cell_len(whole) <= width or not rest:
        return fit(whole, width)
    room = max(width - cell_len(SEPARATOR + rest), MIN_LABEL)
    if width - room - len(SEPARATOR) < MIN_LABEL // 2:
        return fit(whole, width)
    return fit(label, room) + SEPARATOR + fit(rest, width - room - len(SEPARATOR))


@dataclass(frozen=True, slots=True)
class Line:
    """A line of a list of rows: a row, or a heading (`row` None) over a topic's rows or,
    an `area` heading, over an area's topics. A `member` row stands under its topic's
    heading and shows only its qualifier."""

    row: Row | None
    text: str
    member: bool = False
    area: bool = False


def row_lines(rows: Sequence[Row]) -> list[Line]:
    """Rows in order; a run of rows of one topic, or a row of one phase, gets a heading line
    with the topic's label above it."""
    out: list[Line] = []
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and rows[end].topic == rows[start].topic:
            end += 1
        if end - start == 1 and rows[start].phase is None:
            out.append(Line(rows[start], ""))
        else:
            out.append(Line(None, one_line(rows[start].label)))
            out += [Line(row, qualifier(row), member=True) for row in rows[start:end]]
        start = end
    return out


def area_lines(comparison: Comparison, sort: str = "area") -> list[Line]:
    """Each area's title over its rows (and topic headings over rows of one topic): the
    only place a topic is named, so the parties' columns keep the room. Rows sorted
    otherwise than by area keep their order, under one title."""
    if sort != "area":
        return [Line(None, f"All topics by {sort}", area=True), *row_lines(comparison.rows)]
    out: list[Line] = []
    for title, rows in groups(comparison):
        out.append(Line(None, one_line(title), area=True))
        out += row_lines(rows)
    return out


def line_text(line: Line, width: int) -> str:
    """What a line shows in `width` cells: the heading, the qualifier, or the whole heading."""
    if line.row is None or line.member:
        return fit(line.text, width)
    return fit(one_line(row_heading(line.row)), width)
