"""Every input of the public YAML test suite, valid YAML or not, through the loader: never an
exception, every problem placed at a real line:col, and a proposal only when there is no error.

The corpus lives beside the repository (`../shared/corpora/yaml-test-suite`, one folder per
case with `in.yaml`, and `error` for inputs that are not valid YAML); a clone without it skips.
"""

from __future__ import annotations

import pytest

from proposals.loader import read_proposal
from tests.conftest import YAML_SUITE as CORPUS
CASES = sorted(path.parent for path in CORPUS.glob("*/in.yaml")) if CORPUS.is_dir() else []


@pytest.mark.parametrize(
    "case",
    CASES or [pytest.param(None, id="corpus-absent")],
    ids=[case.name for case in CASES] or None,
)
def test_the_loader_answers_every_yaml_input_with_a_proposal_or_placed_problems(case):
    if case is None:
        pytest.skip(f"{CORPUS} is not beside the repository")
    loaded = read_proposal(case / "in.yaml", name=f"{case.name}/in.yaml")
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.column >= 1, str(problem)
        assert problem.file == f"{case.name}/in.yaml"
        assert problem.message
    has_errors = any(problem.is_error for problem in loaded.problems)
    assert (loaded.proposal is None) == has_errors
    if (case / "error").exists():  # not YAML, so certainly not a proposal
        assert loaded.proposal is None

