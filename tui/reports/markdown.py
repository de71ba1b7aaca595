"""Markdown: tables that render on GitHub, every proposal text escaped so it stays literal."""

from __future__ import annotations

import re

from diffing.comparators.base import plural, sentence
from diffing.result import Comparison
from tui.reports.layout import (
    LOOKS,
    alignment_text,
    distance_text,
    groups,
    headline,
    index_text,
    party_line,
    position_text,
    summary_counts,
)
from tui.terminal import one_line

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def escape(text: str) -> str:
    """Literal Markdown: hidden characters shown, line breaks folded, and every character
    that could start markup inside a table cell escaped (`<` too, so HTML in a proposal never
    becomes HTML in the report, and `&` so no entity is decoded)."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def render(comparison: Comparison) -> str:
    parties = comparison.parties
    out = [f"# {escape(headline(comparison))}", ""]
    out += [f"- {escape(party_line(party))}" for party in parties]
    if comparison.baseline:
        out.append(f"- Baseline: {escape(comparison.baseline)}")
    counts = " · ".join(f"{LOOKS[status].glyph} {count} {LOOKS[status].word}"
                        for status, count in summary_counts(comparison.summary))
    out += ["", f"**{plural(comparison.summary.topics, 'topic')}:** {counts}. "
            f"{escape(sentence(index_text(comparison.summary)))}"]
    header = ["Status", "Topic", *(escape(p.name) for p in parties), "Gap"]
    for title, rows in groups(comparison):
        out += ["", f"## {escape(title)}", "", _row(header), _row(["---"] * len(header))]
        for row in rows:
            look = LOOKS[row.status]
            distance = distance_text(row)
            status = f"{look.glyph} {look.word}" + (f" ({distance})" if distance else "")
            topic = f"{escape(row.label)}<br>`{row.topic}`"
            gap = escape(row.explanation)
            if row.alignment:
                gap += f"<br>_{escape(alignment_text(row))}_"
            cells = [escape(position_text(row.positions[p.id])) for p in parties]
            out.append(_row([status, topic, *cells, gap]))
    out += _pairs(comparison)
    return "\n".join(out) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _pairs(comparison: Comparison) -> list[str]:
    if not comparison.pairs:
        return []
    names = {p.id: escape(p.name) for p in comparison.parties}
    out = ["", "## Pairs", "", _row(["Pair", *(LOOKS[s].word for s in LOOKS), "Agreement index"]),
           _row(["---"] * (len(LOOKS) + 2))]
    for pair in comparison.pairs:
        a, b = pair.parties
        index = pair.summary.agreement_index
        out.append(_row([f"{names[a]} vs {names[b]}",
                         *(str(count) for _, count in summary_counts(pair.summary)),
                         "—" if index is None else f"{index:.2f}"]))
    return out
