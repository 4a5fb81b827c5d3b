"""`newsfacts serve --cron`: the schedule is registered on a real Prefect server and a triggered run completes."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import polars as pl

from conftest import ROOT, SEEDS, wait_for

DEPLOYMENT = "newsfacts/hourly-test"


async def _deployment(api: str):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api}):
        async with get_client() as client:
            return await client.read_deployment_by_name(DEPLOYMENT)


async def _trigger_and_wait(api: str, deployment_id, seconds: float = 240):
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api}):
        async with get_client() as client:
            run = await client.create_flow_run_from_deployment(deployment_id)
            for _ in range(int(seconds)):
                run = await client.read_flow_run(run.id)
                if run.state and run.state.is_final():
                    return run.state
                await asyncio.sleep(1)
    return run.state


def test_serve_registers_an_hourly_schedule_and_runs(tmp_path, prefect_api):
    out = tmp_path / "scheduled-output"
    env = {**os.environ, "PREFECT_API_URL": prefect_api, "PYTHONPATH": str(ROOT)}
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", str(SEEDS), "--cron", "0 * * * *", "--output", str(out), "--name", "hourly-test"],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        found = {}

        def registered() -> bool:
            try:
                found["deployment"] = asyncio.run(_deployment(prefect_api))
            except Exception:  # not registered yet
                return False
            return True

        wait_for(registered, "the deployment", seconds=120)
        deployment = found["deployment"]
        assert [s.schedule.cron for s in deployment.schedules] == ["0 * * * *"]
        assert deployment.parameters["output_dir"] == str(out)
        state = asyncio.run(_trigger_and_wait(prefect_api, deployment.id))
        assert state is not None and state.is_completed(), state
    finally:
        serve.terminate()
        serve.wait(timeout=60)
    assert pl.read_parquet(out / "runs.parquet").height == 1
    assert pl.read_parquet(out / "articles.parquet").height == 5


def test_serve_without_a_server_says_how_to_start_one(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "serve", "--cron", "0 * * * *"],
        env={**env, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60, check=False, cwd=tmp_path,
    )
    assert done.returncode == 2
    assert "prefect server start" in done.stderr and "PREFECT_API_URL" in done.stderr
