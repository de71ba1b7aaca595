"""`diff --format csv` as a spreadsheet reads it: one line per row, a column per party, RFC 4180
quoting, text as written, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tui.cli import main

FIRST = """\
ceasefire: 2
party: "=HYPERLINK(\\"http://x\\")"
clauses:
  ceasefire.duration: 30 days
  political.claims: "@SUM(A1:A9)"
"""
SECOND = """\
ceasefire: 2
party: Ukraine, "the West"
clauses:
  ceasefire.duration: 2-3 days
  political.claims: |-
    Waiver of claims, "in full",
    and +reparations \u202e later
"""


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return [str(first), str(second)]


def lines(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_one_line_per_row_and_a_column_per_party(files, capsys):
    assert main(["diff", *files, "--format", "csv"]) == 1
    out = capsys.readouterr().out
    assert out.count("\r\n") == 3  # RFC 4180 line ends: the header and two rows
    header, *rows = lines(out)
    assert header == ["area", "key", "topic", "by", "phase", "status", "distance",
                      "'=HYPERLINK(\"http://x\")", 'Ukraine, "the West"', "explanation", "id"]
    by_key = {row[1]: dict(zip(header, row)) for row in rows}
    duration = by_key["ceasefire.duration"]
    assert (duration["status"], duration["distance"], duration["id"]) == (
        "conflict", "0.95", "ceasefire.duration")
    assert duration['Ukraine, "the West"'] == "2-3 days"
    claims = by_key["political.claims"]
    assert claims["'=HYPERLINK(\"http://x\")"] == "'@SUM(A1:A9)"  # shown, never computed
    # the second party's text whole, its line break kept in the quoted cell, the hidden
    # character shown; a + inside a cell is left alone
    assert claims['Ukraine, "the West"'] == \
        'Waiver of claims, "in full",\nand +reparations <U+202E> later'


def test_o_with_csv_suffix_writes_csv_and_history_refuses_it(files, tmp_path, capsys):
    target = tmp_path / "gaps.csv"
    assert main(["diff", *files, "-o", str(target)]) == 1
    assert f"wrote {target} (csv)" in capsys.readouterr().err
    assert lines(target.read_bytes().decode("utf-8"))[0][:3] == ["area", "key", "topic"]
    assert main(["history", "--example", "istanbul-2025-05-16", "--example",
                 "istanbul-2025-06-02", "-o", str(tmp_path / "moves.csv")]) == 2
    assert "this command has no csv report (formats: rich, text, markdown, json, html)" in \
        capsys.readouterr().err
