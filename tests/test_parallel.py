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


class _Stopped(BaseException):
    pass


def test_a_stop_while_a_pool_starts_waits_for_it_then_stops_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM between the first worker's fork and the pool being ready (under load, the
    import test's killpg landed there and left a worker running for good): the stop is held
    until the pool is whole, then stops it and goes on; no worker is left."""
    import multiprocessing
    import signal
    import threading
    from multiprocessing.pool import Pool

    before = {child.pid for child in multiprocessing.active_children()}
    started, seen = Pool._repopulate_pool, []

    def start_and_get_stopped(self: Pool) -> None:
        started(self)
        # to this thread, which holds it: sent to the process, a thread another test left
        # running (which holds nothing) could take it, and the handler would run at once
        signal.pthread_kill(threading.get_ident(), signal.SIGTERM)
        seen.append(len(self._pool))

    def handler(signum: int, frame: object) -> None:
        raise _Stopped

    monkeypatch.setattr(Pool, "_repopulate_pool", start_and_get_stopped)
    previous = signal.signal(signal.SIGTERM, handler)
    try:
        with pytest.raises(_Stopped):
            parallel.worker_pool(2)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert seen == [2]
    assert [c.pid for c in multiprocessing.active_children() if c.pid not in before] == []
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == set()  # nothing left held
