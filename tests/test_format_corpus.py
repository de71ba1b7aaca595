"""Every input of the YAML test suite (valid and invalid YAML): never a traceback, always a place."""

from __future__ import annotations

import pytest

from proposals import read_proposal
from tests.conftest import YAML_SUITE

CASES = sorted(p.parent for p in YAML_SUITE.glob("*/in.yaml")) if YAML_SUITE.is_dir() else []


@pytest.mark.skipif(not CASES, reason="../shared/corpora/yaml-test-suite is not beside the repo")
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_yaml_input_escapes_the_loader(case):
    loaded = read_proposal(case / "in.yaml")
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message
    if loaded.proposal is None:
        assert any(p.is_error for p in loaded.problems)
    if (case / "error").exists():  # invalid YAML is never a valid proposal
        assert loaded.proposal is None
