"""Hypothesis strategies that build valid proposals straight from the registry.

Values are drawn per kind from what the registry allows, so every generated proposal
is one a user could have written; the engine's invariants are checked over them.
"""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import strategies as st

from proposals.model import (
    Choice,
    Clause,
    Confidence,
    Items,
    Kind,
    Moment,
    Proposal,
    Span,
    Steps,
    Text,
    Unspecified,
)
from proposals.registry import Topic, custom_topic, registry

_TEXTS = st.sampled_from([
    "A violation by one side frees the other.",
    "A joint commission meets within 48 hours.",
    "IAEA supervision, power split 50/50.",
    "Mutual waiver of claims for war damage.",
    "a violation by one side frees the other",
])
_WORDS = ["alpha", "bravo", "charlie", "delta", "echo"]


def _span(unit: str) -> st.SearchStrategy[Span]:
    bound = st.sampled_from([0.0, 24.0, 48.0, 72.0, 720.0, 1000.0, 2160.0])
    return st.one_of(
        bound.map(lambda x: Span(low=x, high=x, unit=unit)),
        st.tuples(bound, bound).map(lambda p: Span(low=min(p), high=max(p), unit=unit)),
        bound.map(lambda x: Span(low=x, high=math.inf, unit=unit)),
        st.just(Span(low=math.inf, high=math.inf, unit=unit)),
    )


def _words(topic: Topic) -> list[str]:
    return [t.value for t in topic.vocabulary.terms] if topic.vocabulary else _WORDS


def value_for(topic: Topic) -> st.SearchStrategy:
    """Any normalised value `topic` accepts, `unspecified` included now and then."""
    kind = topic.kind
    if kind is Kind.DURATION:
        values = _span("hours")
    elif kind is Kind.QUANTITY:
        values = _span(topic.unit or "")
    elif kind is Kind.CHOICE:
        values = st.sampled_from(_words(topic)).map(lambda w: Choice(choice=w))
    elif kind is Kind.SET:
        values = st.sets(st.sampled_from(_words(topic)), max_size=4).map(
            lambda s: Items(items=tuple(sorted(s))))
    elif kind is Kind.SEQUENCE:
        values = st.lists(st.sampled_from(_words(topic)), unique=True, min_size=1, max_size=5).map(
            lambda s: Steps(steps=tuple(s)))
    elif kind is Kind.DATE:
        values = st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)).map(
            lambda d: Moment(iso=d.isoformat(), day=float((d - dt.date(1970, 1, 1)).days),
                             has_time=False))
    else:
        values = _TEXTS.map(lambda t: Text(text=t))
    return st.one_of(values, values, values, st.just(Unspecified()))


def clause_for(topic: Topic) -> st.SearchStrategy[Clause]:
    return st.builds(
        lambda value, confidence: Clause(
            topic=topic.key, written_topic=topic.key, kind=topic.kind, label=topic.label,
            value=value, text=value.form, confidence=confidence, line=1, column=1),
        value_for(topic),
        st.sampled_from(list(Confidence)),
    )


_CUSTOM = [custom_topic("x.nuclear_plant", Kind.TEXT, "Nuclear plant"),
           custom_topic("x.frozen_assets", Kind.QUANTITY, "Frozen assets")]


@st.composite
def proposals(draw: st.DrawFn, party_id: str, topics: list[Topic] | None = None) -> Proposal:
    """A valid proposal by `party_id` over a random subset of topics."""
    pool = topics or [*registry().topics[:20], *_CUSTOM]
    chosen = draw(st.lists(st.sampled_from(pool), unique_by=lambda t: t.key, max_size=12))
    clauses = tuple(draw(clause_for(topic)) for topic in chosen)
    return Proposal(party=party_id.title(), id=party_id, clauses=clauses, file=f"{party_id}.yaml")


def parties(count: int, topics: list[Topic] | None = None) -> st.SearchStrategy[list[Proposal]]:
    ids = ["ukraine", "russia", "europe", "usa"][:count]
    return st.tuples(*(proposals(i, topics) for i in ids)).map(list)
