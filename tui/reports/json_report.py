"""JSON: the versioned contract `ceasefire-diff/2` (docs/json.md), straight from the result.

Written as a stream: the document's frame, then the rows and the pairs a few hundred at a
time, so a report of a hundred thousand topics never exists twice in memory. The bytes
are exactly those of serialising the whole comparison at once.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from diffing.result import FORMAT, Comparison, Pair, Row

CHUNK = 500
Write = Callable[[bytes], Any]
VERSION = FORMAT.rsplit("/", 1)[1]


@cache
def _adapter(kind: object):
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


@cache
def _serializer(kind: object):
    """The adapter's serializer, except that sets are written sorted: JSON has no sets, and
    the same files must give the same bytes whatever order a set happens to iterate in."""
    from pydantic_core import SchemaSerializer, core_schema

    schema = copy.deepcopy(_adapter(kind).core_schema)
    for node in _set_schemas(schema):
        node["serialization"] = core_schema.plain_serializer_function_ser_schema(
            sorted, return_schema=core_schema.list_schema(node.get("items_schema")))
    return SchemaSerializer(schema)


def _set_schemas(node: object) -> list[dict]:
    """Every set or frozenset in a core schema."""
    if isinstance(node, dict):
        found = [node] if node.get("type") in ("set", "frozenset") else []
        return found + [n for value in node.values() for n in _set_schemas(value)]
    if isinstance(node, list):
        return [n for value in node for n in _set_schemas(value)]
    return []


def _dump(value: object, kind: object) -> bytes:
    """ASCII JSON: every other character, invisible and direction-changing ones included,
    is a `\\uXXXX` escape, so the output cannot reorder or hide text where it is shown.
    Open range ends (infinity) become null."""
    return _serializer(kind).to_json(value, indent=2, by_alias=True, ensure_ascii=True)


def contract_schema() -> dict:
    """The JSON Schema of what `write` produces, from the result types themselves.

    Two things the types alone cannot say are added: every field is always written (so
    every property is required), and open range ends are written as null (JSON has no
    infinity), so a span's bounds are number-or-null.
    """
    schema = _adapter(Comparison).json_schema(mode="serialization", by_alias=True)
    for bound in ("low", "high"):
        schema["$defs"]["Span"]["properties"][bound] = {
            "anyOf": [{"type": "number"}, {"type": "null"}],
            "description": "null when unbounded (an open end, indefinite, unlimited)",
        }
    for definition in (schema, *schema["$defs"].values()):
        if "properties" in definition:
            definition["required"] = list(definition["properties"])
    schema["$id"] = f"urn:ceasefire:diff:{VERSION}"
    schema["title"] = f"ceasefire diff, JSON output, format {FORMAT}"
    return schema


def _array(key: bytes, items: Sequence[Row] | Sequence[Pair], kind: object,
           write: Write) -> None:
    """`"key": [...]` at the document's second level, serialised a chunk at a time."""
    if not items:
        write(key + b"[]")
        return
    write(key + b"[\n")
    for start in range(0, len(items), CHUNK):
        chunk = _dump(list(items[start:start + CHUNK]), kind)
        inner = chunk[2:-2].replace(b"\n", b"\n  ")  # one level deeper than a bare list
        write((b",\n" if start else b"") + b"  " + inner)
    write(b"\n  ]")


def write(comparison: Comparison, write: Write) -> None:
    """Write the comparison's JSON, a newline at the end, through `write`."""
    frame = _dump(replace(comparison, rows=(), pairs=()), Comparison)
    head, _, tail = frame.partition(b'\n  "pairs": []')  # the document's own keys: indent 2
    head, _, middle = head.partition(b'\n  "rows": []')
    write(head + b"\n")
    _array(b'  "rows": ', comparison.rows, list[Row], write)
    write(middle + b"\n")
    _array(b'  "pairs": ', comparison.pairs, list[Pair], write)
    write(tail + b"\n")


def render(comparison: Comparison) -> str:
    buffer = io.BytesIO()
    write(comparison, buffer.write)
    return buffer.getvalue().decode("ascii")
