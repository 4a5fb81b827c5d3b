"""Shared fixtures: paths, pandera's validation depth, and one Prefect test server per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PANDERA_VALIDATION_DEPTH", "SCHEMA_AND_DATA")
for _key, _value in {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_LEVEL": "WARNING",
}.items():
    os.environ.setdefault(_key, _value)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEEDS_GOLD = Path(__file__).resolve().parent / "data" / "seeds_gold.jsonl"
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect API for every flow test (setup takes seconds, each run about one)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield


@pytest.fixture(scope="session")
def seeds_output(tmp_path_factory: pytest.TempPathFactory, prefect_server) -> Path:
    """The Prefect flow run once on seeds/ into a temporary folder."""
    from flows.pipeline import newsfacts_flow

    out = tmp_path_factory.mktemp("seeds-output")
    newsfacts_flow(inputs=[str(SEEDS)], output_dir=str(out))
    return out
