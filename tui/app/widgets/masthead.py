"""The top of the screen: what is compared, how close the parties are, the options shown,
and the view's state."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from diffing import Comparison
from tui.reports.layout import LOOKS, headline, offered_options, summary_counts
from tui.terminal import literal


def index_words(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def options_text(comparison: Comparison) -> Text:
    """For each party that offers options: each option's agreement index, ● the one shown,
    and which comes closest to the other parties (`o` picks another)."""
    out = Text()
    for party, scores in offered_options(comparison):
        out.append(f"\n{literal(party.name)}: ", style="dim")
        for score in scores:
            out.append("● " if score.shown else "○ ", style="bold" if score.shown else "dim")
            out.append(literal(score.label), style="bold" if score.shown else "")
            out.append(f" {index_words(score.summary.agreement_index)}")
            if score.closest:
                out.append(" closest", style="bold green")
            out.append("  ")
        out.append("(o)", style="dim")
    return out


def masthead_text(comparison: Comparison | None, shown: Comparison | None, view: str) -> Text:
    """Title, parties, agreement index and counts, the options, then the filter, search and
    baseline."""
    if comparison is None:
        return Text("No comparison yet: fix the files below.", style="bold")
    first = comparison.parties[0]
    where = " · ".join(x for x in (first.round, first.date) if x)
    out = Text(literal(headline(comparison)), style="bold")
    if where:
        out.append("  " + literal(where), style="dim")
    out.append("\nagreement index ", style="dim")
    out.append(index_words(comparison.summary.agreement_index), style="bold")
    out.append("   ")
    for status, count in summary_counts(comparison.summary):
        look = LOOKS[status]
        out.append(f"{look.glyph} {count} {look.word}", style=f"bold {look.color}")
        out.append("  ")
    out.append_text(options_text(comparison))
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
