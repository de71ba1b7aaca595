"""Turning a proposal file into a typed `Proposal`, reporting every problem with its place.

The loader walks the composed YAML nodes once: it checks each key against the
format, parses each clause by its topic's kind, and builds the model straight from
the nodes, so every message can name `file:line:col` and the YAML path. A file's
problems are all collected in one run.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from proposals.hidden import describe, hidden_characters
from proposals.limits import DEFAULT_LIMITS, Limits, collector_paused
from proposals.model import (
    FORMAT_VERSION,
    Clause,
    Confidence,
    Kind,
    Proposal,
    Source,
    Status,
    Value,
)
from proposals.problems import Code, InvalidProposal, Problem, Severity
from proposals.registry import CUSTOM_PREFIX, Topic, custom_topic, registry
from proposals.values import ValueProblem, parse_value, suggest
from proposals.yaml_source import SAFE_TAGS, SourceError, compose, is_null, read_text

TOP_KEYS = ("ceasefire", "party", "id", "title", "date", "round", "status", "sources", "clauses")
CLAUSE_KEYS = ("value", "source", "confidence", "quote", "note", "conditions", "by", "kind", "label")
SOURCE_KEYS = ("title", "publisher", "date", "url")
RANGE_KEYS = frozenset({"min", "max", "unit"})
CUSTOM_KEY = re.compile(r"^x\.[a-z0-9][a-z0-9_.\-]*$")


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading one file gave: the proposal when it has no errors, and every problem."""

    proposal: Proposal | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def slug(text: str) -> str:
    """The default `id` of a party: `European Union (E3)` -> `european-union-e3`."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "party"


def read_proposal(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS,
                  name: str | None = None) -> Loaded:
    """Read and check one file, shown as `name` (default: the path); never raises for
    anything the file contains."""
    shown = name or str(path)
    try:
        text = read_text(path, limits, shown)
    except SourceError as error:
        return Loaded(None, (error.problem,))
    return read_string(text, shown, limits)


def read_string(text: str, name: str, limits: Limits = DEFAULT_LIMITS) -> Loaded:
    """Check YAML text as if it were a file called `name`."""
    with collector_paused():
        try:
            document = compose(text, name, limits)
        except SourceError as error:
            return Loaded(None, (error.problem,))
        reader = _Reader(name, limits)
        reader.problems.extend(document.problems)
        proposal = reader.proposal(document.root)
    problems = tuple(sorted(reader.problems, key=lambda p: (p.line, p.column)))
    has_errors = any(p.is_error for p in problems)
    return Loaded(None if has_errors else proposal, problems)


def load_proposal(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Proposal:
    """The proposal in `path`; raises `InvalidProposal` with every error found."""
    loaded = read_proposal(path, limits)
    if loaded.proposal is None:
        raise InvalidProposal(loaded.errors)
    return loaded.proposal


class _Reader:
    """Walks one document's nodes, collecting problems instead of stopping at the first."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.problems: list[Problem] = []
        self.listed_sources: set[str] = set()  # every id under sources:, valid or not

    # --- reporting ------------------------------------------------------------------------

    def report(self, node: Node | None, path: str, message: str, *,
               severity: Severity = Severity.ERROR, code: Code = Code.INVALID) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        self.problems.append(Problem(self.name, line, col, message, path, severity, code))

    @property
    def error_count(self) -> int:
        return sum(p.is_error for p in self.problems)

    # --- generic node shapes --------------------------------------------------------------

    def mapping(self, node: Node, path: str, what: str) -> list[tuple[str, Node, Node]] | None:
        """The (key, key node, value node) triples of a mapping; duplicate keys are errors."""
        if not isinstance(node, MappingNode):
            self.report(node, path, f"expected {what}, not {_describe(node)}")
            return None
        seen: dict[str, Node] = {}
        entries = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.report(key_node, path, "a key must be a plain word, not a list or mapping")
                continue
            key = key_node.value
            if key in seen:
                first = seen[key].start_mark.line + 1
                self.report(key_node, _join(path, key),
                            f"duplicate key {key!r}: also on line {first}; YAML would silently "
                            "keep only the last one, so keep one and delete the other")
                continue
            seen[key] = key_node
            entries.append((key, key_node, value_node))
        return entries

    def unknown_key(self, node: Node, path: str, key: str, known: tuple[str, ...]) -> None:
        hint = suggest(key, known) or f" (expected one of: {', '.join(known)})"
        self.report(node, _join(path, key), f"unknown key {key!r}{hint}")

    def text(self, node: Node, path: str, *, required: bool = False) -> str | None:
        """A scalar as the author wrote it, checked for length and hidden characters."""
        if not isinstance(node, ScalarNode):
            self.report(node, path, f"expected text, not {_describe(node)}")
            return None
        if node.tag not in SAFE_TAGS:
            return None  # refused when the file was composed
        if is_null(node):
            if required:
                self.report(node, path, "is empty")
            return None
        value = node.value
        if len(value) > self.limits.string_chars:
            self.report(node, path, f"text is longer than the limit of {self.limits.string_chars:,} "
                        "characters (raise it with --limit string_chars=N)", code=Code.LIMIT)
            return None
        self.check_hidden(node, path, value)
        if required and not value.strip():
            self.report(node, path, "is empty")
            return None
        return value

    def check_hidden(self, node: Node, path: str, value: str) -> None:
        found = hidden_characters(value)
        if found:
            names = ", ".join(sorted({describe(char) for _, char in found}))
            self.report(node, path, f"contains invisible or direction-changing characters "
                        f"({names}): the text may read differently on screen than in the file",
                        severity=Severity.WARNING, code=Code.HIDDEN_TEXT)

    def plain(self, node: Node, path: str, depth: int = 0) -> object:
        """Scalars as strings, lists and mappings as Python lists and dicts, within the limits."""
        if depth > self.limits.depth:
            raise _TooDeep()
        if isinstance(node, ScalarNode):
            return self.text(node, path)
        if isinstance(node, SequenceNode):
            return [self.plain(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(node.value)]
        entries = self.mapping(node, path, "a mapping") or []
        return {key: self.plain(value, _join(path, key), depth + 1) for key, _, value in entries}

    # --- the document ---------------------------------------------------------------------

    def proposal(self, root: Node | None) -> Proposal | None:
        if root is None:
            self.report(None, "", "empty file: a proposal needs at least 'ceasefire: 1', "
                        "'party:' and 'clauses:' (`ceasefire new` writes a template)")
            return None
        entries = self.mapping(root, "", "a proposal (a mapping with ceasefire:, party:, clauses:)")
        if entries is None:
            return None
        fields: dict[str, object] = {}
        nodes = {key: value for key, _, value in entries}
        for key, key_node, value in entries:
            if key not in TOP_KEYS:
                self.unknown_key(key_node, "", key, TOP_KEYS)
        for key in ("ceasefire", "party", "clauses"):
            if key not in nodes:
                self.report(root, "", f"missing required key {key!r}")
        if "ceasefire" in nodes:
            self.version(nodes["ceasefire"])
        for key in ("party", "title", "round"):
            if key in nodes:
                fields[key] = self.text(nodes[key], key, required=key == "party")
        if "id" in nodes:
            fields["id"] = self.party_id(nodes["id"])
        if "date" in nodes:
            fields["date"] = self.date(nodes["date"], "date")
        if "status" in nodes:
            fields["status"] = self.enum(nodes["status"], "status", Status)
        sources = self.sources(nodes["sources"]) if "sources" in nodes else {}
        clauses = self.clauses(nodes["clauses"], sources) if "clauses" in nodes else ()
        if self.error_count or not fields.get("party"):
            return None
        party = str(fields["party"])
        return Proposal(
            party=party,
            id=str(fields.get("id") or slug(party)),
            title=fields.get("title"),  # type: ignore[arg-type]
            date=fields.get("date"),  # type: ignore[arg-type]
            round=fields.get("round"),  # type: ignore[arg-type]
            status=fields.get("status") or Status.PROPOSED,  # type: ignore[arg-type]
            sources=sources,
            clauses=clauses,
            file=self.name,
        )

    def version(self, node: Node) -> None:
        value = node.value if isinstance(node, ScalarNode) else None
        if value != str(FORMAT_VERSION):
            said = f"format version {value!r} is not supported" if value is not None else \
                f"the format version is a number, not {_describe(node)}"
            self.report(node, "ceasefire", f"{said}: write 'ceasefire: {FORMAT_VERSION}'")

    def party_id(self, node: Node) -> str | None:
        value = self.text(node, "id", required=True)
        if value is not None and not re.fullmatch(r"[a-z0-9][a-z0-9_\-]*", value):
            self.report(node, "id", f"{value!r} is not a short key: use lower-case letters, "
                        f"digits, '-' and '_', e.g. {slug(value)!r}")
            return None
        return value

    def date(self, node: Node, path: str) -> dt.date | None:
        value = self.text(node, path)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            self.report(node, path, f"{value!r} is not an ISO date such as 2025-06-02")
            return None

    def enum(self, node: Node, path: str, enum: type[Status] | type[Confidence]):
        """A member of `enum` by its value, with a suggestion for a near miss."""
        value = self.text(node, path)
        if value is None:
            return None
        try:
            return enum(value.strip().lower())
        except ValueError:
            words = tuple(member.value for member in enum)
            hint = suggest(value, words) or f" (one of: {', '.join(words)})"
            self.report(node, path, f"{value!r} is not a {path.rsplit('.', 1)[-1]}{hint}")
            return None

    def sources(self, node: Node) -> dict[str, Source]:
        entries = self.mapping(node, "sources", "a mapping of short source ids to sources")
        sources: dict[str, Source] = {}
        self.listed_sources.update(key for key, _, _ in entries or ())
        for key, _, value in entries or ():
            path = _join("sources", key)
            if isinstance(value, ScalarNode):  # shorthand: id: Title of the source
                title = self.text(value, path, required=True)
                if title:
                    sources[key] = Source(title=title)
                continue
            fields = self.mapping(value, path, "a source (title:, publisher:, date:, url:)")
            if fields is None:
                continue
            data: dict[str, object] = {}
            for field, field_node, field_value in fields:
                field_path = _join(path, field)
                if field not in SOURCE_KEYS:
                    self.unknown_key(field_node, path, field, SOURCE_KEYS)
                elif field == "date":
                    data["date"] = self.date(field_value, field_path)
                else:
                    data[field] = self.text(field_value, field_path, required=field == "title")
            if "title" not in data:
                self.report(value, path, "missing required key 'title'")
            elif data["title"]:
                sources[key] = Source(**data)  # type: ignore[arg-type]
        return sources

    def clauses(self, node: Node, sources: dict[str, Source]) -> tuple[Clause, ...]:
        entries = self.mapping(node, "clauses", "a mapping of topics to clauses")
        if entries is None:
            return ()
        if len(entries) > self.limits.clauses:
            self.report(node, "clauses", f"{len(entries):,} clauses is more than the limit of "
                        f"{self.limits.clauses:,} (raise it with --limit clauses=N)", code=Code.LIMIT)
            return ()
        clauses: list[Clause] = []
        taken: dict[str, tuple[str, int]] = {}
        for key, key_node, value in entries:
            clause = self.clause(key, key_node, value, sources)
            if clause is None:
                continue
            if clause.topic in taken:
                other, line = taken[clause.topic]
                self.report(key_node, _join("clauses", key),
                            f"{key!r} is the topic {clause.topic!r}, already given as {other!r} "
                            f"on line {line}; keep one")
                continue
            taken[clause.topic] = (key, key_node.start_mark.line + 1)
            clauses.append(clause)
        if not entries:
            self.report(node, "clauses", "no clauses: the proposal states no position",
                        severity=Severity.WARNING)
        return tuple(clauses)

    def clause(self, key: str, key_node: Node, node: Node, sources: dict[str, Source]) -> Clause | None:
        path = _join("clauses", key)
        fields = self.clause_fields(node, path)
        if fields is None:
            return None
        topic = self.topic(key, key_node, fields, path)
        if topic is None:
            return None
        details = self.clause_details(fields, path, sources)  # checked even if the value fails
        if "value" not in fields:
            self.report(node, path, "missing 'value:' (the position itself)")
            return None
        value_node = fields["value"]
        parsed = self.clause_value(topic, value_node, path if value_node is node else
                                   _join(path, "value"))
        if parsed is None or details is None:
            return None
        value, raw = parsed
        return Clause(
            topic=topic.key,
            written_topic=key,
            kind=topic.kind,
            label=topic.label,
            value=value,
            text=_written(raw),
            line=key_node.start_mark.line + 1,
            column=key_node.start_mark.column + 1,
            **details,
        )

    def clause_value(self, topic: Topic, node: Node, path: str) -> tuple[Value, object] | None:
        """The parsed value and the raw data it came from, or None once the problem is reported."""
        if node.tag not in SAFE_TAGS:
            return None  # refused when the file was composed
        errors_before = self.error_count
        try:
            raw = self.plain(node, path)
        except _TooDeep:
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
        if keys & RANGE_KEYS and not keys & set(CLAUSE_KEYS):
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
            for extra, extra_node in (("kind", kind_node), ("label", label_node)):
                if extra_node is not None:
                    self.report(extra_node, _join(path, extra), f"{extra!r} is set by the registry "
                                f"for {topic.key} ({topic.kind.value}); remove it")
            return topic
        if not CUSTOM_KEY.match(key):
            self.report(key_node, path, f"custom topic {key!r}: write x. then lower-case letters, "
                        "digits and '_', e.g. x.nuclear_plant")
            return None
        if kind_node is None:
            kinds = ", ".join(k.value for k in Kind)
            self.report(key_node, path, f"custom topic {key!r} needs 'kind:' ({kinds}) and 'value:'")
            return None
        kind = self.text(kind_node, _join(path, "kind"))
        if kind is None:
            return None  # not text: already reported
        try:
            kind_value = Kind((kind or "").strip().lower())
        except ValueError:
            words = tuple(k.value for k in Kind)
            self.report(kind_node, _join(path, "kind"), f"{kind!r} is not a kind"
                        + (suggest(kind or "", words) or f" (one of: {', '.join(words)})"))
            return None
        label = self.text(label_node, _join(path, "label")) if label_node is not None else None
        return custom_topic(key, kind_value, label)

    def clause_details(self, fields: dict[str, Node], path: str,
                       sources: dict[str, Source]) -> dict[str, object] | None:
        details: dict[str, object] = {}
        ok = True
        for field in ("quote", "note", "by"):
            if field in fields:
                details[field] = self.text(fields[field], _join(path, field))
        if "source" in fields:
            source = self.text(fields["source"], _join(path, "source"))
            if source is not None and source not in sources and source in self.listed_sources:
                ok = False  # listed, but the entry itself has an error, reported at its place
            elif source is not None and source not in sources:
                known = tuple(sources)
                hint = suggest(source, known) or (
                    f" (known: {', '.join(known)})" if known else " (the file has no 'sources:')")
                self.report(fields["source"], _join(path, "source"),
                            f"source {source!r} is not listed under 'sources:'{hint}")
                ok = False
            details["source"] = source
            if source in sources:
                details["source_title"] = sources[source].title
        if "confidence" in fields:
            confidence = self.enum(fields["confidence"], _join(path, "confidence"), Confidence)
            ok = ok and confidence is not None
            if confidence is not None:
                details["confidence"] = confidence
        if "conditions" in fields:
            conditions = self.string_list(fields["conditions"], _join(path, "conditions"))
            ok = ok and conditions is not None
            details["conditions"] = conditions or ()
        return details if ok else None

    def string_list(self, node: Node, path: str) -> tuple[str, ...] | None:
        if isinstance(node, ScalarNode):
            value = self.text(node, path)
            return (value,) if value else ()
        if not isinstance(node, SequenceNode):
            self.report(node, path, f"expected a list of text, not {_describe(node)}")
            return None
        items = [self.text(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        return tuple(item for item in items if item)


class _TooDeep(Exception):
    """A value nested past the depth limit."""


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _describe(node: Node | None) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    if node is None or is_null(node):
        return "nothing"
    return f"{node.value!r}"


def _written(raw: object) -> str:
    """The value as an author wrote it, in one line, for every output to show literally."""
    if isinstance(raw, list):
        return ", ".join(_written(item) for item in raw)
    if isinstance(raw, dict):
        return ", ".join(f"{key}: {_written(value)}" for key, value in raw.items())
    return "" if raw is None else str(raw)

