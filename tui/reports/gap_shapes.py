"""The geometry of a gap picture, shared by the app's text pictures (tui.app.pictures) and
the HTML report's SVG (tui.reports.gap_svg): where each range lies on one axis and what
all parties accept or how far apart they are, which party names which item, and which
steps each order moves. Pure functions of a row's values: each renderer only draws them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from diffing.comparators.sequences import inversions
from diffing.comparators.sets import item_label, spellings
from diffing.comparators.spans import Amount, amount_for, span_text
from diffing.result import Party, Row
from proposals.model import Items, Moment, Span, Steps, Value
from proposals.registry import Topic
from tui.terminal import literal

LOG_SCALE_RATIO = 50  # ranges spanning more than this factor are drawn on a log scale
OPEN_ROOM = 1.25  # an axis with an open end reaches this far past the last finite end


def row_values(row: Row, parties: Sequence[Party]) -> dict[str, Value]:
    """What each party that speaks on the row wrote, in the parties' order."""
    return {p.id: row.positions[p.id].value for p in parties  # type: ignore[union-attr]
            if row.positions.get(p.id)}


@dataclass(frozen=True, slots=True)
class Axis:
    """Values from `low` to `high` mapped onto 0..1, linearly or, for wide spreads, on a
    log scale."""

    low: float
    high: float
    log: bool

    @classmethod
    def over(cls, low: float, high: float) -> Axis:
        high = max(high, low)
        return cls(low, high, low > 0 and high / low > LOG_SCALE_RATIO)

    @property
    def flat(self) -> bool:
        """Every value at one point: drawn in the middle."""
        return self.high == self.low

    def part(self, value: float) -> float:
        """Where `value` lies, 0 at `low` and 1 at `high` (and beyond it, at infinity)."""
        if math.isinf(value):
            return 1.0
        if self.flat:
            return 0.5
        if self.log:
            part = math.log(value / self.low) / math.log(self.high / self.low)
        else:
            part = (value - self.low) / (self.high - self.low)
        return max(0.0, min(1.0, part))


@dataclass(frozen=True, slots=True)
class Ranges:
    """Ranges on one axis: each party's, the zone all accept (`common`), or the stretch
    between the nearest ends (`apart`) when there is none."""

    spans: dict[str, Span]
    amount: Amount
    axis: Axis
    open_end: bool
    common: tuple[float, float] | None
    apart: tuple[float, float] | None
    gap: str
    """`3 days apart` (or `apart` for an infinite stretch); empty when they overlap."""
    under: str
    """What the line under the parties says: `both accept`, `all accept`, `no overlap`."""

    def caption(self, party: str) -> str:
        return span_text(self.spans[party], self.amount)

    def ends(self) -> tuple[str, str]:
        """The axis's two end labels (`→ 30 days` when it runs on past the last end)."""
        left = self.amount(self.axis.low) if self.axis.low else "0"
        high = self.axis.high / OPEN_ROOM if self.open_end else self.axis.high
        return left, ("→ " if self.open_end else "") + self.amount(high)


def ranges(spans: Mapping[str, Span]) -> Ranges:
    """The shared axis of `spans` (one unit) and what lies between them."""
    amount = amount_for(next(iter(spans.values())).unit)
    finite = [b for s in spans.values() for b in (s.low, s.high) if not math.isinf(b)]
    low, high = (min(finite), max(finite)) if finite else (0.0, 1.0)
    open_end = any(math.isinf(s.high) for s in spans.values())
    common_low = max(s.low for s in spans.values())
    common_high = min(s.high for s in spans.values())
    overlap = common_low <= common_high
    gap = "" if overlap else (
        "apart" if math.isinf(common_low - common_high)
        else f"{amount(common_low - common_high)} apart")
    under = ("all accept" if len(spans) > 2 else "both accept") if overlap else "no overlap"
    return Ranges(dict(spans), amount, Axis.over(low, high * (OPEN_ROOM if open_end else 1)),
                  open_end, (common_low, common_high) if overlap else None,
                  None if overlap else (common_high, common_low), gap, under)


@dataclass(frozen=True, slots=True)
class Dates:
    """Dates on one time axis, the earliest and latest, and the days between them."""

    moments: dict[str, Moment]
    axis: Axis
    first: Moment
    last: Moment

    @property
    def spread(self) -> str:
        return (f"{self.first.iso[:10]} … {self.last.iso[:10]}  "
                f"({self.last.day - self.first.day:g} days)")


def dates(moments: Mapping[str, Moment]) -> Dates:
    days = [m.day for m in moments.values()]
    return Dates(dict(moments), Axis.over(min(days), max(days)),
                 min(moments.values(), key=lambda m: m.day),
                 max(moments.values(), key=lambda m: m.day))


@dataclass(frozen=True, slots=True)
class Member:
    """An item of a membership grid: its label, whether every party names it, and for
    each party (in order) whether it does."""

    label: str
    shared: bool
    named: tuple[bool, ...]


def membership(topic: Topic, sets: Mapping[str, Items]) -> list[Member]:
    """Every item any party names, those most parties name first, then by key."""
    members = [set(value.items) for value in sets.values()]
    written = spellings(list(sets.values()))
    union = sorted(set().union(*members), key=lambda item: (-sum(item in m for m in members),
                                                            item))
    return [Member(literal(item_label(topic, item, written)), all(item in m for m in members),
                   tuple(item in m for m in members)) for item in union]


Mark = Literal["moved", "common", "only"]
MARKS: dict[Mark, str] = {"moved": "↕", "common": " ", "only": "+"}
ORDER_LEGEND = "↕ another order   + named by this party only"


@dataclass(frozen=True, slots=True)
class Step:
    """A step of one party's order: its label and whether another order puts it elsewhere
    (`moved`), every order names it (`common`) or only this one does (`only`)."""

    label: str
    mark: Mark


def orders(topic: Topic, steps: Mapping[str, Steps]) -> dict[str, list[Step]]:
    """Each party's order, step by step, marked against the others."""
    written = spellings(list(steps.values()))
    common = set.intersection(*(set(s.steps) for s in steps.values()))
    moved = {step for pair in inversions(steps, frozenset(common)) for step in pair}
    return {party: [Step(literal(item_label(topic, step, written)),
                         "moved" if step in moved else "common" if step in common else "only")
                    for step in order.steps]
            for party, order in steps.items()}
