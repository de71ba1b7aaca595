"""How the screen is shared between the grid and the detail pane: which of them a person
zoomed, how much room the detail takes, and when the terminal is too small for the full
masthead and key bar. A value the app keeps and the widgets are fitted from; no widgets
here, so it is tested apart."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Zoom = Literal["both", "grid", "detail"]
ZOOMS: tuple[Zoom, ...] = ("both", "grid", "detail")
SHARE = 40  # the detail pane's share of the room, in percent, until a person changes it
STEP = 5
SMALLEST, LARGEST = 20, 80
COMPACT_HEIGHT = 30  # below this many lines the masthead and key bar keep to a line or two
COMPACT_WIDTH = 70


@dataclass(frozen=True, slots=True)
class Panes:
    """Both panes, or one zoomed to the whole room; the detail's share when both show."""

    zoom: Zoom = "both"
    share: int = SHARE

    def zoomed(self) -> Panes:
        """Both → the grid alone → the detail alone → both."""
        return replace(self, zoom=ZOOMS[(ZOOMS.index(self.zoom) + 1) % len(ZOOMS)])

    def resized(self, by: int) -> Panes:
        """The detail `by` steps larger (or smaller), within bounds; both panes shown."""
        return Panes("both", max(SMALLEST, min(LARGEST, self.share + by * STEP)))

    @property
    def words(self) -> str:
        return {"both": f"Grid and detail ({self.share}% detail)", "grid": "Grid only",
                "detail": "Detail only"}[self.zoom]


def compact(width: int, height: int) -> bool:
    """Whether the terminal is small enough to give the masthead's and key bar's lines to
    the rows and the detail."""
    return height < COMPACT_HEIGHT or width < COMPACT_WIDTH
