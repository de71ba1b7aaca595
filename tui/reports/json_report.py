"""JSON: the versioned contract `ceasefire-diff/1` (docs/json.md), straight from the result."""

from __future__ import annotations

from diffing.result import Comparison


def render(comparison: Comparison) -> str:
    """The comparison as JSON; open range ends (infinity) are written as null."""
    return comparison.model_dump_json(indent=2, by_alias=True) + "\n"
