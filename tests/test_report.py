"""`newsfacts report`: one self-contained HTML file whose charts draw in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from flows.cli import main
from flows.report import build_charts
from flows.io import read_table
from schemas import TABLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def report_html(seeds_output, tmp_path_factory):
    target = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", str(seeds_output), "--output", str(target), "--quiet"]) == 0
    return target


def test_report_is_self_contained(report_html):
    page = report_html.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=", page), "the report must not load scripts from anywhere"
    assert "https://cdn" not in page
    assert "vegaEmbed" in page


def test_report_has_every_chart_the_seeds_support(seeds_output):
    tables = {name: read_table(seeds_output / f"{name}.parquet", schema) for name, schema in TABLES.items() if name != "runs"}
    charts = build_charts(tables)
    # the seeds have articles, quotes, figures and disagreements (727 vs 704 killed), and no rejects
    assert set(charts) == {"counts", "articles_per_day", "top_speakers", "figures_by_category", "disagreements"}
    disagreeing = charts["disagreements"].data
    assert {704.0, 727.0} <= set(disagreeing["value"].to_list())


def test_report_refuses_a_folder_that_is_not_an_output(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    assert "not a newsfacts output folder" in capsys.readouterr().err


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium here (CI installs Debian's chromium): browser rendering not checked")
def test_charts_draw_in_headless_chromium(report_html, tmp_path):
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=15000",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", report_html.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    dom = done.stdout
    assert done.returncode == 0, done.stderr[-2000:]
    assert 'data-charts-drawn="5"' in dom, "not every chart finished drawing"
    assert "data-failed" not in dom
    # each chart is an SVG with real marks: bars for counts, circles for the disagreements
    assert dom.count("<svg") >= 5
    assert len(re.findall(r'class="mark-rect role-mark', dom)) >= 4
    assert 'class="mark-symbol role-mark' in dom
    assert "Abdurrahman" in dom  # a top speaker's label drew
