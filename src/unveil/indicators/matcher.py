"""Text matching: phrases, patterns and emoji, on folded text, in linear time.

All phrases of all rules are compiled into one word trie.  The text is folded
(:mod:`.fold`) and split into words once; each word starts at most one walk
down the trie, whose depth is bounded by the longest phrase, so matching is
linear in the length of the text and cannot backtrack.  Every match reported
starts and ends on a word boundary (letters and digits are word characters in
every script), which is why "lic" never fires inside "duplicate" and "young"
does not fire inside "youngster".

Regular-expression ``patterns`` run on the same folded text, wrapped in
word-boundary look-arounds and under a time limit; emoji run without
boundaries.  A rule marked ``negatable`` is dropped when a negation word of the
ad's or the phrase's language stands within a few words before the match in
the same clause ("not new in town", "pas nouvelle", "nicht neu").  ``exclude``
phrases cancel a rule's matches that they overlap ("after high school").
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import regex

from ..types import Flag
from .fold import Folded, fold
from .model import Language, Rule
from .pattern_gate import leading_gate
from .phrases import ANY, TOKEN_RE, expand, phrase_tokens

__all__ = ["TextMatcher", "compile_pattern", "fold_pattern"]

_WORD = r"[\p{L}\p{M}\p{N}]"
# What may separate two words of a phrase: spaces, hyphens, apostrophes and similar joiners.
_PHRASE_GAP = regex.compile(r"[\s'\-_*~+/·]{0,5}")
# What may separate a negation word from what it negates without closing the clause.
_CLEAN_GAP = regex.compile(r"[\s'\-\"*~_]*")
# Flags one rule raises in one field at most (the earliest spans are kept).
MAX_FLAGS_PER_RULE = 20
# Recent scans kept per matcher: titles and reposted bodies recur ("New in town", a network's template),
# and scanning even a short title costs ~50 µs (mostly the fixed cost of each pattern search).
_SCAN_CACHE_MAX = 4096
_SCAN_CACHE_MAX_CHARS = 2000
# Seconds allowed per pattern per megabyte of text (plus a floor); a slow user pattern is cut off.
_TIMEOUT_FLOOR = 0.5
_TIMEOUT_PER_MB = 2.0
# Rules declared in the shipped rulebook: their patterns are written to run in linear time (bounded
# repeats in look-arounds) and are tested on adversarial megabyte texts, so they run without the
# time limit, whose bookkeeping costs about as much as the match itself on a short ad.
_SHIPPED_ORIGIN = "unveil/indicators/data/rules.yaml:"


def fold_pattern(pattern: str) -> str:
    """Fold the literal characters of a regular expression, leaving escapes alone.

    Patterns run on folded text, so ``"Jahre"`` and ``"años"`` are rewritten to
    ``"jahre"`` and ``"anos"``; ``\\S``, ``\\p{L}`` and the like are kept.
    """
    out: list[str] = []
    pos = 0
    while pos < len(pattern):
        char = pattern[pos]
        if char == "\\" and pos + 1 < len(pattern):
            nxt = pattern[pos + 1]
            if nxt in "pPN" and pos + 2 < len(pattern) and pattern[pos + 2] == "{":
                close = pattern.find("}", pos + 3)
                close = len(pattern) - 1 if close < 0 else close
                out.append(pattern[pos : close + 1])
                pos = close + 1
                continue
            out.append(pattern[pos : pos + 2])
            pos += 2
            continue
        out.append(fold(char).text if not char.isascii() else char.lower())
        pos += 1
    return "".join(out)


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """Compile a rulebook pattern with word boundaries on both ends."""
    return regex.compile(f"(?<!{_WORD})(?:{fold_pattern(pattern)})(?!{_WORD})")


def _compile_gate(gate: str | None) -> regex.Pattern[str] | None:
    """The gate as the patterns are wrapped (a word boundary before it); None searches the group always."""
    if gate is None:
        return None
    try:
        return regex.compile(f"(?<!{_WORD})(?:{gate})")
    except regex.error:  # pragma: no cover - the reader only copies pieces of a pattern that compiled
        return None


class _Node:
    __slots__ = ("any", "children", "payload")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.any: _Node | None = None
        self.payload: list[tuple[int, str, bool]] = []  # (rule index, language, is exclusion)

    def child(self, token: str) -> _Node:
        if token == ANY:
            if self.any is None:
                self.any = _Node()
            return self.any
        node = self.children.get(token)
        if node is None:
            node = self.children[token] = _Node()
        return node


@dataclass(slots=True)
class _Words:
    """The words of one folded field: text and folded offsets."""

    folded: str
    texts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, folded: str) -> _Words:
        matches = list(TOKEN_RE.finditer(folded))
        return cls(folded, [m.group() for m in matches], [m.start() for m in matches], [m.end() for m in matches])


class TextMatcher:
    """All text rules of a rulebook compiled for scanning fields."""

    def __init__(self, rules: Sequence[Rule], languages: Mapping[str, Language], window: int = 3,
                 gates: bool = True) -> None:
        """``gates=False`` searches every pattern in every field (the reference the gated matcher is tested
        against; see :mod:`.pattern_gate`)."""
        self.rules = list(rules)
        self.window = window
        self._root = _Node()
        # Patterns grouped by the text every match of theirs starts with: one failed search of the gate
        # skips the whole group (most fields hold no "1[0-7]" word, so 30 age patterns cost one search).
        groups: dict[str | None, list[tuple[int, str, regex.Pattern[str], bool]]] = {}  # (..., time-limited)
        emoji_rules: dict[str, list[int]] = {}
        for index, rule in enumerate(self.rules):
            if not rule.enabled:
                continue
            for lang, phrases in rule.phrases.items():
                self._add_phrases(index, lang, phrases, exclusion=False)
            for lang, phrases in rule.exclude.items():
                self._add_phrases(index, lang, phrases, exclusion=True)
            for lang, patterns in rule.patterns.items():
                limited = not rule.origin.startswith(_SHIPPED_ORIGIN)
                for p in patterns:
                    groups.setdefault(leading_gate(fold_pattern(p)) if gates else None, []).append(
                        (index, lang, compile_pattern(p), limited))
            for symbol in rule.emoji:
                emoji_rules.setdefault(fold(symbol).text, []).append(index)
        self._pattern_groups = [(_compile_gate(gate) if len(members) > 1 else None, members)
                                for gate, members in groups.items()]
        self._emoji_rules = emoji_rules
        self._emoji_re = (
            regex.compile("|".join(regex.escape(e) for e in sorted(emoji_rules, key=len, reverse=True)))
            if emoji_rules
            else None
        )
        self._negation = {code: lang.negation for code, lang in languages.items()}
        self._all_negation: frozenset[str] = frozenset().union(*self._negation.values())
        self._cue_cache: dict[tuple[frozenset[str], str | None], frozenset[str]] = {}
        self._scans: dict[tuple[str, str, str | None], tuple[Flag, ...]] = {}
        self.scan_cache_size = _SCAN_CACHE_MAX  # 0 keeps no text after its scan (the screening server)

    def clear_cache(self) -> None:
        """Forget the scans kept for repeated texts."""
        self._scans.clear()

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_scans"] = {}  # a worker process starts with an empty cache
        return state

    def _add_phrases(self, index: int, lang: str, phrases: Sequence[str], exclusion: bool) -> None:
        for phrase in phrases:
            for variant in expand(phrase):
                node = self._root
                for token in phrase_tokens(variant):
                    node = node.child(token)
                entry = (index, lang, exclusion)
                if entry not in node.payload:
                    node.payload.append(entry)

    def scan(self, field_name: str, text: str, ad_lang: str | None = None) -> list[Flag]:
        """Flags of every text rule in one field; offsets point into ``text``."""
        if len(text) > _SCAN_CACHE_MAX_CHARS or not self.scan_cache_size:
            return self._scan(field_name, text, ad_lang)
        key = (field_name, text, ad_lang)
        flags = self._scans.get(key)
        if flags is None:
            if len(self._scans) >= self.scan_cache_size:
                self._scans.clear()
            flags = self._scans[key] = tuple(self._scan(field_name, text, ad_lang))
        return list(flags)

    def _scan(self, field_name: str, text: str, ad_lang: str | None) -> list[Flag]:
        folded = fold(text)
        words = _Words.of(folded.text)
        hits: dict[tuple[int, int, int], set[str]] = {}
        excluded: dict[int, list[tuple[int, int]]] = {}
        self._match_phrases(words, hits, excluded)
        self._match_patterns(folded.text, hits)
        self._match_emoji(folded.text, hits)
        return self._flags(field_name, folded, words, hits, excluded, ad_lang)

    def _match_phrases(
        self,
        words: _Words,
        hits: dict[tuple[int, int, int], set[str]],
        excluded: dict[int, list[tuple[int, int]]],
    ) -> None:
        texts, starts, ends, folded = words.texts, words.starts, words.ends, words.folded
        count = len(texts)
        children = self._root.children
        for first in range(count):
            node = children.get(texts[first])
            if node is None or (first and ends[first - 1] == starts[first]):
                continue  # no phrase starts with this word, or the word continues a longer one
            stack = [(node, first)]
            while stack:
                node, last = stack.pop()
                nxt = last + 1
                if node.payload and (nxt == count or ends[last] != starts[nxt]):
                    span = (starts[first], ends[last])
                    for index, lang, exclusion in node.payload:
                        if exclusion:
                            excluded.setdefault(index, []).append(span)
                        else:
                            hits.setdefault((index, *span), set()).add(lang)
                if nxt == count or not _PHRASE_GAP.fullmatch(folded, ends[last], starts[nxt]):
                    continue
                child = node.children.get(texts[nxt])
                if child is not None:
                    stack.append((child, nxt))
                if node.any is not None:
                    stack.append((node.any, nxt))

    def _match_patterns(self, folded: str, hits: dict[tuple[int, int, int], set[str]]) -> None:
        timeout = _TIMEOUT_FLOOR + _TIMEOUT_PER_MB * len(folded) / 1_000_000
        for gate, members in self._pattern_groups:
            if gate is not None and gate.search(folded) is None:
                continue  # no match of any member can start anywhere in this text
            for index, lang, pattern, limited in members:
                try:
                    # Most fields match no pattern, and a failed ``search`` costs half a ``finditer`` walk.
                    if pattern.search(folded, timeout=timeout if limited else None) is None:
                        continue
                    for match in pattern.finditer(folded, timeout=timeout if limited else None):
                        start, end = match.span()
                        if end > start:
                            hits.setdefault((index, start, end), set()).add(lang)
                except TimeoutError:
                    continue  # a pathological pattern on a pathological text: keep what was found

    def _match_emoji(self, folded: str, hits: dict[tuple[int, int, int], set[str]]) -> None:
        if self._emoji_re is None:
            return
        for match in self._emoji_re.finditer(folded):
            start, end = match.span()
            for index in self._emoji_rules[match.group()]:
                hits.setdefault((index, start, end), set()).add("*")

    def _flags(
        self,
        field_name: str,
        folded: Folded,
        words: _Words,
        hits: dict[tuple[int, int, int], set[str]],
        excluded: dict[int, list[tuple[int, int]]],
        ad_lang: str | None,
    ) -> list[Flag]:
        kept: dict[int, list[tuple[int, int]]] = {}
        # Exclusion spans of each rule sorted by start, with the running maximum of their ends: a hit
        # [start, end) overlaps one iff some span starting before `end` reaches past `start`.  This keeps
        # the check logarithmic when a text repeats an excluded phrase many times.
        exclusions: dict[int, tuple[list[int], list[int]]] = {}
        for index, spans in excluded.items():
            spans.sort()
            reaches: list[int] = []
            furthest = -1
            for _, span_end in spans:
                furthest = max(furthest, span_end)
                reaches.append(furthest)
            exclusions[index] = ([span_start for span_start, _ in spans], reaches)
        for (index, start, end), langs in hits.items():
            rule = self.rules[index]
            excluding = exclusions.get(index)
            if excluding is not None:
                before = bisect.bisect_left(excluding[0], end)
                if before and excluding[1][before - 1] > start:
                    continue
            if rule.negatable and self._negated(words, start, self._cues(frozenset(langs), ad_lang)):
                continue
            kept.setdefault(index, []).append((start, end))
        flags: list[Flag] = []
        original = folded.original
        for index, spans in kept.items():
            rule = self.rules[index]
            spans.sort(key=lambda span: (span[0], -span[1]))
            reach = -1
            kept_spans = 0
            for start, end in spans:
                if end <= reach:
                    continue  # inside a longer match of the same rule
                if kept_spans == MAX_FLAGS_PER_RULE:
                    break  # the first ones are evidence enough; a hostile text must not yield millions of rows
                kept_spans += 1
                reach = end
                o_start, o_end = folded.to_original(start, end)
                flags.append(
                    Flag(
                        rule=rule.id,
                        category=rule.category,
                        field=field_name,
                        start=o_start,
                        end=o_end,
                        text=original[o_start:o_end],
                        weight=rule.weight,
                        grade=rule.grade,
                    )
                )
        return flags

    def _cues(self, langs: frozenset[str], ad_lang: str | None) -> frozenset[str]:
        key = (langs, ad_lang)
        cues = self._cue_cache.get(key)
        if cues is None:
            if "*" in langs:
                cues = self._all_negation
            else:
                codes = langs | {ad_lang} if ad_lang else langs
                cues = frozenset().union(*(self._negation.get(code, frozenset()) for code in codes))
            self._cue_cache[key] = cues
        return cues

    def _negated(self, words: _Words, start: int, cues: frozenset[str]) -> bool:
        """True when a negation word stands within the window before ``start``, in the same clause."""
        if not cues:
            return False
        position = bisect.bisect_left(words.starts, start)
        boundary = start
        for index in range(position - 1, max(position - 1 - self.window, -1), -1):
            if not _CLEAN_GAP.fullmatch(words.folded, words.ends[index], boundary):
                return False
            if words.texts[index] in cues:
                return True
            boundary = words.starts[index]
        return False
