"""Where the JSON Schemas of the JSON contracts live: in the package (schemas/), so that a
pip install has them and `ceasefire schema --output-of` prints them without pydantic.

One file per contract, named after its version (`ceasefire-diff-2.schema.json`), generated
from the result types by docs/update.py; tests/test_docs.py fails when one is out of date.
"""

from __future__ import annotations

from pathlib import Path

from diffing.history_result import FORMAT as HISTORY_FORMAT
from diffing.result import FORMAT as DIFF_FORMAT

FOLDER = Path(__file__).resolve().parent / "schemas"
CONTRACTS = {"diff": DIFF_FORMAT, "history": HISTORY_FORMAT}
"""The command whose `--format json` output a schema describes, and its contract."""


def schema_file(command: str) -> Path:
    """The schema of `command`'s JSON output: `ceasefire-diff/2` is ceasefire-diff-2.schema.json."""
    return FOLDER / f"{CONTRACTS[command].replace('/', '-')}.schema.json"
