"""Turning a proposal file into a typed `Proposal`, reporting every problem with its place.

The loader walks the composed YAML nodes once: it checks each key against the format,
reads the clauses of the whole agreement, of each phase and of each option, and builds
the model straight from the nodes, so every message can name `file:line:col` and the
YAML path. A file's problems are all collected in one run.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import BinaryIO

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from proposals.clause_reader import ClauseReader, Scope, _clash
from proposals.limits import DEFAULT_LIMITS, Limits, collector_paused
from proposals.model import (
    FORMAT_VERSION,
    FORMAT_VERSIONS,
    Clause,
    Option,
    Phase,
    Proposal,
    Source,
    Status,
)
from proposals.names import actor_key, is_short_key, slug
from proposals.nodes import describe_node, join
from proposals.problems import InvalidProposal, Problem, Severity
from proposals.registry import registry
from proposals.suggestions import MOST_SUGGESTIONS, bounded
from proposals.timeline import (
    LONGEST_CHAIN,
    TimelineCycle,
    TimelineTooLong,
    build,
    off_calendar,
)
from proposals.timing import References, parse_when, resolve_when
from proposals.values import ValueProblem, duration_span
from proposals.yaml_source import SourceError, compose, read_text

TOP_KEYS = ("ceasefire", "party", "id", "title", "date", "round", "status", "amends", "sources",
            "sides", "phases", "options", "clauses")
SOURCE_KEYS = ("title", "publisher", "date", "url")
PHASE_KEYS = ("id", "label", "starts", "duration", "note", "clauses")
OPTION_KEYS = ("id", "label", "note", "clauses")

__all__ = ["Loaded", "load_proposal", "read_proposal", "read_string", "slug"]


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading one file gave: the proposal when it has no errors, and every problem."""

    proposal: Proposal | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def read_proposal(path: str | os.PathLike[str] | BinaryIO, limits: Limits = DEFAULT_LIMITS,
                  name: str | None = None) -> Loaded:
    """Read and check one file (or an open stream such as stdin), shown as `name` (default:
    the path); never raises for anything the file contains."""
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
        reader = _DocumentReader(name, limits)
        reader.problems.extend(document.problems)
        with bounded() as suggestions:
            proposal = reader.proposal(document.root)
    problems = tuple(sorted(reader.problems, key=lambda p: (p.line, p.column)))
    if suggestions.skipped:  # said once, after the problems it concerns
        problems += (Problem(name, 0, 0, f"suggestions stopped after the first "
                             f"{MOST_SUGGESTIONS} mistakes: {suggestions.skipped:,} more got "
                             "no 'did you mean'", severity=Severity.WARNING),)
    has_errors = any(p.is_error for p in problems)
    return Loaded(None if has_errors else proposal, problems)


def load_proposal(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Proposal:
    """The proposal in `path`; raises `InvalidProposal` with every error found."""
    loaded = read_proposal(path, limits)
    if loaded.proposal is None:
        raise InvalidProposal(loaded.errors)
    return loaded.proposal


class _DocumentReader(ClauseReader):
    """Reads the document: its header, sources, sides, phases, options and clauses."""

    def proposal(self, root: Node | None) -> Proposal | None:
        if root is None:
            self.report(None, "", "empty file: a proposal needs at least "
                        f"'ceasefire: {FORMAT_VERSION}', 'party:' and 'clauses:' (`ceasefire new` "
                        "writes a template)")
            return None
        entries = self.mapping(root, "", "a proposal (a mapping with ceasefire:, party:, clauses:)")
        if entries is None:
            return None
        fields: dict[str, object] = {}
        nodes = {key: value for key, _, value in entries}
        for key, key_node, value in entries:
            if key not in TOP_KEYS:
                self.unknown_key(key_node, "", key, TOP_KEYS)
        for key in ("ceasefire", "party"):
            if key not in nodes:
                self.report(root, "", f"missing required key {key!r}")
        if not {"clauses", "phases", "options"} & set(nodes):
            self.report(root, "", "missing required key 'clauses'")
        version = self.version(nodes["ceasefire"]) if "ceasefire" in nodes else None
        for key in ("party", "title", "round"):
            if key in nodes:
                fields[key] = self.text(nodes[key], key, required=key == "party")
        if "id" in nodes:
            fields["id"] = self.party_id(nodes["id"])
        if "date" in nodes:
            fields["date"] = self.date(nodes["date"], "date")
        if "status" in nodes:
            fields["status"] = self.enum(nodes["status"], "status", Status)
        if "amends" in nodes:
            fields["amends"] = self.flag(nodes["amends"], "amends")
            self.uses_format_2(nodes["amends"], "amends", "'amends:'")
        if "sources" in nodes:
            self.sources = self.read_sources(nodes["sources"])
        sides = self.sides(nodes["sides"]) if "sides" in nodes else {}
        self.references = References(registry(), self.phase_ids(nodes.get("phases")))
        clauses = self.clause_block(nodes["clauses"], Scope()) if "clauses" in nodes else []
        phases = self.phases(nodes["phases"]) if "phases" in nodes else ()
        options = self.options(nodes["options"], clauses) if "options" in nodes else ()
        if self.clause_count == 0 and not self.error_count:  # not one topic written anywhere
            at = nodes.get("clauses", root)
            self.report(at, "clauses", "no clauses: the proposal states no position",
                        severity=Severity.WARNING)
        if version == 1:
            for node, path, what in self.format_2:
                self.report(node, path, f"{what} is part of format 2: write 'ceasefire: 2' "
                            "at the top of the file")
        if self.error_count or not fields.get("party"):
            return None
        party = str(fields["party"])
        proposal = Proposal(
            version=version or FORMAT_VERSION,
            party=party,
            id=str(fields.get("id") or slug(party)),
            title=fields.get("title"),  # type: ignore[arg-type]
            date=fields.get("date"),  # type: ignore[arg-type]
            round=fields.get("round"),  # type: ignore[arg-type]
            status=fields.get("status") or Status.PROPOSED,  # type: ignore[arg-type]
            amends=bool(fields.get("amends")),
            sources=self.sources,
            sides=sides,
            actors=self.actors,
            phases=tuple(phase for phase, _ in phases),
            options=tuple(option for option, _ in options),
            clauses=(*clauses, *(c for _, block in phases for c in block),
                     *(c for _, block in options for c in block)),
            file=self.name,
        )
        return proposal if self.timelines_hold(proposal) else None

    def version(self, node: Node) -> int | None:
        value = node.value if isinstance(node, ScalarNode) else None
        if value in {str(v) for v in FORMAT_VERSIONS}:
            return int(value)  # type: ignore[arg-type]
        said = f"format version {value!r} is not supported" if value is not None else \
            f"the format version is a number, not {describe_node(node)}"
        self.report(node, "ceasefire", f"{said}: write 'ceasefire: {FORMAT_VERSION}'")
        return None

    def party_id(self, node: Node) -> str | None:
        value = self.text(node, "id", required=True)
        if value is not None and not is_short_key(value):
            self.report(node, "id", f"{value!r} is not a short key: use lower-case letters, "
                        f"digits, '-' and '_', e.g. {slug(value)!r}")
            return None
        return value

    def read_sources(self, node: Node) -> dict[str, Source]:
        entries = self.mapping(node, "sources", "a mapping of short source ids to sources")
        sources: dict[str, Source] = {}
        self.listed_sources.update(key for key, _, _ in entries or ())
        for key, _, value in entries or ():
            path = join("sources", key)
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
                field_path = join(path, field)
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

    def sides(self, node: Node) -> dict[str, str]:
        """The parties the agreement binds, by key: what `by: both sides` means."""
        self.uses_format_2(node, "sides", "'sides:'")
        names = self.string_list(node, "sides")
        sides: dict[str, str] = {}
        for name in names or ():
            key = actor_key(name)
            if not key:
                self.report(node, "sides", f"{name!r} names no party: write its name")
                continue
            sides[key] = " ".join(name.split())
            self.actors.setdefault(key, sides[key])
        if names is not None and len(sides) < 2:
            self.report(node, "sides", "name two or more sides (the parties the agreement binds)")
        return sides

    # --- phases and options -----------------------------------------------------------------

    def phase_ids(self, node: Node | None) -> tuple[str, ...]:
        """The ids of the phases, read ahead so that any time may refer to any phase."""
        if not isinstance(node, SequenceNode):
            return ()
        return tuple(value.value for item in node.value if isinstance(item, MappingNode)
                     for key, value in item.value
                     if isinstance(key, ScalarNode) and key.value == "id"
                     and isinstance(value, ScalarNode))

    def items(self, node: Node, path: str, what: str, keys: tuple[str, ...],
              ) -> list[tuple[int, Node, dict[str, Node], str]]:
        """The entries of a list of phases or options: (index, node, fields, id)."""
        self.uses_format_2(node, path, f"'{path}:'")
        found = []
        seen: dict[str, int] = {}
        for index, item in enumerate(self.sequence(node, path, what) or ()):
            at = f"{path}[{index}]"
            entries = self.mapping(item, at, what)
            if entries is None:
                continue
            fields: dict[str, Node] = {}
            for field, field_node, value in entries:
                if field not in keys:
                    self.unknown_key(field_node, at, field, keys)
                else:
                    fields[field] = value
            if "id" not in fields:
                self.report(item, at, "missing required key 'id' (a short key such as "
                            f"{path[:-1]}-{index + 1})")
                continue
            ident = self.text(fields["id"], join(at, "id"), required=True)
            if ident is None:
                continue
            if not is_short_key(ident):
                self.report(fields["id"], join(at, "id"), f"{ident!r} is not a short key: use "
                            f"lower-case letters, digits, '-' and '_', e.g. {slug(ident)!r}")
                continue
            if ident in seen:
                self.report(fields["id"], join(at, "id"), f"the id {ident!r} is already used by "
                            f"{path}[{seen[ident]}]")
                continue
            seen[ident] = index
            found.append((index, item, fields, ident))
        return found

    def phases(self, node: Node) -> tuple[tuple[Phase, list[Clause]], ...]:
        phases = []
        for index, item, fields, ident in self.items(
                node, "phases", "a phase (id:, label:, starts:, duration:, clauses:)", PHASE_KEYS):
            at = f"phases[{index}]"
            starts = None
            if "starts" in fields:
                text = self.text(fields["starts"], join(at, "starts"), required=True)
                if text is not None:
                    try:
                        starts = resolve_when(parse_when(text), self.references)
                    except ValueProblem as problem:
                        self.report(fields["starts"], join(at, "starts"), problem.message)
            duration = duration_text = None
            if "duration" in fields:
                duration_text = self.text(fields["duration"], join(at, "duration"), required=True)
                if duration_text is not None:
                    try:
                        duration = duration_span(duration_text)
                    except ValueProblem as problem:
                        self.report(fields["duration"], join(at, "duration"), problem.message)
            label = self.text(fields["label"], join(at, "label")) if "label" in fields else None
            note = self.text(fields["note"], join(at, "note")) if "note" in fields else None
            block = self.clause_block(fields["clauses"], Scope(phase=ident), index) \
                if "clauses" in fields else []
            phases.append((Phase(id=ident, label=label or ident, starts=starts, duration=duration,
                                 duration_text=duration_text, note=note,
                                 line=item.start_mark.line + 1, column=item.start_mark.column + 1),
                           block))
        return tuple(phases)

    def options(self, node: Node, whole: list[Clause]) -> tuple[tuple[Option, list[Clause]], ...]:
        items = self.items(node, "options", "an option (id:, label:, note:, clauses:)",
                           OPTION_KEYS)
        if isinstance(getattr(node, "value", None), list) and len(node.value) < 2:
            self.report(node, "options", "one option is no alternative: give two or more, or put "
                        "its clauses under 'clauses:'")
        options = []
        by_topic: dict[str, list[tuple[Clause, str]]] = {}  # one pass: options x whole is slow
        for clause in whole:
            by_topic.setdefault(clause.topic, []).append((clause, clause.written_topic))
        for index, item, fields, ident in items:
            at = f"options[{index}]"
            if "clauses" not in fields:
                self.report(item, at, "missing required key 'clauses' (what this option offers)")
                continue
            block = self.clause_block(fields["clauses"], Scope(option=ident), index)
            for clause in block:
                clash = _clash(clause, by_topic.get(clause.topic, ()))
                if clash is not None:
                    self.report_at(clause.line, clause.column,
                                   join(f"{at}.clauses", clause.written_topic),
                                   f"{clause.topic} is also given for the whole proposal (line "
                                   f"{clash[0].line}): an option cannot replace it; move it into "
                                   "each option, or keep it only at the top")
            label = self.text(fields["label"], join(at, "label")) if "label" in fields else None
            note = self.text(fields["note"], join(at, "note")) if "note" in fields else None
            options.append((Option(id=ident, label=label or ident, note=note,
                                   line=item.start_mark.line + 1,
                                   column=item.start_mark.column + 1), block))
        return tuple(options)

    def timelines_hold(self, proposal: Proposal) -> bool:
        """Whether every time can be placed: no chain of references runs in a circle, and
        nothing dated falls outside the calendar."""
        for option in [option.id for option in proposal.options] or [None]:
            try:
                late = off_calendar(proposal, build(proposal, option))
            except TimelineCycle as cycle:
                at = cycle.clause or cycle.phase
                path = (f"clauses.{cycle.clause.written_topic}.when" if cycle.clause
                        else f"phases.{cycle.phase.id}.starts")  # type: ignore[union-attr]
                self.report_at(at.line, at.column, path,  # type: ignore[union-attr]
                               "these times refer to each other in a circle: "
                               + " → ".join(cycle.chain))
                return False
            except TimelineTooLong as chain:
                at = chain.clause or chain.phase
                path = (f"clauses.{chain.clause.written_topic}.when" if chain.clause
                        else f"phases.{chain.phase.id}.starts")  # type: ignore[union-attr]
                self.report_at(at.line, at.column, path,  # type: ignore[union-attr]
                               f"{chain.first} is counted from this time through a chain of "
                               f"more than {LONGEST_CHAIN} times, each from the next: longer "
                               "chains are not followed")
                return False
            if late is not None:
                what, path = (f"phase {late.id!r}", f"phases.{late.id}") \
                    if isinstance(late, Phase) else ("this time", f"clauses.{late.topic}.when")
                self.report_at(late.line, late.column, path, f"{what} runs outside the "
                               "calendar (0001-01-01 to 9999-12-31) once it is counted from the "
                               "dates it follows: no date can name it")
                return False
        return True
