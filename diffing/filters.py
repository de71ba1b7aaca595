"""Narrowing a comparison to some statuses or topics, for `--only`, `--topics` and the app.

The narrowed comparison is summarised by the engine's own rule, so a report of a
filtered view says exactly what it shows.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import replace

from diffing.result import Comparison, GapStatus, OptionRow, Row
from diffing.summary import summarize


def topic_matches(row: Row | OptionRow, patterns: Iterable[str]) -> bool:
    """A glob on the topic key (`ceasefire.*`) or a word of the label (`prisoner`)."""
    key, label = row.topic.casefold(), row.label.casefold()
    for pattern in patterns:
        wanted = pattern.strip().casefold()
        if fnmatch.fnmatchcase(key, wanted) or (
            not any(ch in wanted for ch in "*?[") and (wanted in label or wanted in key)):
            return True
    return False


def text_matches(row: Row, query: str) -> bool:
    """Whether `query` (any case) is in the topic, the explanation or any party's clause."""
    wanted = query.casefold()
    texts = [row.topic, row.label, row.explanation, row.actor_name or "", row.phase_label or ""]
    for position in row.positions.values():
        if position is not None:
            texts += [position.text, position.quote or "", position.note or "",
                      *(condition.text for condition in position.conditions),
                      position.by_text or "", position.when.text if position.when else ""]
    return any(wanted in text.casefold() for text in texts)


def restrict(comparison: Comparison, statuses: Iterable[GapStatus] | None = None,
             topics: Iterable[str] | None = None, text: str = "") -> Comparison:
    """The comparison with only the rows (and pair rows, option rows, timeline events) whose
    status, topic and text match, each summary counting only what is kept."""
    wanted = set(statuses) if statuses else None
    patterns = [p for p in topics or () if p.strip()]

    def keeps(row: Row | OptionRow) -> bool:
        return (wanted is None or row.status in wanted) and (
            not patterns or topic_matches(row, patterns))

    rows = tuple(row for row in comparison.rows
                 if keeps(row) and (not text or text_matches(row, text)))
    kept = {row.id for row in rows}
    pairs = []
    for pair in comparison.pairs:
        pair_rows = tuple(r for r in pair.rows if r.id in kept)
        pairs.append(replace(pair, rows=pair_rows, summary=summarize(pair_rows)))
    options = []
    shown = {row.id for row in comparison.rows}
    for score in comparison.options:  # a row only another option makes has no text to search
        option_rows = {i: r for i, r in score.rows.items()
                       if i in kept or (not text and i not in shown and keeps(r))}
        untouched = [row for row in rows if row.id not in score.rows]
        options.append(replace(score, rows=option_rows,
                               summary=summarize([*untouched, *option_rows.values()])))
    topics_kept = {row.topic for row in rows}
    timelines = {party: tuple(e for e in events if e.topic is None or e.topic in topics_kept)
                 for party, events in comparison.timelines.items()}
    return replace(comparison, rows=rows, pairs=tuple(pairs), summary=summarize(rows),
                   options=tuple(options), timelines=timelines)
