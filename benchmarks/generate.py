"""Synthetic but realistic proposals for the benchmarks: P parties x N clauses.

Every registered topic is used first, then custom `x.` topics of every kind fill up
to N clauses. Each topic is given a share of outcomes across the parties (agreed,
partial, conflict, one-sided, unclear) so the engine does every kind of work, and a
share of custom topics is renamed in some parties so that similarity pairing runs too.

With R rounds, each party gives one text a round (its `id` kept, each round its own
`round:` label and a later `date:`); from one round to the next a party moves a share of
its clauses toward the other's value and a share away, adds and drops a few, and keeps
the rest (`ROUND_MOVES`), so `ceasefire history` does every kind of work too.

    python benchmarks/generate.py --parties 2 --clauses 10000 --out benchmarks/.work/big
    python benchmarks/generate.py --parties 2 --clauses 2000 --rounds 10 --out benchmarks/.work/h
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
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
    rounds: int = 1
    """Texts per party: with more than one, each party gives a text every round, changing
    a share of its clauses from its last (`ROUND_MOVES`). Format 1 only."""


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


# --- rounds ---------------------------------------------------------------------------------

ROUND_MOVES = {"toward": 0.06, "away": 0.03, "dropped": 0.02, "added": 0.02}
"""Shares of a party's clauses that each new text of it changes; the rest (87%) it keeps.
Toward: nearer the other party's value (numbers and dates part of the way or all of it,
sets one item at a time, choices and texts by taking the other's); away: further from it;
added: a topic only the other addressed (its clause taken up) or one dropped before."""
FIRST_DATE = dt.date(2025, 3, 3)
ROUND_DAYS = 14
QUALIFIERS = ("subject to review", "under international monitoring", "once guarantees are given",
              "after the exchange of lists", "on a reciprocal basis")
NUMBERS = re.compile(r"^([\d,]+)(?:-([\d,]+))?(.*)$")
UNSPECIFIED = "unspecified"


def rounds_of(plan: Plan) -> list[list[dict]]:
    """The texts of every round, first to last, one dict per party: the first round is
    `documents(plan)`, each later one every party's last text with its moves."""
    if plan.structured:
        raise ValueError("rounds are generated for format 1 texts only")
    rng = random.Random(plan.seed + 1)
    topics = {topic.key: topic for topic in registry().topics}
    texts = documents(plan)
    set_aside: list[dict[str, dict]] = [{} for _ in texts]  # clauses each party dropped
    result = []
    for index in range(plan.rounds):
        if index:
            texts = [_next_text(texts, party, rng, topics, set_aside[party])
                     for party in range(len(texts))]
        date = FIRST_DATE + dt.timedelta(days=ROUND_DAYS * index)
        result.append([{**doc, "round": f"Round {index + 1}", "date": date.isoformat()}
                       for doc in texts])
    return result


def _next_text(texts: list[dict], party: int, rng: random.Random, topics: dict[str, Topic],
               set_aside: dict[str, dict]) -> dict:
    """Party `party`'s next text: its last one with a share of its clauses moved toward the
    next party's last text, some away from it, some dropped, and some added."""
    own, other = texts[party]["clauses"], texts[(party + 1) % len(texts)]["clauses"]
    count = {move: round(share * len(own)) for move, share in ROUND_MOVES.items()}
    clauses = dict(own)
    apart = [key for key in own if key in other and UNSPECIFIED not in (
        own[key]["value"], other[key]["value"]) and own[key]["value"] != other[key]["value"]]
    toward = rng.sample(apart, min(count["toward"], len(apart)))
    taken = set(toward)
    rest = [key for key in own if key not in taken and own[key]["value"] != UNSPECIFIED]
    away = rng.sample(rest, min(count["away"], len(rest)))
    moved = {*toward, *away}
    rest = [key for key in own if key not in moved]
    dropped = rng.sample(rest, min(count["dropped"], len(rest)))
    for key in toward:
        topic = _topic(key, own[key], topics)
        clauses[key] = {**own[key], "value": _toward(topic, own[key]["value"],
                                                     other[key]["value"])}
    for key in away:
        topic = _topic(key, own[key], topics)
        theirs = other[key]["value"] if key in other else None
        theirs = None if theirs == UNSPECIFIED else theirs
        clauses[key] = {**own[key], "value": _away(topic, own[key]["value"], theirs, party,
                                                   rng)}
    for key in dropped:
        set_aside[key] = clauses.pop(key)
    held = {_unrenamed(key) for key in clauses}  # a renamed topic is the same topic
    pool = sorted(key for key in {*other, *set_aside}
                  if _unrenamed(key) not in held and key not in dropped)
    for key in rng.sample(pool, min(count["added"], len(pool))):
        earlier = set_aside.pop(key, None)
        clauses[key] = earlier if earlier is not None and (key not in other or rng.random() < 0.5) \
            else dict(other[key])
    return {**texts[party], "clauses": clauses}


def _unrenamed(key: str) -> str:
    return "x." + key.removeprefix("x.renamed_") if key.startswith("x.renamed_") else key


def _topic(key: str, clause: dict, topics: dict[str, Topic]) -> Topic:
    if key in topics:
        return topics[key]
    return custom_topic(key, Kind(clause["kind"]), clause["label"])


def _toward(topic: Topic, mine: object, theirs: object) -> object:
    """A value nearer `theirs`: numbers and dates go half the way or all of it (as the
    row's hash decides), a set or sequence takes one of the other's items for one of its
    own, a choice or a text takes the other's."""
    share = 1.0 if _hash(topic.key, mine) % 3 == 0 else 0.5
    if topic.kind in (Kind.DURATION, Kind.QUANTITY):
        mine_n, theirs_n = _numbers(mine), _numbers(theirs)
        if mine_n is None or theirs_n is None:
            return theirs
        (low, high, unit), (their_low, their_high, _) = mine_n, theirs_n
        return _written(topic, low + (their_low - low) * share,
                        high + (their_high - high) * share, unit)
    if topic.kind is Kind.DATE:
        was, goal = dt.date.fromisoformat(str(mine)), dt.date.fromisoformat(str(theirs))
        return (was + dt.timedelta(days=round((goal - was).days * share))).isoformat()
    if topic.kind in (Kind.SET, Kind.SEQUENCE) and isinstance(mine, list) \
            and isinstance(theirs, list):
        missing = [item for item in theirs if item not in mine]
        extra = [item for item in mine if item not in theirs]
        if missing and extra:
            return [missing[0] if item == extra[-1] else item for item in mine]
        if missing:
            return [*mine, missing[0]]
        if extra and len(mine) > 1:
            return [item for item in mine if item != extra[-1]]
    return theirs


def _away(topic: Topic, mine: object, theirs: object | None, party: int,
          rng: random.Random) -> object:
    """A value further from `theirs` (or just different, when the other is silent)."""
    if topic.kind in (Kind.DURATION, Kind.QUANTITY):
        mine_n, theirs_n = _numbers(mine), _numbers(theirs)
        if mine_n is None:
            return mine
        low, high, unit = mine_n
        if theirs_n is None or theirs_n[:2] == (low, high):
            factor = 1.5 if party % 2 else 0.6
            return _written(topic, low * factor, high * factor, unit)
        return _written(topic, 2 * low - theirs_n[0], 2 * high - theirs_n[1], unit)
    if topic.kind is Kind.DATE:
        was = dt.date.fromisoformat(str(mine))
        gap = (was - dt.date.fromisoformat(str(theirs))).days if theirs else 0
        step = gap if gap else (14 if party % 2 else -14)
        return (was + dt.timedelta(days=step)).isoformat()
    words = _words(topic)
    if topic.kind is Kind.CHOICE:
        fresh = [word for word in words if word not in (mine, theirs)]
        return rng.choice(fresh) if fresh else mine
    if topic.kind in (Kind.SET, Kind.SEQUENCE) and isinstance(mine, list):
        taken = set(mine) | set(theirs if isinstance(theirs, list) else ())
        fresh = [word for word in words if word not in taken]
        shared = [item for item in mine if isinstance(theirs, list) and item in theirs]
        if fresh and shared:
            return [rng.choice(fresh) if item == shared[0] else item for item in mine]
        if fresh:
            return [*mine, rng.choice(fresh)]
        return mine[::-1] if topic.kind is Kind.SEQUENCE else mine
    if isinstance(mine, str):
        return f"{mine}, {rng.choice(QUALIFIERS)}"
    return mine


def _hash(key: str, value: object) -> int:
    return sum(map(ord, f"{key}{value}"))


def _numbers(value: object) -> tuple[float, float, str] | None:
    """`1,100-2,000 km` as (1100, 2000, ' km'); None for what is not a number or a range."""
    found = NUMBERS.match(value) if isinstance(value, str) else None
    if not found:
        return None
    low = float(found[1].replace(",", ""))
    high = float(found[2].replace(",", "")) if found[2] else low
    return low, high, found[3]


def _written(topic: Topic, low: float, high: float, unit: str) -> str:
    """Numbers as the generator writes them: whole days; quantities in tens, with commas."""
    low, high = sorted((low, high))
    if topic.kind is Kind.DURATION:
        ends = [str(max(1, round(n))) for n in (low, high)]
    else:
        ends = [f"{max(10, round(n, -1)):,.0f}" for n in (low, high)]
    return (ends[0] if ends[0] == ends[1] else f"{ends[0]}-{ends[1]}") + unit


def write(plan: Plan, folder: Path) -> list[Path]:
    """Write the proposals as YAML files (flow style for values, as authors write lists);
    with rounds, one file a party a round, named by its id and date."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    texts = [doc for docs in rounds_of(plan) for doc in docs] if plan.rounds > 1 \
        else documents(plan)
    for doc in texts:
        lines = [f"ceasefire: {doc['ceasefire']}", f"party: {doc['party']}", f"id: {doc['id']}"]
        if "round" in doc:
            lines += [f"date: {doc['date']}", f"round: {doc['round']}"]
        lines.append("sources:")
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
        path = folder / (f"{doc['id']}-{doc['date']}.yaml" if "round" in doc
                         else f"{doc['id']}.yaml")
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
    parser.add_argument("--rounds", type=int, default=1,
                        help="texts per party, one a round (format 1)")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/.work/generated"))
    args = parser.parse_args()
    plan = Plan(args.parties, args.clauses, args.seed, args.structured, args.rounds)
    for path in write(plan, args.out):
        print(path)


if __name__ == "__main__":
    main()
