"""Read input files into raw records, one per ad, with where each came from.

Readers never validate: they only turn bytes into ``RawRecord`` values and
report what could not even be parsed (bad JSON, undecodable bytes) as a record
with an ``error``, so validation can reject it with its file and line.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from unveil.errors import InputError

# Suffixes we read; a folder is read recursively for these, in sorted order.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
CSV_SUFFIXES = (".csv", ".csv.gz", ".tsv", ".tsv.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
ALL_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES + PARQUET_SUFFIXES

# A raw line longer than this is not parsed at all (it cannot hold a valid ad
# once the body limit is applied, and parsing it would waste memory).
MAX_LINE_BYTES = 4 * 1024 * 1024


@dataclass(slots=True)
class RawRecord:
    """One record as read: either ``data`` (a parsed object) or an ``error``."""

    path: Path
    line: int  # 1-based line (JSONL, CSV) or row number (Parquet)
    data: Any = None
    error: str | None = None  # reject reason id when the record could not be parsed
    detail: str = ""
    raw: str = ""  # a short excerpt of what was read, for the rejects file


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in ALL_SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return ""


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read: each path itself, or a folder's readable files, sorted.

    Raises:
        InputError: a path does not exist, or a file has a format we cannot read.
    """
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p))
            files.extend(found)
        elif path.is_file():
            if not _suffix(path):
                raise InputError(
                    f"{path}: unknown input format; expected one of {', '.join(ALL_SUFFIXES)}"
                )
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _excerpt(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def read_jsonl(path: Path) -> Iterator[RawRecord]:
    with _open_binary(path) as fh:
        for lineno, line in enumerate(fh, start=1):
            if len(line) > MAX_LINE_BYTES:
                yield RawRecord(
                    path, lineno, error="too_large",
                    detail=f"line is {len(line)} bytes, over the {MAX_LINE_BYTES}-byte limit",
                    raw=_excerpt(line[:400].decode("utf-8", "replace")),
                )
                continue
            if not line.strip():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield RawRecord(
                    path, lineno, error="undecodable_text",
                    detail=f"not valid UTF-8 at byte {exc.start}: {exc.reason}",
                    raw=_excerpt(line.decode("utf-8", "replace")),
                )
                continue
            if lineno == 1:
                text = text.lstrip("\ufeff")
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                yield RawRecord(
                    path, lineno, error="bad_json",
                    detail=f"invalid JSON: {exc.msg} at column {exc.colno}", raw=_excerpt(text.strip()),
                )
                continue
            yield RawRecord(path, lineno, data=data, raw=_excerpt(text.strip()))


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_csv(path: Path) -> Iterator[RawRecord]:
    """CSV with a header row; TSV when the suffix says so.

    The file is decoded with ``surrogateescape`` so one bad byte rejects only
    the row that holds it, not the whole file.
    """
    delimiter = "\t" if ".tsv" in path.name.lower() else ","
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_binary(path) as raw_fh:
        text_fh = io.TextIOWrapper(raw_fh, encoding="utf-8", errors="surrogateescape", newline="")
        reader = csv.reader(text_fh, delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RawRecord(path, 1, error="bad_csv", detail=f"unreadable header: {exc}")
            return
        header = [h.lstrip("\ufeff").strip() for h in header]
        line_start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield RawRecord(path, line_start, error="bad_csv", detail=f"malformed CSV row: {exc}")
                line_start = reader.line_num + 1
                continue
            this_line = line_start
            line_start = reader.line_num + 1
            if not row or all(not cell for cell in row):
                continue
            raw = _excerpt(delimiter.join(row).encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
            if any(_has_surrogates(cell) for cell in row):
                yield RawRecord(path, this_line, error="undecodable_text", detail="row is not valid UTF-8",
                                raw=raw)
                continue
            if len(row) != len(header):
                yield RawRecord(
                    path, this_line, error="bad_csv",
                    detail=f"row has {len(row)} cells but the header has {len(header)}", raw=raw,
                )
                continue
            data = {k: (v if v != "" else None) for k, v in zip(header, row, strict=True)}
            yield RawRecord(path, this_line, data=_from_csv_cells(data), raw=raw)


def _from_csv_cells(data: dict[str, Any]) -> dict[str, Any]:
    """Give CSV cells the types the contract asks for, where the text allows.

    CSV has no types: an ``age`` of ``"19"`` is the integer 19 and ``images``
    is a JSON array or a ``|``-separated list.  Cells that do not convert are
    left as text so validation rejects them with a clear reason.
    """
    age = data.get("age")
    if isinstance(age, str) and age.strip().isdigit():
        data["age"] = int(age.strip())
    images = data.get("images")
    if isinstance(images, str):
        stripped = images.strip()
        if stripped.startswith("["):
            with contextlib.suppress(json.JSONDecodeError):
                data["images"] = json.loads(stripped)
        else:
            data["images"] = [p.strip() for p in stripped.split("|") if p.strip()]
    return data


def read_parquet(path: Path, batch_size: int = 10_000) -> Iterator[RawRecord]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        yield RawRecord(path, 0, error="unreadable_file", detail=f"not a readable Parquet file: {exc}")
        return
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_size):
            for rec in batch.to_pylist():
                row += 1
                bad = [k for k, v in rec.items() if isinstance(v, bytes | bytearray)]
                for key in bad:
                    try:
                        rec[key] = bytes(rec[key]).decode("utf-8")
                    except UnicodeDecodeError:
                        yield RawRecord(path, row, error="undecodable_text",
                                        detail=f"field {key!r} is not valid UTF-8")
                        break
                else:
                    yield RawRecord(path, row, data=rec, raw=_excerpt(json.dumps(rec, default=str)))
    except Exception as exc:
        yield RawRecord(path, row + 1, error="unreadable_file",
                        detail=f"Parquet file unreadable after row {row}: {exc}")


def read_records(path: Path) -> Iterator[RawRecord]:
    suffix = _suffix(path)
    if suffix in JSONL_SUFFIXES:
        return read_jsonl(path)
    if suffix in CSV_SUFFIXES:
        return read_csv(path)
    if suffix in PARQUET_SUFFIXES:
        return read_parquet(path)
    raise InputError(f"{path}: unknown input format")
