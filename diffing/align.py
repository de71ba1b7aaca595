"""Lining proposals up topic by topic.

Registered topics line up by key (aliases were resolved by the loader). Custom `x.`
topics line up by key, then groups that no party shares are paired by how similar
their labels and values are, above a threshold, each pairing with its confidence:
a renamed custom clause is shown as one edited row, never as one removed and one
added. Candidate pairs come from shared words only, so pairing stays near-linear.

A party may hold several clauses on one topic (one for each party that acts, one for
each phase); they travel together here, and `diffing.lines` splits them into rows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from diffing.result import Row
from proposals.model import Clause, Kind
from proposals.registry import Topic, custom_topic, registry

THRESHOLD = 0.5
LABEL_WEIGHT = 0.6
MAX_CANDIDATES = 25  # groups compared with each group, at most
COMMON_WORD_GROUPS = 50  # a word shared by more groups than this says nothing
_STOPWORDS = frozenset("a an and by for in of on or the to with x".split())


Firsts = dict[str, Clause]
"""Each party's first clause on one topic, by party id."""
Clauses = dict[str, list[Clause]]
"""Each party's clauses on one topic, by party id."""


@dataclass(slots=True)  # not frozen: made once per row, and frozen ones are slower
class Line:
    """One row to judge: a topic, who acts, the point of the agreement, and each party's
    clause there. Grouping makes one per topic, with each party's first clause; where some
    party gives several clauses, names who acts or sets a phase, `several` holds them all
    and `diffing.lines` splits the topic into its rows."""

    topic: Topic
    clauses: Firsts
    actor: str | None = None
    phase: str | None = None
    confidence: float | None = None
    values_only: bool = True
    """Only the values count (no clause with a time, a condition, readings or a phase)."""
    several: Clauses | None = None

    @property
    def id(self) -> str:
        return self.topic.key + (f"@{self.actor}" if self.actor else "") + (
            f"#{self.phase}" if self.phase else "")

    @property
    def keys(self) -> dict[str, str]:
        return {party: clause.topic for party, clause in self.clauses.items()}


@dataclass(slots=True)  # not frozen: made once per topic, and frozen ones are slower
class _Group:
    """The clauses written under one custom key, with the words that describe it."""

    key: str
    clauses: Firsts
    kind: str
    label_words: frozenset[str]
    _value_words: frozenset[str] | None = None

    @classmethod
    def of(cls, key: str, clauses: Firsts) -> _Group:
        first = _first(clauses)
        return cls(key, clauses, first.kind.value, _words(f"{key[2:]} {first.label}"))

    @property
    def value_words(self) -> frozenset[str]:
        """Read only for groups that are scored, a small share of them."""
        if self._value_words is None:
            self._value_words = _words(_first(self.clauses).text)
        return self._value_words


_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    """The meaningful words of a label or value, case folded (`_` and `-` split words); a
    history reads the same labels and values round after round."""
    return frozenset(_WORD.findall(text.casefold())) - _STOPWORDS


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _similarity(a: _Group, b: _Group) -> float:
    """How likely two custom topics are the same: label words, then value words; same kind."""
    if a.kind != b.kind:
        return 0.0
    label = _jaccard(a.label_words, b.label_words)
    value = _jaccard(a.value_words, b.value_words)
    return round(LABEL_WEIGHT * label + (1 - LABEL_WEIGHT) * value, 4)


def topic_of(row: Row) -> Topic:
    """The topic grouping gave a row: the registry's, or the custom topic its clauses
    declare (by the row's key, kind and label)."""
    found = registry().resolve(row.topic)
    return found if found else custom_topic(row.topic, Kind(row.kind), row.label)


def group_topics(clauses: Mapping[str, Sequence[Clause]]) -> list[Line]:
    """Every topic any party addresses (`clauses`: each party's clauses, by party id),
    registered ones in registry order, then custom ones."""
    reg = registry()
    registered: dict[str, Firsts] = defaultdict(dict)
    custom: dict[str, Firsts] = defaultdict(dict)
    split: set[str] = set()  # topics some party gives several clauses, a party or a phase
    more: set[str] = set()  # topics where a time, a condition or readings count too
    for party, given in clauses.items():
        for clause in given:
            topic = clause.topic
            by_party = (custom if topic.startswith("x.") else registered)[topic]
            if party in by_party or clause.by or clause.mutual or clause.phase is not None:
                split.add(topic)
                by_party.setdefault(party, clause)
            else:
                by_party[party] = clause
            if clause.when is not None or clause.conditions or clause.readings:
                more.add(topic)
    several: dict[str, Clauses] = {}
    if split:  # a second look, at these topics only
        for party, given in clauses.items():
            for clause in given:
                if clause.topic in split:
                    several.setdefault(clause.topic, {}).setdefault(party, []).append(clause)
    groups = [Line(reg.get(key), by_party, values_only=key not in more, several=several.get(key))
              for key, by_party in sorted(registered.items(), key=lambda item: reg.order(item[0]))]
    return groups + _pair_custom(custom, len(clauses), several, more)


_DIGITS = re.compile(r"(\d+)")


def natural(key: str) -> tuple[str | int, ...]:
    """A key to sort by as a person counts: `x.point_2` before `x.point_10` (every custom
    key of every comparison is sorted by it; not cached: ten thousand keys would hold two
    megabytes for the few milliseconds it saves)."""
    parts: list[str | int] = _DIGITS.split(key)  # type: ignore[assignment]
    if len(parts) == 3:  # one number, as nearly every key has: a fifth faster
        return parts[0], int(parts[1]), parts[2]
    parts[1::2] = map(int, parts[1::2])  # type: ignore[arg-type]
    return tuple(parts)


def _pair_custom(by_key: dict[str, Firsts], parties: int, several: dict[str, Clauses],
                 more: set[str]) -> list[Line]:
    # Only groups that some party does not share can pair with another group; the rest
    # (nearly all, in a long negotiation) go straight through.
    keys = sorted(by_key, key=natural)
    groups = [_Group.of(key, by_key[key]) for key in keys if len(by_key[key]) < parties]
    merged: dict[str, Firsts] = {}  # groups that took in another group
    joined: dict[str, list[str]] = {}  # the keys each merged group took in
    confidence: dict[str, float] = {}
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while key in parent:
            key = parent[key]
        return key

    for a, b, score in _candidates(groups):
        keep, drop = sorted((root(a.key), root(b.key)))
        kept, dropped = merged.get(keep, by_key[keep]), merged.get(drop, by_key[drop])
        if keep == drop or kept.keys() & dropped.keys():
            continue
        parent[drop] = keep
        merged[keep] = dict(sorted({**kept, **dropped}.items()))
        merged.pop(drop, None)
        joined.setdefault(keep, [keep]).extend(joined.pop(drop, [drop]))
        confidence[keep] = min(score, confidence.get(keep, score), confidence.pop(drop, score))
    rows = []
    for key in keys:
        if key in parent:
            continue  # joined another group's row
        if key not in merged:  # nearly every custom key: a group of its own
            firsts = by_key[key]
            first = firsts[min(firsts)]
            rows.append(Line(custom_topic(key, first.kind, first.label), firsts,
                             values_only=key not in more, several=several.get(key)))
            continue
        firsts = merged[key]  # already in party order
        first = _first(firsts)
        parts = joined[key]
        all_clauses = None
        if any(k in several for k in parts):  # every part's clauses, by party
            all_clauses = {party: [clause] for party, clause in firsts.items()}
            for k in parts:
                all_clauses.update(several.get(k, {}))
            all_clauses = dict(sorted(all_clauses.items()))
        rows.append(Line(custom_topic(key, first.kind, first.label), firsts,
                         confidence=confidence.get(key), values_only=not more.intersection(parts),
                         several=all_clauses))
    return rows


def _first(clauses: Firsts) -> Clause:
    return clauses[min(clauses)]


def _candidates(open_groups: list[_Group]) -> list[tuple[_Group, _Group, float]]:
    """Pairs of groups with no party in common that are similar enough, best first."""
    # Candidates share a word of their key or label: a pair whose labels share nothing
    # scores at most the value's weight, below the threshold, so nothing is missed.
    index: dict[str, list[int]] = defaultdict(list)
    for i, group in enumerate(open_groups):
        for word in group.label_words:
            index[word].append(i)
    found: dict[tuple[int, int], float] = {}
    for i, group in enumerate(open_groups):
        near: Counter[int] = Counter()  # the later groups sharing words, and how many
        for word in group.label_words:
            members = index[word]  # in ascending order: those after i are its tail
            if len(members) <= COMMON_WORD_GROUPS:
                near.update(members[bisect_right(members, i):])
        closest = near if len(near) <= MAX_CANDIDATES else \
            sorted(near, key=lambda j: (-near[j], j))[:MAX_CANDIDATES]
        for j in closest:  # in any order: `found` is ranked in full below
            other = open_groups[j]
            if other.kind != group.kind or not group.clauses.keys().isdisjoint(other.clauses):
                continue  # scores nothing, or cannot be the same row
            score = _similarity(group, other)
            if score >= THRESHOLD:
                found[(i, j)] = score
    ranked = sorted(found.items(), key=lambda item: (-item[1], open_groups[item[0][0]].key,
                                                      open_groups[item[0][1]].key))
    return [(open_groups[i], open_groups[j], score) for (i, j), score in ranked]
