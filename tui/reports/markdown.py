"""Markdown: tables that render on GitHub, every proposal text escaped so it stays literal."""

from __future__ import annotations

import re
from collections.abc import Sequence

from diffing.comparators.base import plural, sentence
from diffing.result import Comparison, Party, Row, Summary
from tui.reports.layout import (
    LOOKS,
    alignment_text,
    aspects_line,
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
    position_text,
    row_heading,
    summary_counts,
    timeline_groups,
    when_days,
)
from tui.reports.cite import Citations, cited_cell, source_text
from tui.reports.matrix import MATRIX_NOTE, pair_matrix
from tui.terminal import one_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(text: str) -> str:
    """Literal Markdown: hidden characters shown, line breaks folded, and every character
    that could start markup inside a table cell escaped (`<` too, so HTML in a proposal never
    becomes HTML in the report, and `&` so no entity is decoded)."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def code(text: str) -> str:
    """A key or id as inline code (literal inside backticks), or escaped text should it hold
    a backtick or a pipe, which would end the code or the table cell."""
    shown = one_line(text)
    return escape(text) if "`" in shown or "|" in shown else f"`{shown}`"


def render(comparison: Comparison, cite: bool = True) -> str:
    """The report; with `cite` (the default), each clause's source mark, quote and note,
    and the sources listed at the end."""
    parties = comparison.parties
    citations = Citations.of(comparison) if cite else None
    out = [f"# {escape(headline(comparison))}", ""]
    out += [f"- {escape(party_line(party))}" for party in parties]
    if comparison.baseline:
        out.append(f"- Baseline: {escape(comparison.baseline)}")
    out += [f"- {escape(note)}" for note in header_notes(comparison)]
    counts = " · ".join(f"{LOOKS[status].glyph} {count} {LOOKS[status].word}"
                        for status, count in summary_counts(comparison.summary))
    out += ["", f"**{plural(comparison.summary.topics, 'topic')}:** {counts}. "
            f"{escape(sentence(index_text(comparison.summary)))}"]
    header = ["Status", "Topic", *(escape(p.name) for p in parties), "Gap"]
    for title, rows in groups(comparison):
        out += ["", f"## {escape(title)}", "", _row(header), _row(["---"] * len(header))]
        out += [_row(_cells(comparison, row, citations)) for row in rows]
    out += _options(comparison)
    out += _timeline(comparison)
    if comparison.shown_pairs:
        names = {p.id: escape(p.name) for p in parties}
        out += ["", "## Pairs", "", *_counts_table(
            "Pair", [(f"{names[a]} vs {names[b]}", pair.summary, "")
                     for pair in comparison.shown_pairs for a, b in [pair.parties]]), *_matrix(comparison)]
    if citations and citations.listed():
        out += ["", "## Sources", "", *(f"- {escape(source_text(c))}" for c in citations.listed())]
    return "\n".join(out) + "\n"


def _matrix(comparison: Comparison) -> list[str]:
    """The pair matrix as a table, rows and columns numbered alike."""
    lines = pair_matrix(comparison)
    if not lines:
        return []
    numbers = [str(n) for n in range(1, len(lines) + 1)]
    return ["", escape(MATRIX_NOTE), "", _row(["Party", *numbers]),
            _row(["---", *(["---:"] * len(numbers))]),
            *(_row([f"{n} {escape(name)}", *cells]) for n, (name, cells) in zip(numbers, lines))]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cells(comparison: Comparison, row: Row, citations: Citations | None) -> list[str]:
    """Status, the row's heading and id, each party's cell, and the gap."""
    look = LOOKS[row.status]
    distance = distance_text(row)
    status = f"{look.glyph} {look.word}" + (f" ({distance})" if distance else "")
    topic = f"{escape(row_heading(row))}<br>{code(row.id)}"
    gap = escape(row.explanation)
    if row.aspects:
        gap = f"_{escape(aspects_line(row))}_<br>{gap}"
    if row.alignment:
        gap += f"<br>_{escape(alignment_text(row))}_"
    return [status, topic, *(_position(row, party, cited_cell(citations, row, party))
                           for party in comparison.parties), gap]


def _position(row: Row, party: Party, cited: tuple[str, list[str]]) -> str:
    """The value (and its source's mark), then what else the clause says, in italics under
    it, then what it quotes and notes."""
    position = row.positions[party.id]
    mark, quoted = cited
    cell = escape(position_text(position)) + (f" {escape(mark)}" if mark else "")
    facts = position_facts(position, row, party) if position is not None else []
    return (cell + (f"<br>_{escape('; '.join(facts))}_" if facts else "")
            + "".join(f"<br>{escape(line)}" for line in quoted))


def _counts_table(first: str, lines: list[tuple[str, Summary, str]]) -> list[str]:
    """A table of status counts and agreement index, one line per (name, summary, note)."""
    notes = any(note for _, _, note in lines)
    header = [first, *(f"{look.glyph} {look.word}" for look in LOOKS.values()),
              "Agreement index", *(["Note"] if notes else [])]
    out = [_row(header), _row(["---"] * len(header))]
    for name, summary, note in lines:
        index = summary.agreement_index
        out.append(_row([name, *(str(count) for _, count in summary_counts(summary)),
                         "—" if index is None else f"{index:.2f}", *([note] if notes else [])]))
    return out


def _options(comparison: Comparison) -> list[str]:
    out = []
    for party, scores in offered_options(comparison):
        out += ["", f"## Options: {escape(party.name)}", "", escape(option_intro(party, scores)),
                "", *_counts_table("Option", [
                    (f"{escape(s.label)}<br>{code(s.option)}", s.summary, option_marks(s))
                    for s in scores])]
        differences = option_differences(comparison, party.id)
        if differences:
            out += ["", "Where the options differ:", ""]
            out += [f"- {escape(line)}" for line in differences]
    return out


def _timeline(comparison: Comparison) -> list[str]:
    out = []
    for party in comparison.parties:
        scales = timeline_groups(comparison, party)
        if not scales:
            continue
        out += ["", f"## Timeline: {escape(party.name)}"]
        for title, events in scales:
            out += ["", f"**{escape(title)}**", "", _row(["When", "What, as written"]),
                    _row(["---", "---"])]
            out += [_row([escape(when_days(event)),
                          escape(event_text(event, comparison.actors, party.phases))])
                    for event in events]
    return out
