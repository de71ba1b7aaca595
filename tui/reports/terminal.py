"""The terminal report: parties side by side, a status column with glyph, word and colour,
then each party's options and timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diffing.result import Comparison, Party, Position, Row, Summary
from tui.reports.layout import (
    LOOKS,
    Look,
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
from tui.reports.fit import Column, fit_tables, heading_line, indented, labelled
from tui.reports.cite import Citations, cited_cell, source_text
from tui.reports.matrix import MATRIX_NOTE, pair_matrix
from tui.reports.words import styled_word_diff, word_diff_title, word_edits
from tui.terminal import literal

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text


def render(comparison: Comparison, console: Console, cite: bool = False) -> None:
    """Print the report to `console` (which decides about colour and width); with `cite`,
    each clause's source mark, quote and note, and the sources listed at the end."""
    for renderable in renderables(comparison, console, cite):
        console.print(renderable)


def _text(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(literal(text), style=style)


def _value(position: Position | None, mark: str = "") -> Text:
    """The value, marked when not confirmed, then its source's mark; `—` (dimmed) when the
    party is silent."""
    from rich.text import Text

    if position is None:
        return Text("—", style="dim")
    cell = _text(value_text(position))
    if position.confidence.value != "confirmed":
        cell.append(f" ({position.confidence.value})", style="italic dim")
    if mark:
        cell.append(f" {mark}", style="dim")
    return cell


def _facts(row: Row, party: Party, quoted: list[str]) -> Text:
    """What else the clause says, a fact a line, dimmed, then what it quotes and notes."""
    from rich.text import Text

    position = row.positions[party.id]
    facts = position_facts(position, row, party) if position is not None else []
    out = Text("\n".join(literal(fact) for fact in facts), style="dim")
    for line in quoted:
        out.append(("\n" if out else "") + literal(line), style="italic")
    return out


def _position(row: Row, party: Party, citations: Citations | None) -> Text:
    """A party's cell: the value, then the clause's other facts under it."""
    mark, quoted = cited_cell(citations, row, party)
    cell = _value(row.positions[party.id], mark)
    facts = _facts(row, party, quoted)
    return cell.append("\n").append_text(facts) if facts else cell


def renderables(comparison: Comparison, console: Console,
                cite: bool = False) -> list[RenderableType]:
    from rich.text import Text

    citations = Citations.of(comparison) if cite else None
    out: list[RenderableType] = []
    out.append(_text(headline(comparison), "bold"))
    out += [indented(console, _text(party_line(party), "dim")) for party in comparison.parties]
    out += [indented(console, _text(note, "dim")) for note in header_notes(comparison)]
    summary = Text()
    for status, count in summary_counts(comparison.summary):
        look = LOOKS[status]
        summary.append(f"{look.glyph} {count} {look.word}", style=f"bold {look.color}")
        summary.append("   ")
    summary.append(index_text(comparison.summary))
    out += [Text(""), summary]
    out += _rows(comparison, console, citations)
    out += _options(comparison, console)
    out += _timelines(comparison, console)
    if comparison.shown_pairs:
        names = {p.id: p.name for p in comparison.parties}
        out += [Text(""), *_counts(console, "Pairs", "Pair", [
            (f"{names[a]} vs {names[b]}", pair.summary, "")
            for pair in comparison.shown_pairs for a, b in [pair.parties]]), *_matrix(comparison, console)]
    if citations and citations.listed():
        out += [Text(""), Text("Sources", style="bold"),
                *(indented(console, _text(source_text(c))) for c in citations.listed())]
    return out


def _matrix(comparison: Comparison, console: Console) -> list[RenderableType]:
    """The pair matrix, rows and columns numbered alike; a line per party when it does not
    fit."""
    from rich.text import Text

    lines = pair_matrix(comparison)
    if not lines:
        return []
    numbers = [str(n) for n in range(1, len(lines) + 1)]
    columns = [Column("Party", weight=1),
               *(Column(n, weight=0, justify="right") for n in numbers)]
    cells = [[_text(f"{n} {name}"), *(Text(c, style="bold" if c[0].isdigit() else "dim")
                                      for c in row)]
             for n, (name, row) in zip(numbers, lines)]
    tables = fit_tables(console, columns, [(None, cells)], fill=False, header_style="bold")
    out: list[RenderableType] = [Text(""), indented(console, _text(MATRIX_NOTE, "bold"), 0)]
    if tables is not None:
        return out + list(tables)
    return out + [indented(console, _text(f"{n} {name}: " + "  ".join(
        f"{m} {c}" for m, c in zip(numbers, row)))) for n, (name, row) in zip(numbers, lines)]


def _status(look: Look, distance: str = "", separator: str = "\n") -> Text:
    """`✗ conflict`, its distance under it (or after `separator`), dimmed."""
    from rich.text import Text

    status = Text(f"{look.glyph} {look.word}", style=f"bold {look.color}")
    if distance:
        status.append(separator + distance, style="dim")
    return status


def _gap(comparison: Comparison, row: Row) -> Text:
    """Each part of the verdict on a line, in its status' colour, then the explanation, and
    the word diff of two free texts."""
    from rich.text import Text

    gap = Text()
    for aspect in row.aspects:
        look = LOOKS[aspect.status]
        gap.append(f"{look.glyph} {literal(aspect_verdict(aspect))}\n",
                   style=f"bold {look.color}")
    gap.append(literal(row.explanation))
    if row.alignment:
        gap.append("\n" + literal(alignment_text(row)), style="dim italic")
    if word_edits(row):
        gap.append("\n").append_text(styled_word_diff(row, word_diff_title(comparison, row)))
    return gap


def _rows(comparison: Comparison, console: Console,
          citations: Citations | None) -> list[RenderableType]:
    """The rows by area, side by side (every area's table with the same columns) when every
    column fits with its words whole, else one block per row."""
    from rich.text import Text

    cells = {}
    for row in comparison.rows:
        topic = _text(row_heading(row))
        topic.append("\n" + literal(row.id), style="dim")
        cells[row.id] = [_status(LOOKS[row.status], distance_text(row)), topic,
                         *(_position(row, p, citations) for p in comparison.parties),
                         _gap(comparison, row)]
    columns = [Column("Status", weight=0), Column("Topic", floor=14, weight=2),
               *(Column(_text(p.name), floor=10, weight=3) for p in comparison.parties),
               Column("Gap", floor=20, weight=5)]
    areas = groups(comparison)
    tables = fit_tables(console, columns, [(title, [cells[row.id] for row in rows])
                                           for title, rows in areas],
                        title_justify="left", title_style="bold", show_lines=True,
                        header_style="bold")
    if tables is not None:
        return list(tables)
    out: list[RenderableType] = []
    for title, rows in areas:
        out += [Text(""), _text(title, "bold")]
        for row in rows:
            out += _stacked(comparison, console, row, citations)
    return out


def _stacked(comparison: Comparison, console: Console, row: Row,
             citations: Citations | None) -> list[RenderableType]:
    """A row as a block: its status and topic, each party's value on its own line (its
    other facts under it), then the gap."""
    from rich.text import Text

    status = _status(LOOKS[row.status], distance_text(row), " ")
    out: list[RenderableType] = [Text(""), heading_line(console, status, row_heading(row), row.id)]
    for party in comparison.parties:
        mark, quoted = cited_cell(citations, row, party)
        out.append(labelled(console, _text(party.name, "bold"),
                            _value(row.positions[party.id], mark)))
        facts = _facts(row, party, quoted)
        if facts:
            out.append(indented(console, facts, 4))
    out.append(indented(console, _gap(comparison, row)))
    return out


def _counts(console: Console, title: str, first: str,
            lines: list[tuple[str, Summary, str]]) -> list[RenderableType]:
    """Status counts and agreement index, one line per (name, summary, note): a table when
    it fits, else a line each."""
    from rich.text import Text

    notes = any(note for _, _, note in lines)
    columns = [Column(first, weight=1),
               *(Column(f"{look.glyph} {look.word}", weight=0, justify="right",
                        style=f"bold {look.color}") for look in LOOKS.values()),
               Column("Agreement index", weight=0, justify="right"),
               *([Column("Note", weight=1)] if notes else [])]
    cells = [[_text(name), *(Text(str(n)) for _, n in summary_counts(summary)),
              Text(_index(summary)), *([Text(note)] if notes else [])]
             for name, summary, note in lines]
    tables = fit_tables(console, columns, [(_text(title) if title else None, cells)],
                        fill=False, title_justify="left", title_style="bold")
    if tables is not None:
        return list(tables)
    out: list[RenderableType] = [_text(title, "bold")] if title else []
    for name, summary, note in lines:
        line = _text(name + ":", "bold")
        for status, count in summary_counts(summary):
            look = LOOKS[status]
            line.append(f" {look.glyph} {count} {look.word}", style=f"bold {look.color}")
        line.append(f" · agreement index {_index(summary)}" + (f" · {note}" if note else ""))
        out.append(indented(console, line))
    return out


def _index(summary: Summary) -> str:
    index = summary.agreement_index
    return "—" if index is None else f"{index:.2f}"


def _options(comparison: Comparison, console: Console) -> list[RenderableType]:
    from rich.text import Text

    out: list[RenderableType] = []
    for party, scores in offered_options(comparison):
        out += [Text(""), _text(f"Options: {party.name}", "bold"),
                _text(option_intro(party, scores)),
                *_counts(console, "", "Option", [(f"{s.label} ({s.option})", s.summary,
                                                  option_marks(s)) for s in scores])]
        differences = option_differences(comparison, party.id)
        if differences:
            out.append(Text("Where the options differ:", style="bold"))
            out += [indented(console, _text(line)) for line in differences]
    return out


def _timelines(comparison: Comparison, console: Console) -> list[RenderableType]:
    """Each party's events, scale by scale: a table when it fits, else a line each."""
    from rich.text import Text

    out: list[RenderableType] = []
    for party in comparison.parties:
        scales = timeline_groups(comparison, party)
        if not scales:
            continue
        title = _text(f"Timeline: {party.name}", "bold")
        cells: list[list[Text] | None] = []
        for scale, events in scales:
            cells.append([Text(""), _text(scale, "bold")])
            cells += [[Text(when_days(event)),
                       _text(event_text(event, comparison.actors, party.phases))]
                      for event in events]
            cells.append(None)
        tables = fit_tables(console, [Column("When", floor=12, weight=0),
                                      Column("What, as written", floor=16)],
                            [(title, cells[:-1])], fill=False, title_justify="left",
                            header_style="bold")
        out.append(Text(""))
        if tables is not None:
            out += tables
            continue
        out.append(title)
        for cell in cells:
            if cell is not None:
                when, what = cell
                out.append(indented(console, Text.assemble(when, ": " if when else "", what),
                                    4 if when else 2))
    return out
