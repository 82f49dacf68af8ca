"""The synthetic demo corpus: deterministic, realistic in shape, fictional in every identifier."""

from __future__ import annotations

import collections
import itertools
import json
import random
import re
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Any

import phonenumbers as pn
import pytest
from PIL import Image

from unveil.demo import generate_corpus, iter_ads, iter_labelled_ads
from unveil.demo import lexicon as lx
from unveil.demo.generator import SITES, SUPPORT_PHONES, CorpusSummary
from unveil.demo.phones import EMAIL_METHODS, PHONE_METHODS, make_number, obfuscate_email, obfuscate_phone

N_CORPUS = 400
REQUIRED = {
    "id": str, "source": str, "url": str, "posted_at": str, "title": str, "body": str, "city": str,
    "region": str, "country": str, "lang": str, "images": list,
}  # fmt: skip
OPTIONAL = {"phone": (str, type(None)), "email": (str, type(None)), "age": (int, type(None))}
EMAIL_DOMAINS = {"example.com", "example.org", "example.net", "mail.example"}
SEPARATORS = r"\s,/\-+.~*_\[\](){}"  # what may stand between the digits of an obfuscated number
Labelled = list[tuple[dict[str, Any], dict[str, Any]]]
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def in_fiction_range(e164: str) -> bool:
    """True when a number lies in a range reserved for fiction, and libphonenumber accepts it.

    Valid-range numbers must be *valid*; the UK 07700 900xxx and FR 06 39 98 xx xx ranges are only
    *possible* (libphonenumber does not list them as allocated).
    """
    num = pn.parse(e164)
    nsn = str(pn.national_significant_number(num))
    cc = num.country_code
    valid, possible = pn.is_valid_number(num), pn.is_possible_number(num)
    if cc == 1:  # +1 NPA 555-0100..0199
        return valid and len(nsn) == 10 and nsn[3:8] == "55501"
    if cc == 44:
        if nsn.startswith("2079460") and len(nsn) == 10:  # 020 7946 0xxx
            return valid
        return possible and nsn.startswith("7700900") and len(nsn) == 10  # 07700 900xxx
    if cc == 33:
        if nsn.startswith("19900") and len(nsn) == 9:  # 01 99 00 xx xx
            return valid
        return possible and nsn.startswith("63998") and len(nsn) == 9  # 06 39 98 xx xx
    if cc == 61:  # 0491 570 006..159
        return valid and nsn.startswith("491570") and len(nsn) == 9 and 6 <= int(nsn[6:]) <= 159
    return False


def test_fiction_range_helper_rejects_real_ranges() -> None:
    assert in_fiction_range("+442079460123")
    assert in_fiction_range("+447700900123")
    assert in_fiction_range("+33639981234")
    assert in_fiction_range("+61491570159")
    assert not in_fiction_range("+61491570160")
    assert not in_fiction_range("+442079461123")
    assert not in_fiction_range("+12025550200")
    assert not in_fiction_range("+4930123456")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusSummary:
    return generate_corpus(tmp_path_factory.mktemp("demo") / "corpus", n_ads=N_CORPUS, seed=11)


@pytest.fixture(scope="module")
def labelled() -> Labelled:
    """A larger in-memory corpus (no files) for statistics."""
    return list(iter_labelled_ads(2000, seed=7))


def read_jsonl(path: Path) -> list[Any]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- determinism -----------------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(corpus: CorpusSummary, tmp_path: Path) -> None:
    again = generate_corpus(tmp_path / "again", n_ads=N_CORPUS, seed=11)
    first, second = tree_bytes(corpus.out_dir), tree_bytes(again.out_dir)
    assert first.keys() == second.keys()
    assert all(first[k] == second[k] for k in first)
    counts = ("n_ads", "n_networks", "n_independent", "n_images")
    assert [getattr(again, k) for k in counts] == [getattr(corpus, k) for k in counts]


def test_different_seeds_differ() -> None:
    assert list(iter_ads(50, seed=1)) != list(iter_ads(50, seed=2))


def test_fast_path_matches_labelled_stream() -> None:
    assert list(iter_ads(300, seed=3)) == [ad for ad, _ in iter_labelled_ads(300, seed=3)]


def test_images_do_not_change_texts() -> None:
    plain = list(iter_ads(200, seed=5))
    with_images = list(iter_ads(200, seed=5, with_images=True))
    assert all(ad["images"] == [] for ad in plain)
    assert any(ad["images"] for ad in with_images)
    assert [{**ad, "images": []} for ad in with_images] == plain


def test_corpus_ads_equal_iter_ads(corpus: CorpusSummary) -> None:
    assert read_jsonl(corpus.ads_path) == list(iter_ads(N_CORPUS, seed=11, with_images=True))


@pytest.mark.parametrize("n", [0, 1, 7])
def test_exact_counts_for_small_corpora(n: int, tmp_path: Path) -> None:
    summary = generate_corpus(tmp_path, n_ads=n, seed=2, images=False, bad_records=False)
    assert len(read_jsonl(summary.ads_path)) == n
    assert len(read_jsonl(summary.truth_path)) == n + 1
    assert summary.bad_path is None and not (tmp_path / "bad_records.jsonl").exists()
    assert summary.n_images == 0 and not (tmp_path / "images").exists()


def test_negative_count_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        list(iter_ads(-1))
    with pytest.raises(ValueError):
        generate_corpus(tmp_path, n_ads=-1)


# --- records -----------------------------------------------------------------------------------------


def test_counts_and_summary(corpus: CorpusSummary) -> None:
    ads = read_jsonl(corpus.ads_path)
    header, *truth = read_jsonl(corpus.truth_path)
    assert len(ads) == len(truth) == corpus.n_ads == N_CORPUS
    assert header["type"] == "corpus" and header["seed"] == 11 and header["n_ads"] == N_CORPUS
    assert header["site_support_phones"] == list(SUPPORT_PHONES)
    assert header["phone_numbers_reused"] is False
    keys = {t["network"] for t in truth}
    assert corpus.n_networks == header["n_networks"] == len({k for k in keys if k.startswith("net-")})
    assert corpus.n_independent == header["n_independent"] == len({k for k in keys if k.startswith("indep-")})
    assert corpus.n_images == len(list((corpus.out_dir / "images").iterdir()))


def test_ids_unique_within_source(corpus: CorpusSummary) -> None:
    ads = read_jsonl(corpus.ads_path)
    keys = [(ad["source"], ad["id"]) for ad in ads]
    assert len(set(keys)) == len(keys)
    assert len({ad["source"] for ad in ads}) >= 4


def test_required_keys_and_types(corpus: CorpusSummary) -> None:
    for ad in read_jsonl(corpus.ads_path):
        for key, typ in REQUIRED.items():
            assert isinstance(ad[key], typ), (key, ad)
        for key, types in OPTIONAL.items():
            assert isinstance(ad.get(key), types), (key, ad)
        assert set(ad) <= set(REQUIRED) | set(OPTIONAL)
        assert ad["id"].isdigit()
        assert ad["url"].startswith(f"https://{ad['source']}/") and ad["url"].endswith("/" + ad["id"])
        assert TIMESTAMP.match(ad["posted_at"])
        assert datetime.fromisoformat(ad["posted_at"]) >= datetime.fromisoformat("2026-01-05T00:00:00Z")
        assert ad["country"] in lx.COUNTRY_LANG and ad["lang"] == lx.COUNTRY_LANG[ad["country"]]
        assert (ad["city"], ad["region"]) in {(c[0], c[1]) for c in lx.CITIES[ad["country"]]}
        assert ad["source"] in {s.name for s in SITES if ad["country"] in s.countries}
        if ad.get("age") is not None:
            assert 18 <= ad["age"] <= 40
        assert len(ad["body"]) < 5000


def test_posted_at_is_chronological_and_networks_interleave(labelled: Labelled) -> None:
    ads = [ad for ad, _ in labelled]
    stamps = [ad["posted_at"] for ad in ads]
    assert stamps == sorted(stamps)
    # Consecutive ads come from different posters most of the time: the stream is not grouped by network.
    owners = [t["network"] for _, t in labelled]
    switches = sum(a != b for a, b in itertools.pairwise(owners))
    assert switches > 0.7 * len(owners)


def test_truth_covers_every_ad_in_order(corpus: CorpusSummary) -> None:
    ads = read_jsonl(corpus.ads_path)
    _, *truth = read_jsonl(corpus.truth_path)
    for ad, t in zip(ads, truth, strict=True):
        assert t["type"] == "ad" and (t["source"], t["id"]) == (ad["source"], ad["id"])
        assert t["kind"] in ("network", "independent")
        assert re.fullmatch(r"net-\d{4,}" if t["kind"] == "network" else r"indep-\d{4,}", t["network"])
        assert t["images"] == ad["images"] and len(t["image_origins"]) == len(t["images"])
        assert t["phones"], "every ad has a contact number"
        assert isinstance(t["phone_obfuscated"], bool)
        assert t["persona"] in ad["body"] or t["persona"] in ad["title"]


# --- identifiers -------------------------------------------------------------------------------------


def test_every_phone_is_fictional(labelled: Labelled) -> None:
    phones = {p for _, t in labelled for p in t["phones"]} | set(SUPPORT_PHONES)
    assert len(phones) > 500
    bad = sorted(p for p in phones if not in_fiction_range(p))
    assert not bad
    # Spain and Germany have no fictional range: their numbers are foreign and written with +CC.
    for ad, t in labelled:
        if ad["country"] in ("ES", "DE"):
            assert all(not p.startswith(("+34", "+49")) for p in t["phones"])


def test_every_fiction_range_is_used(labelled: Labelled) -> None:
    phones = {p for _, t in labelled for p in t["phones"]}
    for prefix in ("+1", "+442079460", "+447700900", "+3319900", "+3363998", "+61491570"):
        assert any(p.startswith(prefix) for p in phones), prefix


def test_structured_phone_field_is_a_truth_phone(labelled: Labelled) -> None:
    for ad, t in labelled:
        if ad.get("phone"):
            num = pn.parse(ad["phone"], ad["country"])
            assert pn.format_number(num, pn.PhoneNumberFormat.E164) in t["phones"]


def _matches(text: str, country: str) -> set[str]:
    found = set()
    for match in pn.PhoneNumberMatcher(text, country, leniency=pn.Leniency.POSSIBLE):
        # libphonenumber calls short German strings ("21 Uhr", "160 €") possible numbers: ignore those.
        if sum(c.isdigit() for c in match.raw_string) >= 9:
            found.add(pn.format_number(match.number, pn.PhoneNumberFormat.E164))
    return found


def test_plain_phones_are_readable_and_the_only_numbers(labelled: Labelled) -> None:
    support = set(SUPPORT_PHONES)
    for ad, t in labelled:
        if t["phone_obfuscated"]:
            continue  # libphonenumber misreads some hidden forms; reading them is the extractor's job
        found = _matches(ad["body"], ad["country"])
        assert found <= set(t["phones"]) | support, (found, ad["body"])
        if ad.get("phone"):
            found.add(pn.format_number(pn.parse(ad["phone"], ad["country"]), pn.PhoneNumberFormat.E164))
        assert set(t["phones"]) <= found, (t["phones"], ad["body"])


def test_obfuscation_rates(labelled: Labelled) -> None:
    for kind, low, high in (("network", 0.2, 0.45), ("independent", 0.05, 0.16)):
        flags = [t["phone_obfuscated"] for _, t in labelled if t["kind"] == kind]
        assert low < sum(flags) / len(flags) < high, kind
    methods = {t["phone_obfuscation"] for _, t in labelled if t["phone_obfuscated"]}
    assert methods == set(PHONE_METHODS)


def test_site_footer_number_is_shared_by_unrelated_ads(labelled: Labelled) -> None:
    for site in SITES:
        if site.footer is None:
            continue
        owners = {t["network"] for ad, t in labelled if ad["source"] == site.name}
        with_footer = [ad for ad, _ in labelled if ad["source"] == site.name]
        assert all(ad["body"].endswith(site.footer) for ad in with_footer)
        assert len(owners) > 20
        assert all(site.support_phone not in t["phones"] for _, t in labelled)


def test_emails_and_handles(labelled: Labelled) -> None:
    emails = [e for _, t in labelled for e in t["emails"]]
    assert emails and all(e.split("@")[1] in EMAIL_DOMAINS for e in emails)
    for ad, _ in labelled:
        for domain in re.findall(r"@([\w.-]+\.\w+)", ad["body"]):
            assert domain in EMAIL_DOMAINS, ad["body"]
    assert any(t["email_obfuscated"] for _, t in labelled)
    handles = [h for _, t in labelled for h in t["handles"]]
    assert any(h.startswith("telegram:") for h in handles) and any(h.startswith("whatsapp:+") for h in handles)
    for ad, t in labelled:
        for handle in t["handles"]:
            if handle.startswith("telegram:"):
                assert "@" + handle.split(":", 1)[1] in ad["body"].lower()


# --- obfuscation is faithful -------------------------------------------------------------------------


def _word_values(lang: str) -> dict[str, str]:
    values = {w: str(d) for d, w in enumerate(lx.DIGIT_WORDS[lang])}
    values |= {lx.two_digit_words(v, lang): str(v) for v in range(10, 100)}
    values |= {w: f"{d}00" for d, w in enumerate(lx.HUNDRED_WORDS[lang]) if d}
    if lang == "en":
        values |= {"oh": "0", "for": "4"}
        values |= {f"double {w}": str(d) * 2 for d, w in enumerate(lx.DIGIT_WORDS["en"])} | {"double oh": "00"}
    return values


def decode_phone(text: str, lang: str) -> str:
    """Read an obfuscated number back the way a careful human would; return its digits."""
    text = unicodedata.normalize("NFKC", text.replace("\ufe0f\u20e3", ""))  # full-width and maths forms
    text = "".join(str(unicodedata.digit(c)) if unicodedata.digit(c, None) is not None else c for c in text)
    lookalikes = text.translate(str.maketrans("OoОlI", "00011"))
    if re.fullmatch(rf"[\d{SEPARATORS}]*", lookalikes):  # no number words, at most look-alike letters
        return re.sub(r"\D", "", lookalikes)
    values = _word_values(lang)
    alternatives = sorted(values, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(a) for a in alternatives) + r"|\d")
    out, pos = [], 0
    for match in pattern.finditer(text):
        assert re.fullmatch(rf"[{SEPARATORS}]*", text[pos : match.start()]), (text, text[pos : match.start()])
        token = match.group()
        out.append(token if token.isdigit() else values[token])
        pos = match.end()
    assert re.fullmatch(rf"[{SEPARATORS}]*", text[pos:]), text
    return "".join(out)


@pytest.mark.parametrize("lang", lx.LANGS)
@pytest.mark.parametrize("method", PHONE_METHODS)
def test_phone_obfuscation_can_be_read_back(method: str, lang: str) -> None:
    rng = random.Random(f"{method}{lang}")
    for _ in range(30):
        number = make_number(rng.choice(("GB_L", "GB_M", "FR_L", "FR_M", "US", "AU")), rng.randrange(6, 160), 415)
        plain = number.canonical(rng.choice(("GB", "ES")))
        hidden = obfuscate_phone(plain, lang, method, rng)
        assert hidden != plain
        assert decode_phone(hidden, lang) == re.sub(r"\D", "", plain), (plain, hidden)


@pytest.mark.parametrize("lang", lx.LANGS)
@pytest.mark.parametrize("method", EMAIL_METHODS)
def test_email_obfuscation_can_be_read_back(method: str, lang: str) -> None:
    rng = random.Random(method)
    email = "lena.bookings12@mail.example"
    hidden = obfuscate_email(email, lang, method, rng)
    assert "@" not in hidden.replace(" @ ", "")
    words = "|".join(re.escape(w) for w in (*lx.AT_WORDS[lang], *lx.DOT_WORDS[lang], "at", "dot", "AT"))
    back = re.sub(rf"\s*[\[({{]?\b({words})\b[\])}}]?\s*", lambda m: "@" if m.group(1) in
                  (*lx.AT_WORDS[lang], "at", "AT") else ".", hidden)  # fmt: skip
    back = back.replace(" @ ", "@").replace(" . ", ".")
    assert back == email, hidden


# --- networks and content ----------------------------------------------------------------------------


def test_network_share_and_shapes(labelled: Labelled) -> None:
    by_owner: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = collections.defaultdict(list)
    for ad, t in labelled:
        by_owner[t["network"]].append((ad, t))
    share = sum(t["kind"] == "network" for _, t in labelled) / len(labelled)
    assert 0.3 <= share <= 0.4
    networks = {k: v for k, v in by_owner.items() if k.startswith("net-")}
    independents = {k: v for k, v in by_owner.items() if k.startswith("indep-")}
    sizes = sorted(len(v) for v in networks.values())
    assert sizes[0] >= 1 and sizes[-1] >= 30 and len(sizes) >= 20
    varied = [
        v for v in networks.values() if len({t["persona"] for _, t in v}) > 1 or len({a["city"] for a, _ in v}) > 1
    ]
    assert len(varied) > len(networks) / 2
    assert sum(len({a["country"] for a, _ in v}) > 1 for v in networks.values()) >= 2
    assert sum(len({p for _, t in v for p in t["phones"]}) > 1 for v in networks.values()) > len(networks) / 3
    for ads in independents.values():
        assert 1 <= len(ads) <= 3
        assert len({a["city"] for a, _ in ads}) == 1
        assert len({p for _, t in ads for p in t["phones"]}) == 1
    # An independent's number is hers alone.
    owners_of: dict[str, set[str]] = collections.defaultdict(set)
    for _, t in labelled:
        for p in t["phones"]:
            owners_of[p].add(t["network"])
    assert all(len(owners) == 1 for owners in owners_of.values())


def test_images_on_disk_and_shared(corpus: CorpusSummary) -> None:
    ads = read_jsonl(corpus.ads_path)
    _, *truth = read_jsonl(corpus.truth_path)
    header = read_jsonl(corpus.truth_path)[0]
    users: dict[str, set[str]] = collections.defaultdict(set)
    for ad, t in zip(ads, truth, strict=True):
        for rel in ad["images"]:
            assert not Path(rel).is_absolute() and ".." not in Path(rel).parts and rel.startswith("images/")
            assert (corpus.out_dir / rel).is_file()
            users[rel].add(t["network"])
    size = sum(p.stat().st_size for p in (corpus.out_dir / "images").iterdir())
    assert size < 20_000_000 * N_CORPUS / 2000
    stock = [users[s] for s in header["stock_images"] if s in users]
    assert stock and max(len(u) for u in stock) > 1
    reused = [rel for rel, owners in users.items() if rel.startswith("images/n") and len(owners) == 1]
    assert reused
    variants = [rel for rel in users if re.search(r"_v[1-9]\.jpg$", rel)]
    assert variants
    with Image.open(corpus.out_dir / variants[0]) as img:
        assert img.size[0] <= 130 and img.size[1] <= 170


def test_indicators_are_recorded_evidence(labelled: Labelled) -> None:
    network_rate: collections.Counter[str] = collections.Counter()
    independent_rate: collections.Counter[str] = collections.Counter()
    for ad, t in labelled:
        text = ad["title"] + "\n" + ad["body"]
        recorded = {(i["category"], i["text"].lower()) for i in t["indicators"]}
        for i in t["indicators"]:
            assert i["text"] in text, i
        # Every seeded phrase found in the text is in the truth: templates never say them by accident.
        for category, by_lang in lx.INDICATOR_PHRASES.items():
            for phrase in by_lang[ad["lang"]]:
                if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE):
                    assert (category, phrase.lower()) in recorded, (phrase, text)
        counter = network_rate if t["kind"] == "network" else independent_rate
        counter.update({i["category"] for i in t["indicators"]})
    categories = {*lx.INDICATOR_PHRASES, "low_price"}
    assert set(network_rate) == categories and set(independent_rate) == categories
    n_net = sum(t["kind"] == "network" for _, t in labelled)
    n_ind = len(labelled) - n_net
    for category in categories - {"movement"}:
        assert network_rate[category] / n_net > independent_rate[category] / n_ind, category


def test_stated_age_17_only_as_plain_fact_in_network_ads(labelled: Labelled) -> None:
    minors = [(ad, t) for ad, t in labelled if t["stated_age"] == 17]
    n_network = sum(t["kind"] == "network" for _, t in labelled)
    assert 0.004 * n_network <= len(minors) <= 0.02 * n_network
    for ad, t in minors:
        assert t["kind"] == "network"
        assert lx.AGE_PLAIN_FORM[ad["lang"]].format(n=17) in ad["body"]
        assert ad.get("age") is None
        assert not any(i["category"] == "youth_language" for i in t["indicators"])
    age17 = re.compile(r"\b17\s*(yo|years?|ans|años|jahre)\b|\b(age|âge|edad|alter)\s*:?\s*17\b", re.IGNORECASE)
    for ad, t in labelled:
        assert bool(age17.search(ad["body"] + ad["title"])) == (t["stated_age"] == 17)
    stated = [t["stated_age"] for _, t in labelled if t["stated_age"] not in (None, 17)]
    assert min(stated) >= 19 and max(stated) <= 35


def test_prices_have_currency_and_duration(labelled: Labelled) -> None:
    price = re.compile(r"(£|\$|€|GBP|USD|EUR)")
    priced = [ad for ad, _ in labelled if price.search(ad["body"])]
    assert len(priced) > 0.75 * len(labelled)
    low = [i["text"] for _, t in labelled for i in t["indicators"] if i["category"] == "low_price"]
    assert low and all(price.search(x) for x in low)


def test_wording_stays_non_explicit(labelled: Labelled) -> None:
    banned = re.compile(r"\b(sex\w*|nude|naked|fetish|bdsm|oral|erotic\w*|porn\w*)\b", re.IGNORECASE)
    assert not any(banned.search(ad["body"] + ad["title"]) for ad, _ in labelled)


# --- bad records -------------------------------------------------------------------------------------


def test_bad_records_cover_each_failure(corpus: CorpusSummary) -> None:
    assert corpus.bad_path is not None
    lines = corpus.bad_path.read_bytes().splitlines()
    assert 10 <= len(lines) <= 14
    seen: set[str] = set()
    first_ad = read_jsonl(corpus.ads_path)[0]
    for raw in lines:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            seen.add("invalid_utf8")
            continue
        try:
            rec = json.loads(text)
        except json.JSONDecodeError:
            seen.add("not_json")
            continue
        if not isinstance(rec, dict):
            seen.add("not_object")
            continue
        problems = []
        if "id" not in rec:
            problems.append("missing_id")
        elif not isinstance(rec["id"], str):
            problems.append("id_not_string")
        if "body" not in rec:
            problems.append("missing_body")
        elif len(rec["body"]) > 200_000:
            problems.append("body_too_long")
        if isinstance(rec.get("age"), str):
            problems.append("age_not_int")
        if "posted_at" in rec and not TIMESTAMP.match(rec["posted_at"]):
            problems.append("bad_date")
        if "country" in rec and rec["country"] not in lx.COUNTRY_LANG:
            problems.append("bad_country")
        if (rec.get("source"), rec.get("id")) == (first_ad["source"], first_ad["id"]):
            assert rec != first_ad
            problems.append("duplicate_id")
        assert len(problems) == 1, (problems, text[:200])  # each line is wrong in exactly one way
        seen.update(problems)
    assert seen == {
        "invalid_utf8", "not_json", "not_object", "missing_id", "id_not_string", "missing_body",
        "body_too_long", "age_not_int", "bad_date", "bad_country", "duplicate_id",
    }  # fmt: skip


def test_ingest_accepts_every_ad_and_rejects_every_bad_record(corpus: CorpusSummary) -> None:
    from unveil.ingest.readers import read_jsonl as ingest_jsonl
    from unveil.ingest.validate import Rejection, validate_record

    for raw in ingest_jsonl(corpus.ads_path):
        assert raw.error is None
        assert not isinstance(validate_record(raw.data, "ads"), Rejection), raw.raw
    assert corpus.bad_path is not None
    reasons, accepted = [], []
    for raw in ingest_jsonl(corpus.bad_path):
        result = raw.error if raw.error else validate_record(raw.data, "bad_records")
        if isinstance(result, dict):
            accepted.append(result)
        else:
            reasons.append(result if isinstance(result, str) else result.reason)
    # Only the conflicting duplicate is well formed on its own; the store rejects it against ads.jsonl.
    first = read_jsonl(corpus.ads_path)[0]
    assert [(a["source"], a["id"]) for a in accepted] == [(first["source"], first["id"])]
    assert len(reasons) == 10 and len(set(reasons)) >= 6
