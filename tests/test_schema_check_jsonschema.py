"""check-jsonschema, the command CI pipelines and pre-commit hooks run, reads YAML 1.2 as an
editor does (`round: 2` is a number, `2025-06-02` text) and the schema's patterns with an
ECMAScript engine. It validates every bundled example and files that use every spelling
the loader accepts, and refuses a file the loader refuses.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from itertools import cycle
from pathlib import Path

import pytest
import yaml

from proposals.loader import read_string
from proposals.model import Kind
from proposals.registry import registry
from proposals.schema import proposal_schema

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_FILES = sorted((ROOT / "proposals" / "examples").glob("*/*.yaml"))

STYLES = [
    str.upper,
    lambda word: "-".join(part.capitalize() for part in word.split(" ")),
    lambda word: word.replace(" ", "_") + ".",
    lambda word: word.title().replace(" ", "  "),
]
"""How an author may write a word the loader folds: `FULL`, `All-For-All`, `mutual_agreement.`."""
DATES = ["2025-06-02", "2025-06-02T10:00+03:00", "2025-06-02T07:00Z",
         "2025-06-02 10:00:30.500-05:00"]


def _spellings(term) -> list[str]:
    return [term.value, term.label, *term.aliases]


def _value(topic, styles: Iterator) -> object:
    """Every spelling of every word of `topic`, each in the next style: a choice's as readings
    of one clause, a set's in one list, a sequence's as readings that each spell every step
    another way."""
    terms = topic.vocabulary.terms
    if topic.kind is Kind.SET:
        return [next(styles)(word) for term in terms for word in _spellings(term)]
    if topic.kind is Kind.CHOICE:
        values: list = [next(styles)(word) for term in terms for word in _spellings(term)]
    else:
        count = max(2, *(len(_spellings(term)) for term in terms))
        values = [[next(styles)(_spellings(term)[index % len(_spellings(term))])
                   for term in terms] for index in range(count)]
    return {"readings": [{"value": value} for value in values]}


def spellings_document() -> dict:
    """A document that writes every spelling of every word, in turn in each style, and the
    other fields in forms the loader folds."""
    styles = cycle(STYLES)
    clauses = {topic.key: _value(topic, styles) for topic in registry().topics
               if topic.vocabulary is not None}
    dates = cycle(DATES)
    clauses.update({topic.key: next(dates) for topic in registry().topics
                    if topic.kind is Kind.DATE})
    clauses["humanitarian.remains"] = {"value": "Unspecified", "confidence": " Reported"}
    return {"ceasefire": 2, "party": "Party", "round": 2, "status": " Proposed",
            "date": DATES[0], "amends": "False", "clauses": clauses}


BAD = ("ceasefire: 2\nparty: A\nclauses:\n  ceasefire.type: fulll\n"
       "  ceasefire.effective: 2025-06-02T10:00\n")


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> subprocess.CompletedProcess[str]:
    """One run of check-jsonschema over the examples, the spellings and a bad file."""
    folder = tmp_path_factory.mktemp("check-jsonschema")
    schema = folder / "ceasefire.schema.json"
    schema.write_text(json.dumps(proposal_schema(), ensure_ascii=False), encoding="utf-8")
    text = yaml.safe_dump(spellings_document(), allow_unicode=True, sort_keys=False)
    loaded = read_string(text, "spellings.yaml")
    assert loaded.problems == (), loaded.problems[:3]
    assert read_string(BAD, "bad.yaml").proposal is None
    (folder / "spellings.yaml").write_text(text, encoding="utf-8")
    (folder / "bad.yaml").write_text(BAD, encoding="utf-8")
    files = [*EXAMPLE_FILES, folder / "spellings.yaml", folder / "bad.yaml"]
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
                           *map(str, files)], capture_output=True, text=True, timeout=120)


def test_check_jsonschema_validates_the_examples_and_every_spelling(checked):
    failed = {Path(name).name for name in re.findall(r"^  (\S+?)::\$", checked.stdout, re.M)}
    assert failed == {"bad.yaml"}, checked.stdout[-3000:]


def test_check_jsonschema_refuses_what_the_loader_refuses(checked):
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "bad.yaml::$.clauses['ceasefire.type']: 'fulll'" in checked.stdout
    assert "bad.yaml::$.clauses['ceasefire.effective']: '2025-06-02T10:00'" in checked.stdout
