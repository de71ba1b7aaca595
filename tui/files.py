"""Writing output files so that a failed run never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, Union

# What to write: text, bytes, or a function that writes bytes through the function it is
# given (so a large report streams to disk instead of being held whole).
Content = Union[str, bytes, Callable[[Callable[[bytes], Any]], None]]


def _produce(content: Content, stream: BinaryIO) -> None:
    if isinstance(content, str):
        stream.write(content.encode("utf-8"))
    elif isinstance(content, bytes):
        stream.write(content)
    else:
        content(stream.write)


def _mode_for(target: Path) -> int:
    """The target's own permissions when it exists, else what the umask gives a new file."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _set_mode(handle: int, name: str, mode: int) -> None:
    """Give the open temporary file `mode` where the system can: Windows has os.fchmod only
    from Python 3.13 (os.chmod by name instead), and FAT or some network filesystems refuse
    any chmod, where the file keeps what mkstemp gave it (they keep no such bits anyway)."""
    fchmod = getattr(os, "fchmod", None)
    with contextlib.suppress(OSError):
        if fchmod is None:
            os.chmod(name, mode)
        else:
            fchmod(handle, mode)


def _temporary_beside(target: Path, content: Content) -> Path:
    """A fully written and flushed temporary file in the target's folder, with the
    permissions the target should end up with (mkstemp makes it private)."""
    import tempfile  # only commands that write a file pay for it

    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                    dir=target.parent)
    try:
        _set_mode(handle, name, _mode_for(target))
        with os.fdopen(handle, "wb") as stream:
            _produce(content, stream)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def write_atomically(path: str | os.PathLike[str], content: Content) -> None:
    """Replace `path` in one rename: readers see the old file or the new one, never half."""
    target = Path(path).absolute()
    temporary = _temporary_beside(target, content)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_new(path: str | os.PathLike[str], content: Content) -> None:
    """Create `path`; FileExistsError if anything is there, even if made meanwhile."""
    target = Path(path).absolute()
    temporary = _temporary_beside(target, content)
    try:
        _claim(target, temporary)
    finally:
        temporary.unlink(missing_ok=True)


def _claim(target: Path, temporary: Path) -> None:
    """Put the written `temporary` at `target` whole, or raise FileExistsError if anything
    is there. A hard link does both in one step; where links are refused (FAT and exFAT,
    some network filesystems) an exclusive create reserves the name and the whole file is
    renamed over that reservation, which is removed again if the rename fails."""
    try:
        os.link(temporary, target)
        return
    except FileExistsError:
        raise
    except (AttributeError, OSError):
        pass
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        os.replace(temporary, target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
