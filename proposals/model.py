"""The typed proposal: what the loader produces and the diff engine reads.

Values are normalised when they are parsed, so the engine compares numbers and
vocabulary keys, never the strings an author typed. The author's own wording is
kept beside each value (`Clause.text`) so every output can show it literally.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

FORMAT_VERSION = 1


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


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A duration or quantity as a closed range [low, high].

    Durations are in hours. An open upper end is `math.inf`; `indefinite` and
    `unlimited` are the point at infinity (low == high == inf).
    """

    form: Literal["span"] = "span"
    low: float
    high: float
    unit: str

    @property
    def is_point(self) -> bool:
        return self.low == self.high

    @property
    def is_unbounded(self) -> bool:
        return math.isinf(self.high)


class Items(_Frozen):
    """A set: canonical item keys, sorted, no duplicates. Empty means `none`.

    `written` keeps how the author spelt words outside the vocabulary (by key), so
    they are shown as written while being compared case- and spacing-blind.
    """

    form: Literal["set"] = "set"
    items: tuple[str, ...]
    written: dict[str, str] = Field(default_factory=dict)


class Choice(_Frozen):
    """One entry of the topic's vocabulary, by its canonical value."""

    form: Literal["choice"] = "choice"
    choice: str


class Moment(_Frozen):
    """A date or a date-time with a zone; `day` is days since 1970-01-01 UTC."""

    form: Literal["date"] = "date"
    iso: str
    day: float
    has_time: bool


class Text(_Frozen):
    """Free text, compared word by word and never judged."""

    form: Literal["text"] = "text"
    text: str


class Steps(_Frozen):
    """An ordered list of steps, first to last, as canonical step keys (`written` as for Items)."""

    form: Literal["sequence"] = "sequence"
    steps: tuple[str, ...]
    written: dict[str, str] = Field(default_factory=dict)


class Unspecified(_Frozen):
    """A position stated without its terms ("a truce in selected areas, no specifics")."""

    form: Literal["unspecified"] = "unspecified"


Value = Annotated[
    Union[Span, Items, Choice, Moment, Text, Steps, Unspecified], Field(discriminator="form")
]


class Source(_Frozen):
    """Where a clause comes from; clauses name a source by its short id."""

    title: str
    publisher: str | None = None
    date: dt.date | None = None
    url: str | None = None


class Clause(_Frozen):
    """One party's position on one topic."""

    topic: str
    written_topic: str
    kind: Kind
    label: str
    value: Value
    text: str
    source: str | None = None
    confidence: Confidence = Confidence.CONFIRMED
    quote: str | None = None
    note: str | None = None
    conditions: tuple[str, ...] = ()
    by: str | None = None
    line: int = 0
    column: int = 0

    @property
    def is_custom(self) -> bool:
        return self.topic.startswith("x.")


class Proposal(_Frozen):
    """One party's proposal, as one file states it."""

    version: int = FORMAT_VERSION
    party: str
    id: str
    title: str | None = None
    date: dt.date | None = None
    round: str | None = None
    status: Status = Status.PROPOSED
    sources: dict[str, Source] = Field(default_factory=dict)
    clauses: tuple[Clause, ...] = ()
    file: str = ""

    def clause(self, topic: str) -> Clause | None:
        """The clause on `topic` (a canonical key), or None when the party is silent."""
        for clause in self.clauses:
            if clause.topic == topic:
                return clause
        return None
