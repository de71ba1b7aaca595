"""Files that try to run code or exhaust the machine are refused fast, with a place."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from proposals import read_proposal
from proposals.limits import CEILINGS, Limits
from proposals.problems import Code
from tests.robustness.hostile import CATALOGUE

MARKER = Path("/tmp/ceasefire-hostile-ran")


@pytest.mark.parametrize("hostile", [h for h in CATALOGUE if h.code in (Code.UNSAFE, Code.LIMIT)],
                         ids=lambda h: h.name)
def test_refused_with_its_class_and_place_without_running_anything(tmp_path, hostile):
    MARKER.unlink(missing_ok=True)
    path = tmp_path / "hostile.yaml"
    path.write_bytes(hostile.data)
    start = time.perf_counter()
    loaded = read_proposal(path)
    assert time.perf_counter() - start < 2
    assert loaded.proposal is None
    refused = [p for p in loaded.problems if p.code is hostile.code]
    assert refused, [str(p) for p in loaded.problems]
    assert all(p.line >= 1 and p.column >= 1 for p in refused)
    assert str(refused[0]).startswith(f"{path}:{refused[0].line}:{refused[0].column}: error:")
    assert not MARKER.exists()


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/object/apply:os.system",
                                 "!!python/object/new:os.system", "!!python/name:os.system",
                                 "!!python/module:os", "!!python/tuple", "!!binary", "!!omap",
                                 "!!pairs", "!!set", "!custom", "!<tag:x.example,2025:y>"])
def test_every_non_standard_tag_is_refused_wherever_it_stands(tag):
    from proposals import read_string

    for text in (f"ceasefire: 1\nparty: {tag} A\nclauses: {{ceasefire.type: full}}\n",
                 f"ceasefire: 1\nparty: A\nclauses:\n  ceasefire.type: {tag} full\n",
                 f"ceasefire: 1\nparty: A\nunknown: {tag} [1]\nclauses: {{ceasefire.type: full}}\n"):
        loaded = read_string(text, "t.yaml")
        assert any(p.code is Code.UNSAFE for p in loaded.problems), text


LIMITS = {
    "file_bytes": (Limits(file_bytes=1000), b"ceasefire: 1\n" + b"# pad\n" * 400),
    "depth": (Limits(depth=3), b"ceasefire: 1\nparty: A\nclauses:\n  ceasefire.domains: "
              b"[[[[[land]]]]]\n"),
    "clauses": (Limits(clauses=3), b"ceasefire: 1\nparty: A\nclauses:\n"
                + b"".join(f"  x.t{i}: {{kind: text, value: v}}\n".encode() for i in range(4))),
    "string_chars": (Limits(string_chars=10), b"ceasefire: 1\nparty: A\nclauses:\n"
                     b"  ceasefire.violations: eleven chars and more\n"),
    "alias_nodes": (Limits(alias_nodes=5), b"a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"),
}


@pytest.mark.parametrize("name", LIMITS)
def test_each_limit_names_itself_and_how_to_raise_it(tmp_path, name):
    limits, data = LIMITS[name]
    path = tmp_path / "big.yaml"
    path.write_bytes(data)
    problems = [p for p in read_proposal(path, limits).problems if p.code is Code.LIMIT]
    assert problems and f"--limit {name}=N" in problems[0].message


@pytest.mark.parametrize("name", LIMITS)
def test_raising_the_limit_on_the_command_line_lets_a_trusted_file_through(tmp_path, name):
    limits, data = LIMITS[name]
    path = tmp_path / "big.yaml"
    path.write_bytes(data)
    def check(value: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "tui", "check", "--limit", f"{name}={value}",
                               str(path)], capture_output=True, text=True, timeout=60)

    held = check(getattr(limits, name))  # the small limit, set from the command line
    assert held.returncode == 1 and f"--limit {name}=N" in held.stdout
    raised = check(min(getattr(limits, name) * 1000, CEILINGS[name]))
    assert raised.returncode in (0, 1)  # through the limit: valid, or invalid for other reasons
    assert "--limit" not in raised.stdout and "Traceback" not in raised.stderr


def test_an_alias_bomb_is_refused_with_bounded_memory(tmp_path):
    """A billion laughs with 10^10 leaves: refused without expanding (memory stays flat)."""
    path = tmp_path / "laughs.yaml"
    levels = ['a0: &a0 ["lol"]'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]"
                                     for i in range(1, 11)]
    path.write_text("\n".join(levels) + "\n")
    # VmHWM is this process's own peak (ru_maxrss would carry the parent's over exec).
    code = ("from proposals import read_proposal\n"
            f"loaded = read_proposal({str(path)!r})\n"
            "peak = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
            "print(loaded.problems[0].code.value, peak[0])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=30, check=True).stdout.split()
    assert out[0] == "limit"
    assert int(out[1]) < 200 * 1024  # KiB: far from the gigabytes an expansion would take
