"""Limits that keep a hostile or broken file from hanging the tool or exhausting memory.

Each limit has a name a person can raise from the command line: `--limit clauses=500000`.
"""

from __future__ import annotations

import dataclasses
import gc
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
        """A copy with `name=value` settings applied; raises ValueError naming the problem."""
        changes: dict[str, int] = {}
        names = [f.name for f in dataclasses.fields(self)]
        for setting in settings:
            name, sep, value = setting.partition("=")
            name = name.strip().replace("-", "_")
            if not sep or name not in names:
                raise ValueError(f"unknown limit {setting!r}: use NAME=NUMBER with NAME one of "
                                 + ", ".join(names))
            try:
                number = int(value.replace("_", "").replace(",", ""))
            except ValueError:
                raise ValueError(f"limit {name}: {value!r} is not a whole number") from None
            if number < 1:
                raise ValueError(f"limit {name}: must be at least 1")
            changes[name] = number
        return dataclasses.replace(self, **changes)


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
