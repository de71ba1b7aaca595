"""The write path never loses a file, never hangs and never lies (issue 15, failures 1-4):
`-o` writes only a regular file or a new name, never one of its inputs; a signal during a
large write leaves the old file whole and no temporary file; an error writing stdout is
one line and exit 2, never a traceback or "gaps" (1).

Device nodes are made in a temporary folder (never the machine's /dev/full as a target);
/dev/full is used only as a redirection of stdout, as `> /dev/full` would.
"""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT
from tui.cli import main

BUNDLED = EXAMPLES / "istanbul-2025-06-02"
REPORT = "the previous report\n"


@pytest.fixture
def inputs(tmp_path) -> list[Path]:
    copies = []
    for name in ("ukraine.yaml", "russia.yaml"):
        copy = tmp_path / name
        copy.write_bytes((BUNDLED / name).read_bytes())
        copies.append(copy)
    return copies


def _command(name: str, inputs: list[Path], target: Path) -> list[str]:
    return {"diff": ["diff", *map(str, inputs), "-o", str(target)],
            "history": ["history", "--example", "istanbul-2025-05-16", *map(str, inputs),
                        "-o", str(target)],
            "new": ["new", "-o", str(target), "--force"]}[name]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- 1. -o replaces special files --------------------------------------------------------------

def _special(kind: str, path: Path) -> None:
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this system")
        os.mkfifo(path)
    elif kind == "character device":  # /dev/full's numbers, made here, never /dev/full itself
        try:
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        except (PermissionError, AttributeError) as error:
            pytest.skip(f"device nodes cannot be made here: {error}")
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(path))
        except OSError as error:  # a path too long for a socket
            pytest.skip(f"no socket here: {error}")
        server.close()
    else:
        path.mkdir()


@pytest.mark.parametrize("command", ["diff", "new"])
@pytest.mark.parametrize("kind", ["fifo", "character device", "socket", "folder"])
def test_o_refuses_a_device_a_fifo_a_socket_or_a_folder(kind, command, inputs, tmp_path, capsys):
    target = tmp_path / "out"
    _special(kind, target)
    before = os.lstat(target)
    assert main(_command(command, inputs, target)) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "not a regular file: nothing written" in error, error
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino, after.st_rdev) == (
        before.st_mode, before.st_ino, before.st_rdev)
    assert _leftovers(tmp_path) == []


def test_o_writes_through_a_symbolic_link_to_a_regular_file_and_refuses_other_links(
        inputs, tmp_path, capsys):
    real = tmp_path / "real.txt"
    real.write_text(REPORT)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    assert main(_command("diff", inputs, link)) == 1  # gaps: written
    assert link.is_symlink() and "Russia" in real.read_text()
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "to-fifo").symlink_to(tmp_path / "fifo")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    capsys.readouterr()
    for name in ("to-fifo", "dangling"):
        assert main(_command("diff", inputs, tmp_path / name)) == 2
        assert "nothing written" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.stat(tmp_path / "fifo").st_mode)
    assert not (tmp_path / "nowhere").exists()


def test_o_refuses_a_file_the_user_may_not_write(inputs, tmp_path, capsys, monkeypatch):
    """As `>` would be refused: a read-only report is not replaced behind the user's back
    (os.access is made to say no, since root may write anything)."""
    target = tmp_path / "locked.md"
    target.write_text(REPORT)
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False)
    assert main(_command("diff", inputs, target)) == 2
    assert capsys.readouterr().err.endswith(f"cannot write {target}: Permission denied\n")
    assert target.read_text() == REPORT


# --- 2. -o overwrites an input ----------------------------------------------------------------

@pytest.mark.parametrize("command", ["diff", "history"])
@pytest.mark.parametrize("spelling", ["same", "dot-slash", "absolute", "symlink", "hard link"])
def test_o_never_replaces_one_of_its_inputs(spelling, command, inputs, tmp_path, capsys,
                                            monkeypatch):
    monkeypatch.chdir(tmp_path)
    first = inputs[0]
    target = {"same": Path(first.name), "dot-slash": Path(".") / first.name,
              "absolute": first.absolute(), "symlink": tmp_path / "alias.yaml",
              "hard link": tmp_path / "linked.yaml"}[spelling]
    if spelling == "symlink":
        target.symlink_to(first)
    elif spelling == "hard link":
        os.link(first, target)
    named = [Path(first.name), inputs[1]]
    before = first.read_bytes()
    assert main(_command(command, named, Path(str(target)))) == 2
    error = capsys.readouterr().err
    assert f"it is {first.name}, which this command reads" in error, error
    assert error.count("\n") == 1
    assert first.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_o_never_replaces_the_file_stdin_was_redirected_from(inputs, tmp_path):
    before = inputs[0].read_bytes()
    with inputs[0].open("rb") as stdin:
        result = subprocess.run([sys.executable, "-m", "tui", "diff", "-", str(inputs[1]),
                                 "-o", str(inputs[0])], stdin=stdin, capture_output=True,
                                text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 2, result.stderr
    assert "it is <stdin>, which this command reads: nothing written" in result.stderr
    assert inputs[0].read_bytes() == before


# --- 3. an error writing stdout ---------------------------------------------------------------

class _Failing(io.RawIOBase):
    """A stdout whose every write fails with `code` (a full disk, EIO) until `mended`."""

    def __init__(self, code: int) -> None:
        self.code = code
        self.mended = False

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.mended:
            return len(data)
        raise OSError(self.code, os.strerror(self.code))


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO], ids=["ENOSPC", "EIO"])
@pytest.mark.parametrize("args", [
    ["diff", "--example", "istanbul-2025-06-02"],
    ["diff", "--example", "istanbul-2025-06-02", "--format", "json"],
    ["history", "--example", "istanbul-2025-05-16", "--example", "istanbul-2025-06-02"],
    ["check", "--example", "istanbul-2025-06-02"],
    ["new"], ["schema"], ["topics"], ["examples"], ["completion", "bash"], ["docs", "limits"],
], ids=lambda args: " ".join(args[:2]))
def test_an_error_writing_stdout_is_one_line_and_exit_2(args, code, capsys, monkeypatch):
    raw = _Failing(code)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(raw), "utf-8"))
    try:
        assert main(args) == 2  # never 1, which reads as "gaps" or "invalid"
    finally:
        raw.mended = True  # what is still buffered may go when the wrapper is collected
    assert capsys.readouterr().err == f"ceasefire {args[0]}: cannot write to stdout: " \
                                      f"{os.strerror(code)}\n"


def _shell(line: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["sh", "-c", line], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env={**os.environ, "CEASEFIRE": f"{sys.executable} -m tui"})


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_full_disk_on_stdout_and_a_closed_stdout_as_a_shell_redirects_them(tmp_path):
    full = _shell("$CEASEFIRE diff --example istanbul-2025-06-02 > /dev/full")
    assert (full.returncode, full.stderr) == (
        2, "ceasefire diff: cannot write to stdout: No space left on device\n")
    helped = _shell("$CEASEFIRE --help > /dev/full")  # argparse would say nothing and exit 0
    assert helped.returncode == 2 and helped.stderr.count("\n") == 1
    closed = _shell("$CEASEFIRE topics >&-")
    assert (closed.returncode, closed.stderr) == (
        2, "ceasefire topics: cannot write to stdout: Bad file descriptor\n")
    written = _shell(f"$CEASEFIRE diff --example istanbul-2025-06-02 -o {tmp_path}/r.txt >&-")
    assert written.returncode == 1 and "Russia" in (tmp_path / "r.txt").read_text()


# --- 4. a signal during a large write ---------------------------------------------------------

def test_an_interrupt_that_a_library_turns_into_its_own_error_still_exits_130(
        inputs, tmp_path, capsys, monkeypatch):
    """pydantic_core reports a KeyboardInterrupt raised in its callbacks as a
    PydanticSerializationError: the run must still end as stopped, the old file whole."""
    from tui import files

    target = tmp_path / "out.json"
    target.write_text(REPORT)
    produce = files._produce

    def interrupted(content, stream):
        stream.write(b'{"half": ')
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # the handler runs here
        except BaseException as error:
            raise ValueError(f"Error calling function: {error!r}") from None
        produce(content, stream)

    monkeypatch.setattr(files, "_produce", interrupted)
    assert main(_command("diff", inputs, target)) == 130
    assert capsys.readouterr().err == ""
    assert target.read_text() == REPORT
    assert _leftovers(tmp_path) == []


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> list[Path]:
    """Two texts of 4,000 clauses: their JSON report takes a good second to write."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.generate import Plan, write

    return write(Plan(parties=2, clauses=4000), tmp_path_factory.mktemp("large"))


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_during_a_large_write_leaves_the_old_file_and_no_temporary(
        signum, large, tmp_path):
    target = tmp_path / "out.json"
    target.write_text(REPORT)
    process = subprocess.Popen([sys.executable, "-m", "tui", "diff", *map(str, large), "-o",
                                str(target)], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not _leftovers(tmp_path) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert _leftovers(tmp_path), "the report was written before the signal could be sent"
    process.send_signal(signum)
    out, error = process.communicate(timeout=60)
    assert process.returncode == 128 + signum, error
    assert error == ""
    assert target.read_text() == REPORT
    assert _leftovers(tmp_path) == []


def test_a_signal_after_the_run_before_the_process_ends_exits_quietly():
    """ctrl+c in the last moments, once the handlers are given back: Python's own handler
    would print a KeyboardInterrupt traceback (the fault-injection run caught it once)."""
    script = ("import os, signal, time\nfrom tui.stopping import stopped_by_signals\n"
              "with stopped_by_signals(process_ends=True):\n    pass\n"
              "os.kill(os.getpid(), signal.SIGINT)\ntime.sleep(5)\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert (result.returncode, result.stderr) == (130, "")


SLOW_UUID = """
import sys, time
class Slow:
    def find_spec(self, name, path=None, target=None):
        if name == 'uuid':
            print('importing uuid', file=sys.stderr, flush=True)
            time.sleep(2)
        return None
sys.meta_path.insert(0, Slow())
sys.argv = ['ceasefire', 'diff', '--format', 'json', '--example', 'istanbul-2025-06-02']
from tui.cli import main
sys.exit(main())
"""


def test_a_signal_while_the_json_encoder_first_imports_exits_quietly():
    """pydantic_core imports uuid the first time it infers a type; a signal's exception
    raised inside that import made its Rust code panic (`ob_type.rs`; the fault-injection
    run caught it under load). The import is slowed here so that the signal lands in it."""
    process = subprocess.Popen([sys.executable, "-c", SLOW_UUID], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    assert process.stderr.readline() == "importing uuid\n"
    process.send_signal(signal.SIGTERM)
    out, error = process.communicate(timeout=60)
    assert (process.returncode, error) == (128 + signal.SIGTERM, "")


def test_the_fault_injection_script_finds_nothing_in_a_few_runs(tmp_path):
    result = subprocess.run([sys.executable, "tests/robustness/fault_injection.py", "--runs",
                             "1", "--clauses", "800", "--writers", "6", "--writer-clauses", "100",
                             "--work", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "tracebacks 0, lost or corrupt 0, temporary files left 0" in result.stdout


# --- JSON escapes DEL -------------------------------------------------------------------------

def test_json_escapes_del_and_every_other_control_character(tmp_path, capsys):
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text('ceasefire: 1\nparty: "A\\x7fB"\nclauses:\n  ceasefire.violations: '
                       '"bad\\x7fthing\\u009b[31m\\u0085"\n')
    main(["diff", str(hostile), str(BUNDLED / "russia.yaml"), "--format", "json"])
    out = capsys.readouterr().out
    assert '"A\\u007fB"' in out and "bad\\u007fthing\\u009b[31m\\u0085" in out
    assert [c for c in out if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f] == []
    assert "A\x7fB" in [party["name"] for party in json.loads(out)["parties"]]
