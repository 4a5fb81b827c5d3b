"""One row per direct quotation, with its resolved speaker."""

from schemas._common import SpanSchema, id_field

import pandera.polars as pa

SPEAKER_KINDS = ["person", "organization", "unknown"]


class QuoteSchema(SpanSchema):
    quote_id: str = id_field(unique=True, description="Hash of (article_id, 'quote', char_start, char_end).")
    speaker: str = pa.Field(nullable=True, description="Fullest name of the speaker in the article; null when nobody is named.")
    speaker_kind: str = pa.Field(isin=SPEAKER_KINDS, description="person | organization | unknown.")
    cue: str = pa.Field(nullable=True, description="Reporting verb or phrase; null for implied attribution.")
    medium: str = pa.Field(nullable=True, description="Channel or addressee when stated ('WeChat', 'The Associated Press').")
    is_fragment: bool = pa.Field(description="True when the quote is part of a sentence the outlet wrote.")
    claim_id: str = id_field(nullable=True, description="The claim whose content holds this quote.")
    quote_group_id: str = id_field(
        description="The same quotation carried by several articles of a story shares this id (small wording differences allowed)."
    )
