"""One row per reported value of a quantity that several articles of a story report."""

import polars as pl
import pandera.polars as pa
from pandera.polars import PolarsData

from schemas._common import id_field
from schemas.figures import CATEGORIES, QUALIFIERS


class FigureComparisonSchema(pa.DataFrameModel):
    comparison_id: str = id_field(description="One measured quantity in one story: the rows to compare.")
    story_id: str = id_field(description="The story (articles.story_id).")
    category: str = pa.Field(isin=CATEGORIES, description="What is measured (killed, displaced, money ...).")
    unit: str = pa.Field(nullable=True, description="Unit or counted noun of the quantity (a toll written without one shares its story's).")
    source: str = pa.Field(
        nullable=True,
        description="Who this figure is attributed to (the story's fullest form of the name); null: the outlet's own. A toll "
        "(killed, wounded, displaced, detained, released, affected) is compared across sources; other quantities within one source.",
    )
    figure_id: str = id_field(unique=True, description="The reported figure (figures.figure_id).")
    article_id: str = id_field(description="Article reporting it (articles.article_id).")
    outlet: str = pa.Field(nullable=True, description="Outlet of that article, when known.")
    published_at: pl.Datetime(time_unit="us", time_zone="UTC") = pa.Field(nullable=True, description="When that article was published.")
    as_of: str = pa.Field(nullable=True, description="Date the figure refers to, when its clause says.")
    text: str = pa.Field(description="The figure as written.")
    value: float = pa.Field(description="Reported value (lower bound for ranges and vague magnitudes).")
    value_high: float = pa.Field(nullable=True, description="Upper bound of a range.")
    qualifier: str = pa.Field(isin=QUALIFIERS, description="exact | approximately | at_least | at_most | range | vague.")
    n_articles: int = pa.Field(ge=2, description="Articles reporting this quantity.")
    n_outlets: int = pa.Field(ge=1, description="Distinct outlets reporting it (articles where the outlet is unknown).")
    min_value: float = pa.Field(description="Smallest value reported for the quantity.")
    max_value: float = pa.Field(description="Largest value reported for the quantity (range tops included).")
    spread: float = pa.Field(ge=0, description="max_value - min_value.")
    relative_spread: float = pa.Field(ge=0, le=1, description="spread / max_value (0 when max_value is 0).")
    disagrees: bool = pa.Field(
        description="True when no single number fits every report, qualifiers considered ('more than 700' fits 727; 704 does not)."
    )

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check
    def spread_is_max_minus_min(cls, data: PolarsData) -> pl.LazyFrame:
        """spread is derived, never free-standing."""
        return data.lazyframe.select(
            ((pl.col("max_value") - pl.col("min_value")) - pl.col("spread")).abs() <= 1e-9 * pl.col("max_value").abs().clip(1)
        )
