"""Lining proposals up topic by topic.

Registered topics line up by key (aliases were resolved by the loader). Custom `x.`
topics line up by key, then groups that no party shares are paired by how similar
their labels and values are, above a threshold, each pairing with its confidence:
a renamed custom clause is shown as one edited row, never as one removed and one
added. Candidate pairs come from shared words only, so pairing stays near-linear.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from proposals.model import Clause, Proposal
from proposals.registry import Topic, custom_topic, normalize_word, registry

THRESHOLD = 0.5
LABEL_WEIGHT = 0.6
MAX_CANDIDATES = 25  # groups compared with each group, at most
COMMON_WORD_GROUPS = 50  # a word shared by more groups than this says nothing
_STOPWORDS = frozenset("a an and by for in of on or the to with x".split())


@dataclass(frozen=True, slots=True)
class LineUp:
    """One topic and each party's clause on it; `keys`/`confidence` when custom keys differ."""

    topic: Topic
    clauses: dict[str, Clause]
    confidence: float | None = None

    @property
    def keys(self) -> dict[str, str]:
        return {party: clause.topic for party, clause in self.clauses.items()}


@dataclass(frozen=True, slots=True)
class _Group:
    """The clauses written under one custom key, with the words that describe it."""

    key: str
    clauses: dict[str, Clause]
    words: frozenset[str]


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.split(r"\W+", normalize_word(text)) if w and w not in _STOPWORDS)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def similarity(a: Clause, b: Clause) -> float:
    """How likely two custom clauses are the same topic: label words, then value words."""
    if a.kind != b.kind:
        return 0.0
    label = _jaccard(_words(f"{a.topic[2:]} {a.label}"), _words(f"{b.topic[2:]} {b.label}"))
    value = _jaccard(_words(a.text), _words(b.text))
    return round(LABEL_WEIGHT * label + (1 - LABEL_WEIGHT) * value, 4)


def line_up(proposals: Sequence[Proposal]) -> list[LineUp]:
    """Every topic any proposal addresses, registered ones in registry order, then custom."""
    reg = registry()
    registered: dict[str, dict[str, Clause]] = defaultdict(dict)
    custom: dict[str, dict[str, Clause]] = defaultdict(dict)
    for proposal in proposals:
        for clause in proposal.clauses:
            (custom if clause.is_custom else registered)[clause.topic][proposal.id] = clause
    rows = [LineUp(reg.get(key), clauses)
            for key, clauses in sorted(registered.items(), key=lambda item: reg.order(item[0]))]
    return rows + _pair_custom(custom, len(proposals))


def _pair_custom(by_key: dict[str, dict[str, Clause]], parties: int) -> list[LineUp]:
    # Only groups that some party does not share can pair with another group.
    groups = [_Group(key, clauses, _words(f"{key[2:]} {_first(clauses).label} {_first(clauses).text}"))
              for key, clauses in sorted(by_key.items()) if len(clauses) < parties]
    merged = {key: dict(clauses) for key, clauses in by_key.items()}
    confidence: dict[str, float] = {}
    parent = {key: key for key in by_key}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for a, b, score in _candidates(groups):
        keep, drop = sorted((root(a.key), root(b.key)))
        if keep == drop or merged[keep].keys() & merged[drop].keys():
            continue
        parent[drop] = keep
        merged[keep].update(merged.pop(drop))
        confidence[keep] = min(score, confidence.get(keep, score), confidence.pop(drop, score))
    rows = []
    for key, clauses in sorted(merged.items()):
        first = _first(clauses)
        topic = custom_topic(key, first.kind, first.label)
        rows.append(LineUp(topic, dict(sorted(clauses.items())), confidence.get(key)))
    return rows


def _first(clauses: dict[str, Clause]) -> Clause:
    return clauses[min(clauses)]


def _candidates(open_groups: list[_Group]) -> list[tuple[_Group, _Group, float]]:
    """Pairs of groups with no party in common that are similar enough, best first."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(open_groups):
        for word in group.words:
            index[word].append(i)
    found: dict[tuple[int, int], float] = {}
    for i, group in enumerate(open_groups):
        near: dict[int, int] = defaultdict(int)
        for word in group.words:
            members = index[word]
            if len(members) <= COMMON_WORD_GROUPS:
                for j in members:
                    if j > i:
                        near[j] += 1
        for j in sorted(near, key=lambda j: (-near[j], j))[:MAX_CANDIDATES]:
            other = open_groups[j]
            if set(group.clauses) & set(other.clauses):
                continue
            score = similarity(_first(group.clauses), _first(other.clauses))
            if score >= THRESHOLD:
                found[(i, j)] = score
    ranked = sorted(found.items(), key=lambda item: (-item[1], open_groups[item[0][0]].key,
                                                      open_groups[item[0][1]].key))
    return [(open_groups[i], open_groups[j], score) for (i, j), score in ranked]
