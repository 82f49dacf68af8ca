"""The link stage of a run: every kind of evidence, then networks, each step timed.

Steps, in order (each one SQL through the engine, with per-ad work in worker processes):

1. number the ads not yet linked (``_new_ads``);
2. identifier links (phone, email, handle, payment) with their hub guard;
3. near-duplicate text: fingerprints, boilerplate, LSH pairs, templates, text links;
4. reused images: PDQ hashes, pictures, picture hubs, image links;
5. the hub report for text and images;
6. networks: components around the touched ads, stable ids and lineage.

The caller scores the networks left in ``_nw_now`` and then calls :func:`finish_link_stage`, which marks
the link tables consistent.

A first run, a run with other settings, or a run after an interrupted link stage rebuilds every link
table from the stored ads (``full``); otherwise only new ads are fingerprinted and only what they touch is
recomputed, with the same result (docs/linking.md, ``benchmarks/scale.py --incremental-check``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from tqdm import tqdm

from unveil.engine import Engine
from unveil.link import state
from unveil.link.graph import update_networks
from unveil.link.hubs import refresh_hub_rows
from unveil.link.identifiers import LinkSettings, build_identifier_links
from unveil.link.image_links import update_image_links
from unveil.link.images import ImageSettings, hash_new_images
from unveil.link.pool import BatchPool
from unveil.link.text_links import update_text_links
from unveil.link.text_signatures import TextSettings


@dataclass(frozen=True, slots=True)
class LinkPlan:
    """Everything that shapes the link tables (recorded in ``link_state``; a change means a rebuild)."""

    identifiers: LinkSettings = field(default_factory=LinkSettings)
    text: TextSettings = field(default_factory=TextSettings)
    images: ImageSettings = field(default_factory=ImageSettings)

    def describe(self) -> dict[str, Any]:
        return {"identifiers": asdict(self.identifiers), "text": asdict(self.text), "images": asdict(self.images)}


class StepTimer:
    """A progress bar over named steps: each step's seconds go to ``timings``, its counts into ``counts``."""

    def __init__(self, n_steps: int, progress: bool, timings: dict[str, float], counts: dict[str, Any]) -> None:
        self.bar = tqdm(total=n_steps, desc="link", unit="step", disable=not progress, leave=False,
                        file=sys.stderr)
        self.timings = timings
        self.counts = counts

    def __call__(self, name: str, step: Callable[[], dict[str, Any] | None]) -> None:
        self.bar.set_description(name)
        t = time.perf_counter()
        out = step()
        self.timings[name] = round(time.perf_counter() - t, 3)
        if out:
            self.counts.update(out)
        self.bar.update(1)

    def close(self) -> None:
        self.bar.close()


def run_link_stage(engine: Engine, run_id: str, plan: LinkPlan, *, workers: int = 1, progress: bool = False,
                   timings: dict[str, float] | None = None) -> dict[str, Any]:
    """Update links, hubs and networks for the ads not linked yet; returns counts for the run summary."""
    timings = timings if timings is not None else {}
    counts: dict[str, Any] = {}
    n_steps = 3 + int(plan.text.enabled) + 2 * int(plan.images.enabled)
    timed = StepTimer(n_steps, progress, timings, counts)

    full = state.begin(engine, plan.describe())
    counts["link_rebuild"] = full
    timings_start = time.perf_counter()
    n_new = state.number_new_ads(engine)
    counts["ads_linked_new"] = n_new
    timings["link_prepare"] = round(time.perf_counter() - timings_start, 3)
    with BatchPool(workers, progress=progress) as pool:
        timed("link_identifiers", lambda: build_identifier_links(engine, plan.identifiers, full=full))
        if plan.text.enabled:
            timed("link_text", lambda: update_text_links(engine, pool, plan.text, full=full, n_new=n_new))
        if plan.images.enabled:
            timed("image_hashes", lambda: hash_new_images(engine, pool))
            timed("link_images", lambda: update_image_links(engine, plan.images, full=full))
    timed("link_hubs", lambda: {"derived_hubs": refresh_hub_rows(engine)})
    timed("networks", lambda: update_networks(engine, run_id, full=full))
    timed.close()
    return counts


def finish_link_stage(engine: Engine) -> None:
    """Mark the link tables consistent (call after the networks are scored)."""
    state.finish(engine)
