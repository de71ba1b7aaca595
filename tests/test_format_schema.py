"""`ceasefire schema`: a valid JSON Schema that accepts every bundled example and the template,
and refuses what the loader refuses by name."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
import yaml

from proposals.loader import TOP_KEYS
from proposals.schema import proposal_schema
from proposals.template import template
from tests.conftest import EXAMPLES


def _as_json(data: object) -> object:
    """What an editor's YAML server sees: dates stay strings."""
    return json.loads(json.dumps(data, default=lambda o: o.isoformat()
                                 if isinstance(o, (dt.date, dt.datetime)) else str(o)))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = proposal_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


EXAMPLE_FILES = sorted(EXAMPLES.glob("*/*.yaml"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[f"{p.parent.name}/{p.name}"
                                                      for p in EXAMPLE_FILES])
def test_every_bundled_example_validates(validator, path):
    errors = list(validator.iter_errors(_as_json(yaml.safe_load(path.read_text()))))
    assert errors == []


def test_there_are_bundled_examples():
    assert len(EXAMPLE_FILES) >= 5


def test_the_template_validates(validator):
    assert list(validator.iter_errors(_as_json(yaml.safe_load(template("Ukraine"))))) == []


@pytest.mark.parametrize("clauses", [
    {"ceasefire.duratoin": "30 days"},
    {"ceasefire.type": "ful"},
    {"ceasefire.domains": ["land", "se"]},
    {"x.plant": {"value": "no kind"}},
    {"ceasefire.type": {"value": "full", "confidnce": "reported"}},
])
def test_mistakes_are_flagged_while_typing(validator, clauses):
    document = {"ceasefire": 1, "party": "A", "clauses": clauses}
    assert list(validator.iter_errors(document)) != []


def test_schema_top_level_follows_the_loader():
    schema = proposal_schema()
    assert tuple(schema["properties"]) == TOP_KEYS
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_aliases_are_completed_too():
    clauses = proposal_schema()["properties"]["clauses"]["properties"]
    assert "ceasefire.length" in clauses and "ceasefire.duration" in clauses
