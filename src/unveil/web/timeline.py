"""Posts over time, one row per city, as SVG (with the same data as a table for screen readers).

Movement between cities is what reviewers look for in a network; the
timeline puts each ad on its city's row at its posting time, with a link to
the ad.  Ads without a date are counted apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from markupsafe import Markup, escape

ROW_HEIGHT = 26
LEFT = 150
WIDTH = 860


@dataclass(frozen=True, slots=True)
class Post:
    when: datetime
    city: str
    href: str
    title: str


def city_rows(posts: Sequence[Post]) -> list[dict[str, Any]]:
    """Per city: first and last post and the count, in order of first appearance."""
    rows: dict[str, dict[str, Any]] = {}
    for p in sorted(posts, key=lambda p: (p.when, p.city)):
        r = rows.setdefault(p.city, {"city": p.city, "first": p.when, "last": p.when, "ads": 0})
        r["last"] = p.when
        r["ads"] += 1
    return list(rows.values())


def render_svg(posts: Sequence[Post]) -> Markup:
    """Dots per city row on a shared time axis, with week ticks."""
    if not posts:
        return Markup("")
    rows = city_rows(posts)
    index = {r["city"]: i for i, r in enumerate(rows)}
    start = min(p.when for p in posts)
    end = max(p.when for p in posts)
    total = max((end - start).total_seconds(), 3600.0)
    plot_w = WIDTH - LEFT - 20
    height = ROW_HEIGHT * len(rows) + 40

    def x_of(t: datetime) -> float:
        return round(LEFT + (t - start).total_seconds() / total * plot_w, 1)

    parts = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" role="img" aria-label="posts per city over time">']
    for r in rows:
        y = ROW_HEIGHT * index[r["city"]] + 18
        parts.append(f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - 20}" y2="{y}" stroke="#ddd"/>'
                     f'<text x="{LEFT - 8}" y="{y + 4}" text-anchor="end" class="tl-city">{escape(r["city"])}</text>')
    tick = start.replace(hour=0, minute=0, second=0, microsecond=0)
    step = timedelta(days=7 if total > 21 * 86400 else 1)
    axis_y = ROW_HEIGHT * len(rows) + 18
    while tick <= end:
        if tick >= start:
            x = x_of(tick)
            parts.append(f'<line x1="{x}" y1="4" x2="{x}" y2="{axis_y - 6}" stroke="#eee"/>'
                         f'<text x="{x}" y="{axis_y + 10}" text-anchor="middle" class="tl-tick">'
                         f'{tick:%d %b}</text>')
        tick += step
    for p in sorted(posts, key=lambda p: (p.when, p.href)):
        y = ROW_HEIGHT * index[p.city] + 18
        parts.append(f'<a href="{escape(p.href)}"><circle cx="{x_of(p.when)}" cy="{y}" r="5" fill="#1f4e79" '
                     f'fill-opacity="0.75"><title>{escape(p.title)}</title></circle></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
