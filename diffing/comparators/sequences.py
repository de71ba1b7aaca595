"""Sequences: which steps the parties share, and which shared steps they put in another order.

A step "moves" when some party puts it before another shared step that a different
party puts after it (ceasefire first vs memorandum first): each such pair is named,
not just detected.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from diffing.comparators.base import Measure, Side, everyone, expect, names, plural, sentence
from diffing.comparators.sets import item_label, spellings
from diffing.result import GapStatus, Outcome
from proposals.model import Steps, Value
from proposals.registry import Topic


def inversions(orders: Mapping[object, Steps], common: frozenset[str]) -> list[tuple[str, str]]:
    """Pairs of shared steps (a, b) that some party puts a-then-b and another b-then-a
    (an order worked out from times counts only the pairs it knows)."""
    found = []
    for a, b in combinations(sorted(common), 2):
        said = {order.before(a, b) for order in orders.values()}
        if True in said and False in said:
            found.append((a, b))
    return found


@dataclass(frozen=True, slots=True)
class SequenceComparator:
    def measure(self, topic: Topic, values: Sequence[Value]) -> Measure:
        return _verdict({i: expect(value, Steps) for i, value in enumerate(values)})[:2]

    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome:
        values = {side.party: expect(side.value, Steps) for side in sides}
        orders = {party: value.steps for party, value in values.items()}
        status, distance, common, union, swapped = _verdict(values)
        written = spellings(list(values.values()))
        moved = sorted({step for pair in swapped for step in pair})
        positions = {step: {p: order.index(step) + 1 for p, order in orders.items() if step in order}
                     for step in sorted(union)}
        gap = {"common": sorted(common), "moved": moved,
               "only": {p: [s for s in order if s not in common] for p, order in orders.items()},
               "positions": positions}

        def label(step: str) -> str:
            return item_label(topic, step, written)

        if status is GapStatus.AGREED:
            said = " → ".join(label(s) for s in orders[sides[0].party])
            return Outcome(status=status, distance=distance, gap=gap,
                           explanation=f"{everyone(sides)} give the same order: {said}.")
        stated = "; ".join(f"{s.name}: {' → '.join(label(x) for x in orders[s.party]) or 'none'}"
                           for s in sides)
        if status is GapStatus.CONFLICT:
            return Outcome(status=status, distance=distance, gap=gap,
                           explanation=f"{stated}. No step in common.")
        notes = []
        if swapped:
            where = "; ".join(self._swap(a, b, sides, values, label) for a, b in swapped[:3])
            more = f"; and {len(swapped) - 3} more" if len(swapped) > 3 else ""
            notes.append(f"{plural(len(moved), 'step')} in another order: {where}{more}")
        unshared = len(union - common)
        if unshared:
            notes.append(f"{plural(unshared, topic.noun)} not named by "
                         f"{'both' if len(sides) == 2 else 'all'}")
        return Outcome(status=status, distance=distance, gap=gap,
                       explanation=f"{stated}. " + sentence("; ".join(notes)))

    @staticmethod
    def _swap(a: str, b: str, sides: Sequence[Side], values: Mapping[str, Steps],
              label: Callable[[str], str]) -> str:
        first = [s.name for s in sides if values[s.party].before(a, b) is True]
        then = [s.name for s in sides if values[s.party].before(a, b) is False]
        return f"{names(first)} put{'s' * (len(first) == 1)} {label(a)} before {label(b)}, " \
            f"{names(then)} after"


def _same(values: Sequence[Steps]) -> bool:
    """Whether every party gives the same steps in the same order (for orders from times:
    the same steps, and the same pairs known to come first)."""
    if all(value.known is None for value in values):
        return len({value.steps for value in values}) == 1
    return len({(frozenset(v.steps), _relation(v)) for v in values}) == 1


def _relation(value: Steps) -> frozenset[tuple[str, str]]:
    if value.known is not None:
        return value.known
    return frozenset(combinations(value.steps, 2))


def _verdict(values: Mapping[object, Steps]) -> tuple[
        GapStatus, float, frozenset[str], frozenset[str], list[tuple[str, str]]]:
    """Status, distance, common steps, all steps, and the pairs of steps in another order."""
    orders = [value.steps for value in values.values()]
    common = frozenset.intersection(*(frozenset(o) for o in orders))
    union = frozenset.union(*(frozenset(o) for o in orders))
    if _same(list(values.values())):
        return GapStatus.AGREED, 0.0, common, union, []
    if not common:
        return GapStatus.CONFLICT, 1.0, common, union, []
    swapped = inversions(values, common)
    moved = {step for pair in swapped for step in pair}
    distance = round(0.5 * (1 - (len(common) - len(moved)) / len(union)), 4)
    return GapStatus.PARTIAL, distance, common, union, swapped


SEQUENCES = SequenceComparator()
