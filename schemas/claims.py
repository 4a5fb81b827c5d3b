"""One row per attributed statement: who (source), how (cue), what (content span)."""

import polars as pl
import pandera.polars as pa

from schemas._common import SpanSchema, id_field
from schemas.quotes import SPEAKER_KINDS

STANCES = ["asserts", "denies"]


class ClaimSchema(SpanSchema):
    claim_id: str = id_field(unique=True, description="Hash of (article_id, 'claim', char_start, char_end).")
    source: str = pa.Field(nullable=True, description="Who makes the statement, resolved to the fullest name.")
    source_kind: str = pa.Field(isin=SPEAKER_KINDS, description="person | organization | unknown.")
    cue: str = pa.Field(nullable=True, description="Speech act: said, told, according to, denied ...")
    stance: str = pa.Field(isin=STANCES, description="'denies' when the cue is a denial, else 'asserts'.")
    quote_ids: pl.List(pl.String) = pa.Field(description="Direct quotes lying inside the content span.")
    claim_group_id: str = id_field(description="The same statement reported by several articles of a story shares this id.")
    n_outlets: int = pa.Field(
        ge=1, description="Distinct outlets carrying the claim's group (articles where the outlet is unknown)."
    )
