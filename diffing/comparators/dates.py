"""Dates: the same day (or instant) is agreed; otherwise the parties are days apart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diffing.comparators.base import Measure, Side, everyone, expect, number, possessive
from diffing.result import GapStatus, Outcome
from proposals.model import Moment, Value
from proposals.registry import Topic

YEAR_DAYS = 365.0


@dataclass(frozen=True, slots=True)
class DateComparator:
    def measure(self, topic: Topic, values: Sequence[Value]) -> Measure:
        days = [expect(value, Moment).day for value in values]
        spread = max(days) - min(days)
        if spread == 0:
            return GapStatus.AGREED, 0.0
        return GapStatus.CONFLICT, round(0.5 + 0.5 * min(1.0, spread / YEAR_DAYS), 4)

    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome:
        status, distance = self.measure(topic, [side.value for side in sides])
        moments = {side.party: expect(side.value, Moment) for side in sides}
        gap: dict[str, object] = {"dates": {p: m.iso for p, m in moments.items()}}
        first = min(moments, key=lambda p: (moments[p].day, p))
        last = max(moments, key=lambda p: (moments[p].day, p))
        days = moments[last].day - moments[first].day
        if status is GapStatus.AGREED:  # the same keys, so readers need not check for them
            return Outcome(status=status, distance=distance,
                           gap={**gap, "apart_days": 0.0, "earliest": None, "latest": None},
                           explanation=f"{everyone(sides)} say {moments[first].iso}.")
        name = {side.party: side.name for side in sides}
        stated = "; ".join(f"{name[p]}: {m.iso}" for p, m in
                           sorted(moments.items(), key=lambda item: (item[1].day, item[0])))
        apart = number(round(days, 2))
        return Outcome(
            status=status, distance=distance,
            gap={**gap, "apart_days": round(days, 4), "earliest": first, "latest": last},
            explanation=f"{stated}. {apart} day{'s' * (days != 1)} apart; "
            f"{possessive(name[first])} is earlier.")


DATES = DateComparator()
