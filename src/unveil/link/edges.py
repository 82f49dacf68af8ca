"""Replace a slice of ``links`` and record which ads the change touches.

Every kind of evidence (identifiers, text templates, pictures) rewrites the links of the values it
recomputed.  Links are the edges of the network graph, so the ends of every edge that appears or
disappears are recorded as touched: networks are recomputed around them and nowhere else.  An edge
rewritten unchanged (same two ads) touches nothing.
"""

from __future__ import annotations

from unveil.engine import Engine
from unveil.link.state import TOUCHED, touch_ad_keys

LINK_COLUMNS = "ad_a, ad_b, kind, value, strength, evidence"


def replace_links(engine: Engine, old_where: str, new_links: str) -> tuple[int, int]:
    """Delete ``links WHERE old_where`` and insert the rows of ``new_links`` (columns of ``links``).

    Returns:
        ``(removed, added)`` row counts.
    """
    engine.create_table_as("_ed_old", f"SELECT ad_a, ad_b FROM links WHERE {old_where}")
    engine.create_table_as(
        "_ed_diff",
        f"""
        SELECT ad_a, ad_b FROM (SELECT ad_a, ad_b FROM _ed_old EXCEPT SELECT ad_a, ad_b FROM {new_links}) x
        UNION ALL
        SELECT ad_a, ad_b FROM (SELECT ad_a, ad_b FROM {new_links} EXCEPT SELECT ad_a, ad_b FROM _ed_old) y
        """,
    )
    touch_ad_keys(engine, "SELECT ad_a AS ad_key FROM _ed_diff UNION ALL SELECT ad_b FROM _ed_diff")
    removed = int(engine.scalar("SELECT COUNT(*) AS n FROM _ed_old") or 0)
    engine.execute(f"DELETE FROM links WHERE {old_where}")
    engine.execute(f"INSERT INTO links ({LINK_COLUMNS}) SELECT {LINK_COLUMNS} FROM {new_links}")
    added = int(engine.scalar(f"SELECT COUNT(*) AS n FROM {new_links}") or 0)
    engine.drop("_ed_old")
    engine.drop("_ed_diff")
    return removed, added


__all__ = ["LINK_COLUMNS", "TOUCHED", "replace_links"]
