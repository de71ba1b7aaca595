"""`diff --stat` and `diff --brief`: the comparison in a few lines, or in one.

`--stat` is `git diff --stat` for proposals: each pair's counts by status and agreement
index (each pair's own, from the engine), then the whole comparison's; `--brief` is
`diff -q`: one line when the shown topics have gaps, nothing when they have none.
"""

from __future__ import annotations

from diffing.comparators.base import names
from diffing.result import Comparison, Summary
from tui.reports.layout import LOOKS, headline, summary_counts
from tui.terminal import one_line

WIDTH = 80
"""Past this, each name gets a line of its own, its counts indented below it."""


def render(comparison: Comparison) -> str:
    """A line per pair of parties (with three or more, or a baseline), then all of them."""
    lines = [(" vs ".join(one_line(comparison.party(p).name) for p in pair.parties),
              counts(pair.summary)) for pair in comparison.shown_pairs]
    lines.append(("all parties" if lines else one_line(headline(comparison)),
                  counts(comparison.summary)))
    width = max(len(name) for name, _ in lines)
    if width + 2 + max(len(text) for _, text in lines) > WIDTH:
        return "".join(f"{name}\n  {text}\n" for name, text in lines)
    return "".join(f"{name:<{width}}  {text}\n" for name, text in lines)


def counts(summary: Summary) -> str:
    """`20 topics: 2 agreed, 1 partial, 17 one-sided; index 0.89`: the statuses present."""
    present = ", ".join(f"{count} {LOOKS[status].word}"
                        for status, count in summary_counts(summary) if count)
    index = "no index" if summary.agreement_index is None \
        else f"index {summary.agreement_index:.2f}"
    return (f"{summary.topics} topic{'s' * (summary.topics != 1)}"
            + (f": {present}" if present else "") + f"; {index}")


def brief(comparison: Comparison) -> str:
    """`Russia and Ukraine differ`, or nothing when no shown topic has a gap."""
    if not comparison.has_gaps:
        return ""
    return f"{one_line(names([party.name for party in comparison.parties]))} differ\n"
