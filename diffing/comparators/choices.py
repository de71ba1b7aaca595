"""Choices: the same word is agreed, different words a conflict, measured in steps
where the topic's vocabulary is a scale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from diffing.comparators.base import Side, everyone, plural
from diffing.result import GapStatus, Outcome
from proposals.model import Choice
from proposals.registry import Topic


def choice_text(topic: Topic, choice: str) -> str:
    """`local (Local truce in selected areas)`: the word with its vocabulary label."""
    label = topic.vocabulary.label(choice) if topic.vocabulary else choice
    return choice if label == choice else f"{choice} ({label})"


@dataclass(frozen=True, slots=True)
class ChoiceComparator:
    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome:
        chosen = {side.party: _choice(side) for side in sides}
        gap: dict[str, object] = {"choices": chosen}
        if len(set(chosen.values())) == 1:
            said = choice_text(topic, next(iter(chosen.values())))
            return Outcome(status=GapStatus.AGREED, distance=0.0, gap=gap,
                           explanation=f"{everyone(sides)} choose {said}.")
        stated = "; ".join(f"{s.name}: {choice_text(topic, chosen[s.party])}" for s in sides)
        vocabulary = topic.vocabulary
        if not (topic.ordered and vocabulary and all(vocabulary.resolve(c) for c in chosen.values())):
            return Outcome(status=GapStatus.CONFLICT, distance=1.0, gap={**gap, "steps": None},
                           explanation=f"{stated}. Different choices.")
        places = [vocabulary.position(choice) for choice in chosen.values()]
        steps, scale = max(places) - min(places), len(vocabulary.terms) - 1
        return Outcome(
            status=GapStatus.CONFLICT,
            distance=round(0.5 + 0.5 * steps / scale, 4),
            gap={**gap, "steps": steps, "scale": scale},
            explanation=f"{stated}. {plural(steps, 'step')} apart on a scale of "
            f"{len(vocabulary.terms)}: {' → '.join(t.value for t in vocabulary.terms)}.")


def _choice(side: Side) -> str:
    if not isinstance(side.value, Choice):
        raise TypeError(f"{side.party}: expected a choice, got {side.value.form}")
    return side.value.choice


CHOICES = ChoiceComparator()
