"""Escapes that a JSON or CSV export left in the text as written, read as the characters they stand for.

A scraper that serialises a page twice leaves its escapes in the stored text: "S\\u00e9verine",
"\\u00a3150", "https:\\/\\/example.com\\/rates", "Leeds\\nholly@example.com".  Read as written they give false
values (the price 3150 GBP from "\\u00a3150", the name "S", the address "nholly@example.com").  Extraction
reads the decoded text; offsets map back to the escapes as stored, like decoded markup.

Only the escapes of JSON strings are read: "\\uXXXX" (with a surrogate pair as one character), "\\n", "\\r",
"\\t", "\\/", "\\"" and "\\\\".  Ads hold no such sequences as text of their own (a backslash before "n" or "u"
and four hex digits); emoticons such as "\\o/" and "¯\\_(ツ)_/¯" stay.  So does every other backslash but
markdown's before an underscore inside a name, as a converter from HTML writes it ("@lola\\_vip").

``decode_form_escapes`` reads the percent escapes a web form leaves in text outside web addresses: a "+"
before digits ("%2B33 1 99 ...", which read as written loses its country code), an "@" inside a word
("anna%40example.com") and UTF-8 letters and signs ("%E2%82%AC150", "Andr%C3%A9a"). Inside an address
("example.com/caf%C3%A9", "?phone=%2B44...") they stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from unveil.normalise.offsets import NormalisedText, rewrite

__all__ = ["decode_form_escapes", "decode_literal_escapes"]

_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?|\\([nrt/\"\\])"
                     r"|(?<=[0-9A-Za-z])\\([_])(?=[0-9A-Za-z])")  # markdown's "lola\_vip"
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "/": "/", '"': '"', "\\": "\\", "_": "_"}


def decode_literal_escapes(text: str) -> NormalisedText | None:
    """``text`` with JSON escapes written out decoded, or None when it holds none."""
    if "\\" not in text:
        return None
    return rewrite(text, _literal_escapes(text))


def _literal_escapes(text: str) -> Iterator[tuple[int, int, str]]:
    for m in _ESCAPE.finditer(text):
        simple = m.group(3) or m.group(4)
        if simple is not None:
            yield m.start(), m.end(), _SIMPLE[simple]
            continue
        high = int(m.group(1), 16)
        if m.group(2) is not None and 0xD800 <= high <= 0xDBFF:
            yield m.start(), m.end(), chr(0x10000 + ((high - 0xD800) << 10) + (int(m.group(2), 16) - 0xDC00))
        elif 0xD800 <= high <= 0xDFFF or (high < 0x20 and high not in (0x09, 0x0A, 0x0D)):
            continue  # a lone surrogate or a control character: left as written
        elif m.group(2) is not None:  # a low surrogate after a character that needs none: not read
            yield m.start(), m.start(2) - 2, chr(high)
        else:
            yield m.start(), m.end(), chr(high)


# Percent escapes: "+" before a digit, "@" inside a word, UTF-8 sequences of non-ASCII characters
_FORM_ESCAPE = re.compile(r"%2[Bb](?=[0-9])|(?<=[\w.])%40(?=\w)|(?:%[C-Fc-f][0-9A-Fa-f](?:%[89ABab][0-9A-Fa-f]){1,3})+")
_ADDRESS_MARKS = frozenset("/?=&#")


def decode_form_escapes(text: str) -> NormalisedText | None:
    """``text`` with the percent escapes of a web form decoded outside web addresses, or None."""
    if "%" not in text:
        return None
    return rewrite(text, _form_escapes(text))


def _form_escapes(text: str) -> Iterator[tuple[int, int, str]]:
    for m in _FORM_ESCAPE.finditer(text):
        a = m.start()
        while a > 0 and not text[a - 1].isspace() and m.start() - a < 200:
            a -= 1
        if not _ADDRESS_MARKS.isdisjoint(text[a:m.start()]):
            continue  # inside a web address or a link's query
        try:
            yield m.start(), m.end(), bytes.fromhex(m.group().replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            continue
