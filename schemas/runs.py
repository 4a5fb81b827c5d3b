"""One row per pipeline run: what went in, what came out, whether it validated."""

import polars as pl
import pandera.polars as pa

OUTCOMES = ["passed", "failed"]


class RunSchema(pa.DataFrameModel):
    run_id: str = pa.Field(unique=True, str_matches=r"^[0-9a-f]{16}$", description="Id of this run.")
    started_at: pl.Datetime(time_unit="us", time_zone="UTC") = pa.Field(description="When the run started.")
    finished_at: pl.Datetime(time_unit="us", time_zone="UTC") = pa.Field(description="When the tables were written.")
    code_version: str = pa.Field(description="newsfacts version plus a hash of its source files.")
    input_count: int = pa.Field(ge=0, description="Input files read.")
    batches: int = pa.Field(ge=0, nullable=True, description="Batches the input was cut into (null in runs from before batches were recorded).")
    batches_reused: int = pa.Field(
        ge=0, nullable=True, description="Batches whose tables were reused from the previous run: same bytes, same code."
    )
    batch_set: str = pa.Field(
        nullable=True, description="Id of the set of batch results the tables were combined from (null in runs from before it was recorded)."
    )
    combined_reused: bool = pa.Field(
        nullable=True, description="Whether the tables were taken from the previous run, which had the same batch set, instead of combined and linked again."
    )
    articles: int = pa.Field(ge=0, description="Rows in articles.")
    quotes: int = pa.Field(ge=0, description="Rows in quotes.")
    claims: int = pa.Field(ge=0, description="Rows in claims.")
    figures: int = pa.Field(ge=0, description="Rows in figures.")
    figure_comparisons: int = pa.Field(
        ge=0, nullable=True, description="Rows in figure_comparisons (null in runs from before that table existed)."
    )
    rejects: int = pa.Field(ge=0, description="Rows in rejects.")
    validation: str = pa.Field(isin=OUTCOMES, description="Outcome of schema and cross-table validation.")

    class Config:
        strict = True
        coerce = True
