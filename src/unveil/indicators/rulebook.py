"""The compiled rulebook: evaluates every rule on one ad.

A :class:`Rulebook` is built by :mod:`.loader` from validated YAML; it holds
the rules, their categories, sources and languages, and a compiled
:class:`~.matcher.TextMatcher`.  It is plain data plus compiled regexes, so it
pickles and can be sent to worker processes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..types import Entity, Flag
from .conditions import evaluate_condition
from .matcher import TextMatcher
from .model import Category, Language, Rule

__all__ = ["TEXT_FIELDS", "Rulebook"]

# The ad fields text rules read, in reading order.
TEXT_FIELDS: tuple[str, ...] = ("title", "body")


class Rulebook:
    """A validated, compiled set of indicator rules.

    Build one with :func:`~.loader.load_rulebook` or
    :func:`~.loader.default_rulebook`; the constructor trusts its arguments.

    Attributes:
        version: the shipped rulebook's ``version``, plus ``+name.hash`` for each user file applied.
        rules: every rule, including disabled ones (``rule.enabled``).
        categories: category id to :class:`~.model.Category` (description and score cap).
        sources: source key to full citation.
        languages: language code to :class:`~.model.Language` (name and negation cue words).
        negation_window: how many words before a negatable match are searched for a negation cue.
        minor_risk_floor: the lowest ad score an ad with a ``minor_risk`` flag can get.
        score_scale: the ``S`` at which the ad score reaches 63 (see :func:`~.score.score_ad`).
    """

    def __init__(
        self,
        version: str,
        rules: Sequence[Rule],
        categories: Mapping[str, Category],
        sources: Mapping[str, str],
        languages: Mapping[str, Language],
        negation_window: int = 4,
        minor_risk_floor: float = 80.0,
        score_scale: float = 5.0,
    ) -> None:
        self.version = version
        self.rules: list[Rule] = list(rules)
        self.categories: dict[str, Category] = dict(categories)
        self.sources: dict[str, str] = dict(sources)
        self.languages: dict[str, Language] = dict(languages)
        self.negation_window = negation_window
        self.minor_risk_floor = minor_risk_floor
        self.score_scale = score_scale
        self._by_id = {rule.id: rule for rule in self.rules}
        active = [rule for rule in self.rules if rule.enabled]
        self._matcher = TextMatcher([r for r in active if r.kind != "condition"], self.languages, negation_window)
        self._conditions = [rule for rule in active if rule.kind == "condition"]

    def __repr__(self) -> str:
        return f"Rulebook(version={self.version!r}, rules={len(self.rules)})"

    def clear_cache(self) -> None:
        """Forget the fields scanned so far (the matcher keeps recent scans; benchmarks start cold)."""
        self._matcher.clear_cache()

    def keep_scans(self, size: int) -> None:
        """Keep the results of up to ``size`` recent field scans (0: none, and forget those kept).

        A batch run gains from it (titles and reposts recur); a server that screens ads one by one for
        other parties keeps no ad text in memory after answering.
        """
        self._matcher.scan_cache_size = max(0, size)
        if not size:
            self._matcher.clear_cache()

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (``KeyError`` if none)."""
        return self._by_id[rule_id]

    def evaluate(self, ad: Mapping[str, Any], entities: Sequence[Entity] = ()) -> list[Flag]:
        """Every flag the rules raise on one ad, sorted by ``(field, start, rule)``.

        Text rules of every language scan ``title`` and ``body``, because ads
        mix languages; the ad's ``lang`` adds its negation words to those of
        the phrase's language.  Condition rules read ``entities`` and the
        structured ``age`` field.  Malformed input yields fewer flags, never an
        exception: one bad ad must not stop a corpus run.

        Args:
            ad: mapping with optional ``title``, ``body``, ``lang``, ``country``, ``age``.
            entities: what the extractors found in the ad (any kind; unknown kinds are ignored).

        Returns:
            One flag per rule and span; offsets index the original field text.
        """
        if not isinstance(ad, Mapping):
            return []
        lang = _language_code(ad.get("lang"))
        flags: list[Flag] = []
        for name in TEXT_FIELDS:
            text = ad.get(name)
            if isinstance(text, str) and text:
                flags.extend(self._matcher.scan(name, text, lang))
        if self._conditions:
            try:
                entity_list = [e for e in entities if isinstance(e, Entity)] if entities else []
            except TypeError:
                entity_list = []
            for rule in self._conditions:
                flags.extend(evaluate_condition(rule, ad, entity_list))
        unique = {(f.rule, f.field, f.start, f.end, f.text): f for f in flags}
        return sorted(unique.values(), key=lambda f: (f.field, f.start, f.rule, f.end))


def _language_code(value: Any) -> str | None:
    """``"fr-BE"``, ``"FR"``, ``"fr_BE"`` -> ``"fr"``; anything else -> ``None``."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code or None
