"""The temporary Prefect server a run starts for itself: it serves the run, then it is gone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows import prefect_server
from conftest import ROOT, SEEDS, wait_for

linux_only = pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="reads /proc to find server processes")


def _server_pids() -> set[int]:
    """Processes running Prefect's server app (ours or Prefect's own temporary one)."""
    pids = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if b"prefect.server.api.server:create_app" in command:
                pids.add(int(entry.name))
    return pids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _all_gone(pids: set[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def _run_env() -> dict[str, str]:
    env = {**os.environ, "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90"}
    env.pop("PREFECT_API_URL", None)
    return env


def test_no_server_is_started_when_one_is_configured(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert prefect_server.launch() is None


def test_a_server_that_does_not_come_up_leaves_prefect_to_start_its_own():
    dead = prefect_server.TemporaryServer(subprocess.Popen([sys.executable, "-c", "pass"]), "http://127.0.0.1:9/api")
    with prefect_server.serving(dead):
        assert os.environ.get("PREFECT_API_URL") != dead.api_url
    assert dead.process.poll() is not None


@linux_only
def test_a_run_stops_the_server_it_started(tmp_path):
    before = _server_pids()
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", str(SEEDS), "--output", str(tmp_path / "out"), "--quiet"],
        cwd=ROOT, env=_run_env(), capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "articles.parquet").exists()
    assert _all_gone(_server_pids() - before, seconds=15), "the run left its server running"


@linux_only
def test_a_killed_run_takes_its_server_with_it(tmp_path):
    before = _server_pids()
    run = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", str(SEEDS), "--output", str(tmp_path / "out"), "--quiet"],
        cwd=ROOT, env=_run_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: _server_pids() - before, "the run's server to start", seconds=60)
        started = _server_pids() - before
    finally:
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
    assert _all_gone(started, seconds=30), "the server outlived the run that started it"
