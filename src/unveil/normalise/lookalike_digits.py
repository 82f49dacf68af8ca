"""Amounts and ages written with letters for some of their digits: "$2OO/hr", "15O€", "l2O€", "3O anni".

Posters write an "O" for a zero to slip a price past a platform's filter, and text read from a flyer by
OCR confuses "O"/"0" and "l"/"1" the same way.  The phone reader handles this inside its own
de-obfuscator; prices and ages read numbers with plain digit patterns, so they read a copy of the field
in which such numbers are written in digits.  The copy has the same length as the field (one character
for one), so every offset found in it points at the same characters of the field.

Only a whole token made of digits and these look-alikes, with at least one real digit, is rewritten:
"2OO" and "l2O" are, "lol", "Oslo", "L0ND0N" and "O2" inside "CO2" are not.  "S", "B", "G" and "Z"
also stand for digits in OCR output, but they are ordinary letters of too many short words to read
without the phone reader's context.
"""

from __future__ import annotations

import re

from unveil.normalise.memo import per_text

# The Latin letters, and the Cyrillic and Greek capitals and small letters that look the same ("£2ОО/hr"
# with Cyrillic O's passes a filter that knows the Latin trick)
_LOOKALIKES = "OoIl\u041e\u043e\u039f\u03bf\u0406\u0456"
_AS_DIGITS = str.maketrans(_LOOKALIKES, "0011000011")
# A digit next to a look-alike: the cheap test that most fields fail.
_HINT = re.compile(rf"[0-9][{_LOOKALIKES}]|[{_LOOKALIKES}][0-9]")
# A whole token of digits and look-alikes, with "." or "," between groups ("2,5OO").  Possessive, and
# never starting after a group's "." or ",", so that each token is tried once from its start: a megabyte
# of "1,O1,O..." is read in one pass.
_TOKEN = re.compile(rf"(?<![^\W_])(?<![0-9{_LOOKALIKES}][.,])[0-9{_LOOKALIKES}]++(?:[.,][0-9{_LOOKALIKES}]++)*+"
                    r"(?![^\W_])")


@per_text
def read_lookalike_digits(text: str) -> str | None:
    """``text`` with each number written partly in look-alike letters in digits, or None if it has none."""
    if _HINT.search(text) is None:
        return None
    pieces: list[str] = []
    last = 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        digits = token.translate(_AS_DIGITS)
        if digits == token or not any(ch.isdigit() for ch in token):
            continue  # all digits already, or all letters ("lol", "Ilo")
        pieces.append(text[last : m.start()])
        pieces.append(digits)
        last = m.end()
    if not pieces:
        return None
    pieces.append(text[last:])
    return "".join(pieces)
