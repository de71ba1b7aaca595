"""What the app remembers between runs (theme, filter): `ceasefire/settings.json` in the
user's config directory ($XDG_CONFIG_HOME, else ~/.config).

A settings file is a convenience: one that cannot be read or parsed is ignored with a
notice and never stops the app; it is written atomically, so a crash leaves the old one.
Keys this version does not know are kept as they were.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tui.files import write_atomically

FILE = Path("ceasefire") / "settings.json"
THEMES = ("textual-dark", "textual-light", "nord", "gruvbox", "tokyo-night", "solarized-light")
"""The themes `c` cycles through (and `--theme` offers; the palette offers Textual's own)."""


def settings_path(environ: Mapping[str, str] = os.environ) -> Path:
    """Where the settings live, by the XDG base directory rule."""
    base = environ.get("XDG_CONFIG_HOME", "")
    if not base or not Path(base).is_absolute():  # the rule: a relative one is ignored
        base = str(Path(environ.get("HOME") or Path.home()) / ".config")
    return Path(base) / FILE


@dataclass(slots=True)
class Settings:
    """The file's values ({name: text}); `notice` says why a file present was not read."""

    path: Path
    values: dict[str, object] = field(default_factory=dict)
    notice: str | None = None

    @classmethod
    def read(cls, path: Path) -> Settings:
        try:
            text = path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):  # nothing there yet
            return cls(path)
        except (OSError, UnicodeDecodeError) as error:
            return cls(path, notice=f"Settings not read from {path}: "
                       f"{getattr(error, 'strerror', None) or error}")
        try:
            values = json.loads(text)
        except ValueError as error:
            return cls(path, notice=f"Settings in {path} ignored: not JSON ({error})")
        if not isinstance(values, dict):
            return cls(path, notice=f"Settings in {path} ignored: not a JSON object")
        return cls(path, values)

    def text(self, name: str) -> str | None:
        """A setting that is text, else None (a wrong type counts as unset)."""
        value = self.values.get(name)
        return value if isinstance(value, str) else None

    def remember(self, **values: str) -> str | None:
        """Store these values if they changed; the reason when the file cannot be written.
        A file that could not be read is left for its owner to fix, never written over."""
        if self.notice is not None or all(self.values.get(name) == value for name, value in values.items()):
            return None
        self.values.update(values)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps(self.values, indent=2, sort_keys=True) + "\n")
        except OSError as error:
            return f"Settings not saved to {self.path}: {error.strerror or error}"
        return None
