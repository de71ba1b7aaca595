"""What the loader reports about a file: each problem with its exact place and a reason."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Code(str, Enum):
    """Classes of problems, so callers can tell unreadable files (exit 2) from invalid ones."""

    UNREADABLE = "unreadable"  # missing, a directory, no permission
    ENCODING = "encoding"  # not UTF-8, binary
    SYNTAX = "syntax"  # not YAML
    UNSAFE = "unsafe"  # tags that construct objects, recursive aliases
    LIMIT = "limit"  # a size, depth or count limit was reached
    INVALID = "invalid"  # valid YAML that is not a valid proposal
    HIDDEN_TEXT = "hidden-text"  # invisible or direction-changing characters


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem at `file:line:column` (1-based; line 0: the whole file), with the YAML path
    it concerns."""

    file: str
    line: int
    column: int
    message: str
    path: str = ""
    severity: Severity = Severity.ERROR
    code: Code = Code.INVALID

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def place(self) -> str:
        """`file:line:col`, or just `file` for a problem of the whole file (line 0), such as
        a missing one: no place is made up."""
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.place}: {self.severity.value}: {where}{self.message}"


class InvalidProposal(Exception):
    """Raised by `load_proposal` when a file has errors; carries every problem found."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
