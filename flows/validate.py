"""Validate: every table against its pandera schema, plus the rules that span tables.

Failures are collected, never raised one at a time, so a user sees every
problem with its table, column and row in one go.
"""

from __future__ import annotations

from pathlib import Path

import pandera.polars as pa
import polars as pl
from pandera.errors import SchemaErrors

from flows.io import read_table
from flows.partitions import PARTITION_KEY, PARTITIONED_DIR, partition_mismatches
from schemas import SPAN_TABLES, TABLES, ArticleSchema, ClaimSchema, FigureSchema, QuoteSchema

FAILURE_COLUMNS = {"table": pl.String, "column": pl.String, "row": pl.Int64, "check": pl.String, "value": pl.String}


def _failure(table: str, column: str | None, row: int | None, check: str, value: object) -> dict:
    return {"table": table, "column": column, "row": row, "check": check, "value": None if value is None else str(value)[:200]}


def schema_failures(table: str, frame: pl.DataFrame, schema: type[pa.DataFrameModel]) -> list[dict]:
    """pandera's lazy validation, flattened to one dict per failing cell or check."""
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        return [
            _failure(table, case.get("column"), case.get("index"), str(case.get("check")), case.get("failure_case"))
            for case in cases.iter_rows(named=True)
        ]
    return []


def cross_table_failures(tables: dict[str, pl.DataFrame]) -> list[dict]:
    """ids resolve, spans are exact, quotes and figures point at existing claims."""
    failures: list[dict] = []
    articles = tables["articles"].select(ArticleSchema.article_id, ArticleSchema.text)
    for name in SPAN_TABLES:
        frame = tables[name].with_row_index("__row")
        joined = frame.join(articles.rename({"text": "__article_text"}), on="article_id", how="left")
        dangling = joined.filter(pl.col("__article_text").is_null())
        failures += [_failure(name, "article_id", r["__row"], "article_id resolves to articles", r["article_id"]) for r in dangling.iter_rows(named=True)]
        present = joined.filter(pl.col("__article_text").is_not_null())
        sliced = present.with_columns(
            pl.col("__article_text").str.slice(pl.col("char_start"), pl.col("char_end") - pl.col("char_start")).alias("__slice"),
            pl.col("__article_text").str.len_chars().alias("__len"),
        )
        bad = sliced.filter((pl.col("__slice") != pl.col("text")) | (pl.col("char_end") > pl.col("__len")))
        failures += [
            _failure(name, "text", r["__row"], "text == articles.text[char_start:char_end]", f"{r['char_start']}:{r['char_end']} {r['text']!r}")
            for r in bad.iter_rows(named=True)
        ]
    claim_ids = tables["claims"][ClaimSchema.claim_id]
    for name, column in (("quotes", QuoteSchema.claim_id), ("figures", FigureSchema.claim_id)):
        frame = tables[name].with_row_index("__row")
        bad = frame.filter(pl.col(column).is_not_null() & ~pl.col(column).is_in(claim_ids.implode()))
        failures += [_failure(name, column, r["__row"], "claim_id resolves to claims", r[column]) for r in bad.iter_rows(named=True)]
    quote_ids = tables["quotes"][QuoteSchema.quote_id]
    exploded = tables["claims"].with_row_index("__row").explode(ClaimSchema.quote_ids).filter(pl.col(ClaimSchema.quote_ids).is_not_null())
    bad = exploded.filter(~pl.col(ClaimSchema.quote_ids).is_in(quote_ids.implode()))
    failures += [_failure("claims", ClaimSchema.quote_ids, r["__row"], "quote_ids resolve to quotes", r[ClaimSchema.quote_ids]) for r in bad.iter_rows(named=True)]
    if "figure_comparisons" in tables:
        failures += _comparison_failures(tables["figure_comparisons"], tables["figures"], tables["articles"])
    return failures


def _comparison_failures(comparisons: pl.DataFrame, figures: pl.DataFrame, articles: pl.DataFrame) -> list[dict]:
    """Each compared figure exists, in the article and story the row names."""
    rows = comparisons.with_row_index("__row").join(
        figures.select(FigureSchema.figure_id, pl.col(FigureSchema.article_id).alias("__figure_article")),
        on=FigureSchema.figure_id, how="left",
    ).join(
        articles.select(ArticleSchema.article_id, pl.col(ArticleSchema.story_id).alias("__story")),
        on=ArticleSchema.article_id, how="left",
    )
    failures = [
        _failure("figure_comparisons", "figure_id", r["__row"], "figure_id resolves to a figure of article_id", r["figure_id"])
        for r in rows.filter(pl.col("__figure_article").is_null() | (pl.col("__figure_article") != pl.col("article_id"))).iter_rows(named=True)
    ]
    failures += [
        _failure("figure_comparisons", "story_id", r["__row"], "story_id is the article's story", r["story_id"])
        for r in rows.filter(pl.col("__story").is_null() | (pl.col("__story") != pl.col("story_id"))).iter_rows(named=True)
    ]
    return failures


def validate_tables(tables: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """All failures (empty frame when everything holds)."""
    failures: list[dict] = []
    for name, schema in TABLES.items():
        if name in tables:
            failures += schema_failures(name, tables[name], schema)
    if all(name in tables for name in ("articles", *SPAN_TABLES)):
        failures += cross_table_failures(tables)
    return pl.DataFrame(failures, schema=FAILURE_COLUMNS)


def read_output(directory: Path) -> dict[str, pl.DataFrame]:
    """Every table in an output folder; a missing table is itself a failure to report."""
    tables = {}
    for name in TABLES:
        path = directory / f"{name}.parquet"
        if path.exists():
            tables[name] = read_table(path)
    return tables


def validate_directory(directory: Path) -> pl.DataFrame:
    """Every table, the rules across them, and the by-date copy against the flat tables."""
    tables = read_output(directory)
    failures = validate_tables(tables)
    more = [_failure(name, None, None, "table exists", f"{name}.parquet") for name in TABLES if name not in tables]
    if not more:
        more = [
            _failure(table, PARTITION_KEY, None, f"{PARTITIONED_DIR}/ copies the flat table", f"{partition}: {problem}")
            for table, partition, problem in partition_mismatches(directory, tables)
        ]
    if more:
        failures = pl.concat([failures, pl.DataFrame(more, schema=FAILURE_COLUMNS)])
    return failures
