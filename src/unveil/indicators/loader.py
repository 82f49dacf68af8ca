"""Loading and validating rulebook files.

The default rulebook ships as package data (``data/rules.yaml`` and
``data/languages.yaml``).  User files use the same format and are applied in
order: a rule with a new id is added; a rule whose id exists must say
``override: true`` and then replaces the keys it gives (``enabled: false``
switches a rule off; giving any of ``phrases``, ``patterns``, ``emoji`` or
``condition`` replaces how the rule matches as a whole).  Every problem is
reported with the file, the line, the rule id and what is wrong, all problems
of a file at once, because a user fixing a rules file wants the full list.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from .conditions import validate_condition
from .matcher import compile_pattern
from .model import GRADES, Category, Condition, Language, Rule, RulebookError
from .phrases import TOKEN_RE, PhraseError, expand, phrase_tokens
from .rulebook import Rulebook
from .yamlsource import LinedDict, LinedList, YamlSyntaxError, line_of, load_yaml

__all__ = ["default_rulebook", "load_rulebook"]

_ID_RE = regex.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*")
_LANG_RE = regex.compile(r"[a-z]{2,3}")
# A group ending in a quantifier (possibly followed by optional atoms, as in "(\w+\s?)*"), itself
# quantified: the classic catastrophic-backtracking shape.
_NESTED_QUANTIFIER = regex.compile(r"\((?:[^()\\]|\\.)*[+*}](?:(?:\\.|\[[^\]]*\]|[^()\\])[?*])*\)[+*{]")
_RULE_KEYS = (
    "id",
    "category",
    "grade",
    "weight",
    "description",
    "source",
    "languages",
    "phrases",
    "patterns",
    "exclude",
    "emoji",
    "condition",
    "negatable",
    "override",
    "enabled",
)
# Keys that say how a rule matches; an override giving one of the first four replaces them all.
_MATCH_KEYS = ("phrases", "patterns", "emoji", "condition", "exclude", "languages")
_FILE_KEYS = ("version", "scoring", "categories", "sources", "languages", "negation_window", "rules")
_SCORING_KEYS = ("minor_risk_floor", "scale")
_MAX_WEIGHT = 10.0
_BOOLEAN_HINT = " (YAML reads unquoted no/yes/on/off as booleans: quote it)"


@cache
def default_rulebook() -> Rulebook:
    """The rulebook shipped with unveil (loaded once, then cached)."""
    return _Builder(include_default=True).build()


def load_rulebook(*user_files: str | Path, include_default: bool = True) -> Rulebook:
    """The default rulebook (unless ``include_default=False``) plus each user file, in order.

    Raises :class:`RulebookError` naming the file, line, rule id and problem.
    """
    if include_default and not user_files:
        return default_rulebook()
    builder = _Builder(include_default=include_default)
    for path in user_files:
        builder.add_user_file(Path(path))
    return builder.build()


def _data_text(name: str) -> str:
    return (resources.files(__package__) / "data" / name).read_text(encoding="utf-8")


@dataclass
class _Raw:
    """A rule declaration before validation, with where each key came from."""

    data: dict[str, Any]
    line: int
    file: str
    key_lines: dict[str, int] = field(default_factory=dict)
    key_files: dict[str, str] = field(default_factory=dict)

    def where(self, key: str | None = None) -> str:
        if key is not None and key in self.key_lines:
            return f"{self.key_files.get(key, self.file)}:{self.key_lines[key]}"
        return f"{self.file}:{self.line}"


class _Builder:
    def __init__(self, include_default: bool) -> None:
        self.version = "0"
        self.versions: list[str] = []
        self.categories: dict[str, Category] = {}
        self.sources: dict[str, str] = {}
        self.languages: dict[str, Language] = {}
        self.negation_window = 4
        self.minor_risk_floor = 80.0
        self.score_scale = 5.0
        self.raws: dict[str, tuple[_Raw, Rule]] = {}
        self.errors: list[str] = []
        self._load("unveil/indicators/data/languages.yaml", _data_text("languages.yaml"), default=True)
        rules_text = _data_text("rules.yaml")
        if include_default:
            self._load("unveil/indicators/data/rules.yaml", rules_text, default=True)
        else:
            # Keep the shipped categories, sources and scoring, without the rules.
            document = load_yaml(rules_text)
            document.pop("rules", None)
            self._apply("unveil/indicators/data/rules.yaml", document, default=True)
        self._raise()

    def add_user_file(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RulebookError(f"{path}: cannot read rulebook file: {exc}") from exc
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        self.versions.append(f"{path.stem}.{digest}")
        self._load(str(path), text, default=False)
        self._raise()

    def _raise(self) -> None:
        if self.errors:
            errors, self.errors = self.errors, []
            raise RulebookError(errors)

    def _load(self, name: str, text: str, default: bool) -> None:
        try:
            document = load_yaml(text)
        except YamlSyntaxError as exc:
            self.errors.append(f"{name}:{exc.line}: {exc}")
            return
        if document is None:
            return
        if not isinstance(document, LinedDict):
            self.errors.append(f"{name}:{line_of(document) or 1}: a rulebook file must be a mapping")
            return
        self._apply(name, document, default)

    def _err(self, name: str, line: int, message: str, rule_id: str | None = None) -> None:
        prefix = f"{name}:{line}: " + (f"rule {rule_id!r}: " if rule_id is not None else "")
        self.errors.append(prefix + message)

    def _apply(self, name: str, doc: LinedDict, default: bool) -> None:
        for key in doc:
            if key not in _FILE_KEYS:
                self._err(name, doc.line_of(key), f"unknown top-level key {key!r}{_suggest(key, _FILE_KEYS)}")
        if "version" in doc:
            if isinstance(doc["version"], str | int | float) and not isinstance(doc["version"], bool):
                if default:
                    self.version = str(doc["version"])
            else:
                self._err(name, doc.line_of("version"), "version must be a string such as '2025.1'")
        self._apply_settings(name, doc)
        self._apply_categories(name, doc.get("categories"), doc.line_of("categories"))
        self._apply_sources(name, doc.get("sources"), doc.line_of("sources"))
        self._apply_languages(name, doc.get("languages"), doc.line_of("languages"))
        rules = doc.get("rules")
        if rules is None:
            return
        if not isinstance(rules, LinedList):
            self._err(name, doc.line_of("rules"), "rules must be a list of rules")
            return
        for index, item in enumerate(rules):
            if not isinstance(item, LinedDict):
                self._err(name, rules.line_of(index), "each rule must be a mapping with an id")
                continue
            self._add_raw(name, item)

    def _apply_settings(self, name: str, doc: LinedDict) -> None:
        window = doc.get("negation_window")
        if window is not None:
            if isinstance(window, int) and not isinstance(window, bool) and 1 <= window <= 10:
                self.negation_window = window
            else:
                self._err(name, doc.line_of("negation_window"), "negation_window must be an integer 1..10")
        scoring = doc.get("scoring")
        if scoring is None:
            return
        if not isinstance(scoring, LinedDict):
            self._err(name, doc.line_of("scoring"), "scoring must be a mapping")
            return
        for key, value in scoring.items():
            if key not in _SCORING_KEYS:
                self._err(name, scoring.line_of(key), f"unknown scoring setting {key!r}{_suggest(key, _SCORING_KEYS)}")
            elif key == "minor_risk_floor":
                if not _number(value) or not 0 <= value <= 100:
                    self._err(name, scoring.line_of(key), "minor_risk_floor must be a number 0..100")
                else:
                    self.minor_risk_floor = float(value)
            elif not _number(value) or not 0 < value <= 100:
                self._err(name, scoring.line_of(key), "scale must be a number above 0 and at most 100")
            else:
                self.score_scale = float(value)

    def _apply_categories(self, name: str, section: Any, line: int) -> None:
        if section is None:
            return
        if not isinstance(section, LinedDict):
            self._err(name, line, "categories must be a mapping of category id to {description, cap}")
            return
        for cat_id, spec in section.items():
            where = section.line_of(cat_id)
            if not isinstance(cat_id, str) or not _ID_RE.fullmatch(cat_id):
                self._err(name, where, f"category id {cat_id!r} must be lower_snake_case")
                continue
            if cat_id in self.categories:
                self._err(name, where, f"category {cat_id!r} is already defined")
                continue
            if not isinstance(spec, LinedDict) or not isinstance(spec.get("description"), str):
                self._err(name, where, f"category {cat_id!r} needs a description")
                continue
            cap = spec.get("cap", 2.0)
            if not _number(cap) or cap <= 0:
                self._err(name, spec.line_of("cap"), f"category {cat_id!r}: cap must be a positive number")
                continue
            extra = set(spec) - {"description", "cap"}
            if extra:
                self._err(name, where, f"category {cat_id!r}: unknown keys {sorted(extra)}")
            self.categories[cat_id] = Category(cat_id, spec["description"].strip(), float(cap))

    def _apply_sources(self, name: str, section: Any, line: int) -> None:
        if section is None:
            return
        if not isinstance(section, LinedDict):
            self._err(name, line, "sources must be a mapping of source key to citation")
            return
        for key, citation in section.items():
            where = section.line_of(key)
            if not isinstance(key, str) or not isinstance(citation, str) or not citation.strip():
                self._err(name, where, f"source {key!r} must map a key to a citation string")
            elif key in self.sources:
                self._err(name, where, f"source {key!r} is already defined")
            else:
                self.sources[key] = " ".join(citation.split())

    def _apply_languages(self, name: str, section: Any, line: int) -> None:
        if section is None:
            return
        if not isinstance(section, LinedDict):
            self._err(name, line, "languages must be a mapping of language code to {name, negation}")
            return
        for code, spec in section.items():
            where = section.line_of(code)
            if not isinstance(code, str) or not _LANG_RE.fullmatch(code):
                self._err(name, where, f"language code {code!r} must be 2-3 lower-case letters (ISO 639)")
                continue
            if not isinstance(spec, LinedDict):
                self._err(name, where, f"language {code!r} must be a mapping with name and negation")
                continue
            words = spec.get("negation", [])
            if not isinstance(words, list):
                self._err(name, spec.line_of("negation"), _list_of_strings("negation", words))
                continue
            if not all(isinstance(w, str) for w in words):
                for index, word in enumerate(words):
                    if not isinstance(word, str):
                        line = words.line_of(index) if isinstance(words, LinedList) else spec.line_of("negation")
                        hint = _BOOLEAN_HINT if isinstance(word, bool) else ""
                        self._err(name, line, f"language {code!r}: negation item {word!r} is not a string{hint}")
                continue
            folded = frozenset(t for w in words for t in phrase_tokens_safe(w))
            known = self.languages.get(code)
            lang_name = spec.get("name", known.name if known else code)
            if not isinstance(lang_name, str):
                self._err(name, spec.line_of("name"), f"language {code!r}: name must be a string")
                continue
            self.languages[code] = Language(code, lang_name, folded | (known.negation if known else frozenset()))

    # ------------------------------------------------------------------------------------------ rules

    def _add_raw(self, name: str, item: LinedDict) -> None:
        rule_id = item.get("id")
        if not isinstance(rule_id, str) or not _ID_RE.fullmatch(rule_id):
            self._err(name, item.line, f"rule id {rule_id!r} must be dotted lower_snake_case, e.g. 'movement.new'")
            return
        override = item.get("override", False)
        if not isinstance(override, bool):
            self._err(name, item.line_of("override"), "override must be true or false", rule_id)
            return
        lines = dict(item.key_lines)
        raw = _Raw(dict(item), item.line, name, lines, dict.fromkeys(lines, name))
        raw.data.pop("override", None)
        existing = self.raws[rule_id][0] if rule_id in self.raws else None
        if existing is not None and not override:
            self._err(
                name,
                item.line,
                f"duplicate rule id (first declared at {existing.where()}); "
                "add `override: true` to replace it",
                rule_id,
            )
            return
        if existing is None and override:
            self._err(name, item.line_of("override"), "override: true, but no earlier rule has this id", rule_id)
            return
        if existing is not None:
            inherited = dict(existing.data)
            if any(key in raw.data for key in _MATCH_KEYS[:4]):
                # New matching replaces the old as a whole: phrases of a dropped language must not linger.
                for key in _MATCH_KEYS:
                    inherited.pop(key, None)
            merged = _Raw(
                {**inherited, **raw.data},
                raw.line,
                name,
                {**existing.key_lines, **raw.key_lines},
                {**existing.key_files, **raw.key_files},
            )
            raw = merged
        rule = self._rule(rule_id, raw)
        if rule is not None:
            self.raws[rule_id] = (raw, rule)

    def build(self) -> Rulebook:
        self._raise()
        rules = [rule for _, rule in self.raws.values()]
        version = "+".join([self.version, *self.versions])
        return Rulebook(
            version,
            rules,
            self.categories,
            self.sources,
            self.languages,
            self.negation_window,
            self.minor_risk_floor,
            self.score_scale,
        )

    def _rule(self, rule_id: str, raw: _Raw) -> Rule | None:
        """Validate one declaration; record errors and return None if invalid."""
        before = len(self.errors)
        data = raw.data

        def err(key: str | None, message: str) -> None:
            self.errors.append(f"{raw.where(key)}: rule {rule_id!r}: {message}")

        for key in data:
            if key not in _RULE_KEYS:
                err(key, f"unknown key {key!r}{_suggest(key, _RULE_KEYS)}")
        for key in ("category", "grade", "weight", "description", "source"):
            if key not in data:
                err(None, f"missing required key {key!r}")
        category: Any = data.get("category")
        grade: Any = data.get("grade")
        weight: Any = data.get("weight")
        if "category" in data and category not in self.categories:
            err("category", f"unknown category {category!r}{_suggest(category, self.categories)}")
        if "grade" in data and grade not in GRADES:
            err("grade", f"grade must be one of {', '.join(GRADES)}, not {grade!r}")
        if "weight" in data and not (_number(weight) and 0 <= weight <= _MAX_WEIGHT):
            err("weight", f"weight must be a number from 0 to {_MAX_WEIGHT:g}, not {weight!r}")
        description: Any = data.get("description")
        if "description" in data and (
            not isinstance(description, str) or not description.strip() or "\n" in description.strip()
        ):
            err("description", "description must be a non-empty, one-line string")
        sources: Any = data.get("source")
        source_list: Any = [sources] if isinstance(sources, str) else sources
        if "source" in data:
            if not isinstance(source_list, list) or not source_list:
                err("source", "source must be a source key or a list of source keys")
                source_list = []
            for key in source_list:
                if key not in self.sources:
                    err("source", f"unknown source {key!r}; declare it under `sources:`{_suggest(key, self.sources)}")
        for key in ("negatable", "enabled"):
            if key in data and not isinstance(data[key], bool):
                err(key, f"{key} must be true or false")

        phrases = self._lang_lists(err, data, "phrases", raw)
        exclude = self._lang_lists(err, data, "exclude", raw)
        patterns = self._lang_lists(err, data, "patterns", raw)
        emoji = self._emoji(err, data.get("emoji"))
        condition = self._condition(err, data.get("condition"))
        if condition is not None and (phrases or patterns or emoji):
            err("condition", "a rule matches either text (phrases, patterns, emoji) or a condition, not both")
        if condition is None and not (phrases or patterns or emoji) and "condition" not in data:
            err(None, "a rule needs phrases, patterns, emoji or a condition")
        if exclude and not phrases and not patterns:
            err("exclude", "exclude only applies to rules with phrases or patterns")
        for lang, items in patterns.items():
            for index, pattern in enumerate(items):
                problem = _pattern_problem(pattern)
                if problem:
                    self.errors.append(
                        f"{raw.key_files.get('patterns', raw.file)}:{_item_line(data['patterns'], lang, index)}: "
                        f"rule {rule_id!r}: pattern {pattern!r} ({lang}): {problem}"
                    )
        derived = sorted(set(phrases) | set(patterns)) or ["*"]
        declared = data.get("languages")
        if declared is not None:
            if not isinstance(declared, list) or not all(isinstance(x, str) for x in declared):
                err("languages", _list_of_strings("languages", declared))
            elif sorted(set(declared)) != derived:
                err("languages", f"languages {sorted(set(declared))} do not match the languages used {derived}")
        if len(self.errors) > before:
            return None
        return Rule(
            id=rule_id,
            category=category,
            grade=grade,
            weight=float(weight),
            description=" ".join(description.split()),
            source=tuple(source_list),
            languages=tuple(derived),
            phrases=phrases,
            patterns=patterns,
            exclude=exclude,
            emoji=emoji,
            condition=condition,
            negatable=bool(data.get("negatable", False)),
            enabled=bool(data.get("enabled", True)),
            origin=raw.where(),
        )

    def _lang_lists(self, err: Any, data: dict[str, Any], key: str, raw: _Raw) -> dict[str, tuple[str, ...]]:
        section = data.get(key)
        if section is None:
            return {}
        if not isinstance(section, LinedDict):
            err(key, f"{key} must map a language code (or '*') to a list of strings")
            return {}
        out: dict[str, tuple[str, ...]] = {}
        for lang, items in section.items():
            if lang != "*" and lang not in self.languages:
                known = ", ".join(sorted(self.languages))
                err(key, f"unknown language {lang!r} in {key} (known: {known}; add it under `languages:`)")
                continue
            values = [items] if isinstance(items, str) else items
            if not isinstance(values, list) or not values:
                err(key, f"{key} for {lang!r} must be a non-empty list of strings")
                continue
            good: list[str] = []
            for index, value in enumerate(values):
                line = values.line_of(index) if isinstance(values, LinedList) else section.line_of(lang)
                location = f"{raw.key_files.get(key, raw.file)}:{line}"
                if not isinstance(value, str):
                    hint = _BOOLEAN_HINT if isinstance(value, bool) else ""
                    self.errors.append(
                        f"{location}: rule {data.get('id')!r}: {key} item {value!r} is not a string{hint}"
                    )
                    continue
                if key != "patterns":
                    try:
                        for variant in expand(value):
                            phrase_tokens(variant)
                    except PhraseError as exc:
                        self.errors.append(f"{location}: rule {data.get('id')!r}: {key} {value!r}: {exc}")
                        continue
                good.append(value)
            out[lang] = tuple(good)
        return out

    def _emoji(self, err: Any, items: Any) -> tuple[str, ...]:
        if items is None:
            return ()
        values = [items] if isinstance(items, str) else items
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            err("emoji", _list_of_strings("emoji", items))
            return ()
        for value in values:
            if TOKEN_RE.search(value):
                err("emoji", f"emoji {value!r} contains letters or digits; use phrases or patterns for words")
        return tuple(values)

    def _condition(self, err: Any, spec: Any) -> Condition | None:
        if spec is None:
            return None
        if not isinstance(spec, LinedDict) or "type" not in spec:
            err("condition", "condition must be a mapping with a `type`")
            return None
        params = {k: v for k, v in spec.items() if k != "type"}
        problems = validate_condition(spec["type"], params)
        for problem in problems:
            err("condition", problem)
        return None if problems else Condition(spec["type"], params)


def _item_line(section: Any, lang: str, index: int) -> int:
    items = section.get(lang) if isinstance(section, LinedDict) else None
    if isinstance(items, LinedList):
        return items.line_of(index)
    return line_of(section, lang)


def _pattern_problem(pattern: str) -> str | None:
    if _NESTED_QUANTIFIER.search(pattern):
        return "nested quantifiers such as (a+)+ can backtrack catastrophically; rewrite it"
    try:
        compiled = compile_pattern(pattern)
    except regex.error as exc:
        return f"invalid regular expression: {exc}"
    if compiled.fullmatch("") is not None:
        return "the pattern matches an empty string"
    return None


def phrase_tokens_safe(word: str) -> list[str]:
    """Folded words of a negation cue (empty on malformed input)."""
    try:
        return list(phrase_tokens(word))
    except PhraseError:
        return []


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _list_of_strings(key: str, value: Any) -> str:
    return f"{key} must be a list of strings, not {value!r}"


def _suggest(word: Any, choices: Any) -> str:
    if not isinstance(word, str):
        return ""
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
