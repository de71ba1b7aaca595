"""The format's commands as a user runs them: `check`, `new`, `schema`, `topics`, `examples`.

Exit codes of `check`: 0 every file valid (warnings allowed), 1 some file invalid, 2 trouble
(a missing file, a directory, a bad option). Most tests call `tui.cli.main` in-process; the
no-traceback tests run the real `python -m tui`, all at once, in subprocesses.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from proposals.examples import scenarios
from proposals.loader import read_proposal
from proposals.registry import registry
from proposals.schema import proposal_schema
from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]

VALID = ("ceasefire: 1\nparty: Ukraine\nclauses:\n  ceasefire.type: full\n"
         "  ceasefire.duration: at least 30 days\n")
WARNED = ("ceasefire: 1\nparty: Ukraine\nclauses:\n  ceasefire.violations:\n    value: Truce\n"
          '    note: "abc\u202edef"\n')
INVALID = ("ceasefire: 1\nparty: Ukraine\nclauses:\n  ceasefire.duration: 30 dayz\n"
           "  ceasefire.tipe: full\n")
INVALID_LINES = [
    "bad.yaml:4:23: error: clauses.ceasefire.duration: unknown unit 'dayz' — did you mean 'days'?",
    "bad.yaml:5:3: error: clauses.ceasefire.tipe: unknown topic 'ceasefire.tipe' — did you mean",
]
SCENARIOS = [s.name for s in scenarios()]


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def files(tmp_path, monkeypatch):
    """A folder with one file of each sort, as the current directory."""
    monkeypatch.chdir(tmp_path)
    for name, text in (("ok.yaml", VALID), ("warn.yaml", WARNED), ("bad.yaml", INVALID)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "latin1.yaml").write_bytes("ceasefire: 1\nparty: Ü\n".encode("latin-1"))
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse: --help, --version and usage errors
        code = stop.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- check: exit codes ----------------------------------------------------------------------


@pytest.mark.parametrize("argv, code", [
    (["ok.yaml"], 0),
    (["warn.yaml"], 0),
    (["ok.yaml", "warn.yaml"], 0),
    (["bad.yaml"], 1),
    (["ok.yaml", "bad.yaml"], 1),
    (["latin1.yaml"], 1),
    (["missing.yaml"], 2),
    (["ok.yaml", "missing.yaml"], 2),
    (["bad.yaml", "missing.yaml"], 2),
    (["."], 1),  # a folder: each of its YAML files, bad.yaml among them
    ([], 2),
    (["--limit", "nonsense", "ok.yaml"], 2),
    (["--limit", "clauses=0", "ok.yaml"], 2),
    (["--limit", "clauses=many", "ok.yaml"], 2),
    (["--example", SCENARIOS[0], "ok.yaml"], 0),  # files and examples together
    (["--format", "xml", "ok.yaml"], 2),
    (["--bogus", "ok.yaml"], 2),
])
def test_check_exit_codes(capsys, files, argv, code):
    assert run(capsys, "check", "--color", "never", *argv)[0] == code


def test_check_prints_each_problem_as_file_line_col(capsys, files):
    code, out, _ = run(capsys, "check", "--color", "never", "bad.yaml")
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == INVALID_LINES[0]
    assert lines[1].startswith(INVALID_LINES[1])
    assert lines[2] == "1 file: 0 valid, 1 invalid; 2 errors, 0 warnings"
    for line in lines[:2]:
        assert re.fullmatch(r"bad\.yaml:\d+:\d+: error: [\w.]+: .+", line)


def test_check_reports_valid_files_and_warnings(capsys, files):
    code, out, _ = run(capsys, "check", "--color", "never", "ok.yaml", "warn.yaml")
    assert code == 0
    assert out.splitlines() == [
        "ok.yaml: valid, 2 clauses",
        ("warn.yaml:6:11: warning: clauses.ceasefire.violations.note: contains invisible or "
        "direction-changing characters (U+202E RIGHT-TO-LEFT OVERRIDE): the text may read "
        "differently on screen than in the file"),
        "warn.yaml: valid, 1 clause",
        "2 files: 2 valid, 0 invalid; 0 errors, 1 warning",
    ]


@pytest.mark.parametrize("argv, message", [
    (["missing.yaml"], "missing.yaml: error: no such file"),
    (["folder.yaml"], "folder.yaml: error: is a directory, not a proposal file"),
])
def test_unreadable_paths_are_reported_in_the_same_format(capsys, files, argv, message):
    """A problem of the whole file names the file alone: no line or column is made up."""
    (files / "folder.yaml").mkdir()  # named as a file: read as one, never as a folder
    code, out, _ = run(capsys, "check", "--color", "never", *argv)
    assert (code, out.splitlines()[0]) == (2, message)
    _, out, _ = run(capsys, "check", "--format", "json", *argv)
    [problem] = json.loads(out)["files"][0]["problems"]
    assert (problem["line"], problem["column"]) == (None, None)


@pytest.mark.parametrize("text, place, message", [
    ("clauses:\n\tceasefire.type: full\n", "4:1", "a tab in indentation"),
    ("clauses:\n  ceasefire.type:\n  \tvalue: full\n", "5:3", "a tab in indentation"),
    ("clauses:\n  ceasefire.duration: 60+ days\n", "4:23",
     "'60+ days': write 'at least 60 days'"),
    ("clauses:\n  humanitarian.prisoner_numbers: 1,000+\n", "4:34",
     "'1,000+': write 'at least 1,000'"),
    ("clauses:\n  ceasefire.type: zzz\n", "4:19",
     "(known: full, partial, local, pause; `ceasefire topics` lists their other names)"),
])
def test_an_authoring_mistake_is_named_as_the_author_would_fix_it(capsys, files, text, place,
                                                                   message):
    (files / "p.yaml").write_text("ceasefire: 2\nparty: X\n" + text, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--color", "never", "p.yaml")
    first = out.splitlines()[0]
    assert first.startswith(f"p.yaml:{place}: error:") and message in first, first
    assert "cannot start any token" not in first and "unknown unit" not in first


@pytest.mark.parametrize("argv, message", [
    (["--limit", "nonsense", "ok.yaml"],
     ("ceasefire check: unknown limit 'nonsense': use NAME=NUMBER with NAME one of file_bytes, "
     "depth, clauses, string_chars, alias_nodes")),
    ([], "ceasefire check: no files: name proposal files or folders, or use --example NAME"),
    (["--example", "istanbul-2025-06-03"],
     ("ceasefire check: no example called 'istanbul-2025-06-03' — did you mean "
     "'istanbul-2025-06-02'")),
    (["--example", "nowhere"], "ceasefire check: no example called 'nowhere' (bundled: "
     + ", ".join(SCENARIOS) + ")"),
])
def test_usage_errors_exit_2_with_a_reason(capsys, files, argv, message):
    code, out, err = run(capsys, "check", *argv)
    assert code == 2
    assert err.startswith(message), err
    assert out == ""


def test_a_limit_is_named_in_the_error_and_can_be_raised(capsys, files):
    code, out, _ = run(capsys, "check", "--color", "never", "--limit", "clauses=1", "ok.yaml")
    assert code == 1
    assert out.splitlines()[0] == ("ok.yaml:4:3: error: clauses: 2 clauses is more than the limit "
                                   "of 1 (raise it with --limit clauses=N)")
    assert run(capsys, "check", "--limit", "clauses=2", "ok.yaml")[0] == 0


@pytest.mark.parametrize("name", SCENARIOS)
def test_check_example_reads_the_bundled_scenario(capsys, name):
    code, out, _ = run(capsys, "check", "--color", "never", "--example", name)
    assert code == 0
    files = next(s.files for s in scenarios() if s.name == name)
    for path in files:
        count = len(read_proposal(path).proposal.clauses)
        assert f"{name}/{path.name}: valid, {count} clause{'s' * (count != 1)}" in out.splitlines()


# --- check --format json --------------------------------------------------------------------


def test_check_json_gives_every_problem_as_data(capsys, files):
    code, out, _ = run(capsys, "check", "--format", "json", "ok.yaml", "bad.yaml", "warn.yaml")
    assert code == 1
    report = json.loads(out)
    assert set(report) == {"files", "valid", "invalid"}
    assert (report["valid"], report["invalid"]) == (2, 1)
    assert [(f["file"], f["valid"], f["clauses"]) for f in report["files"]] == [
        ("ok.yaml", True, 2), ("bad.yaml", False, None), ("warn.yaml", True, 1)]
    assert report["files"][0]["problems"] == []
    first, second = report["files"][1]["problems"]
    assert first == {"line": 4, "column": 23, "severity": "error", "code": "invalid",
                     "path": "clauses.ceasefire.duration",
                     "message": "unknown unit 'dayz' — did you mean 'days'?"}
    assert (second["line"], second["column"], second["path"]) == (5, 3, "clauses.ceasefire.tipe")
    [warning] = report["files"][2]["problems"]
    assert (warning["line"], warning["column"], warning["severity"], warning["code"]) == (
        6, 11, "warning", "hidden-text")


def test_check_json_marks_unreadable_files(capsys, files):
    code, out, _ = run(capsys, "check", "--format", "json", "missing.yaml", "latin1.yaml")
    assert code == 2
    missing, latin1 = json.loads(out)["files"]
    assert missing["problems"] == [{"line": None, "column": None, "severity": "error",
                                    "code": "unreadable", "path": "", "message": "no such file"}]
    assert (latin1["problems"][0]["line"], latin1["problems"][0]["column"],
            latin1["problems"][0]["code"]) == (2, 8, "encoding")


# --- untrusted text never reaches the terminal raw ------------------------------------------

HOSTILE = ('ceasefire: 1\nparty: "Red \\e[31m team"\nclauses:\n'
           '  "\\e[2Jx": full\n'
           '  "x.a\u202eb": {kind: text, value: "v \u202e w"}\n'
           '  ceasefire.type: "\\e[31mfull \u202e"\n'
           '  ceasefire.violations: "A \u202e violation"\n')


def test_escape_and_bidi_characters_are_shown_visibly_in_check(capsys, files):
    (files / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    code, out, err = run(capsys, "check", "--color", "never", "hostile.yaml")
    assert code == 1
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert "clauses.<U+001B>[2Jx: unknown topic '\\x1b[2Jx'" in out
    assert "clauses.x.a<U+202E>b: custom topic 'x.a\\u202eb'" in out
    assert "clauses.ceasefire.violations: contains invisible or direction-changing" in out
    assert "'\\x1b[31mfull \\u202e' is not a word this topic knows" in out


def test_a_file_name_with_an_escape_is_shown_visibly(capsys, files):
    (files / "a\x1b[31m.yaml").write_text(INVALID, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--color", "never", "a\x1b[31m.yaml")
    assert code == 1
    assert "\x1b" not in out
    assert out.splitlines()[0].startswith("a<U+001B>[31m.yaml:4:23: error:")


def test_check_json_never_holds_a_raw_escape(capsys, files):
    (files / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", "hostile.yaml")
    assert code == 1
    assert "\x1b" not in out
    assert "clauses.\x1b[2Jx" in [p["path"] for p in json.loads(out)["files"][0]["problems"]]


def test_check_json_never_holds_a_raw_bidi_override(capsys, files):
    (files / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    _, out, _ = run(capsys, "check", "--format", "json", "hostile.yaml")
    assert "\u202e" not in out


# --- new ------------------------------------------------------------------------------------


def test_new_prints_a_template_that_passes_check(capsys, files):
    code, out, _ = run(capsys, "new")
    assert code == 0
    (files / "new.yaml").write_text(out, encoding="utf-8")
    code, checked, _ = run(capsys, "check", "--color", "never", "new.yaml")
    assert code == 0
    assert checked.splitlines()[-3:] == [
        f"new.yaml:{out.splitlines().index('clauses:') + 1}:9: warning: clauses: no clauses: "
        "the proposal states no position",
        "new.yaml: valid, 0 clauses",
        "1 file: 1 valid, 0 invalid; 0 errors, 1 warning"]


def test_new_states_no_position_until_a_line_is_uncommented(capsys, files):
    """No placeholder can pass for the party's position: not a note, a custom topic or a date."""
    _, out, _ = run(capsys, "new")
    live = [line for line in out.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    assert [line.split(":")[0] for line in live] == ["ceasefire", "party", "id", "clauses"]
    uncommented = out.replace("  # ceasefire.duration: at least 30 days",
                              "  ceasefire.duration: at least 30 days", 1)
    (files / "one.yaml").write_text(uncommented, encoding="utf-8")
    assert [c.topic for c in read_proposal(files / "one.yaml").proposal.clauses] == [
        "ceasefire.duration"]


def test_new_writes_the_party_into_a_new_file(capsys, files):
    code, out, err = run(capsys, "new", "--party", "Ukraine: Office of the President",
                         "-o", "ua.yaml")
    assert (code, out) == (0, "")
    assert "ua.yaml" in err
    text = (files / "ua.yaml").read_text(encoding="utf-8")
    assert 'party: "Ukraine: Office of the President"' in text
    proposal = read_proposal(files / "ua.yaml").proposal
    assert (proposal.party, proposal.id) == ("Ukraine: Office of the President",
                                             "ukraine-office-of-the-president")
    assert run(capsys, "check", "ua.yaml")[0] == 0


def test_new_into_a_missing_folder_exits_2(capsys, files):
    code, _, err = run(capsys, "new", "-o", "no/such/dir/p.yaml")
    assert code == 2
    assert "cannot write no/such/dir/p.yaml" in err


# --- schema, topics, examples, help ---------------------------------------------------------


def test_schema_prints_the_json_schema(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out) == proposal_schema()


def test_topics_json_lists_every_topic(capsys):
    code, out, _ = run(capsys, "topics", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["areas"] == registry().areas
    assert [(t["key"], t["kind"], t["area"]) for t in data["topics"]] == [
        (t.key, t.kind.value, t.area) for t in registry().topics]


def test_topics_markdown_has_a_row_and_a_section_per_topic(capsys):
    code, out, _ = run(capsys, "topics", "--format", "markdown")
    assert code == 0
    for topic in registry().topics:
        assert f"| `{topic.key}` | {topic.label.replace('|', chr(92) + '|')} |" in out
        assert f"#### `{topic.key}` — {topic.label}" in out


def test_topics_table_names_every_topic(capsys):
    code, out, _ = run(capsys, "topics", "--color", "never")
    assert code == 0
    for topic in registry().topics:
        assert topic.key in out


def test_examples_lists_the_scenario_folders(capsys):
    code, out, _ = run(capsys, "examples")
    assert code == 0
    folders = sorted(p.name for p in (ROOT / "proposals" / "examples").iterdir()
                     if p.is_dir() and any(p.glob("*.yaml")))
    listed = [line for line in out.splitlines() if line and not line.startswith((" ", "Try:"))]
    assert listed == folders


def test_no_arguments_prints_help_and_exits_0(capsys):
    code, out, _ = run(capsys)
    assert code == 0
    assert out.startswith("usage: ceasefire")
    for command in ("check", "new", "schema", "topics", "examples"):
        assert command in out


# --- the real command: never a traceback ----------------------------------------------------

BOMB = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
COMMANDS = {
    "check-valid": (["check", "ok.yaml"], 0),
    "check-invalid": (["check", "bad.yaml"], 1),
    "check-json": (["check", "--format", "json", "bad.yaml"], 1),
    "check-missing": (["check", "missing.yaml"], 2),
    "check-directory": (["check", "."], 1),
    "check-binary": (["check", "binary.yaml"], 1),
    "check-bomb": (["check", "bomb.yaml"], 1),
    "check-tag": (["check", "tag.yaml"], 1),
    "check-bad-limit": (["check", "--limit", "nonsense", "ok.yaml"], 2),
    "check-example": (["check", "--example", SCENARIOS[0]], 0),
    "check-unknown-example": (["check", "--example", "nowhere"], 2),
    "new": (["new"], 0),
    "new-existing": (["new", "-o", "ok.yaml"], 2),
    "schema": (["schema"], 0),
    "topics": (["topics"], 0),
    "topics-json": (["topics", "--format", "json"], 0),
    "topics-markdown": (["topics", "--format", "markdown"], 0),
    "examples": (["examples"], 0),
    "no-arguments": ([], 0),
}


@pytest.fixture(scope="module")
def finished(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Every command of COMMANDS run by `python -m tui`, side by side."""
    folder = tmp_path_factory.mktemp("cli")
    for name, text in (("ok.yaml", VALID), ("warn.yaml", WARNED), ("bad.yaml", INVALID),
                       ("bomb.yaml", BOMB), ("hostile.yaml", HOSTILE),
                       ("tag.yaml", ('ceasefire: 1\nparty: A\nclauses:\n  ceasefire.violations: '
                                    '!!python/object/apply:os.system ["touch ran"]\n'))):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "binary.yaml").write_bytes(b"\x00\x01\x02")
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    running = {name: subprocess.Popen([sys.executable, "-m", "tui", *argv], cwd=folder, env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                      encoding="utf-8")
               for name, (argv, _) in COMMANDS.items()}
    done = {}
    for name, process in running.items():
        out, err = process.communicate(timeout=60)
        done[name] = subprocess.CompletedProcess(process.args, process.returncode, out, err)
    assert not (folder / "ran").exists()
    return done


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_command_exits_as_documented_without_a_traceback(finished, name):
    result = finished[name]
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == COMMANDS[name][1], result.stdout + result.stderr
    assert result.stdout or result.stderr


def test_python_m_tui_check_output_is_plain_when_piped(finished):
    out = finished["check-invalid"].stdout
    assert "\x1b" not in out
    assert out.splitlines()[0] == INVALID_LINES[0]
