"""Synthetic but realistic proposals for the benchmarks: P parties x N clauses.

Every registered topic is used first, then custom `x.` topics of every kind fill up
to N clauses. Each topic is given a share of outcomes across the parties (agreed,
partial, conflict, one-sided, unclear) so the engine does every kind of work, and a
share of custom topics is renamed in some parties so that similarity pairing runs too.

    python benchmarks/generate.py --parties 2 --clauses 10000 --out benchmarks/.work/big
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

from proposals.model import Kind
from proposals.registry import Topic, custom_topic, registry

OUTCOMES = {"agreed": 0.40, "partial": 0.20, "conflict": 0.25, "one-sided": 0.10, "unclear": 0.05}
CONFIDENCE, CONFIDENCE_SHARES = ("confirmed", "reported", "disputed"), (0.70, 0.25, 0.05)
RENAMED = 0.03  # custom topics written under another key (and label) by some parties
CUSTOM_KINDS = (Kind.DURATION, Kind.QUANTITY, Kind.SET, Kind.CHOICE, Kind.DATE, Kind.TEXT,
                Kind.SEQUENCE)
WORDS = ("corridor", "port", "grain", "energy", "prisoners", "bridge", "plant", "border",
         "observers", "convoy", "rail", "airspace", "monitors", "hostages", "exchange")


@dataclass(frozen=True)
class Plan:
    parties: int
    clauses: int
    seed: int = 2025
    structured: bool = False
    """Format 2 as real agreements use it: phases, options, an obligation for each side,
    times relative to events and conditions, over shares of the clauses (`PLACES`)."""


PLACES = {"whole": 0.65, "phase": 0.15, "obligations": 0.12, "option": 0.08}
WHEN = ("day 7", "by day 30", "from day 2 to day 16", "10 days after first", "after second",
        None, None, None)
SIDES = ("North", "South")


def _words(topic: Topic) -> list[str]:
    if topic.vocabulary:
        return [term.value for term in topic.vocabulary.terms]
    return list(WORDS)


def _value(kind: Kind, topic: Topic, rng: random.Random, base: int, party: int,
           outcome: str) -> object:
    """A value of `kind`; parties differ according to the planned outcome."""
    if outcome == "unclear" and party == 1:
        return "unspecified"
    shift = 0 if outcome == "agreed" else party
    if kind is Kind.DURATION:
        days = 10 + base % 50
        if outcome == "partial":
            return f"{days + shift}-{days + 20 + shift} days"
        return f"{days * (1 + 3 * shift)} days"
    if kind is Kind.QUANTITY:
        amount = 1000 * (1 + base % 90)
        unit = f" {topic.unit}" if topic.unit else ""
        if outcome == "partial":
            return f"{amount + shift * 100:,}-{amount * 2:,}{unit}"
        return f"{amount * (1 + 2 * shift):,}{unit}"
    words = _words(topic)
    if kind is Kind.CHOICE:
        return words[(base + shift) % len(words)]
    if kind in (Kind.SET, Kind.SEQUENCE):
        start = base % len(words)
        chosen = [words[(start + i) % len(words)] for i in range(min(3, len(words)))]
        if outcome == "partial":
            chosen = chosen[:-1] + [words[(start + 5 + shift) % len(words)]]
            if kind is Kind.SEQUENCE and shift:
                chosen = chosen[::-1]
        elif outcome == "conflict" and shift:
            chosen = [words[(start + 7 + shift) % len(words)]]
        return sorted(set(chosen), key=chosen.index)
    if kind is Kind.DATE:
        return f"2025-{1 + base % 12:02d}-{1 + (base + shift * 9) % 27:02d}"
    text = f"Clause {base} on {rng.choice(WORDS)} and {rng.choice(WORDS)}"
    return text if outcome == "agreed" else text + (" within a week" if shift else "")


def _outcome(rng: random.Random) -> str:
    return rng.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]


def documents(plan: Plan) -> list[dict]:
    """The proposals as plain data, one dict per party, ready to be written as YAML."""
    rng = random.Random(plan.seed)
    topics = list(registry().topics)[: plan.clauses]
    customs = plan.clauses - len(topics)
    names = [f"Party {chr(65 + i % 26)}{i // 26 or ''}" for i in range(plan.parties)]
    docs = [_document(plan, i, name) for i, name in enumerate(names)]
    for index in range(len(topics) + customs):
        outcome = _outcome(rng)
        silent = rng.randrange(plan.parties) if outcome == "one-sided" else -1
        if index < len(topics):
            topic, key = topics[index], topics[index].key
        else:
            kind = CUSTOM_KINDS[index % len(CUSTOM_KINDS)]
            word = WORDS[index % len(WORDS)]
            key = f"x.{word}_{index:06d}"
            topic = custom_topic(key, kind, f"{word.title()} arrangement {index}")
        renamed = topic.is_custom and rng.random() < RENAMED
        place = rng.choices(list(PLACES), weights=list(PLACES.values()))[0] \
            if plan.structured else "whole"
        phase = rng.randrange(2)
        for party, doc in enumerate(docs):
            if party == silent:
                continue
            def clause() -> dict[str, object]:
                value = _value(topic.kind, topic, rng, index, party, outcome)
                confidence = rng.choices(CONFIDENCE, weights=CONFIDENCE_SHARES)[0]
                made: dict[str, object] = {"value": value, "source": "memo",
                                           "confidence": confidence}
                if topic.is_custom:
                    made = {"kind": topic.kind.value, "label": topic.label, **made}
                when = rng.choice(WHEN) if plan.structured else None
                if when:
                    made["when"] = when
                return made
            written = key
            if renamed and party % 2:
                written = key.replace("x.", "x.renamed_")
            if place == "whole":
                doc["clauses"][written] = clause()
            elif place == "phase":
                doc["phases"][phase]["clauses"][written] = clause()
            elif place == "obligations":
                doc["clauses"][written] = [{**clause(), "by": side} for side in SIDES]
            else:
                for option in doc["options"]:
                    option["clauses"][written] = clause()
    return docs


def _document(plan: Plan, index: int, name: str) -> dict:
    doc: dict = {"ceasefire": 2 if plan.structured else 1, "party": name,
                 "id": f"party-{index}",
                 "sources": {"memo": {"title": f"Memorandum of {name}", "publisher": "Archive"}},
                 "clauses": {}}
    if plan.structured:
        doc["sides"] = list(SIDES)
        doc["phases"] = [{"id": "first", "label": "First phase", "duration": "42 days",
                          "clauses": {}},
                         {"id": "second", "label": "Second phase", "starts": "after first",
                          "clauses": {}}]
        doc["options"] = [{"id": f"option-{i}", "label": f"Option {i}", "clauses": {}}
                          for i in (1, 2)]
    return doc


def write(plan: Plan, folder: Path) -> list[Path]:
    """Write the proposals as YAML files (flow style for values, as authors write lists)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in documents(plan):
        lines = [f"ceasefire: {doc['ceasefire']}", f"party: {doc['party']}", f"id: {doc['id']}",
                 "sources:"]
        for key, source in doc["sources"].items():
            lines.append(f"  {key}: {json.dumps(source)}")
        if "sides" in doc:
            lines.append(f"sides: {json.dumps(doc['sides'])}")
        lines += ["clauses:", *_clauses(doc["clauses"], "  ")]
        for block in ("phases", "options"):
            if block in doc:
                lines.append(f"{block}:")
                for item in doc[block]:
                    lines.append(f"  - id: {item['id']}")
                    lines += [f"    {field}: {json.dumps(value)}" for field, value in item.items()
                              if field not in ("id", "clauses")]
                    lines += ["    clauses:", *_clauses(item["clauses"], "      ")]
        path = folder / f"{doc['id']}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _clauses(clauses: dict[str, object], indent: str) -> list[str]:
    if not clauses:
        return [f"{indent}{{}}"]
    lines = []
    for key, clause in clauses.items():
        lines.append(f"{indent}{key}:")
        if isinstance(clause, list):  # one clause for each side, in flow style
            lines += [f"{indent}  - {json.dumps(item, ensure_ascii=False)}" for item in clause]
            continue
        for field, value in clause.items():  # type: ignore[union-attr]
            lines.append(f"{indent}  {field}: {json.dumps(value, ensure_ascii=False)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", type=int, default=2)
    parser.add_argument("--clauses", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--structured", action="store_true",
                        help="format 2: phases, options, obligations for each side, times")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/.work/generated"))
    args = parser.parse_args()
    for path in write(Plan(args.parties, args.clauses, args.seed, args.structured), args.out):
        print(path)


if __name__ == "__main__":
    main()
