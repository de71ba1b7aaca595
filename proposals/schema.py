"""JSON Schema (draft 2020-12) of the proposal format, built from the topic registry.

Editors with a YAML language server use it to complete topic keys and vocabulary
words and to flag mistakes while typing. The loader stays the authority: the schema
cannot check units or ranges, and it matches vocabulary words case-sensitively
where the loader folds case.
"""

from __future__ import annotations

from typing import Any

from proposals.loader import CLAUSE_KEYS, SOURCE_KEYS
from proposals.model import FORMAT_VERSION, Confidence, Kind, Status
from proposals.registry import Registry, Topic, registry
from proposals.values import UNSPECIFIED

SCHEMA_ID = f"urn:ceasefire:proposal:{FORMAT_VERSION}"
Schema = dict[str, Any]

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


def _clause_schema(value: Schema, description: str, custom: bool = False) -> Schema:
    keys = [key for key in CLAUSE_KEYS if custom or key not in ("kind", "label")]
    properties: Schema = {
        "value": value,
        "source": {"type": "string", "description": "An id listed under sources:"},
        "confidence": {"enum": [c.value for c in Confidence]},
        "quote": {"type": "string"},
        "note": {"type": "string"},
        "conditions": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "by": {"type": "string", "description": "Who must act."},
        "kind": {"enum": [k.value for k in Kind]},
        "label": {"type": "string"},
    }
    full: Schema = {
        "type": "object",
        "properties": {key: properties[key] for key in keys},
        "required": ["value", "kind"] if custom else ["value"],
        "additionalProperties": False,
    }
    if custom:
        return {"description": description, **full}
    return {"description": description, "anyOf": [full, value]}


def proposal_schema(reg: Registry | None = None) -> Schema:
    """The whole format as one JSON Schema document."""
    reg = reg or registry()
    clauses: Schema = {}
    for topic in reg.topics:
        text = f"{topic.label} ({topic.kind.value}). {topic.description}"
        clauses[topic.key] = _clause_schema(value_schema(topic), text)
        for alias in topic.aliases:
            clauses[alias] = {"$ref": f"#/properties/clauses/properties/{topic.key}",
                              "description": f"Another name for {topic.key}."}
    source: Schema = {
        "type": "object",
        "properties": {key: {"type": "string"} for key in SOURCE_KEYS},
        "required": ["title"],
        "additionalProperties": False,
    }
    top: Schema = {
        "ceasefire": {"const": FORMAT_VERSION, "description": "Format version."},
        "party": {"type": "string", "minLength": 1, "description": "Display name of the party."},
        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9_-]*$"},
        "title": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "round": {"type": "string"},
        "status": {"enum": [s.value for s in Status]},
        "sources": {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, source]}},
        "clauses": {
            "type": "object",
            "properties": clauses,
            "patternProperties": {
                r"^x\.[a-z0-9][a-z0-9_.\-]*$": _clause_schema(
                    {"anyOf": [{"type": ["string", "number"]}, {"type": "array"}, _RANGE]},
                    "A custom topic outside the registry: declare its kind.", custom=True)
            },
            "additionalProperties": False,
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"ceasefire proposal, format {FORMAT_VERSION}",
        "type": "object",
        "properties": top,
        "required": ["ceasefire", "party", "clauses"],
        "additionalProperties": False,
    }
