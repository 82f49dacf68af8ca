"""The language of an ad's body, identified offline with py3langid.

py3langid ships its model (no download) and scores a text in ~0.05 ms.  The classifier is restricted to
the languages of Europe and North America (:data:`LANGUAGES`), which removes most confusions between
unrelated languages on short texts, on a private ``LanguageIdentifier`` (never the module-global one, so
other users of py3langid in the same process are not affected).  The model (~1 s to load) is loaded
lazily, once per process.

The language is an attribute of the whole field, not of a span.  Evidence offsets must satisfy
``text == original[start:end]``, so the entity is emitted with ``start = end = 0`` and ``text = ""``:
an empty span that points at the field as a whole.  It is emitted for the ``body`` field only (one
language per ad), and only when the body has at least :data:`MIN_LETTERS` letters: shorter texts are
guessed, not identified.  ``attrs["confidence"]`` is the calibrated probability of the winning language;
texts below :data:`MIN_CONFIDENCE` are not labelled.  ``AdContext.lang`` is not used to decide: a
declared language is metadata to compare with, and mixed-language ads get the language of the majority
of their text.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from unveil.extract.base import AdContext
from unveil.types import Entity

__all__ = ["LANGUAGES", "LanguageExtractor", "identify"]

#: ISO 639-1 codes of the languages of Europe and North America that py3langid knows.
LANGUAGES: tuple[str, ...] = (
    "en", "fr", "es", "de", "it", "nl", "pt", "pl", "ro", "cs", "sk", "hu", "sv", "da", "no", "fi", "et", "lv",
    "lt", "el", "bg", "ru", "uk", "be", "sr", "hr", "bs", "sl", "mk", "sq", "ga", "cy", "eu", "ca", "gl", "is",
    "mt", "lb", "tr", "ht",
)
MIN_LETTERS = 20
MIN_CONFIDENCE = 0.5
#: Only the start of a body is read: py3langid walks the text byte by byte in Python and scores every
#: feature it meets, so its cost grows with the length (~0.2 ms for 500 characters of a typical ad against
#: ~0.06 ms for 200), while 200 characters already identify these languages reliably.  A body that
#: switches language after its opening is labelled by the opening.
MAX_CHARS = 200


#: Memo of the tokeniser automaton over whole words: ``(state, word bytes) -> (state after, features)``.
#: The automaton is deterministic, so a word met again from the same state yields the same features; ads
#: repeat their words, so most of a text is walked with one lookup per word instead of one step per byte.
_WALKS: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}
_WALKS_MAX = 200_000
_CHUNK = re.compile(rb"[^ ]* ?")


def _walk(nm: Any, rowbase: Any, out: Any, data: bytes) -> list[int]:
    """The feature indexes py3langid's ``visit_counts`` collects over ``data``, in the same order."""
    if len(_WALKS) > _WALKS_MAX:
        _WALKS.clear()
    state = 0
    feats: list[int] = []
    for chunk in _CHUNK.findall(data):
        if not chunk:
            continue
        key = (state, chunk)
        hit = _WALKS.get(key)
        if hit is None:
            s = state
            found = []
            for letter in chunk:
                s = nm[rowbase[s] + letter]
                f = out[s]
                if f >= 0:
                    found.append(f)
            hit = _WALKS[key] = (s, tuple(found))
        state = hit[0]
        feats.extend(hit[1])
    return feats


@functools.cache
def _identifier() -> Any:
    import numpy as np
    from py3langid.langid import MODEL_FILE, RAW_FLOOR, LanguageIdentifier

    class _Identifier(LanguageIdentifier):
        """py3langid's identifier with a memoised automaton walk (same features, same scores)."""

        __slots__ = ()

        def _raw_score(self, text: bytes) -> Any:
            feats = _walk(self.tk_nextmove, self._rowbase, self.tk_output, text)
            if feats:
                return self._sparse_score(Counter(feats), self.nb_ptc)
            fill = 0.0 if self._norm_probs else RAW_FLOOR
            return np.full(len(self.nb_classes), fill, dtype=np.float32)

    ident = _Identifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def _enough_letters(text: str) -> bool:
    letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if letters >= MIN_LETTERS:
                return True
    return False


def identify(text: str) -> tuple[str, float] | None:
    """Return ``(code, confidence)`` for ``text``, or None when it is too short or too uncertain."""
    sample = text[:MAX_CHARS]
    if not _enough_letters(sample):
        return None
    lang, conf = _identifier().classify(sample)
    conf = float(conf)
    if conf < MIN_CONFIDENCE:
        return None
    return str(lang), round(conf, 4)


class LanguageExtractor:
    """The body's language (kind ``language``), as an empty-span entity; see the module docstring."""

    name = "language"
    kinds: tuple[str, ...] = ("language",)
    fields: tuple[str, ...] = ("body",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        """Yield at most one ``language`` entity for the ``body`` field."""
        if field not in self.fields:
            return
        found = identify(text)
        if found is None:
            return
        lang, conf = found
        yield Entity("language", lang, field, 0, 0, "", {"confidence": conf})
