"""Handing the terminal to the user's editor, and always getting it back.

Textual's `suspend()` resumes the app only when its block ends normally: an editor that
cannot start must be found out before the terminal is handed over, and nothing raised
inside the block, or the screen stays blank with keys echoed as text.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from textual.app import App, SuspendNotSupported

VS_CODES = ("code", "codium", "code-insiders")


class EditorError(Exception):
    """The editor could not be started or gave up; the message says why, for the user."""


def editor_command(environ: Mapping[str, str], path: Path, line: int,
                   column: int = 1) -> list[str]:
    """The command that opens `path` at `line` (and `column` where the editor takes one) in
    $VISUAL or $EDITOR, its program resolved on $PATH; EditorError names what is wrong."""
    variable = "VISUAL" if environ.get("VISUAL") else "EDITOR"
    setting = environ.get(variable) or "vi"
    try:
        editor = shlex.split(setting)
    except ValueError as error:
        raise EditorError(f"${variable} {setting!r} cannot be read as a command: "
                          f"{error}.") from None
    if not editor:
        raise EditorError(f"${variable} is blank.")
    if Path(editor[0]).name in VS_CODES:
        return [*editor, "--wait", "--goto", f"{path}:{line}:{column}"]
    return [*editor, f"+{line}", str(path)]


def resolve(command: list[str], environ: Mapping[str, str]) -> list[str]:
    """`command` with its program found on $PATH and runnable, else EditorError."""
    program = command[0]
    found = shutil.which(program, path=environ.get("PATH"))
    if found is not None:
        return [found, *command[1:]]
    why = "it is not executable" if Path(program).is_file() else "no such program"
    raise EditorError(f"Could not start the editor {program!r}: {why}. "
                      "Set $EDITOR to your editor.")


def run_editor(app: App, command: list[str]) -> str | None:
    """Run the editor on the app's terminal and give the terminal back to the app, whatever
    happens: why it failed to start or exited with a failure, or None."""
    failure: str | None = None
    try:
        with app.suspend():
            failure = _run(command, interactive=True)
    except SuspendNotSupported:  # no terminal to hand over (tests, headless runs)
        failure = _run(command, interactive=False)
    return failure


def _run(command: list[str], interactive: bool) -> str | None:
    """The editor's run, never raising (this runs inside `suspend()`): a reason, or None."""
    try:
        done = subprocess.run(command, check=False,
                              stdin=None if interactive else subprocess.DEVNULL)
    except OSError as error:
        return (f"Could not start the editor {command[0]!r}: {error.strerror or error}. "
                "Set $EDITOR to your editor.")
    if done.returncode != 0:
        return (f"The editor {Path(command[0]).name!r} exited with status {done.returncode}; "
                "the files are read again in case it saved them.")
    return None
