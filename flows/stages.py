"""The pipeline's pure core: batch in, tables out. Prefect tasks in ``pipeline`` wrap these."""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import uuid
from importlib import metadata
from collections.abc import Iterable
from pathlib import Path

import polars as pl

from flows import __version__
from flows.extract_attributions import extract_quotes_and_claims
from flows.extract_figures import extract_figures
from flows.batches import plan_batches
from flows.ingest import InputFile, ingest_files
from flows.link import assign_stories, link_within_stories, story_terms
from flows.dedupe import lsh_bands, mark_duplicates, minhash_signatures
from flows.normalize import normalize_articles
from flows.text import forget_structure
from schemas import BATCH_ONLY_TABLES, TABLES, ArticleFeaturesSchema, ArticleSchema, ClaimSchema, FigureSchema, QuoteSchema, RejectSchema

ARTICLE_TABLES = ("articles", "quotes", "claims", "figures", "rejects")
#: What ``process_batch`` returns and a cached batch folder holds: a share of each article table, and
#: the per-article inputs of linking.
BATCH_TABLES = {**{name: TABLES[name] for name in ARTICLE_TABLES}, **BATCH_ONLY_TABLES}
_ID_COLUMNS = {"quotes": QuoteSchema.quote_id, "claims": ClaimSchema.claim_id, "figures": FigureSchema.figure_id}


def code_version() -> str:
    """Package version plus a hash of the source files and the installed versions of the dependencies,
    so cached results follow code changes and library upgrades (a new polars may hash strings anew)."""
    digest = hashlib.sha256()
    for folder in ("flows", "schemas"):
        for path in sorted((Path(__file__).resolve().parent.parent / folder).glob("*.py")):
            digest.update(path.read_bytes())
    for requirement in _runtime_requirements():
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"\0{requirement}={metadata.version(requirement)}".encode())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _runtime_requirements() -> list[str]:
    """Names of the distributions newsfacts requires (not its extras)."""
    try:
        declared = metadata.requires("newsfacts") or []
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return []
    return sorted({re.split(r"[\s<>=!~;\[]", line, maxsplit=1)[0] for line in declared if "extra ==" not in line})


def process_batch(files: list[InputFile]) -> dict[str, pl.DataFrame]:
    """ingest -> normalize -> extract for one batch of files."""
    raw, ingest_rejects = ingest_files(files)
    articles, normalize_rejects = normalize_articles(raw)
    quotes, claims = extract_quotes_and_claims(articles)
    figures = extract_figures(articles, claims)
    forget_structure()
    return {
        "articles": articles,
        "quotes": quotes,
        "claims": claims,
        "figures": figures,
        "rejects": pl.concat([ingest_rejects, normalize_rejects]),
        "article_features": article_features(articles),
    }


def article_features(articles: pl.DataFrame) -> pl.DataFrame:
    """What linking needs of each distinct text, computed here so that it runs in the batch workers and
    is cached with the batch: a run that adds articles computes it for those only."""
    texts = articles.unique(ArticleSchema.content_sha256, keep="first", maintain_order=True)
    return pl.concat(
        [texts.select(ArticleSchema.content_sha256), minhash_signatures(texts).to_frame(), story_terms(texts[ArticleSchema.text])],
        how="horizontal",
    )


def write_batch(files: list[InputFile], folder: Path) -> None:
    """Process one batch and write its tables into ``folder`` (also the entry point of a worker process)."""
    from flows.io import write_table

    for name, frame in process_batch(files).items():
        write_table(frame, folder / f"{name}.parquet", BATCH_TABLES[name])


#: Written last into a cached batch folder: the folder is complete.
BATCH_DONE = "done"


def cache_batch(files: list[InputFile], folder: Path, version: str) -> None:
    """Compute one batch into ``folder``, its cache entry, unless it is complete there already.

    Written aside, marked done, then renamed in: a folder that exists is complete. Idempotent:
    a second attempt (a retry, a lost Dask worker) finds the first one's work.
    """
    from flows.io import write_text_durably

    if (folder / BATCH_DONE).exists():
        return
    partial = folder.with_name(f".{folder.name}.{uuid.uuid4().hex}")
    try:
        write_batch(files, partial)
        write_text_durably(partial / BATCH_DONE, version)
        try:
            partial.rename(folder)
        except OSError:  # another attempt finished the same batch first
            if not (folder / BATCH_DONE).exists():
                raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def combine_batches(parts: Iterable[dict[str, pl.DataFrame]]) -> dict[str, pl.DataFrame]:
    """Concatenate batch tables, mark duplicate articles, order rows deterministically, link across outlets.

    Batch tables carry the cross-outlet columns (story_id, group ids) empty; they
    are filled here because linking needs every article of the run. ``parts`` may be
    a generator: no list of them is kept, so each batch's frames are freed as soon as
    its table has been sorted into the run's (a table at a time, not the whole run twice).
    """
    pieces: dict[str, list[pl.DataFrame]] = {name: [] for name in BATCH_TABLES}
    for part in parts:
        for name in BATCH_TABLES:
            pieces[name].append(part[name])
    tables = {name: pl.concat(frames, how="vertical") if frames else BATCH_TABLES[name].empty() for name, frames in pieces.items()}
    del pieces  # the concatenated tables hold the batch frames now; nothing else does
    features = tables.pop("article_features").unique(ArticleFeaturesSchema.content_sha256, keep="first", maintain_order=True)
    key = ArticleFeaturesSchema.content_sha256
    signatures = tables["articles"].select(key).join(features.select(key, ArticleFeaturesSchema.minhash), on=key, how="left", maintain_order="left")
    tables["articles"] = assign_stories(mark_duplicates(tables["articles"], lsh_bands(signatures[ArticleFeaturesSchema.minhash])), features)
    tables["rejects"] = tables["rejects"].sort(RejectSchema.source_path, RejectSchema.record, nulls_last=False)
    return link_stories(tables)


def link_stories(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Given articles with ``duplicate_of`` and ``story_id`` set: one row per id, copies' rows out, rows in
    a fixed order, then the links within stories. Works on any set of whole stories (``flows.assemble``)."""
    copies = tables["articles"].filter(pl.col(ArticleSchema.duplicate_of).is_not_null())[ArticleSchema.article_id]
    tables = dict(tables)
    for name, id_column in _ID_COLUMNS.items():
        # an exact copy yields its original's rows again (same ids): keep one; a near copy's rows go
        tables[name] = (
            tables[name]
            .unique(subset=id_column, keep="first", maintain_order=True)
            .filter(~pl.col("article_id").is_in(copies.implode()))
            .sort("article_id", "char_start", "char_end")
        )
    return link_within_stories(tables)


def run_pipeline(files: list[InputFile], *, batch_size: int = 500) -> dict[str, pl.DataFrame]:
    """The whole pipeline in-process, no orchestration (used by tests and benchmarks)."""
    return combine_batches(process_batch(list(batch.files)) for batch in plan_batches(files, batch_size))
