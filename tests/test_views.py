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
