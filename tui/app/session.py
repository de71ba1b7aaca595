"""What the app shows and where it comes from: reading the files, comparing, watching them.

No widgets here, so loading and change detection are tested without a screen.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from diffing import Comparison, ComparisonError, GapStatus, compare
from diffing.history_result import History
from diffing.rounds import Arrangement, RoundsError, rounds, whole
from proposals.limits import Limits
from proposals.model import Proposal
from proposals.problems import Problem
from tui.inputs import Source, current, problems, read_inputs, valid_proposals

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
    the history when the texts span several rounds (see `follow`)."""

    comparison: Comparison | None
    problems: tuple[Problem, ...] = ()
    history: History | None = None


def load(sources: Sequence[Source], limits: Limits, baseline: str | None = None,
         options: Mapping[str, str] | None = None) -> Snapshot:
    """Read and compare with the options chosen ({party id: option id}); a baseline or an
    option that the files, as edited since, no longer offer is dropped."""
    inputs = read_inputs(list(sources), limits)
    found = tuple(problems(inputs))
    given = valid_proposals(inputs)
    if given is None:
        return Snapshot(None, found)
    arranged = current(given)
    proposals = arranged.proposals
    if baseline not in {p.id for p in proposals}:
        baseline = None
    offered = {p.id: {o.id for o in p.options} for p in proposals}
    chosen = {party: option for party, option in (options or {}).items()
              if option in offered.get(party, ())}
    return Snapshot(compare(proposals, baseline=baseline, options=chosen,
                            earlier=arranged.earlier, versions_of=arranged.versions_of), found,
                    follow(given, arranged, chosen))


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


def _stamp(path: os.PathLike[str] | str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@dataclass(slots=True)
class Watcher:
    """Notices when any watched file is saved, replaced, or disappears."""

    paths: Sequence[os.PathLike[str] | str]
    _stamps: list[tuple[int, int] | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._stamps = [_stamp(path) for path in self.paths]

    def changed(self) -> bool:
        """True once per change: the new state becomes the one compared against next time."""
        stamps = [_stamp(path) for path in self.paths]
        if stamps == self._stamps:
            return False
        self._stamps = stamps
        return True
