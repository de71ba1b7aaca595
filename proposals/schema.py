"""JSON Schema (draft 2020-12) of the proposal format, built from the topic registry.

Editors with a YAML language server use it to complete topic keys and vocabulary
words and to flag mistakes while typing. The loader stays the authority: the schema
cannot check units or ranges, and it matches vocabulary words case-sensitively
where the loader folds case.
"""

from __future__ import annotations

from typing import Any

from proposals.clause_reader import CLAUSE_KEYS, READING_KEYS
from proposals.loader import OPTION_KEYS, PHASE_KEYS, SOURCE_KEYS
from proposals.model import FORMAT_VERSION, FORMAT_VERSIONS, Confidence, Kind, Status
from proposals.registry import Registry, Topic, registry
from proposals.values import UNSPECIFIED

SCHEMA_ID = f"urn:ceasefire:proposal:{FORMAT_VERSION}"
Schema = dict[str, Any]

SHORT_KEY_PATTERN = r"^[^\sA-Z!-/:-@\[-`{-~][^\sA-Z!-,./:-@\[-^`{-~]*$"
"""An `id`, as the loader reads it: lower-case letters of any script and digits, then also
`-` and `_` (ASCII capitals, spaces and other punctuation refused)."""

_RANGE: Schema = {
    "type": "object",
    "properties": {"min": {"type": ["number", "string"]}, "max": {"type": ["number", "string"]},
                   "unit": {"type": "string"}},
    "additionalProperties": False,
    "minProperties": 1,
}


def _words(topic: Topic) -> list[str]:
    return list(topic.vocabulary.words) if topic.vocabulary else []


def value_schema(topic: Topic) -> Schema:
    """What an author may write as the value of `topic`."""
    unspecified: Schema = {"const": UNSPECIFIED}
    kind = topic.kind
    if kind is Kind.DURATION:
        shape: Schema = {"anyOf": [{"type": "string"}, _RANGE]}
    elif kind is Kind.QUANTITY:
        shape = {"anyOf": [{"type": ["string", "number"]}, _RANGE]}
    elif kind is Kind.CHOICE:
        shape = {"enum": _words(topic)}
    elif kind in (Kind.SET, Kind.SEQUENCE):
        closed = topic.vocabulary is not None and not topic.open
        item: Schema = {"enum": _words(topic)} if closed else {"type": "string"}
        if topic.vocabulary is not None and not closed:
            item = {"anyOf": [{"enum": _words(topic)}, {"type": "string"}]}
        shape = {"anyOf": [{"type": "array", "items": item}, {"const": "none"}, item]}
    elif kind is Kind.DATE:
        shape = {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}]}
    else:
        shape = {"type": "string", "minLength": 1}
    return {"anyOf": [unspecified, shape]}


_TEXTS: Schema = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


def _clause_schema(value: Schema, description: str, custom: bool = False) -> Schema:
    keys = [key for key in CLAUSE_KEYS if custom or key not in ("kind", "label", "unit")]
    reading: Schema = {
        "type": "object",
        "properties": {key: value if key == "value" else {"type": "string"}
                       for key in READING_KEYS},
        "required": ["value"],
        "additionalProperties": False,
    }
    properties: Schema = {
        "value": value,
        "readings": {"type": "array", "items": reading, "minItems": 2,
                     "description": "Two or more readings of a disputed clause, each with "
                     "its source (instead of value:)."},
        "source": {"type": "string", "description": "An id listed under sources:"},
        "confidence": {"enum": [c.value for c in Confidence]},
        "quote": {"type": "string"},
        "note": {"type": "string"},
        "conditions": _TEXTS,
        "by": {**_TEXTS, "description": "Who must act: a party, a list of parties, or "
               "'both sides'."},
        "when": {"type": "string", "description": "When it takes effect: 'day 7', "
                 "'by day 50', '5 days after withdrawal', 'after elections', a date."},
        "kind": {"enum": [k.value for k in Kind]},
        "label": {"type": "string"},
        "unit": {"type": "string", "description": "A custom quantity's unit: 'trucks', or a "
                 "rate such as 'trucks per day'."},
    }
    full: Schema = {
        "type": "object",
        "properties": {key: properties[key] for key in keys},
        "oneOf": [{"required": ["value"]}, {"required": ["readings"]}],
        "additionalProperties": False,
    }
    if custom:
        full["required"] = ["kind"]
        return {"description": description, "anyOf": [
            full, {"type": "array", "items": {**full, "required": ["kind", "by"]}}]}
    several: Schema = {"type": "array", "items": {**full, "required": ["by"]},
                       "description": "One clause for each party that acts."}
    return {"description": description, "anyOf": [full, value, several]}


def proposal_schema(reg: Registry | None = None) -> Schema:
    """The whole format as one JSON Schema document."""
    reg = reg or registry()
    clauses: Schema = {}
    for topic in reg.topics:
        text = f"{topic.label} ({topic.kind.value}). {topic.description}"
        clauses[topic.key] = _clause_schema(value_schema(topic), text)
        for alias in topic.aliases:
            clauses[alias] = {"$ref": f"#/$defs/clauses/properties/{topic.key}",
                              "description": f"Another name for {topic.key}."}
    source: Schema = {
        "type": "object",
        "properties": {key: {"type": "string"} for key in SOURCE_KEYS},
        "required": ["title"],
        "additionalProperties": False,
    }
    block: Schema = {
        "type": ["object", "null"],  # empty: no clause written yet
        "properties": clauses,
        "patternProperties": {
            r"^x\.[a-z0-9][a-z0-9_.\-]*$": _clause_schema(
                {"anyOf": [{"type": ["string", "number"]}, {"type": "array"}, _RANGE]},
                "A custom topic outside the registry: declare its kind.", custom=True)
        },
        "additionalProperties": False,
    }
    shapes: Schema = {
        "id": {"type": "string", "pattern": SHORT_KEY_PATTERN},
        "label": {"type": "string"}, "note": {"type": "string"}, "duration": {"type": "string"},
        "starts": {"type": "string", "description": "When the phase starts: 'on signing', "
                   "'day 43', 'after phase-1'."},
        "clauses": {"$ref": "#/$defs/clauses"},
    }
    phase: Schema = {"type": "object", "properties": {key: shapes[key] for key in PHASE_KEYS},
                     "required": ["id"], "additionalProperties": False}
    option: Schema = {"type": "object", "properties": {key: shapes[key] for key in OPTION_KEYS},
                      "required": ["id", "clauses"], "additionalProperties": False}
    top: Schema = {
        "ceasefire": {"enum": list(FORMAT_VERSIONS), "description": "Format version."},
        "party": {"type": "string", "minLength": 1, "description": "Display name of the party."},
        "id": {"type": "string", "pattern": SHORT_KEY_PATTERN},
        "title": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "round": {"type": "string"},
        "status": {"enum": [s.value for s in Status]},
        "amends": {"type": "boolean", "description": "The text lists only what it changes in "
                   "the same party's previous text (same id, an earlier round): every topic it "
                   "does not address stands as before."},
        "sources": {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, source]}},
        "sides": {"type": "array", "items": {"type": "string"}, "minItems": 2,
                  "description": "The parties the agreement binds: what 'by: both sides' means."},
        "phases": {"type": "array", "items": phase},
        "options": {"type": "array", "items": option, "minItems": 2},
        "clauses": {"$ref": "#/$defs/clauses"},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"ceasefire proposal, format {FORMAT_VERSION}",
        "type": "object",
        "properties": top,
        "required": ["ceasefire", "party"],
        "anyOf": [{"required": ["clauses"]}, {"required": ["phases"]}, {"required": ["options"]}],
        "additionalProperties": False,
        "$defs": {"clauses": block},
    }
