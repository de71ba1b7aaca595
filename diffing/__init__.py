"""How proposals differ: the diff engine and its typed result.

Pure: no terminal, no rich, no textual, no file I/O. It reads `proposals` models and
returns a `Comparison` that every renderer reads without recomputing anything.
"""

from diffing.engine import ComparisonError, compare
from diffing.result import FORMAT, Comparison, GapStatus, Pair, Party, Position, Row, Summary

__all__ = [
    "FORMAT", "Comparison", "ComparisonError", "GapStatus", "Pair", "Party", "Position", "Row",
    "Summary", "compare",
]
