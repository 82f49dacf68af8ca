"""Per-ad extraction of contact identifiers and attributes, with evidence offsets."""

from unveil.extract.base import Extractor, extract_ad, extract_batch, keep_recent_fields, registry

__all__ = ["Extractor", "extract_ad", "extract_batch", "keep_recent_fields", "registry"]
