"""Characters that make text read differently on screen than in the file.

Bidirectional overrides can reverse a clause on screen ("Trojan Source"), zero-width
and tag characters can smuggle words past a reader, and control characters can
drive a terminal. The loader warns about them and every renderer shows them visibly.
A flood of combining marks on one letter ("Zalgo" text) smears over the lines around it;
the loader warns about that too.
"""

from __future__ import annotations

import re
import unicodedata

HIDDEN = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 and C1 controls, except tab and newline
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"  # soft hyphen, fillers, Mongolian
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f"  # zero-width, line separators, bidi embedding
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"  # fillers, variation selectors, BOM
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"  # musical format chars, tags, selectors
    "]"
)


MOST_MARKS = 6
"""Combining marks one character may carry: Vietnamese stacks two, pointed Hebrew with
cantillation four or five; more is a flood."""


_SUSPECT = re.compile(rf"[^\w\s]{{{MOST_MARKS + 1},}}")
"""Runs that may be a flood: combining marks are neither word characters nor spaces, so this
finds every flood (with runs of punctuation, which the marks' category then tells apart) in
a tenth of the time of looking at each character."""


def combining_flood(text: str) -> tuple[int, int] | None:
    """The offset and length of the first run of more than MOST_MARKS combining marks, or None."""
    if text.isascii():
        return None
    for suspect in _SUSPECT.finditer(text):
        run = 0
        for index in range(suspect.start(), suspect.end()):
            if unicodedata.category(text[index])[0] == "M":
                run += 1
            elif run > MOST_MARKS:
                return index - run, run
            else:
                run = 0
        if run > MOST_MARKS:
            return suspect.end() - run, run
    return None


def hidden_characters(text: str) -> list[tuple[int, str]]:
    """Offsets and characters of everything invisible or direction-changing in `text`."""
    if HIDDEN.search(text) is None:  # nearly every text: half the cost of listing nothing
        return []
    return [(m.start(), m.group()) for m in HIDDEN.finditer(text)]


_CONTROLS = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION",
             0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE",
             0x85: "NEXT LINE", 0x9B: "CONTROL SEQUENCE INTRODUCER",
             0x9D: "OPERATING SYSTEM COMMAND"}


def describe(char: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: how a hidden character is named to a person."""
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROLS.get(code, "CONTROL CHARACTER")
    return f"U+{code:04X} {name}"


def reveal(text: str) -> str:
    """`text` with each hidden character replaced by a visible `<U+202E>` marker."""
    return HIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def escape_hidden(quoted: str) -> str:
    """A JSON string (or YAML double-quoted scalar) with every hidden character written as a
    `\\uXXXX` escape: it parses back unchanged, and cannot reorder or hide text on screen."""
    return HIDDEN.sub(_escape, quoted)
