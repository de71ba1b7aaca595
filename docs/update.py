"""Regenerate the parts of docs/ that come from the code: `python docs/update.py`.

The topic reference in format.md comes from the registry; the JSON Schemas of `diff --format
json` (ceasefire-diff-2.schema.json) and of `history --format json`
(ceasefire-history-1.schema.json), each named after its contract's version, from the result
types. The schemas are written into the package (tui/reports/schemas/), which ships them
and prints them (`ceasefire schema --output-of diff`); the docs link there.
tests/test_docs.py fails when any of them is out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from proposals.reference import topics_markdown
from proposals.registry import registry
from tui.reports.history import json_report as history_json
from tui.reports.contracts import schema_file
from tui.reports.json_report import contract_schema

DOCS = Path(__file__).resolve().parent
START, END = "<!-- topics:start -->", "<!-- topics:end -->"
CONTRACT = schema_file("diff")
HISTORY_CONTRACT = schema_file("history")


def contract_text() -> str:
    return json.dumps(contract_schema(), indent=2, sort_keys=True) + "\n"


def history_contract_text() -> str:
    return json.dumps(history_json.contract_schema(), indent=2, sort_keys=True) + "\n"


def _current(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def spliced(text: str, generated: str) -> str:
    """`text` with everything between the markers replaced by `generated`."""
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{generated}{END}{tail}"


def main() -> int:
    target = DOCS / "format.md"
    text = target.read_text(encoding="utf-8")
    new = spliced(text, topics_markdown(registry()))
    for path, old, fresh in ((target, text, new),
                             (CONTRACT, _current(CONTRACT), contract_text()),
                             (HISTORY_CONTRACT, _current(HISTORY_CONTRACT),
                              history_contract_text())):
        if fresh != old:
            path.write_text(fresh, encoding="utf-8")
            print(f"updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
