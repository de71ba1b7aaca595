"""Parsing what an author writes for a clause into a normalised value, one parser per kind.

Parsers take plain data (a string, a list of strings, or a small mapping, as the
YAML file held it) and the topic, and either return a value or raise
`ValueProblem` with a one-line reason; the loader adds the file position.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from collections.abc import Callable, Mapping, Sequence

from proposals.model import Choice, Items, Kind, Moment, Span, Steps, Text, Unspecified, Value
from proposals.registry import Topic, normalize_word, registry
from proposals.spellings import DATE, DATE_TIME, LOCAL_DATE_TIME, calendar_day
from proposals.suggestions import listed, suggest
from proposals.units import Counted, UnitProblem, convert

UNSPECIFIED = "unspecified"
NONE_WORDS = frozenset({"none", "nothing", "no"})

HOURS_PER = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0, "month": 720.0, "year": 8760.0}
DURATION_UNITS = {
    **{w: "minute" for w in ("minute", "minutes", "min", "mins")},
    **{w: "hour" for w in ("hour", "hours", "h", "hr", "hrs")},
    **{w: "day" for w in ("day", "days", "d")},
    **{w: "week" for w in ("week", "weeks", "wk", "wks")},
    **{w: "month" for w in ("month", "months", "mo")},
    **{w: "year" for w in ("year", "years", "yr", "yrs")},
}
LARGEST_NUMBER = 2**53
"""The largest number a quantity may reach in its topic's unit (9,007,199,254,740,992): every
whole number up to it is exact, so a count is never rounded and never read as `unlimited`."""
LONGEST_YEARS = 1_000_000
LONGEST_HOURS = LONGEST_YEARS * HOURS_PER["year"]
"""The longest duration, in hours: a million years (8,760,000,000 hours). Longer is an
error, never `indefinite`; it keeps every time a timeline adds up far from float rounding."""
INFINITE_DURATION = frozenset({"indefinite", "indefinitely", "permanent", "open ended", "unlimited"})
INFINITE_QUANTITY = frozenset({"unlimited", "no limit", "no cap", "uncapped", "no limits"})

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100, "a": 1}
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_AT_LEAST = ("at least", "no less than", "not less than", "minimum of", "minimum", "min", "from",
             "more than", "over")
_AT_MOST = ("at most", "up to", "no more than", "not more than", "maximum of", "maximum", "max",
            "within", "under", "less than")
_ABOUT = ("about", "around", "approximately", "roughly", "some", "~")

_NUMBER = r"(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?|(?:" + "|".join(
    sorted(NUMBER_WORDS, key=len, reverse=True)
) + r")\b"
_MULTIPLIER = "|".join(sorted(_MULTIPLIERS, key=len, reverse=True))
_QUALIFIER = "|".join(re.escape(q) for q in sorted(_AT_LEAST + _AT_MOST + _ABOUT, key=len, reverse=True))
_RANGE = re.compile(
    rf"^(?:(?P<qual>{_QUALIFIER})\s*)?(?:between\s+)?"
    rf"(?P<a>{_NUMBER})(?:\s*(?P<amul>{_MULTIPLIER})\b)?"
    rf"(?:\s*(?:-|to|and)\s*(?P<b>{_NUMBER})(?:\s*(?P<bmul>{_MULTIPLIER})\b)?)?"
    rf"(?:\s*(?P<unit>\S.*?))?$"
)


class ValueProblem(ValueError):
    """Why a written value does not fit its topic; `index` points into a list value."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.index = index


def is_unspecified(raw: object) -> bool:
    return isinstance(raw, str) and normalize_word(raw) == UNSPECIFIED


# --- duration and quantity ------------------------------------------------------------------


def _number(text: str, multiplier: str | None) -> float:
    """The number written, times its multiplier; anything past LARGEST_NUMBER, judged on the
    exact digits (2**53 + 1 would round down in a float), comes back as inf for the caller to
    refuse."""
    word = NUMBER_WORDS.get(text)
    digits = str(word) if word is not None else re.sub(r"[,\s]", "", text)
    value = float(digits)
    scale = _MULTIPLIERS[multiplier] if multiplier else 1.0
    if math.isfinite(value) and Decimal(digits) * Decimal(scale) > LARGEST_NUMBER:
        return math.inf
    return value * scale


Written = tuple[float, float, "str | None", frozenset[str]]
"""A range as written: low, high, the unit words after it, and the multipliers used."""


def _span_text(raw: str, kind: Kind) -> Written:
    """A written range, before units are applied."""
    examples = _EXAMPLES[kind]
    text = " ".join(raw.casefold().replace("–", "-").replace("—", "-").split())
    text = re.sub(r"(\d)-(?=[a-z])", r"\1 ", text)  # "30-day" -> "30 day"
    plus = re.fullmatch(r"(\d[\d,.]*)\s*\+\s*(.*)", text)  # "60+ days", as in notes
    if plus:
        meant = " ".join(("at least", *(part for part in plus.groups() if part)))
        raise ValueProblem(f"{raw!r}: write {meant!r}")
    match = _RANGE.match(text)
    if not match:
        raise ValueProblem(f"{raw!r} is not a number or a range: write e.g. {examples} "
                           "or 'unspecified'")
    qual, unit = match["qual"], match["unit"]
    low = _number(match["a"], match["amul"] or (match["bmul"] if match["b"] else None))
    high = _number(match["b"], match["bmul"]) if match["b"] else low
    if not high <= LARGEST_NUMBER:  # past a float (1e309) reads as inf: never `unlimited`
        raise too_large(clipped(raw), kind)
    if match["b"] and qual and qual not in _ABOUT:
        raise ValueProblem(f"{raw!r} mixes '{qual}' with a range: write one or the other")
    if high < low:
        raise ValueProblem(f"{raw!r} runs backwards: write the smaller number first")
    if qual in _AT_LEAST:
        high = math.inf
    elif qual in _AT_MOST:
        low = 0.0
    return low, high, unit, frozenset(m for m in (match["amul"], match["bmul"]) if m)


def _mapping_span(raw: Mapping[str, object], kind: Kind) -> Written:
    unknown = set(raw) - {"min", "max", "unit"}
    if unknown:
        key = sorted(unknown)[0]
        raise ValueProblem(f"unknown key {key!r} in a range{suggest(key, ['min', 'max', 'unit'])}")
    if "min" not in raw and "max" not in raw:
        raise ValueProblem("a range needs 'min', 'max' or both")

    def bound(name: str, default: float) -> float:
        if name not in raw:
            return default
        text = str(raw[name]).strip().casefold()
        try:
            number = _number(text, None)
        except ValueError:
            raise ValueProblem(f"{name}: {raw[name]!r} is not a number") from None
        if not any(char.isdigit() for char in text):  # inf, nan: words float() reads
            raise ValueProblem(f"{name}: {raw[name]!r} is not a number; for no upper end, "
                               "leave out 'max'")
        if number < 0:
            raise ValueProblem(f"{name}: {raw[name]!r} is negative")
        if number > LARGEST_NUMBER:
            raise too_large(f"{name}: {clipped(str(raw[name]))}", kind)
        return number

    low, high = bound("min", 0.0), bound("max", math.inf)
    if high < low:
        raise ValueProblem(f"min {low:g} is larger than max {high:g}")
    unit = raw.get("unit")
    return low, high, None if unit is None else str(unit), frozenset()


_EXAMPLES = {
    Kind.DURATION: "'30 days', 'at least 30 days', '2-3 days'",
    Kind.QUANTITY: "'1,000', 'at least 1,000', '600,000-800,000'",
}


def _span(kind: Kind, raw: object) -> Written:
    if isinstance(raw, Mapping):
        return _mapping_span(raw, kind)
    if isinstance(raw, str):
        return _span_text(raw, kind)
    raise ValueProblem(f"expected a number or a range such as {_EXAMPLES[kind]}, not a list")


def too_large(written: str, kind: Kind, unit: str = "") -> ValueProblem:
    """The error for a number past what its kind holds, saying the largest and what to write
    for no end."""
    if kind is Kind.DURATION:
        return ValueProblem(f"{written} is longer than {LONGEST_YEARS:,} years, the longest "
                            "duration this format holds; for no end, write 'indefinite'")
    most = f"{LARGEST_NUMBER:,}" + (f" {unit}" if unit else "")
    return ValueProblem(f"{written} is more than {most}, the largest number this format holds; "
                        "for no upper limit, write 'unlimited'")


def _bounded(span: Span, raw: object, kind: Kind, largest: float) -> Span:
    """`span`, refused when a finite end came out past `largest` in the topic's unit (an
    open end, from `at least` or `unlimited`, is infinite by design)."""
    ends = [end for end in (span.low, span.high) if not math.isinf(end)]
    if ends and max(ends) > largest:
        raise too_large(_shown_span(raw), kind, span.unit)
    return span


def _shown_span(raw: object) -> str:
    """A range as named in an error: as written, or its largest end for a mapping."""
    if isinstance(raw, Mapping):
        name = "max" if "max" in raw else "min"
        return f"{name}: {clipped(str(raw[name]))}"
    return clipped(str(raw))


def clipped(text: str, most: int = 40) -> str:
    """`text` quoted, its middle cut when long (a 5,000-digit number stays one short line)."""
    if len(text) <= most:
        return repr(text)
    return repr(f"{text[:most - 12]}…{text[-8:]}") + f" ({len(text):,} characters)"


def parse_duration(topic: Topic, raw: object) -> Span:
    return duration_span(raw)


def duration_span(raw: object) -> Span:
    """A duration (`30 days`, `2-3 days`, `indefinite`) as a range of hours."""
    if isinstance(raw, str) and normalize_word(raw) in INFINITE_DURATION:
        return Span(low=math.inf, high=math.inf, unit="hours")
    low, high, unit, _ = _span(Kind.DURATION, raw)
    if unit is None:
        raise ValueProblem(
            f"{_show(raw)} needs a unit: minutes, hours, days, weeks, months or years"
        )
    name = DURATION_UNITS.get(normalize_word(unit))
    if name is None:
        raise ValueProblem(f"unknown unit {unit!r}{suggest(unit, list(DURATION_UNITS))}")
    factor = HOURS_PER[name]
    return _bounded(Span(low=low * factor, high=high * factor, unit="hours"), raw,
                    Kind.DURATION, LONGEST_HOURS)


def parse_quantity(topic: Topic, raw: object) -> Span:
    """A number or range in the topic's unit: another unit of its dimension is converted;
    a unit it does not count, or an abbreviation that could mean two things, is refused."""
    expected = counted(topic)
    if isinstance(raw, str) and normalize_word(raw) in INFINITE_QUANTITY:
        return Span(low=math.inf, high=math.inf, unit=expected.text if expected else "")
    return _bounded(_quantity(raw, expected), raw, Kind.QUANTITY, LARGEST_NUMBER)


def _quantity(raw: object, expected: Counted | None) -> Span:
    low, high, unit, multipliers = _span(Kind.QUANTITY, raw)
    if unit is not None and re.search(r"(?:^|[\s,(])\d", unit):
        raise ValueProblem(f"{raw!r} holds more than one number: write one number or range "
                           "(such as '1,000-6,000') and say the rest in `note:`")
    if "m" in multipliers and unit is None and _may_be_metres(expected):
        number = str(raw).strip().rstrip("mM ").strip()
        million = f"{number} million" + (f" {expected.text}" if expected else "")
        raise ValueProblem(f"{raw!r}: 'm' could mean metres or million: write "
                           f"'{number} metres' or '{million}'")
    if expected is None:  # a custom topic that declares no unit: only the registry's units
        if unit is None:
            return Span(low=low, high=high, unit="")
        known = registry().unit(unit)
        if known is None:
            raise ValueProblem(f"{unit!r} is not a unit this format knows: declare the custom "
                               "topic's unit with `unit:` (e.g. unit: trucks per day)")
        return Span(low=low, high=high, unit=known)
    try:
        factor = convert(registry(), unit, expected)
    except UnitProblem as problem:
        raise ValueProblem(str(problem)) from None
    if factor == 1:
        return Span(low=low, high=high, unit=expected.text)
    return Span(low=_converted(low, factor), high=_converted(high, factor), unit=expected.text)


def _converted(value: float, factor: float) -> float:
    """`value` × `factor`, without the binary noise of the product (700 m is 0.7 km)."""
    return value * factor if math.isinf(value) else float(f"{value * factor:.12g}")


def counted(topic: Topic) -> Counted | None:
    """What a quantity topic counts: its unit, per what for a rate; None when undeclared."""
    return Counted(topic.unit, topic.per) if topic.unit else None


def _may_be_metres(expected: Counted | None) -> bool:
    if expected is None:
        return True
    unit = registry().units.get(expected.unit)
    return unit is not None and unit.dimension == "length"


# --- words: choice, set, sequence -------------------------------------------------------------


def _word(topic: Topic, raw: object, index: int | None = None,
          written: dict[str, str] | None = None) -> str:
    """The canonical key of one vocabulary word, or the folded word on open topics (whose
    spelling is kept in `written`)."""
    if not isinstance(raw, str) or not raw.strip():
        raise ValueProblem(f"expected a word, not {_show(raw)}", index)
    vocabulary = topic.vocabulary
    known = vocabulary.resolve(raw) if vocabulary else None
    if known is not None:
        return known
    if topic.open or vocabulary is None:
        key = normalize_word(raw)
        if written is not None:
            written.setdefault(key, " ".join(raw.split()))
        return key
    hint = suggest(raw, vocabulary.words) or (
        f" (known: {listed([term.value for term in vocabulary.terms])}; "
        f"`ceasefire topics` lists their other names)")
    raise ValueProblem(f"{raw!r} is not a word this topic knows{hint}", index)


def _word_list(raw: object) -> list[object]:
    if isinstance(raw, list):
        return raw
    if isinstance(raw, str):
        return [] if normalize_word(raw) in NONE_WORDS else [raw]
    raise ValueProblem("expected a list such as [a, b] or 'none'")


def parse_choice(topic: Topic, raw: object) -> Choice:
    if isinstance(raw, list):
        raise ValueProblem("expected one word, not a list")
    return Choice(choice=_word(topic, raw))


def parse_set(topic: Topic, raw: object) -> Items:
    written: dict[str, str] = {}
    items = {_word(topic, w, i, written) for i, w in enumerate(_word_list(raw))}
    return Items(items=tuple(sorted(items)), written=written)


def parse_sequence(topic: Topic, raw: object) -> Steps:
    steps: list[str] = []
    written: dict[str, str] = {}
    for index, word in enumerate(_word_list(raw)):
        step = _word(topic, word, index, written)
        if step in steps:
            raise ValueProblem(f"step {word!r} comes twice; a sequence names each step once", index)
        steps.append(step)
    return Steps(steps=tuple(steps), written=written)


# --- date and text ----------------------------------------------------------------------------

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_END_OF_CALENDAR = dt.datetime.max.replace(tzinfo=dt.timezone.utc)


_DATE = re.compile(DATE)
_LOCAL_DATE_TIME = re.compile(LOCAL_DATE_TIME)
_DATE_TIME = re.compile(DATE_TIME)
_NOT_A_DATE = "is not an ISO date: write 2025-06-02 or 2025-06-02T10:00+03:00"


def parse_date(topic: Topic, raw: object) -> Moment:
    return moment(raw)


def moment(raw: object) -> Moment:
    """A date or a date-time with a zone, as days since 1970-01-01 UTC. The forms are those
    of `proposals.spellings`, which the schema export gives editors too."""
    if not isinstance(raw, str):
        raise ValueProblem("expected a date such as 2025-06-02")
    text = raw.strip()
    if _LOCAL_DATE_TIME.fullmatch(text):
        raise ValueProblem(f"{raw!r} has a time but no zone: add one, such as +03:00 or Z")
    try:
        if _DATE.fullmatch(text):
            day = calendar_day(text)
            moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
            return Moment(iso=day.isoformat(), day=float((moment - _EPOCH).days),
                          has_time=False)
        if not _DATE_TIME.fullmatch(text):
            raise ValueError(text)
        when = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text)
    except ValueError:
        raise ValueProblem(f"{raw!r} {_NOT_A_DATE}") from None
    if not dt.datetime.min.replace(tzinfo=dt.timezone.utc) <= when < _END_OF_CALENDAR:
        raise ValueProblem(f"{raw!r} falls outside the calendar in UTC (0001-01-01 to "
                           "9999-12-31): no date can name it")
    return Moment(iso=when.isoformat(), day=(when - _EPOCH).total_seconds() / 86400, has_time=True)


def parse_text(topic: Topic, raw: object) -> Text:
    if not isinstance(raw, str) or not raw.strip():
        raise ValueProblem("expected text")
    return Text(text=raw.strip())


PARSERS: dict[Kind, Callable[[Topic, object], Value]] = {
    Kind.DURATION: parse_duration,
    Kind.QUANTITY: parse_quantity,
    Kind.SET: parse_set,
    Kind.CHOICE: parse_choice,
    Kind.DATE: parse_date,
    Kind.TEXT: parse_text,
    Kind.SEQUENCE: parse_sequence,
}


def parse_value(topic: Topic, raw: object) -> Value:
    """The normalised value of `raw` for `topic`; `unspecified` is accepted by every kind."""
    if is_unspecified(raw):
        return Unspecified()
    return PARSERS[topic.kind](topic, raw)


def _show(raw: object) -> str:
    if raw is None:
        return "nothing"
    return repr(raw) if isinstance(raw, str) else type(raw).__name__.replace("dict", "a mapping")
