"""Word lists as trie patterns: the same matches as a plain longest-first alternation."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from unveil.extract.literals import literal_alternation

SPACE = "[ \t]{1,2}"


def plain_alternation(forms: set[str]) -> str:
    """The obvious pattern: every form escaped, longest first."""
    escaped = (re.escape(f).replace(r"\ ", SPACE).replace("'", "['’]") for f in forms)
    return "|".join(sorted(escaped, key=lambda s: (-len(s), s)))


def test_shared_prefixes_and_longest_first() -> None:
    source = literal_alternation(["h", "hr", "hrs", "hour", "hours", "half hour"], SPACE, ignore_case=True)
    assert source == "h(?:alf[ \t]{1,2}hour|ours?|rs?)?"
    pattern = re.compile(source, re.I)
    assert [pattern.match(t).group() for t in ("hours", "Hrs", "h", "half  hour", "hx")] == [
        "hours", "Hrs", "h", "half  hour", "h"]


def test_special_characters_are_literal_and_apostrophes_typographic() -> None:
    pattern = re.compile(literal_alternation(["p.h.", "€", "mezz'ora", "$"], SPACE, ignore_case=False))
    assert pattern.fullmatch("p.h.") and pattern.fullmatch("€") and pattern.fullmatch("$")
    assert pattern.fullmatch("mezz’ora") and pattern.fullmatch("mezz'ora")
    assert pattern.fullmatch("pxhx") is None


def test_no_forms_never_matches() -> None:
    assert re.compile(literal_alternation([], SPACE, ignore_case=True)).search("anything") is None


def test_case_is_kept_unless_ignored() -> None:
    exact = re.compile(literal_alternation(["Min", "min"], SPACE, ignore_case=False))
    assert exact.fullmatch("Min") and exact.fullmatch("min") and exact.fullmatch("MIN") is None


words = st.sets(st.text(alphabet="ab .'-", min_size=1, max_size=6), min_size=1, max_size=12)


@given(words, st.text(alphabet="abAB .'’-", max_size=12))
def test_same_matches_as_the_plain_alternation(forms: set[str], text: str) -> None:
    trie = re.compile(literal_alternation(forms, SPACE, ignore_case=True), re.I)
    plain = re.compile(plain_alternation(forms), re.I)
    for pos in range(len(text) + 1):
        a, b = trie.match(text, pos), plain.match(text, pos)
        assert (a and a.group()) == (b and b.group())
