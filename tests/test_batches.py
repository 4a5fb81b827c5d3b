"""Batch planning, incremental re-runs, and runs on a Dask cluster."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SEEDS, free_port, wait_for
from flows.batches import jsonl_parts, plan_batches
from flows.ingest import InputFile, discover_inputs, read_input_file
from flows.pipeline import newsfacts_flow
from flows.stages import run_pipeline
from schemas import TABLES, RunSchema

CONTENT_TABLES = [name for name in TABLES if name != "runs"]


def _jsonl(path: Path, lines: list[str]) -> InputFile:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return InputFile(path, path.parent)


@settings(max_examples=40, deadline=None)
@given(
    lines=st.lists(st.sampled_from(['{"doc_id": "a", "text": "x said y."}', "", "{bad", '{"text": ""}']), max_size=30),
    per_part=st.integers(1, 7),
)
def test_jsonl_parts_cover_the_file_and_read_like_the_whole(tmp_path_factory, lines, per_part):
    item = _jsonl(tmp_path_factory.mktemp("j") / "feed.jsonl", lines)
    parts, count = jsonl_parts(item, per_part)
    assert count == len(lines)
    if len(parts) > 1:
        assert parts[0].lines[0] == 0 and parts[-1].lines[1] == item.path.stat().st_size
        assert all(a.lines[1] == b.lines[0] for a, b in zip(parts, parts[1:]))
    whole = read_input_file(item)
    pieces = [read_input_file(part) for part in parts]
    assert [r for p in pieces for r in p.records] == whole.records
    # line numbers are file-wide in every part; an empty file is one reject, not one per part
    assert sorted((r["record"], r["reason"]) for p in pieces for r in p.rejects if r["record"]) == sorted(
        (r["record"], r["reason"]) for r in whole.rejects if r["record"]
    )


def test_a_new_file_changes_only_the_batches_around_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(200):
        (folder / f"a{i:03d}.txt").write_text(f"Story {i}. The mayor said {i} roads were closed.")
    before = plan_batches(discover_inputs([folder]), 10)
    (folder / "a100x.txt").write_text("A new story. The mayor said nothing.")
    after = plan_batches(discover_inputs([folder]), 10)
    changed = {b.files for b in before} - {b.files for b in after}
    assert len(before) >= 8
    # cuts come from each file's own path hash, so one insertion cannot shift every later cut
    assert 1 <= len(changed) <= 3
    assert sorted(f.relative for b in after for f in b.files) == sorted(f.relative for f in discover_inputs([folder]))


def test_a_big_jsonl_file_is_cut_into_batches_with_the_same_result(tmp_path):
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.iterdir())]
    assert len(texts) == 5
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    files = discover_inputs([feed])
    assert len(plan_batches(files, 2)) == (len(texts) + 1) // 2
    whole, cut = run_pipeline(files, batch_size=500), run_pipeline(files, batch_size=2)
    for name in ("articles", "quotes", "claims", "figures", "figure_comparisons"):
        assert whole[name].equals(cut[name]), name


def _runs(out: Path) -> pl.DataFrame:
    return pl.read_parquet(out / "runs.parquet")


def _published_bytes(out: Path) -> dict[str, bytes]:
    """Every published file but the run history, by relative path."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.parquet")) if p.name != "runs.parquet"}


def test_publish_writes_the_tables_where_links_are_refused(tmp_path, monkeypatch):
    from flows import pipeline

    tables = run_pipeline(discover_inputs([SEEDS]))
    tables["runs"] = RunSchema.empty()
    first = tmp_path / "out"
    pipeline.publish(tables, first, tmp_path / "staging")

    def refuse(*_args, **_kwargs):
        raise OSError("links not supported here")

    monkeypatch.setattr(pipeline.os, "link", refuse)
    second = tmp_path / "again"
    pipeline.publish(tables, second, tmp_path / "staging2", unchanged_from=first)
    assert _published_bytes(second) == _published_bytes(first)


def test_rerun_reuses_batches_and_equals_a_fresh_run(tmp_path, prefect_server):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    out = tmp_path / "out"
    newsfacts_flow(inputs=[str(inputs)], output_dir=str(out), batch_size=2)
    published = _published_bytes(out)
    newsfacts_flow(inputs=[str(inputs)], output_dir=str(out), batch_size=2)
    assert _published_bytes(out) == published  # tables and by-date parts republished as they were (linked, not rewritten)
    first, second = _runs(out).rows(named=True)
    assert second["batches_reused"] == second["batches"] == first["batches"] >= 2
    assert first["batches_reused"] == 0
    assert (first["combined_reused"], second["combined_reused"]) == (False, True)  # same batches: the tables are reused too
    assert first["batch_set"] == second["batch_set"]

    shutil.copy(ROOT / "tests" / "data" / "link" / "hama_followup.json", inputs / "zz_followup.json")
    newsfacts_flow(inputs=[str(inputs)], output_dir=str(out), batch_size=2)
    third = _runs(out).rows(named=True)[-1]
    assert third["batches"] - third["batches_reused"] == 1
    assert not third["combined_reused"] and third["batch_set"] != second["batch_set"]

    fresh = tmp_path / "fresh"
    newsfacts_flow(inputs=[str(inputs)], output_dir=str(fresh), batch_size=2)
    for name in CONTENT_TABLES:
        assert pl.read_parquet(out / f"{name}.parquet").equals(pl.read_parquet(fresh / f"{name}.parquet")), name


def test_batches_started_before_the_flow_are_taken_up_not_computed_again(tmp_path, prefect_server, seeds_output):
    from flows import pipeline, processes

    out = tmp_path / "out"
    with pipeline.batches_started_early([str(SEEDS)], str(out), batch_size=2):
        newsfacts_flow(inputs=[str(SEEDS)], output_dir=str(out), batch_size=2)
        batches = list(((tmp_path / ".out.newsfacts") / "batches").iterdir())
        assert all(processes.take_early(folder.name) is None for folder in batches)  # every job was taken by its task
    run = _runs(out).row(0, named=True)
    assert run["batches"] == len(batches) >= 2 and run["batches_reused"] == 0  # computed by this run, not reused
    for name in CONTENT_TABLES:
        assert pl.read_parquet(out / f"{name}.parquet").equals(pl.read_parquet(seeds_output / f"{name}.parquet")), name


def test_a_batch_whose_early_job_failed_is_computed_by_its_task(tmp_path, prefect_server, seeds_output, monkeypatch):
    from flows import pipeline

    calls = []
    real = pipeline.cache_batch

    def fails_first(*args):
        calls.append(args)
        if len(calls) == 1:
            raise MemoryError("the early job died")
        real(*args)

    monkeypatch.setattr(pipeline, "cache_batch", fails_first)
    out = tmp_path / "out"
    with pipeline.batches_started_early([str(SEEDS)], str(out)):  # one batch: its early job runs on a thread here
        newsfacts_flow(inputs=[str(SEEDS)], output_dir=str(out))
    assert len(calls) == 2  # the early job, then the task's retry
    assert _runs(out).select("batches", "batches_reused").row(0) == (1, 0)
    for name in CONTENT_TABLES:
        assert pl.read_parquet(out / f"{name}.parquet").equals(pl.read_parquet(seeds_output / f"{name}.parquet")), name


def test_changed_code_version_reprocesses(tmp_path, prefect_server, monkeypatch):
    out = tmp_path / "out"
    newsfacts_flow(inputs=[str(SEEDS)], output_dir=str(out))
    monkeypatch.setattr("flows.pipeline.code_version", lambda: "0.0.0+changed")
    newsfacts_flow(inputs=[str(SEEDS)], output_dir=str(out))
    assert _runs(out)["batches_reused"].to_list() == [0, 0]


def test_dask_cluster_run_equals_the_local_run(tmp_path, prefect_api, seeds_output):
    """A scheduler and two workers on 127.0.0.1; `newsfacts run --dask-address` writes the same tables."""
    port = free_port()
    env = {**os.environ, "PREFECT_API_URL": prefect_api, "PYTHONPATH": str(ROOT), "DASK_LOGGING__DISTRIBUTED": "warning"}
    address = f"tcp://127.0.0.1:{port}"
    bin_dir = Path(sys.executable).parent
    procs = [subprocess.Popen([bin_dir / "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], env=env, stderr=subprocess.DEVNULL)]
    try:
        wait_for(lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() is None, "dask scheduler")
        procs += [
            subprocess.Popen([bin_dir / "dask", "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"], env=env, stderr=subprocess.DEVNULL)
            for _ in range(2)
        ]
        out = tmp_path / "out"
        done = subprocess.run(
            [sys.executable, "-m", "flows.cli", "run", str(SEEDS), "--output", str(out), "--dask-address", address, "--batch-size", "2"],
            env=env, capture_output=True, text=True, timeout=300, check=False, cwd=ROOT,
        )
        assert done.returncode == 0, done.stderr[-3000:]
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
    assert _runs(out)["batches"][0] >= 2
    for name in CONTENT_TABLES:
        assert pl.read_parquet(out / f"{name}.parquet").equals(pl.read_parquet(seeds_output / f"{name}.parquet")), name
