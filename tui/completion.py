"""Shell completion scripts for bash, zsh and fish, generated from the commands' own parsers.

What a script completes is fixed when it is generated (`ceasefire completion bash`): the
commands, each command's options, the words an option takes (its choices, the bundled
example names, the topic keys, the statuses) and files elsewhere. Nothing runs at each
<TAB>, so completing costs no Python start-up.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

SHELLS = ("bash", "zsh", "fish")


@dataclass(frozen=True, slots=True)
class Option:
    """One option as a shell sees it: its spellings and what follows it."""

    names: tuple[str, ...]
    takes_value: bool
    words: tuple[str, ...] = ()
    """The values to offer, if they can be listed."""
    files: bool = False
    """Whether the value is a file name (`-o FILE`)."""
    help: str = ""


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    summary: str
    options: tuple[Option, ...]


def script(shell: str, prog: str, commands: list[Command]) -> str:
    """The completion script for `shell`."""
    return {"bash": _bash, "zsh": _zsh, "fish": _fish}[shell](prog, commands)


def _words(words: tuple[str, ...] | list[str]) -> str:
    return " ".join(words)


def _bash(prog: str, commands: list[Command]) -> str:
    func = "_" + prog.replace("-", "_")
    names = _words([c.name for c in commands])
    values, options = [], []
    for command in commands:
        spelled = [name for option in command.options for name in option.names]
        options.append(f"        {command.name}) words={shlex.quote(_words(spelled))} ;;")
        for option in command.options:
            if option.words:
                cases = "|".join(f"{command.name}:{name}" for name in option.names)
                values.append(f"        {cases}) words={shlex.quote(_words(option.words))} ;;")
            elif option.takes_value:  # a file, or a value nothing can guess
                cases = "|".join(f"{command.name}:{name}" for name in option.names)
                values.append(f"        {cases}) return ;;")
    return f"""\
# {prog} completion for bash: add to ~/.bashrc
#   eval "$({prog} completion bash)"
{func}() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}} cmd="" i words
    for ((i = 1; i < COMP_CWORD; i++)); do
        case " {names} " in *" ${{COMP_WORDS[i]}} "*) cmd=${{COMP_WORDS[i]}}; break ;; esac
    done
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "{names} --help --version" -- "$cur"))
        return
    fi
    case "$cmd:$prev" in
{chr(10).join(values)}
        *) words="" ;;
    esac
    if [[ -n $words ]]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        case $cmd in
{chr(10).join(options)}
        esac
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
}}
complete -o default -F {func} {prog}
"""


def _zsh(prog: str, commands: list[Command]) -> str:
    """zsh runs the bash function through its own bashcompinit, as argcomplete does."""
    return (f"# {prog} completion for zsh: add to ~/.zshrc\n"
            f"#   eval \"$({prog} completion zsh)\"\n"
            "autoload -U +X compinit && compinit\n"
            "autoload -U +X bashcompinit && bashcompinit\n"
            + _bash(prog, commands).split("\n", 2)[2])


def _fish(prog: str, commands: list[Command]) -> str:
    lines = [f"# {prog} completion for fish: save as ~/.config/fish/completions/{prog}.fish",
             f"#   {prog} completion fish > ~/.config/fish/completions/{prog}.fish",
             f"complete -c {prog} -f -n __fish_use_subcommand -l version -d 'show the version'"]
    for command in commands:
        lines.append(f"complete -c {prog} -f -n __fish_use_subcommand -a {command.name} "
                     f"-d {shlex.quote(command.summary)}")
        seen = f"-n '__fish_seen_subcommand_from {command.name}'"
        for option in command.options:
            spelled = " ".join(f"-l {name[2:]}" if name.startswith("--") else f"-s {name[1:]}"
                               for name in option.names)
            what = (f"-x -a {shlex.quote(_words(option.words))}" if option.words
                    else "-r -F" if option.files else "-x" if option.takes_value else "")
            lines.append(" ".join(part for part in (
                f"complete -c {prog}", seen, spelled, what,
                f"-d {shlex.quote(option.help)}" if option.help else "") if part))
    return "\n".join(lines) + "\n"
