"""The Prefect flow: batches of files go through ingest -> normalize -> extract, then validate and publish.

Tasks are thin wrappers over ``flows.stages``; they pass file paths, never frames
(Prefect hashes task inputs), and each task handles a whole batch of articles.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.task_runners import ThreadPoolTaskRunner

from flows.ids import stable_id
from flows.ingest import InputFile, discover_inputs
from flows.io import output_lock, read_table, swap_in_folder, write_table, write_text_durably
from flows.stages import ARTICLE_TABLES, code_version, combine_batches, process_batch
from flows.validate import validate_tables
from flows.views import views_sql
from schemas import TABLES, RunSchema


#: Every newsfacts output folder holds it; the run history, and the mark of a folder newsfacts may replace.
RUNS_FILE = "runs.parquet"
#: DuckDB views over the tables, written beside them.
VIEWS_FILE = "views.sql"


class ValidationFailed(RuntimeError):
    """The run produced tables that break the data contract; the previous output was kept."""


def _batch_dir(work: Path, index: int) -> Path:
    return work / f"batch-{index:05d}"


@task(name="process-batch", retries=2, retry_delay_seconds=[1, 5])
def process_batch_task(files: list[tuple[str, str]], work_dir: str, index: int) -> str:
    """ingest -> normalize -> extract one batch; writes one Parquet part per table."""
    items = [InputFile(Path(path), Path(root)) for path, root in files]
    out = _batch_dir(Path(work_dir), index)
    for name, frame in process_batch(items).items():
        write_table(frame, out / f"{name}.parquet", TABLES[name])
    return str(out)


@task(name="validate-and-publish")
def validate_and_publish_task(batch_dirs: list[str], output_dir: str, staging_dir: str, run: dict) -> dict:
    """Combine batches, validate every table, then swap them into the output folder."""
    logger = get_run_logger()
    parts = [{name: read_table(Path(d) / f"{name}.parquet", TABLES[name]) for name in ARTICLE_TABLES} for d in batch_dirs]
    tables = combine_batches(parts)
    failures = validate_tables(tables)
    output = Path(output_dir)
    if failures.height:
        failures_path = write_table(failures, output / "validation_failures.parquet")
        msg = f"{failures.height} validation failures; previous output kept; details in {failures_path}"
        raise ValidationFailed(msg)
    finished = datetime.now(timezone.utc)
    run_row = pl.DataFrame(
        [{**run, "finished_at": finished, **{name: frame.height for name, frame in tables.items()}, "validation": "passed"}],
        schema=RunSchema.empty().schema,
    )
    previous_runs = output / RUNS_FILE
    if previous_runs.exists():
        run_row = pl.concat([read_table(previous_runs), run_row], how="diagonal_relaxed").select(run_row.columns)
    tables["runs"] = run_row
    publish(tables, output, Path(staging_dir))
    summary = {name: frame.height for name, frame in tables.items() if name != "runs"}
    logger.info("published %s to %s", summary, output)
    return summary


def publish(tables: dict[str, pl.DataFrame], output: Path, staging: Path) -> None:
    """Write every table into ``staging``, then swap it in as ``output`` in one atomic step."""
    shutil.rmtree(staging, ignore_errors=True)
    for name, frame in tables.items():
        write_table(frame, staging / f"{name}.parquet", TABLES[name])
    write_text_durably(staging / VIEWS_FILE, views_sql())
    swap_in_folder(staging, output, marker=RUNS_FILE)


@flow(name="newsfacts", task_runner=ThreadPoolTaskRunner(max_workers=2), log_prints=False)
def newsfacts_flow(inputs: list[str], output_dir: str = "output", batch_size: int = 500) -> dict:
    """Turn news articles (files or folders) into validated Parquet tables in ``output_dir``."""
    started = datetime.now(timezone.utc)
    files = discover_inputs([Path(p) for p in inputs])
    output = Path(output_dir).resolve()
    run = {
        "run_id": stable_id(started.isoformat(), *(f.relative for f in files)),
        "started_at": started,
        "code_version": code_version(),
        "input_count": len(files),
    }
    with output_lock(output, RUNS_FILE) as state:
        work = state / f"work-{os.getpid()}"
        batches = [files[i : i + batch_size] for i in range(0, len(files), batch_size)]
        futures = [
            process_batch_task.submit([(str(f.path), str(f.root)) for f in batch], str(work), index)
            for index, batch in enumerate(batches)
        ]
        batch_dirs = [future.result() for future in futures]
        try:
            return validate_and_publish_task(batch_dirs, str(output), str(state / f"staging-{os.getpid()}"), run)
        finally:
            shutil.rmtree(work, ignore_errors=True)
