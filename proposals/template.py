"""The commented template `ceasefire new` writes: an empty proposal, every example a comment.

The topic catalogue at the end is generated from the registry, so a new topic
appears in the template without touching this module.
"""

from __future__ import annotations

import json

from proposals.hidden import escape_hidden
from proposals.loader import slug
from proposals.reference import example_text
from proposals.registry import Registry, registry

_HEADER = """\
# A ceasefire proposal: one party's position, one clause per topic.
# As written it states no position yet: every example below is a comment.
# Uncomment a line (delete its leading '# ') and edit it. Then:
#   ceasefire check {file}    # what is wrong, and where
#   ceasefire topics              # every topic and its words
# Editors with a YAML language server complete keys and words once the schema
# is saved:
#   ceasefire schema > ceasefire.schema.json
# and the first line of this file reads:
#   # yaml-language-server: $schema=ceasefire.schema.json

ceasefire: 2                 # format version
party: {party}
id: {id}                 # short key used in reports (default: from party)
# title: Proposal on a ceasefire
# date: 2025-06-02           # when the text was presented (ISO date)
# round: First round         # the negotiating round
# status: proposed           # or agreed, rejected, withdrawn, implemented
# sides: [Ukraine, Russia]   # whom the agreement binds (`by: both sides`)

# sources:                   # short id -> where the clauses come from
#   memo: {{title: Text of the proposal, publisher: Publisher, date: 2025-06-02}}

clauses:
  # Shorthand: topic: value
  # ceasefire.duration: at least 30 days

  # Full form: the value with where it comes from and how sure it is
  # ceasefire.domains:
  #   value: [land, air, sea]
  #   source: memo
  #   confidence: confirmed    # confirmed | reported | disputed
  #   quote: "a full ceasefire on land, in the air and at sea"
  #   note: Any comment on the clause.
  #   conditions: [the other side implements it at the same time]
  #   when: on entry into force  # or: day 7, by day 50, 5 days after ...

  # One clause for each party that acts (`by:`), here each with its own line
  # forces.pullback_line:
  #   - {{value: The de facto line of contact., by: Ukraine}}
  #   - {{value: The line of 19 September 2014., by: Russia}}

  # Sources disagree: give each reading with its source instead of one value
  # political.elections:
  #   readings:
  #     - {{value: within 100 days, source: memo}}
  #     - {{value: within 60 days, note: one summary}}

  # A position stated without its terms
  # forces.size_cap: unspecified

  # A topic outside the registry: prefix x. and declare its kind
  # x.nuclear_plant:
  #   kind: text
  #   label: Zaporizhzhia nuclear plant
  #   value: Under IAEA supervision.

  # Every registered topic, by area, with its kind and an example value.
  # Uncomment a line and edit its value; `ceasefire topics` describes each one.
"""

_STAGES = """
# Stages of the agreement, in order, each with what holds during it:
# phases:
#   - id: first
#     label: First phase
#     starts: on signing
#     duration: 42 days
#     clauses:
#       humanitarian.prisoner_numbers: {value: 1000 prisoners, by: both sides}
#
# Alternative packages the party offers; the comparison scores each one:
# options:
#   - id: option-1
#     label: Withdrawal first
#     clauses:
#       ceasefire.preconditions: [withdrawal from four regions]
#   - id: option-2
#     label: Ten-point package
#     clauses:
#       ceasefire.preconditions: [no redeployment, mobilisation stops]
"""


def _catalogue(reg: Registry) -> str:
    lines: list[str] = []
    for area, title in reg.areas.items():
        lines.append(f"  # --- {title} ---")
        for topic in reg.in_area(area):
            lines.append(f"  # {topic.key}: {example_text(topic)}    ({topic.kind.value})")
    return "\n".join(lines) + "\n"


def template(party: str = "Party name", file: str = "proposal.yaml") -> str:
    """The template text for `party`; the party name is quoted so any name stays literal."""
    reg = registry()
    header = _HEADER.format(
        party=escape_hidden(json.dumps(party, ensure_ascii=False)), id=slug(party), file=file
    )
    return header + _catalogue(reg) + _STAGES
