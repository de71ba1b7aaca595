"""Choices: the same word is agreed, different words a conflict, measured in steps
where the topic's vocabulary is a scale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diffing.comparators.base import Measure, Side, everyone, expect, plural, possessive
from diffing.result import GapStatus, Outcome
from proposals.model import Choice, Value
from proposals.registry import Topic


def choice_text(topic: Topic, choice: str) -> str:
    """`local (Local truce in selected areas)`: the word with its vocabulary label."""
    label = topic.vocabulary.label(choice) if topic.vocabulary else choice
    return choice if label == choice else f"{choice} ({label})"


def _steps(topic: Topic, chosen: Sequence[str]) -> tuple[int, int] | None:
    """(steps apart, words on the scale) on an ordered vocabulary, or None on an unordered one."""
    vocabulary = topic.vocabulary
    if not (topic.ordered and vocabulary and all(vocabulary.resolve(c) for c in chosen)):
        return None
    places = [vocabulary.position(choice) for choice in chosen]
    return max(places) - min(places), len(vocabulary.terms)


UNORDERED_INCLUSION = 0.25
"""The distance between a choice and one it includes, on a vocabulary that is no scale."""


def _widest(topic: Topic, chosen: Sequence[str]) -> str | None:
    """The choice that includes every other one chosen (`all-for-all` includes
    `by-category`), by the vocabulary; None when none does."""
    vocabulary = topic.vocabulary
    if vocabulary is None or not vocabulary.nests:
        return None
    for candidate in set(chosen):
        covered = vocabulary.covers(candidate)
        if all(other == candidate or vocabulary.covers(other) < covered for other in chosen):
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class ChoiceComparator:
    def measure(self, topic: Topic, values: Sequence[Value]) -> Measure:
        chosen = [expect(value, Choice).choice for value in values]
        if len(set(chosen)) == 1:
            return GapStatus.AGREED, 0.0
        steps = _steps(topic, chosen)
        if _widest(topic, chosen) is not None:  # one choice includes every other
            return GapStatus.PARTIAL, (round(0.5 * steps[0] / (steps[1] - 1), 4) if steps
                                       else UNORDERED_INCLUSION)
        if steps is None:
            return GapStatus.CONFLICT, 1.0
        apart, scale = steps
        return GapStatus.CONFLICT, round(0.5 + 0.5 * apart / (scale - 1), 4)

    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome:
        status, distance = self.measure(topic, [side.value for side in sides])
        chosen = {side.party: expect(side.value, Choice).choice for side in sides}
        steps = _steps(topic, list(chosen.values()))
        gap = {"choices": chosen, "steps": steps[0] if steps else None,
               "scale": steps[1] if steps else None, "includes": None}
        if status is GapStatus.AGREED:
            said = choice_text(topic, next(iter(chosen.values())))
            return Outcome(status=status, distance=distance, gap=gap,
                           explanation=f"{everyone(sides)} choose {said}.")
        stated = "; ".join(f"{s.name}: {choice_text(topic, chosen[s.party])}" for s in sides)
        wide = _widest(topic, list(chosen.values()))
        if wide is not None:
            owner = next(s.name for s in sides if chosen[s.party] == wide)
            return Outcome(status=status, distance=distance, gap={**gap, "includes": wide},
                           explanation=f"{stated}. {possessive(owner)} choice includes the "
                           f"{'others' if len(set(chosen.values())) > 2 else 'other'}.")
        if steps is None:
            return Outcome(status=status, distance=distance, gap=gap,
                           explanation=f"{stated}. Different choices.")
        terms = topic.vocabulary.terms if topic.vocabulary else ()
        return Outcome(
            status=status, distance=distance, gap=gap,
            explanation=f"{stated}. {plural(steps[0], 'step')} apart on a scale of "
            f"{steps[1]}: {' → '.join(t.value for t in terms)}.")


CHOICES = ChoiceComparator()
