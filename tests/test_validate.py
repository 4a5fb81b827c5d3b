"""A corrupted output folder is caught, and the report names table, column and row."""

import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl

from flows.validate import validate_directory, validate_tables


def _tables(directory: Path) -> dict[str, pl.DataFrame]:
    return {p.stem: pl.read_parquet(p) for p in directory.glob("*.parquet")}


def test_seed_output_is_valid(seeds_output):
    assert validate_directory(seeds_output).height == 0


def _corrupt(tables, name, fn):
    changed = dict(tables)
    changed[name] = fn(tables[name])
    return validate_tables(changed)


def test_duplicate_id_is_caught(seeds_output):
    failures = _corrupt(_tables(seeds_output), "quotes", lambda q: pl.concat([q, q.head(1)]))
    assert {("quotes", "quote_id")} <= set(failures.select("table", "column").rows())


def test_shifted_span_is_caught_with_its_row(seeds_output):
    shifted = lambda f: f.with_columns(  # noqa: E731
        pl.when(pl.int_range(pl.len()) == 2).then(pl.col("char_start") + 1).otherwise(pl.col("char_start")).alias("char_start"),
        pl.when(pl.int_range(pl.len()) == 2).then(pl.col("char_end") + 1).otherwise(pl.col("char_end")).alias("char_end"),
    )
    failures = _corrupt(_tables(seeds_output), "figures", shifted)
    assert ("figures", "text", 2) in failures.select("table", "column", "row").rows()


def test_dangling_article_id_is_caught(seeds_output):
    dangling = lambda c: c.with_columns(pl.when(pl.int_range(pl.len()) == 0).then(pl.lit("f" * 16)).otherwise(pl.col("article_id")).alias("article_id"))  # noqa: E731
    failures = _corrupt(_tables(seeds_output), "claims", dangling)
    assert ("claims", "article_id", 0) in failures.select("table", "column", "row").rows()


def test_bad_value_is_caught_by_the_schema(seeds_output):
    failures = _corrupt(_tables(seeds_output), "figures", lambda f: f.with_columns(pl.lit("invented").alias("category")))
    assert "category" in failures.filter(pl.col("table") == "figures")["column"].to_list()


def test_cli_fails_on_a_corrupted_copy_and_names_the_row(seeds_output, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(seeds_output, broken)
    quotes = pl.read_parquet(broken / "quotes.parquet")
    quotes.with_columns((pl.col("char_start") + 1).alias("char_start"), (pl.col("char_end") + 1).alias("char_end")).write_parquet(broken / "quotes.parquet")
    result = subprocess.run([sys.executable, "-m", "flows.cli", "validate", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "table=quotes column=text row=0" in result.stdout
    ok = subprocess.run([sys.executable, "-m", "flows.cli", "validate", str(seeds_output)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr


def test_missing_table_is_a_failure(seeds_output, tmp_path):
    partial = tmp_path / "partial"
    shutil.copytree(seeds_output, partial)
    (partial / "claims.parquet").unlink()
    failures = validate_directory(partial)
    assert ("claims", "table exists") in failures.select("table", "check").rows()


def test_figure_comparison_pointing_at_another_story_is_caught(seeds_output):
    wrong_story = lambda f: f.with_columns(pl.lit("0" * 16).alias("story_id"))  # noqa: E731
    failures = _corrupt(_tables(seeds_output), "figure_comparisons", wrong_story)
    assert ("figure_comparisons", "story_id", 0) in failures.select("table", "column", "row").rows()


def test_inconsistent_spread_is_caught_by_the_schema(seeds_output):
    failures = _corrupt(_tables(seeds_output), "figure_comparisons", lambda f: f.with_columns(pl.col("spread") + 1))
    assert "figure_comparisons" in failures["table"].to_list()


def test_a_by_date_copy_that_drifts_from_the_flat_table_is_caught(seeds_output, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(seeds_output, copy)
    part = next((copy / "by_date" / "quotes").glob("published_date=2024-*/part-0.parquet"))
    pl.read_parquet(part).head(1).write_parquet(part)
    shutil.rmtree(next((copy / "by_date" / "claims").glob("published_date=2024-*")))
    failures = validate_directory(copy)
    problems = set(zip(failures["table"], failures["value"].str.extract(r": (.*)$")))
    assert ("quotes", "rows differ from the flat table") in problems
    assert ("claims", "partition missing") in problems
