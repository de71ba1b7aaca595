"""The top of the screen: what is compared, how close the parties are, the options shown,
and the view's state; with several rounds, which round is shown and the agreement index
of each; with the versions of one text, that the columns are versions, not parties."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from diffing import Comparison, Summary
from diffing.comparators.base import names, plural
from diffing.history_result import Round
from tui.app.rounds import RoundView
from tui.reports.layout import LOOKS, headline, offered_options, summary_counts
from tui.terminal import literal

BARS = "▁▂▃▄▅▆▇█"
SPELLED_OUT = 4  # up to this many rounds each index is written beside its bar


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


def counts_text(summary: Summary, words: bool = True) -> Text:
    """`✓ 1 agreed  ≈ 2 partial  …` (or `✓ 1 ≈ 2 …`), each status in its colour."""
    out = Text()
    for status, count in summary_counts(summary):
        look = LOOKS[status]
        out.append(f"{look.glyph} {count}" + (f" {look.word}" if words else ""),
                   style=f"bold {look.color}")
        out.append("  " if words else " ")
    return out


def baseline_text(comparison: Comparison) -> Text:
    """With a baseline, each other party against it: the agreement index and counts of the
    pairs `diff --baseline` prints, one line each."""
    out = Text()
    for pair in comparison.pairs:
        if pair.parties[0] != comparison.baseline:
            continue
        out.append("\nvs ", style="dim")
        out.append(literal(comparison.party(pair.parties[1]).name), style="bold")
        out.append(": index ", style="dim")
        out.append(f"{index_words(pair.summary.agreement_index)}  ", style="bold")
        out.append_text(counts_text(pair.summary, words=False))
    return out


def bar(value: float | None) -> str:
    """One cell for an agreement index: ▁ for 0 up to █ for 1, `·` for none."""
    if value is None:
        return "·"
    return BARS[round(max(0.0, min(1.0, value)) * (len(BARS) - 1))]


def index_trail(rounds: RoundView) -> Text:
    """`1.00 █ → 0.25 ▃`: the agreement index of every round, the one shown in bold and
    underlined; beyond four rounds, the bars alone between the first and last values."""
    indices = [r.summary.agreement_index if r.summary else None for r in rounds.history.rounds]
    out = Text()
    if len(indices) <= SPELLED_OUT:
        for index, value in enumerate(indices):
            if index:
                out.append(" → ", style="dim")
            out.append(f"{index_words(value)} {bar(value)}",
                       style="bold underline" if index == rounds.index else "dim")
        return out
    out.append(index_words(indices[0]) + " ", style="dim")
    for index, value in enumerate(indices):
        out.append(bar(value), style="bold underline" if index == rounds.index else "dim")
    out.append(" " + index_words(indices[-1]), style="dim")
    return out


def trend_words(round_: Round) -> str | None:
    """Against the round before, on the rows measured in both (`Round.trend`); or that it
    cannot be measured. None for the first round."""
    trend = round_.trend
    if trend is None:
        return None
    if trend.rows == 0 or trend.before is None or trend.after is None:
        return "like for like: not measurable (no topic measured in both rounds)"
    change = trend.change or 0.0
    word = "closer" if change > 0 else "further apart" if change < 0 else "no change"
    return (f"like for like on {plural(trend.rows, 'topic')}: "
            f"{trend.before:.2f} → {trend.after:.2f}, {word}")


def round_words(rounds: RoundView) -> str:
    """`Round 2 of 2 · Istanbul II · 2025-06-02`, and whose text of an earlier round stands."""
    number, count = rounds.position
    round_ = rounds.round
    when = f" · {round_.date}" if round_.date and round_.date != round_.label else ""
    text = f"Round {number} of {count} · {round_.label}{when}"
    carried = [f"{party.name} ({given.label})" for party, given in rounds.carried()]
    return text + (f" · still standing: {names(carried)}" if carried else "")


def title(comparison: Comparison) -> str:
    """Who is compared: the parties, or `3 versions of peace-plan: A → B → C`."""
    if comparison.versions_of:
        return (f"{len(comparison.parties)} versions of {comparison.versions_of}, not parties: "
                + " → ".join(p.name for p in comparison.parties))
    return headline(comparison)


def masthead_text(comparison: Comparison | None, shown: Comparison | None, view: str,
                  rounds: RoundView | None = None, compact: bool = False) -> Text:
    """Title, parties, agreement index and counts, the options, then the filter, search and
    baseline; with `rounds`, the round shown and every round's index. `compact` (a small
    terminal) leaves out each party's index against the baseline and the options (the
    pairs view and `o` show them)."""
    if comparison is None:  # `view` then says why: the files are being read
        return Text(view or "No comparison yet: fix the files below.", style="bold")
    first = comparison.parties[0]
    if rounds is not None:
        where = round_words(rounds)
    elif comparison.versions_of:
        where = ""  # each column has its own round
    else:
        where = " · ".join(x for x in (first.round, first.date) if x)
    out = Text(literal(title(comparison)), style="bold")
    if where:
        out.append("  " + literal(where), style="dim" if rounds is None else "bold")
    out.append("\nagreement index ", style="dim")
    if rounds is None:
        out.append(index_words(comparison.summary.agreement_index), style="bold")
        out.append("   ")
    else:
        out.append_text(index_trail(rounds))
        trend = trend_words(rounds.round)
        if trend:
            out.append("  " + trend, style="italic")
        out.append("\n")
    out.append_text(counts_text(comparison.summary))
    if not compact:
        out.append_text(baseline_text(comparison))
        out.append_text(options_text(comparison))
    if shown is not None and view:
        total = comparison.summary.topics
        count = "" if shown.summary.topics == total else \
            f"showing {shown.summary.topics} of {total}: "
        out.append(f"\n{count}{view}", style="italic")
    return out


class Masthead(Static):
    """Wraps its lines on a large terminal; on a small one (`-compact`) each line is cut."""

    DEFAULT_CSS = """
    Masthead { height: auto; padding: 0 1; background: $boost; }
    Masthead.-compact { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown: tuple[Comparison | None, Comparison | None, str, RoundView | None] = \
            (None, None, "", None)

    def show(self, comparison: Comparison | None, shown: Comparison | None, view: str,
             rounds: RoundView | None = None) -> None:
        self.shown = (comparison, shown, view, rounds)
        self.update(masthead_text(*self.shown, compact=self.has_class("-compact")))

    def set_compact(self, small: bool) -> None:
        if small != self.has_class("-compact"):
            self.set_class(small, "-compact")
            self.show(*self.shown)
