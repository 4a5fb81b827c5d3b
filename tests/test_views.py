"""The DuckDB views written beside the tables answer the analysts' first questions."""

import shutil

import duckdb
import polars as pl
import pytest

from schemas import TABLES


@pytest.fixture(scope="module")
def con(seeds_output, tmp_path_factory):
    moved = tmp_path_factory.mktemp("moved") / "out"
    shutil.copytree(seeds_output, moved)  # the SQL must not depend on where the folder was written
    connection = duckdb.connect()
    connection.execute(f"SET file_search_path = '{moved}'")
    connection.execute((moved / "views.sql").read_text())
    yield connection
    connection.close()


def test_a_view_per_table_returns_the_table(con, seeds_output):
    for name in TABLES:
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == pl.read_parquet(seeds_output / f"{name}.parquet").height


def test_quotes_come_with_outlet_date_and_story(con):
    rows = con.execute("SELECT speaker, outlet, published_at, story_id FROM quotes_in_context WHERE speaker = 'Rami Abdurrahman'").fetchall()
    assert len(rows) == 2 and len({r[3] for r in rows}) == 1
    assert con.execute("SELECT count(*) FROM quotes_in_context").fetchone()[0] == con.execute("SELECT count(*) FROM quotes").fetchone()[0]


def test_figure_disagreements_list_the_reports(con):
    rows = con.execute("SELECT category, unit, min_value, max_value, [r.value for r in reports] FROM figure_disagreements ORDER BY max_value").fetchall()
    assert ("killed", "civilians", 110.0, 111.0, [110.0, 111.0]) in rows
    assert ("killed", "people", 704.0, 727.0, [704.0, 727.0]) in rows


def test_corroborated_claims_rank_by_outlets(con):
    top = con.execute("SELECT n_outlets, claim FROM claims_corroborated ORDER BY n_outlets DESC, claim LIMIT 3").fetchall()
    assert top[0][0] >= 3
    assert any("redeploying outside" in claim for _, claim in top)


def test_by_date_views_hold_the_same_rows(con):
    for name in ("articles", "quotes", "claims", "figures", "figure_comparisons"):
        flat = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        assert con.execute(f"SELECT count(*) FROM {name}_by_date").fetchone()[0] == flat
    per_day = dict(con.execute("SELECT published_date::VARCHAR, count(*) FROM articles_by_date GROUP BY ALL").fetchall())
    expected = dict(con.execute(
        "SELECT (published_at AT TIME ZONE 'UTC')::DATE::VARCHAR, count(*) FROM articles GROUP BY ALL"
    ).fetchall())
    assert per_day == expected and None in per_day  # undated articles read as NULL
    dates = con.execute(
        "SELECT DISTINCT (a.published_at AT TIME ZONE 'UTC')::DATE::VARCHAR FROM figures_by_date f "
        "JOIN articles a USING (article_id) WHERE f.published_date = DATE '2024-12-05'"
    ).fetchall()
    assert dates == [("2024-12-05",)]


def test_a_date_filter_reads_only_that_dates_files(seeds_output, tmp_path):
    copy = tmp_path / "out"
    shutil.copytree(seeds_output, copy)
    other_day = copy / "by_date" / "figures" / "published_date=2024-12-06" / "part-0.parquet"
    other_day.write_bytes(b"not parquet")  # any read of it would fail
    connection = duckdb.connect()
    connection.execute(f"SET file_search_path = '{copy}'")
    connection.execute((copy / "views.sql").read_text())
    assert connection.execute("SELECT count(*) FROM figures_by_date WHERE published_date = DATE '2024-12-05'").fetchone()[0] > 0
    with pytest.raises(duckdb.Error):
        connection.execute("SELECT count(*) FROM figures_by_date").fetchone()
