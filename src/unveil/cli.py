"""The ``unveil`` command line.

Contract (other programs call these): results go to stdout in a
machine-readable form (JSON lines, JSON or CSV); progress bars and logs go to
stderr.  Exit status: 0 success, 1 failure, 2 usage error.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from unveil import __version__
from unveil.errors import UnveilError

log = logging.getLogger("unveil")

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def _positive_int(text: str) -> int:
    value = _parsed(text, int)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} must be 1 or more")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="unveil",
        description="Read ad corpora, extract contacts, flag indicators, link ads into networks and rank them "
        "for human review. The tool ranks and explains; a human decides.",
    )
    parser.add_argument("--version", action="version", version=f"unveil {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    common.add_argument("-v", "--verbose", action="store_true", help="debug logging on stderr")
    rules = argparse.ArgumentParser(add_help=False)
    rules.add_argument("--rules", action="append", metavar="FILE",
                       help="YAML file of indicator rules to add or override (repeatable); see docs/indicators.md")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("analyze", parents=[common, rules], help="ingest files and run the whole pipeline into a store",
                       description="Ingest JSONL, CSV or Parquet files (or folders of them) into the store and "
                       "run extraction, indicators, linking and scoring. Prints a JSON summary on stdout.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="input file or folder")
    p.add_argument("--db", help="store file (default: unveil.duckdb; with --engine spark and --out: none)")
    p.add_argument("--engine", choices=("duckdb", "spark"), default="duckdb",
                   help="where the stages run: duckdb in this process (default), or Apache Spark (needs "
                   "pip install 'unveil[spark]' and Java 17+; always a full rebuild; see docs/spark.md)")
    p.add_argument("--master", metavar="URL",
                   help="Spark master with --engine spark: local[N] (default local[*]), spark://HOST:7077, yarn, "
                   "k8s://https://HOST:443")
    p.add_argument("--out", metavar="DIR",
                   help="with --engine spark: also write every result table as Parquet under DIR (a local path "
                   "or a Hadoop file system URL); read it with `unveil networks --parquet DIR`")
    p.add_argument("--report", metavar="FILE", help="HTML report path (default: <db>.report.html)")
    p.add_argument("--rejects", metavar="FILE", help="rejects file (default: <db>.rejects.jsonl)")
    p.add_argument("--batch-size", type=_positive_int, default=2000, help="ads per transaction (default: 2000)")
    p.add_argument("--workers", type=_positive_int, default=1,
                   help="processes for extraction and indicators (default: 1; use the number of cores on big corpora)")
    _add_patterns_option(p)
    _add_link_options(p)

    p = sub.add_parser("extract", parents=[common, rules], help="print entities and flags per ad, no store",
                       description="Read ads and print one JSON line per accepted ad with its entities and "
                       "indicator flags. Rejected records are reported on stderr.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="input file or folder")
    _add_patterns_option(p)

    p = sub.add_parser("networks", parents=[common], help="list networks from a store, riskiest first",
                       description="One record per network: network_id, ad_ids, size, risk, reasons, "
                       "identifiers, cities, first_seen, last_seen.")
    p.add_argument("--db", default="unveil.duckdb", help="store file (default: %(default)s)")
    p.add_argument("--parquet", metavar="DIR",
                   help="read the Parquet output of `unveil analyze --engine spark --out DIR` instead of a store")
    p.add_argument("--min-size", type=_positive_int, default=2, help="smallest network listed (default: 2)")
    p.add_argument("--limit", type=_positive_int, help="list at most this many networks")
    p.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format")

    p = sub.add_parser("demo", parents=[common, rules], help="generate the synthetic demo corpus, analyse it, report",
                       description="Generate a synthetic corpus with ground truth, analyse it into a store and "
                       "write the HTML report. Prints a JSON summary on stdout.")
    p.add_argument("--ads", type=_positive_int, default=2000, help="number of ads (default: %(default)s)")
    p.add_argument("--out", default="unveil-demo", help="output folder (default: %(default)s)")
    p.add_argument("--seed", type=int, default=7, help="random seed (default: %(default)s)")
    p.add_argument("--no-images", action="store_true", help="do not generate images")
    _register_web_commands(sub, common)
    return parser


def _parsed(text: str, convert: type[int] | type[float]) -> Any:
    try:
        return convert(text)
    except ValueError:
        what = "whole number" if convert is int else "number"
        raise argparse.ArgumentTypeError(f"{text!r} is not a {what}") from None


def _add_patterns_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--patterns", action="append", metavar="FILE_OR_DIR",
                   help="YAML file (or folder of them) adding words, languages or platforms to the email, handle "
                   "and payment extractors (repeatable); see docs/extraction.md")


def _patterns(args: argparse.Namespace) -> tuple[Path, ...]:
    """The ``--patterns`` paths, checked now: a bad file exits with status 2 naming file, line and key."""
    paths = tuple(Path(p) for p in getattr(args, "patterns", None) or ())
    if paths:
        from unveil.extract.user_patterns import PatternError, load_user_extractors

        try:
            load_user_extractors(paths)
        except PatternError as exc:
            print(f"unveil: error: --patterns: {exc}", file=sys.stderr)
            raise SystemExit(EXIT_USAGE) from None
    return paths


def _fraction(text: str) -> float:
    value = _parsed(text, float)
    if not 0.0 < value <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} must be above 0 and at most 1")
    return float(value)


def _hamming_distance(text: str) -> int:
    value = _parsed(text, int)
    if not 0 <= value <= 128:
        raise argparse.ArgumentTypeError(f"{value} must be between 0 and 128 (of 256 bits)")
    return int(value)


def _add_link_options(p: argparse.ArgumentParser) -> None:
    """How ads are linked (docs/linking.md); the defaults come from the settings classes."""
    from unveil.link.identifiers import LinkSettings
    from unveil.link.images import ImageSettings
    from unveil.link.text_signatures import TextSettings

    ids, text, images = LinkSettings(), TextSettings(), ImageSettings()
    g = p.add_argument_group("linking", "how ads are linked into networks (see docs/linking.md)")
    g.add_argument("--hub-max-co-phones", metavar="N", type=_positive_int, default=ids.hub_max_co_phones,
                   help="an identifier whose ads show more distinct other phones than this is a hub and is "
                   "not used to link (default: %(default)s)")
    g.add_argument("--no-text-links", action="store_true", help="do not link ads by near-duplicate text")
    g.add_argument("--text-threshold", metavar="SIM", type=_fraction, default=text.threshold,
                   help="estimated Jaccard similarity of word shingles two texts need to link (default: %(default)s)")
    g.add_argument("--text-min-shingles", metavar="N", type=_positive_int, default=text.min_shingles,
                   help="texts with fewer distinct shingles are not compared (default: %(default)s)")
    g.add_argument("--boilerplate-max-co-phones", metavar="N", type=_positive_int,
                   default=text.boilerplate_max_co_phones,
                   help="a text segment seen with more distinct phones than this is boilerplate and ignored "
                   "(default: %(default)s)")
    g.add_argument("--template-max-co-phones", metavar="N", type=_positive_int, default=text.template_max_co_phones,
                   help="a text cluster seen with more distinct phones than this is a hub and does not link "
                   "(default: %(default)s)")
    g.add_argument("--no-image-links", action="store_true", help="do not hash images or link ads by them")
    g.add_argument("--image-max-distance", metavar="BITS", type=_hamming_distance, default=images.max_distance,
                   help="largest PDQ Hamming distance (of 256 bits) between copies of one picture "
                   "(default: %(default)s)")
    g.add_argument("--picture-max-co-phones", metavar="N", type=_positive_int, default=images.picture_max_co_phones,
                   help="a picture seen with more distinct phones than this is a hub (stock photo, banner) and "
                   "does not link (default: %(default)s)")


def _link_settings(args: argparse.Namespace) -> dict[str, Any]:
    """``link``, ``text`` and ``images`` keyword arguments of ``AnalyzeOptions`` from the linking options."""
    from dataclasses import replace

    from unveil.link.identifiers import LinkSettings
    from unveil.link.images import ImageSettings
    from unveil.link.text_signatures import TextSettings

    return {
        "link": LinkSettings(hub_max_co_phones=args.hub_max_co_phones),
        "text": replace(TextSettings(), enabled=not args.no_text_links, threshold=args.text_threshold,
                        min_shingles=args.text_min_shingles,
                        boilerplate_max_co_phones=args.boilerplate_max_co_phones,
                        template_max_co_phones=args.template_max_co_phones),
        "images": replace(ImageSettings(), enabled=not args.no_image_links, max_distance=args.image_max_distance,
                          picture_max_co_phones=args.picture_max_co_phones),
    }


def _register_web_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """`serve` and `users` live with the web workspace, which adds them here."""
    try:
        from unveil.web.cli import register_commands
    except ImportError:
        return
    COMMANDS.update(register_commands(sub, common))


def _setup_logging(args: argparse.Namespace) -> None:
    level = logging.DEBUG if getattr(args, "verbose", False) else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr, format="unveil: %(levelname)s: %(message)s")


def _print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _rules(args: argparse.Namespace) -> Any:
    """The indicator rulebook: the built-in one plus any ``--rules`` files.

    Raises:
        UnveilError: a rules file is invalid (the message names file, line and rule).
    """
    from unveil.indicators import RulebookError, load_rulebook

    try:
        return load_rulebook(*getattr(args, "rules", None) or ())
    except RulebookError as exc:
        raise UnveilError(str(exc)) from exc
    except OSError as exc:
        raise UnveilError(f"cannot read rules file: {exc}") from exc


def cmd_analyze(args: argparse.Namespace) -> int:
    from unveil.pipeline import AnalyzeOptions, analyze
    from unveil.report.html import write_report
    from unveil.store import Store

    opts = AnalyzeOptions(
        batch_size=args.batch_size,
        **_link_settings(args),
        progress=not args.quiet,
        workers=args.workers,
        rejects_path=Path(args.rejects) if args.rejects else None,
        patterns=_patterns(args),
    )
    if args.engine == "spark":
        from unveil.engine.spark_pipeline.run import analyze_spark

        db = args.db if args.db or args.out else "unveil.duckdb"
        summary = analyze_spark(args.paths, db=db, out=args.out, master=args.master, options=opts,
                                rules=_rules(args))
    else:
        if args.out or args.master:
            raise UnveilError("--out and --master go with --engine spark")
        db = args.db or "unveil.duckdb"
        summary = analyze(args.paths, db, options=opts, rules=_rules(args))
    if db:
        report = Path(args.report) if args.report else Path(f"{db}.report.html")
        with Store(db) as store:
            write_report(store, report, run={"run_id": summary.run_id})
        summary.report = str(report)
    _print_json({**summary.to_dict(), "engine": args.engine, **({"out": args.out} if args.out else {})})
    return EXIT_OK


EXTRACT_BATCH = 256  # ads per extraction batch of `unveil extract` (small: output keeps streaming)


def cmd_extract(args: argparse.Namespace) -> int:
    from unveil.extract import extract_batch
    from unveil.ingest.readers import expand_paths, read_records
    from unveil.ingest.validate import Rejection, ad_key, validate_record
    from unveil.per_ad import prepare_process
    from unveil.pipeline import _default_source

    rules = _rules(args)
    patterns = _patterns(args)
    extractors = None
    if patterns:
        from unveil.extract.user_patterns import load_user_extractors

        extractors = load_user_extractors(patterns)
    prepare_process(rules, extractors)  # tables built once and kept out of the garbage collector's walks
    seen: set[str] = set()
    accepted = rejected = 0
    pending: list[dict[str, Any]] = []

    def flush() -> None:
        # Ads go through extraction in small batches (shared per-text work, one language-scoring product),
        # printed in input order; the output is the same as ad by ad.
        for ad, entities in zip(pending, extract_batch(pending, extractors), strict=True):
            _print_json({
                "id": ad["id"],
                "source": ad["source"],
                "entities": [e.to_dict() for e in entities],
                "indicators": [f.to_dict() for f in (rules.evaluate(ad, entities) if rules is not None else [])],
            })
        pending.clear()

    for path in expand_paths(args.paths):
        source = _default_source(path)
        for rec in read_records(path):
            result: dict[str, Any] | Rejection
            result = Rejection(rec.error, rec.detail) if rec.error else validate_record(rec.data, source)
            if isinstance(result, Rejection):
                rejected += 1
                log.warning("%s line %d rejected: %s (%s)", path, rec.line, result.reason, result.detail)
                continue
            key = ad_key(result["source"], result["id"])
            if key in seen:
                continue
            seen.add(key)
            pending.append(result)
            accepted += 1
            if len(pending) >= EXTRACT_BATCH:
                flush()
    flush()
    print(f"unveil: {accepted} ads extracted, {rejected} records rejected", file=sys.stderr)
    return EXIT_OK


NETWORK_FIELDS = ("network_id", "ad_ids", "size", "risk", "reasons", "identifiers", "cities",
                  "first_seen", "last_seen")


def cmd_networks(args: argparse.Namespace) -> int:
    from unveil.report.html import network_records
    from unveil.store import Store

    if args.parquet:
        from unveil.engine.spark_pipeline.parquet import parquet_store

        with parquet_store(args.parquet) as store:
            records = network_records(store, min_size=args.min_size, limit=args.limit)
    else:
        with Store(args.db, read_only=True) as store:
            records = network_records(store, min_size=args.min_size, limit=args.limit)
    if args.format == "jsonl":
        for n in records:
            _print_json({k: n[k] for k in (*NETWORK_FIELDS, "countries", "minor_risk")})
        return EXIT_OK
    writer = csv.writer(sys.stdout)
    writer.writerow(NETWORK_FIELDS)
    for n in records:
        writer.writerow([
            n["network_id"], "|".join(n["ad_ids"]), n["size"], n["risk"],
            "; ".join(r["text"] for r in n["reasons"]),
            "|".join(f"{i['kind']}:{i['value']}" for i in n["identifiers"]),
            "|".join(n["cities"]), n["first_seen"] or "", n["last_seen"] or "",
        ])
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from unveil.demo.run import run_demo

    result = run_demo(n_ads=args.ads, out=Path(args.out), seed=args.seed, images=not args.no_images,
                      progress=not args.quiet, rules=_rules(args))
    _print_json(result)
    return EXIT_OK


COMMANDS = {"analyze": cmd_analyze, "extract": cmd_extract, "networks": cmd_networks, "demo": cmd_demo}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
    _setup_logging(args)
    try:
        return COMMANDS[args.command](args)
    except UnveilError as exc:
        print(f"unveil: error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("unveil: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        # `unveil networks | head` closes stdout early: not an error.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
