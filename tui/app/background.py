"""Slow work (reading and comparing the files) on a thread that never holds the app open.

Textual's thread workers run on asyncio's default executor, whose threads the app joins
when it closes: `q` or ctrl+c during a 20-second load would wait the 20 seconds. A daemon
thread is left behind instead; the awaiting task is cancelled with the app, and a result
that comes back after that is thrown away.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
NAME = "ceasefire-read"


async def off_thread(work: Callable[[], T]) -> T:
    """`work()` run on a daemon thread; its result (or its exception) once it is done."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def deliver(result: T | None, error: BaseException | None) -> None:
        if done.done():  # the awaiting task was cancelled: nobody wants it
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        result, error = None, None
        try:
            result = work()
        except BaseException as failure:  # handed to the awaiting task, which raises it
            error = failure
        try:
            loop.call_soon_threadsafe(deliver, result, error)
        except RuntimeError:  # the app has closed its loop: nothing is waiting
            pass

    threading.Thread(target=run, name=NAME, daemon=True).start()
    return await done


def exit_if_reading(status: int) -> None:
    """Exit at once with `status` while a reading is still under way: a daemon thread inside
    libyaml holds the interpreter lock, and with it the interpreter's own exit, until the
    call returns (two seconds on a large file after the screen was given back)."""
    if any(thread.name == NAME and thread.is_alive() for thread in threading.enumerate()):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
