"""`ceasefire check`: validate proposal files, every problem with file:line:col."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from proposals.problems import Problem
from tui.commands.options import add_color, add_inputs, limits
from tui.inputs import Input, input_sources, read_inputs
from tui.terminal import literal, wants_color


EXAMPLES = """\
  ceasefire check ukraine.yaml russia.yaml
  ceasefire check --format json ukraine.yaml     # for editors and CI
  ceasefire check --example istanbul-2025-06-02
"""


def configure(parser: argparse.ArgumentParser) -> None:
    add_inputs(parser)
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text (one line per problem) or json (for editors and CI)")
    add_color(parser)


def run(args: argparse.Namespace) -> int:
    inputs = read_inputs(input_sources(args.files, args.example), limits(args))
    if args.format == "json":
        # ASCII only: no character from a file can reorder or hide text where this is shown
        sys.stdout.write(json.dumps(_report(inputs), indent=2, ensure_ascii=True) + "\n")
    else:
        _print(inputs, wants_color(args.color, sys.stdout))
    if any(item.unreadable for item in inputs):
        return 2
    return 1 if any(item.loaded.proposal is None for item in inputs) else 0


def _problem_record(problem: Problem) -> dict[str, object]:
    return {
        "line": problem.line or None,  # null: the whole file (missing, unreadable)
        "column": problem.column or None,
        "severity": problem.severity.value,
        "code": problem.code.value,
        "path": problem.path,
        "message": problem.message,
    }


def _report(inputs: list[Input]) -> dict[str, object]:
    return {
        "files": [
            {
                "file": item.name,
                "valid": item.loaded.proposal is not None,
                "clauses": len(item.loaded.proposal.clauses) if item.loaded.proposal else None,
                "problems": [_problem_record(p) for p in item.loaded.problems],
            }
            for item in inputs
        ],
        "valid": sum(item.loaded.proposal is not None for item in inputs),
        "invalid": sum(item.loaded.proposal is None for item in inputs),
    }


def _print(inputs: list[Input], color: bool) -> None:
    paint = _painter(color)
    styles = {"error": "bold red", "warning": "yellow"}
    errors = warnings = 0
    lines = []
    for item in inputs:
        for problem in item.loaded.problems:
            lines.append(paint(literal(problem.place + ":"), "bold")
                         + paint(f" {problem.severity.value}:", styles[problem.severity.value])
                         + (paint(" " + literal(problem.path) + ":", "cyan") if problem.path
                            else "")
                         + " " + literal(problem.message))
            errors += problem.is_error
            warnings += not problem.is_error
        if item.loaded.proposal is not None:
            count = len(item.loaded.proposal.clauses)
            lines.append(paint(literal(item.name) + f": valid, {count} "
                               f"clause{'s' * (count != 1)}", "green"))
    valid = sum(item.loaded.proposal is not None for item in inputs)
    lines.append(paint(f"{len(inputs)} file{'s' * (len(inputs) != 1)}: {valid} valid, "
                       f"{len(inputs) - valid} invalid; {errors} error{'s' * (errors != 1)}, "
                       f"{warnings} warning{'s' * (warnings != 1)}", "bold"))
    sys.stdout.write("".join(line + "\n" for line in lines))


def _painter(color: bool) -> Callable[[str, str], str]:
    """`paint(text, style)`: the text in a rich style's ANSI codes, or as it is without colour.
    Problems are painted one by one rather than printed through a rich console, which took
    15 s for a file's 199,000 problems (these lines never wrap, so rich adds nothing)."""
    if not color:
        return lambda text, style: text
    from rich.color import ColorSystem
    from rich.style import Style

    return lambda text, style: Style.parse(style).render(text, color_system=ColorSystem.STANDARD)
