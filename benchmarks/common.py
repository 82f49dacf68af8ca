"""Shared helpers for benchmark scripts: machine description and recording results."""

from __future__ import annotations

import os
import platform
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}, {platform.system()}"


def commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        # The results file itself does not count: a benchmark that records as it goes (or several in a row)
        # has written it before its next record.
        status = ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)docs/benchmarks.md"]
        dirty = subprocess.run(status, cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return out.stdout.strip() + ("+uncommitted" if dirty else "")
    except OSError:
        return "unknown"


# Subsections of hand-written notes (same-run ratios between commits, one-off experiments, the red-team
# rounds' table) are kept by a new record of their section, after the new figures; a subsection the
# benchmark writes itself (its heading in the new table) is replaced.
_SUBSECTION = re.compile(r"^### .*?(?=^### |\Z)", re.S | re.M)


def record_section(title: str, how: str, table: str, doc: Path | None = None) -> None:
    """Replace (or add) the section ``## title`` of docs/benchmarks.md (or ``doc``), keeping its
    subsections (``### Same-run comparisons ...``, ``### Red-team rounds`` ...), which are written by hand."""
    doc = DOC if doc is None else doc
    stamp = f"Machine: {machine_line()}. Date: {datetime.now(UTC):%Y-%m-%d}. Commit: `{commit()}`."
    body = f"## {title}\n\n{how}\n\n{stamp}\n\n{table}\n"
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    old = pattern.search(text)
    if old is not None:
        generated = {line for line in table.splitlines() if line.startswith("### ")}
        kept = [m.group(0).rstrip("\n") for m in _SUBSECTION.finditer(old.group(0))
                if m.group(0).split("\n", 1)[0] not in generated]
        new = body + "".join(f"\n{sub}\n" for sub in kept)
        text = text[: old.start()] + new + "\n" + text[old.end():]
    else:
        text = text.rstrip("\n") + "\n\n" + body
    doc.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
