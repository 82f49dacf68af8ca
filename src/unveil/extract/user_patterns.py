"""A user's pattern files: more words, languages and platforms for extraction, without code.

``unveil extract --patterns FILE_OR_DIR`` and ``unveil analyze --patterns FILE_OR_DIR`` (repeatable) read
YAML files shaped like the packaged ones in ``unveil/extract/patterns/``:

=====================  ==========================================================================
file name              adds to
=====================  ==========================================================================
``emails.yaml``        words for "@" and "." per language, email cue words, provider short forms
``handles.yaml``       messaging and social platforms: cue words per language, links, name rules
``payments.yaml``      payment services: cue words per language, links, name rules
=====================  ==========================================================================

A file is matched to its extractor by its name: ``handles.yaml`` or any name ending in ``.handles.yaml``
(``polish.handles.yaml``, ``newchat.handles.yml``); a folder contributes every ``*.yaml``/``*.yml`` file in
it, in name order.  A user file *extends* the packaged one: mappings are merged key by key, lists are
appended to (duplicates dropped) and a single value (``min: 3``) replaces the packaged one, so a file
needs only what it adds.  Several files for one extractor apply in the order given.

Everything is checked when loaded, before any ad is read.  A problem raises :class:`PatternError` naming
the user's file, the line and the key path, for example
``polish.handles.yaml:7: platforms.wykop.name.min: must be an integer, not 'three'``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml

from unveil.extract.base import Extractor, default_extractors
from unveil.extract.emails import TOP, EmailExtractor, PatternError, parse_email_patterns, read_pattern_file
from unveil.extract.handles import HandleExtractor, parse_platform_spec, platform_spec
from unveil.extract.payments import PaymentExtractor

__all__ = ["TARGETS", "PatternError", "load_user_extractors", "merged_pattern_data", "pattern_files"]

#: Which packaged file (and extractor) a user's file extends, by the last part of its name.
TARGETS: tuple[str, ...] = ("emails", "handles", "payments")
_SUFFIXES = (".yaml", ".yml")
_KEY_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _target(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            last = stem.rsplit(".", 1)[-1]
            return last if last in TARGETS else None
    return None


def pattern_files(sources: Iterable[str | Path]) -> dict[str, list[Path]]:
    """The user's files per target (``emails``, ``handles``, ``payments``), in the order given.

    Raises:
        PatternError: A path does not exist, a folder holds no pattern file, or a file's name does not say
            which extractor it is for.
    """
    out: dict[str, list[Path]] = {}
    names = ", ".join(f"{t}.yaml" for t in TARGETS)
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in _SUFFIXES)
            if not files:
                raise PatternError(str(path), "(folder)", f"holds no .yaml pattern file (expected {names})")
        elif path.is_file():
            files = [path]
        else:
            raise PatternError(str(path), "(file)", "does not exist")
        for file in files:
            target = _target(file)
            if target is None:
                raise PatternError(
                    str(file), "(file name)",
                    f"must say which patterns it adds to: name it {names}, or end its name in "
                    f"{', '.join(f'.{t}.yaml' for t in TARGETS)} (e.g. polish.handles.yaml)",
                )
            out.setdefault(target, []).append(file)
    return out


def _merge(base: Any, extra: Any) -> Any:
    """``extra`` laid over ``base``: mappings merged, lists appended without duplicates, else ``extra``."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for k, v in extra.items():
            merged[k] = _merge(base[k], v) if k in base else v
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        out = list(base)
        seen = {repr(x) for x in out}
        for x in extra:
            if repr(x) not in seen:
                seen.add(repr(x))
                out.append(x)
        return out
    return extra


def _line_of(path: Path, key: str) -> int | None:
    """The 1-based line of the dotted ``key`` (``platforms.kik.name.min``, ``at_words.strong.fr[2]``) in
    ``path``, or of the deepest part of it the file has; None when the file does not mention it."""
    if key.startswith("("):
        return None
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    line = None
    for m in _KEY_PART.finditer(key):
        name, index = m.group(1), m.group(2)
        nxt = None
        if name is not None and isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and str(k.value) == name:
                    nxt, line = v, k.start_mark.line + 1
                    break
        elif index is not None and isinstance(node, yaml.SequenceNode) and int(index) < len(node.value):
            nxt = node.value[int(index)]
            line = nxt.start_mark.line + 1
        if nxt is None:
            break
        node = nxt
    return line


def merged_pattern_data(target: str, files: Sequence[Path]) -> tuple[str, Any]:
    """``(label, data)``: the packaged ``<target>.yaml`` extended by ``files`` (see the module docstring).

    Raises:
        PatternError: A file cannot be read, is not YAML or is not a mapping at the top level.
    """
    _, data = read_pattern_file(f"{target}.yaml")
    for file in files:
        label, extra = read_pattern_file(file)
        if extra is None:
            raise PatternError(label, TOP, "the file is empty (expected a mapping such as the packaged "
                               f"{target}.yaml)")
        if not isinstance(extra, dict):
            raise PatternError(label, TOP, f"must be a mapping (key: value), not {type(extra).__name__}")
        data = _merge(data, extra)
    return " + ".join(str(f) for f in files), data


def _checked(target: str, files: Sequence[Path], parse: Callable[[str, Any], Any]) -> Any:
    """Parse the merged data; an error is reported against the user's file (and line) that holds the key."""
    label, data = merged_pattern_data(target, files)
    try:
        return parse(label, data)
    except PatternError as exc:
        for file in reversed(files):  # the last file that mentions the key set its value
            line = _line_of(file, exc.key)
            if line is not None:
                raise PatternError(f"{file}:{line}", exc.key, exc.problem) from None
        raise PatternError(label, exc.key, exc.problem) from None


def load_user_extractors(sources: Iterable[str | Path]) -> tuple[Extractor, ...]:
    """The built-in extractors with the email, handle and payment patterns extended by ``sources``.

    Args:
        sources: Files or folders of YAML pattern files (see the module docstring).

    Raises:
        PatternError: Anything wrong in a file; the message names the file, the line and the key.
    """
    files = pattern_files(sources)
    overrides: dict[str, Extractor] = {}
    if "emails" in files:
        overrides["emails"] = EmailExtractor(_checked("emails", files["emails"], parse_email_patterns))
    handles = _checked("handles", files["handles"], parse_platform_spec) if "handles" in files else None
    payments = _checked("payments", files["payments"], parse_platform_spec) if "payments" in files else None
    handle_spec = handles or platform_spec("handles.yaml")
    payment_spec = payments or platform_spec("payments.yaml")
    if handles is not None or payments is not None:
        # Each scanner is blocked by the other's platform words ("Snap / Venmo: @anna"), new ones included.
        overrides["handles"] = HandleExtractor(handle_spec, blockers=payment_spec.full_cues)
        overrides["payments"] = PaymentExtractor(payment_spec, blockers=handle_spec.full_cues)
    return default_extractors(**overrides)
