"""Driving the app's file watcher in a Pilot test as its timer would, with a deadline
instead of a sleep: the watcher reads a change only once the files have been still."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tui.app.app import WATCH_SECONDS, CeasefireApp
from tui.app.session import SETTLE_SECONDS


async def loaded(app: CeasefireApp, pilot, seconds: float = 30.0) -> None:
    """Until the first reading is shown (the app may not have started it yet when a test
    begins), then any reload under way."""
    deadline = time.monotonic() + seconds
    await pilot.pause()
    while app.reading:
        if time.monotonic() > deadline:
            pytest.fail(f"the files were not read within {seconds} s")
        await pilot.pause(0.01)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def watch_until(app: CeasefireApp, pilot, until: Callable[[], bool],
                      seconds: float = 5.0) -> None:
    """Poll the files until `until()` holds; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        app.poll_files()
        await loaded(app, pilot)
        if until():
            return
        if time.monotonic() > deadline:
            pytest.fail(f"not seen within {seconds} s")
        await pilot.pause(WATCH_SECONDS)


async def watch_a_while(app: CeasefireApp, pilot, seconds: float = 2 * SETTLE_SECONDS) -> None:
    """Poll the files for long enough that any change would have been read."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.poll_files()
        await loaded(app, pilot)
        await pilot.pause(WATCH_SECONDS)
