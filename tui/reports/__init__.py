"""Report renderers: each turns one `Comparison` into one output format, never recomputing it.

Renderer modules are imported only when their format is asked for.
"""

from __future__ import annotations

from importlib import import_module

from diffing import Comparison

TEXT_FORMATS = {"text": "text", "markdown": "markdown", "json": "json_report", "html": "html",
                "csv": "csv_report"}
BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html",
             ".htm": "html", ".txt": "text", ".csv": "csv"}
"""The format a file name's suffix asks for (`-o report.html`, the app's export)."""


def render_text(comparison: Comparison, report_format: str, **options: object) -> str:
    """The report in one of TEXT_FORMATS (the rich format prints to a console instead);
    `options` as the human formats take them (`cite=`)."""
    module = import_module(f"tui.reports.{TEXT_FORMATS[report_format]}")
    return module.render(comparison, **options)
