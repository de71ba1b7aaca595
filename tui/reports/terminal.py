"""The terminal report: parties side by side, a status column with glyph, word and colour,
then each party's options and timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffing.result import Comparison, Party, Row, Summary
from tui.reports.layout import (
    LOOKS,
    alignment_text,
    aspect_verdict,
    distance_text,
    event_text,
    groups,
    headline,
    index_text,
    offered_options,
    option_differences,
    option_intro,
    option_marks,
    party_line,
    header_notes,
    position_facts,
    row_heading,
    summary_counts,
    timeline_groups,
    value_text,
    when_days,
)
from tui.terminal import literal

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text


def render(comparison: Comparison, console: Console) -> None:
    """Print the report to `console` (which decides about colour and width)."""
    for renderable in renderables(comparison):
        console.print(renderable)


def _text(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(literal(text), style=style)


def _position(row: Row, party: Party) -> Text:
    """The value, marked when not confirmed, then what else the clause says, dimmed."""
    from rich.text import Text

    position = row.positions[party.id]
    if position is None:
        return Text("—", style="dim")
    cell = _text(value_text(position))
    if position.confidence.value != "confirmed":
        cell.append(f" ({position.confidence.value})", style="italic dim")
    for fact in position_facts(position, row, party):
        cell.append("\n" + literal(fact), style="dim")
    return cell


def renderables(comparison: Comparison) -> list[RenderableType]:
    from rich.text import Text

    out: list[RenderableType] = []
    out.append(_text(headline(comparison), "bold"))
    for party in comparison.parties:
        out.append(_text("  " + party_line(party), "dim"))
    out += [_text("  " + note, "dim") for note in header_notes(comparison)]
    summary = Text()
    for status, count in summary_counts(comparison.summary):
        look = LOOKS[status]
        summary.append(f"{look.glyph} {count} {look.word}", style=f"bold {look.color}")
        summary.append("   ")
    summary.append(index_text(comparison.summary))
    out += [Text(""), summary]
    out += [_rows(comparison, title, rows) for title, rows in groups(comparison)]
    out += _options(comparison)
    out += _timelines(comparison)
    if comparison.pairs:
        names = {p.id: p.name for p in comparison.parties}
        out += [Text(""), _counts_table("Pairs", "Pair", [
            (f"{names[a]} vs {names[b]}", pair.summary, "")
            for pair in comparison.pairs for a, b in [pair.parties]])]
    return out


def _rows(comparison: Comparison, title: str, rows: list[Row]) -> Table:
    from rich.table import Table
    from rich.text import Text

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
        topic = _text(row_heading(row))
        topic.append("\n" + literal(row.id), style="dim")
        gap = Text()
        for aspect in row.aspects:  # each part of the verdict on a line, in its status' colour
            look = LOOKS[aspect.status]
            gap.append(f"{look.glyph} {literal(aspect_verdict(aspect))}\n",
                       style=f"bold {look.color}")
        gap.append(literal(row.explanation))
        if row.alignment:
            gap.append("\n" + literal(alignment_text(row)), style="dim italic")
        table.add_row(status, topic, *(_position(row, p) for p in comparison.parties), gap)
    return table


def _counts_table(title: str, first: str, lines: list[tuple[str, Summary, str]]) -> Table:
    """Status counts and agreement index, one line per (name, summary, note)."""
    from rich.table import Table

    notes = any(note for _, _, note in lines)
    table = Table(title=_text(title) if title else None, title_justify="left",
                  title_style="bold")
    table.add_column(first)
    for look in LOOKS.values():
        table.add_column(f"{look.glyph} {look.word}", justify="right",
                         style=f"bold {look.color}")
    table.add_column("Agreement index", justify="right")
    if notes:
        table.add_column("Note")
    for name, summary, note in lines:
        index = summary.agreement_index
        table.add_row(_text(name), *(str(n) for _, n in summary_counts(summary)),
                      "—" if index is None else f"{index:.2f}", *([note] if notes else []))
    return table


def _options(comparison: Comparison) -> list[RenderableType]:
    from rich.text import Text

    out: list[RenderableType] = []
    for party, scores in offered_options(comparison):
        out += [Text(""), _text(f"Options: {party.name}", "bold"),
                _text(option_intro(party, scores)),
                _counts_table("", "Option", [(f"{s.label} ({s.option})", s.summary,
                                              option_marks(s)) for s in scores])]
        differences = option_differences(comparison, party.id)
        if differences:
            out.append(Text("Where the options differ:", style="bold"))
            out += [_text("  " + line) for line in differences]
    return out


def _timelines(comparison: Comparison) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = []
    for party in comparison.parties:
        scales = timeline_groups(comparison, party)
        if not scales:
            continue
        table = Table(title=_text(f"Timeline: {party.name}"), title_justify="left",
                      title_style="bold", header_style="bold")
        table.add_column("When", no_wrap=True, min_width=12)
        table.add_column("What, as written", ratio=1)
        for title, events in scales:
            table.add_row("", _text(title, "bold"), end_section=False)
            for event in events:
                table.add_row(when_days(event),
                              _text(event_text(event, comparison.actors, party.phases)))
            table.add_section()
        out += [Text(""), table]
    return out
