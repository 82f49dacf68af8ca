"""Regular-expression source for a list of words and phrases, as a trie.

The attribute extractors match long lists of words from their data files (currencies, units, cues).  An
alternation of a few hundred literals is tried one literal at a time at every position; the same words
arranged by shared prefixes ("h(?:our(?:s)?|r(?:s)?)?") are tried one character at a time, which is the
same language with the same preference for the longest word, at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # the key that marks the end of a word in a trie node


def literal_alternation(forms: Iterable[str], space: str, ignore_case: bool) -> str:
    """Pattern source matching any of ``forms``, preferring the longest where one is a prefix of another.

    Args:
        forms: literal words and phrases.
        space: the source that a space in a form stands for (such as ``"[ \\t]{1,2}"``).
        ignore_case: whether the pattern is compiled case-insensitively; then forms are merged in lower
            case, so that two spellings differing only in case share one branch.

    Returns:
        Source without a surrounding group; "(?!)" (never matches) for no forms.  An apostrophe also
        matches a typographic one.
    """
    root: dict[str, dict] = {}
    for form in forms:
        if not form:
            continue
        node = root
        for ch in form.lower() if ignore_case else form:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return _branches(root, space)


def _token(ch: str, space: str) -> str:
    if ch == " ":
        return space
    if ch == "'":
        return "['’]"
    return re.escape(ch)


def _branches(node: dict[str, dict], space: str) -> str:
    """The alternatives below ``node`` (its end mark excluded), longest first within each."""
    parts = [_token(ch, space) + _suffix(child, space) for ch, child in sorted(node.items()) if ch != _END]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _suffix(node: dict[str, dict], space: str) -> str:
    """What may follow the character that leads to ``node``."""
    if len(node) == 1 and _END in node:
        return ""  # a word ends here and nothing goes on
    rest = _branches(node, space)
    if _END in node:
        return rest + "?" if rest.startswith("(?:") or len(rest) == 1 else "(?:" + rest + ")?"
    return rest
