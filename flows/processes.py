"""Worker processes for the batches of a run on the thread runner.

The extractors are pure Python, so threads of one process take turns (the GIL);
batches computed in worker processes use every core. Only the flow's own process
holds a pool: tasks that run on Dask workers find none and work in place. Workers
are spawned (forked polars can deadlock) and import only the stages. The pool
starts on first use, so a run whose batches are all reused starts none.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor


class _ProcessPool:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._size = 0
        self._executor: ProcessPoolExecutor | None = None

    @contextlib.contextmanager
    def allow(self, size: int) -> Iterator[None]:
        self._size = size
        try:
            yield
        finally:
            with self._lock:
                self._size = 0
                if self._executor is not None:
                    self._executor.shutdown(wait=True, cancel_futures=True)
                    self._executor = None

    def get(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._size > 1 and self._executor is None:
                self._executor = ProcessPoolExecutor(max_workers=self._size, mp_context=multiprocessing.get_context("spawn"))
            return self._executor


_POOL = _ProcessPool()


def pool_size(batches: int) -> int:
    """One process per core for two or more batches to compute; none for one (nothing to share)."""
    return min(os.cpu_count() or 1, batches) if batches > 1 else 0


def batch_pool_for(batches: int) -> contextlib.AbstractContextManager[None]:
    """Within this block, ``batch_pool()`` gives the pool for ``batches`` batches to compute."""
    return _POOL.allow(pool_size(batches))


def batch_pool() -> ProcessPoolExecutor | None:
    return _POOL.get()
