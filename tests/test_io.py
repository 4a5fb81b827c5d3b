"""Output folder safety: atomic swaps, the run lock, and kill -9 at any moment."""

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import polars as pl
import pytest

from flows.io import NotAnOutputFolder, OutputBusy, output_lock, swap_in_folder
from flows.validate import validate_directory

from conftest import ROOT, SEEDS

MARKER = "runs.parquet"


def _folder(path: Path, **files: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (path / name).write_text(content)
    return path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_swap_replaces_the_whole_folder(tmp_path):
    output = _folder(tmp_path / "out", **{MARKER: "old", "quotes.parquet": "old", "stale.parquet": "old"})
    staging = _folder(tmp_path / "staging", **{MARKER: "new", "quotes.parquet": "new"})
    swap_in_folder(staging, output, marker=MARKER)
    assert {p.name: p.read_text() for p in output.iterdir()} == {MARKER: "new", "quotes.parquet": "new"}
    assert not staging.exists()


def test_swap_without_atomic_exchange_still_replaces_tables_and_subfolders(tmp_path, monkeypatch):
    monkeypatch.setattr("flows.io._exchange", lambda a, b: False)  # as on a filesystem without renameat2
    output = _folder(tmp_path / "out", **{MARKER: "old", "quotes.parquet": "old"})
    _folder(output / "by_date" / "quotes", **{"old.parquet": "old"})
    staging = _folder(tmp_path / "staging", **{MARKER: "new", "quotes.parquet": "new"})
    _folder(staging / "by_date" / "quotes", **{"new.parquet": "new"})
    swap_in_folder(staging, output, marker=MARKER)
    assert (output / MARKER).read_text() == "new"
    assert [p.name for p in (output / "by_date" / "quotes").iterdir()] == ["new.parquet"]
    assert not staging.exists()


def test_swap_refuses_to_replace_a_folder_newsfacts_did_not_write(tmp_path):
    precious = _folder(tmp_path / "data", **{"notes.txt": "mine"})
    staging = _folder(tmp_path / "staging", **{MARKER: "new"})
    with pytest.raises(NotAnOutputFolder, match="not a newsfacts output"):
        swap_in_folder(staging, precious, marker=MARKER)
    assert (precious / "notes.txt").read_text() == "mine"


def test_a_second_holder_of_the_output_is_refused(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from flows.io import output_lock
            with output_lock(Path({str(tmp_path / 'out')!r}), {MARKER!r}):
                print("locked", flush=True)
                time.sleep(60)
        """)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputBusy, match="another run is writing"):
            with output_lock(tmp_path / "out", MARKER):
                pass
        cli = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--output", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True)
        assert cli.returncode == 3 and "another run is writing" in cli.stderr
    finally:
        holder.kill()
        holder.wait()
    with output_lock(tmp_path / "out", MARKER):  # a dead holder's lock is gone with it
        pass


_PUBLISH_FOREVER = textwrap.dedent("""
    import sys
    from datetime import datetime, timezone
    from pathlib import Path
    import polars as pl
    from flows.ingest import discover_inputs
    from flows.pipeline import publish
    from flows.stages import run_pipeline
    from schemas import RunSchema

    output, seeds = Path(sys.argv[1]), Path(sys.argv[2])
    files = discover_inputs([seeds])
    sets = [run_pipeline(files), run_pipeline(files[:3])]
    now = datetime.now(timezone.utc)
    for tables in sets:
        row = {"run_id": "0" * 16, "started_at": now, "finished_at": now, "code_version": "test", "input_count": 0,
               "validation": "passed", **{name: frame.height for name, frame in tables.items()}}
        tables["runs"] = pl.DataFrame([row], schema=RunSchema.empty().schema)
    count = 0
    while True:
        publish(sets[count % 2], output, output.parent / "staging")
        count += 1
        print(count, flush=True)
""")


def test_kill_9_while_publishing_always_leaves_a_complete_valid_output(tmp_path):
    output = tmp_path / "out"
    rng = random.Random(7)
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", _PUBLISH_FOREVER, str(output), str(SEEDS)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        proc.stdout.readline()  # at least one complete publish
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert validate_directory(output).height == 0
        articles = pl.read_parquet(output / "articles.parquet").height
        assert articles in (3, 5)
        assert pl.read_parquet(output / "runs.parquet")["articles"].to_list() == [articles]


def test_kill_9_during_a_run_keeps_the_previous_output_and_the_next_run_works(seeds_output, tmp_path):
    output = tmp_path / "out"
    env = {**os.environ, "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90"}
    env.pop("PREFECT_API_URL", None)
    shutil.copytree(seeds_output, output)
    before = _snapshot(output)
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", str(SEEDS), "--output", str(output)], cwd=ROOT, env=env)
    time.sleep(4)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _snapshot(output) == before
    again = subprocess.run([sys.executable, "-m", "flows.cli", "run", str(SEEDS), "--output", str(output)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert validate_directory(output).height == 0
    assert pl.read_parquet(output / "runs.parquet").height == 2  # the killed run left no row
