"""One comparator per kind of value, all behind `base.Comparator`."""

from diffing.comparators.base import Comparator, Side
from diffing.comparators.choices import CHOICES
from diffing.comparators.dates import DATES
from diffing.comparators.sequences import SEQUENCES
from diffing.comparators.sets import SETS
from diffing.comparators.spans import DURATIONS, QUANTITIES
from diffing.comparators.texts import TEXTS
from proposals.model import Kind

COMPARATORS: dict[Kind, Comparator] = {
    Kind.DURATION: DURATIONS,
    Kind.QUANTITY: QUANTITIES,
    Kind.SET: SETS,
    Kind.CHOICE: CHOICES,
    Kind.DATE: DATES,
    Kind.TEXT: TEXTS,
    Kind.SEQUENCE: SEQUENCES,
}

__all__ = ["COMPARATORS", "Comparator", "Side"]
