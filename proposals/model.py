"""The typed proposal: what the loader produces and the diff engine reads.

Values are normalised when they are parsed, so the engine compares numbers and
vocabulary keys, never the strings an author typed. The author's own wording is
kept beside each value (`Clause.text`) so every output can show it literally.

Plain dataclasses: the loader has already checked every field with its position, and
a command that reads a proposal should not pay for more than that (pydantic is loaded
only to write the JSON contract).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Literal, Union

FORMAT_VERSION = 2
"""The current format; files of every version in `FORMAT_VERSIONS` load."""
FORMAT_VERSIONS = (1, 2)


class Kind(str, Enum):
    """The kinds of value a topic takes; each has its own parser and comparator."""

    DURATION = "duration"
    QUANTITY = "quantity"
    SET = "set"
    CHOICE = "choice"
    DATE = "date"
    TEXT = "text"
    SEQUENCE = "sequence"


class Status(str, Enum):
    """Where a proposal stands in the negotiation."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    IMPLEMENTED = "implemented"


class Confidence(str, Enum):
    """How well a clause is established: an official text, a media account, or contested."""

    CONFIRMED = "confirmed"
    REPORTED = "reported"
    DISPUTED = "disputed"


# Records are never changed after they are made (use dataclasses.replace for a variant),
# but they are not frozen: a frozen dataclass is 2.5 times slower to create, and comparing
# two 10,000-clause files makes a hundred thousand of them.
record = dataclass(slots=True, kw_only=True)


@record
class Span:
    """A duration or quantity as a closed range [low, high].

    Durations are in hours. An open upper end is `math.inf`; `indefinite` and
    `unlimited` are the point at infinity (low == high == inf).
    """

    form: Literal["span"] = "span"
    low: float
    high: float
    unit: str


@record
class Items:
    """A set: canonical item keys, sorted, no duplicates. Empty means `none`.

    `written` keeps how the author spelt words outside the vocabulary (by key), so
    they are shown as written while being compared case- and spacing-blind.
    """

    form: Literal["set"] = "set"
    items: tuple[str, ...]
    written: dict[str, str] = field(default_factory=dict)


@record
class Choice:
    """One entry of the topic's vocabulary, by its canonical value."""

    form: Literal["choice"] = "choice"
    choice: str


@record
class Moment:
    """A date or a date-time with a zone; `day` is days since 1970-01-01 UTC."""

    form: Literal["date"] = "date"
    iso: str
    day: float
    has_time: bool


@record
class Text:
    """Free text, compared word by word and never judged."""

    form: Literal["text"] = "text"
    text: str


@record
class Steps:
    """An ordered list of steps, first to last, as canonical step keys (`written` as for Items)."""

    form: Literal["sequence"] = "sequence"
    steps: tuple[str, ...]
    written: dict[str, str] = field(default_factory=dict)
    known: tuple[tuple[str, str], ...] | None = None
    """For an order worked out from a timeline, the pairs (a, b) known to come a before b,
    sorted (the same files give the same report, byte for byte); steps in no known pair are
    not ordered. None: `steps` is the author's total order."""

    def before(self, a: str, b: str) -> bool | None:
        """Whether step `a` comes before `b`; None when this order does not say."""
        if self.known is None:
            if a not in self.steps or b not in self.steps:
                return None
            return self.steps.index(a) < self.steps.index(b)
        if (a, b) in self.known:
            return True
        return False if (b, a) in self.known else None


@record
class Unspecified:
    """A position stated without its terms ("a truce in selected areas, no specifics")."""

    form: Literal["unspecified"] = "unspecified"


Value = Union[Span, Items, Choice, Moment, Text, Steps, Unspecified]


@record
class When:
    """When a clause takes effect, as a window of days relative to an anchor.

    `anchor` is None for the agreement's entry into force (day 0), `date` for the calendar
    (days since 1970-01-01), or a reference to another event of the same proposal:
    `phase:<id>`, `step:<step>` or `topic:<key>`. `low` and `high` are days after the
    anchor, None where the window is open (`before elections` has no lower end, `from day
    3` no upper end). `relation` says which part of the anchor counts: `after` its end,
    `before` and `start` its start, `at` the anchor itself.
    """

    text: str
    anchor: str | None = None
    relation: Literal["at", "after", "before", "start"] = "at"
    low: float | None = 0.0
    high: float | None = 0.0


@record
class Condition:
    """A condition attached to a clause: free text, or a reference to another event.

    `key` is what comparisons match: the relation and the event's key for a reference
    (`after topic:humanitarian.prisoner_exchange`), the folded words for free text.
    """

    text: str
    key: str
    relation: str | None = None
    target: str | None = None


@record
class Reading:
    """One of two or more readings of a disputed clause, each with its own source."""

    value: Value
    text: str
    source: str | None = None
    source_title: str | None = None
    quote: str | None = None
    note: str | None = None
    line: int = 0
    column: int = 0


@record
class Phase:
    """A stage of the agreement, in the order written; its clauses hold during it."""

    id: str
    label: str
    starts: When | None = None
    duration: Span | None = None
    duration_text: str | None = None
    note: str | None = None
    line: int = 0
    column: int = 0


@record
class Option:
    """One of the alternative packages a proposal offers; its clauses hold if it is taken."""

    id: str
    label: str
    note: str | None = None
    line: int = 0
    column: int = 0


@record
class Source:
    """Where a clause comes from; clauses name a source by its short id."""

    title: str
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None


@record
class Clause:
    """One party's position on one topic."""

    topic: str
    written_topic: str
    kind: Kind
    label: str
    value: Value
    text: str
    source: str | None = None
    source_title: str | None = None
    confidence: Confidence = Confidence.CONFIRMED
    quote: str | None = None
    note: str | None = None
    conditions: tuple[Condition, ...] = ()
    by: tuple[str, ...] = ()
    by_text: str | None = None
    mutual: bool = False
    when: When | None = None
    phase: str | None = None
    option: str | None = None
    readings: tuple[Reading, ...] = ()
    derived: str | None = None
    line: int = 0
    column: int = 0
    file: str | None = None
    """`by` holds the keys of the parties that act (`ukraine`), as `actor_key` makes them,
    and `by_text` the words the author wrote; `mutual` is `by: both sides`, which the
    comparison spreads over the sides. `phase` and `option` name the phase or option the
    clause belongs to (None: the whole agreement). `readings` holds a disputed clause's
    readings (the first is also `value`). `derived` says how a position the author did not
    write was worked out (`timeline`). `file` is set on a clause an amending text carries
    over from the party's earlier text: `line` and `column` are in that file."""

    @property
    def is_custom(self) -> bool:
        return self.topic.startswith("x.")


@record
class Proposal:
    """One party's proposal, as one file states it."""

    version: int = FORMAT_VERSION
    party: str
    id: str
    title: str | None = None
    date: dt.date | None = None
    round: str | None = None
    status: Status = Status.PROPOSED
    amends: bool = False
    sources: dict[str, Source] = field(default_factory=dict)
    sides: dict[str, str] = field(default_factory=dict)
    actors: dict[str, str] = field(default_factory=dict)
    phases: tuple[Phase, ...] = ()
    options: tuple[Option, ...] = ()
    clauses: tuple[Clause, ...] = ()
    file: str = ""
    """`sides` are the parties the agreement binds (`by: both` means each of them), by key;
    `actors` names every key a `by:` or `sides:` of this file uses, as first written.
    `clauses` holds every clause: those of the whole agreement, of each phase and of each
    option (see `Clause.phase` and `Clause.option`). `amends`: the file lists only what it
    changes in the party's previous text (see `diffing.rounds.whole`)."""

    def clause(self, topic: str) -> Clause | None:
        """The first clause on `topic` (a canonical key), or None when the party is silent."""
        for clause in self.clauses:
            if clause.topic == topic:
                return clause
        return None
