"""What every history report shows, worded once: the headline, each round, the trend of
the agreement index, each step of each party, and how a change and its direction toward
each other party are marked.

Strings here are raw (they may hold text from proposal files); each renderer escapes
them for its medium.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from diffing.comparators.base import names, plural
from diffing.history_result import (
    Change,
    Counts,
    Direction,
    Gap,
    History,
    Move,
    PartyHistory,
    Round,
    Step,
)
from diffing.result import GapStatus, Party, Position, Summary
from tui.reports.cite import Citations, cited
from tui.reports.layout import LOOKS, position_text, summary_counts


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

DIRECTIONS: dict[Direction, MoveLook] = {
    Direction.TOWARD: MoveLook("→←", ">", "toward", "green"),
    Direction.AWAY: MoveLook("←→", "<", "away from", "red"),
    Direction.SIDEWAYS: MoveLook("↕", "|", "sideways to", "yellow"),
    Direction.UNMEASURED: MoveLook("?", "?", "unmeasured against", "magenta"),
}
"""How a changed row's gap to another party went: glyph and words, the colour an extra."""

INDEX_TITLE = "Agreement index by round"
ROUND_COLUMNS = ("Round", "Topics", "Agreement index", "Like for like")
CHANGE_COLUMNS = ("Move", "Topic", "What moved")
"""The columns of a step's table: the move and the topic, each text's position (headed
by its round), then the explanation."""
NOTHING_TO_FOLLOW = "No party gave more than one text: nothing to follow."
NO_INDEX = "—"


def title(history: History) -> str:
    """`ceasefire history: Russia, Ukraine and Agreed outcome over 2 rounds`."""
    return f"ceasefire history: {headline(history)}"


def headline(history: History) -> str:
    """`Russia, Ukraine and Agreed outcome over 2 rounds`; `peace-plan, 3 texts over 3 rounds`."""
    if len(history.parties) == 1:
        party = history.parties[0]
        return f"{party.name}, {plural(len(party.texts), 'text')} over " \
               f"{plural(len(history.rounds), 'round')}"
    return f"{names([p.name for p in history.parties])} over " \
           f"{plural(len(history.rounds), 'round')}"


def round_line(history: History, round_: Round) -> str:
    """`Round 2 · Istanbul II · 2025-06-02: Russia, Ukraine and Agreed outcome (reference);
    still standing: Russia (Istanbul I)`."""
    return f"{round_title(round_)}: {round_texts(history, round_)}"


def round_title(round_: Round) -> str:
    """`Round 2 · Istanbul II · 2025-06-02` (the date left out when it is the label)."""
    when = f" · {round_.date}" if round_.date and round_.date != round_.label else ""
    return f"Round {round_.index + 1} · {round_.label}{when}"


def round_texts(history: History, round_: Round) -> str:
    """`Russia, Ukraine and Agreed outcome (reference); still standing: Russia (Istanbul I)`:
    the texts given in a round, and those of earlier rounds that still stand in it."""
    given = [_given_name(history, party, round_.index) for party in round_.given]
    carried = [f"{history.party(p).name} ({round_label(history, r)})"
               for p, r in round_.standing.items() if r != round_.index]
    return names(given) + (f"; still standing: {names(carried)}" if carried else "")


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


def index_value(round_: Round) -> str:
    """`0.25`, or `—` where a round has no index."""
    index = round_.summary.agreement_index if round_.summary else None
    return NO_INDEX if index is None else f"{index:.2f}"


def status_counts(summary: Summary | None) -> list[tuple[GapStatus, str]]:
    """`✓ 1 agreed`, `≈ 2 partial`, …: a round's topics by status, each with its status
    (none for a round without a comparison)."""
    if summary is None:
        return []
    return [(status, f"{LOOKS[status].glyph} {count} {LOOKS[status].word}")
            for status, count in summary_counts(summary)]


def trend_line(round_: Round) -> str | None:
    """Like for like against the round before: `on the 5 topics measured in both: 0.40 →
    0.55, closer`; or that the two rest on different topics."""
    trend = round_.trend
    if trend is None:
        return None
    if trend.rows == 0 or trend.before is None or trend.after is None:
        return "no topic is measured in both this round and the one before: the two " \
               "indices rest on different topics"
    change = round(round(trend.after, 2) - round(trend.before, 2), 2)  # as the numbers read
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
        sideways = f", {counts.sideways} sideways" if counts.sideways else ""
        moved = f" ({counts.toward} toward the others, {counts.away} away{sideways})"
    return f"{counts.kept:,} kept, {counts.changed:,} changed{moved}, {counts.added:,} added, " \
           f"{counts.dropped:,} dropped"


def group_line(move: Move, changes: Sequence[Change]) -> str:
    """`Changed: Type of ceasefire, Duration and Prisoner exchange.`"""
    return f"{MOVES[move].word.capitalize()}: {topics_named(changes)}."


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


def directions(history: History, step: Step, change: Change) -> list[tuple[Gap, str]]:
    """A changed row's direction against each other party (`toward Russia`, `away from
    Russia`), by that party's name in the round of the move; none for an added or dropped
    row, whose explanation says where the others stand."""
    if change.move is not Move.CHANGED:
        return []
    return [(gap, f"{DIRECTIONS[gap.direction].word} "
                  f"{standing_name(history, gap.party, step.round)}") for gap in change.gaps]


def standing_name(history: History, party: str, round_index: int) -> str:
    """The name of the party's text standing in a round (a draft keeps its author's name)."""
    return text_in(history.party(party), history.rounds[round_index].standing[party]).name


def has_others(history: History) -> bool:
    """Whether any party has another, not a reference, to move toward."""
    return len([p for p in history.parties if p.id not in history.reference]) >= 2


def has_index(history: History) -> bool:
    """Whether any round has two parties or more standing, and so an agreement index."""
    return any(round_.summary is not None for round_ in history.rounds)


def sections(history: History) -> list[tuple[PartyHistory, Step, bool]]:
    """Every step of every party (with `overall` for a first-to-last step), in report order."""
    return [(party, step, overall) for party in history.parties
            for step, overall in steps_of(party)]


def closing(history: History) -> str | None:
    """What a report ends with when no party gave two texts: there is no step to show."""
    return None if any(party.steps for party in history.parties) else NOTHING_TO_FOLLOW


def steps_of(party: PartyHistory) -> list[tuple[Step, bool]]:
    """Each step of a party, then its whole history when it has three texts or more."""
    return [(step, False) for step in party.steps] + (
        [(party.overall, True)] if party.overall else [])


# --- citations ------------------------------------------------------------------------------


def texts_of(party: PartyHistory, step: Step) -> tuple[Party, Party]:
    """The party's earlier and later text of a step, whose sources its clauses name."""
    return (party.texts[party.rounds.index(step.since)],
            party.texts[party.rounds.index(step.round)])


def step_cited(citations: Citations | None, history: History, step: Step,
               change: Change) -> list[tuple[str, list[str]]]:
    """The earlier and the later clause's citation mark and quoted lines (nothing without
    `--cite`)."""
    before, after = texts_of(history.party(step.party), step)
    return [cited(citations, before, change.before), cited(citations, after, change.after)]


def history_citations(history: History) -> Citations:
    """The sources the history's changes cite, numbered in report order (the first-to-last
    summaries show no clause)."""
    def shown() -> Iterator[tuple[Party, Position | None]]:
        for party, step, overall in sections(history):
            if overall:
                continue
            before, after = texts_of(party, step)
            for _, changes in by_move(step):
                for change in changes:
                    yield before, change.before
                    yield after, change.after
    return Citations(shown(), [text.name for party in history.parties for text in party.texts])
