"""Pandera models for every table newsfacts writes: the single source of column names."""

from types import SimpleNamespace

import pandera.polars as pa

from schemas.article_features import ArticleFeaturesSchema
from schemas.articles import ArticleSchema
from schemas.claims import ClaimSchema
from schemas.figure_comparisons import FigureComparisonSchema
from schemas.figures import FigureSchema
from schemas.quotes import QuoteSchema
from schemas.rejects import RejectSchema
from schemas.runs import RunSchema

#: Table name -> schema, in the order tables are written and validated.
TABLES = {
    "articles": ArticleSchema,
    "quotes": QuoteSchema,
    "claims": ClaimSchema,
    "figures": FigureSchema,
    "figure_comparisons": FigureComparisonSchema,
    "rejects": RejectSchema,
    "runs": RunSchema,
}

#: Tables a batch writes into the cache besides its share of the published ones.
BATCH_ONLY_TABLES = {"article_features": ArticleFeaturesSchema}

def column_names(model: type[pa.DataFrameModel]) -> SimpleNamespace:
    """The model's column names as plain attributes (``column_names(FigureSchema).value == "value"``), for
    loops that build rows by the million: a model attribute is a descriptor call each time."""
    return SimpleNamespace(**{name: name for name in model.to_schema().columns})


#: Tables whose rows point into ``articles.text`` with char_start/char_end/text.
SPAN_TABLES = ("quotes", "claims", "figures")

__all__ = [
    "TABLES",
    "column_names",
    "BATCH_ONLY_TABLES",
    "ArticleFeaturesSchema",
    "SPAN_TABLES",
    "ArticleSchema",
    "ClaimSchema",
    "FigureComparisonSchema",
    "FigureSchema",
    "QuoteSchema",
    "RejectSchema",
    "RunSchema",
]
