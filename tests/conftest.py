"""Shared set-up of the suite-level tests (runtime, setup, browser)."""
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="session")
def repo_root():
    return ROOT


@pytest.fixture(scope="session")
def artifacts_dir():
    path = os.path.join(ROOT, "var", "artifacts")
    os.makedirs(path, exist_ok=True)
    return path
