"""Narrowing a comparison to some statuses or topics, for `--only`, `--topics` and the app.

The narrowed comparison is summarised by the engine's own rule, so a report of a
filtered view says exactly what it shows.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable

from diffing.engine import summarize
from diffing.result import Comparison, GapStatus, Row


def topic_matches(row: Row, patterns: Iterable[str]) -> bool:
    """A glob on the topic key (`ceasefire.*`) or a word of the label (`prisoner`)."""
    key, label = row.topic.casefold(), row.label.casefold()
    for pattern in patterns:
        wanted = pattern.strip().casefold()
        if fnmatch.fnmatchcase(key, wanted) or (
            not any(ch in wanted for ch in "*?[") and (wanted in label or wanted in key)):
            return True
    return False


def restrict(comparison: Comparison, statuses: Iterable[GapStatus] | None = None,
             topics: Iterable[str] | None = None) -> Comparison:
    """The comparison with only the rows (and pair rows) whose status and topic are wanted."""
    wanted = set(statuses) if statuses else None
    patterns = [p for p in topics or () if p.strip()]
    rows = tuple(
        row for row in comparison.rows
        if (wanted is None or row.status in wanted) and (not patterns or topic_matches(row, patterns))
    )
    kept = {row.topic for row in rows}
    pairs = tuple(
        pair.model_copy(update={"rows": (kept_rows := tuple(r for r in pair.rows if r.topic in kept)),
                                "summary": summarize(kept_rows)})
        for pair in comparison.pairs
    )
    return comparison.model_copy(update={"rows": rows, "pairs": pairs, "summary": summarize(rows)})
