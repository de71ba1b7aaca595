"""What a quantity is counted in: a unit, and for a rate what it is counted per.

`600 trucks a day`, `4,200 trucks per week`, `700 metres`, `30 prisoners per hostage`.
Units of one dimension convert into the topic's unit (metres into km, weeks into days);
anything else must be the topic's own unit, or is refused with the reason and a
suggestion — a number is never read in a unit it was not written in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proposals.registry import Registry, normalize_word
from proposals.suggestions import suggest

TIME_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.0,
             "year": 365.0}
_TIME_WORDS = {
    **{w: "minute" for w in ("minute", "minutes", "min", "mins")},
    **{w: "hour" for w in ("hour", "hours", "h", "hr", "hrs")},
    **{w: "day" for w in ("day", "days", "d", "daily")},
    **{w: "week" for w in ("week", "weeks", "wk", "weekly")},
    **{w: "month" for w in ("month", "months", "mo", "monthly")},
    **{w: "year" for w in ("year", "years", "yr", "yearly", "annually", "annum")},
}
_RATE = re.compile(r"^(?P<unit>.*?)\s*(?:\b(?:per|a|an|each|every)\b|/)\s*(?P<per>.+)$")
_DAILY = re.compile(r"^(?P<unit>.*?)\s+(?P<per>daily|weekly|monthly|yearly|annually)$")


class UnitProblem(ValueError):
    """A unit that cannot be read, or does not fit the unit expected; says why."""


@dataclass(frozen=True, slots=True)
class Counted:
    """What a quantity is counted in: a unit (a registry unit's name, or a noun as written,
    folded) and, for a rate, what it is counted per (`day`, or a noun)."""

    unit: str
    per: str | None = None

    @property
    def text(self) -> str:
        return self.unit + (f" per {self.per}" if self.per else "")


def noun(text: str) -> str:
    """A noun folded for matching: case and spacing, and a plural (`hostages`, `lorries`)."""
    words = normalize_word(text).split(" ")
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses", "xes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 2:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def split_rate(text: str) -> tuple[str, str | None]:
    """`trucks a day` -> (`trucks`, `day`); `trucks` -> (`trucks`, None)."""
    found = _RATE.match(text) or _DAILY.match(text)
    if not found or not found["unit"]:
        return text, None
    return found["unit"], found["per"]


def per_of(text: str) -> str:
    """What a rate is counted per: a unit of time (`day`) or a folded noun (`hostage`)."""
    plain = normalize_word(text)
    return _TIME_WORDS.get(plain) or noun(plain)


def declared(registry: Registry, text: str) -> Counted:
    """The unit a topic or a custom clause declares (`trucks per day`, `km`)."""
    unit, per = split_rate(normalize_word(text))
    if not unit or any(ch.isdigit() for ch in unit):
        raise UnitProblem(f"{text!r} is not a unit: write a noun such as 'trucks', "
                          "or a rate such as 'trucks per day'")
    return Counted(registry.unit(unit) or noun(unit), per_of(per) if per else None)


def convert(registry: Registry, written: str | None, expected: Counted) -> float:
    """The factor that turns a number written in `written` into `expected` (1 when the
    unit is left out); raises UnitProblem for a unit that does not fit."""
    if written is None:
        return 1.0
    unit_text, per_text = split_rate(normalize_word(written))
    factor = _unit_factor(registry, unit_text, expected.unit) if unit_text else 1.0
    if per_text is None:
        return factor
    per = per_of(per_text)
    if expected.per is None:
        raise UnitProblem(f"{written!r} is a rate, but this topic counts {expected.text}")
    if per == expected.per:
        return factor
    if per in TIME_DAYS and expected.per in TIME_DAYS:
        return factor * TIME_DAYS[expected.per] / TIME_DAYS[per]
    raise UnitProblem(f"{written!r} is counted per {per}, but this topic counts {expected.text}: "
                      "rates per different things cannot be compared")


def _unit_factor(registry: Registry, text: str, expected: str) -> float:
    known = registry.unit(text)
    if known == (registry.unit(expected) or expected) or noun(text) == noun(expected):
        return 1.0
    units = registry.units
    if known is not None and expected in units:
        have, want = units[known], units[expected]
        if have.dimension is not None and have.dimension == want.dimension:
            return have.factor / want.factor
    raise UnitProblem(f"this topic counts {expected}, not {text!r}" + _hint(registry, text, expected))


def _hint(registry: Registry, text: str, expected: str) -> str:
    unit = registry.units.get(expected)
    if unit is None:
        return suggest(text, [expected]) or ""
    same = [u for u in registry.units.values()
            if u.name == expected or (u.dimension and u.dimension == unit.dimension)]
    return suggest(text, [w for u in same for w in (u.name, *u.words)])
