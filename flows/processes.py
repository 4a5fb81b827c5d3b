"""Worker processes for the batches of a run on the thread runner.

The extractors are pure Python, so threads of one process take turns (the GIL);
batches computed in worker processes use every core. Only the flow's own process
holds a pool: tasks that run on Dask workers find none and work in place. Workers
are spawned (forked polars can deadlock) and import only the stages. The pool
starts on first use, so a run whose batches are all reused starts none.

Jobs may also be started early, before the flow's tasks exist (``start_early``):
``newsfacts run`` starts its batches while Prefect's server starts, and each batch's
task then takes its job (``take_early``) instead of starting one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor


class _ProcessPool:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._size = 0
        self._depth = 0
        self._executor: ProcessPoolExecutor | None = None
        self._early_thread: ThreadPoolExecutor | None = None
        self._early: dict[str, Future] = {}

    @contextlib.contextmanager
    def allow(self, size: int) -> Iterator[None]:
        """Blocks nest (a run's early start, then its flow's batches). The pool ends with the first block
        to end: once the flow's batches are done, the run-wide step after them needs no workers, and
        their memory goes back."""
        with self._lock:
            self._size = max(self._size, size) if self._depth else size
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                self._size = 0
                self._early.clear()
                executors = [e for e in (self._executor, self._early_thread) if e is not None]
                self._executor = self._early_thread = None
            for executor in executors:
                executor.shutdown(wait=True, cancel_futures=True)

    def get(self) -> ProcessPoolExecutor | None:
        with self._lock:
            return self._process_executor()

    def _process_executor(self) -> ProcessPoolExecutor | None:
        if self._size > 1 and self._executor is None:
            self._executor = ProcessPoolExecutor(max_workers=self._size, mp_context=multiprocessing.get_context("spawn"))
        return self._executor

    def start_early(self, key: str, function: Callable, *args: object) -> None:
        with self._lock:
            if not self._depth:
                msg = "jobs start early only inside a batch_pool_for block"
                raise RuntimeError(msg)
            executor: Executor | None = self._process_executor()
            if executor is None:  # one batch: a thread of this process, which meanwhile only waits for the server
                self._early_thread = executor = self._early_thread or ThreadPoolExecutor(max_workers=1)
            self._early[key] = executor.submit(function, *args)

    def take_early(self, key: str) -> Future | None:
        with self._lock:
            return self._early.pop(key, None)


_POOL = _ProcessPool()


def pool_size(batches: int) -> int:
    """One process per core for two or more batches to compute; none for one (nothing to share)."""
    return min(os.cpu_count() or 1, batches) if batches > 1 else 0


def batch_pool_for(batches: int) -> contextlib.AbstractContextManager[None]:
    """Within this block, ``batch_pool()`` gives the pool for ``batches`` batches to compute."""
    return _POOL.allow(pool_size(batches))


def batch_pool() -> ProcessPoolExecutor | None:
    return _POOL.get()


def start_early(key: str, function: Callable, *args: object) -> None:
    """Run ``function(*args)`` now, in the block's pool (or a thread, for a single job), for whoever takes ``key``."""
    _POOL.start_early(key, function, *args)


def take_early(key: str) -> Future | None:
    """The job started early under ``key``, once; None if there is none (or it was taken)."""
    return _POOL.take_early(key)
