"""The one build step pyproject.toml cannot declare: the documentation pages (docs/*.md, kept
in one place, the repository's docs/) are copied into the package as tui/docs/, so that
`ceasefire docs` reads them from a pip install. Everything else is in pyproject.toml."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DOCS = Path(__file__).resolve().parent / "docs"


class BuildWithDocs(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "tui" / "docs"
        self.mkpath(str(target))
        for page in sorted(DOCS.glob("*.md")):
            self.copy_file(str(page), str(target / page.name))


setup(cmdclass={"build_py": BuildWithDocs})
