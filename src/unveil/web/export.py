"""Case export of one or more networks: JSON, CSV (ads, networks), GraphML, self-contained HTML.

Every format is built from one case dictionary (:func:`build_case`), so they
say the same thing.  With pseudonymisation, identifier values (phones,
emails, handles, names...) are replaced by keyed pseudonyms everywhere,
including inside the ad text, where each extracted span is replaced and the
offsets of the remaining evidence are moved to match.  Field names follow
the IOM Human Trafficking Case Data Standard where they overlap (the
``htcds`` block; mapping in docs/web.md).  Text the extractors did not read
(a name in a sentence, say) is not pseudonymised: review before sharing.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment

from unveil import __version__
from unveil.store import Store
from unveil.types import TEXT_FIELDS
from unveil.web import csv_safe, labels, queries, views
from unveil.web.pseudonym import PSEUDONYMISED_KINDS, Pseudonymiser

FORMATS = {
    "json": ("application/json", "json"),
    "ads_csv": ("text/csv; charset=utf-8", "ads.csv"),
    "networks_csv": ("text/csv; charset=utf-8", "networks.csv"),
    "graphml": ("application/graphml+xml", "graphml"),
    "html": ("text/html; charset=utf-8", "html"),
}
MAX_NETWORKS = 100
MAX_ADS = 10_000
NOTE_WITHHELD = "[note withheld in a pseudonymised export]"


class ExportError(ValueError):
    """An export that cannot be made (unknown network, too large...)."""


def redact(text: str, spans: Sequence[tuple[int, int, str]]) -> tuple[str, Callable[[int, bool], int]]:
    """Replace ``[start, end)`` spans by their replacement; return the text and an offset mapper.

    Overlapping spans are merged (their replacements joined).  The mapper takes
    an old offset and whether it is an end offset; an offset inside a replaced
    span moves to the replacement's start (or end).
    """
    merged: list[list[Any]] = []
    for start, end, rep in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if rep not in merged[-1][2]:
                merged[-1][2].append(rep)
        else:
            merged.append([start, end, [rep]])
    out: list[str] = []
    regions: list[tuple[int, int, int, int]] = []  # old start, old end, new start, new end
    pos = shift = 0
    for start, end, reps in merged:
        out.append(text[pos:start])
        rep = " ".join(f"[{r}]" for r in reps)
        new_start = start + shift
        out.append(rep)
        regions.append((start, end, new_start, new_start + len(rep)))
        shift += len(rep) - (end - start)
        pos = end
    out.append(text[pos:])
    starts = [r[0] for r in regions]

    def mapper(offset: int, is_end: bool) -> int:
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        old_start, old_end, new_start, new_end = regions[i]
        if offset >= old_end:
            return offset + (new_end - old_end)
        if offset == old_start:
            return new_start
        return new_end if is_end else new_start

    return "".join(out), mapper


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _pseudonymise_ad(ad: dict[str, Any], pseudo: Pseudonymiser) -> None:
    """Replace identifier spans in every text field, remap the other offsets, in place."""
    for name in TEXT_FIELDS:
        text = ad.get(name)
        if not text:
            continue
        spans = [(e["start"], e["end"], pseudo.token(e["kind"], e["value"]))
                 for e in ad["entities"] if e["field"] == name and e["kind"] in PSEUDONYMISED_KINDS]
        new_text, mapper = redact(text, spans)
        if name in ("phone", "email") and not spans:
            new_text = "[redacted]"
        ad[name] = new_text
        for item in (*ad["entities"], *ad["flags"]):
            if item.get("field") == name and item.get("start") is not None and item["start"] != item.get("end"):
                item["start"], item["end"] = mapper(item["start"], False), mapper(item["end"], True)
                item["text"] = new_text[item["start"]:item["end"]]
    for e in ad["entities"]:
        if e["kind"] in PSEUDONYMISED_KINDS:
            e["value"] = pseudo.token(e["kind"], e["value"])
            e["text"] = f"[{e['value']}]" if not e["text"].startswith("[") else e["text"]


def build_case(store: Store, network_ids: Sequence[str], *, pseudo: Pseudonymiser, exported_by: str,
               label_notes: bool = True) -> dict[str, Any]:
    """The case dictionary every format is written from."""
    ids = list(dict.fromkeys(network_ids))
    if not ids:
        raise ExportError("no network selected")
    if len(ids) > MAX_NETWORKS:
        raise ExportError(f"at most {MAX_NETWORKS} networks per export")
    networks, ads, timeline_rows = [], [], []
    total_ads = 0
    for nid in ids:
        net = queries.get_network(store, nid)
        if net is None:
            raise ExportError(f"no network {nid!r}")
        total_ads += net["size"]
        if total_ads > MAX_ADS:
            raise ExportError(f"more than {MAX_ADS} ads selected; export fewer networks")
        members = queries.network_members(store, nid, limit=MAX_ADS)
        net_labels = labels.labels_for_network(store, nid)
        if pseudo.active or not label_notes:
            for lab in net_labels:
                lab["note"] = NOTE_WITHHELD if lab.get("note") else None
        links = queries.network_links(store, nid)
        net["identifiers"] = [{**i, "value": pseudo.value(i["kind"], i["value"])} for i in net["identifiers"]]
        net["links"] = [{**lk, "value": pseudo.value(lk["kind"], lk["value"])} for lk in links]
        net["labels"] = net_labels
        net["indicators"] = queries.network_indicators(store, nid)
        net["ad_keys"] = [m["ad_key"] for m in members]
        networks.append(net)
        for m in members:
            ad = queries.get_ad(store, m["ad_key"])
            if ad is None:
                continue
            if pseudo.active:
                _pseudonymise_ad(ad, pseudo)
            ads.append(_case_ad(ad, nid))
            timeline_rows.append({"network_id": nid, "ad_key": ad["ad_key"], "posted_at": _iso(ad["posted_at_utc"]),
                                  "city": ad.get("city"), "region": ad.get("region"), "country": ad.get("country")})
    return {
        "format": "unveil-case",
        "format_version": 1,
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "generated_by": exported_by,
        "tool": f"unveil {__version__}",
        "pseudonymised": pseudo.active,
        "disclaimer": "unveil ranks and explains; it does not establish that anyone is a victim or an offender.",
        "networks": networks,
        "ads": ads,
        "timeline": sorted(timeline_rows, key=lambda r: (r["posted_at"] or "", r["ad_key"])),
        "htcds": _htcds(ads),
    }


def _case_ad(ad: dict[str, Any], network_id: str) -> dict[str, Any]:
    return {
        "ad_key": ad["ad_key"],
        "network_id": network_id,
        "source": ad["source"],
        "id": ad["id"],
        "title": ad.get("title"),
        "body": ad.get("body"),
        "url": ad.get("url"),
        "phone": ad.get("phone"),
        "email": ad.get("email"),
        "posted_at": ad.get("posted_at"),
        "posted_at_utc": _iso(ad.get("posted_at_utc")),
        "city": ad.get("city"),
        "region": ad.get("region"),
        "country": ad.get("country"),
        "lang": ad.get("lang"),
        "age": ad.get("age"),
        "images": ad.get("images") or [],
        "entities": ad["entities"],
        "flags": ad["flags"],
        "provenance": {
            "source_url": ad.get("url"),
            "input_file": ad.get("input_file"),
            "input_line": ad.get("input_line"),
            "ingested_at": _iso(ad.get("ingested_at")),
            "content_hash": ad.get("content_hash"),
            "run_id": ad.get("run_id"),
        },
    }


def _htcds(ads: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The parts of the case that map onto HTCDS fields (see docs/web.md)."""
    events = [{
        "hte_Date": (a["posted_at_utc"] or "")[:10] or None,
        "hte_City": a.get("city"),
        "hte_State": a.get("region"),
        "hte_Country": a.get("country"),
        "hte_Type": None,  # recruitment / transit / exploitation is a reviewer's finding, never asserted here
        "hte_Description": f"advertisement {a['ad_key']}" + (f": {a['title']}" if a.get("title") else ""),
    } for a in ads]
    persons: dict[tuple[str, str], dict[str, Any]] = {}
    for a in ads:
        for e in a["entities"]:
            field = {"phone": "prs_MobilePhone", "email": "prs_Email", "name": "prs_FirstName"}.get(e["kind"])
            if field:
                persons.setdefault((field, e["value"]), {field: e["value"], "advertised_in": []})[
                    "advertised_in"].append(a["ad_key"])
    return {
        "standard": "IOM Human Trafficking Case Data Standard (HTCDS), field names where they overlap",
        "historic_trafficking_events": events,
        "advertised_contacts": list(persons.values()),
    }


# -- writers ---------------------------------------------------------------------------------------

def to_json(case: dict[str, Any]) -> str:
    return json.dumps(case, ensure_ascii=False, indent=2, default=str)


ADS_CSV_COLUMNS = ("network_id", "ad_key", "source", "id", "url", "posted_at_utc", "city", "region", "country",
                   "title", "phones", "emails", "handles", "flags", "content_hash", "input_file", "input_line",
                   "ingested_at")


def to_ads_csv(case: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(ADS_CSV_COLUMNS)
    for a in case["ads"]:
        ents = a["entities"]
        w.writerow(csv_safe.row([
            a["network_id"], a["ad_key"], a["source"], a["id"], a["url"], a["posted_at_utc"], a["city"], a["region"],
            a["country"], a["title"],
            "|".join(sorted({e["value"] for e in ents if e["kind"] == "phone"})),
            "|".join(sorted({e["value"] for e in ents if e["kind"] == "email"})),
            "|".join(sorted({e["value"] for e in ents if e["kind"] == "handle"})),
            "|".join(sorted({f"{f['category']}:{f['rule']}" for f in a["flags"]})),
            a["provenance"]["content_hash"], a["provenance"]["input_file"], a["provenance"]["input_line"],
            a["provenance"]["ingested_at"],
        ]))
    return buf.getvalue()


NETWORKS_CSV_COLUMNS = ("network_id", "size", "risk", "minor_risk", "cities", "countries", "first_seen", "last_seen",
                        "reasons", "identifiers", "label", "likelihood", "labelled_by", "labelled_at")


def to_networks_csv(case: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(NETWORKS_CSV_COLUMNS)
    for n in case["networks"]:
        lab = n["labels"][0] if n["labels"] else {}
        w.writerow(csv_safe.row([
            n["network_id"], n["size"], n["risk"], n["minor_risk"], "|".join(n["cities"]), "|".join(n["countries"]),
            n["first_seen"], n["last_seen"], "; ".join(r["text"] for r in n["reasons"]),
            "|".join(f"{i['kind']}:{i['value']}" for i in n["identifiers"]),
            lab.get("label"), lab.get("likelihood"), lab.get("username"), lab.get("created_at"),
        ]))
    return buf.getvalue()


def to_graphml(case: dict[str, Any]) -> str:
    """Ads and identifiers as nodes; 'has' edges (ad to identifier) and the accepted links."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    keys = [("type", "node"), ("label", "node"), ("network_id", "node"), ("city", "node"), ("posted_at", "node"),
            ("kind", "edge"), ("value", "edge"), ("strength", "edge"), ("edge_type", "edge")]
    for name, domain in keys:
        ET.SubElement(root, "key", {"id": name, "for": domain, "attr.name": name, "attr.type": "string"})
    graph = ET.SubElement(root, "graph", {"id": "case", "edgedefault": "undirected"})

    def data(el: ET.Element, key: str, value: Any) -> None:
        if value is not None:
            ET.SubElement(el, "data", {"key": key}).text = str(value)

    seen: set[str] = set()
    for a in case["ads"]:
        node = ET.SubElement(graph, "node", {"id": a["ad_key"]})
        for k, v in (("type", "ad"), ("label", a["title"]), ("network_id", a["network_id"]), ("city", a["city"]),
                     ("posted_at", a["posted_at_utc"])):
            data(node, k, v)
    n_edge = 0
    for a in case["ads"]:
        for e in a["entities"]:
            if e["kind"] not in views.LINK_KINDS_AS_NODES:
                continue
            nid = f"{e['kind']}:{e['value']}"
            if nid not in seen:
                seen.add(nid)
                node = ET.SubElement(graph, "node", {"id": nid})
                data(node, "type", e["kind"])
                data(node, "label", e["value"])
            n_edge += 1
            edge = ET.SubElement(graph, "edge", {"id": f"e{n_edge}", "source": a["ad_key"], "target": nid})
            data(edge, "edge_type", "has")
            data(edge, "kind", e["kind"])
    for n in case["networks"]:
        for lk in n["links"]:
            n_edge += 1
            edge = ET.SubElement(graph, "edge", {"id": f"e{n_edge}", "source": lk["ad_a"], "target": lk["ad_b"]})
            for k, v in (("edge_type", "link"), ("kind", lk["kind"]), ("value", lk["value"]),
                         ("strength", lk["strength"])):
                data(edge, k, v)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_html(case: dict[str, Any], env: Environment, rule_info: views.RuleInfo) -> str:
    """One file with inline CSS, no scripts and a CSP that forbids every fetch: safe to open offline."""
    by_network: dict[str, list[dict[str, Any]]] = {}
    for a in case["ads"]:
        by_network.setdefault(a["network_id"], []).append(a)

    def href(key: str) -> str:
        return "#ad-" + key

    sections = []
    for n in case["networks"]:
        members = by_network.get(n["network_id"], [])
        identifiers = [{"ad_key": a["ad_key"], "kind": e["kind"], "value": e["value"], "hub": False}
                       for a in members for e in a["entities"]]
        sections.append({
            "network": n,
            "ads": [{**a, "view": views.ad_view(a, rule_info)} for a in members],
            "graph": views.network_graph(members, identifiers, n["links"], href),
            "timeline": views.network_timeline(members, href),
            "timeline_rows": views.timeline_rows(members),
            "templates": views.template_view(n.get("features"), n["links"]),
        })
    html: str = env.get_template("export/case.html").render(case=case, sections=sections)
    return html


def render(case: dict[str, Any], fmt: str, env: Environment, rule_info: views.RuleInfo) -> str:
    if fmt == "json":
        return to_json(case)
    if fmt == "ads_csv":
        return to_ads_csv(case)
    if fmt == "networks_csv":
        return to_networks_csv(case)
    if fmt == "graphml":
        return to_graphml(case)
    if fmt == "html":
        return to_html(case, env, rule_info)
    raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def filename(network_ids: Sequence[str], fmt: str, pseudonymised: bool) -> str:
    stem = network_ids[0] if len(network_ids) == 1 else f"{len(network_ids)}-networks"
    return f"unveil-case-{stem}{'-pseudonymised' if pseudonymised else ''}.{FORMATS[fmt][1]}"
