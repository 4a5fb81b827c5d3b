import re
import subprocess
import sys



def _cli(*args):
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True)


def test_run_refuses_a_missing_input(tmp_path):
    result = _cli("run", str(tmp_path / "nope"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "input not found" in result.stderr


def test_evaluate_prints_scores_per_kind(seeds_output):
    from conftest import SEEDS_GOLD

    result = _cli("evaluate", "--gold", str(SEEDS_GOLD), str(seeds_output))
    assert result.returncode == 0, result.stderr
    for kind in ("quote", "claim", "figure"):
        for measure in ("span", "joint"):
            assert re.search(rf"^{kind}\s+{measure}\s+\d", result.stdout, re.MULTILINE), result.stdout


def test_evaluate_reports_a_missing_gold_file(seeds_output, tmp_path):
    result = _cli("evaluate", "--gold", str(tmp_path / "none.jsonl"), str(seeds_output))
    assert result.returncode == 2 and "gold file not found" in result.stderr


def _run_with_terminal_stderr(args, env):
    """Run the CLI with stderr on a pseudo-terminal, as when a person runs it; returns (code, stdout, terminal bytes)."""
    import os
    import pty
    import threading

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", *args], stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks = []

    def drain():
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    stdout, _ = proc.communicate(timeout=300)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, stdout.decode(), b"".join(chunks).decode(errors="replace")


def test_run_draws_a_progress_bar_on_a_terminal_and_stays_silent_for_ci(tmp_path, prefect_server):
    import json
    import os

    from prefect.settings import PREFECT_API_URL

    from conftest import SEEDS

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "COLUMNS": "120"}
    env.pop("FORCE_COLOR", None)
    code, stdout, terminal = _run_with_terminal_stderr(["run", str(SEEDS), "--output", str(tmp_path / "a")], env)
    assert code == 0, terminal
    assert "ingest, normalize, extract (batches)" in terminal and "1/1" in terminal
    assert "link, validate, publish" in terminal
    assert stdout.startswith("newsfacts run: wrote")

    code, stdout, terminal = _run_with_terminal_stderr(["run", str(SEEDS), "--output", str(tmp_path / "b"), "--json"], env)
    assert code == 0, terminal
    assert "batches" not in terminal
    assert json.loads(stdout)["articles"] == 5

    code, stdout, terminal = _run_with_terminal_stderr(["run", str(SEEDS), "--output", str(tmp_path / "c"), "--quiet"], env)
    assert (code, stdout, terminal.strip()) == (0, "", "")
