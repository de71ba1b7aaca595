"""A fuzzy jump to any row: `:` opens a palette of the topics, and `ctrl+p` finds them too.

A row is found by its heading (`Withdrawal of forces · by Ukraine`), its topic key
(`forces.withdrawal`) or any alias the registry knows for it (`ceasefire.length`); the
best of the three scores it. The rows offered are the app's (`CeasefireApp.jump_rows`),
so the jump follows whatever the app shows, however its widgets are laid out.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from diffing import Row
from proposals.registry import registry
from tui.app.headings import fit
from tui.reports.layout import LOOKS, row_heading
from tui.terminal import one_line

if TYPE_CHECKING:
    from tui.app.app import CeasefireApp

HELP_WIDTH = 60


def names(row: Row) -> tuple[str, ...]:
    """What a row answers to: its heading, its topic key and the key's aliases."""
    topic = registry().resolve(row.topic)
    return (one_line(row_heading(row)), row.topic, *(topic.aliases if topic else ()))


def describe(row: Row, alias: str | None = None) -> str:
    """`✗ conflict · ceasefire.duration`: the line under a hit, with the alias it was found
    by (`· also ceasefire.length`)."""
    look = LOOKS[row.status]
    also = f" · also {alias}" if alias else ""
    return fit(f"{look.glyph} {look.word} · {row.topic}{also}", HELP_WIDTH)


class TopicJump(Provider):
    """Rows for the palette: found by typing, never listed before a key is typed (the
    palette's own commands come first there)."""

    def _rows(self) -> Iterator[Row]:
        yield from cast("CeasefireApp", self.app).jump_rows()

    def _go(self, row: Row) -> partial[None]:
        return partial(cast("CeasefireApp", self.app).jump_to, row.id)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for row in self._rows():
            found = names(row)
            scores = [matcher.match(name) for name in found]
            best = max(range(len(found)), key=scores.__getitem__)
            if scores[best] <= 0:
                continue
            heading = found[0]
            shown = matcher.highlight(heading) if scores[0] else Content(heading)
            yield Hit(scores[best], shown, self._go(row), text=heading,
                      help=describe(row, found[best] if best > 1 else None))


class EveryTopic(TopicJump):
    """The jump palette's provider: every row is listed before anything is typed."""

    async def discover(self) -> Hits:
        for row in self._rows():
            heading = one_line(row_heading(row))
            yield DiscoveryHit(heading, self._go(row), text=heading, help=describe(row))

