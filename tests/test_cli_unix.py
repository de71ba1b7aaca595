"""Script conventions, as a shell sees the real command: `-` for stdin, `--version` on stdout,
a closed pipe, `view` without a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = ["--example", "istanbul-2025-06-02"]


def run(*args: str, **options) -> subprocess.CompletedProcess[str]:
    """The real command in a subprocess (stdout a pipe unless given), never a traceback."""
    options = {"capture_output": "stdout" not in options, "text": True, "timeout": 60,
               **options}
    if "stdout" in options:
        options["stderr"] = subprocess.PIPE
    result = subprocess.run([sys.executable, "-m", "tui", *args], **options)
    assert "Traceback" not in (result.stderr or ""), result.stderr
    return result


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
