"""What the loader accepts, written once as regular expressions that both Python's `re` and
the ECMAScript engine of an editor's JSON Schema validator read the same way.

The loader matches dates against these patterns and the schema export puts the same
patterns (and the word patterns built here from the loader's vocabularies) into the JSON
Schema, so an editor underlines exactly what `ceasefire check` refuses, wherever a
pattern can say it. Only the common subset of the two regex dialects is used: ASCII
classes spelt out (Python's `\\d` and `\\s` match more than ECMAScript's), `\\uXXXX`
escapes, no named groups, no inline flags; case is folded by character classes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from functools import cache

from proposals.registry import SEPARATORS

DATE = r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
"""A calendar day, 2025-06-02 (the day of the month is checked against the month later)."""
TIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{3}|\.[0-9]{6})?)?"
"""A time of day: minutes, or seconds with milliseconds or microseconds."""
ZONE = r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
LOCAL_DATE_TIME = DATE + r"[Tt ]" + TIME
DATE_TIME = LOCAL_DATE_TIME + ZONE
"""A moment: 2025-06-02T10:00+03:00, 2025-06-02T07:00Z, 2025-06-02 10:00:30.500+03:00."""


def calendar_day(text: str) -> dt.date:
    """A day written as 2025-06-02 (around it, white space); ValueError for anything else, the
    same on every Python (3.11's `fromisoformat` alone also takes 20250602 and 2025-W23)."""
    text = text.strip()
    if not re.fullmatch(DATE, text):
        raise ValueError(text)
    return dt.date.fromisoformat(text)


def _escaped(char: str) -> str:
    if char.isascii() and char.isalnum():
        return char
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else char


@cache
def _same_when_folded(fold: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    """For each folded character, every single character that `fold` turns into it."""
    found: dict[str, list[str]] = {}
    for code in range(0x10000):
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded != char:
            found.setdefault(folded, [folded]).append(char)
    return {key: tuple(chars) for key, chars in found.items()}


def _char_class(chars: Iterable[str]) -> str:
    """A class of `chars`, runs of three or more written as ranges."""
    codes = sorted({ord(char) for char in chars})
    parts, start = [], 0
    for end in range(1, len(codes) + 1):
        if end == len(codes) or codes[end] != codes[end - 1] + 1:
            first, last = chr(codes[start]), chr(codes[end - 1])
            run = end - start
            tail = (("-" if run > 2 else "") + _escaped(last)) if run > 1 else ""
            parts.append(_escaped(first) + tail)
            start = end
    return "[" + "".join(parts) + "]"


@cache
def space_class() -> str:
    """The characters Python's `str.strip()` and `\\s` take as white space."""
    return _char_class(chr(c) for c in range(0x10000) if chr(c).isspace())


@cache
def separator_class(extra: str = "") -> str:
    """The characters `normalize_word` folds into one space (and `extra`)."""
    found = re.compile(SEPARATORS)
    return _char_class([*(chr(c) for c in range(0x10000) if found.fullmatch(chr(c))), *extra])


def _word(word: str, fold: Callable[[str], str], space: str) -> str:
    parts = []
    for char in word:
        if char == " ":
            parts.append(space)
        else:
            same = _same_when_folded(fold).get(char)
            parts.append(_char_class(same) if same else _escaped(char))
    return "".join(parts)


def folded_words(words: Iterable[str], fold: Callable[[str], str]) -> str:
    """A pattern for every spelling that `normalize_word` folds into one of `words`: any case,
    any run of spaces, `-`, `_` or dashes between the parts, and such characters or dots
    around the word (`Full`, `All-for-all`, `mutual_agreement`)."""
    edge = separator_class(".") + "*"
    inner = separator_class() + "+"
    keys = sorted({fold(word) for word in words})
    return f"^{edge}(?:{'|'.join(_word(key, str.casefold, inner) for key in keys)}){edge}$"


def lowered_words(words: Iterable[str]) -> str:
    """A pattern for every spelling that `.strip().lower()` turns into one of `words`."""
    space = space_class() + "*"
    keys = sorted({word.lower() for word in words})
    return f"^{space}(?:{'|'.join(_word(key, str.lower, '') for key in keys)}){space}$"


def stripped(pattern: str) -> str:
    """`pattern` as a whole string, with the white space `str.strip()` removes around it."""
    space = space_class() + "*"
    return f"^{space}(?:{pattern}){space}$"
