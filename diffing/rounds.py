"""Texts into parties and rounds: a party's successive texts are its history.

Proposals are grouped into parties by `id` and ordered into rounds by `round` (its label)
and `date`. A round is named by its label, or by its date when it has none; rounds come in
the order of their earliest date. Drafts of one text by different hands share an `id`: the
text is then the "party", and each draft keeps the name of who wrote it.

Pure: no I/O. `diff` uses `arrange` to compare each party's latest text (or the versions
of the one party given); `history` uses `rounds` to follow every party round by round.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from proposals.model import Proposal


class RoundsError(ValueError):
    """The texts cannot be put in an order of rounds (no date, or one party twice in one)."""


@dataclass(frozen=True, slots=True)
class Round:
    """One round: its name, its earliest date, and the text each party gave in it."""

    index: int
    label: str
    date: dt.date | None
    texts: dict[str, Proposal]
    """By party id, the texts given in this round (a party silent in it is not here)."""


def round_label(proposal: Proposal) -> str | None:
    """The round a text belongs to: its `round`, else its date; None when it has neither."""
    if proposal.round:
        return proposal.round
    return proposal.date.isoformat() if proposal.date else None


def by_party(proposals: Sequence[Proposal]) -> dict[str, list[Proposal]]:
    """Each party's texts, in the order of their rounds (dates, then labels, then files);
    parties in the order they first appear."""
    grouped: dict[str, list[Proposal]] = {}
    for proposal in proposals:
        grouped.setdefault(proposal.id, []).append(proposal)
    return {party: sorted(texts, key=_when) for party, texts in grouped.items()}


def _when(proposal: Proposal) -> tuple[dt.date, str, str]:
    return (proposal.date or dt.date.max, round_label(proposal) or "", proposal.file)


def whole(proposals: Sequence[Proposal]) -> list[Proposal]:
    """The texts as wholes, in the order given: a text that `amends` its party's previous
    one carries that text's clauses on every topic it does not address itself."""
    wholes: dict[int, Proposal] = {}
    for texts in by_party(proposals).values():
        previous: Proposal | None = None
        for text in texts:
            previous = wholes[id(text)] = amended(previous, text) \
                if text.amends and previous is not None else text
    return [wholes[id(proposal)] for proposal in proposals]


def amended(earlier: Proposal, text: Proposal) -> Proposal:
    """`text` with the clauses of `earlier` it does not replace: every topic it leaves
    alone, in phases and options it still has (each carried clause names its file)."""
    phases = text.phases or earlier.phases
    options = text.options or earlier.options
    kept_phases, kept_options = {p.id for p in phases}, {o.id for o in options}
    own = {clause.topic for clause in text.clauses}
    carried = tuple(
        clause if clause.file else replace(clause, file=earlier.file)
        for clause in earlier.clauses
        if clause.topic not in own and (clause.phase is None or clause.phase in kept_phases)
        and (clause.option is None or clause.option in kept_options))
    return replace(text, clauses=(*text.clauses, *carried), phases=phases, options=options,
                   sides=text.sides or earlier.sides, actors={**earlier.actors, **text.actors},
                   sources={**earlier.sources, **text.sources})


def rounds(proposals: Sequence[Proposal]) -> list[Round]:
    """The rounds the texts were given in, first to last (the order of the files given does
    not matter). Raises RoundsError for a text that names no round and no date, a round
    none of whose texts has a date when there are several rounds, or a party with two
    texts in one round."""
    found: dict[str, dict[str, Proposal]] = {}
    for proposal in sorted(proposals, key=lambda p: (p.id, p.file)):
        label = round_label(proposal)
        if label is None:
            raise RoundsError(f"{proposal.file}: {proposal.party}'s text has no 'round:' and no "
                              "'date:', so it cannot be placed among the rounds")
        texts = found.setdefault(label, {})
        if proposal.id in texts:
            raise RoundsError(
                f"{texts[proposal.id].file} and {proposal.file} are both {proposal.party}'s "
                f"text in round {label!r}: give each its own 'round:' or 'date:' (or its own "
                "'id:' when they are two parties)")
        texts[proposal.id] = proposal
    dates = {label: min((p.date for p in texts.values() if p.date), default=None)
             for label, texts in found.items()}
    undated = sorted(label for label, date in dates.items() if date is None)
    if undated and len(found) > 1:
        raise RoundsError(f"round {undated[0]!r} has no dated text, so it cannot be placed "
                          "before or after the others: give one of its texts a 'date:'")
    ordered = sorted(found, key=lambda label: (dates[label] or dt.date.max, label))
    return [Round(index=i, label=label, date=dates[label], texts=found[label])
            for i, label in enumerate(ordered)]


@dataclass(frozen=True, slots=True)
class Arrangement:
    """What `diff` compares: each party's latest text, or the versions of the one party
    given; and the earlier texts it set aside."""

    proposals: list[Proposal]
    earlier: list[Proposal]
    versions_of: str | None = None
    """The party (or text) whose versions `proposals` are, when only one was given."""


def arrange(proposals: Sequence[Proposal]) -> Arrangement:
    """Texts as `diff` compares them. Several parties: each one's latest text (the earlier
    ones are set aside, for `history`). One party with several texts: its versions, first
    to last, each named by its round (or file) so the columns tell them apart."""
    parties = by_party(whole(proposals))
    if len(parties) == 1 and len(proposals) > 1:
        texts = next(iter(parties.values()))
        return Arrangement(proposals=versions(texts), earlier=[],
                           versions_of=texts[-1].party if _one_name(texts) else texts[0].id)
    latest = [texts[-1] for texts in parties.values()]
    earlier = [text for texts in parties.values() for text in texts[:-1]]
    return Arrangement(proposals=latest, earlier=earlier)


def versions(texts: Sequence[Proposal]) -> list[Proposal]:
    """One party's texts with ids and names of their own: `ukraine`, `ukraine-2`…; the name
    followed by the round (or the file, when the rounds are the same)."""
    labels = [round_label(text) or text.file for text in texts]
    if len(set(labels)) < len(labels):
        labels = [text.file for text in texts]
    named = _one_name(texts)
    return [replace(text, id=text.id if i == 0 else f"{text.id}-{i + 1}",
                    party=f"{text.party} ({label})" if named else text.party)
            for i, (text, label) in enumerate(zip(texts, labels))]


def _one_name(texts: Sequence[Proposal]) -> bool:
    return len({text.party for text in texts}) == 1
