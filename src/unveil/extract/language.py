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
from collections.abc import Iterator, Sequence
from typing import Any

from unveil.extract.base import AdContext
from unveil.types import Entity

__all__ = ["LANGUAGES", "LanguageExtractor", "identify", "identify_many"]

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
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


@functools.cache
def _weights() -> Any:
    """The model's per-feature log-probabilities for :data:`LANGUAGES` as float32 (16 MB, once per process)."""
    import numpy as np

    return np.ascontiguousarray(_identifier().nb_ptc, dtype=np.float32)


def _enough_letters(text: str) -> bool:
    letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if letters >= MIN_LETTERS:
                return True
    return False


def identify_many(texts: Sequence[str]) -> list[tuple[str, float] | None]:
    """:func:`identify` for many texts at once: py3langid's naive Bayes score as one sparse product.

    Scoring a text one at a time costs a dozen small numpy calls (~50 µs) whatever its length; here the
    features of every text are walked in Python (memoised per word), then one sparse-matrix product and
    row-wise softmax score them all.  Each row is computed from its own features only, so a text gets the
    same result alone or in any batch (``identify`` is this function on one text).
    """
    import numpy as np

    ident = _identifier()
    out: list[tuple[str, float] | None] = [None] * len(texts)
    rows: list[int] = []
    flat: list[int] = []  # the features of every scored text, one after the other
    sizes: list[int] = []  # how many of them each text has
    lengths: list[int] = []
    for i, text in enumerate(texts):
        sample = text[:MAX_CHARS]
        if not _enough_letters(sample):
            continue
        data = ident._encode(sample)
        feats = _walk(ident.tk_nextmove, ident._rowbase, ident.tk_output, data)
        flat.extend(feats)
        sizes.append(len(feats))
        rows.append(i)
        lengths.append(len(data))
    if not rows:
        return out
    weights = _weights()
    # Count each (text, feature) pair in one sort instead of a Counter per text: the sparse rows come out
    # the same (features ascending, counts), at a fraction of the Python work.
    n_feats = weights.shape[0]
    row_of = np.repeat(np.arange(len(rows), dtype=np.int64), np.asarray(sizes, dtype=np.int64))
    keys, counts = np.unique(row_of * n_feats + np.asarray(flat, dtype=np.int64), return_counts=True)
    indptr = np.searchsorted(keys, np.arange(len(rows) + 1, dtype=np.int64) * n_feats)
    scores = _sparse_times_dense(indptr.astype(np.int64), keys % n_feats,
                                 np.log1p(counts.astype(np.float32)), weights)
    scores += np.asarray(ident.nb_pc, dtype=np.float32)
    # py3langid's calibration: temperature sqrt(bytes), softmax, script aliases folded into one label.
    scores *= (1.0 / np.sqrt(np.maximum(np.asarray(lengths, dtype=np.float32), 1.0)))[:, None]
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    scores /= scores.sum(axis=1, keepdims=True)
    for a, b in ident._alias_pairs:
        scores[:, a] += scores[:, b]
        scores[:, b] = 0.0
    best = scores.argmax(axis=1)
    for row, i, k in zip(range(len(rows)), rows, best.tolist(), strict=True):
        conf = float(scores[row, k])
        if conf >= MIN_CONFIDENCE:
            out[i] = (str(ident.nb_classes[k]), round(conf, 4))
    return out


def _sparse_times_dense(indptr: Any, indices: Any, data: Any, weights: Any) -> Any:
    """``csr_matrix((data, indices, indptr)) @ weights`` in float32, rows accumulated in index order.

    SciPy's own kernel, called directly when available: building a ``csr_matrix`` costs ~20 µs of checks,
    as much as scoring one text.  Both routes run the same kernel, so the numbers are the same.
    """
    import numpy as np

    n_rows = len(indptr) - 1
    try:
        from scipy.sparse._sparsetools import csr_matvecs
    except ImportError:  # pragma: no cover - a SciPy without the private module: the public route
        from scipy.sparse import csr_matrix

        return np.asarray(csr_matrix((data, indices, indptr), shape=(n_rows, weights.shape[0])) @ weights,
                          dtype=np.float32)
    out = np.zeros((n_rows, weights.shape[1]), dtype=np.float32)
    csr_matvecs(n_rows, weights.shape[0], weights.shape[1], indptr, indices, data, weights.ravel(), out.ravel())
    return out


def identify(text: str) -> tuple[str, float] | None:
    """Return ``(code, confidence)`` for ``text``, or None when it is too short or too uncertain."""
    return identify_many([text])[0]


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
        if found is not None:
            yield _entity(field, found)

    def extract_many(self, items: Sequence[tuple[str, str, AdContext]]) -> list[list[Entity]]:
        """``[list(self.extract(text, field, ctx)) for field, text, ctx in items]``, scored in one product."""
        out: list[list[Entity]] = [[] for _ in items]
        wanted = [i for i, (field, _, _) in enumerate(items) if field in self.fields]
        for i, found in zip(wanted, identify_many([items[i][1] for i in wanted]), strict=True):
            if found is not None:
                out[i].append(_entity(items[i][0], found))
        return out


def _entity(field: str, found: tuple[str, float]) -> Entity:
    lang, conf = found
    return Entity("language", lang, field, 0, 0, "", {"confidence": conf})
