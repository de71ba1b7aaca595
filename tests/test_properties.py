"""Properties of the loader over generated input.

(a) Any text at all is answered with problems at real positions, never an exception.
(b) Any valid proposal built from the registry, written out as YAML, loads without a problem
    and reads back to the topics and numbers it was built from.
(c) A valid file with a small slip in it (a character lost, a line doubled, words swapped)
    is still answered with problems, never an exception.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proposals.hidden import hidden_characters
from proposals.loader import read_string, slug
from proposals.model import Choice, Confidence, Items, Kind, Moment, Span, Steps, Text
from proposals.registry import custom_topic, normalize_word, registry
from proposals.template import template
from proposals.values import is_unspecified

REGISTRY = registry()
TOPICS = REGISTRY.topics
EXAMPLE_TEXTS = [path.read_text(encoding="utf-8") for path in
                 sorted((Path(__file__).resolve().parents[1] / "proposals" / "examples")
                        .glob("*/*.yaml"))]
QUICK = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def answered(text: str):
    """Read `text`; whatever it is, the answer is a proposal or placed problems."""
    loaded = read_string(text, "fuzz.yaml")
    for problem in loaded.problems:
        if "suggestions stopped" in problem.message:  # said of the whole file (line 0)
            assert (problem.line, problem.column, problem.is_error) == (0, 0, False)
            continue
        assert problem.line >= 1 and problem.column >= 1, str(problem)
        assert problem.file == "fuzz.yaml" and problem.message
    assert (loaded.proposal is None) == any(p.is_error for p in loaded.problems)
    return loaded


# --- (a) any text ---------------------------------------------------------------------------


@QUICK
@given(st.text())
def test_any_text_is_answered_never_raised(text):
    answered(text)


YAMLISH = st.text(alphabet=st.sampled_from(list("ceasfirpty.x:-[]{},&*!|>'\"#?%@`~\n  \t019Ä")),
                  max_size=120)


@QUICK
@given(YAMLISH)
def test_any_yaml_punctuation_soup_is_answered_never_raised(text):
    answered(text)


# --- (b) valid proposals round-trip ---------------------------------------------------------

PLAIN_TEXT = st.text(
    alphabet=st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=30,
).filter(lambda s: s.strip() and not hidden_characters(s) and not is_unspecified(s))
FREE_WORDS = st.sampled_from(["Odesa region", "halt to foreign aid", "new elections",
                              "an exchange of maps", "Snake Island"])
HOURS_IN = {"hours": 1, "days": 24, "weeks": 168, "h": 1, "d": 24}


def _words_of(term) -> list[str]:
    return [term.value, term.label, *term.aliases]


@st.composite
def written_word(draw, term) -> str:
    word = draw(st.sampled_from(_words_of(term)))
    return draw(st.sampled_from([word, word.upper(), word.replace(" ", "_"), f"  {word} "]))


@st.composite
def free_word(draw, topic) -> str:
    word = draw(FREE_WORDS)
    if topic.vocabulary is not None and topic.vocabulary.resolve(word) is not None:
        return "Snake Island"
    return word


@st.composite
def value_for(draw, topic):
    """(what an author writes, the value it must load as) for `topic`."""
    kind = topic.kind
    if kind is Kind.CHOICE:
        term = draw(st.sampled_from(topic.vocabulary.terms))
        return draw(written_word(term)), Choice(choice=term.value)
    if kind in (Kind.SET, Kind.SEQUENCE):
        terms = topic.vocabulary.terms if topic.vocabulary else ()
        chosen = draw(st.lists(st.sampled_from(terms), unique_by=lambda t: t.value,
                               max_size=4)) if terms else []
        written = [draw(written_word(term)) for term in chosen]
        keys = [term.value for term in chosen]
        if topic.open or topic.vocabulary is None:
            extra = draw(st.lists(free_word(topic), unique_by=normalize_word, max_size=2))
            written += extra
            keys += [normalize_word(word) for word in extra]
        if kind is Kind.SET:
            raw = written if written or draw(st.booleans()) else "none"
            return raw, Items(items=tuple(sorted(set(keys))))
        order = draw(st.permutations(range(len(written))))
        return ([written[i] for i in order] if written else "none",
                Steps(steps=tuple(keys[i] for i in order)))
    if kind is Kind.DURATION:
        low = draw(st.integers(0, 500))
        high = draw(st.integers(low, 1000))
        unit = draw(st.sampled_from(sorted(HOURS_IN)))
        hours = HOURS_IN[unit]
        form = draw(st.sampled_from(["point", "range", "floor", "ceiling", "mapping", "infinite"]))
        raw, bounds = {
            "point": (f"{low} {unit}", (low * hours, low * hours)),
            "range": (f"{low}-{high} {unit}", (low * hours, high * hours)),
            "floor": (f"at least {low} {unit}", (low * hours, math.inf)),
            "ceiling": (f"up to {high} {unit}", (0, high * hours)),
            "mapping": ({"min": low, "max": high, "unit": unit}, (low * hours, high * hours)),
            "infinite": ("indefinite", (math.inf, math.inf)),
        }[form]
        return raw, Span(low=bounds[0], high=bounds[1], unit="hours")
    if kind is Kind.QUANTITY:
        low = draw(st.integers(0, 10**7))
        high = draw(st.integers(low, 10**7 + 10))
        unit_words = ("", topic.unit, *REGISTRY.units[topic.unit].words) if topic.unit else ("",)
        word = draw(st.sampled_from(unit_words))
        suffix = f" {word}" if word else ""
        form = draw(st.sampled_from(["point", "range", "floor", "mapping"]))
        raw, bounds = {
            "point": (f"{low:,}{suffix}", (low, low)),
            "range": (f"{low}-{high}{suffix}", (low, high)),
            "floor": (f"at least {low:,}{suffix}", (low, math.inf)),
            "mapping": ({"min": low, "max": high}, (low, high)),
        }[form]
        unit = (topic.unit or "") + (f" per {topic.per}" if topic.per else "")
        return raw, Span(low=bounds[0], high=bounds[1], unit=unit)
    if kind is Kind.DATE:
        day = draw(st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)))
        return day.isoformat(), Moment(iso=day.isoformat(),
                                       day=(day - dt.date(1970, 1, 1)).days, has_time=False)
    text = draw(PLAIN_TEXT)
    return text, Text(text=text.strip())


CUSTOM_KEYS = st.from_regex(r"x\.[a-z][a-z0-9_]{0,12}", fullmatch=True)


@st.composite
def proposals(draw):
    """(YAML text, what it must load as) for a valid proposal drawn from the registry."""
    chosen = draw(st.lists(st.sampled_from(TOPICS), unique_by=lambda t: t.key, min_size=1,
                           max_size=12))
    customs = draw(st.lists(st.tuples(CUSTOM_KEYS, st.sampled_from([Kind.TEXT, Kind.SET,
                                                                    Kind.QUANTITY])),
                            unique_by=lambda c: c[0], max_size=2))
    source_ids = draw(st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), unique=True,
                               max_size=3))
    party = draw(PLAIN_TEXT)
    clauses: dict[str, object] = {}
    expected: list[tuple[str, object, Confidence, str | None, str]] = []
    topics = [(draw(st.sampled_from((t.key, *t.aliases))), t, None) for t in chosen]
    topics += [(key, custom_topic(key, kind), kind) for key, kind in customs]
    for written_key, topic, custom_kind in topics:
        raw, value = draw(value_for(topic))
        confidence = draw(st.sampled_from(list(Confidence)))
        source = draw(st.sampled_from([None, *source_ids]))
        if custom_kind is None and confidence is Confidence.CONFIRMED and source is None \
                and draw(st.booleans()):
            clauses[written_key] = raw  # shorthand
        else:
            clause: dict[str, object] = {"value": raw, "confidence": confidence.value}
            if source:
                clause["source"] = source
            if custom_kind is not None:
                clause["kind"] = custom_kind.value
            clauses[written_key] = clause
        expected.append((topic.key, value, confidence, source, topic.label))
    document = {"ceasefire": 1, "party": party,
                "sources": {sid: f"Source {sid}" for sid in source_ids}, "clauses": clauses}
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=10**9)
    return text, party, expected


@QUICK
@given(proposals())
def test_a_valid_proposal_written_as_yaml_reads_back_the_same(case):
    text, party, expected = case
    loaded = read_string(text, "gen.yaml")
    assert loaded.problems == (), [str(p) for p in loaded.problems]
    proposal = loaded.proposal
    assert (proposal.party, proposal.id) == (party, slug(party))
    assert [c.topic for c in proposal.clauses] == [key for key, *_ in expected]
    for clause, (key, value, confidence, source, label) in zip(proposal.clauses, expected):
        assert (clause.confidence, clause.source, clause.label) == (confidence, source, label)
        if isinstance(value, Span):  # the numbers written, exactly
            assert (clause.value.low, clause.value.high, clause.value.unit) == (
                value.low, value.high, value.unit)
        elif isinstance(value, Items):
            assert clause.value.items == value.items
        elif isinstance(value, Steps):
            assert clause.value.steps == value.steps
        elif isinstance(value, Moment):
            assert (clause.value.iso, clause.value.day) == (value.iso, value.day)
        else:
            assert clause.value == value


# --- (c) near-valid files -------------------------------------------------------------------

BASES = st.one_of(
    proposals().map(lambda case: case[0]),
    st.sampled_from(EXAMPLE_TEXTS or [template()]),
    st.just(template("Ukraine")),
)


@st.composite
def slipped(draw) -> str:
    """A valid file with one to three slips of the keyboard in it."""
    text = draw(BASES)
    for _ in range(draw(st.integers(1, 3))):
        lines = text.splitlines(keepends=True)
        slip = draw(st.sampled_from(["delete", "insert", "duplicate-line", "delete-line",
                                     "swap-words", "indent"]))
        if slip == "delete" and text:
            at = draw(st.integers(0, len(text) - 1))
            text = text[:at] + text[at + 1:]
        elif slip == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(list(":-[]{},&*!|>'\"# \t\nx1"))) + text[at:]
        elif slip in ("duplicate-line", "delete-line", "indent") and lines:
            at = draw(st.integers(0, len(lines) - 1))
            replacement = {"duplicate-line": [lines[at], lines[at]], "delete-line": [],
                           "indent": ["  " + lines[at]]}[slip]
            text = "".join(lines[:at] + replacement + lines[at + 1:])
        elif slip == "swap-words":
            words = text.split(" ")
            if len(words) > 1:
                i = draw(st.integers(0, len(words) - 1))
                j = draw(st.integers(0, len(words) - 1))
                words[i], words[j] = words[j], words[i]
                text = " ".join(words)
    return text


@QUICK
@given(slipped())
def test_a_valid_file_with_a_slip_is_answered_never_raised(text):
    answered(text)
