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
    docs = [{"ceasefire": 1, "party": name, "id": f"party-{i}",
             "sources": {"memo": {"title": f"Memorandum of {name}", "publisher": "Archive"}},
             "clauses": {}} for i, name in enumerate(names)]
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
        for party, doc in enumerate(docs):
            if party == silent:
                continue
            value = _value(topic.kind, topic, rng, index, party, outcome)
            confidence = rng.choices(CONFIDENCE, weights=CONFIDENCE_SHARES)[0]
            clause: dict[str, object] = {"value": value, "source": "memo",
                                         "confidence": confidence}
            written = key
            if topic.is_custom:
                clause = {"kind": topic.kind.value, "label": topic.label, **clause}
                if renamed and party % 2:
                    written = key.replace("x.", "x.renamed_")
            doc["clauses"][written] = clause
    return docs


def write(plan: Plan, folder: Path) -> list[Path]:
    """Write the proposals as YAML files (flow style for values, as authors write lists)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in documents(plan):
        lines = ["ceasefire: 1", f"party: {doc['party']}", f"id: {doc['id']}", "sources:"]
        for key, source in doc["sources"].items():
            lines.append(f"  {key}: {json.dumps(source)}")
        lines.append("clauses:")
        for key, clause in doc["clauses"].items():
            lines.append(f"  {key}:")
            for field, value in clause.items():
                lines.append(f"    {field}: {json.dumps(value, ensure_ascii=False)}")
        path = folder / f"{doc['id']}.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", type=int, default=2)
    parser.add_argument("--clauses", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/.work/generated"))
    args = parser.parse_args()
    for path in write(Plan(args.parties, args.clauses, args.seed), args.out):
        print(path)


if __name__ == "__main__":
    main()
