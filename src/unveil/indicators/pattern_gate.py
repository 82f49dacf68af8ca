r"""Leading gates: one cheap search that rules out a group of rulebook patterns at once.

Every field is searched with every rulebook pattern, and most fields match none.  Thirty of the age
patterns start their match with a number from 10 to 17 followed by no other digit ("15 ans",
"(?<!seit\s)1[0-7]\s*jahre"), so one search for such a number decides whether any of them can match.
:func:`leading_gate` reads a pattern's source and returns a regular expression that every match of the
pattern starts with (look-arounds skipped, one copy of a repeated atom, stopping before an optional one,
plus "no digit next" when nothing that can follow is a digit), or None when it cannot tell.  The matcher
searches a group of patterns that share a gate only in fields where the gate is found; the gate is a
necessary condition, so a field gets exactly the flags it would get without it.

The reader is small and conservative: what it does not know (inline flags, back references, named or
atomic groups) gives no gate, and such a pattern is always searched.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["leading_gate"]

# Zero-width escapes: skipped, they consume nothing.
_ZERO_WIDTH_ESCAPES = frozenset("bBAZzGm")
# Escapes that name a class of characters (one character each).
_CLASS_ESCAPES = frozenset("dDsSwWhHvVX")
# Literal characters copied into a gate as they are; any other is escaped.
_PLAIN_PUNCTUATION = frozenset(" ,:;'\"-_/@#%&<>=!~`")
# The longest gate kept: a few atoms already rule out almost every field.
_MAX_ATOMS = 4


class _Unknown(Exception):
    """A construct the reader does not handle: the pattern gets no gate."""


def _escape_end(src: str, i: int) -> int:
    """End of the escape starting at ``src[i] == "\\"``."""
    if i + 1 >= len(src):
        raise _Unknown
    c = src[i + 1]
    if c in "pPN" and i + 2 < len(src) and src[i + 2] == "{":
        close = src.find("}", i + 3)
        if close < 0:
            raise _Unknown
        return close + 1
    fixed = {"x": 4, "u": 6, "U": 10}.get(c)
    if fixed is not None and (i + 2 >= len(src) or src[i + 2] != "{"):
        return i + fixed
    if c.isdigit() or c in "gkpPNxuU":
        raise _Unknown  # back references, "\pL", "\x{...}" and the like
    return i + 2


def _class_end(src: str, i: int) -> int:
    """End of the character class starting at ``src[i] == "["`` (nested sets refused)."""
    j = i + 1
    if j < len(src) and src[j] == "^":
        j += 1
    if j < len(src) and src[j] == "]":
        j += 1
    while j < len(src):
        c = src[j]
        if c == "\\":
            j = _escape_end(src, j)
            continue
        if c == "[":
            raise _Unknown  # a nested set (regex's V1 syntax) or a POSIX class
        if c == "]":
            return j + 1
        j += 1
    raise _Unknown


def _token_end(src: str, j: int) -> int:
    """End of the escape, character class or single character starting at ``j``."""
    c = src[j]
    if c == "\\":
        return _escape_end(src, j)
    if c == "[":
        return _class_end(src, j)
    return j + 1


def _group_end(src: str, i: int) -> int:
    """End of the group starting at ``src[i] == "("``."""
    depth = 0
    j = i
    while j < len(src):
        c = src[j]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j = _token_end(src, j)
    raise _Unknown


def _quantifier(src: str, i: int) -> tuple[int | None, int]:
    """``(minimum count, end)`` of a quantifier at ``i``; ``(None, i)`` when there is none."""
    if i >= len(src):
        return None, i
    c = src[i]
    if c in "?*+":
        low, j = (1 if c == "+" else 0), i + 1
    elif c == "{":
        close = src.find("}", i)
        body = src[i + 1 : close] if close > 0 else ""
        low_text = body.split(",")[0]
        if close < 0 or not low_text.isdigit() or not all(p.isdigit() or p == "" for p in body.split(",")):
            return None, i  # "{" as a literal character
        low, j = int(low_text), close + 1
    else:
        return None, i
    if j < len(src) and src[j] in "?+":
        j += 1  # lazy or possessive: the same minimum
    return low, j


def _top_level_split(src: str) -> list[str]:
    """``src`` cut at its top-level ``|``."""
    parts, start, j = [], 0, 0
    while j < len(src):
        c = src[j]
        if c == "|":
            parts.append(src[start:j])
            start = j = j + 1
        else:
            j = _group_end(src, j) if c == "(" else _token_end(src, j)
    parts.append(src[start:])
    return parts


@dataclass(frozen=True, slots=True)
class _Atom:
    """One piece of a sequence: its source (with quantifier), the atom alone, and its minimum count."""

    kind: str  # "zero" (consumes nothing), "char", "escape", "class", "group", "any"
    text: str
    base: str
    low: int | None  # None: exactly once (no quantifier)
    inner: str = ""  # a group's pattern, without "?:"


def _atoms(src: str) -> list[_Atom]:
    """The atoms of a sequence without top-level ``|``."""
    atoms = []
    i = 0
    while i < len(src):
        c = src[i]
        inner = ""
        if c == "\\":
            end = _escape_end(src, i)
            kind = "zero" if src[i + 1] in _ZERO_WIDTH_ESCAPES else "escape"
        elif c == "[":
            end, kind = _class_end(src, i), "class"
        elif c == "(":
            end = _group_end(src, i)
            inner = src[i + 1 : end - 1]
            if inner.startswith(("?=", "?!", "?<=", "?<!")):
                kind = "zero"
            elif inner.startswith("?:"):
                kind, inner = "group", inner[2:]
            elif inner.startswith("?"):
                raise _Unknown  # named or atomic groups, conditionals, inline flags...
            else:
                kind = "group"
        elif c in "^$":
            end, kind = i + 1, "zero"
        elif c == ".":
            end, kind = i + 1, "any"
        elif c in "|)*+?{":
            raise _Unknown  # a quantifier with nothing to repeat, a stray bracket
        else:
            end, kind = i + 1, "char"
        low, after = _quantifier(src, end)
        base = src[i:end]
        if kind == "char" and not (c.isalnum() or c in _PLAIN_PUNCTUATION):
            base = "\\" + c
        atoms.append(_Atom(kind, src[i:after], base, low, inner))
        i = after
    return atoms


def _prefix(src: str) -> tuple[str, str | None]:
    """``(gate, rest)``: every match of ``src`` is a match of ``gate`` followed by one of ``rest``.

    ``rest`` is None when the reader cannot say what follows the gate.
    """
    alternatives = _top_level_split(src)
    if len(alternatives) > 1:
        gates = [_prefix(a)[0] for a in alternatives]
        return ("(?:" + "|".join(gates) + ")", None) if all(gates) else ("", None)
    atoms = _atoms(src)
    out: list[str] = []
    for k, atom in enumerate(atoms):
        following = "".join(a.text for a in atoms[k + 1 :])
        if atom.kind == "zero":
            continue  # a look-around or an anchor consumes nothing
        if len(out) >= _MAX_ATOMS or atom.low == 0 or atom.kind == "any":
            return "".join(out), atom.text + following
        if atom.kind == "group":
            gate, rest = _prefix(atom.inner)
            if not gate:
                return "".join(out), atom.text + following
            out.append("(?:" + gate + ")")
            if rest is None or atom.low is not None:
                return "".join(out), None  # an alternation, or a repeated group: what follows varies
            if rest:
                return "".join(out), rest + following
            continue
        out.append(atom.base)
        if atom.low is not None:  # one copy of a repeat in the gate; more may follow
            return "".join(out), f"(?:{atom.base})*" + following
    return "".join(out), ""


def _may_be_empty(src: str) -> bool:
    """Whether ``src`` can match the empty string (True when unsure)."""
    alternatives = _top_level_split(src)
    if len(alternatives) > 1:
        return any(_may_be_empty(a) for a in alternatives)
    for atom in _atoms(src):
        if atom.kind == "zero" or atom.low == 0 or (atom.kind == "group" and _may_be_empty(atom.inner)):
            continue
        return False
    return True


def _may_start_with_digit(src: str) -> bool:
    """Whether a match of ``src`` can start with an ASCII digit (True when unsure).

    The end of ``src`` counts as "no": every rulebook pattern ends with a look-ahead that refuses a
    letter or digit right after the match.
    """
    alternatives = _top_level_split(src)
    if len(alternatives) > 1:
        return any(_may_start_with_digit(a) for a in alternatives)
    for atom in _atoms(src):
        if atom.kind == "zero":
            continue
        if atom.kind == "any":
            return True
        if atom.kind == "group":
            if _may_start_with_digit(atom.inner):
                return True
            if atom.low == 0 or _may_be_empty(atom.inner):
                continue
            return False
        if _atom_may_be_digit(atom):
            return True
        if atom.low == 0:
            continue
        return False
    return False


# Escapes that can match an ASCII digit; \s, \h, \v, \p{L}, \p{M} and escaped punctuation cannot.
_DIGIT_ESCAPES = frozenset("dDwWSXxuUN")
# Unicode general categories (as \p{...}) without ASCII digits.
_NON_DIGIT_PROPERTIES = frozenset({
    "l", "lu", "ll", "lt", "lm", "lo", "l&", "letter", "m", "mn", "mc", "me", "mark",
    "z", "zs", "zl", "zp", "separator", "p", "punctuation", "s", "symbol",
})


def _escape_may_be_digit(esc: str) -> bool:
    letter = esc[1]
    if letter in "pP":
        return letter == "P" or esc[3:-1].lower() not in _NON_DIGIT_PROPERTIES
    return letter in _DIGIT_ESCAPES or letter.isdigit()


def _atom_may_be_digit(atom: _Atom) -> bool:
    if atom.kind == "char":
        return atom.base in "0123456789"
    if atom.kind == "escape":
        return _escape_may_be_digit(atom.base)
    body = atom.base[1:-1]
    if body.startswith("^"):
        return True
    items: list[str | None] = []  # one character each, None for an escape that may be a digit
    j = 0
    while j < len(body):
        if body[j] == "\\":
            end = _escape_end(body, j)
            esc = body[j:end]
            if _escape_may_be_digit(esc):
                return True
            items.append(esc[1] if end - j == 2 else "")
            j = end
        else:
            items.append(body[j])
            j += 1
    for k, ch in enumerate(items):
        if ch and "0" <= ch <= "9":
            return True
        if ch == "-" and 0 < k < len(items) - 1:
            lo, hi = items[k - 1], items[k + 1]
            if not lo or not hi or (lo <= "9" and hi >= "0"):
                return True  # a range that may span the digits
    return False


def leading_gate(pattern: str) -> str | None:
    r"""A regex that every match of ``pattern`` starts with, or None if the reader cannot tell.

    ``pattern`` is a rulebook pattern as :func:`~.matcher.compile_pattern` wraps it: no letter or digit
    may follow a match.  When nothing that may follow the gate's text in a match can be an ASCII digit,
    the gate says so (``(?![0-9])``): "15 ans" passes the gate of ``1[0-7]\s{0,3}ans``, "150" does not.

    ``r"(?<!seit\s)1[0-7]\s{0,3}jahre"`` gives ``1[0-7](?![0-9])``; ``r"(?:age|aged)\s*1[0-7]"`` gives
    ``(?:(?:age|aged))``; ``r"(?i)anna"`` gives None.
    """
    if "(?" in pattern and any(f"(?{flag}" in pattern for flag in "aiLmsuxV0123456789-^"):
        return None  # inline flags change what a literal matches
    try:
        gate, rest = _prefix(pattern)
        if not gate:
            return None
        if rest is not None and not _may_start_with_digit(rest):
            gate += "(?![0-9])"
    except _Unknown:
        return None
    return gate
