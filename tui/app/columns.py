"""How the grid's columns share its width, and what a party's cell says in it.

Pure functions, tested apart from the widget. Widths follow the content: each column asks
for what most of its cells need, and when the grid is too narrow for all, the widest give
way first (max-min fairness), so one more column of terminal never takes ten from a party.
Everything is measured in terminal cells (`rich.cells.cell_len`), never in characters.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size

from diffing.result import Position
from proposals.model import Confidence
from tui.reports.layout import value_text
from tui.terminal import one_line

PROVENANCE = {Confidence.REPORTED: "†", Confidence.DISPUTED: "‡"}
"""A clause that is not confirmed is marked with a glyph after its value, not a word: the
word took 11 columns of every cell of a leaked plan (the help screen has the legend)."""
SILENT = "—"
SHARE = 0.9  # a column asks for what this share of its cells need; the rest wrap when selected


def cell_text(position: Position | None) -> str:
    """A party's cell on one line: its value, then † reported or ‡ disputed; `—` when silent."""
    if position is None:
        return SILENT
    mark = PROVENANCE.get(position.confidence, "")
    return one_line(value_text(position)) + (f" {mark}" if mark else "")


def wanted(texts: Sequence[str], cap: int) -> int:
    """What a column asks for: room for `SHARE` of its texts, at most `cap` cells."""
    if not texts:
        return 1
    sizes = sorted(cell_len(text) for text in texts)
    return min(cap, sizes[min(len(sizes) - 1, int(len(sizes) * SHARE))])


def share(room: int, wants: Sequence[int], floors: Sequence[int]) -> list[int]:
    """Widths for columns that ask for `wants` in `room` cells, none under its floor: every
    column gets what it asks up to one common level, the level as high as `room` allows, so
    a width one cell wider gives one cell more to one column, never a jump. Room left when
    every column has what it asks goes to the columns from the last (the parties)."""
    wants = [max(w, f) for w, f in zip(wants, floors)]
    if sum(floors) >= room:
        return list(floors)
    if sum(wants) <= room:
        widths = list(wants)
        extra = room - sum(wants)
        for index in range(len(widths)):  # the same to each, the first columns last
            widths[index] += extra // len(widths)
        for index in range(extra % len(widths)):
            widths[len(widths) - 1 - index] += 1
        return widths
    low, high = 0, max(wants)
    while low < high:  # the highest level at which the columns fit
        level = (low + high + 1) // 2
        if sum(min(w, max(f, level)) for w, f in zip(wants, floors)) <= room:
            low = level
        else:
            high = level - 1
    widths = [min(w, max(f, low)) for w, f in zip(wants, floors)]
    left = room - sum(widths)
    for index, want in enumerate(wants):  # the remainder, a cell each to those at the level
        if left and widths[index] == low < want:
            widths[index] += 1
            left -= 1
    return widths


def wrap(text: str, width: int) -> list[str]:
    """`text` broken at spaces into lines of at most `width` cells (a word too long for one
    line is broken inside it); every line padded to `width`."""
    if width <= 0:
        return [""]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while cell_len(word) > width:
            head = set_cell_size(word, width)
            lines.append(head)
            word = word[len(head.rstrip()):] if head.strip() else word[1:]
        line = word
    lines.append(line)
    return [set_cell_size(each, width) for each in lines]
