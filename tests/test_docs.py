"""The docs keep the promises the code keeps: generated sections are current, the README's
commands are the ones CI runs, and every documented example command works."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))

from update import CONTRACT, END, START, contract_text, spliced  # noqa: E402

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


def test_every_doc_link_in_the_readme_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\((docs/[^)]+)\)", readme):
        assert (ROOT / link).exists(), link


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
