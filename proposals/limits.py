"""Limits that keep a hostile or broken file from hanging the tool or exhausting memory.

Each limit has a name a person can raise from the command line: `--limit clauses=500000`.
"""

from __future__ import annotations

import dataclasses
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds checked while a file is read; the defaults fit any real proposal."""

    file_bytes: int = 32 * 1024 * 1024
    depth: int = 16
    clauses: int = 200_000
    string_chars: int = 20_000
    alias_nodes: int = 10_000

    def with_overrides(self, settings: list[str]) -> Limits:
        """A copy with `name=value` settings applied; raises ValueError naming the problem:
        an unknown name, a number that is not ASCII digits, or one past the limit's ceiling."""
        changes: dict[str, int] = {}
        names = [f.name for f in dataclasses.fields(self)]
        for setting in settings:
            name, sep, value = setting.partition("=")
            name = name.strip().replace("-", "_")
            if not sep or name not in names:
                raise ValueError(f"unknown limit {setting!r}: use NAME=NUMBER with NAME one of "
                                 + ", ".join(names))
            changes[name] = _setting(name, value)
        return dataclasses.replace(self, **changes)


CEILINGS = {
    "file_bytes": 256 * 1024 * 1024,
    "depth": 100,
    "clauses": 2_000_000,
    "string_chars": 10_000_000,
    "alias_nodes": 1_000_000,
}
"""How far each limit may be raised: past these a hostile file could take minutes and
gigabytes (an alias bomb raised to 10**7 nodes took 20 s and 230 MB, to 10**20 it ran for
six minutes and took 9 GB), or Python's own recursion and sizes give out."""

_WHOLE = re.compile(r"[0-9]+|[0-9]{1,3}(?:_[0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3})+")


def _setting(name: str, value: str) -> int:
    """`value` as a limit for `name`: ASCII digits only (`٣`, `３`, `1e20` and `-1` are
    refused, not read), at least 1, at most the limit's ceiling."""
    written = value.strip()
    shown = repr(written if len(written) <= 24 else written[:16] + "…" + written[-4:])
    if not _WHOLE.fullmatch(written):
        raise ValueError(f"limit {name}: {shown} is not a whole number in digits 0-9 "
                         "(such as 50000, 50_000 or 50,000)")
    digits = written.replace("_", "").replace(",", "")
    ceiling = CEILINGS[name]
    if len(digits.lstrip("0")) > len(str(ceiling)) or int(digits) > ceiling:
        raise ValueError(f"limit {name}: {shown} is above its ceiling of {ceiling:_}")
    if int(digits) < 1:
        raise ValueError(f"limit {name}: must be at least 1")
    return int(digits)


DEFAULT_LIMITS = Limits()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a big, acyclic object graph is built.

    Reading a 10,000-clause file allocates a million small objects; the collector would
    walk them again and again (five times the cost of parsing), and again after the pause
    unless they are moved out of its sight (`gc.freeze`). Nothing built here holds a
    reference cycle, so reference counting frees it all the same when it is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
