"""Fixtures for the workspace tests: one demo corpus per session, a private copy of its store per module.

The corpus is the synthetic demo (``generate_corpus``, ~300 ads, fiction-range phone numbers) plus a few
hostile ads (markup in text and names).  Argon2 runs with cheap parameters here: the defaults take about
0.3 s per hash on this machine and the tests log in many times.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from unveil.demo.generator import generate_corpus
from unveil.pipeline import AnalyzeOptions, analyze
from unveil.store import Store
from unveil.web import users
from unveil.web.db import ensure_workspace_tables
from unveil.web.rules import load_rules
from unveil.web.settings import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette prefers httpx2; httpx works
    from starlette.testclient import TestClient

PASSWORD = "fiction-only-password"
ROLES = ("admin", "analyst", "viewer")
HOSTILE_ADS = [
    {"id": "x-1", "source": "hostile.example", "country": "GB", "city": "Leeds", "posted_at": "2026-02-01T10:00:00Z",
     "title": "<script>alert('title')</script> Jess<img src=x onerror=alert(1)>",
     "body": "Hi, I am <b>Jess</b><script>alert('body')</script>. Call 07700 900777 or 07700 900778. "
             "\"quotes\" & 'apostrophes' </div></textarea>"},
    {"id": "x-2", "source": "hostile.example", "country": "GB", "city": "York", "posted_at": "2026-02-02T10:00:00Z",
     "title": "Jess again", "body": "Same person: 07700 900777. <iframe src=//evil.example></iframe>"},
]


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing() -> Iterator[None]:
    previous = users.use_hasher(PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1))
    yield
    users.use_hasher(previous)


@dataclass
class Corpus:
    root: Path
    corpus_dir: Path
    db: Path


@pytest.fixture(scope="session")
def demo_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The demo corpus with images, analysed once per test session."""
    import json

    root = tmp_path_factory.mktemp("webdemo")
    summary = generate_corpus(root / "corpus", n_ads=300, seed=11, images=True)
    hostile = root / "corpus" / "hostile.jsonl"
    hostile.write_text("".join(json.dumps(a) + "\n" for a in HOSTILE_ADS), encoding="utf-8")
    db = root / "base.duckdb"
    inputs = [summary.ads_path, hostile] + ([summary.bad_path] if summary.bad_path else [])
    analyze(inputs, db, options=AnalyzeOptions(progress=False, rejects_path=root / "rejects.jsonl"),
            rules=load_rules())
    with Store(db) as store:
        ensure_workspace_tables(store)
    return Corpus(root, root / "corpus", db)


@dataclass
class Workspace:
    """A private store copy with one user per role and an API token each."""

    db: Path
    settings: Settings
    tokens: dict[str, str] = field(default_factory=dict)

    def headers(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}


def make_workspace(corpus: Corpus, folder: Path) -> Workspace:
    db = folder / "ws.duckdb"
    shutil.copy(corpus.db, db)
    ws = Workspace(db, Settings(db=db, secret_key=b"test-secret-" + b"0" * 20, pool_size=3))
    with Store(db) as store:
        for role in ROLES:
            users.add_user(store, role, PASSWORD, role)
            ws.tokens[role] = users.new_token(store, role)
    return ws


@pytest.fixture(scope="module")
def workspace(demo_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return make_workspace(demo_corpus, tmp_path_factory.mktemp("ws"))


@pytest.fixture(scope="module")
def client(workspace: Workspace) -> Iterator[Any]:
    from unveil.web.app import create_app

    with TestClient(create_app(workspace.settings), follow_redirects=False) as c:
        yield c


def login(client: Any, username: str, password: str = PASSWORD) -> str:
    """Log ``client`` in through the form; returns the session's CSRF token."""
    import re

    client.cookies.clear()
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, page.text
    done = client.post("/login", data={"username": username, "password": password, "csrf_token": token.group(1),
                                       "next": "/"})
    assert done.status_code == 303, done.text
    home = client.get("/")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', home.text)
    assert csrf
    return csrf.group(1)


def top_network(client: Any, headers: dict[str, str]) -> dict[str, Any]:
    nets = client.get("/api/v1/networks?min_size=3&limit=1", headers=headers).json()["networks"]
    assert nets
    return nets[0]
