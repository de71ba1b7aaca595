"""The app's widgets, each with one job and its own DEFAULT_CSS."""
