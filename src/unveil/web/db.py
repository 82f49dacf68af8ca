"""The server's hold on the store: a small pool of connections and a readers-writer lock.

DuckDB lets one *process* open a file, but that process may hold several
connections to it; one connection must not be used by two threads at once.
Request threads therefore borrow a connection from a pool.  A batch ingest
rewrites the cross-ad tables in several steps, so it takes the lock
exclusively and readers never see a half-built set of networks.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from unveil.store import Store
from unveil.store.schema import MIGRATIONS

log = logging.getLogger("unveil.web")

WORKSPACE_MIGRATION = 3
WORKSPACE_TABLES = ("users", "api_tokens", "sessions", "audit_log", "labels", "label_members")


class ReadWriteLock:
    """Many readers or one writer; a waiting writer blocks new readers (no writer starvation)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


def ensure_workspace_tables(store: Store) -> list[str]:
    """Create workspace tables missing from a store already marked at version 3.

    Stores written while migration 3 was still empty (development builds) carry
    the version but not the tables; this adds them with the same DDL.  Returns
    the tables created.
    """
    missing = [t for t in WORKSPACE_TABLES if not store.engine.table_exists(t)]
    if not missing:
        return []
    statements = next(stmts for number, _desc, stmts in MIGRATIONS if number == WORKSPACE_MIGRATION)
    with store.engine.transaction():
        for sql in statements:
            store.engine.execute(sql.replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", 1))
    log.warning("store %s lacked workspace tables %s; created them", store.path, ", ".join(missing))
    return missing


class Database:
    """A pool of :class:`Store` connections to one file, shared by request threads."""

    def __init__(self, path: Path, pool_size: int = 4) -> None:
        self.path = Path(path).resolve()
        self.lock = ReadWriteLock()
        self.audit_lock = threading.Lock()  # the audit hash chain is extended by one writer at a time
        first = Store(self.path)  # creates or migrates the store
        ensure_workspace_tables(first)
        self._all = [first] + [Store(self.path) for _ in range(max(0, pool_size - 1))]
        self._pool: queue.LifoQueue[Store] = queue.LifoQueue()
        for store in self._all:
            self._pool.put(store)
        self._closed = False

    @contextmanager
    def connection(self) -> Iterator[Store]:
        """Borrow a connection without taking the readers-writer lock (for the lock holder)."""
        store = self._pool.get(timeout=60)
        try:
            yield store
        finally:
            self._pool.put(store)

    @contextmanager
    def use(self) -> Iterator[Store]:
        """A connection for one request (reads and small writes); waits while a batch ingest runs."""
        with self.lock.read(), self.connection() as store:
            yield store

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold off every reader (batch ingest through the pipeline)."""
        with self.lock.write():
            yield

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for store in self._all:
            store.close()
