"""Writing output files so that a failed run never leaves half a file behind, and never
replaces what it should not: a device, a FIFO, a socket or a folder, or a file it read.

A symbolic link to a regular file is written through (the link stays, the file it names
gets the new content), as a shell's `>` does; a link to nothing is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, BinaryIO, Union

from tui.stopping import held

# What to write: text, bytes, or a function that writes bytes through the function it is
# given (so a large report streams to disk instead of being held whole).
Content = Union[str, bytes, Callable[[Callable[[bytes], Any]], None]]

Kept = Mapping[str, Union[str, os.PathLike[str], int]]
"""Files a write must never replace, by the name a message gives them: a path, or an open
file descriptor (0 for stdin, which may be a file redirected with `<`)."""


class Refused(OSError):
    """The target is not a file this write may replace; `strerror` says what it is."""

    def __init__(self, target: Path, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, str(target))


KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"),
         (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
         (stat.S_ISSOCK, "a socket"))


def one_of(path: Path, kept: Kept) -> str | None:
    """The name in `kept` of the file `path` is (by device and inode: through symbolic and
    hard links and any spelling), or None."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    for name, item in kept.items():
        try:
            known = os.stat(item)
        except OSError:
            continue
        if (known.st_dev, known.st_ino) == (found.st_dev, found.st_ino):
            return name
    return None


def replaceable(path: Path, kept: Kept = {}) -> Path:
    """The regular file to replace for `path` (itself, or the file a symbolic link names),
    or `path` when nothing is there; Refused for anything else, PermissionError for a file
    the user may not write (as `>` would be refused)."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise Refused(path, "a symbolic link to nothing: nothing written") from None
        return path
    kind = next((name for test, name in KINDS if test(found.st_mode)), None)
    if kind is not None or not stat.S_ISREG(found.st_mode):
        raise Refused(path, f"{kind or 'a special file'}, not a regular file: nothing written")
    name = one_of(path, kept)
    if name is not None:
        raise Refused(path, f"it is {name}, which this command reads: nothing written")
    if not os.access(path, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    return Path(os.path.realpath(path))


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
    any chmod; there the file is still written, with what mkstemp gave it."""
    fchmod = getattr(os, "fchmod", None)
    with contextlib.suppress(OSError):
        if fchmod is None:
            os.chmod(name, mode)
        else:
            fchmod(handle, mode)


class _Temporary:
    """A temporary file beside the target, removed on leaving the `with` unless renamed
    into place: whatever stops the write (an error, ctrl+c, SIGTERM) leaves nothing."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path: Path | None = None

    def __enter__(self) -> _Temporary:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    def write(self, content: Content) -> Path:
        """Write, flush and sync `content`, with the permissions the target should end up
        with (mkstemp makes it private); the file's path."""
        import tempfile  # only commands that write a file pay for it

        with held():  # a signal now would leave a file whose name nobody knows
            handle, name = tempfile.mkstemp(prefix=f".{self.target.name}.", suffix=".tmp",
                                            dir=self.target.parent)
            self.path = Path(name)
            stream = os.fdopen(handle, "wb")
        with stream:
            _set_mode(handle, name, _mode_for(self.target))
            _produce(content, stream)
            stream.flush()
            os.fsync(stream.fileno())
        return self.path


def write_atomically(path: str | os.PathLike[str], content: Content, kept: Kept = {}) -> None:
    """Replace `path` in one rename: readers see the old file or the new one, never half.
    Refused (nothing written) when `path` is not a regular file or a new name, or is one
    of the `kept` files."""
    target = replaceable(Path(path).absolute(), kept)
    with _Temporary(target) as temporary:
        written = temporary.write(content)
        replaceable(target, kept)  # again: it may have changed while the report was written
        os.replace(written, target)


def write_new(path: str | os.PathLike[str], content: Content) -> None:
    """Create `path`; FileExistsError if anything is there, even if made meanwhile."""
    target = Path(path).absolute()
    with _Temporary(target) as temporary:
        _claim(target, temporary.write(content))


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
