"""Worker processes for batches: only inside a run's block, only for two or more batches."""

import os

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
