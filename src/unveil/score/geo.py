"""Distances between the places a network posts from (great-circle, on the geonames coordinates)."""

from __future__ import annotations

import math
from collections.abc import Sequence

EARTH_RADIUS_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def spread_km(points: Sequence[tuple[float, float]]) -> float | None:
    """Largest distance between two of ``points`` (lat, lon); ``None`` with fewer than two distinct points.

    A network visits a handful of cities, so the quadratic scan is cheap; it is capped at the first 50
    distinct points to stay so.
    """
    pts = sorted(set(points))[:50]
    if len(pts) < 2:
        return None
    return max(haversine_km(*a, *b) for i, a in enumerate(pts) for b in pts[i + 1 :])
