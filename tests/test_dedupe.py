"""Duplicates: exact and near copies point at their original; distinct articles stay distinct."""

import polars as pl
from hypothesis import example, given, settings, strategies as st

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


def _lsh_in_order(articles: pl.DataFrame) -> list[str | None]:
    """The reference: datasketch's LSH index, queried and filled article by article in row order."""
    import numpy as np
    from datasketch import LeanMinHash, MinHashLSH

    from flows import dedupe

    signatures = dedupe.minhash_signatures(articles).to_list()
    shingles = [set(values.tolist()) for values in dedupe.shingle_hashes(articles)]
    ids, found = articles[ArticleSchema.article_id].to_list(), [None] * articles.height
    lsh = MinHashLSH(threshold=dedupe._CANDIDATE_SIMILARITY, num_perm=dedupe._NUM_PERM)
    for index, values in enumerate(signatures):
        if values is None:
            continue
        signature = LeanMinHash(seed=dedupe._SEED, hashvalues=np.asarray(values, dtype=np.uint32), scheme=dedupe._SCHEME)
        confirmed = [o for o in sorted(lsh.query(signature)) if len(shingles[index] & shingles[o]) / len(shingles[index] | shingles[o]) >= dedupe.NEAR_DUPLICATE_SIMILARITY]
        if confirmed:
            found[index] = ids[confirmed[0]]
        else:
            lsh.insert(index, signature)
    return found


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 30), st.integers(0, 10_000)), min_size=2, max_size=14))
@example([(0, 0, 1), (4, 2, 1), (4, 2, 2)])  # a copy of a copy that has drifted from the original
@settings(max_examples=25, deadline=None)
def test_near_copies_are_those_an_lsh_index_filled_in_row_order_finds(edits):
    """Candidates come from all LSH bands at once; the copies must be exactly those of the sequential index."""
    import random

    bases = [STORY, OTHER, STORY + " " + OTHER, OTHER + " " + STORY]
    texts = []
    for base, changes, seed in edits:  # base 4: an edit of the previous text, so copies of copies drift away
        words, rng = (texts[-1] if base == 4 and texts else bases[base % 4]).split(), random.Random(seed)
        for _ in range(changes):
            position = rng.randrange(len(words))
            words[position] = words[position][::-1] + "x"
        texts.append(" ".join(words))
    articles = _articles(*dict.fromkeys(texts))  # exact copies are the other rule's
    marked = mark_duplicates(articles)
    assert marked[ArticleSchema.duplicate_of].to_list() == _lsh_in_order(articles.sort(ArticleSchema.source_path, ArticleSchema.source_id))
