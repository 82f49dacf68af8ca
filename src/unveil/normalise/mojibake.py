"""Text whose UTF-8 bytes were read as Windows-1252 or Latin-1, read as written, with offsets back.

A scraper or a spreadsheet that decodes a page's UTF-8 bytes as Windows-1252 turns every accented letter,
currency sign and emoji into two to four characters: "SÃ©verine", "MÃ¼nchen", "150â‚¬", "Â£150",
"Iâ€™m", "ðŸ’‹".  Extraction then misses the name, the town and the price.  ``repair_mojibake`` encodes
each such run back to its bytes and decodes them as UTF-8; every entity found is mapped back to the field
as stored, like decoded markup (``unveil.normalise.markup``).

Only a run that is a complete, valid UTF-8 sequence is read: a lead character (Â-ß for two bytes, à-ï for
three, ð-ô for four) followed by the right number of characters that stand for continuation bytes
(0x80-0xBF: "€", "‚", "™", "©", "¼", ...).  Text a person writes holds no such run ("NÃO", "São",
"ROMÂNIA", "été" stay as they are: the letter after the lead is no continuation), and the character a
run stands for must be one such text holds (a letter of Europe's scripts, punctuation, a currency sign, a
symbol or an emoji).  The damage is undone
twice at most ("ÃƒÂ©" was decoded wrongly twice and is "é").

One form needs the field to show the damage elsewhere: "à" is C3 A0, and A0 is a no-break space, which
scrapers often turn into a plain one: "Ã  Lyon".  An "Ã" (or "Â") followed by a space is read as "à"
(or as nothing) only in a field where another run was repaired; Portuguese "IRMÃ E" stays.

The approach follows ftfy (https://ftfy.readthedocs.io), which fixes the same damage but keeps no offset
map; this module is a small linear-time version that does.
"""

from __future__ import annotations

import re

from unveil.normalise.offsets import NormalisedText, compose, rewrite

__all__ = ["repair_mojibake"]

# Windows-1252 maps bytes 0x80-0x9F to these characters (0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined);
# Latin-1 maps every byte to the code point of the same number.
_CP1252_HIGH = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ"
_TO_BYTE: dict[str, int] = {chr(b): b for b in range(0x80, 0x100)}
_TO_BYTE.update({c: 0x80 + i for i, c in enumerate(_CP1252_HIGH)})

_CONT = "[\x80-\xbf" + re.escape("".join(c for c in _CP1252_HIGH if ord(c) > 0xFF)) + "]"
# A lead character and the continuation characters its byte announces; no nesting, so linear time.
_RUN = re.compile(rf"[\xc2-\xdf]{_CONT}|[\xe0-\xef]{_CONT}{{2}}|[\xf0-\xf4]{_CONT}{{3}}")
_HINT = re.compile(rf"[\xc2-\xf4]{_CONT}")  # one class pair: three times faster than _RUN over clean text
# "à" (C3 A0) and a no-break space (C2 A0) whose A0 became a plain space
_LOST_NBSP = re.compile("[\xc3\xc2](?= )")
_LOST_NBSP_READ = {"\xc3": "à", "\xc2": ""}
_MAX_ROUNDS = 2


def repair_mojibake(text: str) -> NormalisedText | None:
    """``text`` with runs of mis-decoded UTF-8 read as written, or None when it holds none."""
    nt = _repair_once(text)
    if nt is None:
        return None
    for _ in range(_MAX_ROUNDS - 1):
        inner = _repair_once(nt.text)
        if inner is None:
            break
        nt = compose(inner, nt)
    return nt


def _decoded(run: str) -> str | None:
    try:
        out = bytes(_TO_BYTE[c] for c in run).decode("utf-8")
    except UnicodeDecodeError:  # overlong or surrogate forms ("à€" + ...): not what an encoder writes
        return None
    return out if _PLAUSIBLE[len(run)](ord(out)) else None


# What each length of run may stand for in the ads of Europe and North America: accented Latin letters
# (Latin-1, Latin Extended-A, Romanian's "ș" and "ț"), Greek and Cyrillic (two bytes); punctuation,
# currency signs, symbols, arrows, dingbats, variation selectors and full-width forms (three); emoji and
# styled letters (four, the first plane only).  Anything else ("CAFÉ’S" would be U+0252, "été…»" a CJK
# character, "É€" read twice U+0240) is taken as text written as it stands.
_PLAUSIBLE = {
    2: lambda cp: 0xA0 <= cp <= 0x17F or 0x218 <= cp <= 0x21B or 0x370 <= cp <= 0x52F,
    3: lambda cp: 0x1E00 <= cp <= 0x2BFF or 0xFE00 <= cp <= 0xFE0F or 0xFF00 <= cp <= 0xFFEF,
    4: lambda cp: 0x1D400 <= cp <= 0x1D7FF or 0x1F000 <= cp <= 0x1FAFF,
}


def _repair_once(text: str) -> NormalisedText | None:
    if text.isascii() or _HINT.search(text) is None:  # the common case: one scan, no builder
        return None
    edits: list[tuple[int, int, str]] = []
    script_runs: list[tuple[int, int, str]] = []
    for m in _RUN.finditer(text):
        read = _decoded(m.group())
        if read is not None:
            (script_runs if "\u0370" <= read <= "\u052f" else edits).append((m.start(), m.end(), read))
    # A Greek or Cyrillic letter comes from a run touching another one: words of those scripts are all
    # runs ("ÐœÐ°ÑˆÐ°"), while a lone one is more likely a capital and a quote a person wrote ("LLAMÓ»").
    for k, (start, end, read) in enumerate(script_runs):
        if (k and script_runs[k - 1][1] == start) or (k + 1 < len(script_runs) and script_runs[k + 1][0] == end):
            edits.append((start, end, read))
    if not edits:
        return None
    # With the damage shown, a lead character before a space lost its no-break space.
    for m in _LOST_NBSP.finditer(text):
        edits.append((m.start(), m.end(), _LOST_NBSP_READ[m.group()]))
    edits.sort()
    return rewrite(text, edits)  # an empty read drops the character
