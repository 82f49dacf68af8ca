"""Edges between ads that share a normalised identifier (phone, email, handle, payment id), with a hub guard.

For each shared value every ad is linked to one anchor ad (the smallest key carrying it): a star instead
of all pairs, so the edge count grows with the number of ads, not its square, and components are the
same.

Hub guard: a value carried by ads that between them show many *other* phones (a site's support number in
a footer, a shared switchboard) would merge unrelated posters.  Such values are recorded in
``hub_identifiers`` with the reason and not used for linking.

Incremental: what a value yields (its star, its hub decision) depends only on the ads that carry it, and
stored ads never change, so a run recomputes only the values carried by its new ads.
"""

from __future__ import annotations

from dataclasses import dataclass

from unveil.engine import Engine
from unveil.link.edges import replace_links

LINK_KINDS = ("phone", "email", "handle", "payment", "crypto", "iban")


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """Parameters of identifier linking (recorded with each run)."""

    kinds: tuple[str, ...] = LINK_KINDS
    # A value is a hub when the ads carrying it show more than this many
    # distinct other phone numbers.  An organised network rotates a handful of
    # phones; a support number in a site's footer co-occurs with hundreds.
    hub_max_co_phones: int = 12


def build_identifier_links(engine: Engine, settings: LinkSettings, *, full: bool = True) -> dict[str, int]:
    """Update ``links`` and ``hub_identifiers`` for the identifier values of new ads (``_new_ads``).

    With ``full`` every value is recomputed (and ``_new_ads`` is not needed).
    """
    kinds = ", ".join(f"'{k}'" for k in settings.kinds)
    if full:
        engine.create_table_as("_id_vals", f"SELECT DISTINCT kind, value FROM entities WHERE kind IN ({kinds})")
    else:
        engine.create_table_as(
            "_id_vals",
            f"SELECT DISTINCT e.kind, e.value FROM entities e JOIN _new_ads n ON n.ad_key = e.ad_key "
            f"WHERE e.kind IN ({kinds})",
        )
    engine.create_table_as(
        "_ids",
        "SELECT DISTINCT e.ad_key, e.kind, e.value FROM entities e JOIN _id_vals v ON v.kind = e.kind "
        "AND v.value = e.value",
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
        JOIN entities p ON p.ad_key = i.ad_key AND p.kind = 'phone' AND NOT (s.kind = 'phone' AND p.value = s.value)
        GROUP BY s.kind, s.value, s.ads
        """,
    )
    engine.create_table_as(
        "_id_hubs",
        "SELECT kind, value, ads, co_phones, 'shared by ' || CAST(ads AS STRING) || ' ads showing ' "
        "|| CAST(co_phones AS STRING) || ' other phone numbers: a site or switchboard number, not used to link' "
        f"AS reason FROM _co_phones WHERE co_phones > {int(settings.hub_max_co_phones)}",
    )
    engine.create_table_as(
        "_id_links",
        """
        SELECT i.ad_key AS ad_b, s.anchor AS ad_a, i.kind, i.value, 1.0 AS strength,
               '{"shared_by_ads": ' || CAST(s.ads AS STRING) || '}' AS evidence
        FROM _ids i JOIN _shared s ON i.kind = s.kind AND i.value = s.value
        LEFT JOIN _id_hubs h ON h.kind = s.kind AND h.value = s.value
        WHERE i.ad_key <> s.anchor AND h.value IS NULL
        """,
    )
    scope = "EXISTS (SELECT 1 FROM _id_vals v WHERE v.kind = {t}.kind AND v.value = {t}.value)"
    with engine.transaction():
        engine.execute(f"DELETE FROM hub_identifiers WHERE {scope.format(t='hub_identifiers')}")
        engine.execute("INSERT INTO hub_identifiers SELECT kind, value, ads, co_phones, reason FROM _id_hubs")
        removed, added = replace_links(engine, scope.format(t="links"), "_id_links")
    hubs = int(engine.scalar("SELECT COUNT(*) AS n FROM _id_hubs") or 0)
    for name in ("_id_vals", "_ids", "_shared", "_co_phones", "_id_hubs", "_id_links"):
        engine.drop(name)
    return {"identifier_links": added, "identifier_links_removed": removed, "identifier_hubs_updated": hubs}
