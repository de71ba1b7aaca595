"""JSON: the versioned contract `ceasefire-diff/1` (docs/json.md), straight from the result."""

from __future__ import annotations

import re

from diffing.result import Comparison
from proposals.hidden import HIDDEN


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def render(comparison: Comparison) -> str:
    """The comparison as JSON; open range ends (infinity) are written as null.

    Invisible and direction-changing characters are written as `\\uXXXX` escapes: the
    parsed data is exactly what the files say, and the raw output cannot reorder or
    hide text on the terminal it is printed to.
    """
    text = comparison.model_dump_json(indent=2, by_alias=True)
    return HIDDEN.sub(_escape, text) + "\n"
