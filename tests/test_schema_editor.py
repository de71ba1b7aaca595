"""The schema in a real editor: the YAML language server that VS Code and Neovim run, pinned
(tests/yaml_server.py), over stdio, on files that point at `ceasefire schema`'s output with
the modeline docs/format.md gives. It must say nothing on valid files (its regular
expressions are ECMAScript's, not Python's), the useful thing first on a mistake, and
complete field names, topic keys and words.

One server for the session, every document opened in one batch (the server waits 200 ms
before it validates a change); skipped, with the reason, where node or npm is missing or
the package cannot be installed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from proposals.model import Kind
from proposals.registry import registry
from tests.yaml_server import LanguageServer, installed

ROOT = Path(__file__).resolve().parents[1]
VALID_FILES = sorted((ROOT / "proposals" / "examples").glob("*/*.yaml")) + sorted(
    (ROOT / "tests" / "fixtures").glob("*/*.yaml"))
MODELINE = "# yaml-language-server: $schema=ceasefire.schema.json\n"
HEAD = MODELINE + "ceasefire: 2\nparty: A\nclauses:\n"  # clauses start on line 4 (0-based)


def _respelt(word: str) -> str:
    """`mutual agreement` as `Mutual_Agreement.`: another case, another separator."""
    return "_".join(part[:1].upper() + part[1:] for part in word.split(" ")) + "."


DOCUMENTS = {
    # every closed choice topic with one of its words in another case and separator
    "respelt": HEAD + "".join(f"  {topic.key}: {_respelt(topic.vocabulary.terms[-1].label)!r}\n"
                              for topic in registry().topics if topic.kind is Kind.CHOICE),
    "docs-spellings": MODELINE + (
        "ceasefire: 2\nparty: Ukraine\nround: 2\ndate: 2025-06-02\n"
        "clauses:\n"
        "  ceasefire.type: Full\n"
        "  ceasefire.extension: mutual agreement\n"
        "  humanitarian.prisoner_exchange: {value: All-for-all, by: both sides, when: day 7}\n"
        "  ceasefire.effective: 2025-06-02T10:00+03:00\n"
        "  ceasefire.end_date: 2025-07-02T07:00Z\n"
        "  ceasefire.length: at least 30 days\n"
        "  ceasefire.domains: [Land, AIR, sea]\n"
        "  forces.withdrawal: None\n"
        "  humanitarian.remains: {value: Unspecified, confidence: Reported}\n"),
    "misspelt-word": HEAD + "  ceasefire.type: fulll\n",
    "misspelt-word-full-form": HEAD + "  ceasefire.type:\n    value: fulll\n",
    "misspelt-item": HEAD + "  ceasefire.domains: [land, se]\n",
    "misspelt-single-item": HEAD + "  ceasefire.domains: se\n",
    "misspelt-topic": HEAD + "  ceasefire.type: full\n  ceasefire.duratoin: 30 days\n",
    "time-without-zone": HEAD + "  ceasefire.effective: 2025-06-02T10:00\n",
}


@pytest.fixture(scope="session")
def editor(tmp_path_factory):
    """The server, and a folder holding `ceasefire schema > ceasefire.schema.json`."""
    entry, reason = installed()
    if entry is None:
        pytest.skip(f"yaml-language-server unavailable: {reason}")
    folder = tmp_path_factory.mktemp("editor")
    schema = subprocess.run([sys.executable, "-m", "tui", "schema"], capture_output=True,
                            text=True, check=True, cwd=ROOT).stdout
    (folder / "ceasefire.schema.json").write_text(schema, encoding="utf-8")
    server = LanguageServer(entry)
    server.folder = folder  # type: ignore[attr-defined]
    yield server
    server.close()


@pytest.fixture(scope="session")
def diagnosed(editor) -> dict[str, list[tuple[int, str]]]:
    """(0-based line, message) of each diagnostic, by document name or valid file."""
    texts = {**DOCUMENTS, **{f"{p.parent.name}/{p.name}": MODELINE + p.read_text("utf-8")
                             for p in VALID_FILES}}
    uris = {(editor.folder / f"{name.replace('/', '-')}.yaml").as_uri(): name for name in texts}
    found = editor.diagnose({uri: texts[name] for uri, name in uris.items()})
    return {uris[uri]: [(d["range"]["start"]["line"], d["message"]) for d in diagnostics]
            for uri, diagnostics in found.items()}


def complete(editor, text: str, line: int, column: int) -> list[str]:
    uri = (editor.folder / "completion.yaml").as_uri()
    return [item["label"] for item in editor.complete(uri, text, line, column)]


@pytest.mark.parametrize("name", [f"{p.parent.name}/{p.name}" for p in VALID_FILES])
def test_no_diagnostic_on_a_valid_file(diagnosed, name):
    assert diagnosed[name] == []


@pytest.mark.parametrize("name", ["respelt", "docs-spellings"])
def test_every_spelling_the_loader_folds_is_valid_in_the_editor(diagnosed, name):
    """The folding patterns work in the server's own regular expressions."""
    assert diagnosed[name] == []


def test_a_misspelt_word_gets_the_word_list_first(diagnosed):
    """Not 'Incorrect type. Expected "object(ceasefire proposal, format 2)"'."""
    [(line, message)] = diagnosed["misspelt-word"]
    assert line == 4
    assert message.startswith('Value is not accepted. Valid values: "full", ')
    assert '"unspecified"' in message


@pytest.mark.parametrize("name, line", [("misspelt-word-full-form", 5), ("misspelt-item", 4),
                                        ("misspelt-single-item", 4)])
def test_a_misspelt_word_anywhere_gets_the_word_list(diagnosed, name, line):
    [(at, message)] = diagnosed[name]
    assert at == line and message.startswith("Value is not accepted. Valid values: ")


def test_a_misspelt_topic_gets_the_topics_of_its_area(diagnosed):
    [(line, message)] = diagnosed["misspelt-topic"]
    assert line == 5
    assert message.startswith("Not a topic. The ceasefire. topics: ceasefire.type, ")
    assert "ceasefire.duration" in message


def test_a_time_without_its_zone_is_told_how_to_write_it(diagnosed):
    [(line, message)] = diagnosed["time-without-zone"]
    assert line == 4 and "2025-06-02T10:00+03:00" in message


def test_completion_offers_field_names(editor):
    top = complete(editor, MODELINE + "ceasefire: 2\nparty: A\n\n", 3, 0)
    assert {"clauses", "sources", "phases", "options", "round"} <= set(top)
    clause = complete(editor, HEAD + "  ceasefire.type:\n    value: full\n    \n", 6, 4)
    assert {"by", "when", "conditions", "source", "confidence", "readings"} <= set(clause)


@pytest.mark.parametrize("text, line, column, fields", [
    (HEAD + "  ceasefire.type:\n    - \n", 5, 6, {"value", "by", "when"}),
    (HEAD + "  ceasefire.type:\n    readings:\n      - \n", 6, 8, {"value", "source"}),
    (MODELINE + "ceasefire: 2\nparty: A\nphases:\n  - \n", 4, 4, {"id", "starts"}),
    (MODELINE + "ceasefire: 2\nparty: A\nsources:\n  s:\n    \n", 5, 4, {"title", "url"}),
], ids=["clause-in-a-list", "reading", "phase", "source"])
def test_no_stray_object_item_among_the_field_names(editor, text, line, column, fields):
    """The server's skeleton item for an object with required keys is named by the object's
    title: 'phase', not 'object(ceasefire proposal, format 2)'."""
    labels = complete(editor, text, line, column)
    assert fields <= set(labels)
    assert not [label for label in labels if label.startswith("object(")], labels


def test_completion_offers_topic_keys_and_words(editor):
    keys = complete(editor, HEAD + "  ceasefire.d\n", 4, 13)
    assert set(registry().written_keys) <= set(keys)
    words = complete(editor, HEAD + "  ceasefire.type: \n", 4, 18)
    assert {"full", "partial", "local", "pause", "unspecified"} <= set(words)
    assert not [label for label in words if label.startswith("object(")]
    items = complete(editor, HEAD + "  ceasefire.domains:\n    - \n", 5, 6)
    assert {"land", "air", "sea"} <= set(items)
