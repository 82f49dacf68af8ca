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


# A subsection of hand-written notes (same-run ratios between commits, one-off experiments) that a new
# record of its section keeps, after the new figures.
KEPT_HEADING = "### Same-run comparisons"


def record_section(title: str, how: str, table: str, doc: Path | None = None) -> None:
    """Replace (or add) the section ``## title`` of docs/benchmarks.md (or ``doc``), keeping its
    ``### Same-run comparisons ...`` subsection, which is written by hand."""
    doc = DOC if doc is None else doc
    stamp = f"Machine: {machine_line()}. Date: {datetime.now(UTC):%Y-%m-%d}. Commit: `{commit()}`."
    body = f"## {title}\n\n{how}\n\n{stamp}\n\n{table}\n"
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.S | re.M)
    old = pattern.search(text)
    if old is not None:
        kept = re.search(rf"^{re.escape(KEPT_HEADING)}.*?(?=^### |\Z)", old.group(0), re.S | re.M)
        new = body + ("\n" + kept.group(0).rstrip("\n") + "\n" if kept else "")
        text = text[: old.start()] + new + "\n" + text[old.end():]
    else:
        text = text.rstrip("\n") + "\n\n" + body
    doc.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
