"""Fault injection for the write path: signals at random moments and concurrent writers.

    python tests/robustness/fault_injection.py --runs 30        # the full check (minutes)
    python tests/robustness/fault_injection.py --runs 2 --clauses 1500 --writers 12  # quick

Each run, on a comparison of two generated texts of --clauses clauses:
- SIGINT and SIGTERM each sent once at a random moment of `diff -o out.json` (anywhere in
  the run after Python's own start, STARTUP: a ctrl+c before any code of ours runs gets
  Python's traceback), and once at a random moment of the write itself (after its
  temporary file appears), over an out.json holding an older report;
- --writers processes started at once, all writing `diff -o shared.json` (alternately in
  JSON of two different comparisons), over a shared.json that exists.

Counted: tracebacks on stderr; lost or corrupt files (the target missing, or neither the
old content nor a whole report); temporary files left (`.out.json.*.tmp`); exit statuses
outside the expected (0/1 finished, 130/143 stopped, -2/-15 killed before Python set its
handlers). Exits 1 when any count is not 0.
"""

from __future__ import annotations

import argparse
import collections
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from benchmarks.generate import Plan, write  # noqa: E402

OLD = b"an older report\n"
STARTUP = 0.15
"""Seconds for Python to start, before `ceasefire` can set its signal handlers (where /proc
cannot tell when it has: see `wait_for_handlers`)."""
SIGNALS = (signal.SIGINT, signal.SIGTERM)
EXPECTED = {0, 1, *(128 + s for s in SIGNALS), *(-s for s in SIGNALS)}


def command(files: list[Path], target: Path) -> list[str]:
    return [sys.executable, "-m", "tui", "diff", *map(str, files), "-o", str(target)]


class Tally:
    """What went wrong, and what happened, over every run."""

    def __init__(self) -> None:
        self.tracebacks = self.lost = self.leftovers = self.unexpected = 0
        self.outcomes: collections.Counter[str] = collections.Counter()
        self.first_traceback = ""

    def judge(self, folder: Path, target: Path, wholes: set[bytes], stderr: str) -> None:
        """One target after its writers ended: whole, with nothing beside it."""
        self.tracebacks += "Traceback" in stderr
        if "Traceback" in stderr and not self.first_traceback:
            self.first_traceback = stderr
        content = target.read_bytes() if target.exists() else None
        if content == OLD:
            self.outcomes["old file kept"] += 1
        elif content in wholes:
            self.outcomes["new report whole"] += 1
        else:
            self.lost += 1
        self.leftovers += len(list(folder.glob(".*.tmp")))

    def status(self, code: int) -> None:
        self.outcomes[f"exit {code}"] += 1
        self.unexpected += code not in EXPECTED

    @property
    def clean(self) -> bool:
        return not (self.tracebacks or self.lost or self.leftovers or self.unexpected)

    def line(self) -> str:
        return (f"tracebacks {self.tracebacks}, lost or corrupt {self.lost}, temporary files "
                f"left {self.leftovers}, unexpected exit statuses {self.unexpected}")


def wait_for_handlers(process: subprocess.Popen) -> None:
    """Until `ceasefire` catches SIGTERM (Linux: the process's SigCgt mask in /proc), so no
    signal lands while Python itself is still starting — a machine under load can take far
    longer than STARTUP to get there. Elsewhere, STARTUP seconds."""
    status = Path(f"/proc/{process.pid}/status")
    if not status.exists():
        time.sleep(STARTUP)
        return
    bit = 1 << (signal.SIGTERM - 1)
    while process.poll() is None:
        try:
            caught = next(line for line in status.read_text().splitlines()
                          if line.startswith("SigCgt:"))
        except (OSError, StopIteration):
            return
        if int(caught.split()[1], 16) & bit:
            return
        time.sleep(0.001)


def signal_run(files: list[Path], folder: Path, signum: int, during_write: bool,
               span: float, whole: bytes, tally: Tally, rng: random.Random) -> None:
    """One `diff -o` stopped by `signum`: at a moment of the whole run, or of the write."""
    target = folder / "out.json"
    target.write_bytes(OLD)
    process = subprocess.Popen(command(files, target), cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    if during_write:
        while not list(folder.glob(".*.tmp")) and process.poll() is None:
            time.sleep(0.001)
        tally.outcomes["sent during the write"] += process.poll() is None
    else:
        wait_for_handlers(process)
    time.sleep(rng.uniform(0, span))
    if process.poll() is None:
        process.send_signal(signum)
    _, stderr = process.communicate(timeout=300)
    tally.status(process.returncode)
    tally.judge(folder, target, {whole}, stderr)


def writers_run(pairs: list[list[Path]], folder: Path, writers: int, wholes: set[bytes],
                tally: Tally) -> None:
    """`writers` processes writing one file at once: it ends whole, nothing beside it."""
    target = folder / "shared.json"
    target.write_bytes(OLD)
    processes = [subprocess.Popen(command(pairs[n % 2], target), cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for n in range(writers)]
    errors = ""
    for process in processes:
        errors += process.communicate(timeout=600)[1]
        tally.status(process.returncode)
    tally.judge(folder, target, wholes, errors)
    if target.read_bytes() == OLD:  # every writer finished: the old report must be gone
        tally.lost += 1


def timed(files: list[Path], folder: Path) -> tuple[bytes, float, float]:
    """A whole report, the seconds a run takes, and those from its temporary file's
    appearance to the end (the write)."""
    folder.mkdir()
    target = folder / "out.json"
    started = time.monotonic()
    process = subprocess.Popen(command(files, target), cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    while not list(folder.glob(".*.tmp")) and process.poll() is None:
        time.sleep(0.001)
    appeared = time.monotonic()
    process.wait()
    ended = time.monotonic()
    return target.read_bytes(), ended - started, ended - appeared


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--clauses", type=int, default=10000,
                        help="clauses in each text of the signal runs (default 10,000)")
    parser.add_argument("--writers", type=int, default=40)
    parser.add_argument("--writer-clauses", type=int, default=1000,
                        help="clauses in each text of the concurrent-writer runs")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--work", type=Path, help="a folder for the files (default: a new "
                                                  "temporary one)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = args.work or Path(tempfile.mkdtemp(prefix="ceasefire-faults-"))
    large = write(Plan(parties=2, clauses=args.clauses), work / "large")
    pairs = [write(Plan(parties=2, clauses=args.writer_clauses, seed=seed), work / f"w{seed}")
             for seed in (1, 2)]

    wholes = {name: timed(files, work / f"whole-{name}") for name, files in
              (("large", large), ("w1", pairs[0]), ("w2", pairs[1]))}
    whole, span, writing = wholes["large"]
    print(f"a whole run of `diff -o` ({args.clauses:,} clauses a text, {len(whole):,} bytes of "
          f"JSON) takes {span:.2f} s, {writing:.2f} s of it writing")

    signals, concurrent = Tally(), Tally()
    for number in range(args.runs):
        for signum in SIGNALS:
            for during_write in (False, True):
                folder = work / f"run-{number}-{signum}-{during_write}"
                folder.mkdir()
                signal_run(large, folder, signum, during_write,
                           writing if during_write else span * 1.1, whole, signals, rng)
        folder = work / f"writers-{number}"
        folder.mkdir()
        writers_run(pairs, folder, args.writers, {wholes["w1"][0], wholes["w2"][0]},
                    concurrent)
        print(f"run {number + 1}/{args.runs}: signals: {signals.line()}; writers: "
              f"{concurrent.line()}", flush=True)

    for title, tally in (("signals", signals), (f"{args.writers} concurrent writers", concurrent)):
        print(f"\n{title}: {tally.line()}")
        for outcome, count in sorted(tally.outcomes.items()):
            print(f"  {outcome}: {count}")
        if tally.first_traceback:
            print("  the first traceback:\n" + tally.first_traceback)
    total = Tally()
    for tally in (signals, concurrent):
        for name in ("tracebacks", "lost", "leftovers", "unexpected"):
            setattr(total, name, getattr(total, name) + getattr(tally, name))
    print(f"\nin all: {total.line()}")
    return 0 if total.clean else 1


if __name__ == "__main__":
    sys.exit(main())
