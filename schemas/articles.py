"""One row per distinct article: metadata plus the normalized body text."""

import polars as pl
import pandera.polars as pa

from schemas._common import id_field

SOURCE_FORMATS = ["txt", "json", "jsonl", "csv", "html", "warc"]
DATE_PRECISIONS = ["date", "datetime"]


class ArticleSchema(pa.DataFrameModel):
    article_id: str = id_field(unique=True, description="Hash of the normalized body text.")
    source_path: str = pa.Field(description="Input file, relative to the input root.")
    source_id: str = pa.Field(description="The input's own id: file stem, or a record's doc_id / id.")
    source_format: str = pa.Field(isin=SOURCE_FORMATS, description="Format the article was read from.")
    outlet: str = pa.Field(nullable=True, description="Publisher as named by the text or metadata; never guessed.")
    url: str = pa.Field(nullable=True, description="Canonical URL when the input states it.")
    title: str = pa.Field(nullable=True, description="Headline, with repeated copies removed from the body.")
    authors: pl.List(pl.String) = pa.Field(description="Byline names, possibly empty.")
    published_at: pl.Datetime(time_unit="us", time_zone="UTC") = pa.Field(
        nullable=True, description="Publication time in UTC; midnight when only the date is known."
    )
    published_precision: str = pa.Field(
        nullable=True, isin=DATE_PRECISIONS, description="'date' when only the day is known, else 'datetime'."
    )
    dateline: str = pa.Field(nullable=True, description="Place line that opens the story, e.g. 'HAMA'.")
    language: str = pa.Field(nullable=True, description="ISO 639-1 code when the input or text makes it clear.")
    text: str = pa.Field(str_length={"min_value": 1}, description="Normalized body: boilerplate out, story kept.")
    word_count: int = pa.Field(ge=1, description="Whitespace-separated words in text.")
    content_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of text (UTF-8).")
    duplicate_of: str = id_field(nullable=True, description="article_id of the earlier copy when this is a duplicate.")
    wire_credits: pl.List(pl.String) = pa.Field(description="News agencies credited, e.g. ['Reuters', 'AP'].")
    story_id: str = id_field(
        description="Articles covering the same event share it: similar content published within a few days."
    )

    class Config:
        strict = True
        coerce = True
