"""The command line as a user drives it: output, exit codes, files written, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

UKRAINE = """\
ceasefire: 1
party: Ukraine
clauses:
  ceasefire.type: full
  ceasefire.duration: at least 30 days
  humanitarian.remains: 6000
"""
RUSSIA = """\
ceasefire: 1
party: Russia
clauses:
  ceasefire.type: local
  ceasefire.duration: 2-3 days
  humanitarian.remains: 6000
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    ukraine, russia = tmp_path / "ukraine.yaml", tmp_path / "russia.yaml"
    ukraine.write_text(UKRAINE)
    russia.write_text(RUSSIA)
    return ukraine, russia


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a subprocess, as a user's shell runs it (stdout is a pipe)."""
    result = subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                            env={**os.environ, **(env or {})}, timeout=60)
    assert "Traceback" not in result.stderr, result.stderr
    return result


# --- check ----------------------------------------------------------------------------------

def test_check_exit_codes(files, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: ful\n")
    assert run("check", *map(str, files)).returncode == 0
    result = run("check", str(files[0]), str(bad))
    assert result.returncode == 1
    assert f"{bad}:4:19: error: clauses.ceasefire.type: 'ful' is not a word this topic knows " \
           "— did you mean 'full'?" in result.stdout
    assert run("check", str(tmp_path / "missing.yaml")).returncode == 2
    assert run("check", str(tmp_path)).returncode == 1  # the folder's files, bad.yaml among them
    (tmp_path / "empty").mkdir()
    assert run("check", str(tmp_path / "empty")).returncode == 2
    assert run("check", "--limit", "nonsense", str(files[0])).returncode == 2
    assert run("check").returncode == 2


def test_check_warnings_do_not_fail(tmp_path):
    path = tmp_path / "hidden.yaml"
    path.write_text('ceasefire: 1\nparty: A\nclauses:\n  ceasefire.violations: "a\\u200bb"\n')
    result = run("check", str(path))
    assert result.returncode == 0 and "warning" in result.stdout and "U+200B" in result.stdout


def test_check_json_for_editors(files, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: ful\n")
    report = json.loads(run("check", "--format", "json", str(files[0]), str(bad)).stdout)
    assert (report["valid"], report["invalid"]) == (1, 1)
    assert report["files"][0] == {"file": str(files[0]), "valid": True, "clauses": 3,
                                  "problems": []}
    assert report["files"][1]["problems"] == [{
        "line": 4, "column": 19, "severity": "error", "code": "invalid",
        "path": "clauses.ceasefire.type",
        "message": "'ful' is not a word this topic knows — did you mean 'full'?"}]


def test_check_never_prints_hidden_or_control_characters_raw(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text('ceasefire: 1\nparty: A\nclauses:\n  "x.\\e[31mred\\u202e": 1\n')
    result = run("check", "--color", "never", str(path))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "<U+001B>" in result.stdout or "\\x1b" in result.stdout


def test_examples_are_listed_and_checked():
    listing = run("examples").stdout
    assert "istanbul-2025-06-02" in listing and "istanbul-2025-05-16" in listing
    result = run("check", "--example", "istanbul-2025-06-02")
    assert result.returncode == 0
    assert "istanbul-2025-06-02/ukraine.yaml: valid" in result.stdout
    unknown = run("check", "--example", "istanbul-2025-06-03")
    assert unknown.returncode == 2 and "did you mean 'istanbul-2025-06-02'" in unknown.stderr


def test_an_example_is_copied_out_to_edit_and_nothing_is_ever_overwritten(tmp_path):
    target = tmp_path / "talks"
    copied = run("examples", "--copy", "istanbul-2025-05-16", str(target))
    assert copied.returncode == 0, copied.stderr
    assert sorted(p.name for p in target.iterdir()) == ["russia.yaml", "ukraine.yaml"]
    assert f"ceasefire diff {target}/" in copied.stderr  # what to run next
    assert run("diff", str(target / "ukraine.yaml"), str(target / "russia.yaml")).returncode == 1
    (target / "ukraine.yaml").write_text("my own work")
    refused = run("examples", "--copy", "istanbul-2025-06-02", str(target))
    assert refused.returncode == 2
    assert (f"{target}/russia.yaml, {target}/ukraine.yaml exist: nothing copied"
            in refused.stderr)
    assert (target / "ukraine.yaml").read_text() == "my own work"
    assert not (target / "agreed.yaml").exists()  # all or nothing
    unknown = run("examples", "--copy", "istanbul", str(tmp_path / "x"))
    assert unknown.returncode == 2 and "no example called 'istanbul'" in unknown.stderr


# --- new, schema, topics -----------------------------------------------------------------------

def test_new_writes_a_template_that_passes_check_and_never_overwrites(tmp_path):
    target = tmp_path / "ukraine.yaml"
    assert run("new", "--party", "Ukraine", "-o", str(target)).returncode == 0
    assert "party: \"Ukraine\"" in target.read_text()
    assert run("check", str(target)).returncode == 0
    target.write_text("my own work")
    refused = run("new", "-o", str(target))
    assert refused.returncode == 2 and "exists" in refused.stderr and "--force" in refused.stderr
    assert target.read_text() == "my own work"
    assert run("new", "--force", "-o", str(target)).returncode == 0
    assert target.read_text().startswith("# A ceasefire proposal")
    assert [p.name for p in tmp_path.iterdir()] == ["ukraine.yaml"]  # no temporary left


def test_new_prints_to_stdout_without_a_file():
    result = run("new")
    assert result.returncode == 0 and result.stdout.startswith("# A ceasefire proposal")


def test_topics_shows_every_alias_in_every_format():
    aliased = {t["key"]: t["aliases"] for t in json.loads(run("topics", "--format", "json").stdout)
               ["topics"] if t["aliases"]}
    assert aliased["ceasefire.duration"] == ["ceasefire.length"]
    table = run("topics", "--color", "never", "--width", "200").stdout
    summary = run("topics", "--format", "markdown").stdout.split("\n\n", 1)[0]
    for key, aliases in aliased.items():
        row = next(line for line in summary.splitlines() if line.startswith(f"| `{key}` |"))
        assert row.endswith(" | " + ", ".join(f"`{a}`" for a in aliases) + " |")
        assert "Also written: " + ", ".join(aliases) in table


def test_schema_and_topics():
    schema = json.loads(run("schema").stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    topics = json.loads(run("topics", "--format", "json").stdout)
    assert len(topics["topics"]) >= 30
    assert "ceasefire.duration" in run("topics").stdout
    assert run("topics", "--format", "markdown").stdout.startswith("| Topic |")


def test_no_arguments_prints_help(capsys):
    assert main([]) == 0
    assert "diff" in capsys.readouterr().out


def test_view_without_files_explains_how_to_pass_them():
    result = run("view")
    assert result.returncode == 2
    assert "--example" in result.stderr and "ceasefire examples" in result.stderr


# --- diff --------------------------------------------------------------------------------------

def test_diff_exit_codes(files, tmp_path):
    ukraine, russia = files
    assert run("diff", str(ukraine), str(russia)).returncode == 1
    assert run("diff", str(ukraine), str(ukraine)).returncode == 0  # ids repeat: -2
    assert run("diff", str(ukraine), str(russia), "--only", "agreed").returncode == 0
    assert run("diff", str(ukraine), str(russia), "--topics", "humanitarian.*").returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text("ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: ful\n")
    broken = run("diff", str(ukraine), str(bad))
    assert broken.returncode == 2 and f"{bad}:4:19: error" in broken.stderr
    assert run("diff", str(ukraine)).returncode == 2
    assert run("diff", str(ukraine), str(russia), "--only", "sideways").returncode == 2
    assert run("diff", str(ukraine), str(russia), "--baseline", "nobody").returncode == 2


def test_diff_piped_is_plain_text(files):
    result = run("diff", *map(str, files))
    assert "\x1b" not in result.stdout
    assert "[x] CONFLICT  Duration (ceasefire.duration)" in result.stdout
    assert "27 days apart" in result.stdout


def test_diff_color_follows_the_flag_and_no_color(files):
    forced = run("diff", "--format", "rich", "--color", "always", *map(str, files))
    assert "\x1b[" in forced.stdout
    assert "\x1b[" not in run("diff", "--format", "rich", "--color", "never",
                              *map(str, files)).stdout
    assert "\x1b[" not in run("diff", "--format", "rich", *map(str, files),
                              env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout


def test_a_report_of_one_topic_says_topic(files):
    for report_format, said in (("text", "1 topic: "), ("markdown", "**1 topic:**")):
        out = run("diff", "--format", report_format, "--topics", "ceasefire.duration",
                  *map(str, files)).stdout
        assert said in out, report_format


def test_diff_piped_with_colour_asked_for_is_the_coloured_report(files):
    # `ceasefire diff a b --color always | less -R`, as diff tools do
    for flags, env in ((["--color", "always"], {}), ([], {"FORCE_COLOR": "1"})):
        out = run("diff", *flags, *map(str, files), env={**env, "NO_COLOR": ""}).stdout
        assert "\x1b[" in out and "Duration" in out
        assert "[x] CONFLICT" not in out  # the terminal report, not the plain one


@pytest.mark.parametrize("suffix, check", [
    (".md", lambda text: text.startswith("# Ukraine vs Russia")),
    (".html", lambda text: text.startswith("<!DOCTYPE html>")),
    (".json", lambda text: json.loads(text)["format"] == "ceasefire-diff/2"),
    (".txt", lambda text: text.startswith("ceasefire diff: Ukraine vs Russia")),
])
def test_diff_output_file_takes_its_format_from_the_suffix(files, tmp_path, suffix, check):
    target = tmp_path / f"report{suffix}"
    assert run("diff", *map(str, files), "-o", str(target)).returncode == 1
    assert check(target.read_text())


def test_written_files_get_ordinary_permissions(files, tmp_path):
    report, template = tmp_path / "report.md", tmp_path / "new.yaml"
    run("diff", *map(str, files), "-o", str(report))
    run("new", "-o", str(template))
    umask = os.umask(0)
    os.umask(umask)
    for path in (report, template):
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_failed_diff_leaves_no_file_behind(files, tmp_path):
    target = tmp_path / "report.md"
    target.write_text("previous report")
    assert run("diff", str(files[0]), str(tmp_path / "missing.yaml"), "-o",
               str(target)).returncode == 2
    assert target.read_text() == "previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "russia.yaml",
                                                          "ukraine.yaml"]


def test_diff_json_follows_the_contract(files):
    data = json.loads(run("diff", "--format", "json", *map(str, files)).stdout)
    assert data["format"] == "ceasefire-diff/2"
    assert [p["id"] for p in data["parties"]] == ["ukraine", "russia"]
    assert set(data["summary"]) == {"topics", "agreed", "partial", "conflict", "one-sided",
                                    "unclear", "agreement_index", "measured"}
    duration = next(r for r in data["rows"] if r["topic"] == "ceasefire.duration")
    assert duration["status"] == "conflict"
    assert duration["positions"]["ukraine"]["value"] == {"form": "span", "low": 720.0,
                                                         "high": None, "unit": "hours"}
    assert duration["positions"]["ukraine"]["line"] == 5


def test_two_parties_are_one_pair_whose_rows_carry_their_words(files):
    """Scripts read `pairs` one way whatever the number of parties: two parties are one
    pair, and each pair row says in words what its row says, so nothing joins back."""
    data = json.loads(run("diff", "--format", "json", *map(str, files)).stdout)
    [pair] = data["pairs"]
    assert pair["parties"] == ["russia", "ukraine"]
    assert pair["summary"] == data["summary"]
    assert pair["rows"] == [{key: row[key] for key in ("id", "status", "distance", "explanation")}
                            for row in data["rows"]]
    duration = next(row for row in pair["rows"] if row["id"] == "ceasefire.duration")
    assert duration["explanation"].startswith("Ukraine: at least 30 days; Russia: 2–3 days.")


def test_diff_baseline_by_name(files):
    data = json.loads(run("diff", "--format", "json", "--baseline", "Russia",
                          *map(str, files)).stdout)
    assert data["baseline"] == "russia"
    assert [pair["parties"] for pair in data["pairs"]] == [["russia", "ukraine"]]


def test_diff_two_rounds_of_one_party(tmp_path):
    first = tmp_path / "may.yaml"
    second = tmp_path / "june.yaml"
    first.write_text(UKRAINE.replace("party: Ukraine", "party: Ukraine\ndate: 2025-05-16"))
    second.write_text(UKRAINE.replace("party: Ukraine", "party: Ukraine\ndate: 2025-06-02"))
    data = json.loads(run("diff", "--format", "json", str(first), str(second)).stdout)
    assert [(p["id"], p["name"]) for p in data["parties"]] == [
        ("ukraine", "Ukraine (2025-05-16)"), ("ukraine-2", "Ukraine (2025-06-02)")]


def test_broken_pipe_is_quiet(files):
    # The schema is larger than a pipe's buffer, so `head` leaves while it is still written.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    shell = subprocess.run(f"{sys.executable} -m tui schema | head -1", shell=True, env=env,
                           capture_output=True, text=True, timeout=60)
    assert shell.stdout.startswith("{")
    assert "Traceback" not in shell.stderr and "BrokenPipe" not in shell.stderr


# --- diff of phased proposals with options ---------------------------------------------------

PHASED = [str(Path(__file__).parent / "fixtures" / "reports" / name)
          for name in ("mediators.yaml", "israel.yaml")]


def test_diff_option_picks_the_option_the_rows_show():
    shown = run("diff", "--format", "text", "--option", "Israel=no-buffer", *PHASED).stdout
    assert "Israel — 2025-01-10 (proposed)" in shown and "option shown: No buffer zone" in shown
    assert "the rows show No buffer zone (no-buffer); that one comes closest" in shown
    default = run("diff", "--format", "text", *PHASED).stdout
    assert "option shown: Buffer zone" in default
    data = json.loads(run("diff", "--format", "json", "--option", "israel=no-buffer",
                          *PHASED).stdout)
    assert data["parties"][1]["option"] == "no-buffer"
    assert [o["shown"] for o in data["options"]] == [False, True]


def test_diff_json_is_the_same_bytes_whatever_the_hash_seed():
    # Sets (the known pairs of an order worked out from times) iterate in hash order.
    outputs = {run("diff", "--format", "json", *PHASED, env={"PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1
    assert '"known": [' in outputs.pop()
