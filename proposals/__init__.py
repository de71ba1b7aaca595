"""What a ceasefire proposal is: the model, the topic registry, the loader and the examples.

Pure: no terminal, no rich, no textual. `diffing` builds on it; `tui` presents both.
"""

from proposals.loader import Loaded, load_proposal, read_proposal, read_string
from proposals.model import Clause, Confidence, Kind, Proposal, Source, Status
from proposals.problems import InvalidProposal, Problem

__all__ = [
    "Clause", "Confidence", "InvalidProposal", "Kind", "Loaded", "Problem", "Proposal", "Source",
    "Status", "load_proposal", "read_proposal", "read_string",
]
