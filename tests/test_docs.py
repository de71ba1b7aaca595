"""The docs keep the promises the code keeps: generated sections are current, the README's
commands are the ones CI runs, and every documented example command works."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))

from update import (  # noqa: E402
    CONTRACT,
    END,
    HISTORY_CONTRACT,
    START,
    contract_text,
    history_contract_text,
    spliced,
)

from proposals.reference import topics_markdown  # noqa: E402
from proposals.registry import registry  # noqa: E402


def test_the_topic_reference_in_docs_is_generated_from_the_registry():
    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    assert START in text and END in text
    assert spliced(text, topics_markdown(registry())) == text, "run: python docs/update.py"


def _setup_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_the_readme_has_two_one_line_setup_commands_in_a_virtual_environment():
    commands = _setup_commands()
    assert len(commands) == 2
    for command in commands:
        assert "\n" not in command
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install")
    assert "ceasefire diff --example" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_exactly_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _setup_commands()[1] in ci.splitlines()


def test_the_readme_links_only_what_a_package_index_can_follow_and_names_every_page():
    """PyPI shows the README without the repository around it: no relative links; the pages
    are named for `ceasefire docs NAME`, which reads them from the installed package."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\(([^)]*)\)", readme):
        assert link.startswith(("https://", "http://", "#")), link
    section = readme.split("## Documentation", 1)[1].split("\n## ", 1)[0]
    pages = {page.stem for page in (ROOT / "docs").glob("*.md")}
    assert set(re.findall(r"^- `([a-z]+)` — ", section, re.M)) == pages
    assert set(re.findall(r"`ceasefire docs ([a-z]+)", readme)) <= pages


def test_every_relative_link_in_the_docs_exists():
    for page in (ROOT / "docs").glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for link in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
            assert (page.parent / link).exists(), (page.name, link)


def test_the_json_contract_schema_is_current_and_the_output_follows_it():
    import jsonschema

    from diffing import FORMAT

    assert CONTRACT.name == f"ceasefire-diff-{FORMAT.rsplit('/', 1)[1]}.schema.json"
    assert CONTRACT.read_text(encoding="utf-8") == contract_text(), "run: python docs/update.py"
    schema = json.loads(contract_text())
    validator = jsonschema.Draft202012Validator(schema)
    golden = json.loads((ROOT / "tests" / "golden" / "istanbul.json").read_text())
    validator.validate(golden)
    validator.validate(_phased_json())  # phases, actors, times, readings, options, timelines


def _phased_json() -> dict:
    from diffing import compare
    from proposals.limits import DEFAULT_LIMITS
    from tui.inputs import input_sources, read_inputs, valid_proposals
    from tui.reports import render_text

    files = [str(ROOT / "tests" / "fixtures" / "reports" / name)
             for name in ("mediators.yaml", "israel.yaml")]
    proposals = valid_proposals(read_inputs(input_sources(files, None), DEFAULT_LIMITS))
    return json.loads(render_text(compare(proposals), "json"))


def test_the_json_contract_requires_every_field_the_output_always_writes():
    schema = json.loads(contract_text())
    assert schema["$id"] == "urn:ceasefire:diff:2"
    for definition in (schema, *schema["$defs"].values()):
        if "properties" in definition:
            assert set(definition["required"]) == set(definition["properties"])
    span = schema["$defs"]["Span"]["properties"]["high"]
    assert {"type": "null"} in span["anyOf"]  # an open end is written as null
    known = schema["$defs"]["Steps"]["properties"]["known"]["anyOf"][0]
    assert known["type"] == "array" and known["items"]["type"] == "array"


def test_the_json_docs_name_every_field_of_the_contract():
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    schema = json.loads(contract_text())
    documented = set(re.findall(r"`([a-z_-]+)`", text))
    for name, definition in schema["$defs"].items():
        missing = set(definition.get("properties", {})) - documented
        assert not missing, (name, missing)
    assert not set(schema["properties"]) - documented
    assert "## Changes from `ceasefire-diff/1`" in text


# --- ceasefire history --format json: ceasefire-history/1 ----------------------------------

HISTORY_RECORDS = ("History", "PartyHistory", "Step", "Counts", "Change", "Gap", "Round", "Trend")
"""The records of the history contract; the rest ($defs shared with the diff's) are the diff's."""


def _history_json(*examples: str) -> dict:
    from diffing.history import history
    from proposals.limits import DEFAULT_LIMITS
    from tui.inputs import input_sources, read_inputs, valid_proposals
    from tui.reports.history.json_report import render

    proposals = valid_proposals(read_inputs(input_sources([], list(examples)), DEFAULT_LIMITS))
    return json.loads(render(history(proposals)))


def test_the_history_contract_schema_is_current_and_the_output_follows_it():
    import jsonschema

    from diffing.history_result import FORMAT

    assert HISTORY_CONTRACT.name == f"ceasefire-history-{FORMAT.rsplit('/', 1)[1]}.schema.json"
    assert HISTORY_CONTRACT.read_text(encoding="utf-8") == history_contract_text(), \
        "run: python docs/update.py"
    schema = json.loads(history_contract_text())
    assert schema["$id"] == "urn:ceasefire:history:1"
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(json.loads((ROOT / "tests" / "golden" / "history.json").read_text()))
    drafts = _history_json("peace-plans-2025-11")  # one party's drafts: overall, no index
    validator.validate(drafts)
    assert drafts["parties"][0]["overall"] is not None and drafts["rounds"][0]["summary"] is None


def test_the_history_contract_requires_every_field_and_spells_one_sided_as_the_diff_does():
    schema = json.loads(history_contract_text())
    for definition in (schema, *schema["$defs"].values()):
        if "properties" in definition:
            assert set(definition["required"]) == set(definition["properties"])
    assert "one-sided" in schema["$defs"]["Summary"]["properties"]
    assert {"type": "null"} in schema["$defs"]["Span"]["properties"]["high"]["anyOf"]
    diff = json.loads(contract_text())["$defs"]
    for name in set(diff) & set(schema["$defs"]):  # what the two contracts share is the same
        assert schema["$defs"][name] == diff[name], name


def test_the_json_docs_name_every_field_of_the_history_contract():
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    section = text.split("## `ceasefire history --format json`: ceasefire-history/1", 1)[1]
    documented = set(re.findall(r"`([a-z_-]+)`", section))
    schema = json.loads(history_contract_text())
    for name in HISTORY_RECORDS:
        definition = schema if name == "History" else schema["$defs"][name]
        missing = set(definition["properties"]) - documented
        assert not missing, (name, missing)
    for enum in ("Move", "Direction"):
        assert not set(schema["$defs"][enum]["enum"]) - documented, enum
    everywhere = set(re.findall(r"`([a-z_-]+)`", text))
    for name, definition in schema["$defs"].items():
        assert not set(definition.get("properties", {})) - everywhere, name


def _blocks(kind: str) -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"```{kind}\n(.+?)```", readme, re.S)


def test_the_readme_example_file_is_valid_and_its_mistake_reads_as_quoted(tmp_path):
    from proposals.loader import read_string

    [example] = _blocks("yaml")
    assert read_string(example, "ukraine.yaml").problems == ()
    [problem] = read_string(example.replace("at least 30 days", "at least 30 dayz"),
                            "ukraine.yaml").problems
    assert str(problem) in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_quotes_the_duration_row_as_the_tool_prints_it(capsys):
    from tui.cli import main

    folder = ROOT / "proposals" / "examples" / "istanbul-2025-06-02"
    main(["diff", str(folder / "ukraine.yaml"), str(folder / "russia.yaml"), "--format", "text",
          "--topics", "ceasefire.duration"])
    printed = capsys.readouterr().out
    quoted = next(block for block in _blocks("") if "CONFLICT  Duration" in block)
    assert quoted in printed
    count = re.search(r"Of the (\d+) topics", (ROOT / "README.md").read_text(encoding="utf-8"))
    main(["diff", str(folder / "ukraine.yaml"), str(folder / "russia.yaml"), "--format", "text"])
    assert f"\n{count[1]} topics:" in capsys.readouterr().out
