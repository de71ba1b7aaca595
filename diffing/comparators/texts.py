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

from diffing.comparators.base import Measure, Side, everyone, expect
from diffing.result import GapStatus, Outcome
from proposals.model import Text, Value
from proposals.registry import Topic

_WORD = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The words (and punctuation marks) of `text`; each text is compared with every other
    party's, so its words are found once."""
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=65536)
def _folded(text: str) -> tuple[str, ...]:
    """The words of `text`, case folded."""
    return tuple(map(str.casefold, words(text)))


@lru_cache(maxsize=65536)
def normalized(text: str) -> tuple[str, ...]:
    """Case, spacing and punctuation folded: the words a reader would compare."""
    return tuple(w for w in _folded(text) if w[0].isalnum() or w[0] == "_")


Opcode = tuple[str, int, int, int, int]


def _trimmed(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """How many words the two lists share at the beginning, and then at the end.

    Taken off first, as diff tools do: edits to a clause are usually local, and difflib
    then only works on the part that changed.
    """
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


Match = tuple[float, int, int, "tuple[Opcode, ...] | None"]


@lru_cache(maxsize=16384)
def _middle(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, tuple[Opcode, ...]]:
    """The words difflib matches between two differing middles, and its edit from `a` to
    `b`: the same few edits recur across a negotiation's clauses and its rounds, and the
    matching is the costly part of comparing texts."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched, tuple(matcher.get_opcodes())


def _match(a: tuple[str, ...], b: tuple[str, ...]) -> Match:
    """Similarity (2 × matched words ÷ all words, as difflib counts them), the words shared
    at the head and the tail, and difflib's edit of what lies between (None when one side
    has nothing there)."""
    head, tail = _trimmed(a, b)
    middle_a, middle_b = a[head:len(a) - tail], b[head:len(b) - tail]
    matched = head + tail
    edit = None
    if middle_a and middle_b:
        found, edit = _middle(middle_a, middle_b)
        matched += found
    total = len(a) + len(b)
    return (2 * matched / total if total else 1.0), head, tail, edit


def similarity(a: str, b: str) -> float:
    """The share of words (and punctuation marks) the two texts have in common, in order
    (the same whichever text comes first)."""
    a, b = sorted((a, b))
    return _match(_folded(a), _folded(b))[0]


_FLIPPED = {"delete": "insert", "insert": "delete"}


def _word_diff(a: str, b: str) -> tuple[float, list[dict[str, str]]]:
    """Similarity, and the edit from text `a` to text `b` word by word (equal, delete,
    insert, replace), matched case-blind and shown as written.

    Worked out from the two texts in one order whichever is given first (difflib's matching
    is not symmetric), so the similarity, and the distance, never depend on the columns'
    order: the edit from `b` to `a`, read backwards, is the edit from `a` to `b`."""
    if b < a:
        ratio, edits = _word_diff(b, a)
        return ratio, [{"op": _FLIPPED.get(e["op"], e["op"]), "a": e["b"], "b": e["a"]}
                       for e in edits]
    folded_a, folded_b = _folded(a), _folded(b)
    ratio, head, tail, edit = _match(folded_a, folded_b)
    ops: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    if edit is not None:
        ops += [(op, i1 + head, i2 + head, j1 + head, j2 + head)
                for op, i1, i2, j1, j2 in edit]
    elif len(folded_a) - tail > head:
        ops.append(("delete", head, len(folded_a) - tail, head, head))
    elif len(folded_b) - tail > head:
        ops.append(("insert", head, head, head, len(folded_b) - tail))
    if tail:
        ops.append(("equal", len(folded_a) - tail, len(folded_a), len(folded_b) - tail,
                    len(folded_b)))
    left, right = words(a), words(b)
    return ratio, [{"op": op, "a": " ".join(left[i1:i2]), "b": " ".join(right[j1:j2])}
                   for op, i1, i2, j1, j2 in ops]


@dataclass(frozen=True, slots=True)
class TextComparator:
    def measure(self, topic: Topic, values: Sequence[Value]) -> Measure:
        texts = [expect(value, Text).text for value in values]
        if len({normalized(t) for t in texts}) == 1:
            return GapStatus.AGREED, 0.0
        lowest = min(similarity(a, b) for a, b in combinations(texts, 2))
        return GapStatus.UNCLEAR, round(1 - lowest, 4)

    def compare(self, topic: Topic, sides: Sequence[Side]) -> Outcome:
        texts = [expect(side.value, Text).text for side in sides]
        if len({normalized(t) for t in texts}) == 1:
            return Outcome(status=GapStatus.AGREED, distance=0.0, gap={},
                           explanation=f"{everyone(sides)} say the same.")
        gap: dict[str, object] = {}
        if len(sides) == 2:  # one pass gives both the measure and the diff
            lowest, gap["diff"] = _word_diff(texts[0], texts[1])
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


TEXTS = TextComparator()
