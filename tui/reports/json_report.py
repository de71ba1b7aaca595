"""JSON: the versioned contract `ceasefire-diff/1` (docs/json.md), straight from the result."""

from __future__ import annotations

from functools import cache

from diffing.result import Comparison
from tui.terminal import json_safe


@cache
def _adapter():  # noqa: ANN202 - pydantic is imported only when JSON is asked for
    from pydantic import TypeAdapter

    return TypeAdapter(Comparison)


def contract_schema() -> dict:
    """The JSON Schema of what `render` writes, from the result types themselves."""
    return _adapter().json_schema(mode="serialization", by_alias=True)


def render(comparison: Comparison) -> str:
    """The comparison as JSON; open range ends (infinity) are written as null.

    Invisible and direction-changing characters are written as `\\uXXXX` escapes: the
    parsed data is exactly what the files say, and the raw output cannot reorder or
    hide text on the terminal it is printed to.
    """
    return json_safe(_adapter().dump_json(comparison, indent=2, by_alias=True).decode()) + "\n"
