"""Sets: what every party names, and what only some name.

All equal is agreed; a common core with differences is partial; nothing named by
every party is a conflict. The gap lists the common items and each party's own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from diffing.comparators.base import Measure, Side, everyone, expect, names, plural, possessive
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
        if value.written:
            for key, text in value.written.items():
                merged.setdefault(key, text)
    return merged


def items_text(topic: Topic, items: Sequence[str], written: Mapping[str, str]) -> str:
    return names([item_label(topic, item, written) for item in items]) if items else "none"


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def coverage(topic: Topic, items: Sequence[str]) -> frozenset[str]:
    """What a set stands for: each item with everything it includes (a named group is its
    members), by the topic's vocabulary; items outside it stand for themselves."""
    vocabulary = topic.vocabulary
    if vocabulary is None or not vocabulary.nests:
        return frozenset(items)
    return frozenset().union(*(vocabulary.covers(item) for item in items)) if items else \
        frozenset()


def _beyond(topic: Topic, item: str, common: frozenset[str], written: Mapping[str, str]) -> str:
    """An item outside what the others ask: `the rest of all prisoners of war` when some of
    what it includes is inside."""
    label = item_label(topic, item, written)
    vocabulary = topic.vocabulary
    if vocabulary is not None and vocabulary.covers(item) & common:
        return f"the rest of {label[:1].lower()}{label[1:]}"
    return label


def widest(sets: Mapping[str, frozenset[str]]) -> str | None:
    """The party whose set includes every other party's, each of them non-empty and
    smaller, or None."""
    for party, items in sets.items():
        others = [other for key, other in sets.items() if key != party]
        if all(other and other < items for other in others):
            return party
    return None


@dataclass(frozen=True, slots=True)
class SetComparator:
    def measure(self, topic: Topic, values: Sequence[Value]) -> Measure:
        verdict = _verdict(topic, [expect(value, Items).items for value in values])
        return verdict.status, verdict.distance

    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome:
        values = {side.party: expect(side.value, Items) for side in sides}
        verdict = _verdict(topic, [value.items for value in values.values()])
        status, distance, common = verdict.status, verdict.distance, verdict.common
        sets = dict(zip(values, verdict.covered))
        written = spellings(list(values.values()))
        unshared = verdict.unshared
        only = {party: sorted(i for i in value.items if i in unshared) if unshared else []
                for party, value in values.items()}
        gap = {"common": sorted(common), "only": only, "apart": len(verdict.unshared),
               "includes": None}
        if status is GapStatus.AGREED:
            in_common = items_text(topic, sorted(common), written)
            same = "" if len({v.items for v in values.values()}) == 1 else \
                f" (written differently, the same {topic.noun}{'s' * (len(common) != 1)})"
            return Outcome(status=status, distance=distance, gap=gap,
                           explanation=f"{everyone(sides)} name {in_common}{same}.")
        stated = "; ".join(
            f"{side.name}: {items_text(topic, sorted(values[side.party].items), written)}"
            for side in sides)
        wide = widest(sets)
        if wide is not None:
            gap["includes"] = wide
            name = next(side.name for side in sides if side.party == wide)
            others = "the others'" if len(sides) > 2 else "the other's"
            outside = names([_beyond(topic, item, common, written)
                             for item in sorted(values[wide].items) if item in verdict.unshared])
            return Outcome(status=status, distance=distance, gap=gap, explanation=(
                f"{stated}. {possessive(name)} ask includes all of {others}; beyond it: "
                f"{outside}."))
        apart = plural(len(verdict.unshared), topic.noun)
        said = (f"In common: {items_text(topic, sorted(common), written)}; {apart} not shared."
                if status is GapStatus.PARTIAL
                else f"Nothing in common: {apart} apart.")
        return Outcome(status=status, distance=distance, gap=gap, explanation=f"{stated}. {said}")


@dataclass(slots=True)  # not frozen: made for every set compared, and frozen ones are slower
class _Verdict:
    status: GapStatus
    distance: float
    common: frozenset[str]  # what every party's set stands for
    covered: list[frozenset[str]]  # what each party's set stands for
    unshared: frozenset[str]  # the written items not wholly inside what every party asks


def _verdict(topic: Topic, written: list[tuple[str, ...]]) -> _Verdict:
    """Sets compared by what they stand for (a named group is its members, an entry includes
    what it contains); a partial set measured by the items written, so that a vocabulary
    split more finely does not move the distance."""
    vocabulary = topic.vocabulary
    if vocabulary is None or not vocabulary.nests:  # the common case: sets are their items
        covered = [frozenset(items) for items in written]
        common = frozenset.intersection(*covered)
        items = frozenset.union(*covered)
        unshared = items - common
    else:
        covered = [coverage(topic, items) for items in written]
        common = frozenset.intersection(*covered)
        items = frozenset().union(*written)
        unshared = frozenset(i for i in items if not vocabulary.covers(i) <= common)
    if len(set(covered)) == 1:
        return _Verdict(GapStatus.AGREED, 0.0, common, covered, frozenset())
    if common:
        share = 1 - len(unshared) / len(items)
        return _Verdict(GapStatus.PARTIAL, round(0.5 * (1 - share), 4), common, covered,
                        unshared)
    pairs = list(combinations(covered, 2))
    overlap = sum(_jaccard(a, b) for a, b in pairs) / len(pairs)
    return _Verdict(GapStatus.CONFLICT, round(0.5 + 0.5 * (1 - overlap), 4), common, covered,
                    unshared)


SETS = SetComparator()
