"""Free text: equal after normalising is agreed; anything else is unclear, with a word diff.

The tool does not pretend to judge what differently worded texts mean.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from diffing.comparators.base import Measure, Side, everyone
from diffing.result import GapStatus, Outcome
from proposals.model import Text

_WORD = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=4096)
def normalized(text: str) -> tuple[str, ...]:
    """Case, spacing and punctuation folded: the words a reader would compare."""
    return tuple(w.casefold() for w in words(text) if w[0].isalnum() or w[0] == "_")


def _matcher(a: str, b: str) -> tuple[difflib.SequenceMatcher, list[str], list[str]]:
    left, right = words(a), words(b)
    matcher = difflib.SequenceMatcher(a=[w.casefold() for w in left],
                                      b=[w.casefold() for w in right], autojunk=False)
    return matcher, left, right


def word_diff(a: str, b: str) -> list[dict[str, str]]:
    """The edit from text `a` to text `b`, word by word: equal, delete, insert, replace."""
    matcher, left, right = _matcher(a, b)
    return [{"op": op, "a": " ".join(left[i1:i2]), "b": " ".join(right[j1:j2])}
            for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def similarity(a: str, b: str) -> float:
    """The share of words (and punctuation marks) the two texts have in common, in order."""
    return _matcher(a, b)[0].ratio()


@dataclass(frozen=True, slots=True)
class TextComparator:
    def measure(self, topic: object, sides: Sequence[Side]) -> Measure:
        texts = [_text(side) for side in sides]
        if len({normalized(t) for t in texts}) == 1:
            return GapStatus.AGREED, 0.0
        lowest = min(similarity(a, b) for a, b in combinations(texts, 2))
        return GapStatus.UNCLEAR, round(1 - lowest, 4)

    def compare(self, topic: object, sides: Sequence[Side]) -> Outcome:
        texts = [_text(side) for side in sides]
        if len({normalized(t) for t in texts}) == 1:
            return Outcome(status=GapStatus.AGREED, distance=0.0, gap={},
                           explanation=f"{everyone(sides)} say the same.")
        gap: dict[str, object] = {}
        if len(sides) == 2:  # one matcher gives both the measure and the diff
            matcher, left, right = _matcher(*texts)
            lowest = matcher.ratio()
            gap["diff"] = [{"op": op, "a": " ".join(left[i1:i2]), "b": " ".join(right[j1:j2])}
                           for op, i1, i2, j1, j2 in matcher.get_opcodes()]
            gap["from"], gap["to"] = sides[0].party, sides[1].party
        else:
            lowest = min(similarity(a, b) for a, b in combinations(texts, 2))
        gap = {"similarity": round(lowest, 4), **gap}
        return Outcome(
            status=GapStatus.UNCLEAR,
            distance=round(1 - lowest, 4),
            gap=gap,
            explanation=f"Worded differently ({round(100 * lowest)}% of the words match): "
            "read the texts side by side; free text is not judged.")


def _text(side: Side) -> str:
    if not isinstance(side.value, Text):
        raise TypeError(f"{side.party}: expected text, got {side.value.form}")
    return side.value.text


TEXTS = TextComparator()
