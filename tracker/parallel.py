"""Worker processes: pools that leave Ctrl-C and SIGTERM to the parent, and stop within bounds.

Linking and bulk import analyse and judge in worker processes; every pool in tracker is made
and stopped here, so a stop (Ctrl-C, SIGTERM, a dead worker) ends the same way everywhere.

Linking forks: workers inherit what they share (texts, shapes, blocking indexes: gigabytes at
a million statements) instead of receiving it pickled, and the garbage collector is kept off
those objects, since scanning them would copy every page a worker shares with its parent.
"""

from __future__ import annotations

import gc
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # multiprocessing is imported on first use: `tracker --help` never needs it
    from multiprocessing.connection import Connection
    from multiprocessing.pool import Pool

S = TypeVar("S")  # what every task of a fan-out shares
C = TypeVar("C")  # one task's items
R = TypeVar("R")  # one task's result
F = TypeVar("F")


def worker_pool(workers: int, *, fork: bool = False) -> Pool:
    """A process pool whose workers leave Ctrl-C to the parent, which rolls back and exits
    quietly (otherwise every worker prints its own KeyboardInterrupt traceback).

    Ctrl-C and SIGTERM wait while the workers start: raised between a fork and the bookkeeping
    after it, they would leave a worker nothing knows of, so nothing stops it (and it keeps the
    command's stdout open for good). A stop that came meanwhile stops the new pool, then goes on."""
    import multiprocessing

    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        pool = multiprocessing.get_context("fork" if fork else None).Pool(
            workers, initializer=_ignore_interrupts
        )
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a held stop's handler runs in here
    except BaseException:
        stop_pool(pool)
        raise
    return pool


_STOPS = frozenset({signal.SIGINT, signal.SIGTERM})


def stop_pool(pool: Pool, timeout: float = 5.0) -> None:
    """Terminate a process pool, giving up after `timeout` seconds. Pool.terminate() can hang
    for good when a worker died while holding the pool's queue lock (a signal sent to the
    whole process group, as `timeout` and service managers do, or the OOM killer). Then its
    workers are killed, so that nothing is left to wait for, and `abandoned()` says so: the
    interpreter's exit would otherwise wait on the same lock."""
    import threading

    stopper = threading.Thread(target=pool.terminate, name="stop-pool", daemon=True)
    stopper.start()
    stopper.join(timeout)
    if stopper.is_alive():
        _ABANDONED.append(pool)
        for worker in getattr(pool, "_pool", ()):
            if worker.is_alive():
                worker.kill()
        stopper.join(1.0)


_ABANDONED: list[Pool] = []


def abandoned() -> bool:
    """Did a pool fail to stop? Then the process must leave without its exit handlers."""
    return bool(_ABANDONED)


def _ignore_interrupts() -> None:
    """A worker leaves Ctrl-C to its parent, and dies quietly when terminated (a forked worker
    would otherwise inherit the parent's SIGTERM handler, which raises)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # forked while the parent held them


def forked_pool(workers: int) -> Pool:
    """A pool of forked workers that inherit this process's objects. Frozen, the inherited
    objects are never scanned by a worker's garbage collector (which would copy every page it
    touched)."""
    gc.freeze()
    try:
        return worker_pool(workers, fork=True)
    finally:
        gc.unfreeze()


# The task of the workers being forked and what it shares: set while they fork, so that they
# inherit both. Workers' signature ties the two types together; here they are erased.
_TASK: tuple[Callable[[Any, Any], Any], Any] | None = None


def _run_task(chunk: Any) -> Any:
    if _TASK is None:
        raise RuntimeError("a fan-out task ran outside the workers it was forked for")
    work, shared = _TASK
    return work(shared, chunk)


class Workers(Generic[S, C, R]):
    """work(shared, chunk) for batch after batch of chunks: here when `workers` is 1, else in
    that many forked workers, which inherit `shared` (only chunks and results are pickled).
    The workers start with the first batch sent them and serve every later one, so what they
    cache on the way (judging's analysis of each statement, half of a judgement made cold)
    is not done again by a new pool for each batch. `shared` must not change once they fork."""

    def __init__(self, work: Callable[[S, C], R], shared: S, workers: int = 1):
        self.work, self.shared, self.workers = work, shared, workers
        self._pool: Pool | None = None

    def map(self, chunks: Iterable[C], *, ordered: bool = True, here: bool = False) -> Iterator[R]:
        """The results of the chunks, in chunk order or as they finish unless `ordered`;
        computed in this process when `here` (a batch too small to be worth the workers'
        start), unless they have started."""
        if self.workers <= 1 or (here and self._pool is None):
            return (self.work(self.shared, chunk) for chunk in chunks)
        pool = self._started()
        return (pool.imap if ordered else pool.imap_unordered)(_run_task, chunks)

    def _started(self) -> Pool:
        global _TASK
        if self._pool is None:
            held, _TASK = _TASK, (self.work, self.shared)
            try:
                self._pool = forked_pool(self.workers)
            finally:
                _TASK = held
        return self._pool

    def close(self) -> None:
        """Stop the workers, if they started."""
        pool, self._pool = self._pool, None
        if pool is not None:
            stop_pool(pool)


@contextmanager
def kept_workers(work: Callable[[S, C], R], shared: S, workers: int = 1) -> Iterator[Workers[S, C, R]]:
    """Workers for the block: they stop when it ends, whether every result is in or something
    failed."""
    kept = Workers(work, shared, workers)
    try:
        yield kept
    finally:
        kept.close()


@contextmanager
def fan_out(
    work: Callable[[S, C], R], chunks: Iterable[C], shared: S, workers: int = 1, *, ordered: bool = True
) -> Iterator[Iterator[R]]:
    """The results of work(shared, chunk) for each chunk, by Workers used once: in chunk order,
    or as they finish unless `ordered`; the workers stop when the block ends."""
    with kept_workers(work, shared, workers) as kept:
        yield kept.map(chunks, ordered=ordered)


def in_parallel(background: Callable[[], R], foreground: Callable[[], F]) -> tuple[R, F]:
    """Both results: `background` in a forked process (which may start workers of its own, and
    leaves Ctrl-C to this one; its result is pickled back), `foreground` here."""
    import multiprocessing
    import pickle

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send_result, args=(background, sender))
    gc.freeze()  # what the process inherits is never scanned (and so copied) by it
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)  # as worker_pool does, for one process
    try:
        process.start()
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    finally:
        gc.unfreeze()
        sender.close()
    try:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        mine = foreground()
        outcome, payload = pickle.loads(receiver.recv_bytes())
        if outcome == "error":
            raise RuntimeError(f"work in a background process failed: {payload}")
        theirs: R = payload
        return theirs, mine
    finally:
        receiver.close()
        process.terminate()
        process.join()


def _send_result(work: Callable[[], object], sender: Connection) -> None:
    import pickle

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
    message: tuple[str, object]
    try:
        message = ("ok", work())
    except Exception as error:  # reported to the parent, which raises it
        message = ("error", f"{type(error).__name__}: {error}")
    sender.send_bytes(pickle.dumps(message))
    sender.close()


@contextmanager
def bulk_objects() -> Iterator[None]:
    """No garbage collection while linking holds millions of small objects (texts, stems,
    index lists, judgements; none in a cycle): the collector would rescan them again and again
    (half the time of building an index, 8 % of a whole relink at 100k), and in forked workers
    it would touch, and so copy, every page they share with the parent."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
