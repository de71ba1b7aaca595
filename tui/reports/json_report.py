"""JSON: the versioned contract `ceasefire-diff/1` (docs/json.md), straight from the result."""

from __future__ import annotations

from functools import cache

from diffing.result import Comparison


@cache
def _adapter():  # noqa: ANN202 - pydantic is imported only when JSON is asked for
    from pydantic import TypeAdapter

    return TypeAdapter(Comparison)


def contract_schema() -> dict:
    """The JSON Schema of what `render` writes, from the result types themselves."""
    return _adapter().json_schema(mode="serialization", by_alias=True)


def render_bytes(comparison: Comparison) -> bytes:
    """The comparison as JSON, ASCII only; open range ends (infinity) are written as null.

    Every character outside ASCII, invisible and direction-changing ones included, is a
    `\\uXXXX` escape: the parsed data is exactly what the files say, and the raw output
    cannot reorder or hide text on the terminal it is printed to. Written as bytes, so a
    large report is never held twice.
    """
    return _adapter().dump_json(comparison, indent=2, by_alias=True, ensure_ascii=True) + b"\n"


def render(comparison: Comparison) -> str:
    return render_bytes(comparison).decode("ascii")
