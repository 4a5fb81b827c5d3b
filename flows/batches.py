"""Plan the work: input files cut into batches whose results can be cached and reused.

A batch is the unit of work, caching and parallelism. Boundaries are chosen so
that a changed or added file changes only the batch it lands in: a big JSONL
file is cut every ``batch_size`` lines, and other files close a batch where a
hash of their path says so (on average every ``batch_size`` articles), never at
a fixed count that would shift every later boundary. A batch's cache key is
the hash of its files' paths and bytes plus the code version.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

from flows.ingest import InputFile, input_format

#: Bytes read at a time when counting lines and hashing.
_BLOCK = 1 << 20
#: A WARC file is weighted as one article per this many bytes.
_WARC_BYTES_PER_ARTICLE = 20_000
_GZIPPED_JSONL_BYTES_PER_ARTICLE = 1_500


@dataclass(frozen=True)
class Batch:
    """Files (or parts of one big JSONL file) processed together by one task."""

    index: int
    files: tuple[InputFile, ...]

    def cache_key(self, code_version: str) -> str:
        """Hash of the code version and every file's path, byte range and bytes."""
        digest = hashlib.sha256(code_version.encode())
        for item in self.files:
            digest.update(f"\0{item.root.as_posix()}\0{item.relative}\0{item.lines}\0{item.first_line}\0".encode())
            start, end = item.lines or (0, None)
            with open(item.path, "rb") as handle:
                handle.seek(start)
                left = math.inf if end is None else end - start
                while left > 0 and (block := handle.read(int(min(_BLOCK, left)))):
                    digest.update(block)
                    left -= len(block)
        return digest.hexdigest()


def jsonl_parts(item: InputFile, lines_per_part: int) -> tuple[list[InputFile], int]:
    """A plain JSONL file cut at every ``lines_per_part``-th line (a small one stays whole), and its line count."""
    cuts = [(0, 1)]  # (byte offset, line number) where each part starts
    lines = 0
    offset = 0
    with open(item.path, "rb") as handle:
        while block := handle.read(_BLOCK):
            position = block.find(b"\n")
            while position >= 0:
                lines += 1
                if lines % lines_per_part == 0:
                    cuts.append((offset + position + 1, lines + 1))
                position = block.find(b"\n", position + 1)
            offset += len(block)
    if len(cuts) > 1 and cuts[-1][0] >= offset:
        cuts.pop()
    if len(cuts) == 1:
        return [item], lines
    ends = [start for start, _ in cuts[1:]] + [offset]
    parts = [
        InputFile(item.path, item.root, lines=(start, end), first_line=line)
        for (start, line), end in zip(cuts, ends, strict=True)
    ]
    return parts, lines


def _weight(item: InputFile, fmt: str | None, gzipped: bool) -> int:
    """About how many articles a file holds, from its size where it holds many."""
    if fmt == "warc":
        return max(1, item.path.stat().st_size // _WARC_BYTES_PER_ARTICLE)
    if fmt == "jsonl" and gzipped:
        return max(1, item.path.stat().st_size // _GZIPPED_JSONL_BYTES_PER_ARTICLE)
    return 1


def _closes_batch(item: InputFile, weight: int, batch_size: int, batch_weight: int) -> bool:
    """Close after this file if its path's hash says so: about one file in ``batch_size``.

    A batch past twice the size closes at one file in four instead, which bounds
    batch size without cutting at a count (a count would move every later cut).
    """
    draw = int.from_bytes(hashlib.sha256(item.relative.encode()).digest()[:8], "big")
    if batch_weight >= 2 * batch_size:
        return draw % 4 == 0
    return draw % batch_size < weight


def plan_batches(files: list[InputFile], batch_size: int) -> list[Batch]:
    """Batches of about ``batch_size`` articles each, with content-stable boundaries."""
    if batch_size < 1:
        msg = f"batch_size must be at least 1, got {batch_size}"
        raise ValueError(msg)
    groups: list[list[InputFile]] = []
    current: list[InputFile] = []
    current_weight = 0

    def close() -> None:
        nonlocal current, current_weight
        if current:
            groups.append(current)
        current, current_weight = [], 0

    for item in files:
        fmt, gzipped = input_format(item.path)
        weight = _weight(item, fmt, gzipped)
        if fmt == "jsonl" and not gzipped:
            parts, weight = jsonl_parts(item, batch_size)
            if len(parts) > 1:
                close()
                groups.extend([part] for part in parts)
                continue
        current.append(item)
        current_weight += weight
        if _closes_batch(item, weight, batch_size, current_weight):
            close()
    close()
    return [Batch(index, tuple(group)) for index, group in enumerate(groups)]


def describe(batch: Batch) -> list[tuple[str, str, tuple[int, int] | None, int]]:
    """A batch as plain values (for passing to a task that may run in another process)."""
    return [(str(f.path), str(f.root), f.lines, f.first_line) for f in batch.files]


def from_description(files: list[tuple[str, str, tuple[int, int] | None, int]]) -> list[InputFile]:
    return [InputFile(Path(path), Path(root), tuple(lines) if lines else None, first_line) for path, root, lines, first_line in files]
