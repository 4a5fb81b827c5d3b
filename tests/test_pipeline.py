"""End to end: the Prefect flow on seeds/ into a temporary folder, compared with golden files."""

import json
from pathlib import Path

import polars as pl

from flows.pipeline import newsfacts_flow
from flows.stages import run_pipeline
from flows.ingest import discover_inputs
from schemas import SPAN_TABLES, TABLES

from conftest import SEEDS

GOLDEN = Path(__file__).resolve().parent / "golden" / "seeds.json"
_GOLDEN_COLUMNS = {
    "articles": ["source_id", "article_id", "outlet", "title", "published_at", "dateline", "authors", "wire_credits", "word_count", "story_id"],
    "quotes": ["quote_id", "text", "speaker", "speaker_kind", "cue", "medium", "is_fragment", "quote_group_id"],
    "claims": ["claim_id", "text", "source", "cue", "stance", "claim_group_id", "n_outlets"],
    "figures": ["figure_id", "text", "value", "value_high", "qualifier", "unit", "category", "source", "as_of"],
    "figure_comparisons": ["comparison_id", "figure_id", "category", "unit", "source", "value", "disagrees", "relative_spread"],
}


def _golden_view(directory: Path) -> dict:
    view = {}
    for name, columns in _GOLDEN_COLUMNS.items():
        frame = pl.read_parquet(directory / f"{name}.parquet").select(columns)
        view[name] = json.loads(frame.with_columns(pl.col(pl.Datetime).dt.to_string()).write_json())
    return view


def test_every_table_is_written(seeds_output):
    assert sorted(p.stem for p in seeds_output.glob("*.parquet")) == sorted(TABLES)
    assert pl.read_parquet(seeds_output / "articles.parquet").height == 5
    runs = pl.read_parquet(seeds_output / "runs.parquet")
    assert runs.select("input_count", "articles", "validation").rows() == [(5, 5, "passed")]


def test_every_span_is_exact(seeds_output):
    articles = dict(pl.read_parquet(seeds_output / "articles.parquet").select("article_id", "text").iter_rows())
    for name in SPAN_TABLES:
        for row in pl.read_parquet(seeds_output / f"{name}.parquet").iter_rows(named=True):
            assert articles[row["article_id"]][row["char_start"] : row["char_end"]] == row["text"]


def test_output_matches_golden_file(seeds_output, update_golden):
    view = _golden_view(seeds_output)
    if update_golden:
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(view, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    assert view == json.loads(GOLDEN.read_text(encoding="utf-8")), "output changed: review, then rerun with --update-golden"


def test_second_run_gives_equal_tables_and_appends_a_run_row(seeds_output, tmp_path):
    second = tmp_path / "again"
    newsfacts_flow(inputs=[str(SEEDS)], output_dir=str(second))
    newsfacts_flow(inputs=[str(SEEDS)], output_dir=str(second))
    for name in TABLES:
        if name != "runs":
            assert pl.read_parquet(second / f"{name}.parquet").equals(pl.read_parquet(seeds_output / f"{name}.parquet")), name
    assert pl.read_parquet(second / "runs.parquet").height == 2


def test_batching_does_not_change_the_result(seeds_output):
    files = discover_inputs([SEEDS])
    one_batch = run_pipeline(files, batch_size=500)
    small_batches = run_pipeline(files, batch_size=2)
    for name in ("articles", *SPAN_TABLES, "figure_comparisons"):
        assert one_batch[name].equals(small_batches[name]), name
        assert one_batch[name].equals(pl.read_parquet(seeds_output / f"{name}.parquet")), name


def test_a_finished_batch_leaves_no_article_text_cached():
    from flows.stages import process_batch
    from flows.text import article_sentences, paragraph_spans

    tables = process_batch(discover_inputs([SEEDS]))
    assert tables["articles"].height == 5 and tables["figures"].height > 0
    assert paragraph_spans.cache_info().currsize == 0
    assert article_sentences.cache_info().currsize == 0


def test_bad_input_is_a_reject_not_a_failure(tmp_path, prefect_server):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text("A headline here\n\nThe army said it had withdrawn from the city.")
    (inputs / "empty.txt").write_text("")
    (inputs / "feed.jsonl").write_text('{"doc_id": "x", "text": "Officials said 12 people were killed."}\n{oops\n')
    out = tmp_path / "out"
    newsfacts_flow(inputs=[str(inputs)], output_dir=str(out))
    rejects = pl.read_parquet(out / "rejects.parquet")
    assert sorted(rejects.select("source_path", "reason").rows()) == [("empty.txt", "empty"), ("feed.jsonl", "malformed_json")]
    assert sorted(pl.read_parquet(out / "articles.parquet")["source_id"].to_list()) == ["good", "x"]
