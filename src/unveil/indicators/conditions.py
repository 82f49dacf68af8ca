"""Rules over extracted entities and structured fields instead of text.

A rule's ``condition`` names one of the types below and its parameters:

``stated_age``  (``below``, optional ``min``)
    an ``age`` entity whose value is in ``[min, below)``, and the ad's
    structured ``age`` field in the same range (flagged with ``field="age"``).
``entity_attr``  (``kinds``, ``attr``, optional ``value``, default ``true``)
    each entity of one of ``kinds`` whose ``attrs[attr]`` equals ``value``
    (an obfuscated phone, a phone foreign to the ad's country).
``entity_count``  (``kind``, ``min``)
    ``min`` or more distinct entities of ``kind`` in one ad (persona names,
    phones); one flag for the whole ad, ``field=""``.
``price_below``  (``max_per_hour``, optional ``currency`` and ``default_minutes``)
    a ``price`` entity whose rate per hour is below ``max_per_hour``.

Kinds an extractor does not produce yet simply never fire.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from ..types import Entity, Flag
from .model import Rule

__all__ = ["CONDITION_PARAMS", "evaluate_condition", "validate_condition"]

# type -> parameter -> (accepted Python types, required)
CONDITION_PARAMS: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "stated_age": {"below": ((int,), True), "min": ((int,), False)},
    "entity_attr": {"kinds": ((list, str), True), "attr": ((str,), True), "value": ((bool, int, str), False)},
    "entity_count": {"kind": ((str,), True), "min": ((int,), True)},
    "price_below": {
        "max_per_hour": ((int, float), True),
        "currency": ((str,), False),
        "default_minutes": ((int,), False),
    },
}


def validate_condition(kind: Any, params: Mapping[str, Any]) -> list[str]:
    """Problems with a condition declaration, as human-readable sentences."""
    if kind not in CONDITION_PARAMS:
        return [f"condition type {kind!r} is not one of {', '.join(CONDITION_PARAMS)}"]
    spec = CONDITION_PARAMS[kind]
    problems = [f"condition {kind!r} has no parameter {name!r}" for name in params if name not in spec]
    for name, (types, required) in spec.items():
        if name not in params:
            if required:
                problems.append(f"condition {kind!r} needs parameter {name!r}")
            continue
        value = params[name]
        if isinstance(value, bool) and bool not in types:
            value = None  # True is an int in Python, but not a number here
        if not isinstance(value, types):
            wanted = " or ".join(t.__name__ for t in types)
            problems.append(f"condition parameter {name!r} must be {wanted}, not {params[name]!r}")
    kinds = params.get("kinds")
    if isinstance(kinds, list) and (not kinds or not all(isinstance(k, str) for k in kinds)):
        problems.append("condition parameter 'kinds' must be a non-empty list of entity kinds")
    if kind == "entity_count" and isinstance(params.get("min"), int) and params["min"] < 2:
        problems.append("condition parameter 'min' of entity_count must be at least 2")
    return problems


def evaluate_condition(rule: Rule, ad: Mapping[str, Any], entities: Sequence[Entity]) -> list[Flag]:
    """Flags of one condition rule; never raises on malformed entities or fields."""
    if rule.condition is None:
        return []
    handler = _HANDLERS[rule.condition.type]
    try:
        return list(handler(rule, rule.condition.params, ad, entities))
    except (TypeError, ValueError, AttributeError, OverflowError):
        return []


def _flag(rule: Rule, ad: Mapping[str, Any], entity: Entity) -> Flag:
    """A flag on an entity's span; ``field=""`` when the span does not point into the ad."""
    value = ad.get(entity.field)
    start, end = entity.start, entity.end
    if isinstance(value, str) and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(value):
        return Flag(rule.id, rule.category, entity.field, start, end, value[start:end], rule.weight, rule.grade)
    return Flag(rule.id, rule.category, "", 0, 0, f"{entity.kind} {entity.text}", rule.weight, rule.grade)


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 3:
        return int(value.strip())
    return None


def _of_kind(entities: Sequence[Entity], kinds: set[str]) -> Iterator[Entity]:
    return (e for e in entities if isinstance(e, Entity) and e.kind in kinds)


def _stated_age(
    rule: Rule, params: Mapping[str, Any], ad: Mapping[str, Any], entities: Sequence[Entity]
) -> Iterator[Flag]:
    low, below = params.get("min", 0), params["below"]
    for entity in _of_kind(entities, {"age"}):
        age = _as_int(entity.value)
        if age is not None and low <= age < below:
            yield _flag(rule, ad, entity)
    age = _as_int(ad.get("age"))
    if age is not None and low <= age < below:
        text = str(age)
        yield Flag(rule.id, rule.category, "age", 0, len(text), text, rule.weight, rule.grade)


def _entity_attr(
    rule: Rule, params: Mapping[str, Any], ad: Mapping[str, Any], entities: Sequence[Entity]
) -> Iterator[Flag]:
    kinds = params["kinds"]
    wanted = params.get("value", True)
    for entity in _of_kind(entities, {kinds} if isinstance(kinds, str) else set(kinds)):
        attrs = entity.attrs if isinstance(entity.attrs, Mapping) else {}
        value = attrs.get(params["attr"])
        if (bool(value) is wanted) if isinstance(wanted, bool) else value == wanted:
            yield _flag(rule, ad, entity)


def _entity_count(
    rule: Rule, params: Mapping[str, Any], ad: Mapping[str, Any], entities: Sequence[Entity]
) -> Iterator[Flag]:
    kind = params["kind"]
    distinct: dict[str, str] = {}
    for entity in _of_kind(entities, {kind}):
        key = str(entity.value).casefold().strip()
        if key:
            distinct.setdefault(key, str(entity.text))
    if len(distinct) >= params["min"]:
        shown = ", ".join(list(distinct.values())[:5]) + (", ..." if len(distinct) > 5 else "")
        text = f"{len(distinct)} distinct {kind} values: {shown}"
        yield Flag(rule.id, rule.category, "", 0, 0, text, rule.weight, rule.grade)


def _price_below(
    rule: Rule, params: Mapping[str, Any], ad: Mapping[str, Any], entities: Sequence[Entity]
) -> Iterator[Flag]:
    currency = params.get("currency", "EUR")
    default_minutes = params.get("default_minutes", 60)
    for entity in _of_kind(entities, {"price"}):
        attrs = entity.attrs if isinstance(entity.attrs, Mapping) else {}
        amount, minutes = attrs.get("amount"), attrs.get("minutes") or default_minutes
        if attrs.get("currency") != currency or isinstance(amount, bool) or not isinstance(amount, int | float):
            continue
        if attrs.get("fee") is True or attrs.get("wage") is True:
            continue  # "£20 deposit", "Pay £11/hr" in a job ad: money asked for or offered, no rate of her time
        if isinstance(minutes, bool) or not isinstance(minutes, int | float) or minutes <= 0 or amount <= 0:
            continue
        if amount * 60.0 / minutes < params["max_per_hour"]:
            yield _flag(rule, ad, entity)


_Handler = Callable[[Rule, Mapping[str, Any], Mapping[str, Any], Sequence[Entity]], Iterator[Flag]]
_HANDLERS: dict[str, _Handler] = {
    "stated_age": _stated_age,
    "entity_attr": _entity_attr,
    "entity_count": _entity_count,
    "price_below": _price_below,
}
