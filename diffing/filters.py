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
from proposals.registry import registry


def pattern_matches(pattern: str, key: str, label: str) -> bool:
    """A glob on the topic's key or any alias the registry gives it (`ceasefire.*`,
    `ceasefire.length`), or, without `*?[`, a part of the key, an alias or the label
    (`prisoner`), in any case."""
    wanted = pattern.strip().casefold()
    topic = registry().resolve(key)
    keys = [k.casefold() for k in (key, *(topic.aliases if topic is not None else ()))]
    if any(ch in wanted for ch in "*?["):
        return any(fnmatch.fnmatchcase(k, wanted) for k in keys)
    return wanted in label.casefold() or any(wanted in k for k in keys)


def topic_matches(row: Row | OptionRow, patterns: Iterable[str]) -> bool:
    """Whether any of `patterns` names the row's topic (see `pattern_matches`)."""
    return any(pattern_matches(pattern, row.topic, row.label) for pattern in patterns)


def unmatched(patterns: Iterable[str], topics: Iterable[tuple[str, str]]) -> list[str]:
    """The patterns that name none of `topics` (key, label): a `--topics` that would show
    nothing, which a caller refuses rather than print an empty report."""
    topics = list(topics)
    return [p for p in patterns if not any(pattern_matches(p, k, lb) for k, lb in topics)]


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
             topics: Iterable[str] | None = None, text: str = "",
             exclude: Iterable[str] | None = None) -> Comparison:
    """The comparison with only the rows (and pair rows, option rows, timeline events) whose
    status, topic and text match and whose topic no `exclude` pattern names, each summary
    counting only what is kept."""
    wanted = set(statuses) if statuses else None
    patterns = [p for p in topics or () if p.strip()]
    unwanted = [p for p in exclude or () if p.strip()]

    def named(row: Row | OptionRow) -> bool:
        return (not patterns or topic_matches(row, patterns)) and not (
            unwanted and topic_matches(row, unwanted))

    def keeps(row: Row | OptionRow) -> bool:
        return (wanted is None or row.status in wanted) and named(row)

    rows = tuple(row for row in comparison.rows
                 if keeps(row) and (not text or text_matches(row, text)))
    kept = {row.id for row in rows}
    # a pair keeps its rows by its own status: two parties may agree on a row all of them
    # do not; topic and text are the row's, whoever speaks
    in_view = {row.id: named(row) and (not text or text_matches(row, text))
               for row in comparison.rows}
    # a pair row whose row an earlier status filter hid had its topic checked then
    unnamed = not (patterns or unwanted or text)
    pairs = []
    for pair in comparison.pairs:
        pair_rows = tuple(r for r in pair.rows if in_view.get(r.id, unnamed)
                          and (wanted is None or r.status in wanted))
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
