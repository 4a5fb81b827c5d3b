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
