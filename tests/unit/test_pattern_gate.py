"""Leading gates of rulebook patterns: what the reader derives, and that gating never changes a flag."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unveil.demo.generator import iter_ads
from unveil.indicators import default_rulebook
from unveil.indicators.fold import fold
from unveil.indicators.matcher import TextMatcher, compile_pattern, fold_pattern
from unveil.indicators.pattern_gate import leading_gate

DATA = Path(__file__).resolve().parents[1] / "data"
BOOK = default_rulebook()
ACTIVE = [r for r in BOOK.rules if r.enabled and r.kind != "condition"]
GATED = TextMatcher(ACTIVE, BOOK.languages, BOOK.negation_window)
UNGATED = TextMatcher(ACTIVE, BOOK.languages, BOOK.negation_window, gates=False)


@pytest.mark.parametrize(("pattern", "gate"), [
    (r"1[0-7]\s{0,3}ans", "1[0-7](?![0-9])"),  # what follows (space or "a") is never a digit
    (r"(?<!\b(?:seit|vor)\s{1,3})1[0-7]\s{0,3}jahre", "1[0-7](?![0-9])"),  # a look-behind consumes nothing
    (r"1[0-7]", "1[0-7](?![0-9])"),  # the end of a pattern: compile_pattern forbids a digit after it
    (r"1[0-7]\s*.", "1[0-7]"),  # "." may be a digit
    (r"1[0-7]\d", r"1[0-7]\d(?![0-9])"),
    (r"1[0-7][!-~]x", "1[0-7][!-~]x(?![0-9])"),
    (r"1[0-7](?:\s|x)?", "1[0-7](?![0-9])"),
    (r"1[0-7](?:\s|5)?", "1[0-7]"),  # an optional digit may follow
    (r"1[0-7]\s*[^a]", "1[0-7]"),  # a negated class may be a digit
    (r"(?:age|aged)\s*:?\s*1[0-7]", "(?:(?:age|aged))"),
    (r"ab+c", "ab(?![0-9])"),  # one copy of a repeat, then more copies or "c"
    (r"ab+\d", "ab"),
    (r"a|b", "(?:a|b)"),
    (r"abcdef", "abcd(?![0-9])"),  # four atoms at most
    (r"abcd5", "abcd"),
    (r"\p{L}{2,20}x", r"\p{L}(?![0-9])"),
    (r"\p{N}{2,20}x", r"\p{N}"),
    (r"^\s+x", r"\s(?![0-9])"),
    (r"^\s*x", None),
    (r"a.b", "a"),
    (r"x?y", None),  # starts with an optional atom
    (r"(?:a|b?)c", None),
    (r"(?i)anna", None),  # inline flags
    (r"(a)\1", None),  # a back reference
    (r"(?P<n>a)b", None),  # a named group
    (r"(?>ab)c", None),  # an atomic group
    (r"\pLx", None),  # one-letter property names are not read
    (r"\x{41}b", None),
    (r"\x41b", r"\x41b(?![0-9])"),
    (r"[\]a-]b", r"[\]a-]b(?![0-9])"),
    (r"[\d]x", r"[\d]x(?![0-9])"),
    (r"x\s*[\d]", "x"),
    (r"x\s*[+-:]", "x"),  # a range across the digits
    (r"x\s*[\]a-]", "x(?![0-9])"),
    (r"x\.", r"x\.(?![0-9])"),
])
def test_leading_gate(pattern: str, gate: str | None) -> None:
    assert leading_gate(pattern) == gate


def test_shipped_age_patterns_share_one_gate() -> None:
    gates = [leading_gate(fold_pattern(p)) for r in ACTIVE for ps in r.patterns.values() for p in ps]
    assert gates.count("1[0-7](?![0-9])") >= 25


def _gated_patterns() -> list[tuple[regex.Pattern[str], regex.Pattern[str]]]:
    out = []
    for rule in ACTIVE:
        for patterns in rule.patterns.values():
            for p in patterns:
                gate = leading_gate(fold_pattern(p))
                if gate is not None:
                    out.append((compile_pattern(p), regex.compile(gate)))
    return out


PAIRS = _gated_patterns()
FRAGMENTS = [
    "15", "17", "12", "150", "1", "0", "7", " ", "  ", ",", ".", "-", "(", ")", "\n", "•", "ans", "jahre", "jahrig",
    "years old", "yo", "y", "yrs", "j.", "jaar", "anni", "anos", "enne", "i am ", "i'm ", "je suis ", "ich bin ",
    "ik ben ", "tengo ", "age", "aged", "edad", "alter", "eta", "leeftijd", "anna", "seit ", "depuis ",
    "first time in ",
    "premiere fois a ", "primera vez en ", "prima volta a ", "eerste keer in ", "zum ersten mal in ", "paris",
    "all", "both", "alle", "beide", " and ", " und ", "available", "roses", "klasse", "in der ", "appelez-la",
    "douze", "seize", "dix-sept", "sechzehn", "!", "x", "é",
]
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_match_starts_with_its_gate(text: str) -> None:
    folded = fold(text).text
    for pattern, gate in PAIRS:
        for m in pattern.finditer(folded):
            assert gate.match(folded, m.start()) is not None, (pattern.pattern, folded, m.start())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["en", "fr", "de", "es", "it", "nl", None]))
def test_gated_matcher_gives_the_ungated_flags(text: str, lang: str | None) -> None:
    assert GATED.scan("body", text, lang) == UNGATED.scan("body", text, lang)


def _corpus() -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for name in ("indicators_eval.jsonl", "indicators_heldout_dev.jsonl", "indicators_heldout_test.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["text"], row.get("lang")))
    for ad in iter_ads(1500, seed=11, with_images=False):
        out.extend((ad[f], ad.get("lang")) for f in ("title", "body") if ad.get(f))
    return out


def test_gated_matcher_gives_the_ungated_flags_on_the_eval_sets_and_demo_ads() -> None:
    corpus = _corpus()
    flagged = 0
    for text, lang in corpus:
        want = UNGATED.scan("body", text, lang)
        assert GATED.scan("body", text, lang) == want, text
        flagged += bool(want)
    assert flagged > 300  # the comparison covers texts the patterns do flag
