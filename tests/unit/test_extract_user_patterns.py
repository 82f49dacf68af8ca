"""User pattern files (``--patterns``): extend the packaged email, handle and payment patterns without code."""

from __future__ import annotations

from pathlib import Path

import pytest

from unveil.extract import extract_ad
from unveil.extract.user_patterns import PatternError, load_user_extractors, pattern_files
from unveil.per_ad import analyse_ad

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples" / "patterns"


def _values(text: str, extractors, kind: str) -> list[str]:
    return [e.value for e in extract_ad({"body": text, "country": "PL"}, extractors) if e.kind == kind]


def test_documented_examples_work() -> None:
    ex = load_user_extractors([EXAMPLES])
    assert _values("Skype: anna_demo anytime", ex, "handle") == ["skype:anna_demo"]
    assert _values("Skype live:anna_demo", ex, "handle") == ["skype:anna_demo"]
    assert _values("pisz na telegram nazwa: anna_demo", ex, "handle") == ["telegram:anna_demo"]
    assert _values("anna.demo miukumauku example piste com", ex, "email") == ["anna.demo@example.com"]
    # Without the files none of these is read, and the packaged platforms still work with them.
    assert _values("Skype: anna_demo anytime", None, "handle") == []
    assert _values("anna.demo miukumauku example piste com", None, "email") == []
    assert _values("Telegram: @anna_vip", ex, "handle") == ["telegram:anna_vip"]
    assert _values("write anna at example dot com", ex, "email") == ["anna@example.com"]


def test_analyse_ad_takes_the_extractors() -> None:
    ex = load_user_extractors([EXAMPLES / "skype.handles.yaml"])
    out = analyse_ad({"body": "Skype: anna_demo", "country": "DE"}, None, ex)
    assert [e.value for e in out.entities if e.kind == "handle"] == ["skype:anna_demo"]


def test_a_payment_file_blocks_its_words_for_handles(tmp_path: Path) -> None:
    (tmp_path / "zapay.payments.yaml").write_text(
        "platforms:\n  zapay:\n    cues:\n      any: [zapay]\n    name: {chars: 'a-z0-9_', first: letter, min: 3, "
        "max: 20}\n", encoding="utf-8")
    ex = load_user_extractors([tmp_path])
    assert _values("deposit by zapay: anna_pay", ex, "payment") == ["zapay:anna_pay"]
    assert _values("deposit by zapay: anna_pay", ex, "handle") == []


def test_files_are_matched_by_name(tmp_path: Path) -> None:
    for name in ("handles.yaml", "b.emails.yml", "x.payments.yaml"):
        (tmp_path / name).write_text("{}\n", encoding="utf-8")
    assert {k: [p.name for p in v] for k, v in pattern_files([tmp_path]).items()} == {
        "handles": ["handles.yaml"], "emails": ["b.emails.yml"], "payments": ["x.payments.yaml"]}


def _error(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PatternError) as info:
        load_user_extractors([path])
    return str(info.value)


def test_wrong_value_names_file_line_and_key(tmp_path: Path) -> None:
    msg = _error(tmp_path, "my.handles.yaml",
                 "# comment\nplatforms:\n  newchat:\n    cues:\n      any: [newchat]\n"
                 "    name: {chars: 'a-z', first: letter, min: three}\n")
    assert msg.startswith(f"{tmp_path / 'my.handles.yaml'}:6: platforms.newchat.name.min: must be an integer")


def test_unquoted_yaml_boolean_is_explained(tmp_path: Path) -> None:
    msg = _error(tmp_path, "no.emails.yaml", "dot_words:\n  pl: [kropka, no]\n")
    assert "no.emails.yaml:2: dot_words.pl[1]" in msg and 'write "on"' in msg


def test_unknown_key_and_bad_yaml_and_bad_name(tmp_path: Path) -> None:
    msg = _error(tmp_path, "typo.handles.yaml", "platfroms:\n  x: {}\n")
    assert "typo.handles.yaml:1: platfroms: unknown key" in msg
    msg = _error(tmp_path, "broken.emails.yaml", "at_words: [unclosed\n")
    assert "broken.emails.yaml" in msg and "line" in msg and "invalid YAML" in msg
    msg = _error(tmp_path, "rules.yaml", "x: 1\n")
    assert "rules.yaml: (file name): must say which patterns it adds to" in msg
    msg = _error(tmp_path, "list.handles.yaml", "- a\n- b\n")
    assert "list.handles.yaml" in msg and "must be a mapping" in msg
    with pytest.raises(PatternError, match="does not exist"):
        load_user_extractors([tmp_path / "missing.handles.yaml"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(PatternError, match=r"holds no \.yaml pattern file"):
        load_user_extractors([empty])
