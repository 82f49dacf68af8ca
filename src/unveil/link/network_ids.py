"""Stable network ids across runs, and the lineage of networks that change.

The rule (also in docs/architecture.md):

1. A brand-new network is named ``N-`` + the first 10 hex digits of the
   SHA-256 of its smallest ad key.  The same input therefore gives the same
   ids on every run, whatever the order of the files.
2. When a database already holds networks, each new component is matched to
   the old networks its ads belonged to.  Pairs are taken greedily by number
   of shared ads (ties: smaller old id, then smaller component): the old
   network with the largest overlap keeps its id.  So a network that only
   gains ads keeps its id; when two networks merge, the one contributing more
   ads keeps its id and the other is recorded as ``absorbed``; when one splits,
   the largest piece keeps the id and the others get new ids, recorded as
   ``split_from``.
3. An id is never reused for a different network: a new id that was used
   before gets a ``-2``, ``-3`` ... suffix.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field


def new_network_id(anchor_key: str) -> str:
    return "N-" + hashlib.sha256(anchor_key.encode("utf-8")).hexdigest()[:10]


@dataclass
class Assignment:
    ids: dict[str, str] = field(default_factory=dict)  # component -> network id
    lineage: list[tuple[str, str, str | None, int]] = field(default_factory=list)  # id, event, other, ads


def assign_ids(
    components: dict[str, int],
    overlaps: Iterable[tuple[str, str, int]],
    old_sizes: dict[str, int],
    used_ids: set[str],
) -> Assignment:
    """Name each component.

    Args:
        components: component label (its smallest ad key) -> size.
        overlaps: ``(component, old_network_id, shared_ads)`` rows.
        old_sizes: old network id -> its size before this run.
        used_ids: every id ever given out in this store.
    """
    out = Assignment()
    ranked = sorted(overlaps, key=lambda r: (-r[2], r[1], r[0]))
    taken_old: set[str] = set()
    touched: dict[str, list[tuple[str, int]]] = {}
    for comp, old, shared in ranked:
        touched.setdefault(comp, []).append((old, shared))
        if comp in out.ids or old in taken_old:
            continue
        out.ids[comp] = old
        taken_old.add(old)
    given = set(used_ids)
    for comp in sorted(components):
        size = components[comp]
        if comp in out.ids:
            nid = out.ids[comp]
            for old, _shared in sorted(touched.get(comp, [])):
                if old != nid and old not in taken_old:
                    out.lineage.append((nid, "absorbed", old, size))
            if old_sizes.get(nid) != size:
                out.lineage.append((nid, "grew" if size > old_sizes.get(nid, 0) else "shrank", None, size))
            continue
        base = new_network_id(comp)
        nid, n = base, 1
        while nid in given:
            n += 1
            nid = f"{base}-{n}"
        given.add(nid)
        out.ids[comp] = nid
        parents = sorted({old for old, _ in touched.get(comp, [])})
        if parents:
            out.lineage.extend((nid, "split_from", old, size) for old in parents)
        elif size > 1:  # singletons are not worth a lineage row each
            out.lineage.append((nid, "created", None, size))
    for old in sorted(set(old_sizes) - set(out.ids.values())):
        if not any(e[2] == old for e in out.lineage):
            out.lineage.append((old, "dissolved", None, 0))
    return out
