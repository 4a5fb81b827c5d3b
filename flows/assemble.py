"""The run-wide step, out of core: a run's tables are linked, validated and written a bucket of stories at a time.

Linking needs every article of a run, but only its slim parts: ids, dates, outlets and
the per-article features (MinHash signatures, story terms) the batches computed. From
those, duplicates and stories are found for the whole run. Everything else that links
(quote groups, claim groups, figure comparisons) stays within a story, so the run is
then cut into buckets of whole stories; each bucket's rows are gathered from the
batches, linked, validated and appended to the output tables on their own. Texts and
extracted rows are never all in memory at once: that part of memory follows the bucket,
not the run.

A run of up to ``BUCKET_ARTICLES`` articles is one bucket, and its tables equal those of
``flows.stages.combine_batches`` row for row; a bigger run has the same rows, ordered
bucket by bucket.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
from scipy.sparse import csr_matrix

from flows.dedupe import TextLoader, lsh_bands, mark_duplicates
from flows.io import conform, read_table, sync_tree
from flows.link import StoryWeights, day_numbers, story_labels, story_ids, story_order, term_frequencies
from flows.partitions import NULL_PARTITION, PARTITION_KEY, PARTITIONED_TABLES, part_path, split_by_date
from flows.stages import link_stories
from flows.validate import FAILURE_COLUMNS, validate_tables
from schemas import TABLES, ArticleFeaturesSchema, ArticleSchema, RejectSchema

#: Articles per bucket of the run-wide step. A bucket's tables take about 13 MB per 1,000 articles
#: (texts and extracted rows, measured on the benchmark corpus), so a bucket holds about 60 MB.
BUCKET_ARTICLES = 5000

#: What duplicates and stories need of each article; its text stays on disk.
_INDEX_COLUMNS = [
    ArticleSchema.article_id, ArticleSchema.source_path, ArticleSchema.source_id,
    ArticleSchema.content_sha256, ArticleSchema.published_at,
]
#: Set for the whole run from the index, then copied onto each article row.
_RUN_COLUMNS = [ArticleSchema.article_id, ArticleSchema.duplicate_of, ArticleSchema.story_id]
#: The tables gathered by bucket (rejects belong to no story; they are few and kept whole).
_BUCKETED = ("articles", "quotes", "claims", "figures")
_BATCH, _ROW, _BUCKET, _DAY, _POSITION = "__batch", "__row", "__bucket", "__day", "__position"
#: The day key of undated articles (no real day is this far back).
_UNDATED = -(2**40)
#: Batches' term frequencies are summed every this many batches.
_FREQUENCY_PARTS = 16
#: Spilled rows are written once and read back once, soon after: uncompressed Arrow IPC.
_SPILL_OPTIONS = pa.ipc.IpcWriteOptions(compression=None)


@dataclass
class Assembled:
    """What the run-wide step wrote: rows per table, the rejects (for the run summary), and every failure."""

    rows: dict[str, int]
    rejects: pl.DataFrame
    failures: pl.DataFrame


def assemble(batch_dirs: list[Path], staging: Path, spill: Path, *, articles_per_bucket: int = BUCKET_ARTICLES) -> Assembled:
    """Link the batches' tables across the run, validate them and write them into ``staging``.

    ``spill`` is a scratch folder (the batches' story terms by day, their rows by bucket); it is removed afterwards.
    """
    batch_dirs = [Path(folder) for folder in batch_dirs]
    shutil.rmtree(spill, ignore_errors=True)
    writer = TableWriter(staging)
    try:
        spilled = _Spill(spill)
        index = link_index(*read_index(batch_dirs, spilled), spilled, _text_loader(batch_dirs))
        buckets = max(1, math.ceil(index.height / articles_per_bucket))
        index = index.with_columns(_bucket_of(pl.col(ArticleSchema.story_id), buckets))
        failures = [_split_articles(index)]
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # Parquet reads, joins and writes release the GIL
            rejects = list(pool.map(lambda job: _spill_batch(spilled, *job, index), enumerate(batch_dirs)))
        del index
        for bucket in range(buckets):
            tables = link_stories(_bucket_tables(spilled, bucket))
            failures.append(_offset_rows(validate_tables(tables), dict(writer.rows)))
            writer.write(tables)
    except BaseException:
        writer.abandon()
        raise
    finally:
        shutil.rmtree(spill, ignore_errors=True)
    all_rejects = pl.concat(rejects) if rejects else RejectSchema.empty()
    all_rejects = all_rejects.sort(RejectSchema.source_path, RejectSchema.record, nulls_last=False)
    failures.append(validate_tables({"rejects": all_rejects}))
    writer.write({"rejects": all_rejects})
    return Assembled(writer.close(), all_rejects, pl.concat(failures))


def read_index(batch_dirs: list[Path], spilled: _Spill) -> tuple[pl.DataFrame, pl.Series, StoryWeights]:
    """Every article's index columns and place (batch, row), in batch order; its LSH band keys; and the
    run's story weights. Each article's story terms go to ``spilled``, by day, for ``link_index``."""
    index, bands, frequencies = [], [], []
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # Parquet reads and joins release the GIL
        for articles, keys, counted in pool.map(lambda job: _index_batch(spilled, *job), enumerate(batch_dirs)):
            index.append(articles)
            bands.append(keys)
            frequencies.append(counted)
            if len(frequencies) >= _FREQUENCY_PARTS:  # summed as they come: a run's vocabulary, not its postings, stays
                frequencies = [pl.concat(frequencies).group_by("term").agg(pl.col("df").sum())]
    if not index:  # no batches: an empty index of the same columns
        index.append(ArticleSchema.empty().select(_INDEX_COLUMNS).with_row_index(_ROW).with_columns(pl.lit(0, pl.UInt32).alias(_BATCH)))
    index_frame = pl.concat(index)
    weights = StoryWeights.from_frequencies(pl.concat(frequencies) if frequencies else term_frequencies(pl.Series([], dtype=pl.List(pl.UInt64))), index_frame.height)
    return index_frame, pl.concat(bands) if bands else lsh_bands(pl.Series([], dtype=pl.List(pl.UInt32))), weights


def _index_batch(spilled: _Spill, number: int, folder: Path) -> tuple[pl.DataFrame, pl.Series, pl.DataFrame]:
    """One batch's index rows, band keys and term frequencies; its story terms spilled by day."""
    articles = read_table(folder / "articles.parquet", ArticleSchema, columns=_INDEX_COLUMNS)
    articles = articles.with_row_index(_ROW).with_columns(pl.lit(number, pl.UInt32).alias(_BATCH))
    key = ArticleFeaturesSchema.content_sha256
    features = articles.select(_BATCH, _ROW, key, _day_key()).join(
        read_table(folder / "article_features.parquet", ArticleFeaturesSchema), on=key, how="left", maintain_order="left"
    )
    spilled.write("terms", number, features.select(_BATCH, _ROW, ArticleFeaturesSchema.terms, ArticleFeaturesSchema.term_counts, _DAY), _DAY)
    return articles, lsh_bands(features[ArticleFeaturesSchema.minhash]), term_frequencies(features[ArticleFeaturesSchema.terms])


def link_index(index: pl.DataFrame, bands: pl.Series, weights: StoryWeights, spilled: _Spill, texts: TextLoader) -> pl.DataFrame:
    """The index with each article's final id, ``duplicate_of`` and ``story_id``: the decisions that need
    the whole run. Story vectors are built a day at a time from the spilled terms."""
    marked = mark_duplicates(index, bands, texts)
    ordered = story_order(marked.select(ArticleSchema.article_id, ArticleSchema.published_at, _BATCH, _ROW))
    days = ordered.select(day_numbers(pl.col(ArticleSchema.published_at))).to_series().to_numpy()
    positions = ordered.select(_BATCH, _ROW).with_row_index(_POSITION)

    def vectors_of(start: int, stop: int) -> csr_matrix:
        day = _UNDATED if np.isnan(days[start]) else int(np.floor(days[start]))
        rows = pl.concat(spilled.read("terms", day)).join(positions, on=[_BATCH, _ROW], how="inner").sort(_POSITION)
        if rows[_POSITION].to_list() != list(range(start, stop)):
            msg = f"spilled story terms of day {day} do not match the index"
            raise RuntimeError(msg)
        return weights.vectors(rows[ArticleFeaturesSchema.terms], rows[ArticleFeaturesSchema.term_counts])

    stories = ordered.select(_BATCH, _ROW, story_ids(ordered, story_labels(days, vectors_of)))
    return marked.join(stories, on=[_BATCH, _ROW], how="left", maintain_order="left")


def _day_key() -> pl.Expr:
    """The calendar day (days since 1970) that ``story_labels`` asks for an article in."""
    return day_numbers(pl.col(ArticleSchema.published_at)).floor().cast(pl.Int64).fill_null(_UNDATED).alias(_DAY)


def _text_loader(batch_dirs: list[Path]) -> TextLoader:
    """Texts of index rows, read from their batches' articles (only near-copy candidates need one)."""

    def load(rows: pl.DataFrame) -> list[str]:
        found: dict[tuple[int, int], str] = {}
        for (batch,), part in rows.partition_by(_BATCH, as_dict=True).items():
            texts = pl.read_parquet(Path(batch_dirs[batch]) / "articles.parquet", columns=[ArticleSchema.text])[ArticleSchema.text]
            places = zip(part[_BATCH].to_list(), part[_ROW].to_list(), strict=True)
            found.update(zip(places, texts.gather(part[_ROW]).to_list(), strict=True))
        return [found[place] for place in zip(rows[_BATCH].to_list(), rows[_ROW].to_list(), strict=True)]

    return load


def _bucket_of(story_id: pl.Expr, buckets: int) -> pl.Expr:
    """A story's bucket, from its id's last hex digits: the same story, the same bucket, whatever the batches."""
    return (story_id.str.slice(-8).str.to_integer(base=16) % buckets).fill_null(0).cast(pl.UInt32).alias(_BUCKET)


def _offset_rows(failures: pl.DataFrame, offsets: dict[str, int]) -> pl.DataFrame:
    """A bucket's failures with rows numbered as in the whole table (``offsets``: rows written before it)."""
    before = pl.DataFrame({"table": list(offsets), "__offset": list(offsets.values())}, schema={"table": pl.String, "__offset": pl.Int64})
    return failures.join(before, on="table", how="left", maintain_order="left").select(
        *(pl.col("row") + pl.col("__offset").fill_null(0) if name == "row" else pl.col(name) for name in FAILURE_COLUMNS)
    )


def _split_articles(index: pl.DataFrame) -> pl.DataFrame:
    """Failures for article ids that land in two buckets (each bucket checks uniqueness only within itself)."""
    split = index.group_by(ArticleSchema.article_id).agg(pl.col(_BUCKET).n_unique()).filter(pl.col(_BUCKET) > 1)
    rows = [
        {"table": "articles", "column": ArticleSchema.article_id, "row": None, "check": "article_id unique across the run", "value": article}
        for article in split[ArticleSchema.article_id].sort().to_list()
    ]
    return pl.DataFrame(rows, schema=FAILURE_COLUMNS)


class _Spill:
    """Frames written once and read back by key: each batch's rows of a kind go to one Arrow file, grouped
    by key, each key's rows a run of record batches, so that reading a key reads its own rows of every
    batch and nothing else."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True)
        self.lock = threading.Lock()
        self.groups: dict[str, dict[int, tuple[Path, dict[int, tuple[int, int]]]]] = {}  # kind -> batch -> file, key -> batches

    def write(self, name: str, number: int, frame: pl.DataFrame, key: str) -> None:
        parts = sorted(frame.partition_by(key, as_dict=True, include_key=False, maintain_order=True).items())
        if not parts:
            return
        path = self.folder / f"{name}-{number}.arrow"
        groups: dict[int, tuple[int, int]] = {}
        written = 0
        writer = None
        try:
            for (value,), part in parts:
                batches = part.to_arrow().to_batches()
                writer = writer or pa.ipc.new_file(path, batches[0].schema, options=_SPILL_OPTIONS)
                for batch in batches:
                    writer.write_batch(batch)
                groups[value] = (written, written + len(batches))
                written += len(batches)
        finally:
            if writer is not None:
                writer.close()
        with self.lock:  # batches are spilled from several threads
            self.groups.setdefault(name, {})[number] = (path, groups)

    def read(self, name: str, value: int) -> list[pl.DataFrame]:
        """Every batch's rows with this key, in batch order."""
        files = self.groups.get(name, {})
        return [_read_spilled(path, *groups[value]) for path, groups in (files[number] for number in sorted(files)) if value in groups]


def _spill_batch(spilled: _Spill, number: int, folder: Path, index: pl.DataFrame) -> pl.DataFrame:
    """One batch's rows by bucket, articles with the run's decisions on them; returns its rejects."""
    decided = index.filter(pl.col(_BATCH) == number).select(_ROW, *_RUN_COLUMNS, _BUCKET)
    articles = read_table(folder / "articles.parquet", ArticleSchema).drop(_RUN_COLUMNS).with_row_index(_ROW)
    articles = articles.join(decided, on=_ROW, how="left", maintain_order="left").with_columns(pl.lit(number, pl.UInt32).alias(_BATCH))
    spilled.write("articles", number, articles, _BUCKET)
    buckets = index.select(ArticleSchema.article_id, _BUCKET).unique(ArticleSchema.article_id, keep="first", maintain_order=True)
    for name in ("quotes", "claims", "figures"):
        rows = read_table(folder / f"{name}.parquet", TABLES[name])
        # an exact copy's rows carry its original's id, so they go where the original goes; a row whose
        # article is missing goes to bucket 0, where validation reports it
        rows = rows.join(buckets, on=ArticleSchema.article_id, how="left", maintain_order="left").with_columns(pl.col(_BUCKET).fill_null(0))
        spilled.write(name, number, rows, _BUCKET)
    return read_table(folder / "rejects.parquet", RejectSchema)


def _bucket_tables(spilled: _Spill, bucket: int) -> dict[str, pl.DataFrame]:
    """The bucket's rows of every table, batch by batch; articles in the order ``mark_duplicates`` gives."""
    tables = {}
    for name in _BUCKETED:
        frames = spilled.read(name, bucket)
        tables[name] = pl.concat(frames) if frames else None
    if tables["articles"] is None:
        tables["articles"] = ArticleSchema.empty().with_columns(pl.lit(0, pl.UInt32).alias(_BATCH), pl.lit(0, pl.UInt32).alias(_ROW))
    tables["articles"] = (
        tables["articles"]
        .sort(ArticleSchema.source_path, ArticleSchema.source_id, _BATCH, _ROW)
        .select(_arrow_columns("articles"))
    )
    for name in ("quotes", "claims", "figures"):
        if tables[name] is None:
            tables[name] = TABLES[name].empty()
    return tables


def _read_spilled(path: Path, first: int, stop: int) -> pl.DataFrame:
    with pa.OSFile(str(path)) as source:  # read, not mapped: mapped pages would count in RSS beside polars' copy
        reader = pa.ipc.open_file(source)
        return pl.from_arrow(pa.Table.from_batches([reader.get_batch(i) for i in range(first, stop)], schema=reader.schema))


class TableWriter:
    """Appends tables, a bucket at a time, to the flat Parquet files and their by-date parts in a folder.

    Each by-date partition's rows go to one file while its writer stays open; at most ``OPEN_PARTS``
    stay open (a year of dates would pass the limit on open files), and a partition whose writer was
    closed continues in its next part file. Nothing here is atomic: the folder is a staging folder,
    swapped in whole once it is complete.
    """

    OPEN_PARTS = 256

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows: dict[str, int] = {}
        self.parts: OrderedDict[tuple[str, str], pq.ParquetWriter] = OrderedDict()
        self.part_files: dict[tuple[str, str], int] = {}

    def write(self, tables: dict[str, pl.DataFrame]) -> None:
        self._append([(self._flat(name), name, frame) for name, frame in tables.items()])
        if "articles" in tables:
            parts = [(name, partition, frame) for name, split in split_by_date(tables).items() for partition, frame in split.items() if frame.height]
            for start in range(0, len(parts), self.OPEN_PARTS):  # a writer is not closed while its rows wait
                self._append([(self._part(name, partition), name, frame) for name, partition, frame in parts[start:start + self.OPEN_PARTS]])
        for name, frame in tables.items():
            self.rows[name] = self.rows.get(name, 0) + frame.height

    @staticmethod
    def _append(appends: list[tuple[pq.ParquetWriter, str, pl.DataFrame]]) -> None:
        def append(writer: pq.ParquetWriter, name: str, frame: pl.DataFrame) -> None:
            writer.write_table(conform(frame, TABLES[name]).to_arrow())  # converted here: one copy at a time per thread

        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # compression releases the GIL; one writer per file
            list(pool.map(lambda task: append(*task), appends))

    def _flat(self, name: str) -> pq.ParquetWriter:
        if name not in self.writers:
            self.writers[name] = _parquet_writer(self.folder / f"{name}.parquet", name)
        return self.writers[name]

    def _part(self, name: str, partition: str) -> pq.ParquetWriter:
        key = (name, partition)
        if key in self.parts:
            self.parts.move_to_end(key)
            return self.parts[key]
        if len(self.parts) >= self.OPEN_PARTS:
            self.parts.popitem(last=False)[1].close()
        number = self.part_files.get(key, 0)
        self.part_files[key] = number + 1
        self.parts[key] = _parquet_writer(part_path(self.folder, name, partition, number), name)
        return self.parts[key]

    def abandon(self) -> None:
        """Close every file without finishing the folder (the caller discards it)."""
        for writer in [*self.writers.values(), *self.parts.values()]:
            with contextlib.suppress(Exception):
                writer.close()
        self.writers.clear()
        self.parts.clear()

    def close(self) -> dict[str, int]:
        """Finish every file (a table never written is written empty); rows per table."""
        for name in PARTITIONED_TABLES:
            if name in self.writers and not any(table == name for table, _ in self.part_files):  # globbing readers find the schema in an empty part
                self._part(name, f"{PARTITION_KEY}={NULL_PARTITION}").write_table(conform(TABLES[name].empty(), TABLES[name]).to_arrow())
        for writer in [*self.writers.values(), *self.parts.values()]:
            writer.close()
        self.parts.clear()
        sync_tree(self.folder)
        return dict(self.rows)


def _parquet_writer(path: Path, table: str) -> pq.ParquetWriter:
    path.parent.mkdir(parents=True, exist_ok=True)
    return pq.ParquetWriter(path, _arrow_schema(table), compression="zstd", compression_level=3)


@functools.cache
def _arrow_schema(table: str) -> pa.Schema:
    return conform(TABLES[table].empty(), TABLES[table]).to_arrow().schema


def _arrow_columns(table: str) -> list[str]:
    return _arrow_schema(table).names
