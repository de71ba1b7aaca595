"""Shell completion: the scripts `ceasefire completion SHELL` prints complete commands,
options, example names and topic keys in a real bash; zsh and fish check their syntax."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest


def _script(shell: str) -> str:
    result = subprocess.run([sys.executable, "-m", "tui", "completion", shell],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def bash_script(tmp_path_factory):
    path = tmp_path_factory.mktemp("completion") / "ceasefire.bash"
    path.write_text(_script("bash"), encoding="utf-8")
    return path


def _complete(script, *words: str) -> list[str]:
    """What bash offers for the last word, as <TAB> would."""
    line = " ".join(f"'{word}'" for word in words)
    code = (f"source {script}; COMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; "
            "_ceasefire; printf '%s\\n' \"${COMPREPLY[@]}\"")
    result = subprocess.run(["bash", "--norc", "-c", code], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0 and not result.stderr, result.stderr
    return [word for word in result.stdout.splitlines() if word]


@pytest.mark.parametrize("words, offered", [
    (["ceasefire", "di"], ["diff"]),
    (["ceasefire", "diff", "--example", "ist"], ["istanbul-2025-05-16", "istanbul-2025-06-02"]),
    (["ceasefire", "view", "--example", "min"], ["minsk-2015-02-12"]),
    (["ceasefire", "examples", "--copy", "pea"], ["peace-plans-2025-11"]),
    (["ceasefire", "diff", "--topics", "ceasefire.dur"], ["ceasefire.duration"]),
    (["ceasefire", "diff", "--topics", "jus"], ["justice.*", "justice.mechanisms",
                                                 "justice.amnesty_exclusions",
                                                 "justice.reparations"]),
    (["ceasefire", "diff", "--only", "c"], ["conflict"]),
    (["ceasefire", "check", "--format", ""], ["text", "json"]),
    (["ceasefire", "diff", "--ba"], ["--baseline"]),
    (["ceasefire", "completion", "--h"], ["--help"]),
])
def test_bash_completes_commands_options_examples_and_topics(bash_script, words, offered):
    assert _complete(bash_script, *words) == offered


def test_bash_leaves_files_to_the_shell(bash_script):
    assert _complete(bash_script, "ceasefire", "diff", "uk") == []  # `complete -o default`
    assert _complete(bash_script, "ceasefire", "diff", "-o", "rep") == []
    assert "complete -o default -F _ceasefire ceasefire" in bash_script.read_text()


@pytest.mark.parametrize("shell, check", [("bash", ["bash", "-n"]), ("zsh", ["zsh", "-n"]),
                                          ("fish", ["fish", "--no-execute"])])
def test_each_script_is_valid_for_its_shell(shell, check, tmp_path):
    if shutil.which(check[0]) is None:
        pytest.skip(f"{check[0]} is not installed here: its script is checked where it is")
    path = tmp_path / f"ceasefire.{shell}"
    path.write_text(_script(shell), encoding="utf-8")
    result = subprocess.run([*check, str(path)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr


def test_fish_completes_example_names_and_topic_keys_per_command():
    lines = _script("fish").splitlines()
    example = next(line for line in lines
                   if "__fish_seen_subcommand_from diff" in line and "-l example" in line)
    assert "-x -a '" in example and "istanbul-2025-06-02" in example
    topics = next(line for line in lines
                  if "__fish_seen_subcommand_from view" in line and "-l topics" in line)
    assert "ceasefire.duration" in topics
    assert any("-a diff " in line and "__fish_use_subcommand" in line for line in lines)
    assert any("-l output -r -F" in line for line in lines)  # -o takes a file


def test_the_zsh_script_is_the_bash_one_through_bashcompinit():
    zsh = _script("zsh")
    assert "bashcompinit && bashcompinit" in zsh
    assert "complete -o default -F _ceasefire ceasefire" in zsh
