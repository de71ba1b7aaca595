"""JSON Schema (draft 2020-12) of the proposal format, built from the topic registry and the
loader's own vocabularies, so that the two cannot drift apart.

Editors with a YAML language server use it to complete topic keys and words and to flag
mistakes while typing. It accepts what the loader accepts wherever JSON Schema can say
it: every spelling a word folds from (`Full`, `All-for-all`), dates and times as
`proposals.spellings` writes them, aliases, any scalar where the loader reads text. What
needs the whole file or arithmetic (units, ranges, that a `source:` is listed, references
in `when:`) only `ceasefire check` sees.

Alternatives are ordered for the language server, which reports the first of equally bad
matches: the word list before the full-form clause, so a misspelt word gets `Value is not
accepted. Valid values: …`. Each object with required keys has a title: the server names
its skeleton completion by it, which would otherwise read `object(<the document's title>)`.
"""

from __future__ import annotations

from typing import Any

from proposals.clause_reader import CLAUSE_KEYS, READING_KEYS
from proposals.loader import OPTION_KEYS, PHASE_KEYS, SOURCE_KEYS
from proposals.model import FORMAT_VERSION, FORMAT_VERSIONS, Confidence, Kind, Status
from proposals.registry import CUSTOM_KEY, Registry, Topic, Vocabulary, normalize_word, registry
from proposals.spellings import DATE, DATE_TIME, folded_words, lowered_words, space_class, stripped
from proposals.values import (
    DURATION_UNITS,
    INFINITE_DURATION,
    INFINITE_QUANTITY,
    NONE_WORDS,
    UNSPECIFIED,
)

SCHEMA_ID = f"urn:ceasefire:proposal:{FORMAT_VERSION}"
Schema = dict[str, Any]

SHORT_KEY_PATTERN = r"^[^\sA-Z!-/:-@\[-`{-~][^\sA-Z!-,./:-@\[-^`{-~]*$"
"""An `id`, as the loader reads it: lower-case letters of any script and digits, then also
`-` and `_` (ASCII capitals, spaces and other punctuation refused)."""

_DATE_MESSAGE = ("Not a date: write 2025-06-02, or a time with its zone: "
                 "2025-06-02T10:00+03:00, 2025-06-02T07:00Z.")
SCALAR = ["string", "number", "boolean"]
"""What the loader reads as text: it reads every scalar as written (`round: 2` is '2')."""


def _text(description: str | None = None, required: bool = False) -> Schema:
    """A text field: any scalar; a required one not empty or blank."""
    schema: Schema = {"type": SCALAR if required else [*SCALAR, "null"]}
    if required:
        schema["pattern"] = "[^" + space_class()[1:]  # one character that is not white space
        schema["patternErrorMessage"] = "Empty: write it, or leave the key out."
    return {**schema, "description": description} if description else schema


def _words(words: list[str], folded_from: list[str]) -> Schema:
    """`words` offered for completion, and every spelling of `folded_from` accepted."""
    return {"anyOf": [{"enum": list(dict.fromkeys(words))},
                      {"type": "string", "pattern": folded_words(folded_from, normalize_word)}]}


def _lowered(words: list[str], description: str | None = None) -> Schema:
    """Words the loader reads with `.strip().lower()` (confidence, status, kind)."""
    schema = {"anyOf": [{"enum": words}, {"type": "string", "pattern": lowered_words(words)}]}
    return {**schema, "description": description} if description else schema


def _every_spelling(vocabulary: Vocabulary) -> list[str]:
    return [w for term in vocabulary.terms for w in (term.value, term.label, *term.aliases)]


def _number() -> Schema:
    return {"anyOf": [{"type": "number", "minimum": 0}, {"type": "string"}]}


def _range(units: list[str] | None) -> Schema:
    """`{min: 2, max: 3, unit: days}`; a duration's unit is required and one of `units`."""
    unit: Schema = _words(units, units) if units else {"type": SCALAR}
    schema: Schema = {
        "title": "range",
        "type": "object",
        "properties": {"min": _number(), "max": _number(), "unit": unit},
        "anyOf": [{"required": ["min"]}, {"required": ["max"]}],
        "additionalProperties": False,
    }
    return {**schema, "required": ["unit"]} if units else schema


_TEXTS: Schema = {"anyOf": [_text(), {"type": "array", "items": _text()}]}
_FIELDS: dict[str, Schema] = {
    "source": _text("An id listed under sources:"),
    "confidence": _lowered([c.value for c in Confidence]),
    "quote": _text("The words of the source."),
    "note": _text(),
    "conditions": {**_TEXTS, "description": "On what conditions: 'after elections', "
                   "'in exchange for humanitarian.hostages'."},
    "by": {"anyOf": [_text(required=True), {"type": "array", "items": _text(required=True)}],
           "description": "Who must act: a party, a list of parties, or 'both sides'."},
    "when": _text("When it takes effect: 'day 7', 'by day 50', '5 days after withdrawal', "
                  "'after elections', a date.", required=True),
    "kind": _lowered([k.value for k in Kind], "The kind of value of a custom topic."),
    "label": _text("A custom topic's name as reports show it."),
    "unit": _text("A custom quantity's unit: 'trucks', or a rate such as 'trucks per day'.",
                  required=True),
}


class _Builder:
    """Collects definitions shared by many topics (word lists, values, clause fields) once."""

    def __init__(self) -> None:
        self.defs: dict[str, Schema] = {
            "words": {"unspecified": _words([UNSPECIFIED], [UNSPECIFIED]),
                      "none": _words(["none", UNSPECIFIED], [*NONE_WORDS, UNSPECIFIED])},
            "values": {}, "fields": {**_FIELDS, "item": _text(required=True)}}
        self.vocabularies: dict[int, str] = {}

    def words(self, topic: Topic) -> Schema:
        """A reference to the topic's vocabulary, defined once for all the topics sharing it."""
        vocabulary = topic.vocabulary
        assert vocabulary is not None
        name = self.vocabularies.setdefault(id(vocabulary), topic.key)
        self.defs["words"].setdefault(name, _words(list(vocabulary.words),
                                                   _every_spelling(vocabulary)))
        return {"$ref": f"#/$defs/words/{name}"}

    def value(self, topic: Topic) -> Schema:
        """What an author may write as the value of `topic`, by its kind."""
        kind = topic.kind
        unspecified = {"$ref": "#/$defs/words/unspecified"}
        if kind is Kind.DURATION:
            return {"anyOf": [{"type": "string"}, _range(list(DURATION_UNITS))],
                    "examples": ["30 days", "at least 30 days", "2-3 days",
                                 *sorted(INFINITE_DURATION)[:1], UNSPECIFIED]}
        if kind is Kind.QUANTITY:
            return {"anyOf": [{"type": ["string", "number"]}, _range(None)],
                    "examples": ["1,000", "at least 1,000", *sorted(INFINITE_QUANTITY)[:1],
                                 UNSPECIFIED]}
        if kind is Kind.CHOICE:
            return {"anyOf": [self.words(topic), unspecified]}
        if kind in (Kind.SET, Kind.SEQUENCE):
            none = {"$ref": "#/$defs/words/none"}
            if topic.vocabulary is None:
                return {"anyOf": [none, {"$ref": "#/$defs/fields/item"},
                                  {"type": "array", "items": {"$ref": "#/$defs/fields/item"}}]}
            item: Schema = self.words(topic)
            if topic.open:
                item = {"anyOf": [item, {"$ref": "#/$defs/fields/item"}]}
            return {"anyOf": [item, none, {"type": "array", "items": item}]}
        if kind is Kind.DATE:
            return {"anyOf": [{"type": "string", "pattern": stripped(f"{DATE}|{DATE_TIME}"),
                               "patternErrorMessage": _DATE_MESSAGE}, unspecified],
                    "examples": ["2025-06-02", "2025-06-02T10:00+03:00"]}
        return {"$ref": "#/$defs/fields/item"}

    def value_ref(self, topic: Topic) -> Schema:
        self.defs["values"].setdefault(topic.key, self.value(topic))
        return {"$ref": f"#/$defs/values/{topic.key}"}


def _clause(value: Schema, custom: bool = False) -> Schema:
    """The full form `{value: …, by: …, when: …}` or `{readings: […]}`."""
    keys = [key for key in CLAUSE_KEYS if custom or key not in ("kind", "label", "unit")]
    reading: Schema = {
        "title": "reading",
        "type": "object",
        "properties": {key: value if key == "value" else {"$ref": f"#/$defs/fields/{key}"}
                       for key in READING_KEYS},
        "required": ["value"],
        "additionalProperties": False,
    }
    fields = {**{key: {"$ref": f"#/$defs/fields/{key}"} for key in _FIELDS}, "value": value,
              "readings": {
        "type": "array", "items": reading, "minItems": 2,
        "description": "Two or more readings of a disputed clause, each with its source "
                       "(instead of value:)."}}
    schema: Schema = {
        "title": "clause",
        "type": "object",
        "properties": {key: fields[key] for key in keys},
        "anyOf": [{"required": ["value"]}, {"required": ["readings"]}],
        "not": {"required": ["value", "readings"]},
        "additionalProperties": False,
    }
    return {**schema, "required": ["kind"]} if custom else schema


def _topic(topic: Topic, value: Schema) -> Schema:
    """A topic's clause: the value alone first, then the full form, then one per party."""
    full = _clause(value)
    words = ""
    if topic.vocabulary is not None:
        words = " Words: " + ", ".join(term.value for term in topic.vocabulary.terms) + "."
    return {
        "description": f"{topic.label} ({topic.kind.value}). {topic.description}{words}",
        "anyOf": [value, full, {"type": "array", "items": {**full, "required": ["by"]},
                                "description": "One clause for each party that acts."}],
    }


def _topic_names(reg: Registry) -> Schema:
    """What a key under `clauses:` may be; a key that is none gets the topics of its area
    (everything before the first dot) as its message, as close to 'did you mean' as a
    schema can come."""
    prefixes: dict[str, list[str]] = {}
    for key in reg.written_keys:
        prefixes.setdefault(key.split(".", 1)[0], []).append(key)
    rules: list[Schema] = []
    for prefix, keys in prefixes.items():
        canonical = [key for key in keys if reg.get(key).key == key]
        rules.append({"if": {"type": "string", "pattern": f"^{prefix}\\."}, "then": {
            "enum": keys,
            "errorMessage": f"Not a topic. The {prefix}. topics: {', '.join(canonical)} "
                            "(`ceasefire topics` lists their other names)."}})
    custom = CUSTOM_KEY.pattern
    rules.append({"if": {"type": "string", "pattern": r"^x\."}, "then": {
        "pattern": custom,
        "errorMessage": "A custom topic is x. then lower-case letters, digits and '_', "
                        "e.g. x.nuclear_plant."}})
    known = "|".join([*prefixes, "x"])
    rules.append({"if": {"not": {"pattern": f"^(?:{known})\\."}}, "then": {
        "type": "null",
        "errorMessage": f"Not a topic: a key is an area and a name ({', '.join(prefixes)}: "
                        "`ceasefire topics` lists them), or x.name for a custom topic."}})
    return {"allOf": rules}


def _block(reg: Registry, builder: _Builder) -> Schema:
    clauses: Schema = {}
    for topic in reg.topics:
        clauses[topic.key] = _topic(topic, builder.value_ref(topic))
        for alias in topic.aliases:
            clauses[alias] = {"$ref": f"#/$defs/clauses/properties/{topic.key}",
                              "description": f"Another name for {topic.key}."}
    custom_value: Schema = {"anyOf": [{"type": SCALAR}, {"type": "array"}, _range(None)]}
    custom = _clause(custom_value, custom=True)
    return {
        "type": ["object", "null"],  # empty: no clause written yet
        "description": "Topic keys (`ceasefire topics` lists them), or x.name for a custom "
                       "topic with its kind.",
        "properties": clauses,
        "patternProperties": {CUSTOM_KEY.pattern: {
            "description": "A custom topic outside the registry: declare its kind.",
            "anyOf": [custom, {"type": "array",
                               "items": {**custom, "required": ["kind", "by"]}}]}},
        "propertyNames": _topic_names(reg),
    }


def proposal_schema(reg: Registry | None = None) -> Schema:
    """The whole format as one JSON Schema document."""
    reg = reg or registry()
    builder = _Builder()
    block = _block(reg, builder)
    short_key = {"anyOf": [{"type": "string", "pattern": SHORT_KEY_PATTERN,
                            "patternErrorMessage": "Not a short key: lower-case letters, digits, "
                                                   "'-' and '_', e.g. ukraine."},
                           {"type": "integer", "minimum": 0}]}
    date = {"anyOf": [{"type": "string", "pattern": stripped(DATE),
                       "patternErrorMessage": "Not a date: write 2025-06-02."}, {"type": "null"}],
            "examples": ["2025-06-02"]}
    source: Schema = {
        "title": "source",
        "type": "object",
        "properties": {key: date if key == "date" else _text(required=key == "title")
                       for key in SOURCE_KEYS},
        "required": ["title"],
        "additionalProperties": False,
    }
    shapes: Schema = {
        "id": short_key,
        "label": _text(), "note": _text(),
        "duration": _text("How long the phase lasts: '42 days'.", required=True),
        "starts": _text("When the phase starts: 'on signing', 'day 43', 'after phase-1'.",
                        required=True),
        "clauses": {"$ref": "#/$defs/clauses"},
    }
    phase: Schema = {"title": "phase", "type": "object",
                     "properties": {key: shapes[key] for key in PHASE_KEYS},
                     "required": ["id"], "additionalProperties": False}
    option: Schema = {"title": "option", "type": "object",
                      "properties": {key: shapes[key] for key in OPTION_KEYS},
                      "required": ["id", "clauses"], "additionalProperties": False}
    versions = list(reversed(FORMAT_VERSIONS))
    top: Schema = {
        "ceasefire": {"description": "Format version.", "anyOf": [
            {"enum": versions},
            {"type": "string", "pattern": "^(?:" + "|".join(map(str, versions)) + ")$"}]},
        "party": _text("Display name of the party.", required=True),
        "id": short_key,
        "title": _text(),
        "date": date,
        "round": _text("The round of talks, for `ceasefire history`."),
        "status": _lowered([s.value for s in Status]),
        "amends": {"anyOf": [{"type": "boolean"},
                             {"type": "string", "pattern": lowered_words(["true", "false"])}],
                   "description": "The text lists only what it changes in the same party's "
                   "previous text (same id, an earlier round): every topic it does not address "
                   "stands as before."},
        "sources": {"type": "object", "additionalProperties": {
            "anyOf": [_text(required=True), source]}},
        "sides": {"type": "array", "items": _text(required=True), "minItems": 2,
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
        "$defs": {"clauses": block, **builder.defs},
    }
