"""The typed result of a comparison: what every renderer and the app read.

Its shape is the JSON contract `ceasefire-diff/1` (docs/json.md): renderers format
it, they never recompute a status, a distance or a gap. Plain records, like the
proposal model, so that building the result costs no more than comparing.
"""

from __future__ import annotations

from dataclasses import field
from enum import Enum
from typing import Any

from proposals.model import Clause, record

FORMAT = "ceasefire-diff/1"


class GapStatus(str, Enum):
    """How the parties stand on one topic, from closest to furthest."""

    AGREED = "agreed"
    PARTIAL = "partial"
    CONFLICT = "conflict"
    ONE_SIDED = "one-sided"
    UNCLEAR = "unclear"

    @property
    def is_gap(self) -> bool:
        return self is not GapStatus.AGREED


@record
class Party:
    """A party as the comparison names it, with the file its proposal came from."""

    id: str
    name: str
    file: str
    date: str | None = None
    title: str | None = None
    round: str | None = None
    status: str = "proposed"


Position = Clause
"""A party's position on a row's topic is its clause itself, carried whole (value, words,
source, confidence, quote, note, conditions, place), so renderers need nothing else."""


@record
class Outcome:
    """What a comparator concludes about the positions it was given."""

    status: GapStatus
    distance: float | None
    explanation: str
    gap: dict[str, Any]


@record
class Alignment:
    """How custom topics with different keys were paired, and how sure the pairing is."""

    keys: dict[str, str]
    confidence: float


@record
class Row:
    """One topic across all parties; `positions` has a key per party, None where silent."""

    topic: str
    label: str
    area: str
    kind: str
    status: GapStatus
    distance: float | None
    explanation: str
    positions: dict[str, Position | None]
    gap: dict[str, Any]
    alignment: Alignment | None = None


@record
class Summary:
    """Counts per status and the agreement index (docs/diff.md gives the formula)."""

    topics: int
    agreed: int
    partial: int
    conflict: int
    one_sided: int = field(metadata={"alias": "one-sided"})  # the JSON contract's spelling
    unclear: int
    agreement_index: float | None
    measured: int


@record
class PairRow:
    """One topic between exactly two parties: one cell of the pairwise matrix."""

    topic: str
    status: GapStatus
    distance: float | None


@record
class Pair:
    """Two parties compared on every topic: one cell of the pairwise matrix."""

    parties: tuple[str, str]
    summary: Summary
    rows: tuple[PairRow, ...]

    def row(self, topic: str) -> PairRow | None:
        for row in self.rows:
            if row.topic == topic:
                return row
        return None


@record
class Comparison:
    """Everything `compare` found: parties, rows in registry order, summary, pairs."""

    format: str = FORMAT
    parties: tuple[Party, ...]
    baseline: str | None = None
    summary: Summary
    rows: tuple[Row, ...]
    pairs: tuple[Pair, ...] = ()

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(party_id)

    @property
    def has_gaps(self) -> bool:
        return any(row.status.is_gap for row in self.rows)
