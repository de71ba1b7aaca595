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

_SEPARATORS = re.compile(r"[\s_\-–—]+")
CUSTOM_PREFIX = "x."
CUSTOM_KEY = re.compile(r"^x\.[a-z0-9][a-z0-9_.\-]*$")


def normalize_word(text: str) -> str:
    """The key two spellings of one word share: case, spacing, `-` and `_` folded."""
    return _SEPARATORS.sub(" ", text.strip().casefold()).strip(" .")


@dataclass(frozen=True, slots=True)
class Term:
    """One vocabulary entry: the canonical value, a label and the words that mean it."""

    value: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words a choice, set or sequence topic understands, alias-resolved."""

    terms: tuple[Term, ...]
    _index: dict[str, str] = field(repr=False, compare=False, hash=False)

    @classmethod
    def of(cls, terms: tuple[Term, ...]) -> Vocabulary:
        index: dict[str, str] = {}
        for term in terms:
            for word in (term.value, term.label, *term.aliases):
                key = normalize_word(word)
                if index.get(key, term.value) != term.value:
                    raise ValueError(f"vocabulary word {word!r} means two entries")
                index[key] = term.value
        return cls(terms, index)

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
    units: dict[str, tuple[str, ...]]
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
def custom_topic(key: str, kind: Kind, label: str | None = None) -> Topic:
    """A topic an author declares in a file with the `x.` prefix (made once per key)."""
    words = key[len(CUSTOM_PREFIX) :].replace("_", " ").replace("-", " ")
    return Topic(
        key=key,
        label=label or words[:1].upper() + words[1:],
        area="custom",
        kind=kind,
        description="A topic outside the registry, declared in the proposal file.",
        open=True,
    )


def _terms(raw: list[dict]) -> tuple[Term, ...]:
    return tuple(
        Term(
            value=str(entry["value"]),
            label=str(entry.get("label", entry["value"])),
            aliases=tuple(str(a) for a in entry.get("aliases", ())),
        )
        for entry in raw
    )


def parse_registry(data: dict) -> Registry:
    """Build a registry from the data file's structure, refusing an inconsistent one."""
    areas = {str(k): str(v) for k, v in data["areas"].items()}
    units = {str(k): tuple(str(w) for w in v) for k, v in data.get("units", {}).items()}
    unit_words = {normalize_word(w): unit for unit, words in units.items() for w in (unit, *words)}
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
