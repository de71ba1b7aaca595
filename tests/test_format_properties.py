"""Property tests of the loader: any text is answered with problems, never an exception, and
every valid proposal written as YAML reads back to the same values."""

from __future__ import annotations

import math

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proposals import read_string
from proposals.model import Kind
from proposals.reference import example_text
from proposals.registry import registry

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOPICS = registry().topics


def _checked(text: str) -> None:
    loaded = read_string(text, "fuzz.yaml")
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.column >= 1
    assert (loaded.proposal is None) == any(p.is_error for p in loaded.problems)


@FAST
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text):
    _checked(text)


YAML_BITS = st.sampled_from([
    "ceasefire: 1\n", "party: A\n", "clauses:\n", "  ceasefire.type: full\n", "  - x\n", ": :\n",
    "&a [*a]\n", "!!python/name:os.system\n", "'unterminated\n", "\t\n", "{[}]\n", "---\n",
    "  ceasefire.duration: {min: 3, max: 2}\n", "  x.a: {kind: set, value: [a, b]}\n", "~\n",
    "  ceasefire.domains: [land, [air]]\n", "sources: {s: {title: [x]}}\n", "? complex\n",
    "  ceasefire.type: {value: full, source: nowhere}\n", "date: 2025-13-45\n", "<<: *x\n",
])


@FAST
@given(st.lists(YAML_BITS, max_size=12))
def test_near_valid_yaml_never_raises(bits):
    _checked("".join(bits))


@st.composite
def written_proposals(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    """A proposal as an author would write it, from registry examples and drawn numbers."""
    chosen = draw(st.lists(st.sampled_from(TOPICS), unique_by=lambda t: t.key, min_size=1,
                           max_size=15))
    clauses: dict[str, object] = {}
    expected: dict[str, object] = {}
    for topic in chosen:
        if topic.kind is Kind.QUANTITY:
            low = draw(st.integers(0, 10**6))
            high = draw(st.integers(low, 10**6 + 10))
            clauses[topic.key] = f"{low:,}-{high:,}" if low != high else f"{low:,}"
            expected[topic.key] = (float(low), float(high))
        elif topic.kind is Kind.DURATION:
            days = draw(st.integers(1, 400))
            clauses[topic.key] = f"at least {days} days"
            expected[topic.key] = (days * 24.0, math.inf)
        elif topic.kind in (Kind.CHOICE, Kind.SET, Kind.SEQUENCE) and topic.vocabulary:
            words = [t.value for t in topic.vocabulary.terms]
            if topic.kind is Kind.CHOICE:
                clauses[topic.key] = draw(st.sampled_from(words))
            else:
                clauses[topic.key] = draw(st.lists(st.sampled_from(words), unique=True,
                                                   min_size=1, max_size=4))
            expected[topic.key] = clauses[topic.key]
        else:
            clauses[topic.key] = {"value": example_text(topic),
                                  "confidence": draw(st.sampled_from(["confirmed", "reported"]))}
            expected[topic.key] = None
    party = draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Zl",
                                                                          "Zp")),
                         min_size=1, max_size=20).filter(str.strip))
    document = {"ceasefire": 1, "party": party, "clauses": clauses}
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False), expected


@FAST
@given(written_proposals())
def test_valid_proposals_read_back_to_what_was_written(case):
    text, expected = case
    loaded = read_string(text, "generated.yaml")
    assert loaded.proposal is not None, [str(p) for p in loaded.problems]
    by_topic = {clause.topic: clause for clause in loaded.proposal.clauses}
    assert set(by_topic) == set(expected)
    for key, want in expected.items():
        value = by_topic[key].value
        if isinstance(want, tuple):
            assert (value.low, value.high) == want
        elif isinstance(want, list):
            got = value.items if value.form == "set" else value.steps
            assert (sorted(got) if value.form == "set" else list(got)) == (
                sorted(want) if value.form == "set" else want)
        elif isinstance(want, str):
            assert value.choice == want
