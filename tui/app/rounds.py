"""Which round of a history the app shows, and what the history says about it: the rounds
one can step through, the moves to mark in that round's grid, and one topic's positions
round by round.

No widgets here, so choosing and stepping are tested without a screen. Everything is read
from the History as the engine made it: no move, gap or index is worked out again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from diffing import Comparison, Row
from diffing.history_result import Change, History, PartyHistory, Round, Step


def viewable(history: History) -> list[int]:
    """The rounds with a grid to show: those where two parties or more stand."""
    return [r.index for r in history.rounds if r.comparison is not None]


def pick(history: History, label: str | None) -> int:
    """The round called `label` if it has a grid, else the latest (a reload may have taken
    the chosen round away)."""
    shown = viewable(history)
    return next((r.index for r in history.rounds
                 if r.label == label and r.index in shown), shown[-1])


def step(history: History, index: int, by: int) -> int | None:
    """The round `by` rounds with a grid away from `index`, or None past the first or last."""
    shown = viewable(history)
    at = shown.index(index) + by if index in shown else -1
    return shown[at] if 0 <= at < len(shown) else None


@dataclass(frozen=True)
class PartyChange:
    """A party's move on a row in the round shown, with the step it was part of (whose
    `since` names the round of the earlier text)."""

    party: PartyHistory
    step: Step
    change: Change


@dataclass(frozen=True)
class RoundView:
    """One round of a history, as shown: its place among the rounds and its moves."""

    history: History
    index: int

    @property
    def round(self) -> Round:
        return self.history.rounds[self.index]

    @property
    def latest(self) -> bool:
        return self.index == viewable(self.history)[-1]

    @property
    def position(self) -> tuple[int, int]:
        """(1-based number, count) of the round among all rounds: `Round 2 of 2`."""
        return self.index + 1, len(self.history.rounds)

    @cached_property
    def moves(self) -> dict[tuple[str, str], PartyChange]:
        """Each change made by a text given in this round, by (row id, party id): the
        parties' earlier texts against the ones of this round."""
        found: dict[tuple[str, str], PartyChange] = {}
        for party in self.history.parties:
            for each in party.steps:
                if each.round == self.index:
                    for change in each.changes:
                        found[(change.id, party.id)] = PartyChange(party, each, change)
        return found

    def changes(self, row_id: str) -> list[PartyChange]:
        """The moves on one row in this round, in the history's order of parties."""
        return [found for (row, _), found in self.moves.items() if row == row_id]

    def carried(self) -> list[tuple[PartyHistory, Round]]:
        """Parties standing on a text of an earlier round (they gave nothing new here)."""
        return [(self.history.party(party), self.history.rounds[given])
                for party, given in self.round.standing.items() if given != self.index]


def topic_rounds(history: History, row_id: str) -> list[tuple[Round, Comparison | None,
                                                              Row | None]]:
    """Every round with its comparison (None: fewer than two parties stood) and the row of
    that id in it (None: nobody addressed it then)."""
    return [(r, r.comparison, r.comparison.row(row_id) if r.comparison else None)
            for r in history.rounds]
