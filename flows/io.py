"""Every Parquet read and write goes through here: schema-checked, zstd, atomic."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandera.polars as pa
import polars as pl


def conform(frame: pl.DataFrame, schema: type[pa.DataFrameModel]) -> pl.DataFrame:
    """Select and cast the schema's columns, in the schema's order."""
    target = schema.empty().schema
    return frame.select([pl.col(name).cast(dtype) for name, dtype in target.items()])


def write_table(frame: pl.DataFrame, path: Path, schema: type[pa.DataFrameModel] | None = None) -> Path:
    """Write Parquet (zstd) atomically: readers see the old file or the new one, never half of one."""
    if schema is not None:
        frame = conform(frame, schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        frame.write_parquet(tmp, compression="zstd", compression_level=3, statistics=True)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; BI tools often read as another user
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def read_table(path: Path, schema: type[pa.DataFrameModel] | None = None) -> pl.DataFrame:
    """Read one Parquet table; with a schema, missing files read as an empty typed table."""
    if not path.exists():
        if schema is not None:
            return schema.empty()
        msg = f"table not found: {path}"
        raise FileNotFoundError(msg)
    return pl.read_parquet(path)


def read_parts(paths: list[Path], schema: type[pa.DataFrameModel]) -> pl.DataFrame:
    """Concatenate batch parts of one table (empty typed table when there are none)."""
    frames = [pl.read_parquet(p) for p in paths if p.exists()]
    if not frames:
        return schema.empty()
    return pl.concat([conform(f, schema) for f in frames], how="vertical")


def fsync_dir(path: Path) -> None:
    """Make renames inside a folder durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
