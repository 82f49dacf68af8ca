"""Markup left in scraped text, read as what it stands for, with offsets back to the text as stored.

Scrapers often keep a page's HTML character references ("020&nbsp;7946&nbsp;0123", "&#43;44",
"anna&#64;example.com", even double-escaped "&amp;nbsp;") and simple tags ("Call<br>020 7946 0345",
"<b>(702) 555-0147</b>").  Extraction reads the decoded text; every entity it finds is mapped back, so its
offsets and evidence text are those of the stored field.

Only formatting tags are removed (line breaks and block tags become a line break, inline tags nothing).
A link's tag stays as written: its address may hold the number ("<a href='https://wa.me/447700900318'>").
Anything in angle brackets that is not such a tag stays too ("<anna@example.com>", "<3").

``decode_link_escapes`` reads a number in a phone link with its URL escapes decoded:
"tel:%2B44%2020%207946%200321", "send?phone=1%20416%20555%200144" (only the escapes a number is written
with: "+", space, brackets, "-", ".", and only in the number right after "tel:", "sms:", "callto:",
"wa.me/" or a ``phone=``/``number=`` query key).
"""

from __future__ import annotations

import html
import re

from unveil.normalise.offsets import NormalisedBuilder, NormalisedText, compose

__all__ = ["decode_link_escapes", "decode_markup"]

# (a decimal reference without its ";" is read as browsers read it: "anna&#64example.com")
_ENTITY = r"&(?:(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|#[0-9]{1,7}(?![0-9;]))"
_BLOCK_TAGS = "br|p|div|li|ul|ol|h[1-6]|tr|td|th|table|tbody|thead|hr|blockquote|pre|section|article|header|footer"
_INLINE_TAGS = "span|b|i|u|s|em|strong|small|big|font|center|sup|sub|code|wbr|mark|nobr"
# A tag's attributes, bounded so a page of "<b " without ">" costs linear time.
_VALUE = r"""(?:"[^"<>]{0,300}"|'[^'<>]{0,300}'|[^\s"'<>]{1,300})"""
_ATTRS = rf"(?:\s+[A-Za-z_:][-A-Za-z0-9_:.]{{0,40}}(?:\s*=\s*{_VALUE})?){{0,12}}"
_MARKUP = re.compile(
    rf"(?P<entity>{_ENTITY})"
    # an empty comment a page's renderer leaves between text nodes ("020 7946<!-- -->0356", React's
    # "<!--$-->") stands for nothing; a comment with words stays as written
    r"|(?P<comment><!--[ \t$/!]{0,8}-->)"
    rf"|(?P<block></?(?:{_BLOCK_TAGS}){_ATTRS}\s*/?>)"
    rf"|(?P<inline></?(?:{_INLINE_TAGS}){_ATTRS}\s*/?>)",
    re.IGNORECASE,
)
_CELL_TAG = re.compile(r"<(/?)t[dh][\s>/]", re.IGNORECASE)
_HINT = re.compile(rf"{_ENTITY}|<!--[ \t$/!]{{0,8}}-->|</?(?:{_BLOCK_TAGS}|{_INLINE_TAGS})\b", re.IGNORECASE)
_MAX_ROUNDS = 3  # "&amp;nbsp;" (escaped twice) is a space after two rounds, "&amp;amp;nbsp;" after three


# A phone link's number, its escapes undecoded; bounded, so a megabyte of "%20" costs linear time.
_LINK_NUMBER = re.compile(
    r"(?:\b(?:tel|sms|callto):|\bwa\.me/|\bt(?:elegram)?\.me/|[?&;](?:phone|phone_?number|number|tel)=)"
    r"(?P<num>(?:%[0-9A-Fa-f]{2}|[0-9+()\-.]){1,80})", re.IGNORECASE)
_NUMBER_ESCAPES = {"2b": "+", "20": " ", "28": "(", "29": ")", "2d": "-", "2e": "."}


def decode_link_escapes(text: str) -> NormalisedText | None:
    """``text`` with the escapes of phone links' numbers decoded, or None when it has none.

    Only the phone extractor reads this: a web address itself stays as written for the others."""
    if "%" not in text:
        return None
    out: NormalisedBuilder | None = None
    pos = 0
    for m in _LINK_NUMBER.finditer(text):
        num_start, num_end = m.span("num")
        i = text.find("%", num_start, num_end)
        while i != -1:
            decoded = _NUMBER_ESCAPES.get(text[i + 1:i + 3].lower())
            if decoded is not None:
                if out is None:
                    out = NormalisedBuilder(text)
                out.copy(pos, i)
                out.emit(decoded, i, i + 3)
                pos = i + 3
            i = text.find("%", i + 3, num_end)
    if out is None:
        return None
    out.copy(pos, len(text))
    return out.build()


def decode_markup(text: str) -> NormalisedText | None:
    """``text`` with character references decoded and formatting tags removed, or None when it has none."""
    if ("&" not in text and "<" not in text) or _HINT.search(text) is None:
        return None
    nt = _decode_once(text)
    for _ in range(_MAX_ROUNDS - 1):
        if ("&" not in nt.text and "<" not in nt.text) or _HINT.search(nt.text) is None:
            break
        inner = _decode_once(nt.text)
        nt = compose(inner, nt)
    return nt


def _decode_once(text: str) -> NormalisedText:
    out = NormalisedBuilder(text)
    pos = 0
    for m in _MARKUP.finditer(text):
        out.copy(pos, m.start())
        if m.lastgroup == "entity":
            decoded = html.unescape(m.group())
            out.emit(decoded if decoded != m.group() else m.group(), m.start(), m.end())
        elif m.lastgroup == "block":
            # a table's cells stay on their row, a tab apart ("<tr><td>30 min</td><td>100 €</td></tr>" reads
            # "30 min\t100 €"); other block tags end a line
            cell = _CELL_TAG.match(m.group())
            out.emit("" if cell is not None and cell.group(1) else "\t" if cell is not None else "\n",
                     m.start(), m.end())
        # an inline tag stands for nothing: "<b>(702) 555-0147</b>" is the number alone
        pos = m.end()
    out.copy(pos, len(text))
    return out.build()
