"""`python -m tui` runs the `ceasefire` command."""

from tui.cli import main

raise SystemExit(main())
