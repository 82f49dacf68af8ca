"""Arrow schemas of the batches that flow between stages.

Per-ad stages take an ``ADS`` batch and return ``ENTITIES`` and ``FLAGS``
batches; the store and the engines read and write exactly these columns.
"""

from __future__ import annotations

import pyarrow as pa

ADS = pa.schema(
    [
        ("ad_key", pa.string()),
        ("source", pa.string()),
        ("id", pa.string()),
        ("title", pa.string()),
        ("body", pa.string()),
        ("url", pa.string()),
        ("posted_at", pa.string()),
        ("posted_at_utc", pa.timestamp("us")),
        ("city", pa.string()),
        ("region", pa.string()),
        ("country", pa.string()),
        ("phone", pa.string()),
        ("email", pa.string()),
        ("age", pa.int32()),
        ("lang", pa.string()),
        ("images", pa.list_(pa.string())),
        ("content_hash", pa.string()),
        ("input_file", pa.string()),
        ("input_line", pa.int64()),
    ]
)

ENTITIES = pa.schema(
    [
        ("ad_key", pa.string()),
        ("kind", pa.string()),
        ("value", pa.string()),
        ("field", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("attrs", pa.string()),  # JSON object of kind-specific facts
    ]
)

FLAGS = pa.schema(
    [
        ("ad_key", pa.string()),
        ("rule", pa.string()),
        ("category", pa.string()),
        ("grade", pa.string()),
        ("field", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("weight", pa.float64()),
    ]
)
