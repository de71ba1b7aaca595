"""Durations and quantities: ranges on one axis, compared by overlap and by the gap between them.

Every party's position is a range [low, high]. If all ranges share a zone, that
zone is what every party could accept (partial, or agreed when the ranges are the
same); otherwise the parties are apart by the distance between the nearest ends.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from diffing.comparators.base import (
    Measure,
    Side,
    everyone,
    expect,
    number,
    possessive,
    ratio,
)
from diffing.result import GapStatus, Outcome
from proposals.model import Span, Value
from proposals.registry import Topic


@lru_cache(maxsize=256)
def amount_for(unit: str) -> Amount:
    """The wording for numbers of `unit`, made once per unit."""
    return Amount(unit)


class Amount:
    """Words a number in its unit; durations (stored in hours) in hours or days."""

    def __init__(self, unit: str) -> None:
        self.unit = unit

    def __call__(self, value: float, scale: float | None = None) -> str:
        """`27 days`; `scale` picks the unit as for that other value (for ranges)."""
        return _amount_text(self, value, scale)

    def words(self, value: float, scale: float | None) -> str:
        if math.isinf(value):
            return "indefinite" if self.unit == "hours" else "unlimited"
        return f"{self.bare(value, scale)} {self.unit_word(value, scale)}".rstrip()

    def bare(self, value: float, scale: float | None = None) -> str:
        if self.unit != "hours":
            return number(value)
        return number(round(value, 2) if self._in_hours(scale or value) else round(value / 24, 1))

    def unit_word(self, value: float, scale: float | None = None) -> str:
        if self.unit != "hours":
            return self.unit
        word = "hour" if self._in_hours(scale or value) else "day"
        one = value == (1 if word == "hour" else 24)
        return word if one else word + "s"

    @staticmethod
    def _in_hours(hours: float) -> bool:
        return hours < 48


@lru_cache(maxsize=8192)
def _amount_text(amount: Amount, value: float, scale: float | None) -> str:
    """Numbers recur across a negotiation's clauses: each is worded once."""
    return amount.words(value, scale)


def span_text(span: Span, amount: Amount) -> str:
    """How a normalised range reads: `2–3 days`, `at least 30 days`, `up to 72 hours`."""
    low, high = span.low, span.high
    if low == high:
        return amount(low)
    if math.isinf(high):
        return f"at least {amount(low)}"
    if low == 0:
        return f"up to {amount(high)}"
    return f"{amount.bare(low, low)}–{amount(high, low)}"


@dataclass(frozen=True, slots=True)
class SpanComparator:
    """Compares ranges; `more` words which side is further up the axis ('longer')."""

    more: str

    def measure(self, topic: Topic, values: Sequence[Value]) -> Measure:
        return _verdict([expect(value, Span) for value in values])[:2]

    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome:
        spans = {side.party: expect(side.value, Span) for side in sides}
        status, distance, top_low, bottom_high = _verdict(list(spans.values()))
        units = sorted({span.unit for span in spans.values()})
        if status is GapStatus.UNCLEAR:
            return Outcome(
                status=status, distance=None, gap={"units": units},
                explanation=f"The positions count different units ({', '.join(units)}), so "
                "they cannot be measured against each other.")
        amount = amount_for(units[0])
        gap = {"ranges": {p: [_json(s.low), _json(s.high)] for p, s in spans.items()},
               "unit": units[0]}
        if status is GapStatus.AGREED:  # the most common verdict, and the shortest to say
            said = span_text(spans[sides[0].party], amount)
            return Outcome(status=status, distance=distance, gap={
                **gap, "overlap": [_json(top_low), _json(bottom_high)], "apart": 0.0,
                "ratio": None}, explanation=f"{everyone(sides)} say {said}.")
        stated = "; ".join(f"{side.name}: {span_text(spans[side.party], amount)}" for side in sides)
        if status is GapStatus.CONFLICT:
            return self._apart(sides, spans, top_low, bottom_high, stated, amount,
                               gap, distance)
        gap = {**gap, "overlap": [_json(top_low), _json(bottom_high)], "apart": 0.0,
               "ratio": None}
        zone = span_text(Span(low=top_low, high=bottom_high, unit=""), amount)
        who = "both" if len(sides) == 2 else f"all {len(sides)}"
        return Outcome(status=status, distance=distance, gap=gap,
                       explanation=f"{stated}. The ranges overlap: {who} could accept {zone}.")

    def _apart(self, sides: Sequence[Side], spans: dict[str, Span], top_low: float,
               bottom_high: float, stated: str, amount: Amount, gap: dict,
               distance: float | None) -> Outcome:
        # The party whose range starts highest against the one whose range ends lowest.
        upper = min((p for p, s in spans.items() if s.low == top_low),
                    key=lambda p: (spans[p].high, p))
        lower = min((p for p, s in spans.items() if s.high == bottom_high),
                    key=lambda p: (spans[p].low, p))
        name = {side.party: side.name for side in sides}
        apart = top_low - bottom_high
        measurable = bottom_high > 0 and not math.isinf(top_low)
        explanation = f"{stated}. No overlap: " + (
            f"{amount(apart)} apart; {possessive(name[upper])} lowest is "
            f"{ratio(top_low, bottom_high)} {possessive(name[lower])} highest ({self.more})."
            if measurable else
            f"{possessive(name[upper])} lowest ({amount(top_low)}) lies beyond "
            f"{possessive(name[lower])} highest "
            f"({amount(bottom_high)}).")
        return Outcome(
            status=GapStatus.CONFLICT, distance=distance, explanation=explanation,
            gap={**gap, "overlap": None, "apart": _json(apart),
                 "ratio": round(top_low / bottom_high, 4) if measurable else None,
                 "upper": upper, "lower": lower},
        )


def _verdict(spans: list[Span]) -> tuple[GapStatus, float | None, float, float]:
    """Status, distance, and the common zone's ends (the gap's, when they do not meet)."""
    first = spans[0]
    top_low, bottom_high, unit = first.low, first.high, first.unit
    same = one_unit = True
    for span in spans:  # one plain pass: every compared number and quantity comes here
        if span.low > top_low:
            top_low = span.low
        if span.high < bottom_high:
            bottom_high = span.high
        if span.unit != unit:
            one_unit = False
        if span.low != first.low or span.high != first.high:
            same = False
    if not one_unit:
        return GapStatus.UNCLEAR, None, top_low, bottom_high
    if top_low <= bottom_high:
        if same:
            return GapStatus.AGREED, 0.0, top_low, bottom_high
        share = _share(top_low, bottom_high, spans)
        return GapStatus.PARTIAL, round(0.5 * (1 - share), 4), top_low, bottom_high
    if bottom_high > 0 and not math.isinf(top_low):
        distance = round(0.5 + 0.5 * (1 - bottom_high / top_low), 4)
        return GapStatus.CONFLICT, distance, top_low, bottom_high
    return GapStatus.CONFLICT, 1.0, top_low, bottom_high


def _share(low: float, high: float, spans: list[Span]) -> float:
    """The part of the union of all ranges that every range covers.

    Open ends are cut at twice the largest finite bound, so that 'at least 30 days'
    has a length to measure.
    """
    finite = [b for s in spans for b in (s.low, s.high) if not math.isinf(b)]
    cap = 2 * max(finite) if finite and max(finite) > 0 else 1.0
    union_low = min(min(s.low for s in spans), cap)
    union_high = min(max(s.high for s in spans), cap)
    width = union_high - union_low
    if width <= 0:
        return 1.0
    return max(0.0, min(high, cap) - min(low, cap)) / width


def _json(value: float) -> float | None:
    """Infinity has no JSON form: an open end is null."""
    return None if math.isinf(value) else value


DURATIONS = SpanComparator(more="longer")
QUANTITIES = SpanComparator(more="more")


def apart(a: Span, b: Span) -> float | None:
    """How far apart two ranges lie in their unit (0 when they overlap); None when they
    count different units or an open end leaves no finite gap (a history measures how
    much of a numeric gap a move closed with it)."""
    if a.unit != b.unit:
        return None
    gap = max(a.low, b.low) - min(a.high, b.high)
    if gap <= 0:
        return 0.0
    return None if math.isinf(gap) else gap
