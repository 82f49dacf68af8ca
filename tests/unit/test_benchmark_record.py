"""benchmarks/common.py: recording a benchmark's section keeps the hand-written comparisons under it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _common():
    spec = importlib.util.spec_from_file_location("bench_common", ROOT / "benchmarks" / "common.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOC = """# Benchmarks

## Extraction accuracy and throughput

How.

Machine: old. Date: 2026-11-30. Commit: `aaaaaaa`.

| kind | F1 |
|---|---|
| phone | 0.90 |

### Same-run comparisons and experiments (written by hand; a new `--record` keeps them)

Same-run comparison: 100 ads/s before, 101 after.

Compiled Python: about 1.2x.

## Indicator rulebook accuracy and throughput

Rules.

### Blind held-out sets (target categories)

| set | F1 |
"""


def test_a_new_record_keeps_the_hand_written_comparisons(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(DOC, encoding="utf-8")
    table = "| kind | F1 |\n|---|---|\n| phone | 0.99 |"
    _common().record_section("Extraction accuracy and throughput", "How, again.", table, doc=doc)
    text = doc.read_text(encoding="utf-8")
    assert "| phone | 0.99 |" in text and "| phone | 0.90 |" not in text  # the figures are new
    assert "Date: 2026-11-30" not in text
    section = text.split("## Indicator rulebook")[0]
    assert section.index("| phone | 0.99 |") < section.index("### Same-run comparisons")
    assert "100 ads/s before, 101 after." in section and "Compiled Python: about 1.2x." in section
    assert text.count("### Same-run comparisons") == 1
    # the next section, with a subsection its own benchmark writes, is untouched
    assert text.endswith("## Indicator rulebook accuracy and throughput\n\nRules.\n\n"
                         "### Blind held-out sets (target categories)\n\n| set | F1 |\n")


def test_a_generated_subsection_is_replaced_not_kept(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(DOC, encoding="utf-8")
    table = "| rule | F1 |\n\n### Blind held-out sets (target categories)\n\n| set | F1 | new |"
    _common().record_section("Indicator rulebook accuracy and throughput", "Rules.", table, doc=doc)
    text = doc.read_text(encoding="utf-8")
    assert text.count("### Blind held-out sets") == 1 and "| set | F1 | new |" in text
    assert "100 ads/s before, 101 after." in text  # the other section's notes stay


def test_a_new_section_is_added_at_the_end(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(DOC, encoding="utf-8")
    _common().record_section("New benchmark", "What it does.", "| a |", doc=doc)
    text = doc.read_text(encoding="utf-8")
    assert text.rstrip().endswith("| a |") and "## New benchmark" in text and "Rules." in text


def test_every_hand_written_subsection_is_kept(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(DOC.replace("## Indicator rulebook", "### Red-team rounds\n\n| round | pass |\n| r1 | 20 |\n\n"
                               "## Indicator rulebook", 1), encoding="utf-8")
    _common().record_section("Extraction accuracy and throughput", "How.", "| kind | F1 |", doc=doc)
    section = doc.read_text(encoding="utf-8").split("## Indicator rulebook")[0]
    assert "### Red-team rounds" in section and "| r1 | 20 |" in section
    assert "100 ads/s before, 101 after." in section
    assert section.index("### Same-run comparisons") < section.index("### Red-team rounds")  # their order kept
