"""A hive-partitioned copy of the per-article tables, by the article's published date.

BI engines (DuckDB, Spark, Trino, Superset over DuckDB) prune partitions from the
path, so a query over one week of a month-long crawl reads one week of files.
The flat ``<table>.parquet`` files stay the contract (Power BI and pandas read
them as is); ``by_date/`` holds the same rows, split by
``published_date=YYYY-MM-DD`` folders. Each part file has exactly its table's
schema; the partition column comes from the path, the hive convention.
Undated articles go to ``published_date=__HIVE_DEFAULT_PARTITION__``, which
DuckDB, polars and Spark read as NULL.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from schemas import ArticleSchema

#: The partitioned copy's folder inside an output folder.
PARTITIONED_DIR = "by_date"
#: The partition column, as readers see it.
PARTITION_KEY = "published_date"
#: Hive's name for the NULL partition.
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
#: Tables with one published date per row (through their article).
PARTITIONED_TABLES = ("articles", "quotes", "claims", "figures", "figure_comparisons")
#: A partition's files: one per bucket of the run that wrote rows to it (``flows.assemble``), numbered in row order.
_PART_FILE = "part-{}.parquet"


def _date_key(published_at: pl.Expr) -> pl.Expr:
    return published_at.dt.convert_time_zone("UTC").dt.strftime("%Y-%m-%d").fill_null(NULL_PARTITION)


def split_by_date(tables: dict[str, pl.DataFrame]) -> dict[str, dict[str, pl.DataFrame]]:
    """table -> partition folder name -> rows, each frame in the table's own columns and order (for the
    partitioned tables among ``tables``, which holds ``articles`` too)."""
    article_keys = tables["articles"].select(
        ArticleSchema.article_id, _date_key(pl.col(ArticleSchema.published_at)).alias("__key")
    )
    split: dict[str, dict[str, pl.DataFrame]] = {}
    for name in (name for name in PARTITIONED_TABLES if name in tables):
        frame = tables[name]
        columns = frame.columns
        if name == "figure_comparisons":
            keyed = frame.with_columns(_date_key(pl.col("published_at")).alias("__key"))
        else:
            keyed = frame.join(article_keys, on="article_id", how="left", maintain_order="left")
        parts = {
            f"{PARTITION_KEY}={key}": part.select(columns)
            for (key,), part in keyed.partition_by("__key", as_dict=True, maintain_order=True).items()
        }
        # an empty table still gets one (empty) part, so globbing readers find its schema
        split[name] = parts or {f"{PARTITION_KEY}={NULL_PARTITION}": frame}
    return split


def part_path(root: Path, table: str, partition: str, part: int = 0) -> Path:
    return root / PARTITIONED_DIR / table / partition / _PART_FILE.format(part)


def _parts(folder: Path) -> list[Path]:
    """A partition's part files, in row order."""
    return sorted(folder.glob(_PART_FILE.format("*")), key=lambda path: int(path.stem.rpartition("-")[2]))


def partition_mismatches(root: Path, tables: dict[str, pl.DataFrame]) -> list[tuple[str, str, str]]:
    """(table, partition, problem) wherever ``by_date/`` differs from the flat tables it copies."""
    problems = []
    for name, expected in split_by_date(tables).items():
        folder = root / PARTITIONED_DIR / name
        found = {path.name: _parts(path) for path in folder.iterdir() if _parts(path)} if folder.is_dir() else {}
        problems += [(name, key, "partition missing") for key in sorted(expected.keys() - found.keys())]
        problems += [(name, key, "partition has no rows in the flat table") for key in sorted(found.keys() - expected.keys())]
        for key in sorted(expected.keys() & found.keys()):
            if not pl.concat([pl.read_parquet(path) for path in found[key]]).equals(expected[key]):
                problems.append((name, key, "rows differ from the flat table"))
    return problems
