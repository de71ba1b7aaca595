"""The terminal report: parties side by side, a status column with glyph, word and colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffing.result import Comparison, Position
from tui.reports.layout import (
    LOOKS,
    alignment_text,
    distance_text,
    groups,
    headline,
    index_text,
    party_line,
    summary_counts,
)
from tui.terminal import literal

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text


def render(comparison: Comparison, console: Console) -> None:
    """Print the report to `console` (which decides about colour and width)."""
    for renderable in renderables(comparison):
        console.print(renderable)


def _text(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(literal(text), style=style)


def _position(position: Position | None) -> Text:
    from rich.text import Text

    if position is None:
        return Text("—", style="dim")
    cell = _text(position.text)
    if position.confidence.value != "confirmed":
        cell.append(f" ({position.confidence.value})", style="italic dim")
    return cell


def renderables(comparison: Comparison) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = []
    out.append(_text(headline(comparison), "bold"))
    for party in comparison.parties:
        out.append(_text("  " + party_line(party), "dim"))
    summary = Text()
    for status, count in summary_counts(comparison.summary):
        look = LOOKS[status]
        summary.append(f"{look.glyph} {count} {look.word}", style=f"bold {look.color}")
        summary.append("   ")
    summary.append(index_text(comparison.summary))
    out += [Text(""), summary]
    for title, rows in groups(comparison):
        table = Table(title=title, title_justify="left", title_style="bold", expand=True,
                      show_lines=True, header_style="bold")
        table.add_column("Status", no_wrap=True, min_width=11)
        table.add_column("Topic", ratio=2, min_width=14, overflow="fold")
        for party in comparison.parties:
            table.add_column(_text(party.name), ratio=3, min_width=10)
        table.add_column("Gap", ratio=5, min_width=16)
        for row in rows:
            look = LOOKS[row.status]
            status = Text(f"{look.glyph} {look.word}", style=f"bold {look.color}")
            distance = distance_text(row)
            if distance:
                status.append(f"\n{distance}", style="dim")
            topic = _text(row.label)
            topic.append("\n" + row.topic, style="dim")
            gap = _text(row.explanation)
            if row.alignment:
                gap.append("\n" + literal(alignment_text(row)), style="dim italic")
            table.add_row(status, topic, *(_position(row.positions[p.id])
                                           for p in comparison.parties), gap)
        out.append(table)
    if comparison.pairs:
        out.append(_pairs(comparison))
    return out


def _pairs(comparison: Comparison) -> RenderableType:
    from rich.table import Table

    table = Table(title="Pairs", title_justify="left", title_style="bold")
    table.add_column("Pair")
    for look in LOOKS.values():
        table.add_column(f"{look.glyph} {look.word}", justify="right", style=look.color)
    table.add_column("Agreement index", justify="right")
    names = {p.id: p.name for p in comparison.parties}
    for pair in comparison.pairs:
        a, b = pair.parties
        index = pair.summary.agreement_index
        table.add_row(_text(f"{names[a]} vs {names[b]}"),
                      *(str(n) for _, n in summary_counts(pair.summary)),
                      "—" if index is None else f"{index:.2f}")
    return table
