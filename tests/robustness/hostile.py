"""A catalogue of hostile and broken inputs, made here (nothing copied from elsewhere).

Each entry is the bytes of a file, and what a user must get back for it: refused as
unsafe, stopped at a limit, or reported as broken, always with a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from proposals.problems import Code

GOOD = (b"ceasefire: 1\nparty: Other\nclauses:\n  ceasefire.type: full\n"
        b"  ceasefire.violations: A violation frees the other side.\n")


@dataclass(frozen=True)
class Hostile:
    name: str
    data: bytes
    code: Code  # the class of the first problem reported


def _laughs(levels: int = 10, width: int = 10) -> bytes:
    lines = ['l0: &l0 "lol"']
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]" for i in range(1, levels)]
    return ("\n".join(lines) + "\n").encode()


CATALOGUE: tuple[Hostile, ...] = (
    # Code execution: every tag that could construct an object, and custom tags.
    Hostile("python-apply", b"ceasefire: 1\nparty: !!python/object/apply:os.system "
            b"['touch /tmp/ceasefire-hostile-ran']\nclauses: {ceasefire.type: full}\n",
            Code.UNSAFE),
    Hostile("python-name", b"ceasefire: 1\nparty: !!python/name:os.system\n"
            b"clauses: {ceasefire.type: full}\n", Code.UNSAFE),
    Hostile("python-new", b"ceasefire: !!python/object/new:os.system [ls]\n", Code.UNSAFE),
    Hostile("python-module", b"ceasefire: !!python/module:os\n", Code.UNSAFE),
    Hostile("custom-tag", b"ceasefire: 1\nparty: !evil A\nclauses: {ceasefire.type: full}\n",
            Code.UNSAFE),
    Hostile("verbatim-tag", b"ceasefire: !<tag:evil.example,2025:x> 1\n", Code.UNSAFE),
    Hostile("set-tag", b"ceasefire: 1\nparty: A\nclauses: !!set {ceasefire.type: full}\n",
            Code.UNSAFE),
    # Resource bombs.
    Hostile("billion-laughs", _laughs(), Code.LIMIT),
    Hostile("recursive-alias", b"ceasefire: 1\nparty: A\nclauses: &c {x.a: *c}\n", Code.UNSAFE),
    Hostile("deep-nesting", b"ceasefire: 1\nparty: A\nclauses:\n  ceasefire.domains: "
            + b"[" * 2000 + b"]" * 2000 + b"\n", Code.LIMIT),
    Hostile("deep-value", b"ceasefire: 1\nparty: A\nclauses:\n  ceasefire.domains: "
            + b"[" * 40 + b"land" + b"]" * 40 + b"\n", Code.LIMIT),
    Hostile("long-string", b"ceasefire: 1\nparty: A\nclauses:\n  ceasefire.violations: "
            + b"x" * 50_000 + b"\n", Code.LIMIT),
    # Broken files.
    Hostile("empty", b"", Code.INVALID),
    Hostile("whitespace", b"  \n\t\n   \n", Code.SYNTAX),
    Hostile("bom-only", b"\xef\xbb\xbf", Code.INVALID),
    Hostile("invalid-utf8", b"ceasefire: 1\nparty: \xc3\x28\n", Code.ENCODING),
    Hostile("latin1", "ceasefire: 1\nparty: Ñoño\n".encode("latin-1"), Code.ENCODING),
    Hostile("nul-bytes", b"ceasefire: 1\x00\nparty: A\n", Code.ENCODING),
    Hostile("binary", bytes(range(256)) * 4, Code.ENCODING),
    Hostile("truncated", b"ceasefire: 1\nparty: A\nclauses:\n  ceasefire.duration: {min: 2, ma",
            Code.SYNTAX),
    Hostile("unclosed-quote", b'ceasefire: 1\nparty: "A\nclauses: {}\n', Code.SYNTAX),
    Hostile("tabs", b"ceasefire: 1\nparty: A\nclauses:\n\tceasefire.type: full\n", Code.SYNTAX),
    Hostile("multi-document", b"ceasefire: 1\nparty: A\n---\nceasefire: 1\nparty: B\n",
            Code.SYNTAX),
    Hostile("a-list", b"- ceasefire: 1\n- party: A\n", Code.INVALID),
    Hostile("a-scalar", b"just some words\n", Code.INVALID),
    Hostile("control-character", b"ceasefire: 1\nparty: A\x07B\n", Code.SYNTAX),
)


def write_all(folder: Path) -> dict[str, Path]:
    """Every hostile input as a file in `folder`, by name, and a good file to compare with."""
    paths = {}
    for hostile in CATALOGUE:
        path = folder / f"{hostile.name}.yaml"
        path.write_bytes(hostile.data)
        paths[hostile.name] = path
    good = folder / "good.yaml"
    good.write_bytes(GOOD)
    paths["good"] = good
    return paths


# Text that tries to take over every output: rich markup, an SGR colour, an OSC 52 clipboard
# write, a bell, a carriage return that overwrites the line, Markdown pipes, HTML with a
# script, a bidirectional override and a zero-width space. Each field that reaches output
# carries some of it.
INJECTION = r'''
ceasefire: 1
party: "[bold red]Evil[/] \e[31mred\e[0m \e]52;c;aGk=\a"
title: "<script>alert('title')</script>"
round: "Round | one"
sources:
  "src\e[2J": {title: "<img src=x onerror=alert(1)> | [link=http://x]y[/link]",
               publisher: "\e]8;;http://evil\e\\link\e]8;;\e\\"}
clauses:
  ceasefire.violations:
    value: "Fine\rOVERWRITTEN | cell </td><script>alert(2)</script>"
    source: "src\e[2J"
    note: "note \u202Egnp.exe\u202C and zero\u200Bwidth"
    quote: "**bold** _it_ `code` [x](javascript:alert(3))"
    conditions: ["[blink]cond[/blink]", "\e[5mblink"]
    by: "\e]0;title\a"
  x.html_topic:
    kind: text
    label: "<b>label</b> & [italic]x[/italic]"
    value: "\u2066isolate\u2069 value"
'''
