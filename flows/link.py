"""Link across outlets: stories, shared quotes, corroborated claims, disagreeing figures.

This stage needs every article of a run at once, so it runs after the batches are
combined. Similarity comes from libraries (scikit-learn TF-IDF for stories,
rapidfuzz for quotes, claims and source names); this module only decides which
pairs count as "the same" and turns the links into deterministic group ids.

Group ids are anchored on the group's earliest member (by publication time, then
id), so articles that arrive in a later run and join an existing group keep its id.
"""

from __future__ import annotations

import functools
import importlib.util
import math
import os
from collections.abc import Callable
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

from flows.ids import stable_id, stable_ids
from schemas import ArticleFeaturesSchema, ArticleSchema, ClaimSchema, FigureComparisonSchema, FigureSchema, QuoteSchema

#: TF-IDF cosine at or above which two articles cover the same story. Measured: the
#: five seed outlets on one event score 0.32-0.51 pairwise among 125 articles (0.19-0.39
#: alone, every seed's best link >= 0.285); other-topic articles score <= 0.12 against
#: them. Articles on one beat (2016 campaign) reach 0.28, so undated ones can merge.
STORY_SIMILARITY = 0.25
#: Articles published further apart than this are never linked directly.
STORY_WINDOW_DAYS = 3.0
#: Share of a story's possible pairs (members published within the window of each other) that must be
#: linked. The five seed outlets on one event link in 8 of 10 pairs (9 of 15 with a later follow-up);
#: the bench corpus's chained beat links in far under 1% of its pairs.
STORY_DENSITY = 1 / 3
#: How much a component that does not hang together raises the similarity its links need, at each split.
STORY_STEP = 0.05
#: A bigger group is split the same way, into its tightest sub-stories: everything linked within a story
#: is linked with the story's rows in memory at once, so this bounds the run-wide step's memory however
#: one-sided a corpus is (20,000 articles cut from the same few reports made one story of them all).
STORY_MAX_ARTICLES = 5000
#: An article keeps its links to at most this many later articles, its most similar: links then grow with
#: the articles, not with the square of a busy day (the 20,000 one-sided articles above made 1.9 GB of them).
STORY_LINKS_PER_ARTICLE = 50
#: Rows per block of the sparse similarity product (bounds memory on big runs).
_BLOCK_ROWS = 512

#: rapidfuzz scores (0-100) for the same quotation / statement.
QUOTE_SAME = 90.0
QUOTE_CONTAINED = 95.0
QUOTE_MIN_WORDS = 4
CLAIM_SAME = 85.0
CLAIM_MIN_WORDS = 5
SOURCE_SAME = 90.0

#: A quantity's reports are split where one value is more than this many times the
#: previous one: "tens of thousands displaced" and "12 million displaced" in one
#: story are different quantities, not a disagreement.
QUANTITY_GAP = 3.0
#: Categories whose figures count what happened to people in a story (a toll), whoever reports them.
EVENT_CATEGORIES = ["killed", "wounded", "displaced", "detained", "released", "affected"]
#: Counted nouns that all mean "people" in a toll.
PEOPLE_UNITS = ["others", "persons", "individuals", "people"]

#: Pairs from which rapidfuzz's threads pay off (most stories compare a handful of sources or quotes).
_PARALLEL_PAIRS = 20_000
#: Cells of one block of pairwise scores: a story's texts are compared a block of rows at a time, so
#: memory stays bounded however many distinct quotes or claims one story has (all pairs at once grow
#: with the square of the largest story).
_BLOCK_CELLS = 4_000_000
#: The same for the sparse word-sharing product, whose cells cost about 40 bytes each on the way
#: (values, indices, coordinates) against 4 for a score.
_SHARING_BLOCK_CELLS = 500_000

#: Texts in, linked pairs out (row indices, column indices; every text linked to itself).
Linker = Callable[[list[str]], tuple[np.ndarray, np.ndarray]]


def comparable_text(column: str, *, mask_numbers: bool = False) -> pl.Expr:
    """Lower-case text with quote marks, hyphens and punctuation folded away.

    "north-western" and "northwestern", curly and straight apostrophes compare equal.
    With ``mask_numbers`` every number becomes "#", so "704 killed" and "727 killed"
    read as the same statement (the figures table shows the disagreement).
    """
    expr = (
        pl.col(column)
        .str.normalize("NFKC")
        .str.to_lowercase()
        .str.replace_all(r"(\w)-(\w)", "$1$2")
        .str.replace_all(r"(?:[^\w\s]|\s)+", " ")  # every run of marks and spaces: one space
    )
    if mask_numbers:
        expr = expr.str.replace_all(r"\d+", "#")
    return expr.str.strip_chars()


def comparable_keys(texts: pl.Series, *, mask_numbers: bool = False) -> pl.Series:
    """``comparable_text`` of each text, computed once per distinct text: wire copy repeats one
    statement across many outlets."""
    distinct = texts.unique().to_frame().with_columns(comparable_text(texts.name, mask_numbers=mask_numbers).alias("__key"))
    return texts.to_frame().join(distinct, on=texts.name, how="left", maintain_order="left", nulls_equal=True)["__key"]


def _anchored_ids(labels: np.ndarray, order: pl.DataFrame, id_column: str, prefix: str) -> pl.Series:
    """One id per connected component, derived from its first member in ``order``'s row order."""
    frame = order.select(pl.col(id_column)).with_columns(pl.Series("__label", labels)).with_row_index("__pos")
    anchors = frame.group_by("__label").agg(pl.col(id_column).sort_by("__pos").first().alias("__anchor"))
    anchors = anchors.with_columns(  # one hash per group, not per row
        pl.Series("__group_id", stable_ids(prefix, anchors["__anchor"]), dtype=pl.String)
    )
    return frame.join(anchors, on="__label", how="left").sort("__pos")["__group_id"]


def _components(n: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


# -- stories -----------------------------------------------------------------


#: Words of a story's vocabulary: letters first, so numbers and dates do not tie articles together.
_STORY_TOKENS = r"(?u)\b[^\W\d_][\w'-]+\b"


def story_terms(texts: pl.Series) -> pl.DataFrame:
    """Each text's distinct terms (64-bit hashes, sorted) and their counts, in the texts' order: the per-article part of
    the stories' TF-IDF, which needs no other article and so is computed with the batch (the IDF, which
    needs the run, is not). Tokens and stop words are those of TfidfVectorizer(stop_words="english")."""
    docs = texts.to_frame(ArticleSchema.text).with_row_index("__doc")
    counted = (
        docs.select("__doc", pl.col(ArticleSchema.text).str.to_lowercase().str.extract_all(_STORY_TOKENS).alias(ArticleFeaturesSchema.terms))
        .explode(ArticleFeaturesSchema.terms)
        .drop_nulls(ArticleFeaturesSchema.terms)
        .filter(~pl.col(ArticleFeaturesSchema.terms).is_in(english_stop_words()))
        .group_by("__doc", ArticleFeaturesSchema.terms)
        .len(ArticleFeaturesSchema.term_counts)
        .with_columns(pl.col(ArticleFeaturesSchema.terms).hash(seed=0))  # the code version covers polars' version, so cached hashes match
        .sort("__doc", ArticleFeaturesSchema.terms)
        .group_by("__doc", maintain_order=True)
        .agg(ArticleFeaturesSchema.terms, pl.col(ArticleFeaturesSchema.term_counts).cast(pl.UInt32))
    )
    return (
        docs.select("__doc")
        .join(counted, on="__doc", how="left", maintain_order="left")
        .select(
            pl.col(ArticleFeaturesSchema.terms).fill_null(pl.lit([], pl.List(pl.UInt64))),
            pl.col(ArticleFeaturesSchema.term_counts).fill_null(pl.lit([], pl.List(pl.UInt32))),
        )
    )


@functools.cache
def english_stop_words() -> list[str]:
    """scikit-learn's English stop words (those of TfidfVectorizer(stop_words="english")), sorted.

    Read from its module file: importing scikit-learn itself takes 1.5 s here, once per batch
    worker and once in the run-wide step, for one constant.
    """
    spec = importlib.util.find_spec("sklearn")  # finds the package without running it
    path = Path(spec.submodule_search_locations[0]) / "feature_extraction" / "_stop_words.py" if spec and spec.submodule_search_locations else None
    if path is None or not path.is_file():  # a layout this code does not know: import it the usual way
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        return sorted(ENGLISH_STOP_WORDS)
    module = importlib.util.module_from_spec(importlib.util.spec_from_file_location("_newsfacts_stop_words", path))
    module.__spec__.loader.exec_module(module)
    return sorted(module.ENGLISH_STOP_WORDS)


def term_frequencies(terms: pl.Series) -> pl.DataFrame:
    """How many rows hold each term (a row's terms are distinct): the document frequencies, for one share
    of a run; shares add up (``StoryWeights.from_frequencies`` sums them)."""
    flat = terms.explode(empty_as_null=False).drop_nulls()
    return flat.value_counts(name="df").rename({flat.name: "term"}).cast({"df": pl.Int64})


@dataclass(frozen=True)
class StoryWeights:
    """A run's story vocabulary (sorted term hashes) and each term's IDF, as scikit-learn's TfidfVectorizer
    computes it (smoothed): what turns an article's term counts into its TF-IDF row."""

    vocabulary: np.ndarray
    idf: np.ndarray

    @classmethod
    def from_frequencies(cls, frequencies: pl.DataFrame, documents: int) -> StoryWeights:
        summed = frequencies.group_by("term").agg(pl.col("df").sum()).sort("term")
        df = summed["df"].to_numpy().astype(np.float64)
        return cls(summed["term"].to_numpy(), np.log((1.0 + documents) / (1.0 + df)) + 1.0)

    def vectors(self, terms: pl.Series, term_counts: pl.Series) -> csr_matrix:
        """Unit-length TF-IDF rows (sublinear tf), in the vocabulary's column order."""
        lengths = terms.list.len().to_numpy().astype(np.int64)
        indices = np.searchsorted(self.vocabulary, terms.explode(empty_as_null=False).to_numpy())
        weights = 1.0 + np.log(term_counts.explode(empty_as_null=False).to_numpy().astype(np.float64))
        weights *= self.idf[indices]
        indptr = np.concatenate([[0], np.cumsum(lengths)])
        shape = (len(lengths), max(len(self.vocabulary), 1))
        return csr_matrix((_unit_rows(weights.astype(np.float32), lengths), indices, indptr), shape=shape)


def story_vectors(terms: pl.Series, term_counts: pl.Series) -> csr_matrix:
    """TF-IDF rows as scikit-learn's TfidfVectorizer makes them (sublinear tf, smoothed idf, unit length),
    with the vocabulary and document frequencies of these rows."""
    return StoryWeights.from_frequencies(term_frequencies(terms), len(terms)).vectors(terms, term_counts)


def _unit_rows(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each row's values divided by the row's L2 norm, computed as scikit-learn's ``normalize`` does
    (float32 squares summed in float64, in order; empty rows untouched), without importing it."""
    rows = np.repeat(np.arange(len(lengths)), lengths)
    norms = np.sqrt(np.bincount(rows, weights=values * values, minlength=len(lengths)))
    norms[norms == 0.0] = 1.0
    return (values / norms[rows]).astype(np.float32)


def day_numbers(published_at: pl.Expr) -> pl.Expr:
    """Days since 1970 as a float (null when undated): the time axis of story windows."""
    return published_at.dt.epoch("s").cast(pl.Float64) / 86400.0


#: Rows of ``days`` (start, stop) in, their TF-IDF rows out.
VectorLoader = Callable[[int, int], csr_matrix]


def story_labels(days: np.ndarray, vectors_of: VectorLoader) -> np.ndarray:
    """A story label per row of ``days`` (rows in date order, undated last).

    Two articles are linked when their TF-IDF cosine reaches STORY_SIMILARITY and they are published within
    STORY_WINDOW_DAYS (or either is undated); ``split_stories`` turns the links into stories. Rows are asked of
    ``vectors_of`` a calendar day at a time, and only the days a window spans are held with the undated rows,
    so a run need not hold every article's vector at once.
    """
    n = len(days)
    undated_from = int(np.searchsorted(np.isnan(days), True))
    keys = np.floor(days[:undated_from]).astype(np.int64)
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]])) if undated_from else np.zeros(0, dtype=np.int64)
    spans = list(zip(starts.tolist(), [*starts[1:].tolist(), undated_from][: len(starts)], strict=True))
    undated = _Held(vectors_of(undated_from, n), undated_from) if undated_from < n else None
    reach = math.ceil(STORY_WINDOW_DAYS)
    held: dict[int, _Held] = {}
    found: list[_Links] = []
    for first, (start, _) in enumerate(spans):
        last = first
        while last + 1 < len(spans) and keys[spans[last + 1][0]] <= keys[start] + reach:
            last += 1
        held = {i: held[i] if i in held else _Held(vectors_of(*spans[i]), spans[i][0]) for i in range(first, last + 1)}
        window = [held[i] for i in range(first, last + 1)] + ([undated] if undated is not None else [])
        found.append(_similar_pairs(held[first], window, days))
    if undated is not None:
        found.append(_similar_pairs(undated, [undated], days))
    return split_stories(days, _Links.concat(found))


class _Held(NamedTuple):
    """TF-IDF rows of consecutive positions, from position ``first`` on."""

    vectors: csr_matrix
    first: int


class _Links(NamedTuple):
    """Linked pairs of rows (each pair once) and their cosine."""

    rows: np.ndarray
    cols: np.ndarray
    similarity: np.ndarray

    @classmethod
    def concat(cls, parts: list[_Links]) -> _Links:
        empty = cls(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        return cls(*(np.concatenate([getattr(part, field) for part in [empty, *parts]]) for field in cls._fields))


def _similar_pairs(rows: _Held, candidates: list[_Held], days: np.ndarray) -> _Links:
    """(row, candidate) positions of pairs similar enough and close enough in time, each pair once
    (the candidate after the row). A block of rows is compared with the candidates from its first row
    up to the last one its window reaches, not with every candidate held."""

    count = rows.vectors.shape[0]
    workers = os.cpu_count() or 1
    size = max(1, min(_BLOCK_ROWS, math.ceil(count / workers)))  # a day's rows in as many blocks as cores, at least

    def block_pairs(start: int) -> _Links:
        stop = min(start + size, count)
        block = rows.vectors[start:stop]
        first_row, last_day = rows.first + start, days[rows.first + stop - 1]
        found: list[_Links] = []
        for other in candidates:
            low, high = max(0, first_row - other.first), other.vectors.shape[0]
            if not np.isnan(last_day) and not np.isnan(days[other.first]):
                high = int(np.searchsorted(days[other.first:other.first + high], last_day + STORY_WINDOW_DAYS, side="right"))
            if low >= high:
                continue
            product = (block @ other.vectors[low:high].T).tocoo()
            row, col = product.row.astype(np.int32) + first_row, product.col.astype(np.int32) + other.first + low  # 12 bytes a link
            keep = (product.data >= STORY_SIMILARITY) & (col > row)
            row, col, similarity = row[keep], col[keep], product.data[keep].astype(np.float32)
            apart = np.abs(days[row] - days[col])
            near = np.isnan(apart) | (apart <= STORY_WINDOW_DAYS)
            found.append(_Links(row[near], col[near], similarity[near]))
        return _strongest(_Links.concat(found))

    with ThreadPoolExecutor(max_workers=workers) as pool:  # scipy's sparse product releases the GIL
        return _Links.concat(list(pool.map(block_pairs, range(0, count, size))))


def _strongest(links: _Links) -> _Links:
    """Each row's STORY_LINKS_PER_ARTICLE most similar links (ties: the earlier article)."""
    order = np.lexsort((links.cols, -links.similarity, links.rows))
    rows = links.rows[order]
    starts = np.flatnonzero(np.concatenate([[True], rows[1:] != rows[:-1]])) if len(rows) else np.zeros(0, dtype=np.int64)
    rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.concatenate([starts, [len(rows)]])))
    keep = order[rank < STORY_LINKS_PER_ARTICLE]
    return _Links(links.rows[keep], links.cols[keep], links.similarity[keep])


def split_stories(days: np.ndarray, links: _Links) -> np.ndarray:
    """Stories from the links: the connected articles, as long as they hang together.

    Linked pairs alone chain: on a busy beat, A is like B, B like C, and a single-link component grows to
    every article of the beat (3,774 of 20,000 in the bench corpus; 67,094 of 100,000), which no analyst
    would call one story and no figure comparison can use. So a component is a story only while its
    members are linked in at least STORY_DENSITY of the pairs that could be (published within the window
    of each other, at most STORY_LINKS_PER_ARTICLE from each article to later ones) and it holds at most
    STORY_MAX_ARTICLES; a component that does not is split where its links are weakest: its links below the
    next step of STORY_STEP are dropped and its pieces judged again. Two linked articles are always a story.
    """
    n = len(days)
    labels = np.full(n, -1, dtype=np.int64)
    active = np.ones(n, dtype=bool)
    threshold = STORY_SIMILARITY
    while active.any():
        keep = active[links.rows] & (links.similarity >= np.float32(threshold))
        rows, cols = links.rows[keep], links.cols[keep]
        component = _components(n, rows, cols)
        linked = np.bincount(component[rows], minlength=n)
        members = np.bincount(component[active], minlength=n)
        possible = _pairs_in_window(component, active, days)
        dense = (linked >= STORY_DENSITY * possible) & (members <= STORY_MAX_ARTICLES)
        settled = (members <= 2) | dense | (threshold >= 1.0)
        done = active & settled[component]
        labels[done] = component[done] + n * int(round(threshold * 100))  # distinct across steps
        active &= ~done
        threshold = round(threshold + STORY_STEP, 2)
    return np.unique(labels, return_inverse=True)[1]


def _pairs_in_window(component: np.ndarray, active: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Per component, the links its active members could have: from each member to the later members (in
    row order) published within STORY_WINDOW_DAYS of it, or undated, at most STORY_LINKS_PER_ARTICLE."""
    n = len(component)
    rows = np.flatnonzero(active)
    rows = rows[np.argsort(component[rows], kind="stable")]  # by component, then row: dated by day, undated last
    group = component[rows]
    undated = np.isnan(days[rows])
    later = np.zeros(len(rows), dtype=np.int64)
    if (~undated).any():
        day = days[rows[~undated]]
        span = float(day.max() - day.min()) + 2 * STORY_WINDOW_DAYS + 1
        key = group[~undated] * span + (day - day.min())  # sorted: components apart by more than a window
        later[~undated] = np.searchsorted(key, key + STORY_WINDOW_DAYS, side="right") - np.arange(len(key)) - 1
    undated_in = np.bincount(group[undated], minlength=n)
    later[~undated] += undated_in[group[~undated]]
    undated_group = group[undated]
    rank = np.arange(len(undated_group)) - np.searchsorted(undated_group, undated_group, side="left")
    later[undated] = undated_in[undated_group] - 1 - rank
    return np.bincount(group, weights=np.minimum(later, STORY_LINKS_PER_ARTICLE), minlength=n)


def assign_stories(articles: pl.DataFrame, features: pl.DataFrame | None = None) -> pl.DataFrame:
    """``story_id`` for every article: similar content, published close in time.

    ``features`` (``ArticleFeaturesSchema``, computed with each batch) supplies the term counts;
    without it they are computed here.
    """
    if articles.is_empty():
        return articles.with_columns(pl.lit(None, pl.String).alias(ArticleSchema.story_id))
    # ids, times and texts' keys only: the articles themselves (their text) are not sorted and sorted back
    needed = [ArticleSchema.article_id, ArticleSchema.published_at, ArticleSchema.text if features is None else ArticleFeaturesSchema.content_sha256]
    ordered = story_order(articles.select(needed).with_row_index("__input"))
    if features is None:
        terms = story_terms(ordered[ArticleSchema.text])
    else:
        key = ArticleFeaturesSchema.content_sha256
        terms = ordered.select(key).join(features, on=key, how="left", maintain_order="left")
    vectors = story_vectors(terms[ArticleFeaturesSchema.terms], terms[ArticleFeaturesSchema.term_counts])
    labels = story_labels(ordered.select(day_numbers(pl.col(ArticleSchema.published_at))).to_series().to_numpy(), lambda start, stop: vectors[start:stop])
    in_input_order = ordered.select("__input", story_ids(ordered, labels)).sort("__input")
    return articles.with_columns(in_input_order[ArticleSchema.story_id])


def story_order(articles: pl.DataFrame) -> pl.DataFrame:
    """Articles in the order stories are found and anchored: by publication time (undated last), then id."""
    return articles.sort(ArticleSchema.published_at, ArticleSchema.article_id, nulls_last=True)


def story_ids(ordered: pl.DataFrame, labels: np.ndarray) -> pl.Series:
    """``story_id`` per row of ``story_order``'s frame, anchored on each story's first article."""
    return _anchored_ids(labels, ordered, ArticleSchema.article_id, "story").alias(ArticleSchema.story_id)


# -- quotes and claims -------------------------------------------------------


def _workers(pairs: int) -> int:
    """All cores for big comparisons; one for small ones, where starting threads costs more than it saves."""
    return -1 if pairs >= _PARALLEL_PAIRS else 1


def _row_blocks(rows: int, columns: int, cells: int = _BLOCK_CELLS) -> list[tuple[int, int]]:
    """(start, end) of blocks of ``rows`` of at most ``cells`` cells each."""
    step = max(1, cells // max(columns, 1))
    return [(start, min(start + step, rows)) for start in range(0, rows, step)]


def _union(n: int, *pairs: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs of several lists, in row-major order."""
    keys = np.unique(np.concatenate([rows.astype(np.int64) * n + cols for rows, cols in pairs]))
    return keys // n, keys % n


def _scores_at_least(texts: list[str], scorer: Callable, cutoff: float) -> tuple[np.ndarray, np.ndarray]:
    """All pairs scoring ``cutoff`` or more; the cutoff lets rapidfuzz skip pairs it cannot reach (by length)."""
    rows, cols = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    workers = _workers(len(texts) ** 2)
    for start, end in _row_blocks(len(texts), len(texts)):
        block = process.cdist(texts[start:end], texts, scorer=scorer, score_cutoff=cutoff, workers=workers)
        block_rows, block_cols = np.nonzero(block >= cutoff)
        rows.append(block_rows + start)
        cols.append(block_cols)
    return np.concatenate(rows), np.concatenate(cols)


def _quote_links(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Same quotation: nearly equal, or one a trimmed copy of the other."""
    rows, cols = _sharing_words(texts, QUOTE_MIN_WORDS)
    lengths = np.array([len(t) for t in texts], dtype=np.float64)
    comparable = np.minimum(lengths[rows], lengths[cols]) >= 0.5 * np.maximum(lengths[rows], lengths[cols])
    rows, cols = rows[comparable], cols[comparable]
    contained = _pair_scores(texts, rows, cols, fuzz.partial_ratio, QUOTE_CONTAINED) >= QUOTE_CONTAINED
    return _union(len(texts), _scores_at_least(texts, fuzz.ratio, QUOTE_SAME), (rows[contained], cols[contained]))


def _claim_links(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Same statement: the same content words, in order or as a subset of a longer report."""
    # token_sort_ratio is ratio over the sorted words; sorting once per text, not once per pair, is 10x faster
    similar = _scores_at_least([" ".join(sorted(t.split())) for t in texts], fuzz.ratio, CLAIM_SAME)
    rows, cols = _sharing_words(texts, CLAIM_MIN_WORDS)
    subset = _pair_scores(texts, rows, cols, fuzz.token_set_ratio, CLAIM_SAME) >= CLAIM_SAME
    return _union(len(texts), similar, (rows[subset], cols[subset]))


def _sharing_words(texts: list[str], min_words: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of texts of ``min_words`` words or more where at least half of the shorter one's distinct words
    are in the other: the only pairs a subset or trimmed-copy test can link, found with a sparse product
    (a block of rows at a time: common words make it nearly dense) instead of a fuzzy score for every pair."""
    vocabulary: dict[str, int] = {}
    split = [t.split() for t in texts]
    words = [{vocabulary.setdefault(w, len(vocabulary)) for w in ws} if len(ws) >= min_words else set() for ws in split]
    counts = np.array([len(w) for w in words], dtype=np.int64)
    indices = np.fromiter((i for w in words for i in sorted(w)), dtype=np.int64, count=int(counts.sum()))
    indptr = np.concatenate([[0], np.cumsum(counts)])
    incidence = csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(texts), len(vocabulary)))
    transposed = incidence.T.tocsr()
    rows, cols = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for start, end in _row_blocks(len(texts), len(texts), _SHARING_BLOCK_CELLS):
        shared = (incidence[start:end] @ transposed).tocoo()
        row = shared.row.astype(np.int64) + start
        col = shared.col.astype(np.int64)
        keep = (row != col) & (shared.data >= 0.5 * np.minimum(counts[row], counts[col]))
        rows.append(row[keep])
        cols.append(col[keep])
    return np.concatenate(rows), np.concatenate(cols)


def _pair_scores(texts: list[str], rows: np.ndarray, cols: np.ndarray, scorer: Callable, cutoff: float) -> np.ndarray:
    if not len(rows):
        return np.zeros(0, dtype=np.float32)
    return process.cpdist([texts[i] for i in rows], [texts[j] for j in cols], scorer=scorer, score_cutoff=cutoff, workers=_workers(len(rows)))


def _source_links(names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Same source: one name's words contain the other's ("army" / "Syrian army")."""
    return _scores_at_least(names, fuzz.token_set_ratio, SOURCE_SAME)


def _group_within_stories(rows: pl.DataFrame, key: str, linked: Linker, *, across_articles: bool = True) -> np.ndarray:
    """Component labels for ``rows`` (story_id, ``key``, article_id; sorted by story), linking rows of one story only.

    With ``across_articles`` two rows of the same article are never linked directly.
    """
    edge_rows, edge_cols = [], []
    story_id = ArticleSchema.story_id
    linkable = pl.len().over(story_id) >= 2
    if across_articles:
        linkable &= pl.col(ArticleSchema.article_id).n_unique().over(story_id) >= 2
    positions = rows.with_row_index("__pos").filter(linkable)  # most stories are one article: no slice for them
    runs = positions[story_id].rle_id().to_numpy()
    starts = np.flatnonzero(np.concatenate([[True], runs[1:] != runs[:-1]])) if len(runs) else np.zeros(0, dtype=np.int64)
    if len(starts) != positions[story_id].n_unique():
        msg = "rows must be sorted by story_id"
        raise ValueError(msg)
    # each story is a run of rows: slices of whole columns, not one sub-frame per story
    keys, pos = positions[key].to_list(), positions["__pos"].to_numpy()
    articles = positions[ArticleSchema.article_id].to_numpy() if across_articles else None
    bounds = [*starts.tolist(), len(runs)]
    for start, end in zip(bounds[:-1], bounds[1:], strict=True):
        src, dst = _story_links(keys[start:end], articles[start:end] if articles is not None else None, linked)
        edge_rows.append(pos[start:end][src])
        edge_cols.append(pos[start:end][dst])
    empty = np.array([], dtype=np.int64)
    return _components(
        rows.height,
        np.concatenate(edge_rows) if edge_rows else empty,
        np.concatenate(edge_cols) if edge_cols else empty,
    )


def _story_links(keys: list[str], articles: np.ndarray | None, linked: Linker) -> tuple[np.ndarray, np.ndarray]:
    """Edges between rows whose keys are linked (and, given ``articles``, whose articles differ), with the
    components of the all-pairs graph but far fewer edges.

    Wire copy repeats one quotation across many outlets: keys are compared once per distinct text, and a
    row is joined to one representative row of each linked key (its first row, or the first row of
    another article when the first shares the row's article). Every row of a key spanning two
    articles is connected to both representatives, so no component of the all-pairs graph is split.
    """
    index: dict[str, int] = {}
    of_row = np.fromiter((index.setdefault(k, len(index)) for k in keys), dtype=np.int64, count=len(keys))
    pair_key, pair_target = linked(list(index))
    if articles is None and len(index) == len(keys):
        return pair_key, pair_target  # distinct keys, any two rows may link: the key links are the row links
    rows = np.arange(len(keys))
    first = np.unique(of_row, return_index=True)[1]
    article = np.unique(articles, return_inverse=True)[1] if articles is not None else np.zeros(len(keys), dtype=np.int64)
    other = np.full(len(index), -1, dtype=np.int64)  # first row of the key from an article other than its first row's
    elsewhere = rows[article != article[first[of_row]]]
    found, at = np.unique(of_row[elsewhere], return_index=True)
    other[found] = elsewhere[at]
    # every (row, linked key) pair: the rows of key k, once per key that k links to
    by_key = np.argsort(of_row, kind="stable")
    bounds = np.searchsorted(of_row[by_key], np.arange(len(index) + 1))
    sizes = (bounds[1:] - bounds[:-1])[pair_key]
    pair = np.repeat(np.arange(len(pair_key)), sizes)
    offset = np.arange(len(pair)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    members = by_key[bounds[pair_key][pair] + offset]
    targets = pair_target[pair]
    representatives = first[targets]
    if articles is not None:
        representatives = np.where(article[members] == article[representatives], other[targets], representatives)
    keep = representatives >= 0
    return members[keep], representatives[keep]


def _with_article_context(frame: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    context = articles.select(
        ArticleSchema.article_id, ArticleSchema.story_id, ArticleSchema.published_at, ArticleSchema.outlet,
        ArticleSchema.duplicate_of,
        pl.coalesce(ArticleSchema.outlet, ArticleSchema.article_id).alias("__outlet_key"),
    )
    return frame.with_row_index("__input").join(context, on=ArticleSchema.article_id, how="left")


def _grouped(frame: pl.DataFrame, articles: pl.DataFrame, *, id_column: str, key: pl.Series, linked: Linker, prefix: str) -> pl.DataFrame:
    """One slim row per row of ``frame`` (its id, ``__input`` position, article context) in story order,
    with ``__group`` set. Only the key is carried, not the rows' text and other columns: sorting the
    whole table twice held several copies of it."""
    rows = (
        _with_article_context(frame.select(id_column, ArticleSchema.article_id, "char_start").with_columns(key.alias("__key")), articles)
        .sort(ArticleSchema.story_id, ArticleSchema.published_at, ArticleSchema.article_id, "char_start", nulls_last=True)
    )
    labels = _group_within_stories(rows, "__key", linked)
    return rows.drop("__key").with_columns(_anchored_ids(labels, rows, id_column, prefix).alias("__group"))


def group_quotes(quotes: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """``quote_group_id``: the same quotation across the articles of a story."""
    if quotes.is_empty():
        return quotes
    rows = _grouped(quotes, articles, id_column=QuoteSchema.quote_id, key=comparable_keys(quotes[QuoteSchema.text]), linked=_quote_links, prefix="quote-group")
    return quotes.with_columns(rows.sort("__input")["__group"].alias(QuoteSchema.quote_group_id))


def group_claims(claims: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """``claim_group_id`` and ``n_outlets``: the same statement across the articles of a story."""
    if claims.is_empty():
        return claims
    rows = _grouped(claims, articles, id_column=ClaimSchema.claim_id, key=comparable_keys(claims[ClaimSchema.text], mask_numbers=True), linked=_claim_links, prefix="claim-group")
    rows = rows.select(
        "__input",
        pl.col("__group").alias(ClaimSchema.claim_group_id),
        pl.col("__outlet_key").filter(pl.col(ArticleSchema.duplicate_of).is_null()).n_unique().over("__group").clip(1).alias(ClaimSchema.n_outlets),
    ).sort("__input")
    return claims.with_columns(rows[ClaimSchema.claim_group_id], rows[ClaimSchema.n_outlets])


# -- figures -----------------------------------------------------------------


def _source_keys(figures: pl.DataFrame) -> pl.Series:
    """One key per source within a story: "the Observatory" variants collapse to the fullest name."""
    named = (
        figures.select(ArticleSchema.story_id, FigureSchema.source)
        .filter(pl.col(FigureSchema.source).is_not_null())
        .unique()
        .with_columns(comparable_text(FigureSchema.source).str.replace(r"^the ", "").alias("__key"))
        .sort(ArticleSchema.story_id, pl.col(FigureSchema.source).str.len_chars(), FigureSchema.source, descending=[False, True, False])
    )
    labels = _group_within_stories(named, "__key", _source_links, across_articles=False)
    named = named.with_columns(pl.Series("__label", labels)).with_columns(
        pl.col(FigureSchema.source).first().over(ArticleSchema.story_id, "__label").alias("__source_key")
    )
    joined = figures.join(named.select(ArticleSchema.story_id, FigureSchema.source, "__source_key"), on=[ArticleSchema.story_id, FigureSchema.source], how="left", nulls_equal=False)
    return joined["__source_key"]


def _plausible_range() -> tuple[pl.Expr, pl.Expr]:
    """The interval of true values each report allows ("more than 700": 700 to infinity)."""
    value, high, qualifier = pl.col(FigureSchema.value), pl.col(FigureSchema.value_high), pl.col(FigureSchema.qualifier)
    low = (
        pl.when(qualifier == "at_most").then(0.0)
        .when(qualifier == "approximately").then(value * 0.9)
        .otherwise(value)
    )
    top = (
        pl.when(qualifier == "at_least").then(float("inf"))
        .when(qualifier == "approximately").then(value * 1.1)
        .when(qualifier == "range").then(pl.coalesce(high, value))
        .when(qualifier == "vague").then(value * 10.0)
        .otherwise(value)
    )
    return low, top


def compare_figures(figures: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """Every value of each quantity that two or more articles of a story report."""
    empty = FigureComparisonSchema.empty()
    rows = _with_article_context(figures, articles).filter(pl.col(ArticleSchema.duplicate_of).is_null())
    if rows.is_empty():
        return empty
    event = pl.col(FigureSchema.category).is_in(EVENT_CATEGORIES)
    unit = pl.col(FigureSchema.unit).str.to_lowercase().replace(PEOPLE_UNITS, "people")  # "1,600 others", "1,607 people injured"
    # a toll without its noun ("the death toll rose to 38") counts what most of the story's tolls of its kind count
    story_unit = unit.drop_nulls().mode().sort().first().over(ArticleSchema.story_id, FigureSchema.category)
    rows = rows.with_columns(_source_keys(rows).alias("__source_key")).with_columns(
        pl.when(event & unit.is_null()).then(story_unit).otherwise(unit).alias("__unit"),
        # a toll is one quantity whoever gives it (the ministry's 41 and the agency's 38 killed disagree); other
        # amounts are one quantity only from one source ("$95 a barrel" and "$83 a barrel" are different prices)
        pl.when(event).then(None).otherwise(pl.col("__source_key")).alias("__quantity_source"),
    )
    quantity = [ArticleSchema.story_id, FigureSchema.category, "__unit", "__quantity_source"]
    rows = rows.sort(*quantity, FigureSchema.value, nulls_last=True).with_columns(
        (pl.col(FigureSchema.value) > QUANTITY_GAP * pl.col(FigureSchema.value).shift(1).over(quantity))
        .fill_null(False)
        .cum_sum()
        .over(quantity)
        .alias("__band")
    )
    measured = [*quantity, "__band"]
    low, top = _plausible_range()
    rows = rows.with_columns(
        pl.col(ArticleSchema.article_id).n_unique().over(measured).alias(FigureComparisonSchema.n_articles),
    ).filter(pl.col(FigureComparisonSchema.n_articles) >= 2)
    if rows.is_empty():
        return empty
    rows = rows.with_columns(
        pl.col("__outlet_key").n_unique().over(measured).alias(FigureComparisonSchema.n_outlets),
        pl.col(FigureSchema.value).min().over(measured).alias(FigureComparisonSchema.min_value),
        pl.coalesce(FigureSchema.value_high, FigureSchema.value).max().over(measured).alias(FigureComparisonSchema.max_value),
        (low.max().over(measured) > top.min().over(measured)).alias(FigureComparisonSchema.disagrees),
        pl.col(FigureSchema.figure_id)
        .sort_by(ArticleSchema.published_at, ArticleSchema.article_id, "char_start", nulls_last=True)
        .first()
        .over(measured)
        .alias("__anchor"),
        pl.col("__source_key").alias(FigureComparisonSchema.source),
        pl.when(pl.col("__unit") == "people")
        .then(pl.lit("people"))
        .otherwise(pl.col(FigureSchema.unit).drop_nulls().first().over(measured))
        .alias(FigureComparisonSchema.unit),
    )
    identity = [ArticleSchema.story_id, FigureSchema.category, "__unit", "__quantity_source", "__anchor"]
    quantities = rows.select(identity).unique()  # one hash per quantity, not per reported value
    quantities = quantities.with_columns(
        pl.Series(FigureComparisonSchema.comparison_id, [stable_id("figure-comparison", *key) for key in quantities.iter_rows()], dtype=pl.String)
    )
    rows = rows.join(quantities, on=identity, how="left", nulls_equal=True, maintain_order="left").with_columns(
        (pl.col(FigureComparisonSchema.max_value) - pl.col(FigureComparisonSchema.min_value)).alias(FigureComparisonSchema.spread),
    ).with_columns(
        pl.when(pl.col(FigureComparisonSchema.max_value) > 0)
        .then(pl.col(FigureComparisonSchema.spread) / pl.col(FigureComparisonSchema.max_value))
        .otherwise(0.0)
        .alias(FigureComparisonSchema.relative_spread),
    )
    columns = list(empty.columns)
    return rows.sort(ArticleSchema.story_id, FigureComparisonSchema.comparison_id, ArticleSchema.published_at, ArticleSchema.article_id, "char_start", nulls_last=True).select(columns)


def link_within_stories(tables: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Quote and claim groups and figure comparisons, for articles whose ``story_id`` is set.

    Nothing here links two stories, so any set of whole stories can be linked on its own.
    """
    linked = dict(tables)
    articles = tables["articles"]
    # independent of each other; much of each runs in polars, rapidfuzz and numpy, outside the GIL
    with ThreadPoolExecutor(max_workers=3) as pool:
        claims = pool.submit(group_claims, tables["claims"], articles)
        quotes = pool.submit(group_quotes, tables["quotes"], articles)
        comparisons = pool.submit(compare_figures, tables["figures"], articles)
        linked["quotes"], linked["claims"], linked["figure_comparisons"] = quotes.result(), claims.result(), comparisons.result()
    return linked
