"""Regenerate the parts of docs/ that come from the registry: `python docs/update.py`.

tests/test_docs.py fails when a generated section is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from proposals.reference import topics_markdown
from proposals.registry import registry

DOCS = Path(__file__).resolve().parent
START, END = "<!-- topics:start -->", "<!-- topics:end -->"


def spliced(text: str, generated: str) -> str:
    """`text` with everything between the markers replaced by `generated`."""
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{generated}{END}{tail}"


def main() -> int:
    target = DOCS / "format.md"
    text = target.read_text(encoding="utf-8")
    new = spliced(text, topics_markdown(registry()))
    if new != text:
        target.write_text(new, encoding="utf-8")
        print(f"updated {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
