"""The top of the screen: what is compared, how close the parties are, and the view's state."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from diffing import Comparison
from tui.reports.layout import LOOKS, headline, summary_counts
from tui.terminal import literal


def masthead_text(comparison: Comparison | None, shown: Comparison | None, view: str) -> Text:
    """Title, parties, agreement index and counts, then the filter, search and baseline."""
    if comparison is None:
        return Text("No comparison yet: fix the files below.", style="bold")
    first = comparison.parties[0]
    where = " · ".join(x for x in (first.round, first.date) if x)
    out = Text(literal(headline(comparison)), style="bold")
    if where:
        out.append("  " + literal(where), style="dim")
    index = comparison.summary.agreement_index
    out.append("\nagreement index ", style="dim")
    out.append("—" if index is None else f"{index:.2f}", style="bold")
    out.append("   ")
    for status, count in summary_counts(comparison.summary):
        look = LOOKS[status]
        out.append(f"{look.glyph} {count} {look.word}", style=f"bold {look.color}")
        out.append("  ")
    if shown is not None and view:
        total = comparison.summary.topics
        count = "" if shown.summary.topics == total else \
            f"showing {shown.summary.topics} of {total}: "
        out.append(f"\n{count}{view}", style="italic")
    return out


class Masthead(Static):
    DEFAULT_CSS = """
    Masthead { height: auto; padding: 0 1; background: $boost; }
    """

    def show(self, comparison: Comparison | None, shown: Comparison | None, view: str) -> None:
        self.update(masthead_text(comparison, shown, view))
