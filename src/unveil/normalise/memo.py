"""Per-text results that several extractors share, kept for the length of one extraction call.

Twelve extractors read the same field: five of them fold it and cut it into words, four look for email
addresses in it so as not to read one as a handle, the phone reader folds it again.  Within
``extract_ad`` or ``extract_batch`` (which runs one extractor over a whole batch before the next, so
"the most recent text" is never the same field twice), :func:`shared_texts` opens a scope in which a
function wrapped by :func:`per_text` computes its result once per distinct text; the scope's results are
dropped when it closes, so memory stays bounded by one batch.  Outside a scope (a direct call from a
test or a library user) a small LRU cache keeps the old behaviour.

Only pure functions of the text may be wrapped: a cached result is shared by every caller.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

_state = threading.local()  # .scope: dict[Callable, dict[str, result]] while a scope is open


@contextmanager
def shared_texts() -> Iterator[None]:
    """Share :func:`per_text` results until the outermost ``with`` block of this thread ends."""
    if getattr(_state, "scope", None) is not None:
        yield  # nested: the outer scope owns the results
        return
    _state.scope = {}
    try:
        yield
    finally:
        _state.scope = None


def per_text(fn: Callable[[str], T]) -> Callable[[str], T]:
    """Wrap a pure one-argument function of a text so that each scope computes it once per text."""
    outside = functools.lru_cache(maxsize=16)(fn)

    @functools.wraps(fn)
    def wrapper(text: str) -> T:
        scope: dict[Callable[[str], object], dict[str, object]] | None = getattr(_state, "scope", None)
        if scope is None:
            return outside(text)
        table = scope.get(fn)
        if table is None:
            table = scope[fn] = {}
        try:
            return table[text]  # type: ignore[return-value]
        except KeyError:
            result = table[text] = fn(text)
            return result

    return wrapper
