"""``--patterns`` on ``unveil extract`` and ``unveil analyze``: user pattern files, checked up front."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import write_jsonl

pytestmark = pytest.mark.e2e

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "patterns"
ADS = [
    {"id": "1", "country": "DE", "title": "Mia", "body": "Hallo, Skype: anna_demo oder 020 7946 0101."},
    {"id": "2", "country": "DE", "title": "Mia", "body": "Schreib mir: skype id anna_demo, danke."},
    {"id": "3", "country": "FI", "title": "Ola", "body": "Kirjoita: ola.demo miukumauku example piste com"},
]
BAD = "platforms:\n  newchat:\n    cues:\n      any: [newchat]\n    name: {chars: 'a-z', min: lots}\n"


def unveil(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unveil", *args], capture_output=True, text=True, timeout=600)


def _values(lines: str, kind: str) -> list[str]:
    return sorted(e["value"] for line in lines.splitlines() for e in json.loads(line)["entities"] if e["kind"] == kind)


def test_extract_with_patterns(tmp_path: Path) -> None:
    ads = write_jsonl(tmp_path / "ads.jsonl", ADS)
    plain = unveil("extract", str(ads))
    assert plain.returncode == 0 and _values(plain.stdout, "handle") == []
    done = unveil("extract", str(ads), "--patterns", str(EXAMPLES / "skype.handles.yaml"),
                  "--patterns", str(EXAMPLES / "finnish.emails.yaml"))
    assert done.returncode == 0, done.stderr
    assert _values(done.stdout, "handle") == ["skype:anna_demo", "skype:anna_demo"]
    assert _values(done.stdout, "email") == ["ola.demo@example.com"]


def test_extract_bad_pattern_file_exits_2(tmp_path: Path) -> None:
    ads = write_jsonl(tmp_path / "ads.jsonl", ADS)
    bad = tmp_path / "bad.handles.yaml"
    bad.write_text(BAD, encoding="utf-8")
    done = unveil("extract", str(ads), "--patterns", str(bad))
    assert done.returncode == 2 and done.stdout == ""
    assert f"{bad}:5: platforms.newchat.name.min: must be an integer" in done.stderr
    named = tmp_path / "words.yaml"
    named.write_text("x: 1\n", encoding="utf-8")
    done = unveil("extract", str(ads), "--patterns", str(named))
    assert done.returncode == 2 and "words.yaml: (file name)" in done.stderr


@pytest.mark.parametrize("workers", ["1", "2"])
def test_analyze_with_patterns_in_workers(tmp_path: Path, workers: str) -> None:
    ads = write_jsonl(tmp_path / "ads.jsonl", ADS)
    db = tmp_path / "t.duckdb"
    done = unveil("analyze", str(ads), "--db", str(db), "--patterns", str(EXAMPLES), "--workers", workers,
                  "--batch-size", "1", "-q", "--no-image-links")
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        handles = sorted(r[0] for r in con.execute("SELECT value FROM entities WHERE kind = 'handle'").fetchall())
        emails = [r[0] for r in con.execute("SELECT value FROM entities WHERE kind = 'email'").fetchall()]
        params = con.execute("SELECT parameters FROM runs").fetchone()[0]
    assert handles == ["skype:anna_demo", "skype:anna_demo"]
    assert emails == ["ola.demo@example.com"]
    assert str(EXAMPLES) in json.dumps(json.loads(params)["patterns"])


def test_analyze_bad_pattern_file_exits_2_before_touching_the_store(tmp_path: Path) -> None:
    ads = write_jsonl(tmp_path / "ads.jsonl", ADS)
    bad = tmp_path / "bad.handles.yaml"
    bad.write_text(BAD, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    done = unveil("analyze", str(ads), "--db", str(db), "--patterns", str(bad))
    assert done.returncode == 2 and done.stdout == ""
    assert f"{bad}:5: platforms.newchat.name.min" in done.stderr
    assert not db.exists()
    done = unveil("analyze", str(ads), "--db", str(db), "--patterns", str(tmp_path / "nope"))
    assert done.returncode == 2 and "does not exist" in done.stderr
