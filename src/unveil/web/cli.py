"""``unveil serve``, ``unveil users`` and ``unveil audit``: the workspace's command line.

Account commands open the store themselves, so they run while the server is
stopped (DuckDB lets one process open the file); while it runs, admins manage
accounts on the Users page or through the API.  Passwords are read from
standard input (``--password-stdin``) or a prompt, never from the command line
where other users could see them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from unveil.store import DEFAULT_DB

Command = Callable[[argparse.Namespace], int]


def register_commands(subparsers: Any, common: argparse.ArgumentParser) -> dict[str, Command]:
    """Add ``serve``, ``users`` and ``audit`` to the ``unveil`` parser; returns their handlers."""
    p = subparsers.add_parser(
        "serve", parents=[common], help="run the review workspace (web pages and REST API)",
        description="Serve the review workspace over the store. The server owns the store file while it runs: "
        "stop it before running `unveil analyze` on the same file, or ingest through the API.")
    p.add_argument("--db", default=DEFAULT_DB, help="store file (default: %(default)s)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    p.add_argument("--trust-proxy", action="store_true",
                   help="honour X-Forwarded-Proto/-For (only behind a TLS proxy you run)")
    p.add_argument("--secret-file", type=Path,
                   help="server secret for export pseudonyms (default: <db>.secret, created if missing; "
                   "or set UNVEIL_SECRET_KEY)")
    p.add_argument("--session-hours", type=float, default=12.0, help="browser session lifetime (default: 12)")

    users = subparsers.add_parser("users", parents=[common], help="manage workspace accounts and API tokens",
                                  description="Manage accounts while the server is stopped.")
    usub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    for name, helptext in (("add", "create an account"), ("list", "list accounts (JSON lines)"),
                           ("disable", "disable an account (sessions end, tokens stop working)"),
                           ("enable", "enable an account again"),
                           ("token", "print a new API token for USER (shown once)"),
                           ("revoke-tokens", "revoke every API token of USER"),
                           ("password", "set a new password for USER")):
        q = usub.add_parser(name, help=helptext, description=helptext)
        q.add_argument("--db", default=DEFAULT_DB, help="store file (default: %(default)s)")
        if name != "list":
            q.add_argument("username", metavar="USER")
        if name == "add":
            q.add_argument("--role", choices=("viewer", "analyst", "admin"), required=True)
        if name in ("add", "password"):
            q.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
        if name == "token":
            q.add_argument("--name", help="a note to tell tokens apart")

    audit = subparsers.add_parser("audit", parents=[common], help="check or export the audit log",
                                  description="Verify the audit log's hash chain, or export it.")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    for name, helptext in (("verify", "check that no row was changed or removed"),
                           ("export", "print the audit log (JSON lines or CSV)")):
        q = asub.add_parser(name, help=helptext, description=helptext)
        q.add_argument("--db", default=DEFAULT_DB, help="store file (default: %(default)s)")
        if name == "export":
            q.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    return {"serve": cmd_serve, "users": cmd_users, "audit": cmd_audit}


def cmd_serve(args: argparse.Namespace) -> int:
    import logging

    import uvicorn

    from unveil.web.app import create_app
    from unveil.web.settings import Settings, load_secret

    db = Path(args.db)
    settings = Settings(db=db, secret_key=load_secret(db, args.secret_file), trust_proxy=args.trust_proxy,
                        session_hours=args.session_hours)
    if args.host not in ("127.0.0.1", "::1", "localhost") and not args.trust_proxy:
        print("unveil: warning: listening beyond this machine without --trust-proxy; put the workspace behind a "
              "TLS proxy so passwords and data are encrypted", file=sys.stderr)
    logging.getLogger("unveil.web.access").setLevel(logging.INFO if args.verbose else logging.WARNING)
    print(f"unveil: serving {db} on http://{args.host}:{args.port}/ (the store is locked until the server stops)",
          file=sys.stderr)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, access_log=False, proxy_headers=False,
                server_header=False, log_level="info" if args.verbose else "warning")
    return 0


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            raise SystemExit("unveil: error: the passwords differ")
    else:
        raise SystemExit("unveil: error: no terminal to ask for the password; use --password-stdin")
    return password


def _cli_actor() -> dict[str, Any]:
    try:
        return {"os_user": getpass.getuser()}
    except (KeyError, OSError):
        return {}


def cmd_users(args: argparse.Namespace) -> int:
    from unveil.store import Store
    from unveil.web import users
    from unveil.web.audit import AuditLog
    from unveil.web.db import ensure_workspace_tables

    action = args.users_command
    with Store(args.db) as store:
        ensure_workspace_tables(store)
        log = AuditLog()

        def audit(name: str, **detail: Any) -> None:
            log.record(store, action=name, target=getattr(args, "username", None), detail={**_cli_actor(), **detail},
                       via="cli")

        try:
            if action == "add":
                password = _read_password(args)
                users.add_user(store, args.username, password, args.role)
                audit("user_add", role=args.role)
                print(f"unveil: user {args.username} added ({args.role})", file=sys.stderr)
            elif action == "list":
                for row in users.list_users(store):
                    sys.stdout.write(json.dumps(row, default=str) + "\n")
            elif action in ("disable", "enable"):
                users.set_disabled(store, args.username, action == "disable")
                audit(f"user_{action}")
                print(f"unveil: user {args.username} {action}d", file=sys.stderr)
            elif action == "token":
                token = users.new_token(store, args.username, args.name)
                audit("token_issue")
                print(token)
                print("unveil: store this token now; only its hash is kept", file=sys.stderr)
            elif action == "revoke-tokens":
                n = users.revoke_tokens(store, args.username)
                audit("token_revoke", tokens=n)
                print(f"unveil: {n} token(s) revoked", file=sys.stderr)
            elif action == "password":
                users.set_password(store, args.username, _read_password(args))
                audit("user_password")
                print(f"unveil: password of {args.username} changed", file=sys.stderr)
        except users.AccountError as exc:
            print(f"unveil: error: {exc}", file=sys.stderr)
            return 1
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from unveil.store import Store
    from unveil.web import audit
    from unveil.web.db import ensure_workspace_tables

    with Store(args.db) as store:
        ensure_workspace_tables(store)
        if args.audit_command == "verify":
            check = audit.verify_chain(store)
            sys.stdout.write(json.dumps({"rows": check.rows, "ok": check.ok, "first_bad_seq": check.first_bad_seq,
                                         "problem": check.problem}) + "\n")
            return 0 if check.ok else 1
        chunks = audit.export_csv(store) if args.format == "csv" else audit.export_jsonl(store)
        for chunk in chunks:
            sys.stdout.write(chunk)
    return 0
