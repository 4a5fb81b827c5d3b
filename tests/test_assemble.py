"""The run-wide step out of core: bucket by bucket, it writes what the in-memory combination gives."""

import shutil
from pathlib import Path

import polars as pl
import pytest

from flows.assemble import assemble
from flows.batches import plan_batches
from flows.ingest import discover_inputs
from flows.io import read_table
from flows.partitions import partition_mismatches
from flows.stages import BATCH_TABLES, combine_batches, write_batch
from schemas import ArticleSchema

from conftest import SEEDS

LINK_DATA = Path(__file__).resolve().parent / "data" / "link"
_ORDER = {
    "articles": [ArticleSchema.article_id],
    "quotes": ["quote_id"],
    "claims": ["claim_id"],
    "figures": ["figure_id"],
    "figure_comparisons": ["comparison_id", "figure_id"],
    "rejects": ["source_path", "record"],
}


@pytest.fixture(scope="module")
def batch_dirs(tmp_path_factory):
    """Seeds, unrelated and related articles, an exact copy and an edited copy, in batches of two files."""
    inputs = tmp_path_factory.mktemp("inputs")
    shutil.copytree(SEEDS, inputs / "seeds")
    shutil.copytree(LINK_DATA, inputs / "link")
    first = sorted(SEEDS.iterdir())[0]
    (inputs / "zz-copy.txt").write_bytes(first.read_bytes())
    text = first.read_text(encoding="utf-8")
    (inputs / "zz-edited.txt").write_text(text.replace("\n\n", "\n\nUpdated.\n\n", 1), encoding="utf-8")
    (inputs / "zz-empty.txt").write_text("", encoding="utf-8")
    folders = []
    root = tmp_path_factory.mktemp("batches")
    for number, batch in enumerate(plan_batches(discover_inputs([inputs]), 2)):
        write_batch(list(batch.files), root / str(number))
        folders.append(root / str(number))
    return folders


@pytest.fixture(scope="module")
def in_memory(batch_dirs):
    return combine_batches({name: read_table(d / f"{name}.parquet", schema) for name, schema in BATCH_TABLES.items()} for d in batch_dirs)


def _assembled(batch_dirs, folder: Path, per_bucket: int):
    result = assemble(batch_dirs, folder / "staging", folder / "spill", articles_per_bucket=per_bucket)
    tables = {name: pl.read_parquet(folder / "staging" / f"{name}.parquet") for name in _ORDER}
    return result, tables


def test_one_bucket_writes_the_in_memory_tables_row_for_row(batch_dirs, in_memory, tmp_path):
    result, tables = _assembled(batch_dirs, tmp_path, per_bucket=1000)
    assert result.failures.is_empty()
    for name in _ORDER:
        assert tables[name].equals(in_memory[name]), name
    assert not (tmp_path / "spill").exists()


def test_many_buckets_write_the_same_rows_and_a_matching_by_date_copy(batch_dirs, in_memory, tmp_path):
    result, tables = _assembled(batch_dirs, tmp_path, per_bucket=1)
    assert result.failures.is_empty()
    stories = in_memory["articles"][ArticleSchema.story_id].n_unique()
    assert stories >= 3
    assert in_memory["articles"][ArticleSchema.duplicate_of].drop_nulls().len() == 2  # the exact and the edited copy
    for name, key in _ORDER.items():
        assert tables[name].sort(key).equals(in_memory[name].sort(key)), name
    assert result.rows == {name: frame.height for name, frame in tables.items()}
    assert partition_mismatches(tmp_path / "staging", tables) == []


def test_a_bad_row_is_reported_with_its_row_in_the_whole_table(batch_dirs, in_memory, tmp_path):
    published = in_memory["quotes"]["quote_id"].implode()
    # a batch whose quotes are all published (not a copy's rows, dropped for the original's)
    target = next(
        number for number, folder in enumerate(batch_dirs)
        if (quotes := pl.read_parquet(folder / "quotes.parquet")).height and quotes["quote_id"].is_in(published).all()
    )
    broken = tmp_path / "broken"
    shutil.copytree(batch_dirs[target], broken)
    quotes = pl.read_parquet(broken / "quotes.parquet")
    quotes.with_columns(pl.col("char_end") + 1).write_parquet(broken / "quotes.parquet")
    dirs = [broken if number == target else folder for number, folder in enumerate(batch_dirs)]
    result, tables = _assembled(dirs, tmp_path, per_bucket=1)
    spans = result.failures.filter(pl.col("check").str.contains("char_start"))
    assert spans.height == quotes.height
    bad = tables["quotes"].with_row_index("row").filter(pl.col("quote_id").is_in(quotes["quote_id"].implode()))
    assert sorted(spans["row"].to_list()) == sorted(bad["row"].to_list())
    assert (spans["table"] == "quotes").all()


def test_a_partition_continues_in_a_new_part_when_its_file_had_to_close(batch_dirs, in_memory, tmp_path, monkeypatch):
    from flows.assemble import TableWriter

    monkeypatch.setattr(TableWriter, "OPEN_PARTS", 1)  # every new partition closes the last one's file
    result, tables = _assembled(batch_dirs, tmp_path, per_bucket=1)
    assert result.failures.is_empty()
    assert partition_mismatches(tmp_path / "staging", tables) == []
    parts = list((tmp_path / "staging" / "by_date" / "quotes").glob("*/part-1.parquet"))
    assert parts, "some partition was written in two parts"


def test_a_run_whose_every_input_is_rejected_writes_empty_tables_and_its_rejects(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    folder = tmp_path / "batch"
    write_batch(list(plan_batches(discover_inputs([inputs]), 10)[0].files), folder)
    result, tables = _assembled([folder], tmp_path, per_bucket=1)
    assert result.failures.is_empty()
    assert result.rows == {"articles": 0, "quotes": 0, "claims": 0, "figures": 0, "figure_comparisons": 0, "rejects": 1}
    assert tables["rejects"]["reason"].to_list() == ["empty"]
    assert partition_mismatches(tmp_path / "staging", tables) == []
