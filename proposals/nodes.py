"""Reading YAML nodes as a proposal's parts, collecting every problem with its place.

The node reader knows shapes (mappings without duplicate keys, text within the limits,
plain data for values) and how to report; the clause and document readers build on it.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from proposals.hidden import MOST_MARKS, combining_flood, describe, hidden_characters
from proposals.limits import Limits
from proposals.problems import Code, Problem, Severity
from proposals.spellings import calendar_day
from proposals.suggestions import suggest
from proposals.yaml_source import SAFE_TAGS, is_null

E = TypeVar("E", bound=Enum)


class NodeReader:
    """Walks one document's nodes, collecting problems instead of stopping at the first."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name = name
        self.limits = limits
        self.problems: list[Problem] = []

    # --- reporting ------------------------------------------------------------------------

    def report(self, node: Node | None, path: str, message: str, *,
               severity: Severity = Severity.ERROR, code: Code = Code.INVALID) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        self.problems.append(Problem(self.name, line, col, message, path, severity, code))

    def report_at(self, line: int, column: int, path: str, message: str) -> None:
        """An error at a place already known (a clause's key), not at a node in hand."""
        self.problems.append(Problem(self.name, line, column, message, path))

    @property
    def error_count(self) -> int:
        return sum(p.is_error for p in self.problems)

    # --- generic node shapes --------------------------------------------------------------

    def mapping(self, node: Node, path: str, what: str) -> list[tuple[str, Node, Node]] | None:
        """The (key, key node, value node) triples of a mapping; duplicate keys are errors."""
        if not isinstance(node, MappingNode):
            self.report(node, path, f"expected {what}, not {describe_node(node)}")
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
                self.report(key_node, join(path, key),
                            f"duplicate key {key!r}: also on line {first}; YAML would silently "
                            "keep only the last one, so keep one and delete the other")
                continue
            seen[key] = key_node
            entries.append((key, key_node, value_node))
        return entries

    def unknown_key(self, node: Node, path: str, key: str, known: tuple[str, ...]) -> None:
        hint = suggest(key, known) or f" (expected one of: {', '.join(known)})"
        self.report(node, join(path, key), f"unknown key {key!r}{hint}")

    def text(self, node: Node, path: str, *, required: bool = False) -> str | None:
        """A scalar as the author wrote it, checked for length and hidden characters."""
        if not isinstance(node, ScalarNode):
            self.report(node, path, f"expected text, not {describe_node(node)}")
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
        flood = combining_flood(value)
        if flood:
            self.report(node, path, f"{flood[1]:,} combining marks in a row from character "
                        f"{flood[0] + 1:,} (more than {MOST_MARKS} on one letter is a flood that "
                        "smears over the text around it): the text may read differently on "
                        "screen than in the file", severity=Severity.WARNING,
                        code=Code.HIDDEN_TEXT)

    def plain(self, node: Node, path: str, depth: int = 0) -> object:
        """Scalars as strings, lists and mappings as Python lists and dicts, within the limits."""
        if depth > self.limits.depth:
            raise TooDeep()
        if isinstance(node, ScalarNode):
            return self.text(node, path)
        if isinstance(node, SequenceNode):
            return [self.plain(item, f"{path}[{i}]", depth + 1) for i, item in enumerate(node.value)]
        entries = self.mapping(node, path, "a mapping") or []
        return {key: self.plain(value, join(path, key), depth + 1) for key, _, value in entries}

    def string_list(self, node: Node, path: str) -> tuple[str, ...] | None:
        if isinstance(node, ScalarNode):
            value = self.text(node, path)
            return (value,) if value else ()
        if not isinstance(node, SequenceNode):
            self.report(node, path, f"expected a list of text, not {describe_node(node)}")
            return None
        items = [self.text(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        return tuple(item for item in items if item)

    def date(self, node: Node, path: str) -> dt.date | None:
        value = self.text(node, path)
        if value is None:
            return None
        try:
            return calendar_day(value)
        except ValueError:
            self.report(node, path, f"{value!r} is not an ISO date such as 2025-06-02")
            return None

    def flag(self, node: Node, path: str) -> bool | None:
        """A yes-or-no field, written `true` or `false` (no other spelling: `no` is a word)."""
        if isinstance(node, ScalarNode) and node.value.strip().lower() in ("true", "false"):
            return node.value.strip().lower() == "true"
        self.report(node, path, f"write true or false, not {describe_node(node)}")
        return None

    def enum(self, node: Node, path: str, enum: type[E]) -> E | None:
        """A member of `enum` by its value, with a suggestion for a near miss; empty is an
        error (an empty `confidence:` once dropped its clause without a word)."""
        value = self.text(node, path, required=True)
        if value is None:
            return None
        try:
            return enum(value.strip().lower())
        except ValueError:
            words = tuple(member.value for member in enum)
            hint = suggest(value, words) or f" (one of: {', '.join(words)})"
            self.report(node, path, f"{value!r} is not a {path.rsplit('.', 1)[-1]}{hint}")
            return None

    def sequence(self, node: Node, path: str, what: str) -> list[Node] | None:
        """The items of a list, or None once a node of another shape is reported."""
        if not isinstance(node, SequenceNode):
            self.report(node, path, f"expected {what}, not {describe_node(node)}")
            return None
        return list(node.value)


class TooDeep(Exception):
    """A value nested past the depth limit."""


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def describe_node(node: Node | None) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    if node is None or is_null(node):
        return "nothing"
    return f"{node.value!r}"
