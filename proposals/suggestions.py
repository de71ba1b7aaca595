"""Did-you-mean: the closest words to a mistake, for every message that names one."""

from __future__ import annotations

from collections.abc import Sequence

from proposals.registry import normalize_word


def suggest(word: str, candidates: Sequence[str]) -> str:
    """A ' — did you mean …?' suffix for the closest candidates, or ''."""
    import difflib  # only a file with a mistake pays for it

    by_norm = {normalize_word(c): c for c in candidates}
    close = difflib.get_close_matches(normalize_word(word), list(by_norm), n=3, cutoff=0.6)
    close = [c for c in close if c + "s" not in close]  # 'days', not 'day' or 'days'
    if not close:
        return ""
    return " — did you mean " + " or ".join(repr(by_norm[c]) for c in close) + "?"


def listed(words: Sequence[str], most: int = 12) -> str:
    """`words` joined by commas; a longer list is cut visibly ('…' and how many more)."""
    if len(words) <= most:
        return ", ".join(words)
    return ", ".join(words[:most]) + f", … and {len(words) - most} more"
