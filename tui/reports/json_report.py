"""JSON: the versioned contract `ceasefire-diff/2` (docs/json.md), straight from the result.

Written as a stream (`stream`, shared with `ceasefire history`'s contract): field by field,
the rows and the pairs a few hundred at a time, so a report of a hundred thousand topics
never exists twice in memory. The bytes are exactly those of serialising the whole
comparison at once.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, get_args, get_origin, get_type_hints

from diffing.result import FORMAT, Comparison

CHUNK = 500
Write = Callable[[bytes], Any]
VERSION = FORMAT.rsplit("/", 1)[1]


@cache
def _adapter(kind: object):
    from pydantic import TypeAdapter

    return TypeAdapter(kind)


@cache
def _compiled(kind: type) -> None:
    """Give every record and enum `kind` holds a serializer of its own: pydantic_core writes
    an object of a type without one by inferring its type each time it meets it (an enum
    member alone about 1 µs, a tenth of what the whole report costs). A record is written
    field by field by its fields' aliases (Summary's `one-sided`, the status it counts), a
    str enum by its value: the same bytes as inferred, built once per type."""
    for found in _reachable(kind, set()):
        if not hasattr(found, "__pydantic_serializer__"):
            found.__pydantic_serializer__ = _serializer(found)  # type: ignore[attr-defined]


def _reachable(kind: object, seen: set[type]) -> set[type]:
    """The records and str enums `kind` is or holds, through its fields' types."""
    if isinstance(kind, type) and get_origin(kind) is None and kind not in seen and (
            dataclasses.is_dataclass(kind) or issubclass(kind, Enum) and issubclass(kind, str)):
        seen.add(kind)
        if dataclasses.is_dataclass(kind):
            for hint in get_type_hints(kind).values():
                _reachable(hint, seen)
    for argument in get_args(kind):
        _reachable(argument, seen)
    return seen


def _serializer(kind: type) -> object:
    from pydantic_core import SchemaSerializer
    from pydantic_core import core_schema as cs

    if issubclass(kind, Enum):
        return SchemaSerializer(cs.enum_schema(kind, list(kind), sub_type="str"))
    fields = dataclasses.fields(kind)
    arguments = [cs.dataclass_field(f.name, cs.any_schema(),
                                    serialization_alias=f.metadata.get("alias"))
                 for f in fields]
    return SchemaSerializer(cs.dataclass_schema(
        kind, cs.dataclass_args_schema(kind.__name__, arguments), [f.name for f in fields]))


def _dump(value: object) -> bytes:
    """ASCII JSON with no control character: every other character, invisible and
    direction-changing ones included, and DEL (ASCII, so pydantic_core leaves it raw, where
    Python's json escapes it) is a `\\uXXXX` escape, so the output cannot reorder or hide
    text where it is shown.
    Records are written field by field, enums by value, open range ends (infinity) as
    null. pydantic_core's encoder needs no schema for that: pydantic itself is loaded
    only for the contract's schema."""
    _compiled(Comparison)  # a bare chunk of rows or pairs holds its records too
    _compiled(type(value))
    return _encoder()(value, indent=2, ensure_ascii=True, inf_nan_mode="null").replace(
        b"\x7f", b"\\u007f")  # only inside strings: JSON's own syntax has no DEL


@cache
def _encoder() -> Callable[..., bytes]:
    """pydantic_core's `to_json`, first run with signals held: the first time it infers a
    type it imports uuid (and decimal, ipaddress), and a stop raised by a signal inside
    that import makes its Rust code panic and print a backtrace instead of exiting
    quietly with 128 + the signal. Held, the signal is taken once the import is done."""
    from pydantic_core import to_json

    from tui.stopping import held

    with held():
        to_json(0)
    return to_json


def contract_schema() -> dict:
    """The JSON Schema of what `write` produces, from the result types themselves."""
    return schema_of(Comparison, f"urn:ceasefire:diff:{VERSION}",
                     f"ceasefire diff, JSON output, format {FORMAT}")


def schema_of(kind: type, ident: str, title: str) -> dict:
    """The JSON Schema of a result type as `stream` writes it.

    Two things the types alone cannot say are added: every field is always written (so
    every property is required), and open range ends are written as null (JSON has no
    infinity), so a span's bounds are number-or-null.
    """
    schema = _adapter(kind).json_schema(mode="serialization", by_alias=True)
    for bound in ("low", "high"):
        schema["$defs"]["Span"]["properties"][bound] = {
            "anyOf": [{"type": "number"}, {"type": "null"}],
            "description": "null when unbounded (an open end, indefinite, unlimited)",
        }
    for definition in (schema, *schema["$defs"].values()):
        if "properties" in definition:
            definition["required"] = list(definition["properties"])
    schema["$id"] = ident
    schema["title"] = title
    return schema


def stream(value: object, write: Write, opened: tuple[type, ...], indent: bytes = b"") -> None:
    """Write `value` as `_dump` would, in pieces: a record of an `opened` type field by
    field, and a sequence among its fields item by item (opened records) or a chunk at a
    time, so nothing larger than a chunk is ever serialised at once. `indent` is the
    indentation of the line `value` starts on."""
    _compiled(type(value))
    if isinstance(value, opened):
        write(b"{\n")
        for number, f in enumerate(dataclasses.fields(value)):  # type: ignore[arg-type]
            key = _dump(f.metadata.get("alias", f.name))
            write((b",\n" if number else b"") + indent + b"  " + key + b": ")
            stream(getattr(value, f.name), write, opened, indent + b"  ")
        write(b"\n" + indent + b"}")
    elif isinstance(value, (tuple, list)) and value:
        write(b"[\n")
        if any(isinstance(item, opened) for item in value):
            for number, item in enumerate(value):
                write((b",\n" if number else b"") + indent + b"  ")
                stream(item, write, opened, indent + b"  ")
        else:
            for start in range(0, len(value), CHUNK):
                chunk = _dump(list(value[start:start + CHUNK]))
                inner = chunk[2:-2].replace(b"\n", b"\n" + indent)  # items at indent + 2
                write((b",\n" if start else b"") + indent + inner)
        write(b"\n" + indent + b"]")
    else:
        write(_dump(value).replace(b"\n", b"\n" + indent))


def write(comparison: Comparison, write: Write) -> None:
    """Write the comparison's JSON, a newline at the end, through `write`: its rows and
    pairs a chunk at a time."""
    stream(comparison, write, (Comparison,))
    write(b"\n")


def render(comparison: Comparison) -> str:
    buffer = io.BytesIO()
    write(comparison, buffer.write)
    return buffer.getvalue().decode("ascii")
