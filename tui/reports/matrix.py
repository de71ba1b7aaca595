"""The pair matrix: the agreement index of every two parties, read from the engine's pairs
(`Comparison.pairs`), for every human report when three parties or more are compared.

Strings here are raw (party names come from proposal files); each renderer escapes them.
"""

from __future__ import annotations

from diffing.result import Comparison, Pair

NOT_COMPARED = "·"
"""A cell of two parties the engine did not pair (a baseline pairs every party with it only)."""


def pair_of(comparison: Comparison, a: str, b: str) -> Pair | None:
    """The engine's pair of these two parties, whichever it named first."""
    return next((pair for pair in comparison.pairs if set(pair.parties) == {a, b}), None)


def index_cell(pair: Pair | None, same: bool) -> str:
    """A matrix cell: the pair's agreement index; `—` on the diagonal or without a measured
    row; `·` for a pair not compared."""
    if same:
        return "—"
    if pair is None:
        return NOT_COMPARED
    index = pair.summary.agreement_index
    return "—" if index is None else f"{index:.2f}"


def pair_matrix(comparison: Comparison) -> list[tuple[str, list[str]]]:
    """One line per party, in the columns' order: its name and its index with every party
    (columns numbered as the lines are); empty with fewer than three parties (the summary
    is then the one pair)."""
    parties = comparison.parties
    if len(parties) < 3 or not comparison.pairs:
        return []
    return [(party.name, [index_cell(pair_of(comparison, party.id, other.id), party == other)
                          for other in parties]) for party in parties]


MATRIX_NOTE = "Agreement index of every two parties (—: none measured; ·: not compared):"
