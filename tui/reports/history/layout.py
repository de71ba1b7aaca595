"""What every history report shows, worded once: the headline, each round, the trend of
the agreement index, each step of each party, and how a change is marked.

Strings here are raw (they may hold text from proposal files); each renderer escapes
them for its medium.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diffing.comparators.base import names, plural
from diffing.history_result import Change, Counts, History, Move, PartyHistory, Round, Step
from diffing.result import Party
from tui.reports.layout import position_text


@dataclass(frozen=True, slots=True)
class MoveLook:
    """How a move is shown: a glyph and a word always, a colour only as an extra."""

    glyph: str
    marker: str  # ASCII, for plain text
    word: str
    color: str


MOVES: dict[Move, MoveLook] = {
    Move.CHANGED: MoveLook("↔", "~", "changed", "yellow"),
    Move.ADDED: MoveLook("+", "+", "added", "green"),
    Move.DROPPED: MoveLook("−", "-", "dropped", "red"),
    Move.KEPT: MoveLook("=", "=", "kept", "default"),
}
ORDER = (Move.CHANGED, Move.ADDED, Move.DROPPED)
"""The order moves are listed in within a step: what moved first, then what is new or gone."""


def headline(history: History) -> str:
    """`Russia, Ukraine and Agreed outcome over 2 rounds`; `peace-plan: 3 drafts`."""
    if len(history.parties) == 1:
        party = history.parties[0]
        return f"{party.name}: {plural(len(party.texts), 'text')} over " \
               f"{plural(len(history.rounds), 'round')}"
    return f"{names([p.name for p in history.parties])} over " \
           f"{plural(len(history.rounds), 'round')}"


def round_line(history: History, round_: Round) -> str:
    """`Round 2 · Istanbul II · 2025-06-02: Russia, Ukraine and Agreed outcome (reference);
    Ukraine's text of Istanbul I stands`."""
    given = [_given_name(history, party, round_.index) for party in round_.given]
    carried = [f"{history.party(p).name} ({round_label(history, r)})"
               for p, r in round_.standing.items() if r != round_.index]
    when = f" · {round_.date}" if round_.date and round_.date != round_.label else ""
    text = f"Round {round_.index + 1} · {round_.label}{when}: {names(given)}"
    if carried:
        text += f"; still standing: {names(carried)}"
    return text


def _given_name(history: History, party: str, round_index: int) -> str:
    """The name a text of this round goes by (a draft keeps its author's name)."""
    record = history.party(party)
    name = text_in(record, round_index).name
    return name + (" (reference)" if party in history.reference else "")


def text_in(party: PartyHistory, round_index: int) -> Party:
    """The party's text given in this round."""
    return party.texts[party.rounds.index(round_index)]


def round_label(history: History, index: int) -> str:
    return history.rounds[index].label


def index_line(round_: Round) -> str:
    """`0.25 over 11 measured topics`, or why there is no index."""
    if round_.summary is None:
        return "no index: fewer than two parties stand"
    if round_.summary.agreement_index is None:
        return "no index: no topic is measured"
    return f"{round_.summary.agreement_index:.2f} over " \
           f"{plural(round_.summary.measured, 'measured topic')}"


def trend_line(round_: Round) -> str | None:
    """Like for like against the round before: `on the 5 topics measured in both: 0.40 →
    0.55, closer`; or that the two rest on different topics."""
    trend = round_.trend
    if trend is None:
        return None
    if trend.rows == 0 or trend.before is None or trend.after is None:
        return "no topic is measured in both this round and the one before: the two " \
               "indices rest on different topics"
    change = trend.change or 0.0
    word = "closer" if change > 0 else "further apart" if change < 0 else "no change"
    return f"on the {plural(trend.rows, 'topic')} measured in both rounds: " \
           f"{trend.before:.2f} → {trend.after:.2f} ({word}" + \
           (f", {change:+.2f})" if change else ")")


def step_title(history: History, party: PartyHistory, step: Step, overall: bool = False) -> str:
    """`Ukraine: Istanbul I → Istanbul II`; for drafts, the authors' names too."""
    before, after = text_in(party, step.since), text_in(party, step.round)
    since, now = round_label(history, step.since), round_label(history, step.round)
    name = f"{party.name}, first text to last" if overall else party.name
    if before.name != after.name:
        return f"{name}: {_draft(before.name, since)} → {_draft(after.name, now)}"
    return f"{name}: {since} → {now}"


def _draft(name: str, round_name: str) -> str:
    return name if name == round_name else f"{name} ({round_name})"


def counts_line(counts: Counts, others: bool = True) -> str:
    """`1 kept, 3 changed (1 toward the others, 1 away), 17 added, 1 dropped`; `others`:
    whether any other party stands to move toward."""
    moved = ""
    if counts.changed and others:
        moved = f" ({counts.toward} toward the others, {counts.away} away)"
    return f"{counts.kept:,} kept, {counts.changed:,} changed{moved}, {counts.added:,} added, " \
           f"{counts.dropped:,} dropped"


def by_move(step: Step) -> list[tuple[Move, list[Change]]]:
    """The step's changes grouped by move, in ORDER, each group in the registry's order."""
    return [(move, [c for c in step.changes if c.move is move]) for move in ORDER
            if any(c.move is move for c in step.changes)]


def change_heading(change: Change) -> str:
    """`Cap on armed forces · by Ukraine · first phase`."""
    return " · ".join(x for x in (change.label, f"by {change.actor_name}"
                                   if change.actor_name else None, change.phase_label) if x)


def change_line(change: Change) -> str:
    """`Cap on armed forces · by Ukraine: 600,000 troops → 800,000 troops`."""
    return f"{change_heading(change)}: {position_text(change.before)} → " \
           f"{position_text(change.after)}"


def topics_named(changes: Sequence[Change]) -> str:
    """`Prisoner exchange, Amnesty and Legal form`: the topics a group of changes touches."""
    return names([change_heading(change) for change in changes])


def has_others(history: History) -> bool:
    """Whether any party has another, not a reference, to move toward."""
    return len([p for p in history.parties if p.id not in history.reference]) >= 2


def steps_of(party: PartyHistory) -> list[tuple[Step, bool]]:
    """Each step of a party, then its whole history when it has three texts or more."""
    return [(step, False) for step in party.steps] + (
        [(party.overall, True)] if party.overall else [])
