"""Addresses of pages; ad keys may hold any character (``source/id``), so they are percent-encoded."""

from __future__ import annotations

from urllib.parse import quote


def ad_url(ad_key: str) -> str:
    return "/ads/" + quote(ad_key, safe="/")


def image_url(ad_key: str, index: int) -> str:
    return f"/images/{int(index)}/" + quote(ad_key, safe="/")


def network_url(network_id: str) -> str:
    return "/networks/" + quote(network_id, safe="")
