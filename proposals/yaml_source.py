"""From a path to a composed YAML node tree, safely, with every failure as a `Problem`.

Only composition happens here: YAML nodes keep their line and column, so the
loader can point at any value, and no constructor ever runs, so no tag can build
an object. Anchors and aliases are checked for cycles and expansion size before
anything walks the tree.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from proposals.limits import Limits
from proposals.problems import Code, Problem

# The base loader resolves no implicit types: every plain scalar is text, as the loader
# wants it (it parses each value by its topic's kind), and composing skips YAML 1.1's
# regular-expression typing of every scalar, the largest cost of reading a big file.
BASE_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
YAML_TAG = "tag:yaml.org,2002:"
NULL_TAG = YAML_TAG + "null"
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
SAFE_TAGS = frozenset(
    YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "value")
)


def is_null(node: Node) -> bool:
    """An empty value: `key:`, `~` or `null` written plainly, or an explicit `!!null`."""
    if node.tag == NULL_TAG:
        return True
    return isinstance(node, ScalarNode) and not node.style and node.value in NULL_WORDS


class SourceError(Exception):
    """A file that cannot become a node tree; carries the one problem that says why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Document:
    """A composed file: its root node (None when empty) and the tags it was refused for.

    Nodes with a refused tag stay in the tree; readers skip them, so the rest of the
    file is still checked in the same run.
    """

    name: str
    root: Node | None
    problems: tuple[Problem, ...] = ()


def read_text(source: str | os.PathLike[str] | BinaryIO, limits: Limits,
              name: str | None = None) -> str:
    """The text of a file (or of an open stream, such as stdin), refusing what is missing,
    too large, binary or not UTF-8; problems name it as `name` (default: the path)."""
    name = name or str(source)

    def fail(message: str, code: Code = Code.UNREADABLE) -> SourceError:
        return SourceError(Problem(name, 0, 0, message, code=code))  # the whole file

    try:
        if isinstance(source, (str, os.PathLike)):
            if Path(source).is_dir():
                raise fail("is a directory, not a proposal file")
            with open(source, "rb") as handle:
                data = handle.read(limits.file_bytes + 1)
        else:
            data = source.read(limits.file_bytes + 1)
    except FileNotFoundError:
        raise fail("no such file") from None
    except PermissionError:
        raise fail("permission denied") from None
    except OSError as error:
        raise fail(f"cannot read: {error.strerror or error}") from None
    if len(data) > limits.file_bytes:
        raise fail(
            f"file is larger than the limit of {limits.file_bytes:,} bytes "
            f"(raise it with --limit file_bytes=N)",
            Code.LIMIT,
        )
    return decode(data, name)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is refused with its place."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceError(Problem(name, 1, 1, "not valid UTF-16", code=Code.ENCODING)) from None
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = _line_col(data, nul)
        raise SourceError(
            Problem(name, line, col, "binary file (NUL byte): not a YAML proposal", code=Code.ENCODING)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, col = _line_col(data, error.start)
        byte = data[error.start]
        raise SourceError(
            Problem(name, line, col, f"not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8",
                    code=Code.ENCODING)
        ) from None


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


class _Unresolved:
    """A base loader's resolver without the asking: it resolves no implicit type and
    follows no path, so every node takes its kind's default tag. PyYAML asks its resolver
    three times a node, a fifth of composing a large file; here a look-up answers."""

    def resolve(self, kind: type[Node], value: object, implicit: object) -> str:
        return DEFAULT_TAGS[kind]

    def descend_resolver(self, current_node: Node | None, current_index: object) -> None:
        """No path resolver to follow."""

    def ascend_resolver(self) -> None:
        """No path resolver to follow."""


DEFAULT_TAGS = {ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG,
                SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
                MappingNode: BaseResolver.DEFAULT_MAPPING_TAG}


@cache
def composer(loader: type) -> type:
    """`loader` (a base loader, C or pure Python) composing with `_Unresolved`."""
    return type(f"Unresolved{loader.__name__}", (_Unresolved, loader), {})


def compose(text: str, name: str, limits: Limits) -> Document:
    """Compose one YAML document, checked for unsafe tags and alias bombs."""
    loader = None
    try:
        # the pure-Python reader already checks characters here
        loader = composer(BASE_LOADER)(text)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        raise SourceError(_syntax_problem(error, text, name)) from None
    except yaml.YAMLError as error:  # ReaderError: a character YAML does not allow
        raise SourceError(_reader_problem(error, text, name)) from None
    except RecursionError:
        raise SourceError(Problem(name, 1, 1, "nested too deeply for the YAML reader: "
                                  "not a proposal", code=Code.LIMIT)) from None
    finally:
        if loader is not None:
            loader.dispose()
    problems: tuple[Problem, ...] = ()
    if root is not None and ("&" in text or "!" in text):
        problems = _check_graph(root, name, limits)
    return Document(name=name, root=root, problems=problems)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    tab = _indenting_tab(text, mark.line) if mark else None
    if tab is not None:  # the parser's words ("cannot start any token") never say "tab"
        return Problem(name, mark.line + 1, tab + 1, "not valid YAML: a tab in indentation: "
                       "YAML indents with spaces", code=Code.SYNTAX)
    reason = " ".join(part for part in (error.context, error.problem) if part) or "not valid YAML"
    if "single document" in reason:
        reason = "more than one YAML document ('---'): put one proposal in each file"
    elif "nesting depth" in reason:
        return Problem(name, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                       "nested more than 1,000 levels deep, past what the YAML reader "
                       "allows: not a proposal", code=Code.LIMIT)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(name, line, col, f"not valid YAML: {reason}", code=Code.SYNTAX)


def _indenting_tab(text: str, line: int) -> int | None:
    """The column (from 0) of the first tab in the indentation of `line`, if any."""
    lines = text.splitlines()
    if line >= len(lines):
        return None
    written = lines[line]
    indent = written[: len(written) - len(written.lstrip(" \t"))]
    return indent.index("\t") if "\t" in indent else None


def _reader_problem(error: yaml.YAMLError, text: str, name: str) -> Problem:
    """A character YAML forbids, named and placed by finding it in the text (libyaml
    reports a byte offset, which is wrong after any non-ASCII character)."""
    char = getattr(error, "character", None)
    if isinstance(char, int):
        char = chr(char)
    position = text.find(char) if isinstance(char, str) and char else -1
    if position < 0:
        position = min(getattr(error, "position", 0) or 0, len(text))
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    what = f"U+{ord(char):04X}" if isinstance(char, str) and char else "a character"
    return Problem(name, line, col, f"{what} is not allowed in YAML (a control character); "
                   "remove it or write it as an escape in a double-quoted string",
                   code=Code.SYNTAX)


def _check_graph(root: Node, name: str, limits: Limits) -> tuple[Problem, ...]:
    """Refuse recursive aliases and aliases that expand past the limit; list refused tags.

    Sizes are memoised per node, so even a billion-laughs file costs one pass over
    the nodes actually written, never the expansion.
    """
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    refused: list[Problem] = []
    stack: list[tuple[Node, bool]] = [(root, False)]  # explicit: no recursion to overflow
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            in_progress.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:
            continue
        if key in in_progress:
            raise SourceError(Problem(name, node.start_mark.line + 1, node.start_mark.column + 1,
                                      "an alias refers to its own anchor (a recursive structure)",
                                      code=Code.UNSAFE))
        if node.tag not in SAFE_TAGS:
            refused.append(_tag_problem(node, name))
        in_progress.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    if sizes[id(root)] - len(sizes) > limits.alias_nodes:
        raise SourceError(Problem(
            name, root.start_mark.line + 1, root.start_mark.column + 1,
            f"aliases expand to more than {limits.alias_nodes:,} extra nodes (an alias bomb?); "
            "raise the limit with --limit alias_nodes=N if the file is trusted",
            code=Code.LIMIT,
        ))
    return tuple(refused)


def _tag_problem(node: Node, name: str) -> Problem:
    tag = node.tag
    shown = "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag
    why = "it could construct objects" if "python" in tag else "proposals use plain YAML only"
    return Problem(name, node.start_mark.line + 1, node.start_mark.column + 1,
                   f"tag {shown} is not allowed: {why}", code=Code.UNSAFE)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []

