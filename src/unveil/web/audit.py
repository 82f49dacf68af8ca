"""The audit log: who viewed, searched, labelled or exported what, when, and from where.

Append-only by construction: this module only ever INSERTs into ``audit_log``,
and no other code touches the table.  Each row's ``row_hash`` is the SHA-256
of its content and of the previous row's hash, so an edit or deletion made
behind unveil's back (with a database tool) breaks the chain and
:func:`verify_chain` names the first bad row.  Targets are ids (ad keys,
network ids, user names); a search's query is kept in ``detail`` because the
audit log is where reviewers' look-ups must be traceable.  The server's own
log never carries identifiers or search terms.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from unveil.store import Store
from unveil.store.store import utcnow
from unveil.web import csv_safe

GENESIS = "0" * 64
COLUMNS = ("seq", "logged_at", "username", "role", "action", "target", "detail", "client", "via",
           "prev_hash", "row_hash")
EXPORT_PAGE = 5000


def _row_hash(seq: int, logged_at: datetime, username: str | None, role: str | None, action: str,
              target: str | None, detail: str | None, client: str | None, via: str | None, prev: str) -> str:
    payload = json.dumps([seq, logged_at.isoformat(), username, role, action, target, detail, client, via, prev],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class AuditWriteError(RuntimeError):
    """An audit row could not be written; the request that caused it must fail too."""


class AuditLog:
    """Appends hash-chained rows; one instance per process that writes (the server, or a CLI command).

    Rows get their sequence number and hash in the order callers arrive, then are committed with group
    commit: one caller at a time writes every row queued so far in one statement, so concurrent requests
    share a commit instead of queueing for one each.  :meth:`record` returns only once its row is
    committed (a view is on record before the page is sent), and raises if it could not be.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()  # the chain's tail and the queue
        self._writer = threading.Lock()  # one commit at a time
        self._last: tuple[int, str] | None = None
        self._queue: list[list[Any]] = []
        self._written = 0  # highest sequence number committed
        self._failed: set[int] = set()

    def _tail(self, store: Store) -> tuple[int, str]:
        if self._last is None:
            rows = store.rows("SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            self._last = (int(rows[0]["seq"]), str(rows[0]["row_hash"])) if rows else (0, GENESIS)
        return self._last

    def record(self, store: Store, *, action: str, username: str | None = None, role: str | None = None,
               target: str | None = None, detail: dict[str, Any] | None = None, client: str | None = None,
               via: str = "page") -> int:
        """Append one row and return its sequence number once it is committed."""
        detail_text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str) if detail else None
        with self._lock:
            last_seq, prev = self._tail(store)
            seq = last_seq + 1
            now = utcnow()
            digest = _row_hash(seq, now, username, role, action, target, detail_text, client, via, prev)
            self._queue.append([seq, now, username, role, action, target, detail_text, client, via, prev, digest])
            self._last = (seq, digest)
        with self._writer:
            with self._lock:
                if seq in self._failed:
                    self._failed.discard(seq)
                    raise AuditWriteError(f"audit row {seq} was not written")
                if seq <= self._written:
                    return seq  # committed by another caller's batch
                batch, self._queue = self._queue, []
            try:
                store.engine.execute(
                    f"INSERT INTO audit_log ({', '.join(COLUMNS)}) VALUES "
                    + ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(batch)),
                    [value for row in batch for value in row],
                )
            except Exception:
                with self._lock:
                    # Rows queued since were chained on these: they fail too, and the tail is re-read.
                    self._failed.update(row[0] for row in (*batch, *self._queue) if row[0] != seq)
                    self._queue = []
                    self._last = None
                raise
            with self._lock:
                self._written = max(self._written, batch[-1][0])
            return seq


@dataclass(frozen=True, slots=True)
class ChainCheck:
    rows: int
    ok: bool
    first_bad_seq: int | None = None
    problem: str | None = None


def verify_chain(store: Store) -> ChainCheck:
    """Recompute every row hash in order; report the first row that does not match."""
    prev, expected_seq, n = GENESIS, 1, 0
    for row in iter_rows(store):
        n += 1
        if row["seq"] != expected_seq:
            return ChainCheck(n, False, row["seq"], f"sequence jumps from {expected_seq - 1} to {row['seq']}")
        if row["prev_hash"] != prev:
            return ChainCheck(n, False, row["seq"], "prev_hash does not match the previous row")
        digest = _row_hash(row["seq"], row["logged_at"], row["username"], row["role"], row["action"],
                           row["target"], row["detail"], row["client"], row["via"], row["prev_hash"])
        if digest != row["row_hash"]:
            return ChainCheck(n, False, row["seq"], "row content does not match its hash")
        prev, expected_seq = row["row_hash"], expected_seq + 1
    return ChainCheck(n, True)


def iter_rows(store: Store, *, after: int = 0) -> Iterator[dict[str, Any]]:
    """Every row in sequence order, read a page at a time."""
    last = after
    while True:
        rows = store.rows(f"SELECT {', '.join(COLUMNS)} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
                          [last, EXPORT_PAGE])
        if not rows:
            return
        yield from rows
        last = rows[-1]["seq"]


def query(store: Store, *, username: str | None = None, action: str | None = None, target: str | None = None,
          limit: int = 100, offset: int = 0, decoded: bool = False) -> tuple[int, list[dict[str, Any]]]:
    """Rows newest first, filtered; returns ``(total matching, page)``.

    With ``decoded``, times are ISO strings and ``detail`` is parsed JSON (the API's shape).
    """
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    for col, val in (("username", username), ("action", action), ("target", target)):
        if val:
            where.append(f"{col} = ?")
            params.append(val)
    cond = " AND ".join(where)
    total = int(store.engine.scalar(f"SELECT COUNT(*) AS n FROM audit_log WHERE {cond}", params) or 0)
    rows = store.rows(
        f"SELECT {', '.join(COLUMNS)} FROM audit_log WHERE {cond} ORDER BY seq DESC LIMIT ? OFFSET ?",
        [*params, int(limit), int(offset)],
    )
    if decoded:
        rows = [_export_row(r) for r in rows]
    return total, rows


def _export_row(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["logged_at"] = row["logged_at"].isoformat() if row["logged_at"] else None
    out["detail"] = json.loads(row["detail"]) if row["detail"] else None
    return out


def export_jsonl(store: Store) -> Iterator[str]:
    for row in iter_rows(store):
        yield json.dumps(_export_row(row), ensure_ascii=False, sort_keys=True) + "\n"


def export_csv(store: Store) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    for row in iter_rows(store):
        r = _export_row(row)
        writer.writerow(csv_safe.row([
            json.dumps(r[c], ensure_ascii=False, sort_keys=True) if c == "detail" and r[c] else r[c] for c in COLUMNS
        ]))
        if buf.tell() > 64_000:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()
