"""Extraction accuracy and throughput.

Accuracy: precision, recall and F1 per kind and per language on the labelled
evaluation sets in tests/data (hand-made hard cases, written independently of
the demo generator), plus a generated set of obfuscated phones built here with
its own obfuscation routines; phones written obfuscated are scored apart, and
so is the false-phone rate on texts that hold prices, ages, dates but no phone.

Demo corpus: phones, emails and handles against the synthetic corpus's ground
truth (``unveil.demo.generator.iter_labelled_ads``).  Two kinds of label follow a
different contract from the extractors and are mapped before scoring (counted and
printed): a number given for WhatsApp is labelled ``whatsapp:+E164`` as a handle,
while the extractors report it once, as a ``phone`` (it is in the phone labels
too); and the site's own support number in a footer is a phone in the text, which
the labels leave out because they describe the poster.

Throughput: ads/s of the per-ad extraction (all extractors) on one core over
a demo corpus, wall clock and CPU time, plus the CPU time of each extractor.

    python benchmarks/extraction.py             # print tables
    python benchmarks/extraction.py --record    # and write them to docs/benchmarks.md
    python benchmarks/extraction.py --json      # numbers as JSON
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from unveil.extract import extract_ad, extract_batch  # noqa: E402

from common import record_section  # noqa: E402

DATA = ROOT / "tests" / "data"
# Which kinds each evaluation file labels (kinds outside are not scored there).
EVAL_FILES = {
    "extraction_eval_phones.jsonl": ("phone",),
    "extraction_eval_handles.jsonl": ("email", "handle", "payment", "crypto", "iban"),
    "extraction_eval_attributes.jsonl": ("age", "price", "city", "name"),
}

# -- generated obfuscated phones (independent of the demo generator) ---------------
DIGIT_WORDS = {
    "en": "zero one two three four five six seven eight nine".split(),
    "fr": "zéro un deux trois quatre cinq six sept huit neuf".split(),
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve".split(),
    "de": "null eins zwei drei vier fünf sechs sieben acht neun".split(),
    "it": "zero uno due tre quattro cinque sei sette otto nove".split(),
    "nl": "nul een twee drie vier vijf zes zeven acht negen".split(),
}
FILLERS = {
    "en": ["Hi, I am new here and available today. {p}. Rates 150 per hour, age 25.",
           "Relaxing massage in a quiet flat. Contact: {p}. Open 10-22, 7 days."],
    "fr": ["Bonjour, disponible aujourd'hui. {p}. 150€ l'heure, 25 ans.",
           "Massage relaxant, appartement calme. Contact : {p}. Ouvert de 10h à 22h."],
    "es": ["Hola, disponible hoy. {p}. 150 euros la hora, 25 años.",
           "Masaje relajante en piso tranquilo. Contacto: {p}. Abierto de 10 a 22."],
    "de": ["Hallo, heute verfügbar. {p}. 150 Euro pro Stunde, 25 Jahre.",
           "Entspannende Massage in ruhiger Wohnung. Kontakt: {p}. 10 bis 22 Uhr."],
    "it": ["Ciao, disponibile oggi. {p}. 150 euro all'ora, 25 anni.",
           "Massaggio rilassante. Contatto: {p}. Dalle 10 alle 22."],
    "nl": ["Hoi, vandaag beschikbaar. {p}. 150 euro per uur, 25 jaar.",
           "Ontspannende massage. Contact: {p}. Open van 10 tot 22 uur."],
}
COUNTRY = {"en": "GB", "fr": "FR", "es": "ES", "de": "DE", "it": "IT", "nl": "NL"}
KEYCAP = "\ufe0f\u20e3"


def _fiction_number(rng: random.Random) -> tuple[str, str]:
    """(national digits as written in the UK, E.164) from ranges reserved for fiction."""
    if rng.random() < 0.5:
        tail = f"{rng.randrange(1000):03d}"
        return "07700900" + tail, "+447700900" + tail
    tail = f"{rng.randrange(1000):03d}"
    return "02079460" + tail, "+442079460" + tail


def _obfuscate(digits: str, lang: str, rng: random.Random) -> str:
    style = rng.randrange(7)
    words = DIGIT_WORDS[lang]
    if style == 0:  # all words
        return " ".join(words[int(d)] for d in digits)
    if style == 1:  # words and digits mixed
        return " ".join(words[int(d)] if rng.random() < 0.5 else d for d in digits)
    if style == 2:  # odd separators
        seps = ["*", "~", ".", "-", " . ", "_", "|"]
        return "".join(d + (rng.choice(seps) if i % 2 else "") for i, d in enumerate(digits)).rstrip("*~.-_| ")
    if style == 3:  # brackets
        return "".join(f"[{d}]" for d in digits)
    if style == 4:  # emoji keycaps
        return "".join(d + KEYCAP for d in digits)
    if style == 5:  # full-width
        return "".join(chr(0xFF10 + int(d)) for d in digits)
    # letter o for 0, l for 1, spaced groups
    swapped = digits.replace("0", "o")
    return f"{swapped[:5]} {swapped[5:8]} {swapped[8:]}"


def generated_phone_cases(n: int = 600, seed: int = 2026) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    cases = []
    for i in range(n):
        lang = rng.choice(sorted(DIGIT_WORDS))
        digits, e164 = _fiction_number(rng)
        if COUNTRY[lang] != "GB":  # abroad the number needs its country code
            digits = "44" + digits[1:]
            written = "+" + _obfuscate(digits, lang, rng)
        else:
            written = _obfuscate(digits, lang, rng)
        text = rng.choice(FILLERS[lang]).format(p=written)
        cases.append({"id": f"gen{i}", "lang": lang, "country": COUNTRY[lang], "text": text,
                      "entities": [{"kind": "phone", "value": e164, "obfuscated": True}], "tags": ["generated"]})
    return cases


# -- scoring ------------------------------------------------------------------------
class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, truth: Counter[str], found: Counter[str]) -> None:
        self.tp += sum((truth & found).values())
        self.fp += sum((found - truth).values())
        self.fn += sum((truth - found).values())

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def load(name: str) -> list[dict[str, Any]]:
    path = DATA / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# Metadata an evaluation case may carry besides its text (cases tagged "no_country" have only these).
META_KEYS = ("country", "lang", "title", "city", "region", "url")


def _ad(case: dict[str, Any]) -> dict[str, Any]:
    return {"body": case["text"], **{k: case.get(k) for k in META_KEYS if case.get(k) is not None}}


def score(cases: list[dict[str, Any]], kinds: tuple[str, ...], tallies: dict[tuple[str, str], Tally],
          misses: list[str]) -> None:
    for case in cases:
        ad = _ad(case)
        found_all = [e for e in extract_ad(ad) if e.kind in kinds]
        for kind in kinds:
            truth = Counter(e["value"] for e in case["entities"] if e["kind"] == kind)
            found = Counter({e.value for e in found_all if e.kind == kind})
            for key in ((kind, "all"), (kind, case.get("lang", "?"))):
                tallies.setdefault(key, Tally()).add(truth, found)
            if kind == "phone" and "no_country" in case.get("tags", ()):
                tallies.setdefault(("phone (ad with no country)", "all"), Tally()).add(truth, found)
            if kind == "phone":
                obf_truth = Counter(e["value"] for e in case["entities"] if e["kind"] == kind and e["obfuscated"])
                if obf_truth:
                    tallies.setdefault(("phone (obfuscated)", "all"), Tally()).add(obf_truth, found & obf_truth
                                                                                    | (found - truth))
            if truth != found and len(misses) < 400:
                misses.append(f"{case.get('id')} {kind}: want {sorted(truth)} got {sorted(found)} | {case['text']}")


def accuracy() -> dict[str, Any]:
    tallies: dict[tuple[str, str], Tally] = {}
    misses: list[str] = []
    false_phone_texts = no_phone_texts = 0
    for name, kinds in EVAL_FILES.items():
        cases = load(name)
        if name == "extraction_eval_phones.jsonl":
            score(cases, kinds, tallies, misses)
            gen = generated_phone_cases()
            gen_tallies: dict[tuple[str, str], Tally] = {}
            score(gen, kinds, gen_tallies, misses)
            for (kind, lang), t in gen_tallies.items():
                if lang == "all":
                    tallies[(f"{kind} [generated]", "all")] = t
            for case in cases:
                if "numbers_no_phone" in case.get("tags", []):
                    no_phone_texts += 1
                    ad = _ad(case)
                    if any(e.kind == "phone" for e in extract_ad(ad)):
                        false_phone_texts += 1
        else:
            score(cases, kinds, tallies, misses)
    return {
        "tallies": {f"{k}|{lang}": {"tp": t.tp, "fp": t.fp, "fn": t.fn, "prf": t.prf()}
                    for (k, lang), t in sorted(tallies.items())},
        "false_phone_rate": (false_phone_texts / no_phone_texts) if no_phone_texts else 0.0,
        "no_phone_texts": no_phone_texts,
        "misses": misses,
    }


DEMO_KINDS = ("phone", "email", "handle")
NO_COUNTRY = "phone (country removed)"


def demo_accuracy(n_ads: int = 2000, seed: int = 5) -> dict[str, Any]:
    """Phones, emails and handles against the demo corpus's ground truth (see the module docstring)."""
    from unveil.demo.generator import SITES, iter_labelled_ads

    sites = {s.name: s for s in SITES}
    tallies: dict[str, Tally] = {k: Tally() for k in (*DEMO_KINDS, NO_COUNTRY)}
    remapped = Counter[str]()
    for ad, truth in iter_labelled_ads(n_ads, seed=seed):
        phones = list(truth["phones"])
        handles = []
        for h in truth["handles"]:
            if h.startswith("whatsapp:+"):  # a number given for WhatsApp: the phone extractor reports it
                remapped["whatsapp_number_handle_labels"] += 1
                if h.split(":", 1)[1] not in phones:
                    phones.append(h.split(":", 1)[1])
            else:
                handles.append(h)
        site = sites.get(ad["source"])
        if site is not None and site.footer and site.support_phone and site.footer in ad["body"]:
            remapped["site_footer_phone_labels_added"] += 1
            phones.append(site.support_phone)
        want = {"phone": set(phones), "email": set(truth["emails"]), "handle": set(handles)}
        found_all = extract_ad(ad)
        for kind in DEMO_KINDS:
            found = Counter({e.value for e in found_all if e.kind == kind})
            tallies[kind].add(Counter(want[kind]), found)
        # The same ad as a scrape without its country (its city and web address kept): the country is assumed.
        bare = {k: v for k, v in ad.items() if k != "country"}
        found = Counter({e.value for e in extract_ad(bare) if e.kind == "phone"})
        tallies[NO_COUNTRY].add(Counter(want["phone"]), found)
    return {"ads": n_ads, "remapped": dict(remapped),
            "tallies": {k: {"tp": t.tp, "fp": t.fp, "fn": t.fn, "prf": t.prf()} for k, t in tallies.items()}}


def throughput(n_ads: int, repeat: int) -> dict[str, Any]:
    """ads/s over ``n_ads`` demo ads: wall clock and CPU time (medians of ``repeat``), CPU µs per extractor."""
    from unveil.demo.generator import iter_ads
    from unveil.extract import keep_recent_fields
    from unveil.extract.base import AdContext, _ensure_default_extractors, registry
    from unveil.per_ad import RECENT_FIELDS, prepare_process
    from unveil.types import TEXT_FIELDS

    ads = list(iter_ads(n_ads, seed=5, with_images=False))
    prepare_process()  # as a pipeline worker: lazily built tables loaded and frozen, outside the timing

    def fresh_pass() -> None:
        # Each repetition reads the corpus as a first pass: no field kept from the one before.
        keep_recent_fields(0)
        keep_recent_fields(RECENT_FIELDS)

    rates, cpu_rates = [], []
    for _ in range(repeat):
        fresh_pass()
        t, c = time.perf_counter(), time.process_time()
        for ad in ads:
            extract_ad(ad)
        cpu_rates.append(n_ads / (time.process_time() - c))
        rates.append(n_ads / (time.perf_counter() - t))
    batch_rates = []  # the pipeline's path: extract_batch over batches of 2,000 ads (process_batch)
    for _ in range(repeat):
        fresh_pass()
        c = time.process_time()
        for i in range(0, n_ads, 2000):
            extract_batch(ads[i : i + 2000])
        batch_rates.append(n_ads / (time.process_time() - c))
    _ensure_default_extractors()
    per_extractor: dict[str, float] = {}
    sample = ads[: min(n_ads, 5000)]
    for ex in registry.extractors:
        times = []
        for _ in range(repeat):
            c = time.process_time()
            for ad in sample:
                ctx = AdContext(country=ad.get("country"), lang=ad.get("lang"))
                for field in TEXT_FIELDS:
                    text = ad.get(field)
                    if text and isinstance(text, str):
                        for _e in ex.extract(text, field, ctx):
                            pass
            times.append((time.process_time() - c) / len(sample) * 1e6)
        per_extractor[ex.name] = statistics.median(times)
    return {"ads": n_ads, "median_ads_per_s": statistics.median(rates), "min": min(rates), "max": max(rates),
            "median_cpu_ads_per_s": statistics.median(cpu_rates),
            "median_cpu_batch_ads_per_s": statistics.median(batch_rates), "cpu_us_per_extractor": per_extractor}


def tables(acc: dict[str, Any], thr: dict[str, Any] | None, demo: dict[str, Any] | None = None) -> str:
    lines = ["| kind | language | precision | recall | F1 | tp | fp | fn |", "|---|---|---:|---:|---:|---:|---:|---:|"]
    for key, t in acc["tallies"].items():
        kind, lang = key.split("|")
        if lang != "all" and t["tp"] + t["fp"] + t["fn"] == 0:
            continue  # a language without labels or findings of this kind: nothing was measured
        p, r, f = t["prf"]
        lines.append(f"| {kind} | {lang} | {p:.3f} | {r:.3f} | {f:.3f} | {t['tp']} | {t['fp']} | {t['fn']} |")
    lines.append("")
    lines.append(f"False phones on {acc['no_phone_texts']} texts with prices/ages/dates/postcodes but no phone: "
                 f"{acc['false_phone_rate']:.1%}.")
    if demo:
        lines.append("")
        rm = demo["remapped"]
        lines.append(f"Demo corpus ({demo['ads']:,} ads, seed 5) against its ground truth; "
                     f"{rm.get('whatsapp_number_handle_labels', 0)} `whatsapp:+E164` handle labels scored as the "
                     f"phones they are, {rm.get('site_footer_phone_labels_added', 0)} site footer numbers added to "
                     "the phone labels (see docs/extraction.md, \"Contract\"); `phone (country removed)` reads "
                     "each ad again without its `country`, which is then assumed from its city, web address or "
                     "text (docs/extraction.md, \"Ads with no `country`\"):")
        lines.append("")
        lines.append("| kind | precision | recall | F1 | tp | fp | fn |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|")
        for kind, t in demo["tallies"].items():
            p, r, f = t["prf"]
            lines.append(f"| {kind} | {p:.3f} | {r:.3f} | {f:.3f} | {t['tp']} | {t['fp']} | {t['fn']} |")
    if thr:
        lines.append("")
        lines.append(f"Extraction throughput, one core, {thr['ads']:,} demo ads: median "
                     f"{thr['median_ads_per_s']:,.0f} ads/s wall clock (min {thr['min']:,.0f}, max {thr['max']:,.0f}), "
                     f"{thr['median_cpu_ads_per_s']:,.0f} ads/s CPU time; batched as the pipeline runs it "
                     f"(`extract_batch`, 2,000 ads): {thr['median_cpu_batch_ads_per_s']:,.0f} ads/s CPU time. "
                     "CPU time per ad and extractor, each run alone (µs): "
                     + ", ".join(f"{k} {v:.0f}" for k, v in thr["cpu_us_per_extractor"].items()) + ".")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ads", type=int, default=20_000, help="ads for the throughput run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-throughput", action="store_true")
    parser.add_argument("--demo-ads", type=int, default=2000, help="demo ads scored against ground truth (0: skip)")
    parser.add_argument("--misses", action="store_true", help="print every disagreement with the labels")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()
    acc = accuracy()
    demo = demo_accuracy(args.demo_ads) if args.demo_ads > 0 else None
    thr = None if args.no_throughput else throughput(args.ads, args.repeat)
    if args.json:
        print(json.dumps({"accuracy": {k: v for k, v in acc.items() if k != "misses"}, "demo": demo,
                          "throughput": thr}, indent=1))
        return 0
    if args.misses:
        print("\n".join(acc["misses"]), file=sys.stderr)
    table = tables(acc, thr, demo)
    print(table)
    if args.record:
        record_section(
            "Extraction accuracy and throughput",
            "`python benchmarks/extraction.py --record`: labelled sets in `tests/data/extraction_eval_*.jsonl` "
            "(hand-made, independent of the demo generator) plus 600 generated obfuscated phones "
            "(`[generated]`, built by the benchmark's own obfuscation routines); per kind and language. "
            "`phone (obfuscated)` scores only phones the labels mark as written obfuscated. "
            "`phone (ad with no country)` scores the cases whose ad states no `country` (only its city, "
            "region, web address or title).",
            table,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
