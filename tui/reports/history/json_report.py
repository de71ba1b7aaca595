"""JSON: the versioned contract `ceasefire-history/1` (docs/json.md), straight from the result.

Written as the diff report's JSON is (tui.reports.json_report): ASCII, open range ends as
null, Summary's `one-sided` by its alias, and streamed: the history, each party, each
step and each round field by field, their changes, rows and pairs a chunk at a time, so a
history of many rounds of thousands of rows never exists twice in memory. The bytes are
exactly those of serialising the whole history at once.
"""

from __future__ import annotations

import io

from diffing.history_result import FORMAT, History, PartyHistory, Round, Step
from diffing.result import Comparison
from tui.reports.json_report import Write, schema_of, stream

VERSION = FORMAT.rsplit("/", 1)[1]
OPENED = (History, PartyHistory, Step, Round, Comparison)
"""The records written field by field: those that hold sequences which grow with the rows."""


def contract_schema() -> dict:
    """The JSON Schema of what `write` produces, from the result types themselves."""
    return schema_of(History, f"urn:ceasefire:history:{VERSION}",
                     f"ceasefire history, JSON output, format {FORMAT}")


def write(history: History, write: Write) -> None:
    """Write the history's JSON, a newline at the end, through `write`."""
    stream(history, write, OPENED)
    write(b"\n")


def render(history: History) -> str:
    buffer = io.BytesIO()
    write(history, buffer.write)
    return buffer.getvalue().decode("ascii")
