"""Worker processes for batches: only inside a run's block, only for two or more batches; jobs started early."""

import os

import pytest

from flows import processes


def test_a_pool_only_for_two_or_more_batches_and_only_inside_the_block():
    assert processes.pool_size(1) == 0
    assert processes.pool_size(50) == min(os.cpu_count() or 1, 50)
    assert processes.batch_pool() is None
    with processes.batch_pool_for(1):
        assert processes.batch_pool() is None
    if (os.cpu_count() or 1) > 1:
        with processes.batch_pool_for(3):
            pool = processes.batch_pool()
            assert pool is not None and processes.batch_pool() is pool  # one pool per run
            assert pool.submit(sum, [1, 2, 3]).result() == 6
    assert processes.batch_pool() is None  # shut down with the block


def test_a_job_started_early_is_taken_once_and_forgotten_with_the_block():
    with pytest.raises(RuntimeError):
        processes.start_early("outside", sum, [1])
    with processes.batch_pool_for(1):  # one batch: no process pool, the job runs on a thread
        processes.start_early("k", sum, [1, 2])
        assert processes.batch_pool() is None
        job = processes.take_early("k")
        assert job is not None and job.result() == 3
        assert processes.take_early("k") is None
        processes.start_early("untaken", sum, [4])
    with processes.batch_pool_for(1):
        assert processes.take_early("untaken") is None  # a later run does not find it


def test_blocks_nest_and_the_pool_ends_with_the_inner_one():
    if (os.cpu_count() or 1) < 2:
        return
    with processes.batch_pool_for(3):  # the run's early start
        pool = processes.batch_pool()
        with processes.batch_pool_for(0):  # the flow, after its batches started early: nothing left to start
            assert processes.batch_pool() is pool
        assert processes.batch_pool() is None  # the flow's batches are done: no workers during the run-wide step
        with pytest.raises(RuntimeError):
            pool.submit(sum, [1])  # shut down, not merely forgotten
    assert processes.batch_pool() is None
