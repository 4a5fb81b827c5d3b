"""One row per numeric figure, with what it measures and who it is attributed to."""

import pandera.polars as pa

from schemas._common import SpanSchema, id_field

QUALIFIERS = ["exact", "approximately", "at_least", "at_most", "range", "vague"]
CATEGORIES = [
    "killed", "wounded", "displaced", "detained", "released", "affected",
    "money", "percent_change", "distance", "duration", "count",
]


class FigureSchema(SpanSchema):
    figure_id: str = id_field(unique=True, description="Hash of (article_id, 'figure', char_start, char_end).")
    value: float = pa.Field(description="The number; the lower bound for ranges and vague magnitudes.")
    value_high: float = pa.Field(nullable=True, description="Upper bound of a range, else null.")
    qualifier: str = pa.Field(isin=QUALIFIERS, description="exact | approximately | at_least | at_most | range | vague.")
    unit: str = pa.Field(nullable=True, description="percent, fraction, a currency code, a measure, or the counted noun.")
    category: str = pa.Field(isin=CATEGORIES, description="What the number measures (killed, displaced, money ...).")
    source: str = pa.Field(nullable=True, description="Who the figure is attributed to; null for the outlet's own statement.")
    claim_id: str = id_field(nullable=True, description="The claim whose content holds this figure.")
    as_of: str = pa.Field(nullable=True, str_matches=r"^\d{4}(-\d{2}-\d{2})?$", description="Date the figure refers to when its clause says.")
