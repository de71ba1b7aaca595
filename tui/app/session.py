"""What the app shows and where it comes from: reading the files, comparing, watching them.

No widgets here, so loading and change detection are tested without a screen.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from diffing import Comparison, ComparisonError, GapStatus, compare
from diffing.history_result import History
from diffing.rounds import Arrangement, RoundsError, rounds, whole
from proposals.limits import Limits
from proposals.loader import read_proposal
from proposals.model import Proposal
from proposals.problems import Problem
from tui.inputs import (
    Input,
    Source,
    contents,
    current,
    digest,
    problems,
    valid_proposals,
)

SETTLE_SECONDS = 0.15
"""A change is read once the files have been still this long, so that a file an editor or a
script is still writing is never shown half-written as the current comparison."""

SETTLE_WITH_EVENTS = 0.5
"""The same where the system says when a file is saved (`saves.Saves`): a save is read at
once, so the wait covers only what sends no such word (a writer that keeps the file open,
a chmod, a deletion), and a writer may pause longer mid-file."""

# The filters `f` and `F` cycle through, each with the statuses it keeps (None keeps all).
FILTERS: tuple[tuple[str, frozenset[GapStatus] | None], ...] = (
    ("all", None),
    ("gaps", frozenset(s for s in GapStatus if s.is_gap)),
    ("conflict", frozenset({GapStatus.CONFLICT})),
    ("partial", frozenset({GapStatus.PARTIAL})),
    ("one-sided", frozenset({GapStatus.ONE_SIDED})),
    ("unclear", frozenset({GapStatus.UNCLEAR})),
    ("agreed", frozenset({GapStatus.AGREED})),
)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One reading of the files: the comparison if every file is valid, and every problem;
    the history when the texts span several rounds (see `follow`); a hash of what was read
    of each file (None: it could not be read), to tell a changed file from a touched one."""

    comparison: Comparison | None
    problems: tuple[Problem, ...] = ()
    history: History | None = None
    contents: tuple[str | None, ...] = ()


def load(sources: Sequence[Source], limits: Limits, baseline: str | None = None,
         options: Mapping[str, str] | None = None) -> Snapshot:
    """Read and compare with the options chosen ({party id: option id}); a baseline or an
    option that the files, as edited since, no longer offer is dropped."""
    read = [_read(source, limits) for source in sources]
    inputs = [item for item, _ in read]
    contents = tuple(digest for _, digest in read)
    found = tuple(problems(inputs))
    given = valid_proposals(inputs)
    if given is None:
        return Snapshot(None, found, contents=contents)
    arranged = current(given)
    proposals = arranged.proposals
    if baseline not in {p.id for p in proposals}:
        baseline = None
    offered = {p.id: {o.id for o in p.options} for p in proposals}
    chosen = {party: option for party, option in (options or {}).items()
              if option in offered.get(party, ())}
    return Snapshot(compare(proposals, baseline=baseline, options=chosen,
                            earlier=arranged.earlier, versions_of=arranged.versions_of), found,
                    follow(given, arranged, chosen), contents)


def _read(source: Source, limits: Limits) -> tuple[Input, str | None]:
    """One file read once: what the loader makes of those bytes, and their hash."""
    data = contents(source.path, limits)
    if data is None:  # the loader says why it cannot be read
        return Input(source, read_proposal(source.path, limits, source.name)), None
    return Input(source, read_proposal(io.BytesIO(data), limits, source.name)), digest(data)


def unchanged(paths: Sequence[os.PathLike[str] | str], limits: Limits,
              read: Sequence[str | None]) -> bool:
    """True while every file still holds what was read of it (by its hash): the check that
    sees an edit no change of stat shows."""
    return [digest(contents(path, limits)) for path in paths] == list(read)


def follow(given: Sequence[Proposal], arranged: Arrangement,
           options: Mapping[str, str]) -> History | None:
    """The parties round by round, when the texts span two rounds or more and two parties
    stand in at least one; None otherwise (one round, the versions of one text), or when
    the rounds cannot be placed: the latest texts are still compared, as `diff` does."""
    if arranged.versions_of is not None:
        return None
    from diffing.history import history  # only several rounds need it

    try:
        if len(rounds(whole(given))) < 2:
            return None
        found = history(given, options=options)
    except (RoundsError, ComparisonError):
        return None
    return found if any(r.comparison is not None for r in found.rounds) else None


Stamp = tuple[int, int, int, int, int]


def _stamp(path: os.PathLike[str] | str) -> Stamp | None:
    """Which file is there, its permissions, size and times: the change time moves on every
    write, chmod and utime, so an edit that puts the modification time back is seen."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_mode, info.st_size, info.st_mtime_ns, info.st_ctime_ns


@dataclass(slots=True)
class Watcher:
    """Notices when a watched file is saved, replaced, disappears or changes permissions,
    and says so once the files have been still for `settle` seconds."""

    paths: Sequence[os.PathLike[str] | str]
    settle: float = SETTLE_SECONDS
    clock: Callable[[], float] = time.monotonic
    _stamps: list[Stamp | None] = field(default_factory=list)
    _since: float | None = None  # when the files last moved, until that change is reported
    _saved: bool = False  # the system said a file was saved whole since the last look

    def __post_init__(self) -> None:
        self._stamps = self.stamps()

    def stamps(self) -> list[Stamp | None]:
        return [_stamp(path) for path in self.paths]

    def changed(self) -> bool:
        """True once per change, when the files have not moved for `settle` seconds since
        (a file still being written keeps moving, and is read once it is whole), or at once
        when the system said since the last look that it was saved (`saved`)."""
        now, stamps = self.clock(), self.stamps()
        saved, self._saved = self._saved, False
        if stamps != self._stamps:
            self._stamps, self._since = stamps, now
        if self._since is None or (not saved and now - self._since < self.settle):
            return False
        self._since = None
        return True

    def saved(self) -> None:
        """The system said a file was saved whole (closed after writing, or moved into
        place) and none is being written: a change the next look sees is reported at once,
        without waiting for the files to be still."""
        self._saved = True

    def due(self) -> float | None:
        """Seconds until a change seen is reported if the files stay still; None: none seen."""
        return None if self._since is None else self._since + self.settle - self.clock()

    def notice(self) -> None:
        """A change seen another way (the contents' hash): reported as one stat saw, once
        the files have been still for `settle` seconds."""
        if self._since is None:
            self._since = self.clock()

    def accept(self) -> None:
        """Take the files as they are now as seen (a reload is about to read them)."""
        self._stamps, self._since = self.stamps(), None
