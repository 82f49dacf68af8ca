"""The hub guard for every kind of evidence, on constructed cases."""

from __future__ import annotations

from unveil.link.hubs import is_hub
from unveil.pipeline import AnalyzeOptions, analyze
from unveil.store import Store

from conftest import write_jsonl

FOOTER = "\n\n--\nReport this ad to the site team: 020 7946 0999. Thank you for keeping the site safe."
OWN_WORDS = ["sunny", "quiet", "green", "silver", "gentle", "early", "velvet", "amber", "coastal", "rosy",
             "calm", "bright", "misty", "golden", "cosy", "lively", "tidy", "warm", "fresh", "soft"]


def _members(db) -> list[list[str]]:
    with Store(db, read_only=True) as store:
        rows = store.rows("SELECT list(ad_key ORDER BY ad_key) AS ads FROM network_members GROUP BY network_id")
    return sorted(r["ads"] for r in rows)


def _hubs(db, kind: str) -> list[dict]:
    with Store(db, read_only=True) as store:
        return store.rows("SELECT kind, value, ads, co_phones, reason FROM hub_identifiers WHERE kind = ? "
                          "ORDER BY value", [kind])


def test_only_a_boilerplate_support_number_links_unrelated_posters_they_stay_apart(tmp_path):
    """Twenty posters, each with their own number and words; all carry the site's footer and support number."""
    ads = []
    for i, word in enumerate(OWN_WORDS):
        body = (f"Hi, {word} {OWN_WORDS[(i + 3) % 20]} mornings with {OWN_WORDS[(i + 7) % 20]} tea and "
                f"{OWN_WORDS[(i + 11) % 20]} music by the window. Call 020 7946 0{100 + i:03d}." + FOOTER)
        ads.append({"id": str(i), "source": "s", "country": "GB", "body": body})
    db = tmp_path / "footer.duckdb"
    analyze([write_jsonl(tmp_path / "ads.jsonl", ads)], db, options=AnalyzeOptions(progress=False))
    assert len(_members(db)) == 20
    [phone_hub] = _hubs(db, "phone")
    assert phone_hub["value"] == "+442079460999" and phone_hub["ads"] == 20
    boilerplate = {h["value"] for h in _hubs(db, "boilerplate")}
    assert "report this ad to the site team #" in boilerplate
    with Store(db, read_only=True) as store:
        assert store.count("links") == 0


def test_a_spam_template_shared_by_a_crowd_is_a_text_hub(tmp_path):
    """The same long text under fifteen different numbers: a template in common use, not one poster."""
    text = ("Exclusive agency of elegant companions for dinners and travel, discreet service guaranteed and "
            "professional staff available around the clock, booking through our friendly reception team today")
    ads = [{"id": str(i), "source": "s", "country": "GB", "body": f"{text}. Ring 020 7946 0{400 + i:03d}"}
           for i in range(15)]
    db = tmp_path / "spam.duckdb"
    analyze([write_jsonl(tmp_path / "ads.jsonl", ads)], db, options=AnalyzeOptions(progress=False))
    # The phrase is boilerplate (15 phones > 12) before any template could form: the ads stay apart.
    assert len(_members(db)) == 15
    assert _hubs(db, "boilerplate")


def test_a_small_spam_crowd_is_caught_by_the_crowd_rule(tmp_path):
    text = ("Exclusive agency of elegant companions for dinners and travel, discreet service guaranteed and "
            "professional staff available around the clock, booking through our friendly reception team today")
    ads = [{"id": str(i), "source": "s", "country": "GB", "body": f"{text}. Ring 020 7946 0{400 + i:03d}"}
           for i in range(8)]
    db = tmp_path / "crowd.duckdb"
    analyze([write_jsonl(tmp_path / "ads.jsonl", ads)], db, options=AnalyzeOptions(progress=False))
    assert len(_members(db)) == 8
    [hub] = _hubs(db, "text")
    assert hub["ads"] == 8 and hub["co_phones"] == 8 and "not used to link" in hub["reason"]


def test_a_network_template_with_few_phones_links(tmp_path):
    text = ("Exclusive agency of elegant companions for dinners and travel, discreet service guaranteed and "
            "professional staff available around the clock, booking through our friendly reception team today")
    ads = [{"id": str(i), "source": "s", "country": "GB", "body": f"{text}. Ring 020 7946 0{400 + i % 2:03d}"}
           for i in range(8)]
    db = tmp_path / "net.duckdb"
    analyze([write_jsonl(tmp_path / "ads.jsonl", ads)], db, options=AnalyzeOptions(progress=False))
    assert len(_members(db)) == 1
    with Store(db, read_only=True) as store:
        kinds = {r["kind"] for r in store.rows("SELECT DISTINCT kind FROM links")}
    assert kinds == {"phone", "text"}


def test_hub_rule():
    assert is_hub(13, 100, 12, 6)  # too many phones
    assert is_hub(7, 7, 12, 6)  # a crowd: one number per ad
    assert not is_hub(7, 30, 12, 6)  # many ads on few numbers: one poster
    assert not is_hub(4, 3, 12, 6)  # small numbers say nothing
