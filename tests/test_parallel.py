"""Worker pools stop within bounds, whatever state their workers are in."""

from __future__ import annotations

import threading

import pytest

from tracker import parallel


class _Worker:
    def __init__(self) -> None:
        self.killed = False

    def is_alive(self) -> bool:
        return not self.killed

    def kill(self) -> None:
        self.killed = True


class _StuckPool:
    """A pool whose terminate() waits for good, as one does when a dead worker held its lock."""

    def __init__(self) -> None:
        self._pool = [_Worker(), _Worker()]
        self.released = threading.Event()

    def terminate(self) -> None:
        self.released.wait()


def test_a_pool_that_will_not_stop_is_abandoned_and_its_workers_killed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(parallel, "_ABANDONED", [])
    pool = _StuckPool()
    parallel.stop_pool(pool, timeout=0.05)  # type: ignore[arg-type]
    assert [w.killed for w in pool._pool] == [True, True]
    assert parallel.abandoned() is True
    pool.released.set()


def test_a_pool_that_stops_is_not_abandoned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_ABANDONED", [])
    pool = parallel.worker_pool(2)
    assert pool.map(abs, [-1, -2]) == [1, 2]
    parallel.stop_pool(pool)
    assert parallel.abandoned() is False


def test_a_pool_stopped_while_it_starts_leaves_no_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM (or Ctrl-C) between the first worker's fork and the pool being ready: the
    workers already forked are stopped, not left for the exit handlers to wait on."""
    import multiprocessing
    from multiprocessing.pool import Pool

    before = {child.pid for child in multiprocessing.active_children()}
    started = Pool._repopulate_pool

    def start_then_stop(self: Pool) -> None:
        started(self)
        raise KeyboardInterrupt

    monkeypatch.setattr(Pool, "_repopulate_pool", start_then_stop)
    with pytest.raises(KeyboardInterrupt):
        parallel.worker_pool(2)
    left = [child for child in multiprocessing.active_children() if child.pid not in before]
    assert left == []
