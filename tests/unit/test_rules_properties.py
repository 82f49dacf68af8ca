"""Properties of ``Rulebook.evaluate`` on arbitrary and adversarial input.

* it never raises, whatever the text, language, structured age or entities;
* every flag's offsets point at its text in the field it names;
* flags come out sorted by ``(field, start, rule, end)`` and without duplicates;
* megabyte bodies built to stress the matcher (repeated phrase fragments,
  negation words, excluded phrases, emoji, digits) finish quickly: matching is
  linear in the text.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unveil.indicators import default_rulebook
from unveil.indicators.matcher import MAX_FLAGS_PER_RULE
from unveil.types import Entity, Flag

BOOK = default_rulebook()
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fragments that make rules fire (or nearly fire), plus the characters that make folding and offsets hard.
FRAGMENTS = [
    "new in town", "New 2 town", "not ", "pas ", "nicht ", "no ", "niet ", "non ", "ask for her", "she's available",
    "my girls", "two girls", "Age: 17", "16 ans", "16 Jahre", "I'm Jess, 16, ", "still at school", "after high school",
    "fresh towels", "petite", "Brazilian", "Romanians", "24/7", "cheap", "discreet and professional", "150 roses",
    "nouvelle en ville", "Süße Thailänderin", "Straße", "ǅ", "ﬁ", "arrive\u0301e", "\u200b", "\u00ad", "İ", "ß",
    "🌹", "👑", "🍒", "✈️", "🌸", "💗", "\ufe0f", "Ⅻ", "１７", "۱۷", " ", ", ", ". ", "-", "'", "’", "\n", "(", ")",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=40).map("".join),
)
langs = st.one_of(st.none(), st.sampled_from(["en", "fr", "es", "de", "it", "nl", "pt-BR", "EN_gb", "", "xx"]),
                  st.text(max_size=6), st.integers(), st.lists(st.text(max_size=2), max_size=2))
ages = st.one_of(st.none(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=5),
                 st.booleans(), st.just([16]))
attr_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=4),
                        st.lists(st.integers(), max_size=2))
entities = st.lists(
    st.builds(
        Entity,
        kind=st.sampled_from(["age", "phone", "email", "name", "price", "url", "handle", ""]),
        value=st.one_of(st.text(max_size=6), st.sampled_from(["16", "17", "9", "40", " 16 "])),
        field=st.sampled_from(["body", "title", "phone", "", "nowhere"]),
        start=st.integers(min_value=-5, max_value=300),
        end=st.integers(min_value=-5, max_value=300),
        text=st.text(max_size=10),
        attrs=st.dictionaries(st.sampled_from(["obfuscated", "foreign", "amount", "currency", "minutes"]),
                              attr_values, max_size=4),
    ),
    max_size=6,
)


def check_flags(ad: dict[str, Any], flags: list[Flag]) -> None:
    keys = [(f.field, f.start, f.rule, f.end) for f in flags]
    assert keys == sorted(keys)
    assert len({(f.rule, f.field, f.start, f.end, f.text) for f in flags}) == len(flags)
    for flag in flags:
        rule = BOOK.rule(flag.rule)
        assert (flag.category, flag.grade, flag.weight) == (rule.category, rule.grade, rule.weight)
        if flag.field == "":
            assert flag.start == flag.end == 0 and flag.text
        elif flag.field == "age":
            assert flag.text == str(flag.text).strip() and flag.text[flag.start : flag.end] == flag.text
        else:
            value = ad[flag.field]
            assert 0 <= flag.start < flag.end <= len(value)
            assert value[flag.start : flag.end] == flag.text


@SETTINGS
@given(title=texts, body=texts, lang=langs, age=ages, found=entities)
def test_evaluate_never_raises_and_offsets_point_at_the_text(
    title: str, body: str, lang: Any, age: Any, found: list[Entity]
) -> None:
    ad = {"title": title, "body": body, "lang": lang, "age": age, "country": "GB"}
    check_flags(ad, BOOK.evaluate(ad, found))


@SETTINGS
@given(body=texts, lang=st.sampled_from(["en", "fr", "es", "de", "it", "nl"]))
def test_title_and_body_are_read_alike(body: str, lang: str) -> None:
    in_body = [(f.rule, f.start, f.end) for f in BOOK.evaluate({"body": body, "lang": lang})]
    in_title = [(f.rule, f.start, f.end) for f in BOOK.evaluate({"title": body, "lang": lang})]
    assert sorted(in_body) == sorted(in_title)


@pytest.mark.parametrize(
    "ad",
    [None, "text", 42, [], {}, {"body": None}, {"body": 42, "title": b"bytes"}, {"body": ["new in town"]},
     {"body": "new in town", "lang": {"en": 1}}, {"body": "x", "age": float("nan")}, {"body": "x", "age": 10**400}],
)
def test_malformed_ads_give_fewer_flags_not_errors(ad: Any) -> None:
    assert isinstance(BOOK.evaluate(ad, []), list)


def test_malformed_entities_are_ignored() -> None:
    ad = {"body": "Call now", "age": 16}
    odd: list[Any] = [None, "phone", 3, Entity("phone", "x", "body", 0, 4, "Call", attrs=None)]
    flags = BOOK.evaluate(ad, odd)
    assert [f.rule for f in flags] == ["minor_risk.stated_age"]
    assert BOOK.evaluate(ad, None) == BOOK.evaluate(ad, [])


# -- adversarial megabyte bodies -------------------------------------------------------------

MB = 1_000_000


def _repeat(fragment: str, size: int = MB) -> str:
    return (fragment * (size // len(fragment) + 1))[:size]


ADVERSARIAL = {
    # phrase prefixes that start a trie walk at every word and never complete
    "phrase-fragments": _repeat("new in the two lovely ask for "),
    # a negatable phrase after a megabyte of negation words: the look-back is bounded by the window
    "negation-words": _repeat("not nicht pas no niet non ") + "new in town",
    # a hit and an exclusion repeated: the exclusion check must not be quadratic
    "hit-and-exclusion": _repeat("in high school after high school "),
    # the starts of the age patterns, with the digits and look-behinds they wait for
    "age-pattern-starts": _repeat("i'm jess, 1 depuis   16 ans d ist 1 j'ai "),
    "digits": _repeat("1"),
    "spaces": "," + " " * MB + "15 yrs",
    # emoji between words, and a shorter run of nothing but emoji (one flag each)
    "emoji-in-text": _repeat("🌹 prices for the hour, ✈️ here this week 👑 "),
    "emoji-only": _repeat("🌹👑🍒🌸💗", MB // 8),
    "accents": _repeat("arrive\u0301e Stra\u00dfe \u200b"),
    # the name-list, "Name here, 16" and "Name (16)" patterns: comma-separated words that never reach the tail
    "name-lists": _repeat("ana, bea, cleo, dee and "),
    "clause-start-names": _repeat(". lexi here, 1 mia (1 "),
    "first-time-in": _repeat("first time in primera vez en "),
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_megabyte_bodies_finish(name: str) -> None:
    body = ADVERSARIAL[name]
    ad = {"body": body, "lang": "en"}
    started = time.process_time()
    flags = BOOK.evaluate(ad, [])
    elapsed = time.process_time() - started
    assert elapsed < 20, f"{name}: {elapsed:.1f} s of CPU"
    if name == "negation-words":
        assert not [f for f in flags if f.rule == "movement.new_in_town"]
    if name == "hit-and-exclusion":
        assert len([f for f in flags if f.rule == "minor_risk.school"]) == min(MAX_FLAGS_PER_RULE,
                                                                              body.count("in high school"))
    per_rule = Counter((f.rule, f.field) for f in flags)
    assert max(per_rule.values(), default=0) <= MAX_FLAGS_PER_RULE, "hostile text must not yield unbounded flags"
    for flag in flags[:1000] + flags[-1000:]:
        assert body[flag.start : flag.end] == flag.text
