"""Report renderers: each turns one `Comparison` into one output format, never recomputing it."""
