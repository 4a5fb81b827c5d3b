"""Duplicates: exact and near copies point at their original; distinct articles stay distinct."""

import polars as pl
from hypothesis import given, settings, strategies as st

from flows.dedupe import mark_duplicates
from flows.ids import stable_id
from schemas import ArticleSchema

STORY = (
    "The regional council approved a plan on Monday to rebuild the flood defences along the river, "
    "after two winters of damage to homes and farms. The work will start in April and take three years, "
    "the council said, and will be paid for by the national recovery fund. Residents asked for more "
    "pumping stations in the lower town, where water reached the first floor of many houses last year."
)
OTHER = (
    "A new rail link between the two largest cities opened on Friday, cutting the journey to ninety minutes. "
    "Ticket prices will be fixed for the first year, the operator said, and trains will run every half hour "
    "from six in the morning until midnight, with extra services on weekends during the summer season."
)


def _articles(*texts: str) -> pl.DataFrame:
    rows = [
        {ArticleSchema.article_id: stable_id(t), ArticleSchema.source_path: f"{i:03d}.txt", ArticleSchema.source_id: f"{i:03d}",
         ArticleSchema.text: t, ArticleSchema.duplicate_of: None}
        for i, t in enumerate(texts)
    ]
    return pl.DataFrame(rows, schema={k: pl.String for k in rows[0]})


def test_exact_and_lightly_edited_copies_point_at_the_first():
    edited = STORY.replace("on Monday", "on Monday evening").replace("three years", "3 years")
    marked = mark_duplicates(_articles(STORY, OTHER, edited, STORY))
    original = marked[ArticleSchema.article_id][0]
    assert marked[ArticleSchema.duplicate_of].to_list() == [None, None, original, original]
    assert marked[ArticleSchema.article_id].n_unique() == 4


def test_a_rewritten_story_is_not_a_duplicate():
    rewritten = (
        "Flood defences will be rebuilt along the river under a plan the regional council approved, "
        "with construction beginning in April. Homes and farms were damaged two winters running."
    )
    assert mark_duplicates(_articles(STORY, rewritten))[ArticleSchema.duplicate_of].null_count() == 2


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from([STORY, OTHER, STORY[:120], "short", "x " * 30]) | st.text(min_size=1, max_size=200), min_size=1, max_size=6))
def test_duplicates_always_point_at_an_original(texts):
    marked = mark_duplicates(_articles(*texts))
    originals = set(marked.filter(pl.col(ArticleSchema.duplicate_of).is_null())[ArticleSchema.article_id])
    assert set(marked[ArticleSchema.duplicate_of].drop_nulls()) <= originals
    assert marked[ArticleSchema.article_id].n_unique() == marked.height
