"""The typed result of a comparison: what every renderer and the app read.

Its shape is the JSON contract `ceasefire-diff/2` (docs/json.md): renderers format
it, they never recompute a status, a distance or a gap. Plain records, like the
proposal model, so that building the result costs no more than comparing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field
from enum import Enum
from typing import Any, ClassVar, Literal, TypeVar

from proposals.model import Clause, record
from proposals.timeline import Event

FORMAT = "ceasefire-diff/2"

Order = Literal["area", "distance", "status"]


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
    option: str | None = None
    """The option of this party's proposal the rows show, when it offers several."""
    options: tuple[OptionInfo, ...] = ()
    phases: tuple[PhaseInfo, ...] = ()
    sources: dict[str, SourceInfo] = field(default_factory=dict)
    """The sources the proposal declares, by the id its clauses and readings name them by."""


@record
class SourceInfo:
    """A source a proposal declares: what the reports cite (`date` as ISO 8601)."""

    title: str
    publisher: str | None = None
    date: str | None = None
    url: str | None = None


@record
class OptionInfo:
    """One of the alternative packages a party offers."""

    id: str
    label: str
    note: str | None = None


@record
class PhaseInfo:
    """One phase of a party's proposal, as written (`starts`, `duration`: the author's words)."""

    id: str
    label: str
    starts: str | None = None
    duration: str | None = None


class Deferred:
    """A record whose words are made when first read rather than when the comparison is.

    Nearly every row is decided by its values alone, and the comparators measure those
    at under half of what wording them costs: `compare` gives such a row its status and
    distance at once, and its words (`DEFERRED`) only when something reads them. The app,
    which shows a few dozen rows' words at a time, and a script after statuses pay for no
    more (a report, which reads them all, asks `compare` for them at once). Reading any deferred
    field makes them all, exactly as `compare` would have made them at once (the engine's
    tests check it); the record is then like any other. They are made from the record
    itself by a function its whole comparison shares: nothing is kept per record for them
    (a history keeps every round's rows, most never worded).
    """

    __slots__ = ("_make",)
    DEFERRED: ClassVar[tuple[str, ...]] = ()

    def __getattr__(self, name: str) -> Any:
        # Python asks only for what is not set: a deferred field not made yet, or a slip.
        if name not in self.DEFERRED:
            raise AttributeError(name)
        try:
            make = self._make
        except AttributeError:
            raise AttributeError(name) from None
        try:
            made = make(self)
        except AttributeError as error:  # would read as "no such field" to the caller
            raise RuntimeError(f"making {type(self).__name__}.{name} failed") from error
        for key, value in made.items():
            setattr(self, key, value)
        try:
            del self._make
        except AttributeError:  # another thread made them first, the same
            pass
        return made[name]


D = TypeVar("D", bound=Deferred)


def defer(record: D, make: Callable[[D], Mapping[str, Any]]) -> D:
    """`record` with its `DEFERRED` fields unset until first read, then made by `make` of
    the record (giving each of them by name)."""
    for name in record.DEFERRED:
        delattr(record, name)
    record._make = make
    return record


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
class Aspect:
    """One part of a row's verdict: the values themselves, when they are to happen, the
    conditions attached, or how the verdict varies over a disputed clause's readings."""

    name: Literal["value", "timing", "conditions", "readings"]
    status: GapStatus
    distance: float | None
    explanation: str
    detail: dict[str, Any] = field(default_factory=dict)


@record
class Alignment:
    """How custom topics with different keys were paired, and how sure the pairing is."""

    keys: dict[str, str]
    confidence: float


@record
class Reference:
    """Where the agreed text stands on a row decided among the negotiating parties."""

    party: str
    addresses: bool
    took: tuple[str, ...] = ()
    """The negotiating parties whose very position the agreed text took."""
    explanation: str = ""


@record
class Row(Deferred):
    """One topic across all parties, for one party that acts (`actor`) and one point of the
    agreement (`phase`); `positions` has a key per party, None where silent.

    `id` is unique in a comparison: the topic, `@actor` when the parties say who acts,
    `#phase` when the phases are compared one by one. `status`, `distance` and
    `explanation` are the verdict over every aspect; `aspects` has each on its own when
    more than the value counts (timing, conditions, readings); `gap` is the value's.
    """

    DEFERRED = ("explanation", "gap")  # made when first read (this docstring is the contract's)

    id: str
    topic: str
    label: str
    area: str
    kind: str
    status: GapStatus
    distance: float | None
    explanation: str
    positions: dict[str, Position | None]
    gap: dict[str, Any]
    actor: str | None = None
    actor_name: str | None = None
    phase: str | None = None
    phase_label: str | None = None
    aspects: tuple[Aspect, ...] = ()
    silent: tuple[str, ...] = ()
    """The deciding parties that do not address the row (the row is decided among the
    others when two or more speak)."""
    reference: Reference | None = None
    alignment: Alignment | None = None


@record
class Summary:
    """Counts per status and the agreement index (`ceasefire docs diff` gives the formula)."""

    topics: int
    agreed: int
    partial: int
    conflict: int
    one_sided: int = field(metadata={"alias": "one-sided"})  # the JSON contract's spelling
    unclear: int
    agreement_index: float | None
    measured: int


@record
class PairRow(Deferred):
    """One row between exactly two parties: its verdict as a comparison of the two alone
    gives it (with two parties, the row itself), with its words."""

    DEFERRED = ("explanation",)  # made when first read (this docstring is the contract's)

    id: str
    status: GapStatus
    distance: float | None
    explanation: str


@record
class Pair:
    """Two parties compared on every topic: one cell of the pairwise matrix."""

    parties: tuple[str, str]
    summary: Summary
    rows: tuple[PairRow, ...]

    def row(self, row_id: str) -> PairRow | None:
        for row in self.rows:
            if row.id == row_id:
                return row
        return None


@record
class Phasing:
    """How the parties' phases were lined up: `by-id` when every party that has phases has
    the same ones (each phase compared with the same phase), `first-and-final` when they
    differ (what holds in each party's first phase, and at its end), `none` without phases.
    `points` are the phases (or `first`, `final`) rows may stand for."""

    mode: Literal["none", "by-id", "first-and-final"]
    points: tuple[PhaseInfo, ...] = ()


@record
class OptionRow:
    """A row an option touches, as it stands with that option taken (the row may exist
    only under this option, so it names itself)."""

    id: str
    topic: str
    label: str
    area: str
    status: GapStatus
    distance: float | None
    actor_name: str | None = None
    phase_label: str | None = None


@record
class OptionScore:
    """One option of a party's proposal scored against the other parties' positions."""

    party: str
    option: str
    label: str
    shown: bool
    closest: bool
    summary: Summary
    rows: dict[str, OptionRow] = field(default_factory=dict)
    """The rows this party's options touch, as they stand with this option taken."""


@record
class Comparison:
    """Everything `compare` found: parties, rows in registry order, summary, pairs."""

    format: str = FORMAT
    parties: tuple[Party, ...]
    baseline: str | None = None
    reference: str | None = None
    """The agreed (or implemented) text the negotiating parties are set against: shown
    beside them, never deciding a row's status."""
    phasing: Phasing = field(default_factory=lambda: Phasing(mode="none"))
    summary: Summary
    rows: tuple[Row, ...]
    order: Order = "area"
    """The order of `rows`: by area (registry order, custom topics last), by distance
    (furthest apart first) or by status (conflict, partial, unclear, one-sided, agreed)."""
    pairs: tuple[Pair, ...] = ()
    """Every two parties compared (with a baseline, it and each other party): one pair, the
    rows themselves, when there are two, so that a script reads pairs one way."""
    options: tuple[OptionScore, ...] = ()
    timelines: dict[str, tuple[Event, ...]] = field(default_factory=dict)
    """Each party's phases and timed clauses, placed in days (see `proposals.timeline`)."""
    actors: dict[str, str] = field(default_factory=dict)
    """Every key a `by:`, `sides:` or row `actor` uses, with the name it is shown by."""
    versions_of: str | None = None
    """When every text given is one party's (or one text's drafts): its name. The rows then
    compare versions of one position, not parties."""
    earlier: tuple[Party, ...] = ()
    """Earlier texts of the parties, set aside: the rows compare each party's latest text
    (`ceasefire history` follows them round by round)."""

    def party(self, party_id: str) -> Party:
        for party in self.parties:
            if party.id == party_id:
                return party
        raise KeyError(party_id)

    def row(self, row_id: str) -> Row | None:
        for row in self.rows:
            if row.id == row_id:
                return row
        return None

    @property
    def shown_pairs(self) -> tuple[Pair, ...]:
        """The pairs a person is shown: with three parties or more, or a baseline. Two
        parties alone are their one pair, which the rows already show."""
        return self.pairs if self.baseline is not None or len(self.parties) > 2 else ()

    @property
    def has_gaps(self) -> bool:
        return any(row.status.is_gap for row in self.rows)
