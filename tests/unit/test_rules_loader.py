"""User rules files: adding, overriding and disabling rules, new languages, and the errors of bad files.

Every error names the file, the line, the rule id (when there is one) and what
is wrong, and all problems of a file are reported at once.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from unveil.indicators import Rulebook, RulebookError, default_rulebook, load_rulebook

ROOT = Path(__file__).resolve().parents[2]

RULE_HEAD = """\
  - id: {id}
    category: {category}
    grade: {grade}
    weight: {weight}
    description: A test rule.
    source: [unodc]
"""


def write(tmp_path: Path, text: str, name: str = "rules.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def flags(book: Rulebook, text: str, lang: str = "en") -> set[str]:
    return {f.rule for f in book.evaluate({"body": text, "lang": lang}, [])}


# -- valid user files ----------------------------------------------------------------------


def test_add_a_rule(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        rules:
          - id: local.booking_office
            category: third_party_control
            grade: practitioner_heuristic
            weight: 1
            description: Bookings go through an office.
            source: [unodc]
            negatable: true
            phrases:
              en: ["(book|bookings) (through|via) the office"]
        """)
    book = load_rulebook(path)
    rule = book.rule("local.booking_office")
    assert rule.languages == ("en",) and rule.origin == f"{path}:2"
    assert "local.booking_office" in flags(book, "Bookings via the office only")
    assert "local.booking_office" not in flags(book, "No bookings via the office")
    assert book.version.startswith(default_rulebook().version + "+rules.")
    assert len(book.rules) == len(default_rulebook().rules) + 1


def test_override_changes_only_the_keys_given(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        rules:
          - id: movement.new_in_town
            override: true
            grade: practitioner_heuristic
        """)
    book = load_rulebook(path)
    rule = book.rule("movement.new_in_town")
    assert rule.grade == "practitioner_heuristic" and rule.languages == default_rulebook().rule(rule.id).languages
    (flag,) = [f for f in book.evaluate({"body": "New in town"}, []) if f.rule == rule.id]
    assert flag.grade == "practitioner_heuristic"


def test_override_with_phrases_replaces_all_matching(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        rules:
          - id: movement.new_in_town
            override: true
            phrases:
              en: ["fresh in town"]
        """)
    book = load_rulebook(path)
    assert book.rule("movement.new_in_town").languages == ("en",)
    assert "movement.new_in_town" in flags(book, "Fresh in town")
    assert "movement.new_in_town" not in flags(book, "Nouvelle en ville", "fr")


def test_disable_a_rule(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        rules:
          - id: youth_language.words
            override: true
            enabled: false
        """)
    book = load_rulebook(path)
    assert book.rule("youth_language.words").enabled is False
    assert "youth_language.words" not in flags(book, "Petite and youthful")
    assert "youth_language.words" in flags(default_rulebook(), "Petite and youthful")


def test_a_new_language_with_its_negation_words(tmp_path: Path) -> None:
    path = write(tmp_path, """\
        languages:
          pt:
            name: Portuguese
            negation: ["não", "nunca", "sem"]
        rules:
          - id: local.movement_pt
            category: movement
            grade: contradicted_by_evidence
            weight: 1
            description: Recent arrival, in Portuguese.
            source: [lugo2022]
            negatable: true
            phrases:
              pt: ["nova na cidade", "(acabei de|acaba de) chegar"]
        """)
    book = load_rulebook(path)
    assert book.languages["pt"].negation >= {"nao", "nunca"}
    assert "local.movement_pt" in flags(book, "Sou nova na cidade", "pt")
    assert "local.movement_pt" in flags(book, "Acabei de chegar!", "pt-BR")
    assert "local.movement_pt" not in flags(book, "Não sou nova na cidade", "pt")


def test_user_files_apply_in_order(tmp_path: Path) -> None:
    first = write(tmp_path, """\
        rules:
          - id: local.x
            category: movement
            grade: practitioner_heuristic
            weight: 1
            description: First version.
            source: [unodc]
            phrases:
              en: ["on the road"]
        """, "first.yaml")
    second = write(tmp_path, """\
        rules:
          - id: local.x
            override: true
            weight: 2
        """, "second.yaml")
    rule = load_rulebook(first, second).rule("local.x")
    assert rule.weight == 2 and rule.description == "First version." and rule.origin == f"{second}:2"


# -- invalid files -------------------------------------------------------------------------


def rule(id: str = "local.x", category: str = "movement", grade: str = "expert_consensus", weight: str = "1",
         extra: str = '    phrases:\n      en: ["on the road"]\n') -> str:
    return RULE_HEAD.format(id=id, category=category, grade=grade, weight=weight) + extra


BAD_FILES = [
    # (file body, line, rule id, what the message must say)
    pytest.param("rules:\n" + rule(category="third_party_controll"), 3, "local.x",
                 "unknown category 'third_party_controll' (did you mean 'third_party_control'?)", id="category"),
    pytest.param("rules:\n" + rule(grade="validated"), 4, "local.x",
                 "grade must be one of outcome_validated, expert_consensus", id="grade"),
    pytest.param("rules:\n" + rule(weight="12"), 5, "local.x", "weight must be a number from 0 to 10, not 12",
                 id="weight-high"),
    pytest.param("rules:\n" + rule(weight="-1"), 5, "local.x", "weight must be a number from 0 to 10", id="weight-low"),
    pytest.param("rules:\n" + rule(weight="heavy"), 5, "local.x", "weight must be a number", id="weight-text"),
    pytest.param("rules:\n" + rule(extra="    patterns:\n      en: ['(a+)+b']\n"), 9, "local.x",
                 "nested quantifiers", id="nested-quantifier"),
    pytest.param("rules:\n" + rule(extra="    patterns:\n      en: ['(?:\\w+\\s?)*$', 'ok']\n"), 9, "local.x",
                 "nested quantifiers", id="nested-quantifier-2"),
    pytest.param("rules:\n" + rule(extra='    phrases:\n      en:\n        - "on tour"\n        - no\n'), 11, "local.x",
                 "phrases item False is not a string (YAML reads unquoted no/yes/on/off as booleans: quote it)",
                 id="unquoted-no"),
    pytest.param("rules:\n" + rule(extra="    phrases:\n      en: [\"(on the road\"]\n"), 9, "local.x",
                 "unclosed '('", id="phrase-syntax"),
    pytest.param("rules:\n" + rule(extra="    phrase:\n      en: [\"on the road\"]\n"), 8, "local.x",
                 "unknown key 'phrase' (did you mean 'phrases'?)", id="unknown-key"),
    pytest.param("rules:\n" + rule(extra="    phrases:\n      pt: [\"na estrada\"]\n"), 8, "local.x",
                 "unknown language 'pt'", id="unknown-language"),
    pytest.param("rules:\n" + rule(extra="    condition: {type: stated_age, below: eighteen}\n"), 8, "local.x",
                 "condition parameter 'below' must be int", id="condition"),
    pytest.param("rules:\n" + rule(id="movement.new_in_town"), 2, "movement.new_in_town",
                 "duplicate rule id (first declared at unveil/indicators/data/rules.yaml:", id="duplicate"),
    pytest.param("rules:\n  - id: local.y\n    override: true\n    weight: 1\n", 3, "local.y",
                 "override: true, but no earlier rule has this id", id="override-unknown"),
]


@pytest.mark.parametrize(("body", "line", "rule_id", "fragment"), BAD_FILES)
def test_invalid_rule_errors_name_file_line_rule_and_problem(
    tmp_path: Path, body: str, line: int, rule_id: str, fragment: str
) -> None:
    path = write(tmp_path, body, "bad.yaml")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(path)
    prefix = f"{path}:{line}: rule {rule_id!r}: "
    assert any(e.startswith(prefix) and fragment in e for e in caught.value.errors), caught.value.errors
    assert str(caught.value) == "\n".join(caught.value.errors)


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    body = "rules:\n" + rule(id="local.a", category="nope") + rule(id="local.b", grade="nope") + rule(
        id="local.c", weight="99")
    path = write(tmp_path, body, "bad.yaml")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(path)
    assert [e.split(": rule ")[1].split(":")[0] for e in caught.value.errors] == ["'local.a'", "'local.b'", "'local.c'"]


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("rules:\n  - id: local.x\n    category: movement\n   grade: expert_consensus\n", 4, "invalid YAML"),
        ("rules:\n  - id: local.x\n    phrases: {en: [\"a\", \"b\"\n    weight: 1\n", 4, "invalid YAML"),
        ("rules:\n  - id: local.x\n    weight: 1\n    weight: 2\n", 4, "duplicate key 'weight' (first on line 3)"),
        ("languages:\n  pt:\n    name: Portuguese\n    negation: [\"não\", no]\n", 4,
         "language 'pt': negation item False is not a string (YAML reads unquoted no/yes/on/off as booleans"),
        ("rulez: []\n", 1, "unknown top-level key 'rulez' (did you mean 'rules'?)"),
        ("categories:\n  movement:\n    description: again\n    cap: 1\n", 2, "category 'movement' is already defined"),
    ],
    ids=["indentation", "unclosed-flow", "duplicate-key", "negation-boolean", "top-level-key", "category-twice"],
)
def test_file_level_errors_name_file_and_line(tmp_path: Path, body: str, line: int, fragment: str) -> None:
    path = write(tmp_path, body, "bad.yaml")
    with pytest.raises(RulebookError) as caught:
        load_rulebook(path)
    assert any(e.startswith(f"{path}:{line}: ") and fragment in e for e in caught.value.errors), caught.value.errors


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RulebookError, match="cannot read rulebook file"):
        load_rulebook(tmp_path / "nowhere.yaml")


def test_a_bad_file_does_not_change_the_default_rulebook(tmp_path: Path) -> None:
    before = [r.id for r in default_rulebook().rules]
    with pytest.raises(RulebookError):
        load_rulebook(write(tmp_path, "rules:\n" + rule(id="movement.new_in_town"), "bad.yaml"))
    assert [r.id for r in default_rulebook().rules] == before


# -- the command line ----------------------------------------------------------------------


def test_cli_extract_with_a_bad_rules_file_exits_1_with_the_message(tmp_path: Path) -> None:
    bad = write(tmp_path, "rules:\n" + rule(category="third_party_controll"), "bad.yaml")
    ads = tmp_path / "ads.jsonl"
    ads.write_text(json.dumps({"id": "a1", "body": "Hello"}) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "unveil", "extract", "--rules", str(bad), str(ads)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert f"{bad}:3: rule 'local.x': unknown category 'third_party_controll'" in done.stderr
    assert "did you mean 'third_party_control'?" in done.stderr
