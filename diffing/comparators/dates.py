"""Dates: the same day (or instant) is agreed; otherwise the parties are days apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from diffing.comparators.base import Measure, Side, everyone, expect, number, possessive
from diffing.result import GapStatus, Outcome
from proposals.model import Moment, Value
from proposals.registry import Topic

YEAR_DAYS = 365.0
EPOCH = dt.date(1970, 1, 1)


def _days(moments: Sequence[Moment]) -> list[float]:
    """Where each moment falls, in days: by the calendar day when any party gives a date
    without a time (a date and a time on that day are the same day), else to the instant."""
    if all(moment.has_time for moment in moments):
        return [moment.day for moment in moments]
    return [_calendar_day(m.iso[:10]) for m in moments]


@lru_cache(maxsize=8192)
def _calendar_day(iso: str) -> float:
    """Days from 1970-01-01 to the day `iso` names: a negotiation repeats its few dates."""
    return float((dt.date.fromisoformat(iso) - EPOCH).days)


def _verdict(days: Sequence[float]) -> Measure:
    spread = max(days) - min(days)
    if spread == 0:
        return GapStatus.AGREED, 0.0
    return GapStatus.CONFLICT, distance_apart(spread)


def distance_apart(days: float) -> float:
    """½ + ½ × min(1, days apart ÷ 365): a conflict, however near (at least an hour apart)."""
    return round(0.5 + 0.5 * min(1.0, max(days, 1 / 24) / YEAR_DAYS), 4)


@dataclass(frozen=True, slots=True)
class DateComparator:
    def measure(self, topic: Topic, values: Sequence[Value]) -> Measure:
        return _verdict(_days([expect(value, Moment) for value in values]))

    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome:
        moments = {side.party: expect(side.value, Moment) for side in sides}
        gap: dict[str, object] = {"dates": {p: m.iso for p, m in moments.items()}}
        day = dict(zip(moments, _days(list(moments.values()))))
        status, distance = _verdict(list(day.values()))
        first = min(moments, key=lambda p: (day[p], p))
        last = max(moments, key=lambda p: (day[p], p))
        days = day[last] - day[first]
        if status is GapStatus.AGREED:  # the same keys, so readers need not check for them
            isos = {m.iso for m in moments.values()}
            said = (f"say {moments[first].iso}" if len(isos) == 1 else
                    f"name the same day, {moments[first].iso[:10]} (" + "; ".join(
                        f"{side.name}: {moments[side.party].iso}" for side in sides) + ")")
            return Outcome(status=status, distance=distance,
                           gap={**gap, "apart_days": 0.0, "earliest": None, "latest": None},
                           explanation=f"{everyone(sides)} {said}.")
        name = {side.party: side.name for side in sides}
        stated = "; ".join(f"{name[p]}: {m.iso}" for p, m in
                           sorted(moments.items(), key=lambda item: (day[item[0]], item[0])))
        return Outcome(
            status=status, distance=distance,
            gap={**gap, "apart_days": round(days, 4), "earliest": first, "latest": last},
            explanation=f"{stated}. {_apart(days)} apart; {possessive(name[first])} is earlier.")


def _apart(days: float) -> str:
    """`15 days`, `1 day`, `6 hours`, `5 minutes`."""
    size, unit = (1.0, "day") if days >= 1 else (1 / 24, "hour") if days >= 1 / 24 else (
        1 / 1440, "minute")
    count = round(days / size, 2)
    return f"{number(count)} {unit}{'s' * (count != 1)}"

DATES = DateComparator()
