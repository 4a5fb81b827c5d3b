"""Building blocks shared by the span tables (quotes, claims, figures)."""

import polars as pl
import pandera.polars as pa
from pandera.polars import PolarsData

ID_PATTERN = r"^[0-9a-f]{16}$"


def id_field(*, unique: bool = False, nullable: bool = False, description: str) -> pa.Field:
    """A 16-hex-digit content-derived id."""
    return pa.Field(unique=unique, nullable=nullable, str_matches=ID_PATTERN, description=description)


class SpanSchema(pa.DataFrameModel):
    """Columns every extracted row carries so it can be traced back to its article."""

    article_id: str = id_field(description="Article the span lies in (articles.article_id).")
    char_start: int = pa.Field(ge=0, description="Offset of the first character in articles.text.")
    char_end: int = pa.Field(ge=1, description="Offset one past the last character in articles.text.")
    text: str = pa.Field(description="Exactly articles.text[char_start:char_end].")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def span_is_ordered(cls, data: PolarsData) -> pl.LazyFrame:
        """A span is never empty or reversed."""
        return data.lazyframe.select(pl.col("char_start") < pl.col("char_end"))

    @pa.dataframe_check
    def text_matches_span_length(cls, data: PolarsData) -> pl.LazyFrame:
        """The stored text is as long as the span it claims to be."""
        return data.lazyframe.select(
            pl.col("text").str.len_chars() == (pl.col("char_end") - pl.col("char_start"))
        )
