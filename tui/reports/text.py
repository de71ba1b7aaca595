"""Plain text: what `ceasefire diff` prints when piped. No escape codes, ASCII status markers."""

from __future__ import annotations

from diffing.result import Comparison, Party, Row
from tui.reports.layout import (
    LOOKS,
    alignment_text,
    aspects_line,
    distance_text,
    event_text,
    groups,
    headline,
    option_lines,
    party_line,
    header_notes,
    position_facts,
    position_text,
    row_heading,
    summary_line,
    timeline_groups,
    when_days,
)
from tui.reports.cite import Citations, cited_cell, source_text
from tui.reports.matrix import MATRIX_NOTE, pair_matrix
from tui.reports.words import word_diff_text, word_diff_title, word_edits
from tui.terminal import one_line


def render(comparison: Comparison, cite: bool = False) -> str:
    """The report; with `cite`, each clause's source mark, quote and note, and the sources
    listed at the end."""
    citations = Citations.of(comparison) if cite else None
    out = [f"ceasefire diff: {one_line(headline(comparison))}"]
    out += [f"  {one_line(party_line(party))}" for party in comparison.parties]
    if comparison.baseline:
        out.append(f"  baseline: {comparison.baseline}")
    out += [f"  {one_line(note)}" for note in header_notes(comparison)]
    out += ["", one_line(summary_line(comparison.summary))]
    width = max((len(one_line(p.name)) for p in comparison.parties), default=0) + 1
    for title, rows in groups(comparison):
        out += ["", f"== {title} =="]
        for row in rows:
            out += ["", *_row(comparison, row, width, citations)]
    out += _section("Options", [_indented(f"  {line}") for line in option_lines(comparison)])
    out += _section("Timeline", _timeline(comparison))
    out += _section("Pairs", _pairs(comparison))
    out += _section("Sources", [f"  {one_line(source_text(c))}"
                                for c in (citations.listed() if citations else ())])
    return "\n".join(out) + "\n"


def _row(comparison: Comparison, row: Row, width: int,
         citations: Citations | None) -> list[str]:
    look = LOOKS[row.status]
    distance = distance_text(row)
    out = [f"[{look.marker}] {look.word.upper()}  {one_line(row_heading(row))} ({row.id})"
           + (f"  distance {distance}" if distance else "")]
    for party in comparison.parties:
        out += _cell(row, party, (one_line(party.name) + ":").ljust(width + 1),
                     cited_cell(citations, row, party))
    if row.aspects:
        out.append(f"    aspects: {one_line(aspects_line(row))}")
    out.append(f"    -> {one_line(row.explanation)}")
    if word_edits(row):
        out.append(f"    {one_line(word_diff_title(comparison, row))} "
                   f"{one_line(word_diff_text(row))}")
    if row.alignment:
        out.append(f"    ({one_line(alignment_text(row))})")
    return out


def _cell(row: Row, party: Party, name: str, cited: tuple[str, list[str]]) -> list[str]:
    """A party's value (and its source's mark), then what else its clause says, and what it
    quotes and notes, indented under the value."""
    position = row.positions[party.id]
    mark, quoted = cited
    out = [f"    {name} {one_line(position_text(position))}" + (f" {mark}" if mark else "")]
    facts = position_facts(position, row, party) if position is not None else []
    if facts:
        out.append(f"    {'':{len(name)}} {one_line('; '.join(facts))}")
    out += [f"    {'':{len(name)}} {one_line(line)}" for line in quoted]
    return out


def _indented(line: str) -> str:
    """A line of untrusted text on one line, its indentation kept."""
    return line[:len(line) - len(line.lstrip(" "))] + one_line(line)


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", f"== {title} ==", *lines] if lines else []


def _timeline(comparison: Comparison) -> list[str]:
    """Each party's events, scale by scale, in day order."""
    out: list[str] = []
    for party in comparison.parties:
        scales = timeline_groups(comparison, party)
        if scales:
            out.append(f"  {one_line(party.name)}")
        for title, events in scales:
            out.append(f"    {one_line(title)}")
            out += [f"      {when_days(e):<14} "
                    f"{one_line(event_text(e, comparison.actors, party.phases))}" for e in events]
    return out


def _pairs(comparison: Comparison) -> list[str]:
    names = {party.id: one_line(party.name) for party in comparison.parties}
    return [f"  {names[pair.parties[0]]} vs {names[pair.parties[1]]}: "
            f"{one_line(summary_line(pair.summary))}" for pair in comparison.shown_pairs
            ] + _matrix(comparison)


def _matrix(comparison: Comparison) -> list[str]:
    """The pair matrix, numbered rows and columns, right-aligned indices."""
    lines = pair_matrix(comparison)
    if not lines:
        return []
    heads = [f"{number} {one_line(name)}" for number, (name, _) in enumerate(lines, 1)]
    width = max(len(head) for head in heads)
    cell = max(4, len(str(len(lines))))
    out = ["", f"  {MATRIX_NOTE}",
           "  " + " " * width + "".join(f"  {n:>{cell}}" for n in range(1, len(lines) + 1))]
    out += ["  " + head.ljust(width) + "".join(f"  {c:>{cell}}" for c in cells)
            for head, (_, cells) in zip(heads, lines)]
    return out
