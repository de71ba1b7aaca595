"""`ceasefire docs [PAGE]`: the documentation pages (the repository's docs/*.md), read from
the installed package, so that a pip install, which has no docs/ folder, still has them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.terminal import literal

EXAMPLES = """\
  ceasefire docs                 # the pages and where they are installed
  ceasefire docs json | less     # one page: the JSON contracts
"""


def folder() -> Path:
    """tui/docs in a built package (setup.py copies docs/*.md there), else, in a checkout or
    an editable install, the repository's docs/."""
    here = Path(__file__).resolve().parents[1]
    packaged = here / "docs"
    return packaged if packaged.is_dir() else here.parent / "docs"


def pages() -> dict[str, Path]:
    """Each page by its name: `json` is json.md."""
    return {page.stem: page for page in sorted(folder().glob("*.md"))}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("page", nargs="?", choices=pages(), metavar="PAGE",
                        help="the page to print, as Markdown: " + ", ".join(pages()))


def run(args: argparse.Namespace) -> int:
    found = pages()
    if args.page:
        sys.stdout.write(found[args.page].read_text(encoding="utf-8"))
        return 0
    width = max(map(len, found))
    for name, page in found.items():
        title = page.read_text(encoding="utf-8").partition("\n")[0].lstrip("# ").replace("`", "")
        sys.stdout.write(f"{name:<{width}}  {title}\n")
    sys.stdout.write(literal(f"\nceasefire docs PAGE prints one, as Markdown; they are in "
                             f"{folder()}") + "\n")
    return 0
