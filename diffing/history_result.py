"""The typed result of a history: who moved, how far, toward whom, round by round.

Its shape is the JSON contract `ceasefire-history/1` (docs/json.md): renderers and the app
format it and never recompute a move, a gap or an index. Each round carries the full
comparison of the positions standing in it, so the app can show any round's grid.
"""

from __future__ import annotations

from dataclasses import field
from enum import Enum

from diffing.result import Comparison, GapStatus, Party, Position, Summary
from proposals.model import record

FORMAT = "ceasefire-history/1"


class Move(str, Enum):
    """What a party's new text did to a row its earlier text addressed, or did not."""

    KEPT = "kept"
    CHANGED = "changed"
    ADDED = "added"
    DROPPED = "dropped"


class Direction(str, Enum):
    """A changed row against another party's position in the same round: the gap closed
    (toward), widened (away), stayed as wide (sideways), or cannot be measured."""

    TOWARD = "toward"
    AWAY = "away"
    SIDEWAYS = "sideways"
    UNMEASURED = "unmeasured"


@record
class Gap:
    """A row between the moving party and one other party, before the move and after it.

    `closed` is the share of the earlier gap the move closed (1.0: it now meets the other's
    position; negative: the gap widened by that share); None when either side has no
    measure. For numbers (quantities, durations) the gap is counted in the topic's unit
    (`before` and `after`, in `unit`), otherwise it is the row's distance (0 to 1).
    """

    party: str
    status_before: GapStatus
    status_after: GapStatus
    distance_before: float | None
    distance_after: float | None
    direction: Direction
    closed: float | None = None
    before: float | None = None
    after: float | None = None
    unit: str | None = None


@record
class Change:
    """One row of one party between two of its texts: what became of it, and against each
    other party standing in the later round, whether the move closed the gap."""

    id: str
    topic: str
    label: str
    area: str
    move: Move
    explanation: str
    before: Position | None
    after: Position | None
    gaps: tuple[Gap, ...] = ()
    actor_name: str | None = None
    phase_label: str | None = None


@record
class Counts:
    """How many rows a step kept, changed, added and dropped, and of the changed ones how
    many moved toward every other party, away from one, or neither (sideways)."""

    kept: int = 0
    changed: int = 0
    added: int = 0
    dropped: int = 0
    toward: int = 0
    away: int = 0
    sideways: int = 0


@record
class Step:
    """A party from one of its texts to the next (or, for `overall`, its first to its last)."""

    party: str
    since: int
    """The round of the earlier text."""
    round: int
    """The round of the later text."""
    counts: Counts
    changes: tuple[Change, ...]
    """Every row that did not stay as it was (kept rows are only counted)."""


@record
class PartyHistory:
    """One party (or one text drafted by several hands): its texts, round by round, and
    what each new text changed."""

    id: str
    name: str
    texts: tuple[Party, ...]
    """Each text as a comparison names a party, with `round` its round's label."""
    rounds: tuple[int, ...]
    """The round of each text in `texts`."""
    steps: tuple[Step, ...] = ()
    overall: Step | None = None
    """First text to last, when there are three texts or more."""


@record
class Round:
    """One round: the texts given in it and how the positions standing then compare."""

    index: int
    label: str
    date: str | None
    given: tuple[str, ...]
    """The parties that gave a text in this round."""
    standing: dict[str, int]
    """Every party with a position in this round, by the round its text was given in
    (earlier for a party that gave no new text)."""
    summary: Summary | None = None
    """Of `comparison`: None while fewer than two parties stand."""
    comparison: Comparison | None = None
    trend: Trend | None = None
    """Against the round before, on the rows measured in both."""


@record
class Trend:
    """Whether the gap narrowed from one round to the next, like for like: the agreement
    index over the rows measured in both rounds (each round's own index may rest on
    different rows: a round where the parties said little can look close)."""

    rows: int
    before: float | None
    after: float | None
    change: float | None
    """`after - before`: positive when the parties came closer."""


@record
class History:
    """Every party's texts in the order of their rounds, what moved, and how the gap went."""

    format: str = FORMAT
    parties: tuple[PartyHistory, ...]
    rounds: tuple[Round, ...]
    reference: tuple[str, ...] = field(default_factory=tuple)
    """Parties whose texts are agreed or implemented: shown in the rounds, never moving."""

    @property
    def moved(self) -> bool:
        """Whether any party's text changed anything from one round to the next."""
        return any(step.changes for party in self.parties for step in party.steps)

    def party(self, party_id: str) -> PartyHistory:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(party_id)
