"""Plain text: what `ceasefire diff` prints when piped. No escape codes, ASCII status markers."""

from __future__ import annotations

from diffing.result import Comparison
from tui.reports.layout import (
    LOOKS,
    alignment_text,
    distance_text,
    groups,
    headline,
    party_line,
    position_text,
    summary_line,
)
from tui.terminal import one_line


def render(comparison: Comparison) -> str:
    out = [f"ceasefire diff: {one_line(headline(comparison))}"]
    out += [f"  {one_line(party_line(party))}" for party in comparison.parties]
    if comparison.baseline:
        out.append(f"  baseline: {comparison.baseline}")
    out += ["", one_line(summary_line(comparison.summary))]
    width = max((len(one_line(p.name)) for p in comparison.parties), default=0) + 1
    for title, rows in groups(comparison):
        out += ["", f"== {title} =="]
        for row in rows:
            look = LOOKS[row.status]
            distance = distance_text(row)
            out += ["", f"[{look.marker}] {look.word.upper()}  {one_line(row.label)} ({row.topic})"
                    + (f"  distance {distance}" if distance else "")]
            for party in comparison.parties:
                name = (one_line(party.name) + ":").ljust(width + 1)
                out.append(f"    {name} {one_line(position_text(row.positions[party.id]))}")
            out.append(f"    -> {one_line(row.explanation)}")
            if row.alignment:
                out.append(f"    ({one_line(alignment_text(row))})")
    out += _pairs(comparison)
    return "\n".join(out) + "\n"


def _pairs(comparison: Comparison) -> list[str]:
    if not comparison.pairs:
        return []
    names = {party.id: one_line(party.name) for party in comparison.parties}
    out = ["", "== Pairs =="]
    for pair in comparison.pairs:
        a, b = pair.parties
        out.append(f"  {names[a]} vs {names[b]}: {one_line(summary_line(pair.summary))}")
    return out
