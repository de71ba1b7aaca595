"""The one small interface every comparator implements, and the wording helpers they share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from diffing.result import GapStatus, Outcome
from proposals.model import Value
from proposals.registry import Topic


@dataclass(slots=True)  # not frozen: made once per topic, and frozen ones are slower
class Side:
    """One party's specified value on a topic, as a comparator sees it."""

    party: str
    name: str
    value: Value
    text: str


Measure = tuple[GapStatus, "float | None"]


class Comparator(Protocol):
    """Compares two or more sides on one topic; sides come in the columns' order (the
    order the files were given).

    `measure` gives the status and distance alone (option scores and history's moves ask
    for nothing more, thousands of times); `compare` gives the same status and distance with the gap
    and the explanation. The status and distance never depend on the order of the sides;
    the explanation names the parties in it, as the columns show them.
    """

    def measure(self, topic: Topic, values: Sequence[Value]) -> Measure: ...

    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome: ...


T = TypeVar("T")


def expect(value: Value, form: type[T]) -> T:
    """The value as the form its topic's kind promises (the loader guarantees it)."""
    if not isinstance(value, form):
        raise TypeError(f"expected {form.__name__}, got {value.form}")
    return value


def names(parties: Sequence[str]) -> str:
    """`Russia`, `Russia and Ukraine`, `Europe, Russia and Ukraine`."""
    if len(parties) <= 1:
        return "".join(parties)
    return ", ".join(parties[:-1]) + " and " + parties[-1]


def possessive(name: str) -> str:
    """`Russia's`, `the Mediators'`: a party's name as the owner of something."""
    return name + ("'" if name.endswith(("s", "S")) else "'s")


def sentence(text: str) -> str:
    """`text` with a capital first letter and a full stop."""
    return text[:1].upper() + text[1:] + "."


def everyone(sides: Sequence[object]) -> str:
    """`Both`, or `All 3 parties`, for the parties (or their sides) a sentence speaks of."""
    return "Both" if len(sides) == 2 else f"All {len(sides)} parties"


def plural(count: int, noun: str) -> str:
    if count == 1:
        return f"1 {noun}"
    irregular = {"means": "means", "category": "categories", "country": "countries"}
    return f"{count:,} {irregular.get(noun, noun + 's')}"


def number(value: float) -> str:
    """`1,000`, `2.5`, `600,000`: a number as a person writes it."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def ratio(high: float, low: float) -> str:
    """`10×`, `1.3×`: how many times one bound is the other."""
    factor = high / low
    return f"{factor:,.0f}×" if factor >= 10 else f"{factor:.1f}×".replace(".0×", "×")
