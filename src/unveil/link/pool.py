"""Run a per-batch pure function over many batches, in worker processes when asked, results in order.

The per-ad parts of linking (text fingerprints, image hashes) are pure functions of a batch, so they can
run in a process pool while the main process keeps the database busy inserting finished batches.  The
work in flight is bounded so memory stays flat on any input size; results come back in submission order,
so what is written does not depend on scheduling.  Progress goes to stderr through tqdm.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any, TypeVar

from tqdm import tqdm

R = TypeVar("R")


class BatchPool:
    """A lazily started process pool (or none, with ``workers <= 1``), shared by the link steps of a run."""

    def __init__(self, workers: int = 1, *, progress: bool = False) -> None:
        self.workers = max(1, workers)
        self.progress = progress
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> BatchPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "forkserver")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=ctx)
        return self._pool

    def map(self, fn: Callable[..., R], tasks: Iterable[tuple[Any, ...]], *, desc: str, total: int | None = None,
            unit: str = "batch", weight: Callable[[tuple[Any, ...]], int] | None = None) -> Iterator[R]:
        """Yield ``fn(*task)`` for each task, in order.

        Args:
            fn: a module-level function (it is pickled to the workers).
            tasks: argument tuples, produced lazily.
            desc: progress bar label.
            total: total progress units, when known.
            unit: progress unit name.
            weight: progress units of a task (default 1).
        """
        bar = tqdm(total=total, desc=desc, unit=unit, disable=not self.progress, leave=False, file=sys.stderr)
        try:
            if self.workers <= 1:
                for task in tasks:
                    yield fn(*task)
                    bar.update(weight(task) if weight else 1)
                return
            pool = self._executor()
            pending: deque[tuple[int, Future[R]]] = deque()
            for task in tasks:
                pending.append((weight(task) if weight else 1, pool.submit(fn, *task)))
                while len(pending) > self.workers * 2:
                    units, fut = pending.popleft()
                    yield fut.result()
                    bar.update(units)
            while pending:
                units, fut = pending.popleft()
                yield fut.result()
                bar.update(units)
        finally:
            bar.close()
