"""JSON: the versioned contract `ceasefire-diff/2` (docs/json.md), straight from the result.

Written as a stream: the document's frame, then the rows and the pairs a few hundred at a
time, so a report of a hundred thousand topics never exists twice in memory. The bytes
are exactly those of serialising the whole comparison at once.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from diffing.result import FORMAT, Comparison, Pair, Row, Summary

CHUNK = 500
Write = Callable[[bytes], Any]
VERSION = FORMAT.rsplit("/", 1)[1]


@cache
def _adapter(kind: object):
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


def _by_alias(kind: type) -> None:
    """Let the encoder write `kind` by its fields' aliases. pydantic_core writes a plain
    dataclass by its field names; a record whose JSON key is not a Python name (Summary's
    `one-sided`, the status it counts) carries a serializer of its own, built once."""
    from pydantic_core import SchemaSerializer
    from pydantic_core import core_schema as cs

    fields = dataclasses.fields(kind)
    arguments = [cs.dataclass_field(f.name, cs.any_schema(),
                                    serialization_alias=f.metadata.get("alias"))
                 for f in fields]
    kind.__pydantic_serializer__ = SchemaSerializer(  # type: ignore[attr-defined]
        cs.dataclass_schema(kind, cs.dataclass_args_schema(kind.__name__, arguments),
                            [f.name for f in fields]))


def _dump(value: object) -> bytes:
    """ASCII JSON: every other character, invisible and direction-changing ones included,
    is a `\\uXXXX` escape, so the output cannot reorder or hide text where it is shown.
    Records are written field by field, enums by value, open range ends (infinity) as
    null. pydantic_core's encoder needs no schema for that: pydantic itself is loaded
    only for the contract's schema."""
    from pydantic_core import to_json

    if not hasattr(Summary, "__pydantic_serializer__"):
        _by_alias(Summary)
    return to_json(value, indent=2, ensure_ascii=True, inf_nan_mode="null")


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


def _array(key: bytes, items: Sequence[Row] | Sequence[Pair], write: Write) -> None:
    """`"key": [...]` at the document's second level, serialised a chunk at a time."""
    if not items:
        write(key + b"[]")
        return
    write(key + b"[\n")
    for start in range(0, len(items), CHUNK):
        chunk = _dump(list(items[start:start + CHUNK]))
        inner = chunk[2:-2].replace(b"\n", b"\n  ")  # one level deeper than a bare list
        write((b",\n" if start else b"") + b"  " + inner)
    write(b"\n  ]")


def write(comparison: Comparison, write: Write) -> None:
    """Write the comparison's JSON, a newline at the end, through `write`."""
    frame = _dump(replace(comparison, rows=(), pairs=()))
    head, _, tail = frame.partition(b'\n  "pairs": []')  # the document's own keys: indent 2
    head, _, middle = head.partition(b'\n  "rows": []')
    write(head + b"\n")
    _array(b'  "rows": ', comparison.rows, write)
    write(middle + b"\n")
    _array(b'  "pairs": ', comparison.pairs, write)
    write(tail + b"\n")


def render(comparison: Comparison) -> str:
    buffer = io.BytesIO()
    write(comparison, buffer.write)
    return buffer.getvalue().decode("ascii")
