"""Per-ad text fingerprints: masked tokens, segments, shingles, MinHash signatures and LSH band hashes.

Everything here is a pure function of a batch of ads (title, body, city and the spans of their stored
entities) and of the set of boilerplate segments to leave out: any engine can run it on its own partitions
and get the same rows, and an incremental run only fingerprints new ads.

What is compared is the *way an ad is written*, not what it identifies:

* the spans of stored entities of the kinds in :data:`MASK_KINDS` (phones, emails, URLs, handles, payment
  ids, persona names, ages, prices, cities) and every run of digits become one mask token, so rotating a
  phone or a persona does not change the fingerprint and a shared phone (already an explicit link) does not
  count twice; the ad's own ``city`` field is masked where it occurs in the text (networks tour cities);
* the text is NFKC-folded and lower-cased, then cut into *segments* at line breaks, sentence ends, bullets
  and pictographs; a segment is its sequence of word tokens.

Segments are hashed so boilerplate (site footers, everyday phrases used by many unrelated posters) can be
found across the corpus in SQL (:mod:`unveil.link.boilerplate`) and left out before MinHash.  The remaining
tokens are shingled into word n-grams, hashed to 64 bits with fixed hashes (blake2b for tokens and
segments, a splitmix64 mix for n-grams: the same on every machine and in every process, whatever
``PYTHONHASHSEED``), and summarised by rensa's MinHash (``RMinHash``, fixed seed; chosen in
``benchmarks/minhash_options.py``).

Two things are stored per ad: band hashes (``num_perm / bands`` consecutive MinHash values hashed together,
one row per band) to find candidates with an equi-join, and a 16-bit *b-bit MinHash* signature (Li and
König, WWW 2010) to verify them: two 16-bit values agree by chance with probability 2^-16, a bias
:func:`estimate_jaccard` removes.  The tokenisation runs as Arrow compute kernels over the whole batch.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import rensa

# Entity kinds whose spans are masked before comparing texts (kinds not extracted yet are simply absent).
MASK_KINDS: tuple[str, ...] = (
    "phone", "email", "url", "handle", "payment", "crypto", "iban", "name", "age", "price", "city",
)  # fmt: skip
TEXT_FIELDS: tuple[str, ...] = ("title", "body")

MASK = "\ue000"  # a private-use character: one masked span or digit run (shown as "#")
_MASK_RE = r"\x{E000}"
# Segment boundaries: line breaks, sentence ends, bullets and pictographs (emoji, stars, sparkles...).
_BOUNDARY_RE = r"[\n\r.!?;|•·\p{So}]+"
_NON_TOKEN_RE = r"[^\pL\pM\x{E000}]+"

SIG_BITS = 16  # bits kept per MinHash value in the stored signature


@dataclass(frozen=True, slots=True)
class TextSettings:
    """Parameters of near-duplicate text linking (recorded with each run).

    Attributes:
        enabled: Link ads by near-duplicate text at all.
        shingle: Words per shingle (word n-grams).
        num_perm: MinHash permutations.
        bands: LSH bands; ``r = num_perm / bands`` values per band.  Two ads become candidates when all
            values of at least one band agree: with Jaccard ``s`` that happens with probability
            ``1 - (1 - s^r)^b``, about 0.87 at s = 0.5 and 0.99 at s = 0.6 for the default 32 bands of 4.
        threshold: Estimated Jaccard similarity of the shingle sets a candidate pair needs to be linked.
        min_shingles: Ads with fewer distinct shingles (after masking and boilerplate removal) are not
            compared: too little text to say anything about who wrote it.
        bucket_cap: A band value shared by more ads than this generates no candidates: a near-identical
            text posted by a crowd is spam or boilerplate, and all pairs inside it would be quadratic.
        min_segment_tokens: Segments shorter than this are never boilerplate.
        boilerplate_max_co_phones: A segment whose ads show more distinct phone numbers than this is
            boilerplate and is left out before MinHash.
        template_max_co_phones: A text cluster whose ads show more distinct phone numbers than this is a
            hub (spam, a template in common use): reported, not used to merge networks.
        template_crowd_phones: A text cluster is also a hub when its ads show more phone numbers than this
            and at least one per ad (see ``unveil.link.hubs.hub_rule``).
        seed: MinHash seed.
    """

    enabled: bool = True
    shingle: int = 3
    num_perm: int = 128
    bands: int = 32
    threshold: float = 0.6
    min_shingles: int = 16
    bucket_cap: int = 300
    min_segment_tokens: int = 3
    boilerplate_max_co_phones: int = 12
    template_max_co_phones: int = 12
    template_crowd_phones: int = 6
    seed: int = 20260105

    def __post_init__(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError(f"num_perm ({self.num_perm}) must be a multiple of bands ({self.bands})")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if not 1 <= self.shingle <= len(_SHINGLE_MULT):
            raise ValueError(f"shingle must be between 1 and {len(_SHINGLE_MULT)}")

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands


# --- masking and tokens ------------------------------------------------------------------------------------


def mask_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each ``[start, end)`` span replaced by one mask character (overlaps merged)."""
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:  # overlaps the previous span: extend it
            pos = max(pos, end)
            continue
        out.append(text[pos:start])
        out.append(f" {MASK} ")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def mask_city(text: str, city: str | None) -> str:
    """``text`` with case-insensitive occurrences of ``city`` masked (cities of 3+ characters)."""
    if not city or len(city) < 3:
        return text
    low, needle = text.lower(), city.lower()
    if len(low) != len(text) or needle not in low:
        return text
    out: list[str] = []
    pos = 0
    while True:
        i = low.find(needle, pos)
        if i < 0:
            break
        out.append(text[pos:i])
        out.append(f" {MASK} ")
        pos = i + len(needle)
    out.append(text[pos:])
    return "".join(out)


def masked_text(title: str | None, body: str | None, city: str | None,
                spans: Sequence[tuple[str, int, int]] = ()) -> str:
    """Title and body, masked, joined by a line break (a segment boundary)."""
    parts = []
    for field, text in (("title", title), ("body", body)):
        if text:
            parts.append(mask_city(mask_spans(text, [(s, e) for f, s, e in spans if f == field]), city))
    return "\n".join(parts)


def tokenise(texts: pa.Array) -> tuple[pa.ListArray, np.ndarray]:
    """Segments of word tokens for an array of masked texts.

    Returns:
        One ``list<string>`` of tokens per segment (empty segments dropped) and, per segment, the index of
        the text it comes from.
    """
    x = pc.utf8_lower(pc.utf8_normalize(texts, "NFKC"))
    x = pc.replace_substring_regex(x, r"[0-9]+", MASK)
    segs = pc.split_pattern_regex(x, _BOUNDARY_RE)
    parent = pc.list_parent_indices(segs).to_numpy()
    flat = pc.replace_substring_regex(pc.list_flatten(segs), _NON_TOKEN_RE, " ")
    flat = pc.utf8_trim_whitespace(pc.replace_substring_regex(flat, _MASK_RE + "(?: " + _MASK_RE + ")+", MASK))
    keep = pc.greater(pc.utf8_length(flat), 0)
    tokens = pc.utf8_split_whitespace(flat.filter(keep))
    return tokens, parent[keep.to_numpy(zero_copy_only=False)]


def segment_text(tokens: Sequence[str]) -> str:
    """Readable form of a segment (masks shown as ``#``)."""
    return " ".join(t.replace(MASK, "#") for t in tokens)


# --- hashing ---------------------------------------------------------------------------------------------

_TOKEN_CACHE: dict[str, int] = {}
_SEGMENT_CACHE: dict[str, int] = {}
_CACHE_MAX = 1_000_000


def _h64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _cached(values: list[str], cache: dict[str, int], prefix: str) -> np.ndarray:
    if len(cache) > _CACHE_MAX:
        cache.clear()
    out = np.empty(len(values), dtype=np.uint64)
    for i, v in enumerate(values):
        h = cache.get(v)
        if h is None:
            h = cache[v] = _h64(prefix + v)
        out[i] = h
    return out


def hash_strings(values: pa.Array, kind: str) -> np.ndarray:
    """uint64 hashes of a string array, hashing each distinct value once (``kind``: token or segment)."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.uint64)
    enc = values.dictionary_encode()
    cache, prefix = (_TOKEN_CACHE, "") if kind == "token" else (_SEGMENT_CACHE, "seg:")
    uniq = _cached(enc.dictionary.to_pylist(), cache, prefix)
    return uniq[enc.indices.to_numpy(zero_copy_only=False)]


def segment_hashes(tokens: pa.ListArray) -> np.ndarray:
    """Signed 64-bit hash of each segment (SQL ``BIGINT``)."""
    return hash_strings(pc.binary_join(tokens, " "), "segment").view(np.int64)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser over a uint64 array (wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(30))
        x = x * np.uint64(0xBF58476D1CE4E5B9)
        x = x ^ (x >> np.uint64(27))
        x = x * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


_SHINGLE_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                          0x85EBCA77C2B2AE63, 0xFF51AFD7ED558CCD], dtype=np.uint64)


def shingle_hashes(token_hashes: np.ndarray, offsets: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of the word k-grams of every document of a flat token array.

    Args:
        token_hashes: uint64 token hashes of all documents, concatenated.
        offsets: ``n_docs + 1`` int64 boundaries into ``token_hashes``.
        k: words per shingle (a document shorter than ``k`` gives one shingle of all its tokens).

    Returns:
        The flat uint64 shingle hashes and their ``n_docs + 1`` offsets.
    """
    n_docs = len(offsets) - 1
    lengths = np.diff(offsets)
    n_shingles = np.where(lengths >= k, lengths - k + 1, np.minimum(lengths, 1))
    out_offsets = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(n_shingles, out=out_offsets[1:])
    total = int(out_offsets[-1])
    if total == 0:
        return np.zeros(0, dtype=np.uint64), out_offsets
    doc_of = np.repeat(np.arange(n_docs), n_shingles)
    starts = offsets[:-1][doc_of] + (np.arange(total) - out_offsets[:-1][doc_of])
    span = np.minimum(lengths[doc_of], k)
    acc = np.zeros(total, dtype=np.uint64)
    padded = np.concatenate([token_hashes, np.zeros(k, dtype=np.uint64)])
    with np.errstate(over="ignore"):
        for j in range(k):
            vals = np.where(j < span, padded[starts + j], np.uint64(0))
            acc = acc + _mix(vals ^ _SHINGLE_MULT[j])
    return _mix(acc), out_offsets


def distinct_per_doc(values: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Number of distinct values in each document of a flat array."""
    n_docs = len(offsets) - 1
    if len(values) == 0:
        return np.zeros(n_docs, dtype=np.int64)
    doc = np.repeat(np.arange(n_docs, dtype=np.uint64), np.diff(offsets))
    # One sortable key per value: the document in the high 24 bits, 40 bits of the hash below (two
    # different shingles of one document share 40 bits with probability ~1e-12 per pair).
    key = np.sort((doc << np.uint64(40)) | (values >> np.uint64(24)))
    new = np.ones(len(key), dtype=bool)
    new[1:] = key[1:] != key[:-1]
    return np.bincount((key[new] >> np.uint64(40)).astype(np.int64), minlength=n_docs)


def minhash_matrix(flat: np.ndarray, offsets: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """``(n_docs, num_perm)`` uint32 MinHash digests computed by rensa (documents must be non-empty)."""
    n_docs = len(offsets) - 1
    if n_docs == 0:
        return np.zeros((0, num_perm), dtype=np.uint32)
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(
        np.ascontiguousarray(flat, dtype=np.uint64), np.ascontiguousarray(offsets, dtype=np.uint64), num_perm, seed
    )
    # rensa hands digests back as Python lists; chain.from_iterable keeps the copy in C.
    flat_digests = itertools.chain.from_iterable(matrix.to_rows())
    return np.fromiter(flat_digests, dtype=np.uint32, count=n_docs * num_perm).reshape(n_docs, num_perm)


def band_hashes(digests: np.ndarray, bands: int) -> np.ndarray:
    """Signed 64-bit hash per (document, band) of a ``(n, num_perm)`` uint32 MinHash matrix.

    The band index is mixed in, so equal values in different bands never collide: candidates are found by
    an equi-join on the hash alone.
    """
    n, num_perm = digests.shape
    rows = num_perm // bands
    d = digests.astype(np.uint64).reshape(n, bands, rows)
    acc = np.broadcast_to(np.arange(bands, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15), (n, bands)).copy()
    with np.errstate(over="ignore"):
        for j in range(rows):
            acc = _mix(acc ^ (d[:, :, j] + np.uint64(j + 1) * np.uint64(0xC2B2AE3D27D4EB4F)))
    return acc.view(np.int64)


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    """Jaccard estimates from two ``(n, num_perm)`` uint16 b-bit signatures, chance agreement removed."""
    if sig_a.shape != sig_b.shape:
        raise ValueError(f"signatures of different shapes: {sig_a.shape} and {sig_b.shape}")
    if sig_a.shape[0] == 0:
        return np.zeros(0)
    agree = (sig_a == sig_b).mean(axis=1)
    chance = 2.0**-SIG_BITS
    return np.asarray(np.clip((agree - chance) / (1.0 - chance), 0.0, 1.0))


def signatures_from_binary(column: pa.ChunkedArray | pa.Array, num_perm: int) -> np.ndarray:
    """``(n, num_perm)`` uint16 matrix from a binary column of stored signatures."""
    arr = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    if len(arr) == 0:
        return np.zeros((0, num_perm), dtype=np.uint16)
    if arr.null_count:
        raise ValueError("missing text signatures")
    arr = arr.cast(pa.large_binary())
    offsets = np.frombuffer(arr.buffers()[1], dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    data = np.frombuffer(arr.buffers()[2], dtype=np.uint8)
    width = num_perm * 2
    if not np.all(np.diff(offsets) == width):
        raise ValueError(f"stored text signatures are not {num_perm} x 16 bits: they were made with other settings")
    return data[offsets[0] : offsets[-1]].view("<u2").reshape(len(arr), num_perm)


# --- batches ---------------------------------------------------------------------------------------------

SEGMENTS_SCHEMA = pa.schema([("ad_no", pa.int64()), ("seg", pa.int64()), ("masked", pa.bool_())])
SIGNATURES_SCHEMA = pa.schema([("ad_no", pa.int64()), ("shingles", pa.int32()), ("sig", pa.binary())])
BANDS_SCHEMA = pa.schema([("ad_no", pa.int64()), ("hash", pa.int64())])


@dataclass(frozen=True, slots=True)
class Fingerprints:
    """What :func:`fingerprint_batch` returns: three tables ready to insert."""

    segments: pa.Table  # ad_no, seg, masked: distinct segments long enough to be boilerplate
    signatures: pa.Table  # ad_no, shingles, sig: ads with enough text
    bands: pa.Table  # ad_no, hash


def spans_by_ad(spans: pa.Table | None) -> dict[int, list[tuple[str, int, int]]]:
    """``ad_no -> [(field, start, end)]`` from a spans table."""
    out: dict[int, list[tuple[str, int, int]]] = {}
    if spans is None or spans.num_rows == 0:
        return out
    cols = [spans.column(c).to_pylist() for c in ("ad_no", "field", "start", "end")]
    for ad_no, field, start, end in zip(*cols, strict=True):
        out.setdefault(ad_no, []).append((field, start, end))
    return out


def ad_token_segments(ads: pa.Table, spans: pa.Table | None) -> tuple[pa.ListArray, np.ndarray]:
    """Token segments of a batch (``ad_no``, ``title``, ``body``, ``city``) and each segment's row."""
    by_ad = spans_by_ad(spans)
    cols = [ads.column(c).to_pylist() for c in ("ad_no", "title", "body", "city")]
    texts = [masked_text(title, body, city, by_ad.get(no, ())) for no, title, body, city in zip(*cols, strict=True)]
    return tokenise(pa.array(texts, type=pa.string()))


def fingerprint_batch(ads: pa.Table, spans: pa.Table | None, boilerplate: frozenset[int],
                      settings: TextSettings) -> Fingerprints:
    """Segments, signatures and band hashes of a batch of ads.

    Args:
        ads: columns ``ad_no``, ``title``, ``body``, ``city``.
        spans: columns ``ad_no``, ``field``, ``start``, ``end``: entity spans to mask.
        boilerplate: segment hashes to leave out of the signatures (the segments are still listed, with
            ``masked`` true, so a later change of the boilerplate set finds the ads to sign again).
        settings: text settings.
    """
    ad_nos = ads.column("ad_no").to_numpy()
    tokens, row = ad_token_segments(ads, spans)
    seg_hash = segment_hashes(tokens)
    n_tok = pc.list_value_length(tokens).to_numpy(zero_copy_only=False)
    eligible = n_tok >= settings.min_segment_tokens
    masked = eligible & np.isin(seg_hash, np.fromiter(boilerplate, dtype=np.int64, count=len(boilerplate)))
    # Segments table: distinct (ad, segment) among eligible segments.
    seg_ad = ad_nos[row[eligible]]
    seg_tbl = pa.table({"ad_no": seg_ad, "seg": seg_hash[eligible], "masked": masked[eligible]}, schema=SEGMENTS_SCHEMA)
    if seg_tbl.num_rows:
        seg_tbl = seg_tbl.group_by(["ad_no", "seg"], use_threads=False).aggregate([("masked", "max")])
        seg_tbl = seg_tbl.rename_columns(["ad_no", "seg", "masked"]).select(["ad_no", "seg", "masked"]).cast(
            SEGMENTS_SCHEMA
        )
    # Tokens of the kept segments, per ad.
    kept = tokens.filter(pa.array(~masked))
    kept_row = row[~masked]
    flat_tokens = pc.list_flatten(kept)
    tok_hash = hash_strings(flat_tokens, "token")
    per_seg = pc.list_value_length(kept).to_numpy(zero_copy_only=False)
    per_ad = np.bincount(kept_row, weights=per_seg, minlength=len(ad_nos)).astype(np.int64)
    offsets = np.zeros(len(ad_nos) + 1, dtype=np.int64)
    np.cumsum(per_ad, out=offsets[1:])
    sh, sh_off = shingle_hashes(tok_hash, offsets, settings.shingle)
    distinct = distinct_per_doc(sh, sh_off)
    keep = np.flatnonzero(distinct >= settings.min_shingles)
    if len(keep) == 0:
        return Fingerprints(seg_tbl, SIGNATURES_SCHEMA.empty_table(), BANDS_SCHEMA.empty_table())
    lens = sh_off[keep + 1] - sh_off[keep]
    k_off = np.zeros(len(keep) + 1, dtype=np.int64)
    np.cumsum(lens, out=k_off[1:])
    idx = np.repeat(sh_off[keep], lens) + (np.arange(int(k_off[-1])) - np.repeat(k_off[:-1], lens))
    digests = minhash_matrix(sh[idx], k_off, settings.num_perm, settings.seed)
    sig16 = np.ascontiguousarray((digests & 0xFFFF).astype("<u2"))
    width = settings.num_perm * 2
    sig_col = pa.Array.from_buffers(
        pa.binary(), len(keep),
        [None, pa.py_buffer(np.arange(0, (len(keep) + 1) * width, width, dtype=np.int32)), pa.py_buffer(sig16)],
    )
    kept_nos = ad_nos[keep]
    signatures = pa.table({"ad_no": kept_nos, "shingles": distinct[keep].astype(np.int32), "sig": sig_col},
                          schema=SIGNATURES_SCHEMA)
    bh = band_hashes(digests, settings.bands)
    bands = pa.table({"ad_no": np.repeat(kept_nos, settings.bands), "hash": bh.reshape(-1)}, schema=BANDS_SCHEMA)
    return Fingerprints(seg_tbl, signatures, bands)


def describe(settings: TextSettings) -> dict[str, Any]:
    """The settings as recorded with a run."""
    return {name: getattr(settings, name) for name in settings.__dataclass_fields__}
