"""The schema accepts every spelling the loader accepts, and refuses what the loader refuses
wherever a pattern can say it: words in any case and with any separators, dates and times
without seconds, the words read with `.lower()`, any scalar where the loader reads text.

The loader's own parser is the oracle: each case asks it first, then the schema, and the
two verdicts must be the same. What only `ceasefire check` can see is listed at the end
(and in docs/format.md).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from proposals.loader import read_string
from proposals.model import Kind
from proposals.registry import registry
from proposals.schema import proposal_schema
from proposals.values import ValueProblem, parse_value

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*/*.yaml"))
WORD_TOPICS = [t for t in registry().topics if t.vocabulary is not None]
CLOSED_CHOICES = [t for t in WORD_TOPICS if t.kind is Kind.CHOICE]
QUICK = settings(max_examples=200, deadline=None)


@cache
def schema() -> dict:
    return proposal_schema()


@cache
def value_validator(key: str) -> jsonschema.Draft202012Validator:
    """The schema of one topic's value, as the language server checks it under the key."""
    return jsonschema.Draft202012Validator(
        {"$defs": schema()["$defs"], "$ref": f"#/$defs/values/{key}"})


@cache
def document_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema())


def loader_takes(key: str, raw: object) -> bool:
    try:
        parse_value(registry().get(key), raw)
    except ValueProblem:
        return False
    return True


def schema_takes(key: str, raw: object) -> bool:
    return value_validator(key).is_valid(raw)


# --- words ----------------------------------------------------------------------------------

SEPARATORS = [" ", "-", "_", "–", "—", "  ", " - ", "\u00a0", "\t"]
EDGES = ["", "", ".", " ", "-", "_.", "\u2003"]


@st.composite
def respelt(draw, words: list[str]) -> str:
    """A word as an author might write it: any case, any separators between its parts,
    stray separators or a full stop around it."""
    word = draw(st.sampled_from(words))
    parts = [
        "".join(c.upper() if draw(st.booleans()) else c for c in part)
        for part in word.split(" ")
    ]
    joined = parts[0]
    for part in parts[1:]:
        joined += draw(st.sampled_from(SEPARATORS)) + part
    return draw(st.sampled_from(EDGES)) + joined + draw(st.sampled_from(EDGES))


def spellings(topic) -> list[str]:
    vocabulary = topic.vocabulary
    return [w for t in vocabulary.terms for w in (t.value, t.label, *t.aliases)] + ["unspecified"]


@QUICK
@given(data=st.data(), topic=st.sampled_from(WORD_TOPICS))
def test_every_spelling_of_every_word_is_valid_in_both(data, topic):
    word = data.draw(respelt(spellings(topic)))
    assert loader_takes(topic.key, word), word
    assert schema_takes(topic.key, word), word
    if topic.kind is not Kind.CHOICE and word.strip(" .-_\t\u00a0\u2003").lower() != "unspecified":
        assert loader_takes(topic.key, [word]) and schema_takes(topic.key, [word]), word


NEAR = "abcdefghijklmnopqrstuvwxyzKSK\u017f\u212a.-_ –\u00a0'()/,:"
"""Letters, what folds to them (the Kelvin sign is `k`, the long s is `s`), separators and
the punctuation words contain."""


@st.composite
def near_miss(draw, words: list[str]) -> str:
    """A word with a few characters inserted, dropped or changed: sometimes still a word
    (another spelling of it, or another word), mostly not."""
    text = list(draw(st.sampled_from(words)))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "drop", "change"]))
        if edit == "insert" or not text:
            text.insert(at, draw(st.sampled_from(NEAR)))
        elif edit == "drop":
            del text[min(at, len(text) - 1)]
        else:
            text[min(at, len(text) - 1)] = draw(st.sampled_from(NEAR))
    return "".join(text)


@QUICK
@given(data=st.data(), topic=st.sampled_from(CLOSED_CHOICES))
def test_loader_and_schema_agree_on_words_near_the_vocabulary(data, topic):
    word = data.draw(near_miss(spellings(topic)))
    assert loader_takes(topic.key, word) == schema_takes(topic.key, word), repr(word)


def test_misspelt_words_are_refused_by_both():
    for key, raw in [("ceasefire.type", "fulll"), ("ceasefire.type", "full-y"),
                     ("ceasefire.domains", ["land", "se"]), ("ceasefire.domains", "se"),
                     ("ceasefire.type", ""), ("ceasefire.type", ["full"])]:
        assert not loader_takes(key, raw) and not schema_takes(key, raw), (key, raw)


# --- dates and times ------------------------------------------------------------------------

DATES = {
    "2025-06-02": True,
    "2025-06-02T10:00+03:00": True,  # the docs' own: no seconds
    "2025-06-02T07:00Z": True,
    "2025-06-02t07:00z": True,
    "2025-06-02 10:00:30+03:00": True,
    "2025-06-02T10:00:30.500-05:00": True,
    "2025-06-02T10:00:30.123456Z": True,
    " 2025-06-02 ": True,
    "unspecified": True,
    "Unspecified": True,
    "2025-06-02T10:00": False,  # a time needs its zone
    "2025-06-02T10:00:00": False,
    "2025-06-02T10:00+0300": False,
    "2025-06-02T10:00+03": False,
    "2025-06-02T10+03:00": False,
    "2025-06-02T24:00Z": False,
    "2025-06-02T10:60Z": False,
    "2025-06-02T10:00:30.5Z": False,
    "2025-13-02": False,
    "2025-06-32": False,
    "20250602": False,
    "2025-W23-1": False,
    "2 June 2025": False,
    "": False,
}


@pytest.mark.parametrize("written, valid", DATES.items(), ids=[repr(d) for d in DATES])
def test_dates_and_times_are_read_alike(written, valid):
    assert loader_takes("ceasefire.effective", written) is valid
    assert schema_takes("ceasefire.effective", written) is valid


@pytest.mark.parametrize("written, valid", [(d, v) for d, v in DATES.items()
                                            if ":" not in d and "unspec" not in d.lower()])
def test_the_dates_of_a_proposal_and_its_sources_are_read_alike(written, valid):
    document = {"ceasefire": 2, "party": "A", "date": written,
                "sources": {"s": {"title": "T", "date": written}},
                "clauses": {"ceasefire.type": {"value": "full", "source": "s"}}}
    assert (read_string(yaml.safe_dump(document), "p.yaml").proposal is not None) is valid
    assert document_validator().is_valid(document) is valid


# --- the rest of a document ---------------------------------------------------------------

def _document(**change: object) -> dict:
    return {"ceasefire": 2, "party": "A", "sources": {"s": "Source"},
            "clauses": {"ceasefire.type": "full"}, **change}


ACCEPTED = {
    "version-as-text": {"ceasefire": "2"},
    "format-1": {"ceasefire": 1},
    "numbers-where-text-is-read": {"party": 7, "round": 2, "title": 1984, "id": 2025},
    "empty-optional-texts": {"title": None, "round": None, "date": None},
    "status-in-capitals": {"status": "Proposed"},
    "amends-in-capitals": {"amends": "True", "clauses": {"ceasefire.type": "full"}},
    "confidence-and-kind-in-capitals": {"clauses": {
        "ceasefire.type": {"value": "Full", "confidence": " Reported"},
        "x.plant": {"kind": "Text", "value": "IAEA", "label": None}}},
    "alias-keys": {"clauses": {"ceasefire.length": "30 days", "forces.cap": 800000,
                               "humanitarian.exchange": {"value": "All-for-all"}}},
    "folded-words": {"clauses": {"ceasefire.extension": "mutual agreement",
                                 "ceasefire.domains": ["LAND", "Front-Line", "sea."],
                                 "forces.withdrawal": "None",
                                 "humanitarian.remains": "UNSPECIFIED"}},
    "empty-conditions-note-and-source": {"clauses": {"ceasefire.type": {
        "value": "full", "conditions": None, "note": None, "source": None}}},
    "duration-range": {"clauses": {"ceasefire.duration": {"min": 2, "max": "3", "unit": "Days"}}},
    "texts-as-numbers": {"clauses": {"ceasefire.type": {"value": "full", "by": [1, "B"],
                                                        "conditions": [2025]}}},
    "readings": {"clauses": {"political.elections": {
        "readings": [{"value": "within 100 days", "source": "s"}, {"value": "60 days"}]}}},
}


@pytest.mark.parametrize("change", ACCEPTED.values(), ids=ACCEPTED)
def test_what_the_loader_accepts_the_schema_accepts(change):
    document = _document(**change)
    assert read_string(yaml.safe_dump(document), "p.yaml").problems == ()
    assert list(document_validator().iter_errors(document)) == []


REFUSED = {
    "misspelt-word": {"clauses": {"ceasefire.type": "fulll"}},
    "time-without-zone": {"clauses": {"ceasefire.effective": "2025-06-02T10:00"}},
    "empty-confidence": {"clauses": {"ceasefire.type": {"value": "full", "confidence": None}}},
    "empty-status": {"status": None},
    "empty-party": {"party": " "},
    "amends-yes": {"amends": "yes"},
    "status-typo": {"status": "Proposed!"},
    "duration-range-without-unit": {"clauses": {"ceasefire.duration": {"min": 2, "max": 3}}},
    "duration-range-bad-unit": {"clauses": {"ceasefire.duration": {"min": 2, "unit": "dayz"}}},
    "empty-when": {"clauses": {"ceasefire.type": {"value": "full", "when": None}}},
    "empty-by-item": {"clauses": {"ceasefire.type": {"value": "full", "by": ["A", None]}}},
    "empty-list-item": {"clauses": {"forces.withdrawal": ["donetsk", None]}},
    "custom-kind-typo": {"clauses": {"x.plant": {"kind": "txt", "value": "v"}}},
    "a-list-as-a-title": {"title": ["a", "b"]},
    "date-as-text": {"date": "2 June 2025"},
    "unknown-topic": {"clauses": {"ceasefire.duratoin": "30 days"}},
    "unknown-area": {"clauses": {"truce.type": "full"}},
    "custom-key-in-capitals": {"clauses": {"x.Plant": {"kind": "text", "value": "v"}}},
}


@pytest.mark.parametrize("change", REFUSED.values(), ids=REFUSED)
def test_what_the_loader_refuses_the_schema_refuses(change):
    document = _document(**change)
    assert read_string(yaml.safe_dump(document), "p.yaml").proposal is None
    assert list(document_validator().iter_errors(document)) != []


ONLY_CHECK_SEES = {
    "a-day-the-month-lacks": {"clauses": {"ceasefire.effective": "2025-02-30"}},
    "a-moment-before-the-calendar": {"clauses": {"ceasefire.effective": "0001-01-01T00:00+01:00"}},
    "a-unit-it-does-not-know": {"clauses": {"ceasefire.duration": "30 dayz"}},
    "a-source-not-listed": {"clauses": {"ceasefire.type": {"value": "full", "source": "t"}}},
    "a-time-it-cannot-read": {"clauses": {"ceasefire.type": {"value": "full",
                                                             "when": "dya 7"}}},
    "a-reference-to-nothing": {"clauses": {"ceasefire.type": {"value": "full",
                                                              "when": "after phase-9"}}},
    "one-side-only": {"sides": ["A", "a"]},
    "a-step-twice": {"clauses": {"political.sequence": ["elections", "Elections"]}},
    "both-sides-and-a-name": {"clauses": {"ceasefire.type": {"value": "full",
                                                             "by": ["both sides", "A"]}}},
    "format-2-in-format-1": {"ceasefire": 1, "clauses": {"ceasefire.type": {
        "value": "full", "when": "day 7"}}},
    "a-range-backwards": {"clauses": {"ceasefire.duration": "5-3 days"}},
}


@pytest.mark.parametrize("change", ONLY_CHECK_SEES.values(), ids=ONLY_CHECK_SEES)
def test_what_only_check_sees(change):
    """The limits of a schema, as docs/format.md lists them: these pass in an editor."""
    document = _document(**change)
    assert read_string(yaml.safe_dump(document), "p.yaml").proposal is None
    assert list(document_validator().iter_errors(document)) == []


@pytest.mark.parametrize("path", FIXTURES, ids=[f"{p.parent.name}/{p.name}" for p in FIXTURES])
def test_every_test_fixture_validates(path):
    """Phases, options, times, lists of clauses: the format 2 files the tests compare."""
    text = path.read_text(encoding="utf-8")
    assert read_string(text, str(path)).proposal is not None
    document = yaml.load(text, Loader=yaml.BaseLoader)  # every scalar as text, as the loader
    assert list(document_validator().iter_errors(document)) == []
