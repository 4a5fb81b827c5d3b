"""One row per input (file or record) that could not become an article, with an actionable reason."""

import pandera.polars as pa

STAGES = ["ingest", "normalize", "extract"]


class RejectSchema(pa.DataFrameModel):
    source_path: str = pa.Field(description="Input file, relative to the input root.")
    record: int = pa.Field(nullable=True, ge=1, description="Line or record number inside the file, when it applies.")
    stage: str = pa.Field(isin=STAGES, description="Stage that refused the input.")
    reason: str = pa.Field(description="Short machine-friendly reason (empty, malformed_json, too_large ...).")
    detail: str = pa.Field(description="What a person can do about it.")
    input_sha256: str = pa.Field(str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the rejected bytes.")

    class Config:
        strict = True
        coerce = True
