"""Prefect's temporary API server, started before the pipeline is imported.

With no ``PREFECT_API_URL``, Prefect starts a temporary server at the flow's first
API call: after newsfacts has imported its stages, and after importing Prefect's
server code into the run's own process. Most of a small run's time is that
start-up. ``launch`` starts the same server (the command Prefect's
``SubprocessASGIServer`` runs, for the pinned Prefect) before anything heavy is
imported, so the two start-ups overlap; ``serving`` waits for it and points
Prefect at it. Where it fails to come up, Prefect starts its own as before.

This module imports only the standard library: it runs first.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: What Prefect's own temporary server runs with: no UI, ephemeral mode.
_SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
#: Seconds to wait for the server's health check, unless Prefect's own setting says otherwise.
_DEFAULT_TIMEOUT = 90.0


@dataclass
class TemporaryServer:
    process: subprocess.Popen
    api_url: str

    def healthy(self, timeout: float) -> bool:
        """Wait until the API answers; False if the process exits or the time runs out."""
        no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            with contextlib.suppress(OSError):
                with no_proxy.open(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return True
            time.sleep(0.05)
        return False

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


#: Run on Linux before the server's command (then exec'd): the server gets SIGTERM when the process that
#: started it dies, even by kill -9, instead of running on unowned. (No ``preexec_fn``: unsafe with threads.)
_DIE_WITH_PARENT = """\
import ctypes, os, signal, sys
ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
if os.getppid() != int(sys.argv[1]):
    sys.exit(0)  # the parent died before the line above
os.execv(sys.executable, [sys.executable, *sys.argv[2:]])
"""


def launch() -> TemporaryServer | None:
    """Start the temporary server in the background; None where a server is configured or Prefect is missing."""
    if os.environ.get("PREFECT_API_URL"):
        return None
    spec = importlib.util.find_spec("prefect")
    if spec is None or spec.origin is None:
        return None
    port = _free_port()
    command = [
        sys.executable, "-m", "uvicorn", "--app-dir", str(Path(spec.origin).parent.parent),
        "--factory", "prefect.server.api.server:create_app",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on",
    ]
    if sys.platform.startswith("linux"):
        command = [sys.executable, "-c", _DIE_WITH_PARENT, str(os.getpid()), *command[1:]]
    try:
        process = subprocess.Popen(command, env={**os.environ, **_SERVER_ENV})
    except OSError:
        return None
    server = TemporaryServer(process, f"http://127.0.0.1:{port}/api")
    atexit.register(server.stop)
    return server


@contextlib.contextmanager
def serving(server: TemporaryServer | None) -> Iterator[None]:
    """Point Prefect (this process and the ones it starts) at ``server`` while the block runs, then stop it.

    With no server, or one that did not come up, the block runs unchanged: Prefect starts its own.
    """
    if server is None:
        yield
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", _DEFAULT_TIMEOUT))
    try:
        if PREFECT_API_URL.value() or not server.healthy(timeout):  # a server set in a Prefect profile wins
            server.stop()
            yield
            return
        os.environ["PREFECT_API_URL"] = server.api_url  # inherited by Dask workers started by the run
        try:
            with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
                yield
        finally:
            del os.environ["PREFECT_API_URL"]
    finally:
        server.stop()
