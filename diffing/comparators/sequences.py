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


def inversions(orders: Mapping[object, Steps], steps: frozenset[str]) -> list[tuple[str, str]]:
    """Pairs of `steps` (a, b) that some party puts a-then-b and another b-then-a (each
    party speaks only of the steps it names; an order worked out from times, only of the
    pairs it knows)."""
    ranks = [{step: i for i, step in enumerate(order.steps)} if order.known is None else None
             for order in orders.values()]

    def said(order: Steps, rank: dict[str, int] | None, a: str, b: str) -> bool | None:
        if rank is None:
            return order.before(a, b)
        return rank[a] < rank[b] if a in rank and b in rank else None

    found = []
    for a, b in combinations(sorted(steps), 2):
        verdicts = {said(order, rank, a, b) for order, rank in zip(orders.values(), ranks)}
        if True in verdicts and False in verdicts:
            found.append((a, b))
    return found


def order_text(order: Steps, label: Callable[[str], str]) -> str:
    """`Ceasefire → Withdrawal → Elections · Amnesty`: the steps in layers, each layer after
    some step of the one before; an order worked out from times may leave steps side by
    side (`·`) that it does not order."""
    if not order.steps:
        return "none"
    if order.known is None:
        return " → ".join(label(step) for step in order.steps)
    text = " → ".join(" · ".join(label(step) for step in layer) for layer in layers(order))
    loose = unordered(order)
    return text + (f" (not ordered: {', '.join(label(s) for s in loose)})" if loose else "")


def unordered(order: Steps) -> list[str]:
    """Steps an order worked out from times places against no other step."""
    if order.known is None:
        return []
    placed = {step for pair in order.known for step in pair}
    return [step for step in order.steps if step not in placed]


def layers(order: Steps) -> list[list[str]]:
    """The ordered steps grouped by how many known steps come before them, at the longest."""
    if order.known is None:
        return [[step] for step in order.steps]
    loose = set(unordered(order))
    before = {step: [a for a, b in order.known if b == step] for step in order.steps}
    depth: dict[str, int] = {}
    # `known` is closed under "before", so a step's predecessors all have fewer of their own
    for step in sorted((s for s in order.steps if s not in loose), key=lambda s: len(before[s])):
        depth[step] = 1 + max((depth[a] for a in before[step]), default=-1)
    grouped: dict[int, list[str]] = {}
    for step, level in depth.items():
        grouped.setdefault(level, []).append(step)
    return [grouped[level] for level in sorted(grouped)]


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
        places = {p: {step: i + 1 for i, step in enumerate(order)} for p, order in orders.items()}
        positions = {step: {p: place[step] for p, place in places.items() if step in place}
                     for step in sorted(union)}
        gap = {"common": sorted(common), "moved": moved,
               "only": {p: [s for s in order if s not in common] for p, order in orders.items()},
               "positions": positions}

        def label(step: str) -> str:
            return item_label(topic, step, written)

        if status is GapStatus.AGREED:
            said = order_text(values[sides[0].party], label)
            return Outcome(status=status, distance=distance, gap=gap,
                           explanation=f"{everyone(sides)} give the same order: {said}.")
        stated = "; ".join(f"{s.name}: {order_text(values[s.party], label)}" for s in sides)
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
        if not notes:  # the same steps, none in another order
            notes.append("no step in another order, but some orders say which step comes "
                         "first where others leave it open")
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
        return frozenset(value.known)
    return frozenset(combinations(value.steps, 2))


def _verdict(values: Mapping[object, Steps]) -> tuple[
        GapStatus, float, frozenset[str], frozenset[str], list[tuple[str, str]]]:
    """Status, distance, common steps, all steps, and the pairs of steps in another order."""
    orders = [value.steps for value in values.values()]
    named = [frozenset(order) for order in orders]
    common = frozenset.intersection(*named)
    union = frozenset.union(*named)
    if _same(list(values.values())):
        return GapStatus.AGREED, 0.0, common, union, []
    if not common:
        return GapStatus.CONFLICT, 1.0, common, union, []
    counts: dict[str, int] = {}
    for order in orders:
        for step in order:
            counts[step] = counts.get(step, 0) + 1
    swapped = inversions(values, frozenset(s for s, n in counts.items() if n >= 2))
    moved = {step for pair in swapped for step in pair} & common
    distance = round(0.5 * (1 - (len(common) - len(moved)) / len(union)), 4)
    if distance == 0:  # the same steps, none in another order: only some orders say more
        relations = [_relation(value) for value in values.values()]
        said = frozenset.union(*relations)
        unsaid = said - frozenset.intersection(*relations)
        distance = max(0.0001, round(0.5 * len(unsaid) / len(said), 4))
    return GapStatus.PARTIAL, distance, common, union, swapped


SEQUENCES = SequenceComparator()
