"""Hypothesis strategies that build valid proposals straight from the registry.

Values are drawn per kind from what the registry allows, so every generated proposal
is one a user could have written; the engine's invariants are checked over them.
"""

from __future__ import annotations

import datetime as dt
import json
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


# --- format 2: who acts, when, on what conditions, in which phase or option -------------------------

_ACTORS = ["Israel", "Hamas", "both sides", None]
_WHEN = ["day 7", "by day 50", "from day 2 to day 16", "after elections", "on signing",
         "5 days after the withdrawal", "before elections", None]
_CONDITIONS = ["after humanitarian.prisoner_exchange", "Monitoring starts first",
               "in exchange for humanitarian.hostages"]
_VALUES = {  # written as an author would; none of these topics is a step a time refers to
    "ceasefire.type": ["full", "partial", "local"],
    "ceasefire.duration": ["42 days", "at least 30 days", "2-3 days", "indefinite"],
    "ceasefire.domains": ["[land, air]", "[land, air, sea]", "none"],
    "humanitarian.hostages": ["33 hostages", "at least 30 hostages", "60 hostages"],
    "humanitarian.prisoner_numbers": ["1,000 prisoners", "600-1,200 prisoners"],
    "forces.size_cap": ["600,000 troops", "800,000 troops", "unlimited"],
    "political.border_control": ["full-restoration", "joint"],
    "political.special_status": ["permanent-law", "provisional-law"],
}


def _flow(value: str) -> str:
    """A value as it can stand inside a flow mapping: lists as they are, words quoted."""
    return value if value.startswith("[") else json.dumps(value)


@st.composite
def _clause_yaml(draw: st.DrawFn, topic: str, indent: str, listed: bool = False) -> str:
    """One clause in full form; `listed` clauses each name one party that acts."""
    fields = [f"value: {_flow(draw(st.sampled_from(_VALUES[topic])))}"]
    if draw(st.booleans()) and not listed:
        fields = [f"readings: [{{value: {_flow(v)}}}, {{value: {_flow(w)}}}]" for v, w in [
            draw(st.lists(st.sampled_from(_VALUES[topic]), min_size=2, max_size=2, unique=True))]]
    actor = draw(st.sampled_from(_ACTORS[:2] if listed else _ACTORS))
    if actor:
        fields.append(f"by: {actor}")
    when = draw(st.sampled_from(_WHEN))
    if when:
        fields.append(f'when: "{when}"')
    conditions = draw(st.lists(st.sampled_from(_CONDITIONS), max_size=2, unique=True))
    if conditions:
        fields.append("conditions: [" + ", ".join(conditions) + "]")
    return f"{indent}{{{', '.join(fields)}}}"


@st.composite
def _block(draw: st.DrawFn, topics: list[str], indent: str) -> str:
    lines = []
    for topic in topics:
        if draw(st.integers(0, 3)) == 0:  # both obligations, one each
            first = draw(_clause_yaml(topic, "", listed=True)).replace("by: Hamas", "by: Israel")
            if "by: Israel" not in first:
                first = first[:-1] + ", by: Israel}"
            second = draw(_clause_yaml(topic, "", listed=True)).replace("by: Israel", "by: Hamas")
            if "by: Hamas" not in second:
                second = second[:-1] + ", by: Hamas}"
            lines.append(f"{indent}{topic}:\n{indent}  - {first}\n{indent}  - {second}")
        else:
            lines.append(f"{indent}{topic}: " + draw(_clause_yaml(topic, "")))
    return "\n".join(lines) + "\n"


@st.composite
def agreement_yaml(draw: st.DrawFn, party: str) -> str:
    """A format-2 proposal file: sides, phases, options, obligations, times, conditions and
    readings over a handful of topics, always valid."""
    pool = list(_VALUES)
    topics = draw(st.lists(st.sampled_from(pool), unique=True, max_size=5))
    rest = [t for t in pool if t not in topics]
    text = f"ceasefire: 2\nparty: {party}\n"
    if draw(st.booleans()):
        text += "sides: [Israel, Hamas]\n"
    text += ("clauses:\n" + draw(_block(topics, "  "))) if topics else "clauses: {}\n"
    if draw(st.booleans()) and rest:
        phased = draw(st.lists(st.sampled_from(rest), unique=True, min_size=1, max_size=2))
        text += "phases:\n"
        for ident in ("first", "second"):
            text += f"  - id: {ident}\n    duration: 42 days\n    clauses:\n"
            text += draw(_block(phased, "      "))
        rest = [t for t in rest if t not in phased]
    if draw(st.booleans()) and rest:
        offered = draw(st.lists(st.sampled_from(rest), unique=True, min_size=1, max_size=2))
        text += "options:\n"
        for ident in ("one", "two"):
            text += f"  - id: {ident}\n    clauses:\n" + draw(_block(offered, "      "))
    return text
