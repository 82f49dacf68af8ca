"""Perceptual hashes of the ads' images (PDQ), decoded in worker processes, never fatal.

Each image path in an ad is resolved against the folder of the ad's input file (``ads.input_file``), read
with Pillow and hashed with PDQ (Meta's 256-bit perceptual hash, ``pdqhash``).  A missing file, a file
that is not an image, or one Pillow cannot decode is recorded in ``image_hashes`` with its status and the
reason, and the run goes on.

Why PDQ, and what it survives (measured on the demo corpus, see docs/linking.md): resizing, JPEG
re-compression and colour shifts move a hash by at most ~28 of 256 bits, while unrelated pictures sit at
~88 bits or more, so near-copies are matched at distance <= ``max_distance`` (31 by default, PDQ's own
recommendation).  Crops are another matter: cutting 2% off each side already moves the hash ~46 bits, 5%
~90 bits.  Hashing centre crops does not help against the uneven crops re-uploads show (measured), so
cropped copies are left to the other evidence (the same network reuses several photos, its text and its
phones).

JPEG files are decoded at reduced size (Pillow's ``draft``), which PDQ does not notice (it works on a
64x64 reduction) and which makes large photos several times cheaper.  A file is hashed once per run however
many ads show it, and a file already hashed in an earlier run is not read again.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from unveil.engine import Engine
from unveil.link.pool import BatchPool

HASH_BATCH = 64  # files per worker task


@dataclass(frozen=True, slots=True)
class ImageSettings:
    """Parameters of image linking (recorded with each run).

    Attributes:
        enabled: Hash and link images at all.
        max_distance: Largest Hamming distance (of 256 bits) between PDQ hashes of one picture.
        min_quality: PDQ quality below which a hash is not used (flat or tiny pictures hash unreliably).
        bands: The 256 bits are cut into this many bands for candidate search: two hashes within
            distance ``d`` differ in at most ``d`` bands, so with 16 bands of 16 bits any pair within 15
            bits shares a band exactly (pigeonhole principle), and pairs up to 31 bits do with high
            probability (~90% at 31, ~99% at 24).
        bucket_cap: Largest band bucket that yields candidates.
        picture_max_co_phones: A picture whose ads show more distinct phone numbers than this is a hub
            (a stock photo, a site banner): reported, not used to link.
        picture_crowd_phones: A picture is also a hub when its ads show more distinct phone numbers than
            this *and* at least one per ad: a crowd in which every ad brings its own number, the mark of a
            stock photo in a small corpus (a network reuses its photos across many ads and few phones).
    """

    enabled: bool = True
    max_distance: int = 31
    min_quality: int = 50
    bands: int = 16
    bucket_cap: int = 500
    picture_max_co_phones: int = 12
    picture_crowd_phones: int = 6

    def __post_init__(self) -> None:
        if 256 % self.bands or self.bands > 64:
            raise ValueError("bands must divide 256 and be at most 64")


HASHES_SCHEMA = pa.schema([("file", pa.string()), ("status", pa.string()), ("detail", pa.string()),
                           ("pdq", pa.string()), ("quality", pa.int32())])


def hash_file(path: str) -> tuple[str, str | None, str | None, int | None]:
    """``(status, detail, pdq_hex, quality)`` of one image file; never raises for a bad file."""
    import pdqhash
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            img.draft("RGB", (256, 256))
            rgb = img.convert("RGB")
        if max(rgb.size) > 1024:
            rgb.thumbnail((1024, 1024))
        bits, quality = pdqhash.compute(np.ascontiguousarray(np.asarray(rgb)))
    except FileNotFoundError:
        return "missing", "no such file", None, None
    except UnidentifiedImageError:
        return "not_image", "not an image Pillow can read", None, None
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        return "unreadable", f"{type(exc).__name__}: {exc}"[:300], None, None
    return "ok", None, np.packbits(np.asarray(bits, dtype=np.uint8)).tobytes().hex(), int(quality)


def hash_files(files: list[str]) -> pa.Table:
    """Hash a batch of files (a worker task)."""
    rows = [hash_file(f) for f in files]
    return pa.table({"file": files, "status": [r[0] for r in rows], "detail": [r[1] for r in rows],
                     "pdq": [r[2] for r in rows], "quality": [r[3] for r in rows]}, schema=HASHES_SCHEMA)


def resolve(input_file: str | None, image: str) -> str:
    """The file an ad's image path names: relative to the folder of the ad's input file."""
    base = Path(input_file).parent if input_file else Path(".")
    return os.path.normpath(os.path.abspath(base / image))


def hash_new_images(engine: Engine, pool: BatchPool) -> dict[str, int]:
    """Fill ``image_hashes`` for the ads in ``_new_ads``; returns counts by status and files read."""
    src = engine.query("SELECT a.ad_key, a.input_file, a.images FROM ads a JOIN _new_ads n ON n.ad_key = a.ad_key")
    images = src.column("images")
    if src.num_rows == 0 or pc.sum(pc.list_value_length(images)).as_py() in (None, 0):
        return {"images": 0, "files_read": 0}
    images = images.combine_chunks()
    parent = pc.list_parent_indices(images).to_numpy()
    paths = pc.list_flatten(images).to_pylist()
    keys = src.column("ad_key").to_numpy(zero_copy_only=False)[parent]
    inputs = src.column("input_file").to_numpy(zero_copy_only=False)[parent]
    files = [resolve(inp, img) for inp, img in zip(inputs, paths, strict=True)]
    distinct = sorted(set(files))
    engine.register("_img_files", pa.table({"file": distinct}))
    known = engine.query(
        "SELECT h.file, MIN(h.status) AS status, MIN(h.detail) AS detail, MIN(h.pdq) AS pdq, "
        "MIN(h.quality) AS quality FROM image_hashes h JOIN _img_files f ON f.file = h.file "
        "WHERE h.status = 'ok' GROUP BY h.file"
    )
    engine.unregister("_img_files")
    result: dict[str, tuple[str, str | None, str | None, int | None]] = {
        r["file"]: (r["status"], r["detail"], r["pdq"], r["quality"]) for r in known.to_pylist()
    }
    todo = [f for f in distinct if f not in result]
    tasks = ((todo[i : i + HASH_BATCH],) for i in range(0, len(todo), HASH_BATCH))
    for table in pool.map(hash_files, tasks, desc="image hashes", total=len(todo), unit="img",
                          weight=lambda t: len(t[0])):
        for r in table.to_pylist():
            result[r["file"]] = (r["status"], r["detail"], r["pdq"], r["quality"])
    rows = [result[f] for f in files]
    table = pa.table(
        {"ad_key": keys.tolist(), "image": paths, "status": [r[0] for r in rows], "detail": [r[1] for r in rows],
         "pdq": [r[2] for r in rows], "quality": [r[3] for r in rows], "file": files},
        schema=pa.schema([("ad_key", pa.string()), ("image", pa.string()), ("status", pa.string()),
                          ("detail", pa.string()), ("pdq", pa.string()), ("quality", pa.int32()),
                          ("file", pa.string())]),
    )
    engine.execute("DELETE FROM image_hashes WHERE ad_key IN (SELECT ad_key FROM _new_ads)")
    engine.register("_img_rows", table)
    engine.execute("INSERT INTO image_hashes SELECT ad_key, image, status, detail, pdq, quality, file FROM _img_rows")
    engine.unregister("_img_rows")
    counts: dict[str, int] = {"images": len(files), "files_read": len(todo)}
    for r in rows:
        counts[f"images_{r[0]}"] = counts.get(f"images_{r[0]}", 0) + 1
    return counts


def pdq_bits(hexes: list[str] | np.ndarray) -> np.ndarray:
    """``(n, 4)`` uint64 words of hex PDQ hashes."""
    raw = b"".join(bytes.fromhex(h) for h in hexes)
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64).reshape(len(hexes), 4)


def hamming(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Bitwise distance between rows of two ``(n, 4)`` uint64 arrays."""
    x = np.bitwise_xor(a, b)
    return np.asarray(np.bitwise_count(x).sum(axis=1), dtype=np.int64)


def band_values(words: np.ndarray, bands: int) -> np.ndarray:
    """``(n, bands)`` int64: each band's bits, with the band index in the high bits (one join key)."""
    per_word = bands // 4
    width = 64 // per_word
    mask = np.uint64((1 << width) - 1) if width < 64 else np.uint64(0xFFFFFFFFFFFFFFFF)
    out = np.empty((len(words), bands), dtype=np.int64)
    for w in range(4):
        for j in range(per_word):
            band = w * per_word + j
            chunk = (words[:, w] >> np.uint64(width * (per_word - 1 - j))) & mask
            out[:, band] = (chunk.astype(np.int64) & ((1 << min(width, 56)) - 1)) | (band << 56)
    return out
