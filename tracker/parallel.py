"""Worker processes: pools that leave Ctrl-C and SIGTERM to the parent, and stop within bounds.

Linking and bulk import analyse and judge in worker processes; every pool in tracker is made
and stopped here, so a stop (Ctrl-C, SIGTERM, a dead worker) ends the same way everywhere.
"""

from __future__ import annotations

import signal
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # multiprocessing is imported on first use: `tracker --help` never needs it
    from multiprocessing.pool import Pool


def worker_pool(workers: int, *, fork: bool = False) -> Pool:
    """A process pool whose workers leave Ctrl-C to the parent, which rolls back and exits
    quietly (otherwise every worker prints its own KeyboardInterrupt traceback)."""
    import multiprocessing

    return multiprocessing.get_context("fork" if fork else None).Pool(
        workers, initializer=_ignore_interrupts
    )


def stop_pool(pool: Pool, timeout: float = 5.0) -> None:
    """Terminate a process pool, giving up after `timeout` seconds. Pool.terminate() can hang
    for good when a worker died while holding the pool's queue lock (a signal sent to the
    whole process group, as `timeout` and service managers do, or the OOM killer); the pool's
    daemon workers still get a SIGTERM at exit."""
    import threading

    stopper = threading.Thread(target=pool.terminate, name="stop-pool", daemon=True)
    stopper.start()
    stopper.join(timeout)


def _ignore_interrupts() -> None:
    """A worker leaves Ctrl-C to its parent, and dies quietly when terminated (a forked worker
    would otherwise inherit the parent's SIGTERM handler, which raises)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
