"""The hub report: everything that connects too many otherwise-unrelated ads, with the reason.

One rule for every kind of evidence: a value (an identifier, a text segment, a template, a picture) whose
ads show more distinct phone numbers than a threshold belongs to no single poster, so it is not used to
merge networks.  ``hub_identifiers`` lists them all, by kind:

========== ============================================== ==========================================
kind       what                                           effect
========== ============================================== ==========================================
phone...   an identifier (support number, switchboard)    no identifier links for it
boilerplate a text segment (site footer, common phrase)   left out of text fingerprints
text       a template (near-duplicate text cluster)       its pairs are not used as links
image      a picture (stock photo, banner)                no image links for it
========== ============================================== ==========================================

Identifier hubs are written by :mod:`unveil.link.identifiers` as values are recomputed; the other kinds
are rewritten here from the tables that hold their decisions (few rows, so a full rewrite is cheap and
always consistent).
"""

from __future__ import annotations

from unveil.engine import Engine

DERIVED_KINDS = ("boilerplate", "text", "image")


def hub_rule(phones: str, ads: str, max_phones: int, crowd_phones: int) -> str:
    """SQL truth value of the hub rule for pictures and templates.

    A hub shows more than ``max_phones`` distinct phone numbers, or more than ``crowd_phones`` *and* at least
    as many phones as ads (every ad brings its own number: a crowd, not a poster reusing material).  The
    second clause catches a stock photo shared by a handful of posters in a small corpus, which never
    reaches the absolute threshold; an organised network posts many ads on few numbers.
    """
    return f"({phones} > {int(max_phones)} OR ({phones} > {int(crowd_phones)} AND {phones} >= {ads}))"


def is_hub(phones: int, ads: int, max_phones: int, crowd_phones: int) -> bool:
    """Python twin of :func:`hub_rule`."""
    return phones > max_phones or (phones > crowd_phones and phones >= ads)


def refresh_hub_rows(engine: Engine) -> int:
    """Rewrite the ``boilerplate``, ``text`` and ``image`` rows of ``hub_identifiers``; returns their count."""
    kinds = ", ".join(f"'{k}'" for k in DERIVED_KINDS)
    with engine.transaction():
        engine.execute(f"DELETE FROM hub_identifiers WHERE kind IN ({kinds})")
        engine.execute(
            """
            INSERT INTO hub_identifiers
            SELECT 'boilerplate', COALESCE(text, CAST(seg AS STRING)), ads, co_phones,
                   'phrase in ' || CAST(ads AS STRING) || ' ads showing ' || CAST(co_phones AS STRING)
                   || ' phone numbers: boilerplate, left out before comparing texts'
            FROM text_boilerplate
            """
        )
        engine.execute(
            """
            INSERT INTO hub_identifiers
            SELECT 'text', template_id, ads, co_phones,
                   'near-duplicate text shared by ' || CAST(ads AS STRING) || ' ads showing '
                   || CAST(co_phones AS STRING) || ' phone numbers (spam or a widely copied template), not '
                   || 'used to link: ' || COALESCE(text, '')
            FROM templates WHERE hub
            """
        )
        engine.execute(
            """
            INSERT INTO hub_identifiers
            SELECT 'image', picture, ads, co_phones,
                   'picture shown by ' || CAST(ads AS STRING) || ' ads showing ' || CAST(co_phones AS STRING)
                   || ' phone numbers (a stock photo or banner), not used to link; e.g. ' || COALESCE(example, '')
            FROM picture_stats WHERE hub
            """
        )
    return int(engine.scalar(f"SELECT COUNT(*) AS n FROM hub_identifiers WHERE kind IN ({kinds})") or 0)
