"""JSON: the versioned contract `ceasefire-diff/1` (docs/json.md), straight from the result.

Written as a stream: the document's frame, then the rows and the pairs a few hundred at a
time, so a report of a hundred thousand topics never exists twice in memory. The bytes
are exactly those of serialising the whole comparison at once.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from diffing.result import Comparison, Pair, Row

CHUNK = 500
Write = Callable[[bytes], Any]


@cache
def _adapter(kind: object):
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


def _dump(value: object, kind: object) -> bytes:
    """ASCII JSON: every other character, invisible and direction-changing ones included,
    is a `\\uXXXX` escape, so the output cannot reorder or hide text where it is shown.
    Open range ends (infinity) become null."""
    return _adapter(kind).dump_json(value, indent=2, by_alias=True, ensure_ascii=True)


def contract_schema() -> dict:
    """The JSON Schema of what `write` produces, from the result types themselves.

    Open range ends are written as null (JSON has no infinity), which the types alone
    cannot say: the span's bounds are widened to number-or-null here.
    """
    schema = _adapter(Comparison).json_schema(mode="serialization", by_alias=True)
    for bound in ("low", "high"):
        schema["$defs"]["Span"]["properties"][bound] = {
            "anyOf": [{"type": "number"}, {"type": "null"}],
            "description": "null when unbounded (an open end, indefinite, unlimited)",
        }
    schema["$id"] = "urn:ceasefire:diff:1"
    schema["title"] = "ceasefire diff, JSON output, format ceasefire-diff/1"
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
    head, _, tail = frame.rpartition(b'"pairs": []')
    head, _, middle = head.rpartition(b'"rows": []')
    write(head)
    _array(b'"rows": ', comparison.rows, list[Row], write)
    write(middle)
    _array(b'"pairs": ', comparison.pairs, list[Pair], write)
    write(tail + b"\n")


def render(comparison: Comparison) -> str:
    buffer = io.BytesIO()
    write(comparison, buffer.write)
    return buffer.getvalue().decode("ascii")
