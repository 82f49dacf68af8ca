"""Value types shared by every stage.

Every hit the tool reports (an extracted entity or an indicator flag) is
*evidence*: it names the field it came from and the ``[start, end)`` offsets
of the matched text in that field's original string (Python ``str`` indices),
so a reviewer can always see exactly what was read.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

# The fields of an ad that extractors and rules read, in reading order.
TEXT_FIELDS: tuple[str, ...] = ("title", "body", "url", "phone", "email")


@dataclass(frozen=True, slots=True)
class Entity:
    """One identifier or attribute found in an ad.

    ``kind`` is a fixed id (``phone``, ``email``, ``url``, ...), ``value`` its
    normalised form (E.164 for phones, lower-case for emails), ``text`` the raw
    matched text, equal to ``original[start:end]``.  ``attrs`` carries
    kind-specific facts (``obfuscated``, ``foreign``, ``confidence`` ...) and is
    flattened into the JSON form.
    """

    kind: str
    value: str
    field: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = dataclasses.field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "value": self.value,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }
        for key, val in self.attrs.items():
            out.setdefault(key, val)
        return out


@dataclass(frozen=True, slots=True)
class Flag:
    """One indicator rule firing on one piece of evidence in an ad.

    A flag with no span (a rule over the whole ad, such as "three phones in one
    ad") uses ``field=""`` and ``start=end=0``, ``text`` then describes the
    condition.
    """

    rule: str
    category: str
    field: str
    start: int
    end: int
    text: str
    weight: float
    grade: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "weight": self.weight,
            "grade": self.grade,
        }
