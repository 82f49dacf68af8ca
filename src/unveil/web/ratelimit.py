"""Login rate limiting: at most N failures per username and per client address in a sliding window.

Kept in memory: the server is one process (it owns the store), and a restart
forgetting recent failures costs an attacker a restart they cannot trigger.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable


class LoginLimiter:
    """Counts failed logins by key (``user:<name>``, ``ip:<addr>``)."""

    def __init__(self, max_failures: int = 5, window_seconds: float = 900.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = max_failures
        self.window = window_seconds
        self._clock = clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures[key]
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def blocked(self, *keys: str) -> float:
        """Seconds until another attempt is allowed for these keys (0 when allowed)."""
        now = self._clock()
        wait = 0.0
        with self._lock:
            for key in keys:
                q = self._recent(key, now)
                if len(q) >= self.max_failures:
                    wait = max(wait, self.window - (now - q[0]))
                if not q:
                    self._failures.pop(key, None)
        return wait

    def failure(self, *keys: str) -> None:
        now = self._clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def success(self, username_key: str) -> None:
        """A good password clears the username's count (not the address's)."""
        with self._lock:
            self._failures.pop(username_key, None)
