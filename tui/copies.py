"""Copies of bundled examples for a user to edit: the installed package's files are never
edited, and nothing a user wrote is ever overwritten."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from proposals.examples import bundled
from tui.files import write_new
from tui.inputs import Source


def free_folder(parent: Path, name: str) -> Path:
    """The first of `parent/name`, `parent/name-2`, … that does not exist yet."""
    candidate, number = parent / name, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = parent / f"{name}-{number}"
    return candidate


def copy_bundled(sources: Sequence[Source], folder: Path) -> list[Source]:
    """The sources with every bundled file copied into `folder` (made if missing) and named
    there; FileExistsError names every file already in the way, and then nothing is written."""
    wanted = [(source, folder / source.path.name) for source in sources if bundled(source.path)]
    taken = [str(target) for _, target in wanted if target.exists() or target.is_symlink()]
    if taken:
        raise FileExistsError(f"{', '.join(taken)} exist{'s' * (len(taken) == 1)}")
    names = [target.name for _, target in wanted]
    if len(set(names)) < len(names):
        raise FileExistsError("two example files have one name: copy them one example "
                              "at a time")
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for source, target in wanted:
            write_new(target, source.path.read_bytes())
            written.append(target)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    copies = {source.path: target for source, target in wanted}
    return [Source(copies[s.path], str(copies[s.path])) if s.path in copies else s
            for s in sources]
