"""Reading a block of clauses (`clauses:` at the top, in a phase or in an option).

A topic holds one clause (shorthand or full form), or a list of full-form clauses, one
for each party that acts (`by:`). Each clause is parsed by its topic's kind; its time
(`when:`), conditions and readings are read here too, with references resolved against
the file, so every problem names its place.
"""

from __future__ import annotations

from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from proposals.limits import Limits
from proposals.model import Clause, Condition, Confidence, Kind, Reading, Source, Value, When
from proposals.names import actor_key, is_mutual
from proposals.nodes import NodeReader, TooDeep, join
from proposals.problems import Code
from proposals.registry import CUSTOM_KEY, CUSTOM_PREFIX, Topic, custom_topic, registry
from proposals.timing import References, parse_condition, parse_when, resolve_when
from proposals.suggestions import listed, suggest
from proposals.units import UnitProblem, declared
from proposals.values import ValueProblem, parse_value
from proposals.yaml_source import SAFE_TAGS, is_null

CLAUSE_KEYS = ("value", "readings", "source", "confidence", "quote", "note", "conditions", "by",
               "when", "kind", "label", "unit")
READING_KEYS = ("value", "source", "quote", "note")
RANGE_KEYS = frozenset({"min", "max", "unit"})


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a block of clauses stands: the whole agreement, a phase, or an option."""

    phase: str | None = None
    option: str | None = None

    def path(self, index: int | None = None) -> str:
        if self.phase is not None:
            return f"phases[{index}].clauses"
        if self.option is not None:
            return f"options[{index}].clauses"
        return "clauses"


class ClauseReader(NodeReader):
    """Reads clause blocks; remembers the actors named and the format-2 features used."""

    def __init__(self, name: str, limits: Limits) -> None:
        super().__init__(name, limits)
        self.sources: dict[str, Source] = {}
        self.listed_sources: set[str] = set()  # every id under sources:, valid or not
        self.references = References(registry())
        self.actors: dict[str, str] = {}
        self.clause_count = 0
        self.format_2: list[tuple[Node, str, str]] = []  # (node, path, what) for format 1 files
        self.custom_kinds: dict[str, tuple[Kind, int]] = {}

    def uses_format_2(self, node: Node, path: str, what: str) -> None:
        self.format_2.append((node, path, what))

    # --- blocks and entries -----------------------------------------------------------------

    def clause_block(self, node: Node, scope: Scope, index: int | None = None) -> list[Clause]:
        path = scope.path(index)
        if is_null(node):  # `clauses:` over commented-out lines, as `ceasefire new` writes it
            return []
        entries = self.mapping(node, path, "a mapping of topics to clauses")
        if entries is None:
            return []
        self.clause_count += len(entries)
        if self.clause_count > self.limits.clauses:
            self.report(node, path, f"{self.clause_count:,} clauses is more than the limit of "
                        f"{self.limits.clauses:,} (raise it with --limit clauses=N)",
                        code=Code.LIMIT)
            return []
        clauses: list[Clause] = []
        taken: dict[str, list[tuple[Clause, str]]] = {}
        for key, key_node, value in entries:
            for clause, at in self.entry(key, key_node, value, join(path, key), scope):
                clash = _clash(clause, taken.get(clause.topic, ()))
                if clash is not None:
                    self.report_clash(clause, key, key_node, at, join(path, key), *clash)
                    continue
                taken.setdefault(clause.topic, []).append((clause, key))
                clauses.append(clause)
        return clauses

    def report_clash(self, clause: Clause, key: str, key_node: Node, at: Node, path: str,
                     other: Clause, other_key: str) -> None:
        if other_key != key:
            self.report(key_node, path, f"{key!r} is the topic {clause.topic!r}, already given "
                        f"as {other_key!r} on line {other.line}; keep one")
        else:
            who = clause.by_text or "no one named"
            self.report(at, path, f"a second clause for {who!r} on {clause.topic}: one is "
                        f"already on line {other.line}; give each clause its own `by:` (one "
                        "party each), or put them in phases")

    def entry(self, key: str, key_node: Node, node: Node, path: str,
              scope: Scope) -> list[tuple[Clause, Node]]:
        """The clauses written under one topic key: one, or a list of full-form clauses."""
        if isinstance(node, SequenceNode) and any(isinstance(i, MappingNode) for i in node.value):
            self.uses_format_2(node, path, "a list of clauses under one topic")
            found = []
            for index, item in enumerate(node.value):
                at = f"{path}[{index}]"
                if not isinstance(item, MappingNode):
                    self.report(item, at, "expected a clause with 'value:' and 'by:' (a list under "
                                "a topic holds one full clause for each party that acts)")
                    continue
                clause = self.clause(key, key_node, item, at, scope, listed=True, place=item)
                if clause is not None:
                    found.append((clause, item))
            return found
        clause = self.clause(key, key_node, node, path, scope)
        return [(clause, key_node)] if clause is not None else []

    # --- one clause -------------------------------------------------------------------------

    def clause(self, key: str, key_node: Node, node: Node, path: str, scope: Scope,
               listed: bool = False, place: Node | None = None) -> Clause | None:
        """One clause; it stands at its topic key, or at `place` (an item of a list)."""
        fields = self.clause_fields(node, path)
        if fields is None:
            return None
        topic = self.topic(key, key_node, fields, path)
        if topic is None:
            return None
        details = self.clause_details(fields, path)  # checked even if the value fails
        if listed and "by" not in fields:
            self.report(node, path, "each clause in a list needs 'by:' (who acts)")
            return None
        if "readings" in fields:
            if "value" in fields:
                self.report(fields["value"], join(path, "value"), "give either 'value:' or "
                            "'readings:' (two or more values, each with its source), not both")
                return None
            readings = self.readings(topic, fields["readings"], join(path, "readings"))
            if readings is None or details is None:
                return None
            first = readings[0]
            details.setdefault("confidence", Confidence.DISPUTED)
            return self.make(topic, key, place or key_node, scope, first.value, first.text,
                             details | {"readings": readings})
        if "value" not in fields:
            self.report(node, path, "missing 'value:' (the position itself)")
            return None
        value_node = fields["value"]
        parsed = self.clause_value(topic, value_node, path if value_node is node else
                                   join(path, "value"))
        if parsed is None or details is None:
            return None
        value, raw = parsed
        return self.make(topic, key, place or key_node, scope, value, _written(raw), details)

    def make(self, topic: Topic, key: str, place: Node, scope: Scope, value: Value,
             text: str, details: dict[str, object]) -> Clause:
        return Clause(
            topic=topic.key, written_topic=key, kind=topic.kind, label=topic.label, value=value,
            text=text, phase=scope.phase, option=scope.option,
            line=place.start_mark.line + 1, column=place.start_mark.column + 1,
            **details,  # type: ignore[arg-type]
        )

    def clause_value(self, topic: Topic, node: Node, path: str) -> tuple[Value, object] | None:
        """The parsed value and the raw data it came from, or None once the problem is reported."""
        if node.tag not in SAFE_TAGS:
            return None  # refused when the file was composed
        errors_before = self.error_count
        try:
            raw = self.plain(node, path)
        except TooDeep:
            self.report(node, path, f"nested deeper than the limit of {self.limits.depth} "
                        "levels (raise it with --limit depth=N)", code=Code.LIMIT)
            return None
        if self.error_count > errors_before:
            return None  # a part of the value was refused (a limit, a tag): already reported
        if raw is None:
            self.report(node, path, "no value: write the position, 'none' for an "
                        "empty list, or 'unspecified' for a position stated without its terms")
            return None
        try:
            return parse_value(topic, raw), raw
        except ValueProblem as problem:
            at = node
            if problem.index is not None and isinstance(node, SequenceNode):
                at = node.value[problem.index]
            self.report(at, path, problem.message)
            return None

    def clause_fields(self, node: Node, path: str) -> dict[str, Node] | None:
        """The clause's fields; a shorthand value counts as `value`.

        A mapping with range keys and no clause key is a shorthand range
        (`{min: 2, max: 3, unit: days}`): its own parser then reports any typo in it.
        """
        if not isinstance(node, MappingNode):
            return {"value": node}
        keys = {k.value for k, _ in node.value if isinstance(k, ScalarNode)}
        if keys & RANGE_KEYS and not keys & (set(CLAUSE_KEYS) - RANGE_KEYS):
            return {"value": node}
        entries = self.mapping(node, path, "a clause")
        if entries is None:
            return None
        fields: dict[str, Node] = {}
        for field, field_node, value in entries:
            if field not in CLAUSE_KEYS:
                self.unknown_key(field_node, path, field, CLAUSE_KEYS)
            else:
                fields[field] = value
        return fields

    def topic(self, key: str, key_node: Node, fields: dict[str, Node], path: str) -> Topic | None:
        kind_node, label_node = fields.get("kind"), fields.get("label")
        if not key.startswith(CUSTOM_PREFIX):
            topic = registry().resolve(key)
            if topic is None:
                hint = suggest(key, registry().written_keys) or (
                    " — see `ceasefire topics`, or write a custom topic as x.name with a kind:")
                self.report(key_node, path, f"unknown topic {key!r}{hint}")
                return None
            for extra in ("kind", "label", "unit"):
                if extra in fields:
                    self.report(fields[extra], join(path, extra), f"{extra!r} is set by the "
                                f"registry for {topic.key} ({topic.kind.value}); remove it")
            return topic
        if not CUSTOM_KEY.match(key):
            self.report(key_node, path, f"custom topic {key!r}: write x. then lower-case letters, "
                        "digits and '_', e.g. x.nuclear_plant")
            return None
        if kind_node is None:
            kinds = ", ".join(k.value for k in Kind)
            self.report(key_node, path, f"custom topic {key!r} needs 'kind:' ({kinds}) and 'value:'")
            return None
        kind = self.text(kind_node, join(path, "kind"))
        if kind is None:
            return None  # not text: already reported
        try:
            kind_value = Kind((kind or "").strip().lower())
        except ValueError:
            words = tuple(k.value for k in Kind)
            self.report(kind_node, join(path, "kind"), f"{kind!r} is not a kind"
                        + (suggest(kind or "", words) or f" (one of: {', '.join(words)})"))
            return None
        declared = self.custom_kinds.setdefault(key, (kind_value, kind_node.start_mark.line + 1))
        if declared[0] is not kind_value:
            self.report(kind_node, join(path, "kind"), f"{key} is declared as a "
                        f"{declared[0].value} on line {declared[1]}; one topic has one kind")
            return None
        label = self.text(label_node, join(path, "label")) if label_node is not None else None
        counts = self.custom_unit(fields.get("unit"), kind_value, join(path, "unit"))
        if counts is False:
            return None
        return custom_topic(key, kind_value, label, *(counts or (None, None)))

    def custom_unit(self, node: Node | None, kind: Kind,
                    path: str) -> tuple[str, str | None] | None | bool:
        """A custom quantity's declared unit as (unit, per); None when none is declared;
        False once a problem is reported."""
        if node is None:
            return None
        if kind is not Kind.QUANTITY:
            self.report(node, path, f"only a quantity has a unit, not a {kind.value}; remove it")
            return False
        text = self.text(node, path, required=True)
        if text is None:
            return False
        try:
            counts = declared(registry(), text)
        except UnitProblem as problem:
            self.report(node, path, str(problem))
            return False
        return counts.unit, counts.per

    # --- what a clause says besides its value ------------------------------------------------

    def clause_details(self, fields: dict[str, Node], path: str) -> dict[str, object] | None:
        details: dict[str, object] = {}
        ok = True
        for field in ("quote", "note"):
            if field in fields:
                details[field] = self.text(fields[field], join(path, field))
        if "source" in fields:
            source = self.source(fields["source"], join(path, "source"))
            ok = ok and source is not False
            if source:
                details["source"] = source
                details["source_title"] = self.sources[source].title
        if "confidence" in fields:
            confidence = self.enum(fields["confidence"], join(path, "confidence"), Confidence)
            ok = ok and confidence is not None
            if confidence is not None:
                details["confidence"] = confidence
        if "conditions" in fields:
            conditions = self.conditions(fields["conditions"], join(path, "conditions"))
            ok = ok and conditions is not None
            details["conditions"] = conditions or ()
        if "by" in fields:
            by = self.by(fields["by"], join(path, "by"))
            ok = ok and by is not None
            if by is not None:
                details["by"], details["by_text"], details["mutual"] = by
        if "when" in fields:
            self.uses_format_2(fields["when"], join(path, "when"), "'when:'")
            when = self.when(fields["when"], join(path, "when"))
            ok = ok and when is not None
            details["when"] = when
        if "readings" in fields:
            self.uses_format_2(fields["readings"], join(path, "readings"), "'readings:'")
        return details if ok else None

    def source(self, node: Node, path: str) -> str | None | bool:
        """The id of a listed source; None when not text (reported); False when unknown."""
        source = self.text(node, path)
        if source is None:
            return None
        if source not in self.sources and source in self.listed_sources:
            return False  # listed, but the entry itself has an error, reported at its place
        if source not in self.sources:
            hint = suggest(source, self.sources) or (f" (known: {listed(self.sources)})"
                                                     if self.sources else
                                                     " (the file has no 'sources:')")
            self.report(node, path, f"source {source!r} is not listed under 'sources:'{hint}")
            return False
        return source

    def by(self, node: Node, path: str) -> tuple[tuple[str, ...], str, bool] | None:
        """(actor keys, the words as written, whether it says 'both sides')."""
        if isinstance(node, SequenceNode):
            self.uses_format_2(node, path, "a list under 'by:'")
            items = [(item, self.text(item, f"{path}[{i}]", required=True))
                     for i, item in enumerate(node.value)]
        else:
            items = [(node, self.text(node, path, required=True))]
        keys: list[str] = []
        mutual = False
        for item, name in items:
            if name is None:
                return None
            if is_mutual(name):
                mutual = True
                continue
            key = actor_key(name)
            if not key:
                self.report(item, path, f"{name!r} names no party: write its name, e.g. Ukraine")
                return None
            self.actors.setdefault(key, " ".join(name.split()))
            if key not in keys:
                keys.append(key)
        if mutual and keys:
            self.report(node, path, "write 'both sides' or name the parties, not both")
            return None
        return tuple(keys), ", ".join(" ".join(name.split()) for _, name in items if name), mutual

    def when(self, node: Node, path: str) -> When | None:
        text = self.text(node, path, required=True)
        if text is None:
            return None
        try:
            return resolve_when(parse_when(text), self.references)
        except ValueProblem as problem:
            self.report(node, path, problem.message)
            return None

    def conditions(self, node: Node, path: str) -> tuple[Condition, ...] | None:
        texts = self.string_list(node, path)
        if texts is None:
            return None
        return tuple(parse_condition(text, self.references) for text in texts)

    def readings(self, topic: Topic, node: Node, path: str) -> tuple[Reading, ...] | None:
        items = self.sequence(node, path, "a list of readings, each with 'value:' and 'source:'")
        if items is None:
            return None
        if len(items) < 2:
            self.report(node, path, "readings are for a disputed clause: give two or more, or "
                        "write the one value as 'value:'")
            return None
        readings = []
        for index, item in enumerate(items):
            reading = self.reading(topic, item, f"{path}[{index}]")
            if reading is None:
                return None
            readings.append(reading)
        return tuple(readings)

    def reading(self, topic: Topic, node: Node, path: str) -> Reading | None:
        entries = self.mapping(node, path, "a reading (value:, source:, quote:, note:)")
        if entries is None:
            return None
        fields: dict[str, Node] = {}
        for field, field_node, value in entries:
            if field not in READING_KEYS:
                self.unknown_key(field_node, path, field, READING_KEYS)
                return None
            fields[field] = value
        if "value" not in fields:
            self.report(node, path, "missing 'value:' (what this reading says)")
            return None
        parsed = self.clause_value(topic, fields["value"], join(path, "value"))
        source = self.source(fields["source"], join(path, "source")) if "source" in fields \
            else None
        if parsed is None or source is False:
            return None
        texts = {field: self.text(fields[field], join(path, field))
                 for field in ("quote", "note") if field in fields}
        return Reading(
            value=parsed[0], text=_written(parsed[1]), source=source or None,
            source_title=self.sources[source].title if source else None,
            line=node.start_mark.line + 1, column=node.start_mark.column + 1,
            **texts,  # type: ignore[arg-type]
        )


def _clash(clause: Clause, others: tuple | list) -> tuple[Clause, str] | None:
    """The clause already given that this one would contradict: two clauses on a topic in
    one block must each name their own parties (`by:`), none of them shared."""
    for other, key in others:
        if not (clause.by and other.by) or set(clause.by) & set(other.by):
            return other, key
    return None


def _written(raw: object) -> str:
    """The value as an author wrote it, in one line, for every output to show literally."""
    if isinstance(raw, list):
        return ", ".join(_written(item) for item in raw)
    if isinstance(raw, dict):
        return ", ".join(f"{key}: {_written(value)}" for key, value in raw.items())
    return "" if raw is None else str(raw)
