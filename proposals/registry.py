"""The topic registry, read from `topics.yaml` beside this module.

Everything that knows about topics (the loader, the schema export, `ceasefire
topics`, the docs generator and the app) asks this module, so adding a topic is
one entry in the data file.
"""

from __future__ import annotations

import marshal
import re
import sys
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import yaml

from proposals.model import Kind
from proposals.yaml_source import BASE_LOADER

SEPARATORS = r"[\s_\-–—]"
"""A character that separates the parts of a word: white space, `-`, `_` or a dash."""
_SEPARATORS = re.compile(SEPARATORS + "+")
CUSTOM_PREFIX = "x."
CUSTOM_KEY = re.compile(r"^x\.[a-z0-9][a-z0-9_.\-]*$")


def normalize_word(text: str) -> str:
    """The key two spellings of one word share: case, spacing, `-` and `_` folded."""
    return _SEPARATORS.sub(" ", text.strip().casefold()).strip(" .")


@dataclass(frozen=True, slots=True)
class Term:
    """One vocabulary entry: the canonical value, a label and the words that mean it.

    `includes` names the entries this one contains ("all prisoners of war" contains "the
    sick"); with `exactly`, the entry is a named group that is nothing but them ("the four
    regions"), otherwise it is more than them ("the whole territory" is more than "the
    populated areas")."""

    value: str
    label: str
    aliases: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()
    exactly: bool = False


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words a choice, set or sequence topic understands, alias-resolved."""

    terms: tuple[Term, ...]
    _index: dict[str, str] = field(repr=False, compare=False, hash=False)
    _coverage: dict[str, frozenset[str]] = field(repr=False, compare=False, hash=False)
    nests: bool = False
    """Whether any entry includes others (then sets and choices compare what they cover)."""

    @classmethod
    def of(cls, terms: tuple[Term, ...]) -> Vocabulary:
        index: dict[str, str] = {}
        for term in terms:
            for word in (term.value, term.label, *term.aliases):
                key = normalize_word(word)
                if index.get(key, term.value) != term.value:
                    raise ValueError(f"vocabulary word {word!r} means two entries")
                index[key] = term.value
        return cls(terms, index, _coverages(terms), any(term.includes for term in terms))

    def covers(self, value: str) -> frozenset[str]:
        """What an entry stands for when sets are compared: itself (unless it is a group that
        is exactly its members) and everything it includes, followed through."""
        return self._coverage.get(value, frozenset((value,)))

    def resolve(self, word: str) -> str | None:
        """The canonical value `word` names, or None when it is not in the vocabulary."""
        return self._index.get(normalize_word(word))

    def position(self, value: str) -> int:
        """The index of a canonical value, for ordered vocabularies."""
        return [term.value for term in self.terms].index(value)

    def label(self, value: str) -> str:
        for term in self.terms:
            if term.value == value:
                return term.label
        return value

    @property
    def words(self) -> tuple[str, ...]:
        """Every word an author may write, for suggestions."""
        return tuple(w for t in self.terms for w in (t.value, *t.aliases))


def _coverages(terms: tuple[Term, ...]) -> dict[str, frozenset[str]]:
    by_value = {term.value: term for term in terms}
    found: dict[str, frozenset[str]] = {}

    def cover(value: str, seen: tuple[str, ...]) -> frozenset[str]:
        if value in seen:
            raise ValueError(f"vocabulary entries include each other: {' → '.join(seen)}")
        if value not in found:
            term = by_value[value]
            members = [cover(m, (*seen, value)) for m in term.includes]
            own = frozenset() if term.exactly else frozenset((value,))
            found[value] = own.union(*members)
        return found[value]

    for term in terms:
        for member in term.includes:
            if member not in by_value:
                raise ValueError(f"{term.value!r} includes {member!r}, which is not an entry")
        cover(term.value, ())
    return found


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit quantities are counted in. Units of one `dimension` convert into each other
    (`factor`: how many of the dimension's base unit one is); a unit with no dimension is
    only itself (troops are not prisoners)."""

    name: str
    words: tuple[str, ...]
    dimension: str | None = None
    factor: float = 1.0


@dataclass(frozen=True, slots=True)
class Topic:
    """One registry entry. `unit` applies to quantity topics only."""

    key: str
    label: str
    area: str
    kind: Kind
    description: str
    example: object = None
    aliases: tuple[str, ...] = ()
    vocabulary: Vocabulary | None = None
    ordered: bool = False
    open: bool = False
    unit: str | None = None
    per: str | None = None
    """Quantity topics that are rates: what the unit is counted per (`day`, `hostage`)."""
    noun: str = "item"
    step: str | None = None
    """The step of the settlement a clause on this topic is (`elections`), so that a clause
    with a time takes its place in the party's order of steps."""

    @property
    def is_custom(self) -> bool:
        return self.key.startswith(CUSTOM_PREFIX)


@dataclass(frozen=True, slots=True)
class Registry:
    """All topics, their areas, and the lookup from any written key to a topic."""

    areas: dict[str, str]
    topics: tuple[Topic, ...]
    units: dict[str, Unit]
    steps: Vocabulary
    """The steps of a settlement: the words of `political.sequence` and of references in
    `when:` and `conditions:` (`after elections`)."""
    _by_key: dict[str, Topic] = field(repr=False, compare=False, hash=False)
    _unit_words: dict[str, str] = field(repr=False, compare=False, hash=False)
    _positions: dict[str, int] = field(repr=False, compare=False, hash=False)

    def resolve(self, key: str) -> Topic | None:
        """The topic a written key (canonical or alias) names."""
        return self._by_key.get(key)

    def get(self, key: str) -> Topic:
        return self._by_key[key]

    @property
    def written_keys(self) -> tuple[str, ...]:
        """Every key an author may write under `clauses:`."""
        return tuple(self._by_key)

    def unit(self, word: str) -> str | None:
        """The canonical unit a written unit word names (`soldiers` -> `troops`)."""
        return self._unit_words.get(normalize_word(word))

    def in_area(self, area: str) -> tuple[Topic, ...]:
        return tuple(t for t in self.topics if t.area == area)

    def order(self, key: str) -> int:
        """Registry position of a topic; custom topics sort after all registered ones."""
        topic = self._by_key.get(key)
        return self._positions[topic.key] if topic else len(self.topics)


@lru_cache(maxsize=65536)
def custom_topic(key: str, kind: Kind, label: str | None = None, unit: str | None = None,
                 per: str | None = None) -> Topic:
    """A topic an author declares in a file with the `x.` prefix (made once per key); a
    quantity may declare what it counts (`unit`, and `per` for a rate)."""
    words = key[len(CUSTOM_PREFIX) :].replace("_", " ").replace("-", " ")
    return Topic(
        key=key,
        label=label or words[:1].upper() + words[1:],
        area="custom",
        kind=kind,
        description="A topic outside the registry, declared in the proposal file.",
        open=True,
        unit=unit,
        per=per,
    )


def _terms(raw: list[dict]) -> tuple[Term, ...]:
    return tuple(
        Term(
            value=str(entry["value"]),
            label=str(entry.get("label", entry["value"])),
            aliases=tuple(str(a) for a in entry.get("aliases", ())),
            includes=tuple(str(m) for m in entry.get("includes", ())),
            exactly=entry.get("exactly") == "true",
        )
        for entry in raw
    )


def _units(raw: dict) -> dict[str, Unit]:
    """`name: [words]` for a unit that is only itself, or `name: {words, dimension, factor}`."""
    units = {}
    for name, spec in raw.items():
        if isinstance(spec, list):
            units[str(name)] = Unit(str(name), tuple(str(w) for w in spec))
        else:
            units[str(name)] = Unit(str(name), tuple(str(w) for w in spec.get("words", ())),
                                    spec.get("dimension"), float(spec.get("factor", 1)))
    return units


def parse_registry(data: dict) -> Registry:
    """Build a registry from the data file's structure, refusing an inconsistent one."""
    areas = {str(k): str(v) for k, v in data["areas"].items()}
    units = _units(data.get("units", {}))
    unit_words: dict[str, str] = {}
    for unit in units.values():
        for word in (unit.name, *unit.words):
            if unit_words.setdefault(normalize_word(word), unit.name) != unit.name:
                raise ValueError(f"unit word {word!r} means two units")
    shared = {name: Vocabulary.of(_terms(raw)) for name, raw in data.get("vocabularies", {}).items()}
    topics: list[Topic] = []
    by_key: dict[str, Topic] = {}
    for raw in data["topics"]:
        vocab = raw.get("vocabulary")
        vocabulary = shared[vocab] if isinstance(vocab, str) else (
            Vocabulary.of(_terms(vocab)) if vocab else None
        )
        topic = Topic(
            key=raw["key"],
            label=raw["label"],
            area=raw["area"],
            kind=Kind(raw["kind"]),
            description=" ".join(str(raw["description"]).split()),
            example=raw.get("example"),
            aliases=tuple(raw.get("aliases", ())),
            vocabulary=vocabulary,
            ordered=raw.get("ordered") == "true",
            open=raw.get("open") == "true",
            unit=raw.get("unit"),
            per=raw.get("per"),
            noun=raw.get("noun", "item"),
            step=raw.get("step"),
        )
        if topic.area not in areas:
            raise ValueError(f"topic {topic.key}: unknown area {topic.area!r}")
        if topic.unit is not None and topic.unit not in units:
            raise ValueError(f"topic {topic.key}: unknown unit {topic.unit!r}")
        if topic.kind is Kind.CHOICE and topic.vocabulary is None:
            raise ValueError(f"topic {topic.key}: a choice topic needs a vocabulary")
        if topic.step is not None and shared["steps"].resolve(topic.step) != topic.step:
            raise ValueError(f"topic {topic.key}: unknown step {topic.step!r}")
        for written in (topic.key, *topic.aliases):
            if written in by_key or written.startswith(CUSTOM_PREFIX):
                raise ValueError(f"topic key {written!r} is taken or reserved")
            by_key[written] = topic
        topics.append(topic)
    return Registry(
        areas=areas,
        topics=tuple(topics),
        units=units,
        steps=shared["steps"],
        _by_key=by_key,
        _unit_words=unit_words,
        _positions={topic.key: index for index, topic in enumerate(topics)},
    )


def _registry_data(path: Path) -> dict:
    """The data file as plain data, from a marshal cache beside the bytecode when it is
    current: parsing the YAML costs more than the rest of a small `ceasefire diff` run."""
    stamp = path.stat()
    key = (stamp.st_mtime_ns, stamp.st_size)
    cached = path.parent / "__pycache__" / f"{path.stem}.{sys.implementation.cache_tag}.marshal"
    try:
        saved_key, data = marshal.loads(cached.read_bytes())
        if tuple(saved_key) == key:
            return data
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=BASE_LOADER)  # scalars stay text
    try:
        cached.parent.mkdir(exist_ok=True)
        cached.write_bytes(marshal.dumps((key, data)))
    except OSError:
        pass  # a read-only install: parse each time
    return data


@cache
def registry() -> Registry:
    """The bundled registry, read once per process."""
    return parse_registry(_registry_data(Path(__file__).parent / "topics.yaml"))
