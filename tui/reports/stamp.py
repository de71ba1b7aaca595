"""What a report says of its own making: when (SOURCE_DATE_EPOCH when it is set, as
reproducible builds agree, so a report made twice from the same files is the same byte for
byte) and by which version of the tool."""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone

from tui.inputs import UsageError


def generated() -> str:
    """`2025-06-02 10:00 UTC`: now, or the time SOURCE_DATE_EPOCH gives (seconds since 1970)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        seconds = time.time()
    elif epoch.isdigit():
        seconds = int(epoch)
    else:
        raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r}: expected whole seconds since 1970-01-01")
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def tool_version() -> str:
    """The installed package's version (`unknown` when run from a tree never installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ceasefire")
    except PackageNotFoundError:
        return "unknown"
