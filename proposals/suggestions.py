"""Did-you-mean: the closest words to a mistake, for every message that names one.

A suggestion compares the mistake with every candidate (a millisecond or more against the
registry's keys), so a file of many mistakes would spend minutes on them: while a file is
read (`bounded`), only its first MOST_SUGGESTIONS mistakes get one, and the rest are counted
so the reader can say once that suggestions stopped.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from itertools import islice
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from proposals.registry import normalize_word

MOST_SUGGESTIONS = 30
"""Mistakes in one file that get a suggestion; a file with more is checked in seconds
(199,000 misspelt keys took 173 s with a suggestion each)."""


@dataclass(slots=True)
class Budget:
    """The suggestions one file may still get, and how many mistakes went without."""

    left: int
    skipped: int = 0

    def spend(self) -> bool:
        if self.left > 0:
            self.left -= 1
            return True
        self.skipped += 1
        return False


_budget: ContextVar[Budget | None] = ContextVar("suggestion budget", default=None)


@contextmanager
def bounded(most: int = MOST_SUGGESTIONS) -> Iterator[Budget]:
    """Within this block, `suggest` answers the first `most` mistakes and counts the rest."""
    token = _budget.set(budget := Budget(most))
    try:
        yield budget
    finally:
        _budget.reset(token)


def suggest(word: str, candidates: Iterable[str]) -> str:
    """A ' — did you mean …?' suffix for the closest candidates, or '' (also once the
    file's suggestions are spent, when `candidates` is not even read)."""
    budget = _budget.get()
    if budget is not None and not budget.spend():
        return ""
    import difflib  # only a file with a mistake pays for it

    by_norm = {normalize_word(c): c for c in candidates}
    close = difflib.get_close_matches(normalize_word(word), list(by_norm), n=3, cutoff=0.6)
    close = [c for c in close if c + "s" not in close]  # 'days', not 'day' or 'days'
    if not close:
        return ""
    return " — did you mean " + " or ".join(repr(by_norm[c]) for c in close) + "?"


def listed(words: Collection[str], most: int = 12) -> str:
    """`words` joined by commas; a longer list is cut visibly ('…' and how many more), and
    only what is shown is read (a file's 100,000 sources cost nothing per mistake)."""
    if len(words) <= most:
        return ", ".join(words)
    return ", ".join(islice(words, most)) + f", … and {len(words) - most:,} more"
