"""The evidence-graded indicator rulebook.

Every flag carries its rule, category, evidence grade, field, offsets into the
original text, the matched text and its weight; ``score_ad`` combines flags
into an explained ad score.  See docs/indicators.md and docs/rules.md.
"""

from .loader import default_rulebook, load_rulebook
from .model import GRADES, Category, Condition, Language, Rule, RulebookError
from .rulebook import Rulebook
from .score import GRADE_MULTIPLIER, AdScore, score_ad

__all__ = [
    "GRADES",
    "GRADE_MULTIPLIER",
    "AdScore",
    "Category",
    "Condition",
    "Language",
    "Rule",
    "Rulebook",
    "RulebookError",
    "default_rulebook",
    "load_rulebook",
    "score_ad",
]
