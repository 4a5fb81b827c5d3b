"""Cross-outlet linking: stories, quote and claim groups, figure comparisons.

The seeds are five outlets on one event (Hama's capture, 5-6 Dec 2024);
tests/data/link holds two unrelated articles and a later article on the same event.
"""

from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings, strategies as st

from flows.ingest import discover_inputs
from flows.link import compare_figures, comparable_text, group_quotes
from flows.stages import run_pipeline
from schemas import ArticleSchema, FigureSchema, QuoteSchema

from conftest import SEEDS

LINK_DATA = Path(__file__).resolve().parent / "data" / "link"


@pytest.fixture(scope="module")
def seeds_tables():
    return run_pipeline(discover_inputs([SEEDS]))


@pytest.fixture(scope="module")
def mixed_tables():
    return run_pipeline(discover_inputs([SEEDS, LINK_DATA]))


def _seed_number(frame: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Attach the seed's file number (000-004) so assertions read like the issue."""
    numbers = articles.select(ArticleSchema.article_id, pl.col(ArticleSchema.source_path).str.slice(0, 3).alias("seed"))
    return frame.join(numbers, on=ArticleSchema.article_id, how="left")


def test_the_five_seed_outlets_are_one_story(seeds_tables):
    assert seeds_tables["articles"][ArticleSchema.story_id].n_unique() == 1


def test_unrelated_articles_stay_out_and_story_ids_survive_new_articles(seeds_tables, mixed_tables):
    stories = dict(mixed_tables["articles"].select(ArticleSchema.source_path, ArticleSchema.story_id).iter_rows())
    seed_story = seeds_tables["articles"][ArticleSchema.story_id][0]
    assert stories["hama_followup.json"] == seed_story
    assert all(stories[path] == seed_story for path in stories if path.startswith("00"))
    assert len({stories["council_budget.json"], stories["chess_final.json"], seed_story}) == 3


def _quote_group(tables, starts_with: str) -> pl.DataFrame:
    quotes = _seed_number(tables["quotes"], tables["articles"])
    return quotes.filter(comparable_text(QuoteSchema.text).str.starts_with(starts_with))


def test_the_same_quotation_shares_a_group_across_outlets(seeds_tables):
    hama_falls = _quote_group(seeds_tables, "if hama falls")
    assert sorted(hama_falls["seed"]) == ["001", "004"]
    assert hama_falls[QuoteSchema.quote_group_id].n_unique() == 1
    embassy = _quote_group(seeds_tables, "currently the situation in")  # "northwestern" vs "north-western"
    assert sorted(embassy["seed"]) == ["000", "001"]
    assert embassy[QuoteSchema.quote_group_id].n_unique() == 1


def test_different_quotes_stay_in_different_groups(seeds_tables):
    hama_falls = _quote_group(seeds_tables, "if hama falls")[QuoteSchema.quote_group_id][0]
    embassy = _quote_group(seeds_tables, "currently the situation in")[QuoteSchema.quote_group_id][0]
    assert hama_falls != embassy
    quotes = seeds_tables["quotes"]
    # a group never holds two unrelated texts: every member shares words with the group's first member
    for _, group in quotes.group_by(QuoteSchema.quote_group_id):
        texts = group.select(comparable_text(QuoteSchema.text))[QuoteSchema.text].to_list()
        first = set(texts[0].split())
        assert all(len(first & set(t.split())) >= min(len(first), len(t.split())) * 0.5 for t in texts), texts


def test_the_armys_redeployment_claim_is_corroborated_by_three_outlets(seeds_tables):
    claims = _seed_number(seeds_tables["claims"], seeds_tables["articles"])
    redeploying = claims.filter(pl.col("text").str.contains("redeploying outside"))
    assert redeploying["claim_group_id"].n_unique() == 1
    assert redeploying["n_outlets"].min() >= 3
    assert redeploying["seed"].n_unique() >= 3


def test_the_two_death_tolls_are_one_claim_group(seeds_tables):
    tolls = seeds_tables["claims"].filter(pl.col("text").str.contains(r"^7\d\d people"))
    assert tolls.height == 2 and tolls["claim_group_id"].n_unique() == 1


def test_figure_comparisons_show_the_disagreeing_tolls(seeds_tables):
    comparisons = seeds_tables["figure_comparisons"]
    by_value = {row["value"]: row for row in comparisons.iter_rows(named=True)}
    for low, high in ((704.0, 727.0), (110.0, 111.0)):
        assert by_value[low]["comparison_id"] == by_value[high]["comparison_id"]
        assert by_value[low]["disagrees"] and by_value[high]["disagrees"]
        assert by_value[low]["spread"] == high - low
    assert by_value[704.0]["comparison_id"] != by_value[110.0]["comparison_id"]  # people vs civilians


def _articles(*rows: tuple[str, str, str | None]) -> pl.DataFrame:
    frame = pl.DataFrame(
        [{"article_id": a, "story_id": s, "outlet": o, "text": "x", "source_path": a, "source_id": a} for a, s, o in rows]
    )
    return frame.with_columns(
        pl.lit(None, ArticleSchema.empty().schema[ArticleSchema.published_at]).alias(ArticleSchema.published_at),
        pl.lit(None, pl.String).alias(ArticleSchema.duplicate_of),
    )


def _figures(*rows: tuple[str, float, str]) -> pl.DataFrame:
    data = [
        {"article_id": a, "char_start": i, "char_end": i + 1, "text": "x", "figure_id": f"{i:016x}", "value": v,
         "value_high": None, "qualifier": q, "unit": "people", "category": "killed", "source": "the ministry",
         "claim_id": None, "as_of": None}
        for i, (a, v, q) in enumerate(rows)
    ]
    return pl.DataFrame(data, schema=FigureSchema.empty().schema)


STORY = "a" * 16
ARTICLES = _articles(("1" * 16, STORY, "Outlet A"), ("2" * 16, STORY, "Outlet B"), ("3" * 16, STORY, None))


@pytest.mark.parametrize(
    ("reports", "disagrees"),
    [
        ([(700.0, "at_least"), (727.0, "exact")], False),  # "more than 700" fits 727
        ([(704.0, "exact"), (727.0, "exact")], True),
        ([(720.0, "approximately"), (727.0, "exact")], False),
        ([(750.0, "at_most"), (704.0, "exact")], False),  # "up to 750"
        ([(750.0, "at_least"), (704.0, "exact")], True),
    ],
)
def test_qualifiers_decide_whether_reports_disagree(reports, disagrees):
    figures = _figures(*[("1" * 16, reports[0][0], reports[0][1]), ("2" * 16, reports[1][0], reports[1][1])])
    comparisons = compare_figures(figures, ARTICLES)
    assert comparisons.height == 2
    assert comparisons["disagrees"].to_list() == [disagrees, disagrees]


def test_a_toll_is_compared_across_sources_and_a_toll_without_a_noun_takes_the_storys():
    figures = _figures(("1" * 16, 41.0, "at_least"), ("2" * 16, 38.0, "exact"), ("3" * 16, 41.0, "at_least")).with_columns(
        pl.Series("source", ["the disaster agency", "officials", None]),
        pl.Series("unit", ["people", None, "people"]),
    )
    comparisons = compare_figures(figures, ARTICLES)
    assert comparisons["comparison_id"].n_unique() == 1 and comparisons.height == 3
    assert comparisons["unit"].to_list() == ["people"] * 3
    assert comparisons["source"].to_list() == ["the disaster agency", "officials", None]
    assert comparisons["disagrees"].all()


def test_people_nouns_of_a_toll_are_one_unit_and_a_toll_without_a_noun_takes_the_most_common():
    figures = _figures(("1" * 16, 1600.0, "exact"), ("2" * 16, 1607.0, "exact"), ("3" * 16, 1600.0, "exact")).with_columns(
        pl.Series("unit", ["others", "people", None]), pl.lit("wounded").alias("category")
    )
    comparisons = compare_figures(figures, ARTICLES)
    assert comparisons["comparison_id"].n_unique() == 1 and comparisons.height == 3
    assert comparisons["unit"].unique().to_list() == ["people"]


def test_amounts_other_than_tolls_are_compared_only_within_one_source():
    figures = _figures(("1" * 16, 95.0, "exact"), ("2" * 16, 90.0, "exact")).with_columns(
        pl.lit("money").alias("category"), pl.lit("USD").alias("unit"), pl.Series("source", ["Goldman Sachs", "Morgan Stanley"])
    )
    assert compare_figures(figures, ARTICLES).is_empty()
    same_source = figures.with_columns(pl.lit("Goldman Sachs").alias("source"))
    assert compare_figures(same_source, ARTICLES).height == 2


def test_figures_from_one_article_or_far_apart_in_size_are_not_compared():
    same_article = _figures(("1" * 16, 704.0, "exact"), ("1" * 16, 727.0, "exact"))
    assert compare_figures(same_article, ARTICLES).is_empty()
    different_scale = _figures(("1" * 16, 10_000.0, "vague"), ("2" * 16, 12_000_000.0, "approximately"))
    assert compare_figures(different_scale, ARTICLES).is_empty()


def test_outlets_are_counted_once_and_unknown_outlets_by_article():
    figures = _figures(("1" * 16, 704.0, "exact"), ("2" * 16, 727.0, "exact"), ("3" * 16, 727.0, "exact"))
    assert compare_figures(figures, ARTICLES)["n_outlets"].to_list() == [3, 3, 3]


def _quotes(*texts: tuple[str, str]) -> pl.DataFrame:
    data = [
        {"article_id": a, "char_start": i, "char_end": i + len(t), "text": t, "quote_id": f"{i:016x}", "speaker_kind": "unknown", "is_fragment": False}
        for i, (a, t) in enumerate(texts)
    ]
    return pl.DataFrame(data, schema=QuoteSchema.empty().schema)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("The situation in north-western Syria is intensifying.", "the situation in northwestern Syria is intensifying", True),
        ("It’s the beginning of the regime’s fall", "It's the beginning of the regime's fall", True),
        ("If Hama falls, it means that the beginning of the regime's fall has started", "If Hama falls, it means that the beginning of the regime's fall", True),
        ("as soon as possible", "Citizens should leave the country as soon as possible, using commercial flights", False),
        ("We will defend Homs to the last man", "We seized the main police department in the city", False),
    ],
)
def test_quote_groups_allow_small_differences_only(first, second, same):
    grouped = group_quotes(_quotes(("1" * 16, first), ("2" * 16, second)), ARTICLES)
    assert (grouped[QuoteSchema.quote_group_id].n_unique() == 1) is same


def test_quotes_in_one_article_are_not_grouped_with_each_other():
    grouped = group_quotes(_quotes(("1" * 16, "as soon as possible"), ("1" * 16, "as soon as possible")), ARTICLES)
    assert grouped[QuoteSchema.quote_group_id].n_unique() == 2


@given(st.text(max_size=200))
def test_comparable_text_is_stable(text):
    once = pl.DataFrame({"t": [text]}).select(comparable_text("t"))["t"][0]
    assert pl.DataFrame({"t": [once]}).select(comparable_text("t"))["t"][0] == once
    assert once == once.strip() and "  " not in once and not set(once) & set("\"'-.,;:!?()“”’‘")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("aB1-_ .,'’‘`´\"“”\n\t#é9x")), max_size=40), max_size=6), st.booleans())
def test_comparable_keys_equal_the_step_by_step_fold(texts, mask_numbers):
    """Marks and spaces folded in one pass, once per distinct text, give what folding each step in turn gives."""
    from flows.link import comparable_keys

    def step_by_step(column):
        expr = (
            pl.col(column).str.normalize("NFKC").str.to_lowercase().str.replace_all(r"[’‘`´]", "'")
            .str.replace_all(r"(\w)-(\w)", "$1$2").str.replace_all(r"[^\w\s]", " ")
        )
        if mask_numbers:
            expr = expr.str.replace_all(r"\d[\d.,]*", "#")
        return expr.str.replace_all(r"\s+", " ").str.strip_chars()

    series = pl.Series("t", texts + texts[:2], dtype=pl.String)
    assert comparable_keys(series, mask_numbers=mask_numbers).to_list() == series.to_frame().select(step_by_step("t"))["t"].to_list()


WORDS = "army rebels city hama aleppo killed displaced talks embassy leave vote poll tax the 2024 al-Assad's".split()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(WORDS), min_size=3, max_size=12),
            st.one_of(st.none(), st.integers(min_value=0, max_value=160).map(lambda quarter: quarter / 4)),
        ),
        min_size=2,
        max_size=30,
    )
)
def test_story_labels_follow_the_rule_as_written(docs):
    """Comparing each day only with the days its window reaches (and the undated), and splitting all loose
    components at once, gives the stories of the rule applied the plain way: every pair compared, each
    component judged and split on its own."""
    import numpy as np

    from flows import link

    docs = sorted(docs, key=lambda d: (d[1] is None, d[1] or 0))
    texts = [" ".join(words) for words, _ in docs]
    days = np.array([np.nan if day is None else float(day) for _, day in docs])
    vectors = _story_vectors(texts)
    asked = []

    def vectors_of(start, stop):
        asked.append((start, stop))
        return vectors[start:stop]

    original = link._BLOCK_ROWS, link.STORY_MAX_ARTICLES, link.STORY_LINKS_PER_ARTICLE
    link._BLOCK_ROWS = 4  # several blocks even for a few documents
    link.STORY_MAX_ARTICLES = 6  # and stories big enough to be split for their size
    link.STORY_LINKS_PER_ARTICLE = 3  # and articles with more links than they keep
    try:
        labels = link.story_labels(days, vectors_of)
        expected = _stories_the_plain_way((vectors @ vectors.T).toarray(), days)
    finally:
        link._BLOCK_ROWS, link.STORY_MAX_ARTICLES, link.STORY_LINKS_PER_ARTICLE = original
    same = lambda labels: labels[:, None] == labels[None, :]  # noqa: E731
    assert (same(labels) == same(expected)).all()
    # each calendar day (and the undated) is asked for once
    assert len(asked) == len(set(asked)) == len({np.floor(d) if not np.isnan(d) else None for d in days})


def _stories_the_plain_way(similarity, days):
    import numpy as np
    from scipy.sparse.csgraph import connected_components

    from flows import link

    near = np.isnan(days[:, None]) | np.isnan(days[None, :]) | (np.abs(days[:, None] - days[None, :]) <= link.STORY_WINDOW_DAYS)
    near = np.triu(near, 1)  # a pair once: from the earlier row to the later
    # each row keeps its STORY_LINKS_PER_ARTICLE most similar links to later rows (ties: the earlier row)
    candidates = near & (similarity >= np.float32(link.STORY_SIMILARITY))
    kept = np.zeros_like(candidates)
    for row in range(len(days)):
        cols = sorted(np.flatnonzero(candidates[row]), key=lambda col: (-similarity[row, col], col))
        kept[row, cols[: link.STORY_LINKS_PER_ARTICLE]] = True
    labels = np.zeros(len(days), dtype=int)
    stories = 0

    def judge(members, threshold):
        nonlocal stories
        linked = (similarity[np.ix_(members, members)] >= np.float32(threshold)) & kept[np.ix_(members, members)]
        for piece in range(connected_components(linked, directed=False)[0]):
            inside = connected_components(linked, directed=False)[1] == piece
            group = members[inside]
            pairs = np.minimum(near[np.ix_(group, group)].sum(axis=1), link.STORY_LINKS_PER_ARTICLE).sum()
            links = linked[np.ix_(inside, inside)].sum()
            if len(group) <= 2 or (links >= link.STORY_DENSITY * pairs and len(group) <= link.STORY_MAX_ARTICLES) or threshold >= 1.0:
                labels[group] = stories
                stories += 1
            else:
                judge(group, round(threshold + link.STORY_STEP, 2))

    judge(np.arange(len(days)), link.STORY_SIMILARITY)
    return labels


def test_a_chain_of_articles_each_like_the_next_is_not_one_story():
    """A beat chains (A like B, B like C, ...) though its ends have nothing in common; a story must hang together."""
    import numpy as np

    from flows import link

    texts = [f"{WORDS[i]} {WORDS[i + 1]} {WORDS[i + 2]}" for i in range(12)]
    vectors = _story_vectors(texts)
    days = np.zeros(len(texts))
    chained = link._components(len(texts), *np.nonzero(np.triu((vectors @ vectors.T).toarray() >= link.STORY_SIMILARITY, 1)))
    assert len(set(chained)) == 1  # single links alone would make one story of all twelve
    labels = link.story_labels(days, lambda start, stop: vectors[start:stop])
    assert np.bincount(labels).max() <= 3


def _story_vectors(texts):
    from flows import link

    terms = link.story_terms(pl.Series(texts, dtype=pl.String))
    return link.story_vectors(terms["terms"], terms["term_counts"])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join), min_size=1, max_size=12))
def test_story_vectors_from_per_batch_counts_equal_scikit_learns_tfidf(texts):
    """Per-batch term counts plus the run's vocabulary and document frequencies give TfidfVectorizer's similarities."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from flows import link

    ours = _story_vectors(texts)
    try:
        theirs = TfidfVectorizer(sublinear_tf=True, stop_words="english", token_pattern=link._STORY_TOKENS).fit_transform(texts)
    except ValueError:  # no word at all: scikit-learn refuses an empty vocabulary
        assert ours.nnz == 0
        return
    np.testing.assert_allclose((ours @ ours.T).toarray(), (theirs @ theirs.T).toarray(), atol=1e-5)


def _partition(labels):
    groups = {}
    for row, label in enumerate(labels):
        groups.setdefault(label, set()).add(row)
    return sorted(sorted(g) for g in groups.values())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["ab", "abc", "abd", "x", "xy", "q"]), st.integers(min_value=0, max_value=3)), min_size=1, max_size=25),
    st.booleans(),
)
def test_grouping_distinct_texts_once_keeps_the_all_pairs_components(rows, across_articles):
    """Linking each distinct text once, through representative rows, gives the groups of comparing every pair of rows."""
    import numpy as np

    from flows import link

    def same_first_letter(texts):  # a symmetric, reflexive link
        return np.array([[a[0] == b[0] for b in texts] for a in texts])

    keys = [k for k, _ in rows]
    articles = np.array([f"a{a}" for _, a in rows], dtype=object)
    src, dst = link._story_links(keys, articles if across_articles else None, lambda texts: np.nonzero(same_first_letter(texts)))
    fast = link._components(len(rows), src, dst)
    every = same_first_letter(keys)
    if across_articles:
        every &= articles[:, None] != articles[None, :]
    i, j = np.nonzero(np.triu(every, k=1))
    slow = link._components(len(rows), i, j)
    assert _partition(fast) == _partition(slow)


_WORDS = ["the", "army", "said", "killed", "people", "in", "aleppo", "727", "704", "a", "town"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=9).map(" ".join), min_size=1, max_size=30))
def test_linking_a_block_of_rows_at_a_time_links_the_same_pairs_as_all_at_once(texts):
    """Scores and word-sharing pairs computed in tiny blocks give the pairs of one all-pairs comparison,
    so bounding memory on a big story changes no group."""
    import numpy as np
    from rapidfuzz import fuzz, process
    from scipy.sparse import csr_matrix

    from flows import link

    def all_at_once(scorer, cutoff):
        return set(zip(*np.nonzero(process.cdist(texts, texts, scorer=scorer, score_cutoff=cutoff) >= cutoff), strict=True))

    def sharing_all_at_once(min_words):
        vocabulary = sorted({w for t in texts for w in t.split()})
        rows = [[int(w in set(t.split())) for w in vocabulary] if len(t.split()) >= min_words else [0] * len(vocabulary) for t in texts]
        incidence = csr_matrix(np.array(rows, dtype=np.float32))
        shared = (incidence @ incidence.T).toarray()
        counts = np.asarray(incidence.sum(axis=1)).ravel()
        keep = (shared >= 0.5 * np.minimum(counts[:, None], counts[None, :])) & (shared > 0) & ~np.eye(len(texts), dtype=bool)
        return set(zip(*np.nonzero(keep), strict=True))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(link, "_BLOCK_CELLS", 7)
        patch.setattr(link, "_SHARING_BLOCK_CELLS", 5)
        blocked = set(zip(*link._scores_at_least(texts, fuzz.ratio, link.QUOTE_SAME), strict=True))
        sharing = set(zip(*link._sharing_words(texts, link.CLAIM_MIN_WORDS), strict=True))
        claim_pairs = link._claim_links(texts)
    assert blocked == all_at_once(fuzz.ratio, link.QUOTE_SAME)
    assert sharing == sharing_all_at_once(link.CLAIM_MIN_WORDS)
    assert set(zip(*claim_pairs, strict=True)) == set(zip(*link._claim_links(texts), strict=True))
    assert all((i, i) in set(zip(*claim_pairs, strict=True)) for i in range(len(texts)))


def test_stop_words_read_from_the_module_file_are_scikit_learns():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from flows.link import english_stop_words

    assert english_stop_words() == sorted(ENGLISH_STOP_WORDS)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.floats(min_value=0.0, max_value=50.0, width=32), max_size=8), min_size=1, max_size=12))
def test_unit_rows_equal_scikit_learns_normalize_bit_for_bit(rows):
    """Stories compare cosines with a threshold: the rows must be scikit-learn's to the last bit."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.preprocessing import normalize

    from flows.link import _unit_rows

    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    values = np.array([v for r in rows for v in r], dtype=np.float32)
    indptr = np.concatenate([[0], np.cumsum(lengths)])
    indices = np.concatenate([np.arange(n) for n in lengths]).astype(np.int64) if len(values) else np.zeros(0, dtype=np.int64)
    theirs = normalize(csr_matrix((values.copy(), indices, indptr), shape=(len(rows), 8)), norm="l2", copy=True)
    ours = _unit_rows(values, lengths)
    assert ours.dtype == np.float32
    np.testing.assert_array_equal(ours, theirs.data)
