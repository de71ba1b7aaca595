"""The word diff of two free texts, as the engine found it (`Row.gap["diff"]`), worded once
for every report: what was removed and what was added, marked as `git diff
--word-diff=plain` marks them, so the marks read without colour.

Strings here are raw (text from proposal files); each renderer escapes them for its medium.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from diffing.result import Comparison, Row
from tui.terminal import literal

if TYPE_CHECKING:
    from rich.text import Text

Mark = Literal["", "-", "+"]
"""`` words both texts have, `-` words only the first has, `+` words only the second has."""


def word_edits(row: Row) -> list[tuple[Mark, str]]:
    """The row's word diff as (mark, words), in reading order; empty when the engine gave
    none (the texts agree, or more than two parties speak)."""
    out: list[tuple[Mark, str]] = []
    for edit in row.gap.get("diff") or ():
        if edit["op"] == "equal":
            out.append(("", edit["a"]))
        if edit["op"] in ("delete", "replace"):
            out.append(("-", edit["a"]))
        if edit["op"] in ("insert", "replace"):
            out.append(("+", edit["b"]))
    return out


EDIT_STYLES: dict[Mark, str] = {"": "", "-": "red strike", "+": "green underline"}
"""How a terminal colours each mark (the marks themselves stay, for a reader without colour)."""


def marked(mark: Mark, words: str) -> str:
    """`[-words-]`, `{+words+}`, or the words themselves."""
    return {"": words, "-": f"[-{words}-]", "+": f"{{+{words}+}}"}[mark]


def word_diff_title(comparison: Comparison, row: Row) -> str:
    """`words, Ukraine → Russia:`: which text the diff runs from, and to which."""
    names = {party.id: party.name for party in comparison.parties}
    return f"words, {names.get(row.gap['from'], '')} → {names.get(row.gap['to'], '')}:"


def word_diff_text(row: Row) -> str:
    """The word diff on one line: `the parties [-withdraw-] {+pull back+} heavy weapons.`"""
    return "".join(_space(number, words) + marked(mark, words)
                   for number, (mark, words) in enumerate(word_edits(row)))


def _space(number: int, words: str) -> str:
    """The space before the `number`th edit: none first, none before a closing mark."""
    return "" if number == 0 or words[:1] in _CLOSING else " "


_CLOSING = frozenset(",.;:!?)]")


def styled_word_diff(row: Row, title: str) -> Text:
    """For a terminal: `title` dimmed, then the word diff, removed words red and struck
    through, added ones green and underlined, every mark kept (so it reads without colour
    too), every word from a file shown literally."""
    from rich.text import Text

    out = Text()
    out.append(literal(title), style="dim")
    for number, (mark, words) in enumerate(word_edits(row)):
        out.append(_space(number + 1, words))
        out.append(marked(mark, literal(words)), EDIT_STYLES[mark])
    return out
