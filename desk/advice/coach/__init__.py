"""The reply coach: checks a draft public reply against the team's reply rules."""

from desk.advice.coach.check import (
    AVOID_RULES, MAX_WORDS, MISSING_RULES, RULES, CoachResult, Finding, check_reply,
)
from desk.advice.coach.promise import OFFER_KINDS
from desk.advice.coach.text import find, rx, word_count

__all__ = ["AVOID_RULES", "MAX_WORDS", "MISSING_RULES", "OFFER_KINDS", "RULES", "CoachResult",
           "Finding", "check_reply", "find", "rx", "word_count"]
