"""Every Parquet read and write goes through here: schema-checked, zstd, atomic."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pandera.polars as pa
import polars as pl


def conform(frame: pl.DataFrame, schema: type[pa.DataFrameModel]) -> pl.DataFrame:
    """Select and cast the schema's columns, in the schema's order."""
    return frame.select([pl.col(name).cast(dtype) for name, dtype in _column_types(schema).items()])


@functools.cache
def _column_types(schema: type[pa.DataFrameModel]) -> pl.Schema:
    """The polars types of the schema's columns (building pandera's empty frame copies the whole model)."""
    return schema.empty().schema


def _replace_atomically(path: Path, write: Callable[[Path], object]) -> Path:
    """Write through a temporary file in the same folder, fsync, rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; BI tools often read as another user
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


def write_table(frame: pl.DataFrame, path: Path, schema: type[pa.DataFrameModel] | None = None) -> Path:
    """Write Parquet (zstd) atomically."""
    if schema is not None:
        frame = conform(frame, schema)
    return _replace_atomically(path, lambda tmp: frame.write_parquet(tmp, compression="zstd", compression_level=3, statistics=True))


def write_text_durably(path: Path, content: str) -> None:
    """A small text file written and fsynced (it lands in a staging folder, renamed in later)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def write_text_atomically(path: Path, content: str) -> Path:
    """A text file replaced in one step."""
    return _replace_atomically(path, lambda tmp: tmp.write_text(content, encoding="utf-8"))


def read_table(path: Path, schema: type[pa.DataFrameModel] | None = None, columns: list[str] | None = None) -> pl.DataFrame:
    """Read one Parquet table (or some of its columns); with a schema, missing files read as an empty typed table."""
    if not path.exists():
        if schema is not None:
            empty = schema.empty()
            return empty.select(columns) if columns else empty
        msg = f"table not found: {path}"
        raise FileNotFoundError(msg)
    return pl.read_parquet(path, columns=columns)


def sync_tree(folder: Path) -> None:
    """Make every file under ``folder`` durable: one syncfs of its filesystem where Linux offers it (a
    run writes hundreds of by-date parts; an fsync each costs more than the writes), else an fsync per
    file and folder."""
    libc = ctypes.CDLL(None, use_errno=True)
    syncfs = getattr(libc, "syncfs", None)
    if syncfs is not None:
        fd = os.open(folder, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for path in sorted(folder.rglob("*"), key=lambda p: -len(p.parts)):  # files before their folders
        if path.is_dir():
            fsync_dir(path)
        else:
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    fsync_dir(folder)


def fsync_dir(path: Path) -> None:
    """Make renames inside a folder durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- the output folder as a unit ---------------------------------------------

_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


class OutputBusy(RuntimeError):
    """Another run holds the output folder."""


class NotAnOutputFolder(RuntimeError):
    """The output path holds something newsfacts did not write; replacing it could destroy data."""


#: Inside the state folder: batch results kept for the next run (see ``flows.batches``).
BATCH_CACHE = "batches"


def state_dir(output: Path) -> Path:
    """Beside the output folder (same filesystem, so renames are atomic): lock, batch parts, staging."""
    return output.parent / f".{output.name}.newsfacts"


def check_replaceable(output: Path, marker: str) -> None:
    """Refuse to replace a non-empty folder that holds no ``marker`` (it is not a newsfacts output)."""
    if output.is_dir() and any(output.iterdir()) and not (output / marker).exists():
        msg = f"{output} is not empty and holds no {marker}: not a newsfacts output, refusing to replace it; choose a new folder"
        raise NotAnOutputFolder(msg)
    if output.exists() and not output.is_dir():
        msg = f"{output} is a file, not a folder"
        raise NotAnOutputFolder(msg)


_HELD: dict[Path, int] = {}


@contextlib.contextmanager
def output_lock(output: Path, marker: str) -> Iterator[Path]:
    """Hold the output folder for one run; a second run refuses at once instead of waiting.

    The lock lives beside the folder because the folder itself is swapped out on publish.
    Leftovers of a killed run (staging) are removed once the lock is held; the batch
    cache stays (its folders appear complete or not at all). Re-entrant
    within a process, so the CLI can take it before starting the flow (a fast, clean refusal).
    """
    check_replaceable(output, marker)
    state = state_dir(output)
    if _HELD.get(state):
        _HELD[state] += 1
        try:
            yield state
        finally:
            _HELD[state] -= 1
        return
    state.mkdir(parents=True, exist_ok=True)
    with open(state / "lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            msg = f"another run is writing to {output}; wait for it to finish or choose another output folder"
            raise OutputBusy(msg) from None
        for leftover in state.iterdir():
            if leftover.name not in {"lock", BATCH_CACHE}:
                shutil.rmtree(leftover, ignore_errors=True)
        _HELD[state] = 1
        try:
            yield state
        finally:
            del _HELD[state]


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2); False where the system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def swap_in_folder(staging: Path, output: Path, *, marker: str) -> None:
    """Make ``staging`` the output folder in one step: readers see the old set of tables or the new one.

    ``marker`` is a file every newsfacts output holds; an existing non-empty folder
    without it is refused rather than replaced.
    """
    fsync_dir(staging)
    check_replaceable(output, marker)
    if not output.exists():
        os.rename(staging, output)
    elif _exchange(staging, output):
        shutil.rmtree(staging)  # now the previous output
    else:  # no atomic exchange here: move entries one by one, the run row last
        for path in sorted(staging.iterdir(), key=lambda p: p.name == marker):
            target = output / path.name
            if target.is_dir():  # a folder cannot be replaced by rename: move the old one aside first
                os.rename(target, staging / f".old-{path.name}")
            os.replace(path, target)
        shutil.rmtree(staging)
    fsync_dir(output.parent)
