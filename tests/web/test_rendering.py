"""Highlighting, graph and timeline drawing, redaction, CSV safety: pure functions."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.web import csv_safe, graph_svg, timeline, views
from unveil.web.export import redact
from unveil.web.highlight import Span, highlight
from unveil.web.pseudonym import Pseudonymiser

TEXT = st.lists(st.sampled_from([*"ab <>&\"'/\n\u00e9\U0001f339", "<script>", "&amp;"]), max_size=30).map("".join)


def _plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@settings(max_examples=150, deadline=None)
@given(TEXT, st.lists(st.tuples(st.integers(-3, 70), st.integers(-3, 70)), max_size=6))
def test_highlight_keeps_the_text_and_escapes_it(text: str, bounds: list[tuple[int, int]]) -> None:
    spans = [Span(a, b, i + 1, "ent ent-phone", f"<b>why {i}</b>") for i, (a, b) in enumerate(bounds)]
    out, bad = highlight(text, spans)
    assert _plain(str(out)) == text
    tags = re.findall(r"<[^>]+>", str(out))
    assert all(t.startswith(("<mark ", "</mark>")) for t in tags)
    assert {s.ref for s in bad} == {s.ref for s in spans if not (0 <= s.start < s.end <= len(text))}


def test_highlight_marks_overlapping_spans() -> None:
    text = "call 07700 900123 now"
    out, bad = highlight(text, [Span(5, 17, 1, "ent ent-phone", "phone"), Span(0, 10, 2, "flag", "contact <x>")])
    assert not bad
    assert str(out).count("<mark") == 3
    assert 'data-refs="1,2"' in str(out) and "contact &lt;x&gt;" in str(out)


def test_ad_view_numbers_entities_and_flags() -> None:
    ad = {"title": "Hi <b>", "body": "Call 07700 900123. New in town",
          "entities": [{"kind": "phone", "value": "+447700900123", "field": "body", "start": 5, "end": 17,
                        "text": "07700 900123", "attrs": {"obfuscated": True}}],
          "flags": [{"rule": "movement.new_in_town", "category": "movement", "grade": "contradicted_by_evidence",
                     "field": "body", "start": 19, "end": 30, "text": "New in town", "weight": 1.0},
                    {"rule": "many_phones", "category": "organised", "grade": "", "field": "", "start": 0, "end": 0,
                     "text": "3 phones", "weight": 1.0}]}
    view = views.ad_view(ad, lambda rule: {"description": "said to signal movement", "source": "Lugo 2022"})
    assert [e["ref"] for e in view["explanations"]] == [1, 2, 3]
    assert "obscured" in view["explanations"][0]["explanation"]
    assert [w["value"] for w in view["whole_ad"]] == ["many_phones"]
    title, body = view["fields"]
    assert title["field"] == "title" and "&lt;b&gt;" in str(title["html"])
    assert 'class="flag flag-movement"' in str(body["html"])


def _nodes(n: int) -> tuple[list[graph_svg.Node], list[graph_svg.Edge]]:
    nodes = [graph_svg.Node(f"ad{i}", "ad", f"<ad{i}>", f"title & {i}", f"/ads/s/{i}") for i in range(n)]
    nodes.append(graph_svg.Node("phone:+1", "phone", "+1", "phone", None, hub=True))
    edges = [graph_svg.Edge(f"ad{i}", "phone:+1", "phone", "shares") for i in range(n)]
    edges.append(graph_svg.Edge("ad0", "ad1", "text", "template <t>"))
    return nodes, edges


def test_graph_layout_is_deterministic_and_inside_the_canvas() -> None:
    nodes, edges = _nodes(25)
    a = graph_svg.layout(nodes, edges, 860, 520)
    b = graph_svg.layout(list(nodes), list(edges), 860, 520)
    assert a == b
    assert all(0 <= x <= 860 and 0 <= y <= 520 for x, y in a.values())
    assert len(set(a.values())) == len(nodes)


def test_graph_svg_is_valid_xml_with_escaped_labels() -> None:
    nodes, edges = _nodes(5)
    svg = str(graph_svg.render_svg(nodes, edges, note="showing 5 of 9 ads"))
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "<ad0>" in texts and "text" in texts and "phone" in texts  # legend lists the edge kinds
    assert "<ad0>" not in svg and 'stroke-dasharray="2,2"' in svg


def test_timeline_rows_and_svg() -> None:
    start = datetime(2026, 1, 1, 10)
    posts = [timeline.Post(start + timedelta(days=d), city, f"/ads/s/{d}", f"<{city}>")
             for d, city in [(0, "Leeds"), (1, "York"), (2, "Leeds"), (9, "Hull")]]
    rows = timeline.city_rows(posts)
    assert [(r["city"], r["ads"]) for r in rows] == [("Leeds", 2), ("York", 1), ("Hull", 1)]
    svg = str(timeline.render_svg(posts))
    ET.fromstring(svg)
    assert svg.count("<circle") == 4 and "&lt;Leeds&gt;" in svg
    assert str(timeline.render_svg([])) == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abc 0123", min_size=0, max_size=40), st.data())
def test_redact_moves_offsets_with_the_text(text: str, data: st.DataObject) -> None:
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).filter(lambda t: t[0] < t[1]),
                               max_size=4))
    reps = [(a, b, f"tok{i}") for i, (a, b) in enumerate(spans)]
    new, mapper = redact(text, reps)
    for a, b, _ in reps:
        assert "[tok" in new[mapper(a, False):mapper(b, True)]
    # A span clear of every redaction keeps its text.
    for a in range(n + 1):
        for b in range(a + 1, n + 1):
            if all(b <= s or a >= e for s, e, _ in reps):
                assert new[mapper(a, False):mapper(b, True)] == text[a:b]


def test_pseudonyms_are_keyed_and_stable() -> None:
    p1, p2 = Pseudonymiser(b"k1"), Pseudonymiser(b"k2")
    assert p1.token("phone", "+447700900123") == p1.token("phone", "+447700900123")
    assert p1.token("phone", "+447700900123") != p2.token("phone", "+447700900123")
    assert p1.value("url", "site/1") == "site/1" and Pseudonymiser(None).value("phone", "+1") == "+1"


def test_csv_cells_cannot_become_formulas() -> None:
    assert csv_safe.row(["=1+2", "@SUM(A1)", "+447700900123", "-5", "+cmd|'/C calc'!A0", "\tx", "plain", 3]) == [
        "'=1+2", "'@SUM(A1)", "+447700900123", "-5", "'+cmd|'/C calc'!A0", "'\tx", "plain", 3]


def test_template_view_reads_features_or_link_evidence() -> None:
    tpls = views.template_view({"templates": [{"template_id": "T-1", "ads": 7, "text": "Hi, I am [...] in [...]."}],
                                "template": "New {{city}} <b>"}, [])
    assert [t["template_id"] for t in tpls] == ["T-1", None]
    assert [s["slot"] for s in tpls[0]["segments"]] == [False, True, False, True, False]
    assert tpls[1]["segments"][-1] == {"text": " <b>", "slot": False}
    from_link = views.template_view(None, [{"kind": "text", "evidence": {"template": [
        {"text": "New ", "slot": False}, {"text": "city", "slot": True}]}}])
    assert from_link[0]["source"] == "text link evidence"
    # A template *id* in link evidence is not a text to show.
    assert views.template_view({"other": 1}, [{"kind": "text", "evidence": {"template": "T-9"}}]) == []
