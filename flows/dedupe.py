"""Duplicates: exact copies and lightly edited copies of one article count once.

Exact copies share the hash of their normalized text. Near copies (the same story
from two feeds with a changed headline, a dropped paragraph, a fixed typo) are found
with MinHash LSH over word 3-shingles (datasketch) and confirmed by the shingles'
Jaccard similarity. The first copy in (source_path, source_id) order is the original;
later copies keep their row in ``articles`` with ``duplicate_of`` set and contribute
no quotes, claims or figures.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np
import polars as pl

from flows.ids import stable_id
from schemas import ArticleFeaturesSchema, ArticleSchema

#: Jaccard similarity of word 3-shingles at or above which two articles are one story copy.
NEAR_DUPLICATE_SIMILARITY = 0.8
SHINGLE_WORDS = 3
#: Shorter texts (briefs, single sentences) are compared exactly only: in a few words, a
#: "light edit" is often a different statement ("from 4.8 to 4.7 percent" vs "4.8 percent to 4.7").
MIN_WORDS = 50
_NUM_PERM = 128
_SEED = 1
#: datasketch's multiply-add permutations over 32-bit values (no modulo): its fastest exact scheme.
_SCHEME = "affine32"
#: Distinct shingles of a MIN_WORDS-word text.
_MIN_SHINGLES = MIN_WORDS - SHINGLE_WORDS + 1
#: LSH finds candidates at a lower similarity than the confirmed one, so that few true
#: near copies are missed by chance; the exact Jaccard check removes the extra candidates.
_CANDIDATE_SIMILARITY = 0.5


#: Rows of ``articles`` in, their texts out: lets a caller keep texts on disk until a near copy needs them.
TextLoader = Callable[[pl.DataFrame], list[str]]


def mark_duplicates(articles: pl.DataFrame, bands: pl.Series | None = None, texts: TextLoader | None = None) -> pl.DataFrame:
    """Exact copies get their own id and point ``duplicate_of`` at the first; then near copies.

    ``bands`` are the rows' LSH band keys (``lsh_bands`` of the MinHash signatures computed with each
    batch); without them they are computed here. ``texts`` loads the texts of candidate near copies
    where ``articles`` holds no text column.
    """
    if bands is None:
        bands = lsh_bands(minhash_signatures(articles))
    ordered = articles.with_columns(bands.alias(_BANDS)).sort(ArticleSchema.source_path, ArticleSchema.source_id)
    first_seen = pl.col(ArticleSchema.article_id).cum_count().over(ArticleSchema.article_id) == 1
    exact = ordered.with_columns(
        pl.when(first_seen).then(None).otherwise(pl.col(ArticleSchema.article_id)).alias(ArticleSchema.duplicate_of),
    ).with_columns(
        pl.when(pl.col(ArticleSchema.duplicate_of).is_null())
        .then(pl.col(ArticleSchema.article_id))
        .otherwise(
            pl.struct(ArticleSchema.article_id, ArticleSchema.source_path, ArticleSchema.source_id).map_elements(
                lambda r: stable_id(*r.values()), return_dtype=pl.String
            )
        )
        .alias(ArticleSchema.article_id)
    )
    return mark_near_duplicates(exact.drop(_BANDS), exact[_BANDS], texts)


#: Candidate texts whose shingles are hashed together.
_SHINGLE_CHUNK = 1000
#: A temporary column: the rows' band keys travel with them through the sort.
_BANDS = "__lsh_bands"
#: Odd 64-bit multipliers that mix a band's values into one key (fixed: keys are compared across batches).
_MIXERS = np.random.default_rng(_SEED).integers(1, 2**63, size=_NUM_PERM, dtype=np.uint64) | np.uint64(1)


@functools.cache
def _hashranges() -> list[tuple[int, int]]:
    """The bands ``datasketch.MinHashLSH`` uses at the candidate threshold (25 bands of 5 values)."""
    from datasketch import MinHashLSH

    return list(MinHashLSH(threshold=_CANDIDATE_SIMILARITY, num_perm=_NUM_PERM).hashranges)


def lsh_bands(signatures: pl.Series) -> pl.Series:
    """Each signature's LSH band keys, each band's values mixed into one 64-bit key; null where the signature is.

    A run keeps these, not the signatures: 25 keys per article, not 128 values. Two different bands may
    share a key by chance; that only adds a candidate, which the exact Jaccard check rejects.
    """
    ranges = _hashranges()
    present = signatures.is_not_null()
    matrix = signatures.fill_null(pl.lit([0] * _NUM_PERM, pl.List(pl.UInt32))).list.to_array(_NUM_PERM).to_numpy().astype(np.uint64)
    matrix = matrix.reshape(len(signatures), _NUM_PERM)
    with np.errstate(over="ignore"):
        mixed = matrix * _MIXERS
        mixed ^= mixed >> np.uint64(29)
        keys = np.stack([np.bitwise_xor.reduce(mixed[:, start:end] * _MIXERS[start:end][::-1], axis=1) for start, end in ranges], axis=1)
    column = pl.Series(_BANDS, keys.reshape(len(signatures), len(ranges)), dtype=pl.Array(pl.UInt64, len(ranges)))
    return pl.select(pl.when(present.alias("p")).then(column)).to_series().alias(_BANDS)


def _band_collisions(bands: pl.Series, rows: list[int]) -> list[tuple[int, list[int]]]:
    """(row, earlier rows sharing an LSH band key with it), for the given rows that have any, in row order.
    Found all at once: a table lookup per article and band would cost more than the comparisons it saves.
    Only keys held by two or more rows are joined, found by sorting each band's keys: a hash join of every
    row's every key held 600 MB at 100,000 articles, almost none of which collide.
    """
    if not rows:
        return []
    keys = bands.gather(rows).to_numpy()
    positions = np.asarray(rows, dtype=np.int64)
    shared_keys = []
    for band in range(keys.shape[1]):
        order = np.argsort(keys[:, band], kind="stable")
        ordered = keys[order, band]
        repeated = ordered[1:] == ordered[:-1]
        shared = np.concatenate([repeated, [False]]) | np.concatenate([[False], repeated])
        shared_keys.append(pl.DataFrame({"row": positions[order[shared]], "band": np.full(int(shared.sum()), band), "key": ordered[shared]}))
    members = pl.concat(shared_keys)
    pairs = (
        members.join(members, on=["band", "key"], suffix="_earlier")
        .filter(pl.col("row_earlier") < pl.col("row"))
        .group_by("row")
        .agg(pl.col("row_earlier").unique().sort())
        .sort("row")
    )
    return list(zip(pairs["row"].to_list(), pairs["row_earlier"].to_list(), strict=True))


def shingle_hashes(articles: pl.DataFrame) -> list[np.ndarray]:
    """32-bit hashes of each article's lower-cased word 3-shingles (all words when shorter)."""
    words = (
        articles.select(pl.col(ArticleSchema.text).str.to_lowercase().str.extract_all(r"\w+").alias("w"))
        .with_row_index("doc")
        .explode("w")
        .drop_nulls("w")
    )
    shingle = pl.concat_str([pl.col("w").shift(-k).over("doc") for k in range(SHINGLE_WORDS)], separator=" ")
    shingles = words.with_columns(pl.coalesce(shingle, pl.col("w")).alias("s")).with_columns(
        pl.len().over("doc").alias("n"), pl.int_range(pl.len()).over("doc").alias("i")
    )
    # a document of n >= SHINGLE_WORDS words has n - SHINGLE_WORDS + 1 full shingles; a shorter one is one shingle of all its words
    keep = (pl.col("i") <= pl.col("n") - SHINGLE_WORDS) | ((pl.col("n") < SHINGLE_WORDS) & (pl.col("i") == 0))
    whole = pl.col("w").str.join(" ").over("doc")
    hashed = (
        shingles.with_columns(pl.when(pl.col("n") < SHINGLE_WORDS).then(whole).otherwise(pl.col("s")).alias("s"))
        .filter(keep)
        .select("doc", (pl.col("s").hash(seed=0) & 0xFFFFFFFF).alias("h"))
        .group_by("doc")
        .agg(pl.col("h").unique())
    )
    by_doc = dict(zip(hashed["doc"].to_list(), hashed["h"].to_list(), strict=True))
    return [np.asarray(by_doc.get(i, []), dtype=np.uint64) for i in range(articles.height)]


def minhash_signatures(articles: pl.DataFrame) -> pl.Series:
    """Each article's MinHash signature of its word 3-shingles; null when it is too short to compare."""
    from datasketch import MinHash

    template = MinHash(num_perm=_NUM_PERM, seed=_SEED, hashfunc=int, scheme=_SCHEME)  # its permutations serve every signature (drawing them costs 0.3 ms each)
    signatures = []
    for values in shingle_hashes(articles):
        if len(values) < _MIN_SHINGLES:
            signatures.append(None)
            continue
        signature = MinHash(num_perm=_NUM_PERM, hashfunc=int, permutations=template.permutations, scheme=template.scheme)
        signature.update_batch(values)
        signatures.append(signature.hashvalues.tolist())
    return pl.Series(ArticleFeaturesSchema.minhash, signatures, dtype=pl.List(pl.UInt32))


def mark_near_duplicates(articles: pl.DataFrame, bands: pl.Series, texts: TextLoader | None = None) -> pl.DataFrame:
    """Set ``duplicate_of`` for lightly edited copies of an earlier article (row order = priority).

    ``bands`` are the rows' LSH band keys. An article is compared with the earlier originals that share
    a band key with it, and is a copy of the first whose shingles' exact Jaccard similarity reaches the
    threshold; shingles are hashed only for the few articles that have candidates.
    """
    ids = articles[ArticleSchema.article_id].to_list()
    duplicate_of = articles[ArticleSchema.duplicate_of].to_list()
    eligible = (bands.is_not_null() & articles[ArticleSchema.duplicate_of].is_null()).arg_true().to_list()
    collisions = _band_collisions(bands, eligible)
    candidates = sorted({index for index, earlier in collisions for index in (index, *earlier)})
    # candidates' shingles as sorted 32-bit arrays (a set of Python ints costs 10x the memory), hashed a
    # chunk of texts at a time: the words of every candidate at once would be the step's biggest frame
    shingles: dict[int, np.ndarray] = {}
    for start in range(0, len(candidates), _SHINGLE_CHUNK):
        chunk = candidates[start:start + _SHINGLE_CHUNK]
        rows = articles[chunk]
        loaded = rows[ArticleSchema.text].to_list() if texts is None else texts(rows)
        hashed = shingle_hashes(pl.DataFrame({ArticleSchema.text: loaded}, schema={ArticleSchema.text: pl.String}))
        shingles.update((index, np.sort(values.astype(np.uint32))) for index, values in zip(chunk, hashed, strict=True))

    def similar(a: np.ndarray, b: np.ndarray) -> bool:
        shared = np.intersect1d(a, b, assume_unique=True).size
        return shared / (a.size + b.size - shared) >= NEAR_DUPLICATE_SIMILARITY

    original = dict.fromkeys(eligible, True)  # in row order; an article found to be a copy stops being a candidate
    for index, earlier in collisions:
        confirmed = [other for other in earlier if original[other] and similar(shingles[index], shingles[other])]
        if confirmed:
            duplicate_of[index] = ids[confirmed[0]]
            original[index] = False
    # an exact copy of a near copy points at the original too
    near = {ids[i]: duplicate_of[i] for i in range(len(ids)) if duplicate_of[i] is not None}
    duplicate_of = [near.get(d, d) if d is not None else None for d in duplicate_of]
    return articles.with_columns(pl.Series(ArticleSchema.duplicate_of, duplicate_of, dtype=pl.String))
