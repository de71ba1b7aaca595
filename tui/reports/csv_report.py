"""CSV for spreadsheets: one line per row of the comparison, a column per party (docs/csv.md).

Quoted by the csv module (RFC 4180: CRLF line ends, a field with a comma, quote or line
break in double quotes). Text from the files is written as it is, hidden characters shown
as `<U+XXXX>` as in every report, and a cell that a spreadsheet would run as a formula
(one starting with = + - @, a tab or a carriage return) starts with an apostrophe instead.
"""

from __future__ import annotations

import csv
import io

from diffing.result import Comparison, Party, Row
from tui.reports.layout import LOOKS, distance_text, groups, position_text
from tui.terminal import literal

COLUMNS = ("area", "key", "topic", "by", "phase", "status", "distance")
"""The columns before the parties'; then one per party (its name), `explanation` and `id`."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(comparison: Comparison) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # the excel dialect: RFC 4180
    writer.writerow(cell(text) for text in _header(comparison))
    for area, rows in groups(comparison):
        for row in rows:
            writer.writerow(cell(text) for text in _line(comparison, area, row))
    return buffer.getvalue()


def _header(comparison: Comparison) -> list[str]:
    return [*COLUMNS, *(party.name for party in comparison.parties), "explanation", "id"]


def cell(text: str) -> str:
    """Text as a spreadsheet shows it: hidden characters shown, never run as a formula."""
    shown = literal(text)
    return "'" + shown if shown.startswith(FORMULA_STARTS) else shown


def _line(comparison: Comparison, area: str, row: Row) -> list[str]:
    return [area, row.topic, row.label, row.actor_name or "", row.phase_label or "",
            LOOKS[row.status].word, distance_text(row),
            *(_position(row, party) for party in comparison.parties), row.explanation, row.id]


def _position(row: Row, party: Party) -> str:
    """What the party wrote (marked when not confirmed); empty where it is silent."""
    position = row.positions[party.id]
    return "" if position is None else position_text(position)
