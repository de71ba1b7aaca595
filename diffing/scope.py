"""What each party says in one comparison: the clauses of the option shown (every clause
outside options, plus the chosen option's), its timeline, and the order of steps that
timeline implies when the party wrote no `political.sequence` of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from diffing.comparators.sequences import order_text
from proposals.model import Clause, Kind, Proposal
from proposals.registry import registry
from proposals.timeline import Timeline, build, in_scope

SEQUENCE_TOPIC = "political.sequence"


class UnknownOption(ValueError):
    """An option asked for that the party does not offer."""


@dataclass(frozen=True, slots=True)
class Scope:
    """One party's side of the comparison with one of its options taken."""

    option: str | None
    clauses: tuple[Clause, ...]
    timeline: Timeline


def chosen_options(proposals: Sequence[Proposal],
                   asked: Mapping[str, str] | None) -> dict[str, str | None]:
    """The option shown for each party: the one asked for, else its first; refuses an
    option or a party that does not exist."""
    asked = dict(asked or {})
    by_id = {p.id: p for p in proposals}
    for party, option in asked.items():
        if party not in by_id:
            raise UnknownOption(f"no party {party!r} to choose an option for "
                                f"(parties: {', '.join(by_id)})")
        offered = [o.id for o in by_id[party].options]
        if option not in offered:
            listed = ", ".join(offered) if offered else "it offers none"
            raise UnknownOption(f"{by_id[party].party} has no option {option!r} ({listed})")
    return {p.id: asked.get(p.id) or (p.options[0].id if p.options else None) for p in proposals}


def scope(proposal: Proposal, option: str | None) -> Scope:
    """The party's clauses and timeline with `option` taken."""
    timeline = build(proposal, option)
    clauses = in_scope(proposal, option)
    derived = derived_sequence(clauses, timeline)
    return Scope(option, (*clauses, derived) if derived else tuple(clauses), timeline)


def derived_sequence(clauses: Sequence[Clause], timeline: Timeline) -> Clause | None:
    """The party's order of steps from its timeline, as a `political.sequence` position,
    when it wrote none itself and its times order two steps or more."""
    order = timeline.order()  # first: without times it is None at once
    if order is None or any(c.topic == SEQUENCE_TOPIC for c in clauses):
        return None
    topic = registry().get(SEQUENCE_TOPIC)
    first = min((e for e in timeline.events if e.step), key=lambda e: e.line)
    return Clause(
        topic=topic.key, written_topic=topic.key, kind=Kind.SEQUENCE, label=topic.label,
        value=order, text=order_text(order, registry().steps.label), derived="timeline",
        line=first.line,
    )
