"""Settings of the web workspace, built by the caller (CLI or tests), never read at import time."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

SECRET_ENV = "UNVEIL_SECRET_KEY"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the app factory needs.

    Attributes:
        db: The store file; the server owns it while running.
        secret_key: Server secret (bytes); keys the pseudonyms of exports. Use
            :func:`load_secret` to read or create one next to the store.
        trust_proxy: Honour ``X-Forwarded-Proto``/``X-Forwarded-For`` (only behind a proxy you run).
        session_hours: Lifetime of a browser session.
        login_max_failures: Failed logins allowed per username and per client address in the window.
        login_window_seconds: The rate-limit window.
        pool_size: Database connections shared by request threads.
        default_countries: Countries tried when a searched phone number has no country code; empty
            means every country present in the store.
    """

    db: Path
    secret_key: bytes
    trust_proxy: bool = False
    session_hours: float = 12.0
    login_max_failures: int = 5
    login_window_seconds: float = 15 * 60.0
    pool_size: int = 4
    default_countries: tuple[str, ...] = field(default_factory=tuple)
    ingest_dir: Path | None = None  # where API batches are written (default: <db>.ingest/)

    @property
    def ingest_root(self) -> Path:
        """Folder of the files written by the API's batch ingest (their provenance)."""
        return self.ingest_dir or Path(f"{self.db}.ingest")


def load_secret(db: Path, secret_file: Path | None = None) -> bytes:
    """The server secret: ``$UNVEIL_SECRET_KEY``, else ``secret_file`` (default ``<db>.secret``).

    A missing file is created with 32 random bytes (hex) and mode 0600, so
    pseudonyms stay the same across restarts of the same deployment.
    """
    env = os.environ.get(SECRET_ENV)
    if env:
        return env.encode("utf-8")
    path = secret_file or Path(f"{db}.secret")
    if path.exists():
        return path.read_text(encoding="utf-8").strip().encode("utf-8")
    value = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
    return value.encode("utf-8")
