"""Edges between ads that share a normalised phone or email, with a hub guard.

For each shared value every ad is linked to one anchor ad (the smallest key
carrying it): a star instead of all pairs, so the edge count grows with the
number of ads, not its square, and components are the same.

Hub guard: a value carried by ads that between them show many *other* phones
(a site's support number in a footer, a shared switchboard) would merge
unrelated posters.  Such values are recorded in ``hub_identifiers`` with the
reason and not used for linking.
"""

from __future__ import annotations

from dataclasses import dataclass

from unveil.engine import Engine

LINK_KINDS = ("phone", "email")


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """Parameters of identifier linking (recorded with each run)."""

    kinds: tuple[str, ...] = LINK_KINDS
    # A value is a hub when the ads carrying it show more than this many
    # distinct other phone numbers.  An organised network rotates a handful of
    # phones; a support number in a site's footer co-occurs with hundreds.
    hub_max_co_phones: int = 12


def build_identifier_links(engine: Engine, settings: LinkSettings) -> None:
    """(Re)build ``links`` and ``hub_identifiers`` from ``entities``."""
    kinds = ", ".join(f"'{k}'" for k in settings.kinds)
    engine.create_table_as(
        "_ids",
        f"SELECT DISTINCT ad_key, kind, value FROM entities WHERE kind IN ({kinds})",
    )
    engine.create_table_as(
        "_shared",
        "SELECT kind, value, MIN(ad_key) AS anchor, COUNT(*) AS ads FROM _ids GROUP BY kind, value "
        "HAVING COUNT(*) > 1",
    )
    engine.create_table_as(
        "_co_phones",
        """
        SELECT s.kind, s.value, s.ads, COUNT(DISTINCT p.value) AS co_phones
        FROM _shared s
        JOIN _ids i ON i.kind = s.kind AND i.value = s.value
        JOIN _ids p ON p.ad_key = i.ad_key AND p.kind = 'phone' AND NOT (p.kind = s.kind AND p.value = s.value)
        GROUP BY s.kind, s.value, s.ads
        """,
    )
    with engine.transaction():
        engine.execute("DELETE FROM hub_identifiers")
        engine.execute(
            "INSERT INTO hub_identifiers SELECT kind, value, ads, co_phones, "
            "'shared by ' || CAST(ads AS VARCHAR) || ' ads showing ' || CAST(co_phones AS VARCHAR) "
            "|| ' other phone numbers' FROM _co_phones WHERE co_phones > ?",
            [settings.hub_max_co_phones],
        )
        engine.execute("DELETE FROM links")
        engine.execute(
            """
            INSERT INTO links (ad_a, ad_b, kind, value, strength, evidence)
            SELECT s.anchor AS ad_a, i.ad_key AS ad_b, i.kind, i.value, 1.0 AS strength,
                   '{"shared_by_ads": ' || CAST(s.ads AS VARCHAR) || '}' AS evidence
            FROM _ids i JOIN _shared s ON i.kind = s.kind AND i.value = s.value
            WHERE i.ad_key <> s.anchor
              AND NOT EXISTS (SELECT 1 FROM hub_identifiers h WHERE h.kind = s.kind AND h.value = s.value)
            """
        )
    for name in ("_ids", "_shared", "_co_phones"):
        engine.drop(name)
