"""Accounts, tokens, sessions, the login limiter, the audit chain, and the `users`/`audit` commands."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from unveil.cli import main
from unveil.store import Store
from unveil.web import audit, sessions, users
from unveil.web.csrf import LoginCsrf, tokens_match
from unveil.web.db import ensure_workspace_tables
from unveil.web.ratelimit import LoginLimiter


@pytest.fixture()
def store(tmp_path: Path) -> Any:
    with Store(tmp_path / "a.duckdb") as s:
        ensure_workspace_tables(s)
        yield s


def test_passwords_are_hashed_and_checked(store: Store) -> None:
    users.add_user(store, "ana", "a long passphrase", "analyst")
    stored = store.rows("SELECT password_hash FROM users")[0]["password_hash"]
    assert stored.startswith("$argon2id$") and "passphrase" not in stored
    assert users.authenticate(store, "ana", "a long passphrase") == users.User("ana", "analyst")
    assert users.authenticate(store, "ana", "wrong passphrase") is None
    assert users.authenticate(store, "nobody", "a long passphrase") is None
    for bad in (("ana", "a long passphrase", "analyst"), ("b", "short", "viewer"), ("c d", "long enough!", "viewer"),
                ("e", "long enough!", "root")):
        with pytest.raises(users.AccountError):
            users.add_user(store, *bad)
    users.set_disabled(store, "ana")
    assert users.authenticate(store, "ana", "a long passphrase") is None


def test_tokens_are_stored_as_hashes_and_can_be_revoked(store: Store) -> None:
    users.add_user(store, "bot", "a long passphrase", "analyst")
    token = users.new_token(store, "bot", "screening")
    row = store.rows("SELECT * FROM api_tokens")[0]
    assert token not in json.dumps(row, default=str) and row["token_hash"] == users.token_hash(token)
    assert users.user_for_token(store, token) == users.User("bot", "analyst")
    assert users.user_for_token(store, token + "x") is None
    assert users.revoke_tokens(store, "bot") == 1
    assert users.user_for_token(store, token) is None


def test_roles_are_ordered() -> None:
    assert users.User("a", "admin").can("analyst") and users.User("a", "analyst").can("viewer")
    assert not users.User("v", "viewer").can("analyst") and not users.User("a", "admin", disabled=True).can("viewer")


def test_sessions_end_on_logout_expiry_and_disable(store: Store) -> None:
    user = users.add_user(store, "ana", "a long passphrase", "viewer")
    sid = sessions.create_session(store, user, 1.0, "127.0.0.1")
    assert sessions.load_session(store, sid).user == user  # type: ignore[union-attr]
    assert sid not in json.dumps(store.rows("SELECT * FROM sessions"), default=str)
    sessions.end_session(store, sid)
    assert sessions.load_session(store, sid) is None
    expired = sessions.create_session(store, user, -1.0, None)
    assert sessions.load_session(store, expired) is None
    live = sessions.create_session(store, user, 1.0, None)
    users.set_disabled(store, "ana")
    assert sessions.load_session(store, live) is None


def test_login_limiter_window() -> None:
    now = [0.0]
    limiter = LoginLimiter(3, 60.0, clock=lambda: now[0])
    for _ in range(3):
        limiter.failure("user:a", "ip:1")
    assert limiter.blocked("user:a") > 0 and limiter.blocked("ip:1") > 0 and limiter.blocked("user:b") == 0
    now[0] = 61.0
    assert limiter.blocked("user:a", "ip:1") == 0


def test_csrf_helpers() -> None:
    assert tokens_match("abc", "abc") and not tokens_match("abc", "abd") and not tokens_match("", "")
    login = LoginCsrf(b"secret")
    cookie, form = login.issue()
    assert login.check(cookie, form) and not login.check(cookie, form + "x")
    assert not LoginCsrf(b"other").check(cookie, form) and not login.check(None, form)


def test_audit_log_is_a_hash_chain_that_shows_tampering(store: Store) -> None:
    log = audit.AuditLog()
    for i in range(5):
        log.record(store, action="view_ad", username="ana", role="viewer", target=f"site/{i}",
                   detail={"network_id": "N-1"}, client="127.0.0.1")
    assert audit.verify_chain(store) == audit.ChainCheck(5, True)
    # A second writer (a CLI command) continues the same chain.
    audit.AuditLog().record(store, action="user_add", target="bob", via="cli")
    assert audit.verify_chain(store).ok
    store.engine.execute("UPDATE audit_log SET target = 'site/x' WHERE seq = 3")
    check = audit.verify_chain(store)
    assert not check.ok and check.first_bad_seq == 3
    store.engine.execute("UPDATE audit_log SET target = 'site/2' WHERE seq = 3")
    store.engine.execute("DELETE FROM audit_log WHERE seq = 4")
    assert audit.verify_chain(store).first_bad_seq == 5
    total, rows = audit.query(store, action="view_ad", limit=2)
    assert total == 4 and [r["seq"] for r in rows] == [5, 3]
    lines = [json.loads(x) for x in audit.export_jsonl(store)]
    assert lines[0]["detail"] == {"network_id": "N-1"} and "".join(audit.export_csv(store)).count("\n") == 6


def test_no_code_path_updates_or_deletes_the_audit_log() -> None:
    src = Path(audit.__file__).parent
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8").upper()
        assert "UPDATE AUDIT_LOG" not in text and "DELETE FROM AUDIT_LOG" not in text, path
        assert "DELETE FROM LABELS" not in text and "UPDATE LABELS" not in text, path


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str,
         stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_users_and_audit_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.duckdb")
    code, _, err = _run(monkeypatch, capsys, "users", "add", "ana", "--role", "admin", "--password-stdin", "--db",
                        db, stdin="a long passphrase\n")
    assert code == 0 and "added" in err
    code, _, err = _run(monkeypatch, capsys, "users", "add", "bob", "--role", "viewer", "--password-stdin", "--db",
                        db, stdin="short\n")
    assert code == 1 and "too short" in err
    code, out, _ = _run(monkeypatch, capsys, "users", "token", "ana", "--db", db)
    token = out.strip()
    assert code == 0 and token.startswith("unv_")
    code, out, _ = _run(monkeypatch, capsys, "users", "list", "--db", db)
    listed = [json.loads(line) for line in out.splitlines()]
    assert listed[0]["username"] == "ana" and listed[0]["tokens"] == 1 and "password_hash" not in listed[0]
    assert _run(monkeypatch, capsys, "users", "disable", "ana", "--db", db)[0] == 0
    assert _run(monkeypatch, capsys, "users", "disable", "nobody", "--db", db)[0] == 1
    code, out, _ = _run(monkeypatch, capsys, "audit", "verify", "--db", db)
    assert code == 0 and json.loads(out)["rows"] == 3 and json.loads(out)["ok"]
    code, out, _ = _run(monkeypatch, capsys, "audit", "export", "--db", db, "--format", "jsonl")
    actions = [json.loads(line)["action"] for line in out.splitlines()]
    assert actions == ["user_add", "token_issue", "user_disable"] and token not in out
    with Store(db) as store:
        assert users.user_for_token(store, token) is None


def test_password_is_never_a_command_line_argument() -> None:
    done = subprocess.run([sys.executable, "-m", "unveil", "users", "add", "--help"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "--password-stdin" in done.stdout and "--password " not in done.stdout
    done = subprocess.run([sys.executable, "-m", "unveil", "serve", "--help"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0 and "--trust-proxy" in done.stdout and "--port" in done.stdout


def test_concurrent_audit_writes_share_commits_and_keep_the_chain(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from unveil.web.db import Database

    db = Database(tmp_path / "c.duckdb", pool_size=4)
    log = audit.AuditLog()

    def work(i: int) -> list[int]:
        out = []
        for j in range(25):
            with db.use() as store:
                out.append(log.record(store, action="view_ad", target=f"s/{i}-{j}", via="api"))
        return out

    try:
        with ThreadPoolExecutor(8) as pool:
            seqs = sorted(s for chunk in pool.map(work, range(8)) for s in chunk)
        assert seqs == list(range(1, 201))
        with db.use() as store:
            assert audit.verify_chain(store) == audit.ChainCheck(200, True)
    finally:
        db.close()


def test_a_failed_audit_write_fails_its_request_and_the_chain_recovers(store: Store,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    log = audit.AuditLog()
    log.record(store, action="login", username="ana")
    real = store.engine.execute

    def failing(sql: str, params: Any = None) -> None:
        if sql.startswith("INSERT INTO audit_log"):
            raise OSError("disk full")
        real(sql, params)

    monkeypatch.setattr(store.engine, "execute", failing)
    with pytest.raises(OSError):
        log.record(store, action="view_ad", target="s/1")
    monkeypatch.setattr(store.engine, "execute", real)
    assert log.record(store, action="view_ad", target="s/2") == 2
    assert audit.verify_chain(store) == audit.ChainCheck(2, True)
