"""The Prefect flow: batches of files go through ingest -> normalize -> extract, then validate and publish.

Tasks are thin wrappers over ``flows.stages``; they pass file paths, never frames
(Prefect hashes task inputs), and each task handles a whole batch of articles.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
from prefect import flow, get_run_logger, task
from prefect.futures import as_completed
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.task_runners import ThreadPoolTaskRunner

from flows import prefect_server, processes, progress
from flows.ids import stable_id
from flows.batches import Batch, describe, from_description, plan_batches
from flows.ingest import InputFile, discover_inputs
from flows.io import BATCH_CACHE, output_lock, read_table, swap_in_folder, write_table, write_text_durably
from flows.assemble import TableWriter, assemble
from flows.partitions import PARTITIONED_DIR
from flows.stages import ARTICLE_TABLES, BATCH_DONE, cache_batch, code_version
from flows.views import views_sql
from schemas import TABLES, RunSchema


#: Every newsfacts output folder holds it; the run history, and the mark of a folder newsfacts may replace.
RUNS_FILE = "runs.parquet"
#: The tables a run with an unchanged batch set can take from the last one.
COMBINED_TABLES = (*ARTICLE_TABLES, "figure_comparisons")
#: DuckDB views over the tables, written beside them.
VIEWS_FILE = "views.sql"


class ValidationFailed(RuntimeError):
    """The run produced tables that break the data contract; the previous output was kept."""


#: Steps reported to ``flows.progress`` listeners (the CLI's bar).
_BATCHES_STEP = "ingest, normalize, extract (batches)"
_PUBLISH_STEP = "link, validate, publish"

@task(name="process-batch", retries=2, retry_delay_seconds=[1, 5])
def process_batch_task(files: list[tuple], cache_dir: str, key: str, version: str) -> tuple[str, bool]:
    """ingest -> normalize -> extract one batch, or reuse the cached result of the same bytes and code.

    Returns the folder holding one Parquet part per table, and whether it was reused.
    Idempotent: a task re-run (a retry, a lost Dask worker) finds its own finished work.
    """
    folder = Path(cache_dir) / key  # the batch's cache_key, computed once by the flow (it reads every input byte)
    early = processes.take_early(key)
    if early is not None:  # started with the run, before this task existed; a retry computes it anew
        early.result()
        return str(folder), False
    if _cached(Path(cache_dir), key):
        return str(folder), True
    batch_files = list(from_description(files))
    pool = processes.batch_pool()
    if pool is None:
        cache_batch(batch_files, folder, version)
    else:  # the extractors are pure Python: threads of one process would take turns (the GIL)
        pool.submit(cache_batch, batch_files, folder, version).result()
    return str(folder), False


def prune_cache(cache: Path, keep: set[str]) -> None:
    """Drop cached batches the latest run did not use: the cache holds one run's worth."""
    if cache.is_dir():
        for entry in cache.iterdir():
            if entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)


@task(name="validate-and-publish")
def validate_and_publish_task(batch_dirs: list[str], output_dir: str, staging_dir: str, run: dict) -> dict:
    """Link the batches across the run, validate every table, then swap them into the output folder."""
    logger = get_run_logger()
    output, staging = Path(output_dir), Path(staging_dir)
    run = {**run, "batch_set": stable_id(*sorted(Path(d).name for d in batch_dirs))}
    shutil.rmtree(staging, ignore_errors=True)
    rows = previous_rows(output, run["batch_set"])
    run["combined_reused"] = rows is not None and _link_published(output, staging, list(COMBINED_TABLES))
    if run["combined_reused"]:
        rejects = read_table(staging / "rejects.parquet", TABLES["rejects"])
    else:
        assembled = assemble([Path(d) for d in batch_dirs], staging, staging.with_name(f"{staging.name}-spill"))
        if assembled.failures.height:
            shutil.rmtree(staging, ignore_errors=True)
            failures_path = write_table(assembled.failures, output / "validation_failures.parquet")
            msg = f"{assembled.failures.height} validation failures; previous output kept; details in {failures_path}"
            raise ValidationFailed(msg)
        rows, rejects = assembled.rows, assembled.rejects
    summary = {name: rows[name] for name in COMBINED_TABLES}
    publish_run(run, summary, output, staging)
    logger.info("published %s to %s", summary, output)
    _publish_artifacts(summary, rejects, run, output)
    return summary


def previous_rows(output: Path, batch_set: str) -> dict[str, int] | None:
    """Rows per table of the published tables, when the last run combined exactly these batch results
    (same bytes, same code): combining and linking them again would give the same rows."""
    runs_path = output / RUNS_FILE
    if not runs_path.exists():
        return None
    last = read_table(runs_path).tail(1)
    if "batch_set" not in last.columns or last["batch_set"].to_list() != [batch_set]:
        return None
    if not all((output / f"{name}.parquet").exists() for name in COMBINED_TABLES):
        return None
    counts = last.select(COMBINED_TABLES).row(0, named=True)
    return None if any(count is None for count in counts.values()) else counts


def _publish_artifacts(summary: dict[str, int], rejects: pl.DataFrame, run: dict, output: Path) -> None:
    """The run summary in the Prefect UI: a table of row counts, and a note on reuse and rejects."""
    create_table_artifact(
        key="newsfacts-row-counts",
        table=[{"table": name, "rows": count} for name, count in summary.items()],
        description=f"Rows per table written to {output}",
    )
    reasons = rejects.group_by("reason").len().sort("len", descending=True).rows()
    reject_lines = "\n".join(f"| {reason} | {count} |" for reason, count in reasons) or "| (none) | 0 |"
    create_markdown_artifact(
        key="newsfacts-run-summary",
        markdown=(
            f"# newsfacts run {run['run_id']}\n\n"
            f"Output: `{output}`. Code {run['code_version']}. {run['input_count']} input files, "
            f"{run.get('batches', 0)} batches ({run.get('batches_reused', 0)} reused from the previous run).\n\n"
            f"| rejected because | inputs |\n|---|---|\n{reject_lines}\n"
        ),
        description="What went in, what was reused, what was rejected",
    )


def publish_run(run: dict, rows: dict[str, int], output: Path, staging: Path) -> None:
    """Add this run to the run history in ``staging`` (whose tables are complete), then swap it in as
    ``output`` in one atomic step."""
    run_row = pl.DataFrame(
        [{**run, "finished_at": datetime.now(timezone.utc), **rows, "validation": "passed"}],
        schema=RunSchema.empty().schema,
    )
    previous_runs = output / RUNS_FILE
    if previous_runs.exists():
        run_row = pl.concat([read_table(previous_runs), run_row], how="diagonal_relaxed").select(run_row.columns)
    _swap_in(run_row, output, staging)


def _swap_in(runs: pl.DataFrame, output: Path, staging: Path) -> None:
    """Complete ``staging`` (its tables written) with the run history and the views; swap it in as ``output``."""
    write_table(runs, staging / RUNS_FILE, TABLES["runs"])
    write_text_durably(staging / VIEWS_FILE, views_sql())
    swap_in_folder(staging, output, marker=RUNS_FILE)


def publish(tables: dict[str, pl.DataFrame], output: Path, staging: Path, *, unchanged_from: Path | None = None) -> None:
    """Write tables already linked and validated (``runs`` among them) into ``staging``, flat and by date,
    then swap it in as ``output`` in one atomic step.

    ``unchanged_from`` is a published folder holding these very tables (a re-run that reused them): its
    files are hard-linked into ``staging`` instead of written again, and only the run history is new.
    """
    shutil.rmtree(staging, ignore_errors=True)
    content = {name: frame for name, frame in tables.items() if name != "runs"}
    if unchanged_from is None or not _link_published(unchanged_from, staging, list(content)):
        writer = TableWriter(staging)
        writer.write(content)
        writer.close()
    _swap_in(tables["runs"], output, staging)


def _link_published(source: Path, staging: Path, names: list[str]) -> bool:
    """Hard-link the named tables and their by-date parts from ``source`` into ``staging``; False (and nothing
    left in ``staging``) where the filesystem cannot, so the caller writes them instead.

    Published files are never modified in place (every write replaces a file), so a link is a copy.
    """
    try:
        staging.mkdir(parents=True)
        for name in names:
            os.link(source / f"{name}.parquet", staging / f"{name}.parquet")
        if (source / PARTITIONED_DIR).is_dir():
            shutil.copytree(source / PARTITIONED_DIR, staging / PARTITIONED_DIR, copy_function=os.link)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        return False
    return True


@flow(name="newsfacts", task_runner=ThreadPoolTaskRunner(max_workers=max(2, os.cpu_count() or 1)), log_prints=False)
def newsfacts_flow(inputs: list[str], output_dir: str = "output", batch_size: int = 500) -> dict:
    """Turn news articles (files or folders) into validated Parquet tables in ``output_dir``.

    Batches whose files and code are unchanged since the last run into the same
    output folder are reused, not processed again.
    """
    started = datetime.now(timezone.utc)
    files = discover_inputs([Path(p) for p in inputs])
    output = Path(output_dir).resolve()
    version = code_version()
    run = {
        "run_id": stable_id(started.isoformat(), *(f.relative for f in files)),
        "started_at": started,
        "code_version": version,
        "input_count": len(files),
    }
    with output_lock(output, RUNS_FILE) as state:
        cache = state / BATCH_CACHE
        cache.mkdir(parents=True, exist_ok=True)
        planned = _planned(files, batch_size, version)
        with processes.batch_pool_for(sum(not _cached(cache, key) for _, key in planned)):
            futures = [process_batch_task.submit(describe(batch), str(cache), key, version) for batch, key in planned]
            progress.report(_BATCHES_STEP, 0, len(futures))
            for done, _ in enumerate(as_completed(futures), start=1):
                progress.report(_BATCHES_STEP, done, len(futures))
            results = [future.result() for future in futures]
        run["batches"] = len(results)
        run["batches_reused"] = sum(reused for _, reused in results)
        batch_dirs = [folder for folder, _ in results]
        progress.report(_PUBLISH_STEP, 0, 1)
        summary = validate_and_publish_task(batch_dirs, str(output), str(state / f"staging-{os.getpid()}"), run)
        progress.report(_PUBLISH_STEP, 1, 1)
        prune_cache(cache, {Path(folder).name for folder in batch_dirs})
        return summary


@contextlib.contextmanager
def batches_started_early(inputs: list[str], output_dir: str, batch_size: int = 500) -> Iterator[None]:
    """Start computing the run's batches now, for the flow run inside the block to take up.

    A run with no Prefect server waits seconds for its temporary one; the batches are
    computed meanwhile, each batch's task waiting for its job instead of starting one.
    The plan is the flow's own (same inputs, batch size and code version), so the flow
    finds the same batches. Where planning fails, nothing starts: the flow reports it.
    """
    output = Path(output_dir).resolve()
    with output_lock(output, RUNS_FILE) as state:
        cache = state / BATCH_CACHE
        try:
            version = code_version()
            todo = [(batch, key) for batch, key in _planned(discover_inputs([Path(p) for p in inputs]), batch_size, version) if not _cached(cache, key)]
        except Exception:  # noqa: BLE001 - the flow plans again and reports the error the way a run does
            todo = []
        cache.mkdir(parents=True, exist_ok=True)
        with processes.batch_pool_for(len(todo)):
            for batch, key in todo:
                processes.start_early(key, cache_batch, list(batch.files), cache / key, version)
            yield


def _planned(files: list[InputFile], batch_size: int, version: str) -> list[tuple[Batch, str]]:
    """The run's batches with their cache keys (reading every input byte): the flow's plan, and its early start's."""
    return [(batch, batch.cache_key(version)) for batch in plan_batches(files, batch_size)]


def _cached(cache: Path, key: str) -> bool:
    return (cache / key / BATCH_DONE).exists()


def run_flow(inputs: list[str], output_dir: str, *, batch_size: int = 500, workers: int = 0, dask_address: str | None = None) -> dict:
    """Run the flow here (threads), on a local Dask cluster of ``workers`` processes, or on a running one."""
    if not dask_address and workers <= 1:
        return newsfacts_flow(inputs=inputs, output_dir=output_dir, batch_size=batch_size)
    from prefect_dask import DaskTaskRunner

    if dask_address:
        runner = DaskTaskRunner(address=dask_address)
    else:
        runner = DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
        )
    with prefect_server.serving(prefect_server.launch()):  # one API for the run and every Dask worker
        return newsfacts_flow.with_options(task_runner=runner)(inputs=inputs, output_dir=output_dir, batch_size=batch_size)
