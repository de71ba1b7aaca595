"""The theme's own colours for the named colours the renderers use.

Statuses, moves and parties are coloured with ANSI names (`red` for conflict, `green` for
agreed, ...), shared with the terminal reports. Textual paints those names from one fixed
palette (Monokai on every dark theme, where red and magenta are one colour); here they are
taken from the theme's variables instead, so each theme shows its own five status colours,
and under NO_COLOR every name reads as the theme's text colour (the glyphs, words and weights
still tell the statuses apart) instead of a grey the background nearly hides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.terminal_theme import TerminalTheme
from textual.color import Color

DISTINCT = 50
"""How far apart (in RGB) two colours must be to count as two."""
LEGIBLE = 3.0
"""The least contrast with the background (WCAG ratio) a colour is chosen with."""

# The variables each ANSI name is painted with: the first that stands apart from the colours
# given to the names before it (the legible `text-` shade first, then the plain colour).
CHOICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("red", ("text-error",)),
    ("green", ("text-success", "success")),
    ("yellow", ("text-warning", "warning", "text-accent")),
    ("blue", ("text-primary", "text-secondary", "primary")),
    ("magenta", ("text-accent", "text-secondary", "accent", "foreground")),
    ("cyan", ("text-secondary", "text-accent", "secondary", "foreground")),
)
ORDER = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")


def named_colours(variables: Mapping[str, str], no_color: bool = False) -> dict[str, Color]:
    """The colour each ANSI name takes in a theme with these CSS variables."""
    background = Color.parse(variables["background"])
    foreground = background + Color.parse(variables["foreground"])
    if no_color:
        return {name: foreground for name in ORDER[1:]} | {"black": background}
    chosen: dict[str, Color] = {"black": background, "white": foreground}
    for name, candidates in CHOICES:
        colours = [background + Color.parse(variables[c]) for c in candidates if c in variables]
        chosen[name] = next((c for c in colours if _apart(c, chosen.values())
                             and contrast(c, background) >= LEGIBLE), foreground)
    return chosen


def _apart(colour: Color, others: Iterable[Color]) -> bool:
    return all(sum((a - b) ** 2 for a, b in zip(colour.rgb, other.rgb)) ** 0.5 >= DISTINCT
               for other in others)


def contrast(one: Color, other: Color) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: Color) -> float:
    channels = [v / 255 for v in colour.rgb]
    r, g, b = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ansi_theme(variables: Mapping[str, str], no_color: bool = False) -> TerminalTheme:
    """A terminal palette that paints the ANSI names (and their bright twins) in the theme's
    colours."""
    colours = named_colours(variables, no_color)
    normal = [colours[name].rgb for name in ORDER]
    return TerminalTheme(colours["black"].rgb, colours["white"].rgb, normal, normal)
