"""Pieces shared by the pages and the HTML case file: highlighted ad text, graph, timeline.

Each function takes rows from :mod:`unveil.web.queries` (or their exported,
possibly pseudonymised form) and a function that turns an ad key into a link,
so the live pages link to the workspace and the case file links inside
itself.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from markupsafe import Markup

from unveil.types import TEXT_FIELDS
from unveil.web import graph_svg, timeline
from unveil.web.highlight import Span, highlight

GRAPH_MAX_ADS = 80
GRAPH_MAX_IDENTIFIERS = 60
LINK_KINDS_AS_NODES = ("phone", "email", "handle", "payment", "crypto", "iban")

RuleInfo = Callable[[str], dict[str, Any] | None]


def _no_rule_info(_rule: str) -> dict[str, Any] | None:
    return None


def explain_entity(e: dict[str, Any]) -> str:
    attrs = e.get("attrs") or {}
    bits = [f"{e['kind']}: {e['value']}"]
    if attrs.get("obfuscated"):
        bits.append("written in an obscured form")
    if attrs.get("foreign"):
        bits.append("foreign to the ad's country")
    if attrs.get("confidence"):
        bits.append(f"confidence {attrs['confidence']}")
    return "; ".join(bits)


def explain_flag(f: dict[str, Any], rule_info: RuleInfo = _no_rule_info) -> str:
    info = rule_info(f["rule"]) or {}
    text = f"{f['category']} / {f['rule']} (grade: {f.get('grade') or 'unknown'})"
    if info.get("description"):
        text += f": {info['description']}"
    return text


def ad_view(ad: dict[str, Any], rule_info: RuleInfo = _no_rule_info) -> dict[str, Any]:
    """``fields`` (highlighted), ``explanations`` (numbered), ``whole_ad`` flags."""
    explanations: list[dict[str, Any]] = []
    spans_by_field: dict[str, list[Span]] = defaultdict(list)
    whole_ad: list[dict[str, Any]] = []
    ref = 0
    for e in ad.get("entities", []):
        ref += 1
        why = explain_entity(e)
        explanations.append({"ref": ref, "type": "entity", "kind": e["kind"], "field": e["field"], "text": e["text"],
                             "value": e["value"], "explanation": why, "grade": "", "source": None})
        spans_by_field[e["field"]].append(Span(e["start"], e["end"], ref, f"ent ent-{e['kind']}", why))
    for f in ad.get("flags", []):
        ref += 1
        info = rule_info(f["rule"]) or {}
        why = explain_flag(f, rule_info)
        row = {"ref": ref, "type": "flag", "kind": f["category"], "field": f.get("field") or "", "text": f["text"],
               "value": f["rule"], "explanation": why, "grade": f.get("grade") or "", "source": info.get("source")}
        explanations.append(row)
        if not f.get("field") or f.get("start") == f.get("end"):
            whole_ad.append(row)
        else:
            spans_by_field[f["field"]].append(Span(f["start"], f["end"], ref, f"flag flag-{f['category']}", why))
    fields = []
    for name in TEXT_FIELDS:
        text = ad.get(name)
        if not text:
            continue
        html, bad = highlight(text, spans_by_field.get(name, []))
        fields.append({"field": name, "html": html, "bad_refs": [s.ref for s in bad]})
    return {"fields": fields, "explanations": explanations, "whole_ad": whole_ad}


def network_graph(members: Sequence[dict[str, Any]], identifiers: Sequence[dict[str, Any]],
                  links: Sequence[dict[str, Any]], ad_href: Callable[[str], str | None]) -> Markup:
    """Ads and the identifiers they share; links of other kinds (text, image...) as ad-to-ad edges."""
    shown = [m["ad_key"] for m in members[:GRAPH_MAX_ADS]]
    shown_set = set(shown)
    by_member = [m for m in members if m["ad_key"] in shown_set]
    idents = [i for i in identifiers if i["ad_key"] in shown_set and i["kind"] in LINK_KINDS_AS_NODES]
    use = Counter((i["kind"], i["value"]) for i in idents)
    keep = sorted((k for k, n in use.items() if n >= 2), key=lambda k: (-use[k], k))[:GRAPH_MAX_IDENTIFIERS]
    keep_set = set(keep)
    hubs = {(i["kind"], i["value"]) for i in idents if i.get("hub")}
    nodes = [graph_svg.Node(m["ad_key"], "ad", m["ad_key"].rsplit("/", 1)[-1][:14],
                            f"{m['ad_key']} · {m.get('city') or '?'} · {m.get('title') or ''}", ad_href(m["ad_key"]))
             for m in by_member]
    for kind, value in keep:
        hub = (kind, value) in hubs
        nodes.append(graph_svg.Node(f"{kind}:{value}", kind, value[:22],
                                    f"{kind} {value} · {use[(kind, value)]} ads" + (" · hub, not used to link" if hub
                                                                                    else ""), None, hub))
    edges = [graph_svg.Edge(i["ad_key"], f"{i['kind']}:{i['value']}", i["kind"], f"{i['kind']} {i['value']}")
             for i in idents if (i["kind"], i["value"]) in keep_set]
    for link in links:
        if link["kind"] in LINK_KINDS_AS_NODES:
            continue  # drawn through the identifier node
        if link["ad_a"] in shown_set and link["ad_b"] in shown_set:
            edges.append(graph_svg.Edge(link["ad_a"], link["ad_b"], link["kind"],
                                        f"{link['kind']} link, strength {link.get('strength')}"))
    note = f"showing {len(by_member)} of {len(members)} ads" if len(members) > len(by_member) else ""
    return graph_svg.render_svg(nodes, edges, note=note)


def network_timeline(members: Sequence[dict[str, Any]], ad_href: Callable[[str], str | None]) -> Markup:
    posts = []
    for m in members:
        when = m.get("posted_at_utc")
        if isinstance(when, str):
            when = datetime.fromisoformat(when)
        if when is None:
            continue
        posts.append(timeline.Post(when, m.get("city") or "(no city)", ad_href(m["ad_key"]) or "#",
                                   f"{when:%Y-%m-%d %H:%M} · {m.get('city') or '?'} · {m['ad_key']}"))
    return timeline.render_svg(posts)


def timeline_rows(members: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    posts = []
    for m in members:
        when = m.get("posted_at_utc")
        if isinstance(when, str):
            when = datetime.fromisoformat(when)
        if when is not None:
            posts.append(timeline.Post(when, m.get("city") or "(no city)", "", ""))
    return timeline.city_rows(posts)


def template_view(features: Any, links: Sequence[dict[str, Any]], limit: int = 3) -> list[dict[str, Any]]:
    """Text templates shared by the network's ads, with their varying slots, when the linking stage gives them.

    Read from ``networks.features["templates"]`` (a list of ``{"template_id", "ads", "text"}``, slots shown
    as ``[...]``), ``features["template"]``, or a link's ``evidence["template"]`` when that holds text
    segments rather than an id.  A template is a list of ``{"text", "slot"}`` segments or a string whose
    slots are written ``[...]``, ``{{name}}`` or ``<*>``.  Returns ``[{"template_id", "ads", "segments",
    "source"}]``, at most ``limit``.
    """
    found: list[dict[str, Any]] = []
    if isinstance(features, dict):
        for tpl in features.get("templates") or []:
            if isinstance(tpl, dict):
                found.append({"template_id": tpl.get("template_id"), "ads": tpl.get("ads"),
                              "segments": _template_segments(tpl.get("text")), "source": "network features"})
        if features.get("template") is not None:
            found.append({"template_id": None, "ads": None, "segments": _template_segments(features["template"]),
                          "source": "network features"})
    for link in links:
        ev = link.get("evidence")
        if isinstance(ev, dict) and isinstance(ev.get("template"), list | dict):
            found.append({"template_id": None, "ads": None, "segments": _template_segments(ev["template"]),
                          "source": f"{link['kind']} link evidence"})
            break
    return [t for t in found if t["segments"]][:limit]


_SLOT = re.compile(r"\{\{(.*?)\}\}|<\*>|\[(?:\.\.\.|…)\]")


def _template_segments(tpl: Any) -> list[dict[str, Any]]:
    if isinstance(tpl, dict):
        tpl = tpl.get("segments") or tpl.get("text")
    if isinstance(tpl, list):
        return [{"text": str(s.get("text", "")), "slot": bool(s.get("slot"))} for s in tpl if isinstance(s, dict)]
    if isinstance(tpl, str):
        out = []
        pos = 0
        for m in _SLOT.finditer(tpl):
            if m.start() > pos:
                out.append({"text": tpl[pos:m.start()], "slot": False})
            out.append({"text": m.group(1) if m.group(1) is not None else "…", "slot": True})
            pos = m.end()
        if pos < len(tpl):
            out.append({"text": tpl[pos:], "slot": False})
        return out
    return []
