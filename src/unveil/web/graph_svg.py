"""The network graph (ads and the identifiers they share) drawn on the server as SVG.

No JavaScript and no layout library: a Fruchterman-Reingold force layout in
numpy, started from a circle in a fixed order, with a fixed number of steps,
so the same network always gives the same picture.  Node and edge kinds come
from the data (``links.kind``: phone, email, and later text or image), so new
kinds of evidence appear with a default colour and in the legend.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from markupsafe import Markup, escape

KIND_COLOURS = {
    "ad": "#1f4e79",
    "phone": "#c55a11",
    "email": "#2e7d32",
    "handle": "#6a1b9a",
    "url": "#607d8b",
    "text": "#00838f",
    "template": "#00838f",
    "image": "#ad1457",
}
DEFAULT_COLOUR = "#546e7a"


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: str  # "ad" or an identifier kind
    label: str
    title: str
    href: str | None = None
    hub: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    kind: str
    title: str


def colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, DEFAULT_COLOUR)


def layout(nodes: Sequence[Node], edges: Sequence[Edge], width: float, height: float,
           iterations: int = 150) -> dict[str, tuple[float, float]]:
    """Deterministic force layout; returns node id -> (x, y) inside the canvas margins."""
    n = len(nodes)
    if n == 0:
        return {}
    margin = 30.0
    cx, cy = width / 2, height / 2
    if n == 1:
        return {nodes[0].id: (cx, cy)}
    index = {node.id: i for i, node in enumerate(nodes)}
    angles = np.arange(n) * (2 * math.pi / n)
    radius = min(width, height) / 2 - margin
    pos = np.column_stack([cx + radius * np.cos(angles), cy + radius * np.sin(angles)])
    pairs = np.array([(index[e.a], index[e.b]) for e in edges if e.a in index and e.b in index], dtype=int)
    k = math.sqrt((width - 2 * margin) * (height - 2 * margin) / n)
    temp = width / 10
    for step in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(-1)) + 1e-6
        disp = ((k * k / dist**2)[:, :, None] * delta).sum(1)  # repulsion
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            length = np.sqrt((d**2).sum(-1)) + 1e-6
            force = (length / k)[:, None] * d  # attraction, d^2/k along the edge
            np.add.at(disp, pairs[:, 0], -force)
            np.add.at(disp, pairs[:, 1], force)
        disp += (np.array([cx, cy]) - pos) * 0.01  # weak gravity keeps components on the canvas
        length = np.sqrt((disp**2).sum(-1)) + 1e-9
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp = max(width / 10 * (1 - (step + 1) / iterations), 1.0)
    lo, hi = pos.min(0), pos.max(0)
    span = np.where(hi - lo < 1e-6, 1.0, hi - lo)
    pos = margin + (pos - lo) / span * np.array([width - 2 * margin, height - 2 * margin])
    return {node.id: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for i, node in enumerate(nodes)}


def render_svg(nodes: Sequence[Node], edges: Sequence[Edge], *, width: int = 860, height: int = 520,
               note: str = "") -> Markup:
    """The graph as an inline ``<svg>`` element with a legend; every text is escaped."""
    pos = layout(nodes, edges, width, height)
    parts: list[str] = [
        f'<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 40}" '
        f'width="{width}" height="{height + 40}" role="img" aria-label="network graph">'
    ]
    for e in edges:
        if e.a not in pos or e.b not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.a], pos[e.b]
        parts.append(
            f'<line class="edge edge-{escape(e.kind)}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" '
            f'stroke="{colour(e.kind)}" stroke-width="1.4" stroke-opacity="0.7"><title>{escape(e.title)}</title></line>'
        )
    for node in nodes:
        x, y = pos[node.id]
        fill = colour(node.kind)
        if node.kind == "ad":
            shape = f'<circle cx="{x}" cy="{y}" r="7" fill="{fill}"/>'
        else:
            dash = ' stroke-dasharray="2,2"' if node.hub else ""
            shape = (f'<rect x="{x - 6}" y="{y - 6}" width="12" height="12" fill="{fill}" '
                     f'stroke="#000" stroke-width="{1.5 if node.hub else 0}"{dash}/>')
        label = f'<text x="{x + 9}" y="{y + 4}" class="nlabel">{escape(node.label)}</text>'
        body = f"<title>{escape(node.title)}</title>{shape}{label}"
        if node.href:
            body = f'<a href="{escape(node.href)}">{body}</a>'
        parts.append(f'<g class="node node-{escape(node.kind)}">{body}</g>')
    kinds = sorted({n.kind for n in nodes} | {e.kind for e in edges})
    x = 10
    for kind in kinds:
        parts.append(f'<rect x="{x}" y="{height + 14}" width="12" height="12" fill="{colour(kind)}"/>'
                     f'<text x="{x + 16}" y="{height + 25}" class="legend">{escape(kind)}</text>')
        x += 30 + 8 * len(kind)
    if note:
        parts.append(f'<text x="{width - 10}" y="{height + 25}" text-anchor="end" class="legend">{escape(note)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
