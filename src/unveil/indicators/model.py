"""Value types of the rulebook: grades, categories, languages, rules, errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "GRADES",
    "GRADE_ORDER",
    "Category",
    "Condition",
    "Language",
    "Rule",
    "RulebookError",
]

# How much of a rule's weight counts towards the ad score, by strength of evidence.
GRADES: dict[str, float] = {
    "outcome_validated": 1.0,  # predicted known case outcomes in a study with a comparison group
    "expert_consensus": 0.6,  # standard indicator lists (UNODC, Polaris), domain-expert agreement
    "practitioner_heuristic": 0.3,  # used by practitioners or research tools, never validated
    "contradicted_by_evidence": 0.0,  # tested and found not predictive or inverted: shown, never scored
}
GRADE_ORDER: tuple[str, ...] = tuple(GRADES)


def minor_risk_evidence(count: int) -> str:
    """How an ad's or a network's reasons state its ``count`` of minor-risk evidence."""
    return f"{count} piece{'' if count == 1 else 's'} of evidence of a possible minor (review first)"


class RulebookError(ValueError):
    """An invalid rulebook file.

    ``str(error)`` lists every problem found, one per line, each as
    ``file:line: rule 'id': what is wrong``.  ``errors`` holds the same lines.
    """

    def __init__(self, errors: list[str] | str) -> None:
        self.errors: list[str] = [errors] if isinstance(errors, str) else list(errors)
        super().__init__("\n".join(self.errors))


@dataclass(frozen=True, slots=True)
class Category:
    """An indicator category: ``cap`` bounds its contribution to the ad score."""

    id: str
    description: str
    cap: float


@dataclass(frozen=True, slots=True)
class Language:
    """A language the rulebook knows: its name and the words that negate a following phrase."""

    code: str
    name: str
    negation: frozenset[str]


@dataclass(frozen=True, slots=True)
class Condition:
    """A condition on extracted entities or structured fields (see :mod:`.conditions`)."""

    type: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Rule:
    """One indicator rule, as declared in a rulebook file.

    ``phrases``, ``patterns`` and ``exclude`` map a language code (or ``"*"``)
    to its phrases or regular expressions; ``emoji`` lists symbols matched
    anywhere; ``condition`` reads entities instead of text.  ``origin`` is the
    ``file:line`` where the rule was declared (or last overridden).
    """

    id: str
    category: str
    grade: str
    weight: float
    description: str
    source: tuple[str, ...]
    languages: tuple[str, ...]
    phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    emoji: tuple[str, ...] = ()
    condition: Condition | None = None
    negatable: bool = False
    enabled: bool = True
    origin: str = ""

    @property
    def multiplier(self) -> float:
        """The grade multiplier (see :data:`GRADES`)."""
        return GRADES[self.grade]

    @property
    def kind(self) -> str:
        """How the rule matches: ``text``, ``emoji`` or ``condition``."""
        if self.condition is not None:
            return "condition"
        if self.phrases or self.patterns:
            return "text"
        return "emoji"
