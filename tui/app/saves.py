"""The operating system's word that a watched file was saved whole, so that the app reads a
save at once instead of waiting for the file to be still.

Linux's inotify, through ctypes (no dependency): a file closed after writing, or moved into
place (an editor's write-then-rename), is a save; a file written to and not yet closed is
being written, and no save is reported while one is. Elsewhere (macOS, Windows, a folder
that cannot be watched, a file system that sends no events) `Saves.watch` gives None and
the stat poll (`session.Watcher`) does it all, as it still does for a chmod, a deletion
or a change only the contents' hash sees.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

MODIFY, CLOSE_WRITE, MOVED_FROM, MOVED_TO = 0x2, 0x8, 0x40, 0x80
DELETE, OVERFLOW = 0x200, 0x4000
MASK = MODIFY | CLOSE_WRITE | MOVED_FROM | MOVED_TO | DELETE
EVENT = struct.Struct("iIII")  # struct inotify_event: wd, mask, cookie, len; then the name
Key = tuple[int, str]  # a watched folder (its watch descriptor) and a file's name in it


@dataclass(slots=True)
class Saves:
    """inotify on the folders of the watched files (a file replaced by a rename keeps its
    name in its folder, not its inode), filtered to the watched names."""

    fd: int
    names: dict[int, set[str]]  # by watch descriptor, the names watched in that folder
    writing: set[Key] = field(default_factory=set)  # written to, not closed since

    @classmethod
    def watch(cls, paths: Iterable[os.PathLike[str] | str]) -> Saves | None:
        """Watch the folders of `paths` (and of what a symbolic link names); None where the
        system offers no such events."""
        if not sys.platform.startswith("linux"):
            return None
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            init, add = libc.inotify_init1, libc.inotify_add_watch
        except (OSError, AttributeError):
            return None
        fd = init(os.O_NONBLOCK | os.O_CLOEXEC)
        if fd < 0:
            return None
        names: dict[int, set[str]] = {}
        for path in paths:
            for place in {os.path.abspath(path), os.path.realpath(path)}:
                folder, name = os.path.split(place)
                watch = add(fd, os.fsencode(folder), MASK)
                if watch >= 0:  # else this folder sends nothing: the poll sees its files
                    names.setdefault(watch, set()).add(name)
        if not names:
            os.close(fd)
            return None
        return cls(fd, names)

    def saved(self) -> bool:
        """Take the events waiting: True when a watched file was saved and none is left
        half-written (modified and not closed since)."""
        saved = False
        for watch, mask, name in self._events():
            if mask & OVERFLOW:  # events were lost: what is being written is unknown
                self.writing.clear()
                continue
            key = (watch, name)
            if name not in self.names.get(watch, ()):
                continue
            if mask & MODIFY:
                self.writing.add(key)
            if mask & (CLOSE_WRITE | MOVED_TO):
                self.writing.discard(key)
                saved = True
            elif mask & (DELETE | MOVED_FROM):
                self.writing.discard(key)
        return saved and not self.writing

    def _events(self) -> Iterable[tuple[int, int, str]]:
        while True:
            try:
                data = os.read(self.fd, 64 * 1024)
            except (BlockingIOError, InterruptedError):
                return
            offset = 0
            while offset < len(data):
                watch, mask, _, length = EVENT.unpack_from(data, offset)
                start = offset + EVENT.size
                yield watch, mask, os.fsdecode(data[start:start + length].rstrip(b"\0"))
                offset = start + length

    def close(self) -> None:
        os.close(self.fd)
