"""`ceasefire history` as a user runs it: exit 0 when nothing moved, 1 when something did, 2 on
trouble; every format, -o by suffix, colour only when asked for; and what the bundled
histories say.

The exit codes and piped output come from the real `python -m tui`, every command started
at once in subprocesses; the rest calls `tui.cli.main` in-process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[1]
ISTANBUL = ["--example", "istanbul-2025-05-16", "--example", "istanbul-2025-06-02"]
PEACE_PLANS = ["--example", "peace-plans-2025-11"]


def text(party: str, round_: str | None, date: str | None, clauses: str) -> str:
    return (f"ceasefire: 1\nparty: {party}\n" + (f"round: {round_}\n" if round_ else "")
            + (f"date: {date}\n" if date else "") + "clauses:\n" + clauses)


FILES = {
    "ukraine-1.yaml": text("Ukraine", "Istanbul I", "2025-05-16",
                           "  ceasefire.type: full\n  ceasefire.duration: 30 days\n"),
    # The same text, given again in the next round: nothing moved.
    "ukraine-2-same.yaml": text("Ukraine", "Istanbul II", "2025-06-02",
                                "  ceasefire.type: full\n  ceasefire.duration: 30 days\n"),
    # A concession toward Russia's 3 days: 27 days apart, then 17.
    "ukraine-2-closer.yaml": text("Ukraine", "Istanbul II", "2025-06-02",
                                  "  ceasefire.type: full\n  ceasefire.duration: 20 days\n"),
    "ukraine-1-again.yaml": text("Ukraine", "Istanbul I", "2025-05-17",
                                 "  ceasefire.type: local\n"),
    "russia-1.yaml": text("Russia", "Istanbul I", "2025-05-16",
                          "  ceasefire.type: local\n  ceasefire.duration: 3 days\n"),
    "undated.yaml": text("Ukraine", "Istanbul II", None, "  ceasefire.type: full\n"),
    "unplaced.yaml": text("Ukraine", None, None, "  ceasefire.type: full\n"),
    "bad.yaml": text("Ukraine", "Istanbul II", "2025-06-02", "  ceasefire.type: ful\n"),
}


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    here = tmp_path_factory.mktemp("history")
    for name, content in FILES.items():
        (here / name).write_text(content, encoding="utf-8")
    return here


def history(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(["history", *argv])
    except SystemExit as stop:  # argparse's usage errors
        code = stop.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- the real command: exit codes, stderr, piped output ------------------------------------

COMMANDS = {
    "nothing-moved": (["ukraine-1.yaml", "ukraine-2-same.yaml"], 0),
    "nothing-moved-two-parties": (["ukraine-1.yaml", "ukraine-2-same.yaml", "russia-1.yaml"], 0),
    "one-text": (["ukraine-1.yaml"], 0),
    "moved": (["ukraine-1.yaml", "ukraine-2-closer.yaml", "russia-1.yaml"], 1),
    "istanbul": (ISTANBUL, 1),
    "peace-plans": (PEACE_PLANS, 1),
    "same-file-twice": (["ukraine-1.yaml", "ukraine-1.yaml"], 2),
    "two-texts-one-round": (["ukraine-1.yaml", "ukraine-1-again.yaml"], 2),
    "unreadable": (["ukraine-1.yaml", "bad.yaml"], 2),
    "missing": (["ukraine-1.yaml", "missing.yaml"], 2),
    "undated-round": (["ukraine-1.yaml", "undated.yaml"], 2),
    "no-round-no-date": (["ukraine-1.yaml", "unplaced.yaml"], 2),
    "option-not-offered": (["ukraine-1.yaml", "ukraine-2-same.yaml", "--option",
                            "ukraine=option-9"], 2),
    "option-of-nobody": (["ukraine-1.yaml", "ukraine-2-same.yaml", "--option", "nato=x"], 2),
    "unknown-flag": (["--since", "yesterday", "ukraine-1.yaml"], 2),
    "no-files": ([], 2),
}


@pytest.fixture(scope="module")
def finished(folder) -> dict[str, subprocess.CompletedProcess]:
    """Every command of COMMANDS run by `python -m tui history`, side by side, piped."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    running = {name: subprocess.Popen([sys.executable, "-m", "tui", "history", *argv],
                                      cwd=folder, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True, encoding="utf-8")
               for name, (argv, _) in COMMANDS.items()}
    done = {}
    for name, process in running.items():
        out, err = process.communicate(timeout=120)
        done[name] = subprocess.CompletedProcess(process.args, process.returncode, out, err)
    return done


@pytest.mark.parametrize("name", list(COMMANDS))
def test_history_exits_as_documented_without_a_traceback(finished, name):
    result = finished[name]
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == COMMANDS[name][1], result.stdout + result.stderr


def test_a_text_given_again_in_the_next_round_reports_no_movement(finished):
    out = finished["nothing-moved"].stdout
    assert "== Ukraine: Istanbul I → Istanbul II ==\n" \
        "2 kept, 0 changed, 0 added, 0 dropped\n" in out
    both = finished["nothing-moved-two-parties"].stdout
    assert "on the 2 topics measured in both rounds: 0.11 → 0.11 (no change)" in both
    assert "No party gave more than one text: nothing to follow." in finished["one-text"].stdout


def test_trouble_is_said_on_stderr_with_its_place(finished):
    said = {name: finished[name].stderr for name in COMMANDS if COMMANDS[name][1] == 2}
    assert all(not finished[name].stdout for name in said)
    assert said["same-file-twice"] == \
        "ceasefire history: ukraine-1.yaml is given twice: name each text once\n"
    assert "ukraine-1-again.yaml and ukraine-1.yaml are both Ukraine's text in round " \
        "'Istanbul I'" in said["two-texts-one-round"]
    assert "bad.yaml:6:19: error: clauses.ceasefire.type: 'ful' is not a word this topic " \
        "knows — did you mean 'full'?" in said["unreadable"]
    assert "missing.yaml: error: no such file" in said["missing"]
    assert "round 'Istanbul II' has no dated text" in said["undated-round"]
    assert "unplaced.yaml: Ukraine's text has no 'round:' and no 'date:'" \
        in said["no-round-no-date"]
    assert "Ukraine has no option 'option-9'" in said["option-not-offered"]
    assert "no party 'nato' to choose an option for" in said["option-of-nobody"]
    assert "unrecognized arguments: --since" in said["unknown-flag"]


def test_piped_output_is_plain_text(finished):
    out = finished["moved"].stdout
    assert out.startswith("ceasefire history: Russia and Ukraine over 2 rounds\n")
    assert "\x1b" not in out
    assert "[~] CHANGED  Duration (ceasefire.duration)" in out


# --- what a move says ------------------------------------------------------------------------


def test_a_concession_says_how_much_of_the_gap_it_closed_and_the_index_moved(finished):
    out = finished["moved"].stdout
    assert "1 kept, 1 changed (1 toward the others, 0 away), 0 added, 0 dropped" in out
    assert "Against Russia (3 days): closed 37% of the gap (27 days → 17 days)." in out
    assert "still standing: Russia (Istanbul I)" in out
    assert "on the 2 topics measured in both rounds: 0.11 → 0.12 (closer, +0.01)" in out


def test_the_istanbul_history_says_what_each_party_added_and_changed(finished):
    out = finished["istanbul"].stdout
    assert "Round 2 · Istanbul II · 2025-06-02: Russia, Ukraine and Agreed outcome (reference)" \
        in out
    russia = out[out.index("== Russia: Istanbul I → Istanbul II =="):]
    ukraine = out[out.index("== Ukraine: Istanbul I → Istanbul II =="):]
    assert "1 kept, 1 changed (0 toward the others, 0 away, 1 sideways), 20 added, 2 dropped" in russia
    assert "  Changed: Preconditions.\n" in russia
    assert "  Dropped: Prisoner exchange and Number of prisoners.\n" in russia
    assert "2 kept, 3 changed (0 toward the others, 1 away, 1 sideways), 17 added, 1 dropped" in ukraine
    assert "  Changed: Type of ceasefire, Duration and Prisoner exchange.\n" in ukraine
    assert "  Added: Preconditions, Domains, Monitoring, Withdrawal of forces · by Ukraine," \
        in ukraine
    assert "Against Russia (2-3 days): the gap widened by 222% (27 days → 87 days)." in ukraine
    # The index fell from 1.00 to 0.25, but on different topics: the report says so.
    assert "  Istanbul I   1.00 over 2 measured topics\n" in out
    assert "  Istanbul II  0.25 over 11 measured topics\n" in out
    assert "no topic is measured in both this round and the one before: the two indices rest " \
        "on different topics" in out


def test_the_peace_plan_history_names_the_dropped_topics_and_the_army_cap(finished):
    out = finished["peace-plans"].stdout
    assert "ceasefire history: peace-plan, 3 texts over 3 rounds" in out
    last = out[out.index("== peace-plan, first text to last:"):]
    for topic in ("Preconditions", "Amnesty", "Recognition of territory", "Legal form",
                  "Frozen Russian assets for reconstruction", "Zaporizhzhia nuclear plant"):
        assert topic in last[last.index("Dropped:"):], topic
    assert "European counter-proposal: 600,000 troops → 800,000 troops." in out
    assert "Cap on armed forces · by Ukraine: 600,000 troops (reported) → 800,000 troops " \
        "(reported)" in last


# --- formats, files, colour ------------------------------------------------------------------

OPENINGS = {
    "text": "ceasefire history: peace-plan, 3 texts over 3 rounds\n",
    "markdown": "# ceasefire history: peace-plan, 3 texts over 3 rounds\n",
    "html": "<!DOCTYPE html>\n",
    "rich": "ceasefire history: peace-plan, 3 texts over 3 rounds\n",
    "json": "{\n  \"format\": \"ceasefire-history/1\",\n",
}


@pytest.mark.parametrize("report_format", list(OPENINGS))
def test_every_format_shows_the_army_cap_that_changed(capsys, monkeypatch, report_format):
    monkeypatch.setenv("COLUMNS", "400")  # the terminal report's cells wide enough not to wrap
    code, out, err = history(capsys, *PEACE_PLANS, "--format", report_format)
    assert code == 1 and not err
    assert out.startswith(OPENINGS[report_format])
    assert "\x1b" not in out
    if report_format == "json":
        (plan,) = json.loads(out)["parties"]
        out = " ".join(change["explanation"] for step in plan["steps"]
                       for change in step["changes"])
    assert "600,000 troops → 800,000 troops" in out


@pytest.mark.parametrize("suffix, opening, name", [
    (".md", "# ceasefire history: Russia, Ukraine and Agreed outcome", "markdown"),
    (".html", "<!DOCTYPE html>", "html"),
    (".json", '{\n  "format": "ceasefire-history/1"', "json"),
    (".txt", "ceasefire history: Russia, Ukraine and Agreed outcome", "text"),
])
def test_the_output_file_takes_its_format_from_the_suffix(capsys, tmp_path, suffix, opening,
                                                          name):
    target = tmp_path / f"history{suffix}"
    code, out, err = history(capsys, *ISTANBUL, "-o", str(target))
    assert code == 1 and out == ""
    assert err == f"wrote {target} ({name})\n"
    assert target.read_text(encoding="utf-8").startswith(opening)


def test_colour_only_when_asked_for(capsys, monkeypatch):
    _, forced, _ = history(capsys, *PEACE_PLANS, "--format", "rich", "--color", "always")
    assert "\x1b[" in forced
    _, never, _ = history(capsys, *PEACE_PLANS, "--format", "rich", "--color", "never")
    assert "\x1b" not in never and "↔ changed" in never
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, no_color, _ = history(capsys, *PEACE_PLANS, "--format", "rich")
    assert "\x1b" not in no_color and no_color == never


def test_the_json_report_is_the_contract(capsys):
    code, out, _ = history(capsys, *ISTANBUL, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["format"] == "ceasefire-history/1"
    assert [p["id"] for p in data["parties"]] == ["russia", "ukraine", "agreed"]
    assert data["reference"] == ["agreed"]
    first, second = data["rounds"]
    assert set(second["summary"]) == {"topics", "agreed", "partial", "conflict", "one-sided",
                                      "unclear", "agreement_index", "measured"}
    assert second["comparison"]["format"] == "ceasefire-diff/2"
    assert second["trend"] == {"rows": 0, "before": None, "after": None, "change": None}
    assert first["trend"] is None and first["standing"] == {"russia": 0, "ukraine": 0}
    ukraine = data["parties"][1]
    assert [t["file"] for t in ukraine["texts"]] == ["istanbul-2025-05-16/ukraine.yaml",
                                                     "istanbul-2025-06-02/ukraine.yaml"]
    (step,) = ukraine["steps"]
    duration = next(c for c in step["changes"] if c["id"] == "ceasefire.duration")
    (gap,) = duration["gaps"]
    assert (gap["direction"], gap["before"], gap["after"], gap["unit"]) == (
        "away", 648.0, 2088.0, "hours")
    assert duration["before"]["value"] == {"form": "span", "low": 720.0, "high": 720.0,
                                           "unit": "hours"}
    assert duration["after"]["value"]["high"] is None  # at least 30 days: an open end


def test_the_json_is_streamed_a_chunk_at_a_time_with_the_bytes_of_one_document(monkeypatch):
    from diffing.history import history as follow
    from proposals import read_string
    from tui.reports import json_report as diff_json
    from tui.reports.history import json_report

    def text(party: str, round_: int) -> str:
        clauses = "".join(f"  x.topic_{i}: {{kind: quantity, value: {100 + (i + round_) % 9} km}}\n"
                          for i in range(60))
        return (f"ceasefire: 1\nparty: {party}\nround: R{round_}\ndate: 2025-01-0{round_ + 1}\n"
                f"clauses:\n{clauses}")

    proposals = [read_string(text(party, r), f"{party}-{r}.yaml").proposal
                 for r in range(3) for party in ("A", "B")]
    result = follow(proposals)
    monkeypatch.setattr(diff_json, "CHUNK", 7)
    writes: list[bytes] = []
    json_report.write(result, writes.append)
    assert b"".join(writes) == diff_json._dump(result) + b"\n"
    assert max(map(len, writes)) < sum(map(len, writes)) / 20  # never the whole at once
