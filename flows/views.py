"""DuckDB views over an output folder: one per table plus the joins analysts ask for first.

The SQL is written into every output folder as ``views.sql``. Paths in it are
relative to that folder, so it keeps working when the folder is copied or moved:
run it with DuckDB's ``file_search_path`` set to the folder (see the README).
"""

from __future__ import annotations

from flows.partitions import PARTITION_KEY, PARTITIONED_DIR, PARTITIONED_TABLES
from schemas import TABLES

_ANALYST_VIEWS = """
-- quotes with the article's outlet, date, title and story; copies of articles left out
CREATE OR REPLACE VIEW quotes_in_context AS
SELECT q.quote_id, q.quote_group_id, q.speaker, q.speaker_kind, q.cue, q.medium, q.text AS quote,
       q.is_fragment, a.outlet, a.published_at, a.title, a.story_id, a.article_id, a.source_path
FROM quotes q JOIN articles a USING (article_id)
WHERE a.duplicate_of IS NULL;

-- figures with who they are attributed to and where they were reported
CREATE OR REPLACE VIEW figures_with_source AS
SELECT f.figure_id, f.text AS figure, f.value, f.value_high, f.qualifier, f.unit, f.category,
       coalesce(f.source, a.outlet) AS attributed_to, f.source, f.as_of,
       a.outlet, a.published_at, a.title, a.story_id, a.article_id, f.claim_id
FROM figures f JOIN articles a USING (article_id)
WHERE a.duplicate_of IS NULL;

-- one row per quantity that outlets report differently
CREATE OR REPLACE VIEW figure_disagreements AS
SELECT comparison_id, story_id, category, unit, source,
       any_value(n_articles) AS n_articles, any_value(n_outlets) AS n_outlets,
       any_value(min_value) AS min_value, any_value(max_value) AS max_value,
       any_value(spread) AS spread, any_value(relative_spread) AS relative_spread,
       list(struct_pack(value := value, qualifier := qualifier, text := text, outlet := outlet,
                        article_id := article_id, published_at := published_at, as_of := as_of)
            ORDER BY value) AS reports
FROM figure_comparisons
WHERE disagrees
GROUP BY comparison_id, story_id, category, unit, source;

-- one row per statement, with how many outlets carry it
CREATE OR REPLACE VIEW claims_corroborated AS
SELECT claim_group_id, any_value(n_outlets) AS n_outlets, count(*) AS n_claims,
       arg_min(source, char_start) AS source, arg_min(text, char_start) AS claim,
       list(DISTINCT article_id) AS article_ids
FROM claims
GROUP BY claim_group_id;
"""


def views_sql() -> str:
    """A view per table (over its Parquet file), one per by-date copy, and the analyst views."""
    tables = "\n".join(
        f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{name}.parquet');" for name in TABLES
    )
    by_date = "\n".join(
        f"CREATE OR REPLACE VIEW {name}_by_date AS SELECT * FROM read_parquet('{PARTITIONED_DIR}/{name}/*/*.parquet', "
        f"hive_partitioning = true, hive_types = {{'{PARTITION_KEY}': DATE}});"
        for name in PARTITIONED_TABLES
    )
    header = "-- newsfacts views; run with file_search_path set to this folder (README, 'Querying')\nSET TimeZone = 'UTC';\n"
    by_date_note = f"-- the same rows, partitioned by the article's {PARTITION_KEY}: filters on it read only the matching folders\n"
    return header + tables + "\n" + by_date_note + by_date + "\n" + _ANALYST_VIEWS
