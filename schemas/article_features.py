"""Per-article inputs of the run-wide linking, computed with each batch: in parallel, and cached with it.

Not published: the batch cache holds it, so that a run with new articles computes it for those only.
"""

import polars as pl
import pandera.polars as pa


class ArticleFeaturesSchema(pa.DataFrameModel):
    content_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="articles.content_sha256 of the text described.")
    minhash: pl.List(pl.UInt32) = pa.Field(
        nullable=True, description="MinHash signature of the word 3-shingles (near duplicates); null for short texts."
    )
    terms: pl.List(pl.UInt64) = pa.Field(description="Distinct terms of the text as 64-bit hashes, stop words out (stories' TF-IDF).")
    term_counts: pl.List(pl.UInt32) = pa.Field(description="How often each of terms occurs.")

    class Config:
        strict = True
        coerce = True
