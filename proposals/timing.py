"""Reading when a clause takes effect (`when:`, a phase's `starts:`) and its conditions.

Times are windows of days relative to an anchor: the agreement's entry into force (day
0), the calendar, or another event of the same proposal (a phase, a step of the
settlement, a topic). The parser leaves a reference as the words written; the loader
resolves them against the file (`resolve_target`), so that a misspelt reference gets
its place and a suggestion.

    on signing                                   day 0
    day 7 · on the 7th day                        day 7
    by day 50 · within 14 days · no later than day 5   days 0 to 50
    from day 2 to day 16 · days 2-16              days 2 to 16
    from day 2, within 14 days                    days 2 to 16
    from day 3                                    day 3 onwards
    5 days after <event> · the 5th day after <event>          5 days after it ends
    no later than the 5th day after <event> · within 5 days of <event>   0 to 5 days after
    from the first day after <event>              1 day after it, onwards
    after <event> · before <event> · on <event>
    2015-02-15 · 2015-02-15T00:00+02:00           a calendar day
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import chain

from proposals.model import Condition, When
from proposals.registry import CUSTOM_KEY, Registry, normalize_word
from proposals.suggestions import listed, suggest
from proposals.values import (
    LONGEST_HOURS,
    LONGEST_YEARS,
    NUMBER_WORDS,
    ValueProblem,
    clipped,
    duration_span,
    moment,
)

DAY_ZERO = frozenset({"signing", "on signing", "at signing", "upon signing", "entry into force",
                      "on entry into force", "upon entry into force", "immediately", "day 0",
                      "on day 0", "at once", "on the day of signing"})

_DAY_ZERO_EVENTS = frozenset({"signing", "entry into force", "this agreement", "the agreement"})

_ORDINALS = {w: i for i, w in enumerate(
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
    .split())} | {"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                  "ninetieth": 90, "hundredth": 100}
_COUNT = r"(?:\d+(?:\.\d+)?|[a-z]+)"
_ORDINAL = r"(?:\d+(?:st|nd|rd|th)|[a-z]+)"
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_FILLER = re.compile(r"^(?:the|a|an|its|their|of)\s+")

_DATED = re.compile(r"^(?:(?P<word>on|by|no later than|not later than|from|as of|starting|"
                    r"before|until) )?(?P<date>\d{4}-\d{2}-\d{2}\S*)$")
_DATE_WORDS = {"on": None, None: None, "by": "by", "no later than": "by", "not later than": "by",
               "until": "by", "from": "from", "as of": "from", "starting": "from",
               "before": "before"}
STRICT_DAYS = 1e-6
"""`before X` ends just before X: too little to show, enough to order the two."""

_EXAMPLES = ("'day 7', 'by day 50', 'from day 2 to day 16', '5 days after withdrawal', "
             "'after elections', 'on signing' or a date")

# (pattern, builder) pairs, tried in order; each builder gets the match and returns
# (anchor words or None for day 0, relation, low, high).
Shape = tuple[str | None, str, float | None, float | None]


LATEST_DAY = LONGEST_HOURS / 24
"""The most days a time may count (a million years): `day 1e20` is an error, not a far day."""


def _count(text: str) -> float:
    """A number of days written as digits, a number word or an ordinal (`5`, `five`, `5th`)."""
    digits = _ORDINAL_DIGITS.match(text)
    if _NUMBER.match(text) or digits:
        days = float(digits[1] if digits else text)
        if days > LATEST_DAY:
            raise ValueProblem(f"{clipped(text)} is more days than a time may count: at most "
                               f"{LATEST_DAY:,.0f} ({LONGEST_YEARS:,} years)")
        return days
    if text in _ORDINALS:
        return float(_ORDINALS[text])
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    raise ValueProblem(f"{text!r} is not a number of days")


def _days(amount: str) -> float:
    """`14 days`, `2 weeks`, `72 hours` in days."""
    span = duration_span(amount)
    if span.low != span.high:
        raise ValueProblem(f"{amount!r} is a range; a time needs one length")
    return span.low / 24


_UNIT = r"(?:minutes?|hours?|days?|weeks?|months?|years?|h|d)"
_LENGTH = rf"{_COUNT}(?:-| ){_UNIT}"

_PATTERNS: list[tuple[re.Pattern[str], object]] = []


def _shape(pattern: str):
    def register(builder):
        _PATTERNS.append((re.compile(rf"^{pattern}$"), builder))
        return builder
    return register


@_shape(rf"(?:on |at )?(?:the )?day (?P<n>{_COUNT})")
def _on_day(m: re.Match[str]) -> Shape:
    return None, "at", _count(m["n"]), _count(m["n"])


@_shape(rf"(?:on |at )?the (?P<n>{_ORDINAL}) day")
def _on_nth_day(m: re.Match[str]) -> Shape:
    return None, "at", _count(m["n"]), _count(m["n"])


@_shape(rf"(?:by|no later than|not later than|before the end of) (?:the )?day (?P<n>{_COUNT})")
def _by_day(m: re.Match[str]) -> Shape:
    return None, "at", 0.0, _count(m["n"])


@_shape(rf"(?:by|no later than|not later than) the (?P<n>{_ORDINAL}) day")
def _by_nth_day(m: re.Match[str]) -> Shape:
    return None, "at", 0.0, _count(m["n"])


@_shape(rf"within (?P<len>{_LENGTH})")
def _within(m: re.Match[str]) -> Shape:
    return None, "at", 0.0, _days(m["len"])


@_shape(rf"(?:from|between) (?:the )?day (?P<a>{_COUNT}) (?:to|until|till|and|through) "
        rf"(?:the )?day (?P<b>{_COUNT})")
def _from_to(m: re.Match[str]) -> Shape:
    return _window(_count(m["a"]), _count(m["b"]))


@_shape(rf"days? (?P<a>{_COUNT}) ?(?:-|to) ?(?P<b>{_COUNT})")
def _days_range(m: re.Match[str]) -> Shape:
    return _window(_count(m["a"]), _count(m["b"]))


@_shape(rf"(?:from|starting(?: on| from)?|as of|beginning(?: on)?) (?:the )?day (?P<a>{_COUNT}),? "
        rf"(?:and )?(?:within|for|lasting) (?P<len>{_LENGTH})")
def _from_within(m: re.Match[str]) -> Shape:
    start = _count(m["a"])
    return None, "at", start, start + _days(m["len"])


@_shape(rf"(?:from|starting(?: on| from)?|as of|beginning(?: on)?) (?:the )?day (?P<a>{_COUNT})")
def _from_day(m: re.Match[str]) -> Shape:
    return None, "at", _count(m["a"]), None


@_shape(rf"(?:from|starting(?: on| from)?|as of|beginning(?: on)?) the (?P<a>{_ORDINAL}) day")
def _from_nth_day(m: re.Match[str]) -> Shape:
    return None, "at", _count(m["a"]), None


@_shape(rf"(?:on |at )?(?:the )?(?P<n>{_ORDINAL}) day (?:after|following) (?P<x>.+)")
def _nth_day_after(m: re.Match[str]) -> Shape:
    return m["x"], "after", _count(m["n"]), _count(m["n"])


@_shape(rf"(?P<len>{_LENGTH}) (?:after|following) (?P<x>.+)")
def _length_after(m: re.Match[str]) -> Shape:
    days = _days(m["len"])
    return m["x"], "after", days, days


@_shape(rf"(?:by|no later than|not later than) the (?P<n>{_ORDINAL}) day of (?P<x>.+)")
def _by_nth_day_of(m: re.Match[str]) -> Shape:
    return m["x"], "start", 0.0, _count(m["n"]) - 1  # the first day of X is the day X starts


@_shape(rf"(?:by|no later than|not later than) (?:the )?(?P<n>{_ORDINAL}) day (?:after|following) "
        rf"(?P<x>.+)")
def _by_nth_day_after(m: re.Match[str]) -> Shape:
    return m["x"], "after", 0.0, _count(m["n"])


@_shape(rf"within (?P<len>{_LENGTH}) (?:after|of|following|from) (?P<x>.+)")
def _within_after(m: re.Match[str]) -> Shape:
    return m["x"], "after", 0.0, _days(m["len"])


@_shape(rf"(?:from|starting(?: on| from)?|as of|beginning(?: on)?) (?:the )?(?P<n>{_ORDINAL}) day "
        rf"(?:after|following) (?P<x>.+)")
def _from_nth_day_after(m: re.Match[str]) -> Shape:
    return m["x"], "after", _count(m["n"]), None


@_shape(r"(?:at|with|on) the (?:start|beginning) of (?P<x>.+)")
def _start_of(m: re.Match[str]) -> Shape:
    return m["x"], "start", 0.0, 0.0


@_shape(r"(?:from|after|starting (?:at|from)|as of) the (?:start|beginning) of (?P<x>.+)")
def _from_start_of(m: re.Match[str]) -> Shape:
    return m["x"], "start", 0.0, None


@_shape(rf"(?:on |at )?(?:the )?(?P<n>{_ORDINAL}) day of (?P<x>.+)")
def _nth_day_of(m: re.Match[str]) -> Shape:
    day = _count(m["n"]) - 1  # the first day of X is the day X starts
    return m["x"], "start", day, day


@_shape(r"(?:after|once|following|upon completion of|after completion of|after the end of) "
        r"(?P<x>.+)")
def _after(m: re.Match[str]) -> Shape:
    return m["x"], "after", 0.0, None


@_shape(r"(?:before|prior to|ahead of|by the start of) (?P<x>.+)")
def _before(m: re.Match[str]) -> Shape:
    return m["x"], "before", None, 0.0


@_shape(r"(?:on|at|with|together with|during|on the day of|the day of|simultaneously with|upon) "
        r"(?P<x>.+)")
def _with(m: re.Match[str]) -> Shape:
    return m["x"], "at", 0.0, 0.0


def _window(low: float, high: float) -> Shape:
    if high < low:
        raise ValueProblem(f"day {low:g} to day {high:g} runs backwards: write the earlier day "
                           "first")
    return None, "at", low, high


def _folded(text: str) -> str:
    text = " ".join(text.casefold().replace("–", "-").replace("—", "-").split())
    return text.rstrip(".").strip()


def parse_when(raw: object) -> When:
    """The window a `when:` (or `starts:`) describes; a reference is left as its words in
    `anchor` (prefixed `ref:`), for the loader to resolve."""
    if not isinstance(raw, str) or not raw.strip():
        raise ValueProblem(f"expected a time such as {_EXAMPLES}")
    text = " ".join(raw.split())
    folded = _folded(text)
    if folded in DAY_ZERO:
        return When(text=text)
    dated = _DATED.match(folded)
    if dated:
        day = moment(text[len(text) - len(dated["date"]):]).day
        low, high = {None: (day, day), "by": (None, day), "from": (day, None),
                     "before": (None, day - STRICT_DAYS)}[_DATE_WORDS.get(dated["word"])]
        return When(text=text, anchor="date", low=low, high=high)
    for pattern, builder in _PATTERNS:
        match = pattern.match(folded)
        if match:
            anchor, relation, low, high = builder(match)  # type: ignore[operator]
            if anchor is not None and _target_words(anchor) in _DAY_ZERO_EVENTS:
                anchor, relation = None, "at"  # `within 30 days of signing`: from day 0
            elif anchor is not None:
                anchor = "ref:" + _target_words(anchor)
            return When(text=text, anchor=anchor, relation=relation, low=low,  # type: ignore[arg-type]
                        high=high)
    raise ValueProblem(f"{raw!r} is not a time this format reads: write e.g. {_EXAMPLES}")


def _target_words(words: str) -> str:
    while _FILLER.match(words):
        words = _FILLER.sub("", words, count=1)
    return words.strip()


class References:
    """What a proposal's references may name: its phases, the registry's topics and the
    steps of the settlement (`after elections`, `after phase-1`, `after
    humanitarian.prisoner_exchange`)."""

    def __init__(self, registry: Registry, phases: tuple[str, ...] = ()) -> None:
        self.registry = registry
        self.phases = phases
        self.steps = registry.steps
        self.phase_ids = frozenset(phases)
        self.phase_words: dict[str, str] = {}  # folded `p1` and `phase p1`: one look-up each
        for phase in phases:
            for words in (phase, "phase " + phase):
                self.phase_words.setdefault(normalize_word(words), phase)

    def resolve(self, words: str) -> str | None:
        """`phase:<id>`, `topic:<key>` or `step:<key>` for what `words` names, or None."""
        plain = words.strip()
        if plain in self.phase_ids:
            return f"phase:{plain}"
        phase = self.phase_words.get(normalize_word(plain))
        if phase is not None:
            return f"phase:{phase}"
        topic = self.registry.resolve(plain)
        if topic is not None:
            return f"topic:{topic.key}"
        if CUSTOM_KEY.match(plain):
            return f"topic:{plain}"
        step = self.steps.resolve(plain)
        if step is not None:
            return f"step:{step}"
        return None

    def event(self, target: str) -> str:
        """The event a reference means, for matching: a topic that is a step of the
        settlement is that step (`humanitarian.prisoner_exchange` is `prisoner-exchange`)."""
        if target.startswith("topic:"):
            topic = self.registry.resolve(target[6:])
            if topic is not None and topic.step is not None:
                return f"step:{topic.step}"
        return target

    def hint(self, words: str) -> str:
        return suggest(words, chain(self.phases, self.steps.words)) or (
            " (name a phase of this file" + (f" ({listed(self.phases)})" if self.phases else "")
            + ", a topic key or a step such as elections, withdrawal, ceasefire)")


def resolve_when(when: When, references: References) -> When:
    """`when` with its reference resolved; raises ValueProblem for one that names nothing."""
    if when.anchor is None or not when.anchor.startswith("ref:"):
        return when
    words = when.anchor[4:]
    found = references.resolve(words)
    if found is None:
        raise ValueProblem(f"{words!r} names no phase, topic or step{references.hint(words)}")
    return replace(when, anchor=found)


_CONDITION = re.compile(
    r"^(?P<rel>after|before|once|following|in exchange for|in return for|upon|provided|if|"
    r"on condition of|on condition that|subject to|only after|unless|until) (?P<x>.+)$")


def parse_condition(text: str, references: References) -> Condition:
    """A condition as written; a reference to an event when its object names one."""
    folded = _folded(text)
    match = _CONDITION.match(folded)
    if match:
        target = references.resolve(_target_words(match["x"]))
        if target is not None:
            relation = {"once": "after", "following": "after", "only after": "after",
                        "upon": "after", "in return for": "in exchange for"}.get(
                match["rel"], match["rel"])
            return Condition(text=text, key=f"{relation} {references.event(target)}",
                             relation=relation, target=target)
    return Condition(text=text, key=" ".join(re.findall(r"\w+", folded)))

