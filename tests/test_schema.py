"""`ceasefire schema`: a valid draft 2020-12 JSON Schema that editors can trust. It accepts
every bundled example and the template, and flags the mistakes the loader refuses by name.

An editor's YAML language server sees YAML dates as strings, so documents are turned into
JSON data (dates as ISO strings) before they are validated.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jsonschema
import pytest
import yaml

from proposals.clause_reader import CLAUSE_KEYS
from proposals.loader import TOP_KEYS, read_string
from proposals.model import Kind
from proposals.registry import registry
from proposals.schema import proposal_schema
from proposals.template import template
from proposals.values import parse_value

EXAMPLES = Path(__file__).resolve().parents[1] / "proposals" / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*/*.yaml"))  # whatever exists at collection time


def as_json(data: object) -> object:
    """The document as a JSON-speaking editor sees it."""
    if isinstance(data, dict):
        return {str(key): as_json(value) for key, value in data.items()}
    if isinstance(data, list):
        return [as_json(item) for item in data]
    if isinstance(data, (dt.date, dt.datetime)):
        return data.isoformat()
    return data


@pytest.fixture(scope="module")
def schema() -> dict:
    return proposal_schema()


@pytest.fixture(scope="module")
def validator(schema) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


def errors(validator, document: object) -> list[str]:
    return [error.message for error in validator.iter_errors(as_json(document))]


def test_the_schema_is_a_valid_draft_2020_12_schema(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_top_level_follows_the_loader(schema):
    assert tuple(schema["properties"]) == TOP_KEYS
    assert schema["required"] == ["ceasefire", "party"]
    assert schema["anyOf"] == [{"required": [key]} for key in ("clauses", "phases", "options")]
    assert schema["additionalProperties"] is False


def clause_block(schema: dict) -> dict:
    """The schema of a block of clauses: the top level's, a phase's and an option's."""
    assert schema["properties"]["clauses"] == {"$ref": "#/$defs/clauses"}
    return schema["$defs"]["clauses"]


def test_every_topic_key_and_alias_is_completed(schema):
    clauses = clause_block(schema)["properties"]
    assert set(clauses) == set(registry().written_keys)


@pytest.mark.parametrize("path", EXAMPLE_FILES,
                         ids=[f"{p.parent.name}/{p.name}" for p in EXAMPLE_FILES])
def test_every_bundled_example_validates(validator, path):
    assert read_string(path.read_text(encoding="utf-8"), str(path)).proposal is not None
    assert errors(validator, yaml.safe_load(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("party", ["Party name", "Ukraine", 'Evil "party": [x] #1'])
def test_the_template_validates(validator, party):
    assert errors(validator, yaml.safe_load(template(party))) == []


VALID_CLAUSES = {
    "ceasefire.type": "full",
    "ceasefire.length": "at least 30 days",
    "ceasefire.duration": {"min": 2, "max": 3, "unit": "days"},
    "ceasefire.domains": ["land", "air"],
    "forces.withdrawal": ["donetsk", "Odesa region"],  # open: free words too
    "political.recognition": "none",
    "forces.size_cap": 800000,
    "humanitarian.remains": "unspecified",
    "ceasefire.effective": dt.date(2025, 6, 2),
    "political.sequence": {"value": ["ceasefire", "treaty"], "confidence": "reported",
                           "source": "s", "conditions": "x", "quote": "q", "note": "n", "by": "b"},
    "x.plant": {"kind": "text", "label": "Plant", "value": "IAEA"},
    "forces.heavy_weapons": [{"value": "at least 50 km", "by": "Ukraine", "when": "day 2"},
                             {"value": "50 km", "by": ["Certain areas"], "when": "by day 16"}],
    "humanitarian.hostages": {"value": "33 hostages", "by": "both sides",
                              "conditions": ["in exchange for humanitarian.prisoner_numbers"]},
    "political.elections": {"readings": [{"value": "within 100 days", "source": "s"},
                                         {"value": "within 60 days", "note": "n"}]},
}


@pytest.mark.parametrize("key, clause", list(VALID_CLAUSES.items()), ids=list(VALID_CLAUSES))
def test_what_the_loader_accepts_the_schema_accepts(validator, key, clause):
    document = {"ceasefire": 2, "party": "A", "sources": {"s": "Source"}, "clauses": {key: clause}}
    text = yaml.safe_dump(as_json(document), sort_keys=False)
    assert read_string(text, "p.yaml").problems == ()
    assert errors(validator, document) == []


@pytest.mark.parametrize("topic", [t for t in registry().topics],
                         ids=[t.key for t in registry().topics])
def test_unspecified_is_accepted_for_every_topic(validator, topic):
    assert errors(validator, {"ceasefire": 2, "party": "A",
                              "clauses": {topic.key: "unspecified"}}) == []


MISTAKES = {
    "unknown-topic": {"clauses": {"ceasefire.duratoin": "30 days"}},
    "unknown-custom-form": {"clauses": {"X.plant": {"kind": "text", "value": "v"}}},
    "misspelt-choice": {"clauses": {"ceasefire.type": "ful"}},
    "misspelt-choice-full-form": {"clauses": {"forces.martial_law": {"value": "lifed"}}},
    "closed-set-word": {"clauses": {"ceasefire.domains": ["land", "se"]}},
    "unknown-clause-key": {"clauses": {"ceasefire.type": {"value": "full",
                                                          "confidnce": "reported"}}},
    "bad-confidence": {"clauses": {"ceasefire.type": {"value": "full", "confidence": "sure"}}},
    "kind-on-registered": {"clauses": {"ceasefire.type": {"value": "full", "kind": "choice"}}},
    "custom-without-kind": {"clauses": {"x.plant": {"value": "v"}}},
    "custom-bad-kind": {"clauses": {"x.plant": {"kind": "txt", "value": "v"}}},
    "unknown-top-key": {"party_name": "B", "clauses": {"ceasefire.type": "full"}},
    "bad-status": {"status": "propsed", "clauses": {"ceasefire.type": "full"}},
    "bad-version": {"ceasefire": 3, "clauses": {"ceasefire.type": "full"}},
    "one-reading": {"clauses": {"ceasefire.type": {"readings": [{"value": "full"}]}}},
    "value-and-readings": {"clauses": {"ceasefire.type": {
        "value": "full", "readings": [{"value": "full"}, {"value": "local"}]}}},
    "listed-clause-without-by": {"clauses": {"ceasefire.type": [{"value": "full"}]}},
    "phase-without-id": {"phases": [{"label": "First", "clauses": {"ceasefire.type": "full"}}]},
    "one-option": {"options": [{"id": "a", "clauses": {"ceasefire.type": "full"}}]},
    "option-without-clauses": {"options": [{"id": "a"}, {"id": "b", "clauses": {}}]},
    "bad-id": {"id": "Bad Id", "clauses": {"ceasefire.type": "full"}},
    "source-without-title": {"sources": {"s": {"publisher": "P"}},
                             "clauses": {"ceasefire.type": "full"}},
    "range-typo": {"clauses": {"ceasefire.duration": {"min": 2, "mx": 3}}},
}


@pytest.mark.parametrize("change", list(MISTAKES.values()), ids=list(MISTAKES))
def test_a_mistake_the_loader_refuses_is_flagged_by_the_schema(validator, change):
    document = {"ceasefire": 2, "party": "A", **change}
    text = yaml.safe_dump(as_json(document), sort_keys=False)
    assert read_string(text, "p.yaml").proposal is None
    assert errors(validator, document) != []


def test_a_missing_required_key_is_flagged(validator):
    for key in ("ceasefire", "party"):
        document = {"ceasefire": 2, "party": "A", "clauses": {"ceasefire.type": "full"}}
        del document[key]
        assert f"'{key}' is a required property" in errors(validator, document)
    assert errors(validator, {"ceasefire": 2, "party": "A"}) != []  # no clauses, phases, options


def test_a_phased_proposal_with_options_validates(validator):
    document = {
        "ceasefire": 2, "party": "A", "sides": ["A", "B"],
        "phases": [{"id": "first", "label": "First", "starts": "on signing",
                    "duration": "42 days", "clauses": {"ceasefire.type": "full"}},
                   {"id": "second", "starts": "after first", "clauses": {}}],
        "options": [{"id": "one", "label": "One", "clauses": {"ceasefire.duration": "30 days"}},
                    {"id": "two", "note": "n", "clauses": {"ceasefire.duration": "60 days"}}],
    }
    assert read_string(yaml.safe_dump(document, sort_keys=False), "p.yaml").problems == ()
    assert errors(validator, document) == []


def test_clause_fields_follow_the_loader(schema):
    custom = clause_block(schema)["patternProperties"]
    [pattern] = custom
    full = custom[pattern]["anyOf"][0]
    assert tuple(full["properties"]) == CLAUSE_KEYS
    assert schema["$defs"]["fields"]["kind"]["anyOf"][0]["enum"] == [k.value for k in Kind]


def offered_words(schema: dict, topic) -> list[str]:
    """The words completion offers for a topic's value."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "$ref" in node:
                _, group, name = node["$ref"].rsplit("/", 2)
                walk(schema["$defs"][group][name])
            found.extend(node.get("enum", ()))
            for alternative in node.get("anyOf", ()):
                walk(alternative)
    walk(schema["$defs"]["values"][topic.key])
    return found


def test_every_word_the_schema_offers_loads(schema):
    """Completion never proposes a word the loader would refuse."""
    for topic in registry().topics:
        for word in offered_words(schema, topic):
            assert parse_value(topic, word) is not None, (topic.key, word)
