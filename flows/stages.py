"""The pipeline's pure core: batch in, tables out. Prefect tasks in ``pipeline`` wrap these."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from flows import __version__
from flows.extract_attributions import extract_quotes_and_claims
from flows.extract_figures import extract_figures
from flows.batches import plan_batches
from flows.ingest import InputFile, ingest_files
from flows.link import link_tables
from flows.dedupe import mark_duplicates
from flows.normalize import normalize_articles
from schemas import ArticleSchema, ClaimSchema, FigureSchema, QuoteSchema, RejectSchema

ARTICLE_TABLES = ("articles", "quotes", "claims", "figures", "rejects")
_ID_COLUMNS = {"quotes": QuoteSchema.quote_id, "claims": ClaimSchema.claim_id, "figures": FigureSchema.figure_id}


def code_version() -> str:
    """Package version plus a hash of the source files, so cached results follow code changes."""
    digest = hashlib.sha256()
    for folder in ("flows", "schemas"):
        for path in sorted((Path(__file__).resolve().parent.parent / folder).glob("*.py")):
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def process_batch(files: list[InputFile]) -> dict[str, pl.DataFrame]:
    """ingest -> normalize -> extract for one batch of files."""
    raw, ingest_rejects = ingest_files(files)
    articles, normalize_rejects = normalize_articles(raw)
    quotes, claims = extract_quotes_and_claims(articles)
    figures = extract_figures(articles, claims)
    return {
        "articles": articles,
        "quotes": quotes,
        "claims": claims,
        "figures": figures,
        "rejects": pl.concat([ingest_rejects, normalize_rejects]),
    }


def write_batch(files: list[InputFile], folder: Path) -> None:
    """Process one batch and write its tables into ``folder`` (also the entry point of a worker process)."""
    from flows.io import write_table
    from schemas import TABLES

    for name, frame in process_batch(files).items():
        write_table(frame, folder / f"{name}.parquet", TABLES[name])


def combine_batches(parts: list[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """Concatenate batch tables, mark duplicate articles, order rows deterministically, link across outlets.

    Batch tables carry the cross-outlet columns (story_id, group ids) empty; they
    are filled here because linking needs every article of the run.
    """
    schemas = {"articles": ArticleSchema, "quotes": QuoteSchema, "claims": ClaimSchema, "figures": FigureSchema, "rejects": RejectSchema}
    tables = {
        name: pl.concat([p[name] for p in parts], how="vertical") if parts else schema.empty()
        for name, schema in schemas.items()
    }
    tables["articles"] = mark_duplicates(tables["articles"])
    copies = tables["articles"].filter(pl.col(ArticleSchema.duplicate_of).is_not_null())[ArticleSchema.article_id]
    for name, id_column in _ID_COLUMNS.items():
        # an exact copy yields its original's rows again (same ids): keep one; a near copy's rows go
        tables[name] = (
            tables[name]
            .unique(subset=id_column, keep="first", maintain_order=True)
            .filter(~pl.col("article_id").is_in(copies.implode()))
            .sort("article_id", "char_start", "char_end")
        )
    tables["rejects"] = tables["rejects"].sort(RejectSchema.source_path, RejectSchema.record, nulls_last=False)
    return link_tables(tables)


def run_pipeline(files: list[InputFile], *, batch_size: int = 500) -> dict[str, pl.DataFrame]:
    """The whole pipeline in-process, no orchestration (used by tests and benchmarks)."""
    parts = [process_batch(list(batch.files)) for batch in plan_batches(files, batch_size)]
    return combine_batches(parts)
