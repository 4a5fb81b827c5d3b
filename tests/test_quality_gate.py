"""Extraction quality may not fall below the floors pinned in quality_floors.json.

Raising a floor is a commit; lowering one is a visible, explained change to
that file. Public benchmarks live outside the repository (../shared/benchmarks);
their gates run when the folder exists and are skipped, saying so, when not.
"""

import json
from pathlib import Path

import pytest

from flows.evaluate import evaluate
from flows.ingest import discover_inputs
from flows.io import write_table
from flows.stages import run_pipeline
from schemas import TABLES

from conftest import BENCHMARKS, SEEDS, SEEDS_GOLD

FLOORS = json.loads((Path(__file__).resolve().parent / "quality_floors.json").read_text())


def _score(inputs: Path, gold: Path, out: Path) -> dict:
    tables = run_pipeline(discover_inputs([inputs]))
    for name, frame in tables.items():
        write_table(frame, out / f"{name}.parquet", TABLES[name])
    return evaluate(out, gold)


def _check(report: dict, floors: dict) -> list[str]:
    misses = []
    for key, floor in floors.items():
        kind, measure, metric = key.split(".")
        value = report[kind][measure] if measure.endswith("_accuracy") else report[kind][measure][metric]
        if value + 1e-9 < floor:
            misses.append(f"{key}: {value:.4f} < floor {floor}")
    return misses


def test_seeds_gold_floors(tmp_path):
    report = _score(SEEDS, SEEDS_GOLD, tmp_path)
    assert _check(report, FLOORS["seeds"]) == []


@pytest.mark.parametrize("benchmark", ["polnear-dev", "newsquant"])
def test_public_benchmark_floors(tmp_path, benchmark):
    folder = BENCHMARKS / benchmark
    if not folder.exists():
        pytest.skip(f"public benchmark not present at {folder}: gate skipped")
    report = _score(folder / "documents.jsonl", folder / "gold.jsonl", tmp_path)
    assert _check(report, FLOORS[benchmark]) == []
