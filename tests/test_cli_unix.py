"""Script conventions, as a shell sees the real command: `-` for stdin, `--version` on stdout,
a closed pipe, `view` without a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = ["--example", "istanbul-2025-06-02"]
BUNDLED = Path(__file__).parent.parent / "proposals" / "examples" / "istanbul-2025-06-02"
RUSSIA = (BUNDLED / "russia.yaml").read_text(encoding="utf-8")
UKRAINE = BUNDLED / "ukraine.yaml"
MISTAKE = "ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: ful\n"


def run(*args: str, **options) -> subprocess.CompletedProcess[str]:
    """The real command in a subprocess (stdout a pipe unless given), never a traceback."""
    options = {"capture_output": "stdout" not in options, "text": True, "timeout": 60,
               **options}
    if "stdout" in options:
        options["stderr"] = subprocess.PIPE
    result = subprocess.run([sys.executable, "-m", "tui", *args], **options)
    assert "Traceback" not in (result.stderr or ""), result.stderr
    return result


# --- - is stdin --------------------------------------------------------------------------------

def test_check_reads_stdin_as_a_file_called_stdin():
    valid = run("check", "-", input=RUSSIA)
    assert valid.returncode == 0
    assert "<stdin>: valid, 30 clauses" in valid.stdout
    mistake = run("check", "-", input=MISTAKE)
    assert mistake.returncode == 1
    assert mistake.stdout.startswith("<stdin>:4:19: error: clauses.ceasefire.type: 'ful'")


def test_diff_and_history_read_one_side_from_stdin():
    diff = run("diff", "-", str(UKRAINE), input=RUSSIA)
    assert diff.returncode == 1, diff.stderr
    assert "Russia vs Ukraine" in diff.stdout and "· <stdin> ·" in diff.stdout
    piped_json = json.loads(run("diff", str(UKRAINE), "-", "--format", "json",
                                input=RUSSIA).stdout)
    by_file = json.loads(run("diff", str(UKRAINE), str(BUNDLED / "russia.yaml"), "--format",
                             "json").stdout)
    assert piped_json["rows"] == by_file["rows"]  # the same comparison, only the name differs
    history = run("history", str(BUNDLED.parent / "istanbul-2025-05-16" / "russia.yaml"), "-",
                  input=RUSSIA)
    assert history.returncode == 1, history.stderr  # Russia moved between the rounds
    assert history.stdout.startswith("ceasefire history: Russia, 2 texts over 2 rounds")


def test_stdin_is_read_once_within_the_limits():
    twice = run("diff", "-", "-", input=RUSSIA)
    assert twice.returncode == 2
    assert twice.stderr == "ceasefire diff: - (stdin) is named more than once: it can be read " \
                           "only once\n"
    large = run("check", "-", "--limit", "file_bytes=100", input=RUSSIA)
    assert large.returncode == 1
    assert "<stdin>: error: file is larger than the limit of 100 bytes" in large.stdout
    closed = run("check", "-", stdin=subprocess.DEVNULL)  # empty: the loader says what it is
    assert closed.returncode == 1 and closed.stdout.startswith("<stdin>")


def test_view_will_not_read_a_proposal_from_stdin():
    result = run("view", "-", str(UKRAINE), input=RUSSIA)
    assert result.returncode == 2
    assert "cannot read a proposal from -" in result.stderr


# --- --version --------------------------------------------------------------------------------

def test_version_is_printed_on_stdout():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("ceasefire ") and result.stderr == ""


# --- a reader that goes away ------------------------------------------------------------------

@pytest.fixture
def closed_pipe():
    """The write end of a pipe whose reader has already gone (`| head` that has finished)."""
    read, write = os.pipe()
    os.close(read)
    yield write
    os.close(write)


@pytest.mark.parametrize("args", [
    ["diff", *EXAMPLE],                        # plain text
    ["diff", *EXAMPLE, "--color", "always"],   # rich, which exits 1 on its own
    ["diff", *EXAMPLE, "--format", "json"],    # streamed
    ["history", "--example", "peace-plans-2025-11"],
    ["check", *EXAMPLE],
    ["topics"],
])
def test_a_closed_pipe_exits_141_without_a_word(closed_pipe, args):
    result = run(*args, stdout=closed_pipe)
    assert result.returncode == 141  # 128 + SIGPIPE, as a shell reports it: not 1 ("gaps")
    assert result.stderr == ""


# --- view needs a terminal --------------------------------------------------------------------

def test_view_refuses_to_draw_into_a_file(tmp_path: Path):
    out = tmp_path / "out.txt"
    with out.open("w") as stream:
        result = run("view", "--no-watch", *EXAMPLE, stdout=stream, stdin=subprocess.DEVNULL,
                     timeout=30)
    assert result.returncode == 2
    assert out.read_text() == ""  # no escape codes written into the file
    assert result.stderr.count("\n") == 1
    assert "needs a terminal and stdout is not one" in result.stderr
    assert "ceasefire diff" in result.stderr


def test_view_refuses_keys_from_a_pipe():
    """stdout a terminal, stdin not: the app would wait for keys that never come."""
    leader, follower = pty.openpty()
    try:
        result = run("view", "--no-watch", *EXAMPLE, stdout=follower,
                     input="q", timeout=30)
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert "needs a terminal and stdin is not one" in result.stderr


# --- nothing to show: one line, like GNU diff's silence -----------------------------------------

AGREEING = "ceasefire: 2\nparty: {}\nclauses:\n  ceasefire.type: full\n  ceasefire.duration: 30 days\n"


def test_the_same_file_twice_is_one_line(tmp_path: Path):
    russia = tmp_path / "russia.yaml"
    russia.write_text(RUSSIA, encoding="utf-8")
    result = run("diff", str(russia), str(russia), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"{russia} and {russia} are identical\n")
    assert run("diff", "russia.yaml", "./russia.yaml", "--format", "rich",
               cwd=tmp_path).stdout == "russia.yaml and ./russia.yaml are identical\n"


def test_texts_that_agree_on_everything_are_one_line(tmp_path: Path):
    for name in ("A", "B"):
        (tmp_path / f"{name}.yaml").write_text(AGREEING.format(name), encoding="utf-8")
    files = ["A.yaml", "B.yaml"]
    for how in ([], ["--color", "always"], ["-o", "report.txt"]):
        result = run("diff", *files, *how, cwd=tmp_path)
        assert result.returncode == 0
        shown = (tmp_path / "report.txt").read_text() if how[:1] == ["-o"] else result.stdout
        assert shown == "no gaps: the 2 topics are agreed\n"
    # what asks for rows or for a document gets the whole report
    assert "[=] AGREED  Duration" in run("diff", *files, "--only", "agreed", cwd=tmp_path).stdout
    document = json.loads(run("diff", *files, "--format", "json", cwd=tmp_path).stdout)
    assert [row["status"] for row in document["rows"]] == ["agreed", "agreed"]
    assert run("diff", *files, "--format", "markdown", cwd=tmp_path).stdout.startswith("# A vs B")
    assert len(run("diff", *files, "--format", "csv", cwd=tmp_path).stdout.splitlines()) == 3
