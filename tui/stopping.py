"""Stopping when asked (ctrl+c, `kill`, a closed terminal): quietly, after the cleanup of
whatever was being written, with the status a shell gives a command killed by the signal.

Python's default for SIGTERM and SIGHUP ends the process on the spot, so a `finally` that
removes a temporary file never runs; and ctrl+c's KeyboardInterrupt, raised inside a
pydantic serialiser, comes out as a PydanticSerializationError. So a signal here raises
`Stopped` where the program is, and is remembered: whatever exception it turns into on
the way out, `received()` says the run was stopped.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                if hasattr(signal, name))

_received: int | None = None


class Stopped(BaseException):
    """Raised where the program is when a signal in SIGNALS arrives (once a run)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def received() -> int | None:
    """The signal that stopped this run, if one did."""
    return _received


def _stop(signum: int, frame: object) -> None:
    """The first signal raises; later ones are ignored, so the cleanup it starts finishes."""
    global _received
    if _received is None:
        _received = signum
        raise Stopped(signum)


def _exit_now(signum: int, frame: object) -> None:
    """After the run, with its output flushed: nothing is left to clean up."""
    os._exit(128 + signum)


@contextmanager
def stopped_by_signals(process_ends: bool = False) -> Iterator[None]:
    """Within: SIGINT, SIGTERM and SIGHUP raise `Stopped`; the handlers before are restored
    after — unless the process ends there (`process_ends`): then a signal in its last
    moments exits at once with 128 + its number, where Python's restored ctrl+c handler
    would print a KeyboardInterrupt traceback. Outside the main thread (where Python cannot
    set handlers), nothing changes."""
    global _received
    _received = None
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {number: signal.signal(number, _stop) for number in SIGNALS}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, _exit_now if process_ends else handler)


@contextmanager
def held() -> Iterator[None]:
    """Signals kept pending within (where the system can): made so that a temporary file
    is created and its name known to the code that removes it, with no moment between."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    before = mask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, before)


ENDING_SECONDS = 3.0
"""How long the app may take to end after SIGTERM or SIGHUP before the process ends without
it (a normal quit takes a fraction of a second)."""


def end_on_signals(end: Callable[[int], None]) -> None:
    """In the app's running event loop: SIGTERM and SIGHUP (`kill`, a closed terminal window)
    call `end(128 + N)`, so the app quits as `q` does and gives the terminal back; Python's
    default ends the process on the spot, leaving the terminal in the app's screen and mode.
    (ctrl+c is a key there.) Where the loop cannot take signals, nothing changes.

    If the app has not ended `ENDING_SECONDS` later, the process ends anyway, with the same
    status: with the terminal gone, Textual's thread writing to it can die and its shutdown
    wait for ever to write the last escape codes, which left the app running, orphaned. The
    app holds nothing of the user's to save (files are edited in their editor, settings
    written whole as they change)."""
    import asyncio  # the app has it loaded; a report does not pay for it

    def ending(status: int) -> None:
        deadline = threading.Timer(ENDING_SECONDS, os._exit, (status,))
        deadline.daemon = True  # a normal end does not wait for it
        deadline.start()
        end(status)

    loop = asyncio.get_running_loop()
    for number in SIGNALS:
        if number == signal.SIGINT:
            continue
        try:
            loop.add_signal_handler(number, ending, 128 + number)
        except (NotImplementedError, RuntimeError, ValueError):
            return
