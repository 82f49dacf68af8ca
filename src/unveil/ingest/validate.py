"""Validate raw records against the input contract (``schema/ad.schema.json``).

The JSON Schema file is the single source of truth: field types and size
limits are read from it, so the published contract and the validator cannot
drift apart.  A record either becomes a clean ad dict or a ``Rejection`` with a
reason id from ``REJECT_REASONS`` and a sentence saying what is wrong.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from unveil.ingest.countries import ISO_ALPHA2

# Every reason a record can be kept aside for.  Documented in docs/input.md.
REJECT_REASONS: dict[str, str] = {
    "bad_json": "the line is not valid JSON",
    "bad_csv": "the CSV row is malformed (wrong number of cells, broken quoting)",
    "not_an_object": "the record is not a JSON object",
    "missing_field": "a required field (id, body) is missing or empty",
    "wrong_type": "a field has the wrong type (for example a number where text is expected)",
    "invalid_value": "a field has the right type but an impossible value (bad date, unknown country code)",
    "too_large": "a field, or the whole line, is over its documented size limit",
    "undecodable_text": "the bytes are not valid UTF-8 text",
    "duplicate_id": "another record with the same source and id but different content came first",
    "unreadable_file": "the file cannot be read at all (corrupt Parquet file)",
}

FIELDS: tuple[str, ...] = (
    "id", "body", "title", "source", "url", "posted_at", "city", "region", "country",
    "phone", "email", "age", "lang", "images",
)


@dataclass(frozen=True, slots=True)
class Rejection:
    reason: str
    detail: str


@cache
def ad_schema() -> dict[str, Any]:
    """The published input contract as a dict."""
    text = resources.files("unveil.schema").joinpath("ad.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_path() -> Path:
    return Path(str(resources.files("unveil.schema").joinpath("ad.schema.json")))


def _types(spec: dict[str, Any]) -> list[str]:
    t = spec.get("type", [])
    return [t] if isinstance(t, str) else list(t)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_posted_at(value: str) -> datetime | None:
    """ISO 8601 date or date-time to a naive UTC datetime; None when unreadable."""
    text = value.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


@dataclass(frozen=True, slots=True)
class _FieldRule:
    """One field's part of the contract, read once from the schema."""

    allowed: frozenset[str]  # JSON type names, "null" included when the field may be null
    want: str  # the allowed types as a message says them
    max_length: int | None
    minimum: int | None
    maximum: int | None
    max_items: int | None
    items: _FieldRule | None

    @classmethod
    def of(cls, spec: dict[str, Any]) -> _FieldRule:
        allowed = _types(spec)
        items = spec.get("items")
        return cls(frozenset(allowed), " or ".join(t for t in allowed if t != "null"), spec.get("maxLength"),
                   spec.get("minimum"), spec.get("maximum"), spec.get("maxItems"),
                   cls.of(items) if isinstance(items, dict) else None)


@cache
def _field_rules() -> dict[str, _FieldRule]:
    props: dict[str, Any] = ad_schema()["properties"]
    return {name: _FieldRule.of(props[name]) for name in FIELDS}


def _check_field(name: str, value: Any, rule: _FieldRule) -> Rejection | None:
    if value is None:
        return None if "null" in rule.allowed else Rejection("missing_field", f"field {name!r} is null")
    got = _type_name(value)
    if got not in rule.allowed and not (got == "integer" and "number" in rule.allowed):
        # The value itself is left out: it may be a phone number or an email, and
        # reasons end up in logs.
        return Rejection("wrong_type", f"field {name!r} must be {rule.want}, got {got}")
    if got == "string":
        if _has_surrogates(value):
            return Rejection("undecodable_text", f"field {name!r} holds text that is not valid Unicode")
        if rule.max_length is not None and len(value) > rule.max_length:
            return Rejection("too_large",
                             f"field {name!r} is {len(value)} characters, over the limit of {rule.max_length}")
    elif got == "integer":
        lo, hi = rule.minimum, rule.maximum
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            return Rejection("invalid_value", f"field {name!r} is {value}, outside {lo}..{hi}")
    elif got == "array":
        if rule.max_items is not None and len(value) > rule.max_items:
            return Rejection("too_large",
                             f"field {name!r} has {len(value)} items, over the limit of {rule.max_items}")
        item_rule = rule.items or _ANY
        for i, item in enumerate(value):
            problem = _check_field(f"{name}[{i}]", item, item_rule)
            if problem:
                return problem
    return None


_ANY = _FieldRule(frozenset(), "", None, None, None, None, None)  # an array without "items" in the schema


def validate_record(data: Any, default_source: str) -> dict[str, Any] | Rejection:
    """Check one parsed record; return the clean ad or why it is rejected.

    The clean ad has every contract field (missing optional ones as None),
    text fields stripped of surrounding whitespace only where that cannot
    move evidence offsets (ids, codes), ``country`` upper-case, ``source``
    defaulted, and ``posted_at`` kept as given (``posted_at_utc`` added).
    """
    if not isinstance(data, dict):
        return Rejection("not_an_object", f"expected a JSON object, got {_type_name(data)}")
    rules = _field_rules()
    for name in ad_schema()["required"]:
        value = data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return Rejection("missing_field", f"required field {name!r} is missing or empty")
    ad: dict[str, Any] = {}
    for name in FIELDS:
        value = data.get(name)
        if isinstance(value, str) and name not in ("body", "title") and not value.strip():
            value = None
        problem = _check_field(name, value, rules[name])
        if problem:
            return problem
        ad[name] = value
    ad["id"] = ad["id"].strip()
    if ad["source"] is None:
        ad["source"] = default_source
    else:
        ad["source"] = ad["source"].strip()
    if ad["country"] is not None:
        code = ad["country"].strip().upper()
        code = "GB" if code == "UK" else code
        if code not in ISO_ALPHA2:
            return Rejection("invalid_value", f"country {ad['country']!r} is not an ISO 3166-1 alpha-2 code")
        ad["country"] = code
    if ad["lang"] is not None:
        ad["lang"] = ad["lang"].strip().lower()
    posted = None
    if ad["posted_at"] is not None:
        posted = parse_posted_at(ad["posted_at"])
        if posted is None:
            return Rejection("invalid_value", f"posted_at {ad['posted_at']!r} is not an ISO 8601 date or date-time")
    for path in ad["images"] or ():
        if _escapes_folder(path):
            return Rejection("invalid_value", "images must be paths relative to the input file's folder, "
                                              "without '..' segments")
    ad["posted_at_utc"] = posted
    ad["content_hash"] = content_hash(ad)
    return ad


def _escapes_folder(path: str) -> bool:
    """True for absolute paths and paths that climb out of the input folder."""
    norm = path.replace("\\", "/")
    if norm.startswith("/") or (len(norm) > 1 and norm[1] == ":") or "://" in norm:
        return True
    return ".." in norm.split("/")


def content_hash(ad: dict[str, Any]) -> str:
    """SHA-256 of the record's contract fields in a canonical JSON form.

    The same ad read from JSONL, CSV or Parquet hashes the same, so
    re-ingesting it changes nothing.
    """
    canon = {k: ad.get(k) for k in FIELDS}
    blob = json.dumps(canon, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def ad_key(source: str, ad_id: str) -> str:
    """The ad's key across sources: ``source/id``, with ``/`` and ``%`` escaped in source."""
    return source.replace("%", "%25").replace("/", "%2F") + "/" + ad_id
