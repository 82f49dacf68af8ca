"""The indicator rulebook as the CLI uses it, and the descriptions shown next to each flag."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from unveil.per_ad import RuleEvaluator

log = logging.getLogger("unveil.web")


def load_rules() -> RuleEvaluator | None:
    """The default rulebook, or ``None`` when this build has none (flags are then not computed)."""
    try:
        from unveil.indicators import default_rulebook  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    try:
        rules: RuleEvaluator = default_rulebook()
    except Exception as exc:  # a broken rulebook must not keep the workspace from starting
        log.warning("indicator rulebook not loaded (%s); screening runs without flags", type(exc).__name__)
        return None
    return rules


class RuleCatalogue:
    """Looks up a rule's description, grade and sources for explanations."""

    def __init__(self, rules: RuleEvaluator | None) -> None:
        self._rules = rules
        self.info = lru_cache(maxsize=4096)(self._info)

    def _info(self, rule_id: str) -> dict[str, Any] | None:
        lookup = getattr(self._rules, "rule", None)
        if lookup is None:
            return None
        try:
            rule = lookup(rule_id)
        except (KeyError, LookupError):
            return None
        sources = getattr(rule, "source", ()) or ()
        return {
            "description": getattr(rule, "description", "") or "",
            "grade": getattr(rule, "grade", "") or "",
            "source": "; ".join(sources) if isinstance(sources, list | tuple) else str(sources),
        }
