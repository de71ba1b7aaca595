"""Sets: what every party names, and what only some name.

All equal is agreed; a common core with differences is partial; nothing named by
every party is a conflict. The gap lists the common items and each party's own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from diffing.comparators.base import Measure, Side, everyone, expect, names, plural
from diffing.result import GapStatus, Outcome
from proposals.model import Items, Steps, Value
from proposals.registry import Topic


def item_label(topic: Topic, item: str, written: Mapping[str, str] | None = None) -> str:
    """The vocabulary label of an item (`Donetsk`), or the item as its author wrote it."""
    if written and item in written:
        return written[item]
    return topic.vocabulary.label(item) if topic.vocabulary else item


def spellings(values: Sequence[Items | Steps]) -> dict[str, str]:
    """How the parties spelt their free words, the first party's spelling winning."""
    merged: dict[str, str] = {}
    for value in values:
        for key, text in value.written.items():
            merged.setdefault(key, text)
    return merged


def items_text(topic: Topic, items: Sequence[str], written: Mapping[str, str]) -> str:
    return names([item_label(topic, item, written) for item in items]) if items else "none"


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 1.0


@dataclass(frozen=True, slots=True)
class SetComparator:
    def measure(self, topic: Topic, values: Sequence[Value]) -> Measure:
        return _verdict([frozenset(expect(value, Items).items) for value in values])[:2]

    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome:
        values = {side.party: expect(side.value, Items) for side in sides}
        sets = {party: frozenset(value.items) for party, value in values.items()}
        status, distance, common, union = _verdict(list(sets.values()))
        written = spellings(list(values.values()))
        only = {party: sorted(items - common) for party, items in sets.items()}
        gap = {"common": sorted(common), "only": only, "apart": len(union - common)}
        in_common = items_text(topic, sorted(common), written)
        if status is GapStatus.AGREED:
            return Outcome(status=status, distance=distance, gap=gap,
                           explanation=f"{everyone(sides)} name {in_common}.")
        stated = "; ".join(f"{side.name}: {items_text(topic, sorted(sets[side.party]), written)}"
                           for side in sides)
        apart = plural(len(union - common), topic.noun)
        said = (f"In common: {in_common}; {apart} not shared." if status is GapStatus.PARTIAL
                else f"Nothing in common: {apart} apart.")
        return Outcome(status=status, distance=distance, gap=gap, explanation=f"{stated}. {said}")


def _verdict(sets: list[frozenset[str]]) -> tuple[GapStatus, float, frozenset[str],
                                                  frozenset[str]]:
    """Status, distance, what every party names, and what any party names."""
    common = frozenset.intersection(*sets)
    union = frozenset.union(*sets)
    if len(set(sets)) == 1:
        return GapStatus.AGREED, 0.0, common, union
    if common:
        return GapStatus.PARTIAL, round(0.5 * (1 - len(common) / len(union)), 4), common, union
    pairs = list(combinations(sets, 2))
    overlap = sum(_jaccard(a, b) for a, b in pairs) / len(pairs)
    return GapStatus.CONFLICT, round(0.5 + 0.5 * (1 - overlap), 4), common, union


SETS = SetComparator()
