"""Site chrome in scraped pages: the lines around an ad that the site wrote, not the poster.

A scraper's text often holds the whole page: a "Related ads" block with other posters' names, ages and
towns, a menu of towns with their listing counts ("Toronto (1,482) · Ottawa (529)"), the site's paid plans
("Boost your ad for $9.99") and a footer with the company's registered office and capital.  Towns, names,
ages and prices found there describe other ads or the site; :func:`chrome_spans` finds those lines so that
:func:`unveil.extract.base.extract_batch` leaves such entities out (:data:`CHROME_KINDS`).  Contacts are
kept: a site's support number or address is a contact written in the page.

The words are data (``attributes/page_chrome.yaml``).  A text without a line break, or without any of the
words, a "©" or a counted item, costs one search.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from unveil.extract.cities import fold, load_attribute_data, words
from unveil.extract.literals import literal_alternation

__all__ = ["CHROME_KINDS", "chrome_spans", "in_chrome"]

#: Kinds of entity that chrome lines cannot give: they would describe another ad or the site.
CHROME_KINDS = frozenset({"city", "name", "age", "price"})

_SP = r"[ \t\u00a0]{1,3}"
_MAX_BLOCK_LINES = 20  # a related-ads block lists a few ads
_MAX_ITEM_CHARS = 120  # ... each on a short line; a longer line is the page's text again
# "Toronto (1,482)", "Gdańsk (2.249)": a word, then a count in brackets
_COUNTED = r"[^\W\d_][^\W\d_'’.-]*(?:[ -][^\W\d_][^\W\d_'’.-]*){0,3}[ \t\u00a0]?\(\d{1,3}(?:[,. \u00a0]\d{3})*\)"


# "(1,482)", "(298)": a count, not an age in brackets nor an area code ("(212) 555-0147")
_BIG_COUNT = r"\(\d[\d,.\u00a0 ]{2,9}\)(?![ \t\u00a0]?[\d-])"
_BIG_COUNT_RE = re.compile(_BIG_COUNT)
_BREADCRUMB = re.compile(r"[ \t\u00a0][>»›][ \t\u00a0]")
_MARKS = re.compile(r"©|\([cC]\)|" + _BIG_COUNT)  # the lines a footer's sign or a menu's count stands in


# The town a block of other ads is about, after its heading: "Other escorts in Leeds", "Otras chicas en Madrid"
_ABOUT_TOWN = (r"(?:[ \t\u00a0]{1,2}(?:in|en|à|a|aus|w|we|na|em|di|near|around|bei|nahe|rond|dans)"
               r"[ \t\u00a0]{1,2}[^\W\d_][^\W\d_'’.-]*(?:[ -][^\W\d_][^\W\d_'’.-]*){0,2})?")


# Words of the lists that ads use every day: never the key a phrase is looked up by.
_COMMON = frozenset({"annonce", "annonces", "anzeige", "anzeigen", "annuncio", "annunci", "anuncio", "anuncios",
                     "company", "social", "also", "number", "your", "votre", "more", "other", "like", "ads",
                     "advertentie", "ogloszenie", "ogloszenia", "no", "this", "you", "may", "nach", "for", "the",
                     "of", "in", "de", "la", "le", "da", "per", "ook", "te", "du", "di", "mi", "dich", "auch", "das"})


def _key_word(phrase: str) -> str:
    """The word of ``phrase`` that is looked up first: its longest that ads do not use every day."""
    found = re.findall(r"[^\W\d_]+", fold(phrase))
    return max([w for w in found if w not in _COMMON] or found or [""], key=len)


class _Tables:
    __slots__ = ("counted", "footer", "heading", "heading_inline", "keys", "min_counted", "plan")

    def __init__(self) -> None:
        data = load_attribute_data("page_chrome.yaml")
        headings = [str(w) for w in data.get("related_headings") or []]
        footer = [str(w) for w in data.get("footer_words") or []]
        plans = [str(w) for w in data.get("plan_words") or []]

        def words(items: list[str]) -> str:
            forms = {form for item in items for form in (item, fold(item))}
            return r"(?<![^\W_])(?:" + literal_alternation(forms, _SP, True) + r")(?![^\W_])"

        self.heading = re.compile(r"[^\w\n]{0,6}" + words(headings) + _ABOUT_TOWN
                                  + r"[^\w\n]{0,6}(?:\(?\d{1,4}\)?)?[^\w\n]{0,4}", re.IGNORECASE)
        self.heading_inline = re.compile(r"[^\w\n]{0,6}" + words(headings) + _ABOUT_TOWN + r"[ \t\u00a0]{0,2}:",
                                         re.IGNORECASE)
        self.footer = re.compile(r"©|\(c\)[ ]?\d{4}|" + words(footer), re.IGNORECASE)
        self.plan = re.compile(words(plans), re.IGNORECASE)
        self.counted = re.compile(_COUNTED)
        self.min_counted = int(data.get("min_counted_items", 2))
        self.keys = frozenset(k for k in map(_key_word, headings + footer + plans) if k)


@functools.cache
def _tables() -> _Tables:
    return _Tables()


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the chrome lines of ``text``, in order (none for a text of one line).

    Only the lines holding a key word of the lists, a "©" or a count in brackets are looked at."""
    if "\n" not in text:
        return []
    t = _tables()
    keys = t.keys & words(text).keys
    marks = [m.start() for m in _MARKS.finditer(text)]
    if not keys and not marks:
        return []
    hits = sorted(marks + [s for s, _e, _k in words(text).find(keys)])
    lines = _lines(text)
    line_starts = [s for s, _e in lines]
    todo = sorted({bisect.bisect_right(line_starts, pos) - 1 for pos in hits})
    spans: list[tuple[int, int]] = []
    done = -1  # the last line of the last related-ads block
    for i in todo:
        if i <= done:
            continue
        s, e = lines[i]
        line = text[s:e]
        if t.heading.fullmatch(line.strip()) is not None:
            j = i + 1
            while j < len(lines) and j - i <= _MAX_BLOCK_LINES:
                ls, le = lines[j]
                item = text[ls:le]
                if not item.strip() or le - ls > _MAX_ITEM_CHARS or t.footer.search(item) is not None:
                    break
                j += 1
            spans.append((s, lines[j - 1][1]))
            done = j - 1
            continue
        if t.footer.search(line) is not None or t.plan.search(line) is not None or _town_menu(line, t) \
                or t.heading_inline.match(line) is not None:
            spans.append((s, e))
    return spans


def _town_menu(line: str, t: _Tables) -> bool:
    """A menu of towns and their listing counts: enough counted items, one of a hundred or more (a roster's
    "Chloe (25), Jess (32)" is no menu)."""
    if _BIG_COUNT_RE.search(line) is None or _BREADCRUMB.search(line) is not None:
        return False  # ... nor a breadcrumb whose steps carry counts: "Home > Escorts (4,512) > London (1,204)"
    return len(t.counted.findall(line)) >= t.min_counted


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            out.append((start, len(text)))
            return out
        out.append((start, end))
        start = end + 1


def in_chrome(spans: Sequence[tuple[int, int]], starts: Sequence[int], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted; ``starts`` their start offsets)."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]
