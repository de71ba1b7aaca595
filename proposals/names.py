"""The short keys parties are known by: a proposal's `id`, and who a `by:` names.

A `by: Ukraine` in Russia's file and Ukraine's own file (id `ukraine`) must meet, so every
name is folded the same way: case, spaces and punctuation. Letters of any script are kept
(`Україна` is `україна`), so no name ever folds to nothing.
"""

from __future__ import annotations

import re

from proposals.registry import normalize_word

MUTUAL_WORDS = frozenset(normalize_word(word) for word in (
    "both", "both sides", "both parties", "each side", "each party", "all parties", "all sides",
    "every party", "every side", "the parties", "the sides", "mutual", "mutually", "each", "all",
))
"""What `by:` may say for an obligation every side bears: each of the `sides:`."""


SHORT_KEY = re.compile(r"[^\W_][\w\-]*")
"""An `id`: letters (of any script) and digits, `-` and `_`, lower case."""


def slug(text: str) -> str:
    """The default `id` of a party: `European Union (E3)` -> `european-union-e3`,
    `Україна` -> `україна`; `party` only for a name with no letter or digit at all."""
    return actor_key(text) or "party"


def is_short_key(text: str) -> bool:
    return bool(SHORT_KEY.fullmatch(text)) and text == text.casefold()


def actor_key(name: str) -> str:
    """The key a party named in `by:` or `sides:` is matched by: `Ukraine` -> `ukraine`,
    `Certain areas of Donetsk` -> `certain-areas-of-donetsk`; empty for no letters."""
    return re.sub(r"[\W_]+", "-", name.casefold()).strip("-")


def is_mutual(name: str) -> bool:
    return normalize_word(name) in MUTUAL_WORDS
