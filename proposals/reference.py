"""The topic reference, generated from the registry for `ceasefire topics` and docs/format.md."""

from __future__ import annotations

from typing import Any

from proposals.model import Kind
from proposals.registry import Registry, Topic

KIND_HELP = {
    Kind.DURATION: "a length of time: `30 days`, `at least 30 days`, `2-3 days`, `72 hours`, "
    "`within 100 days`, `indefinite`, or `{min, max, unit}`",
    Kind.QUANTITY: "a number or range: `1,000`, `at least 1000`, `600000-800000`, `600k`, "
    "`unlimited`, or `{min, max, unit}`",
    Kind.SET: "a list: `[a, b]`; `none` for an empty list",
    Kind.CHOICE: "one word of the topic's vocabulary (or one of its aliases)",
    Kind.DATE: "an ISO date `2025-06-02` or a date-time with a zone `2025-06-02T10:00+03:00`",
    Kind.TEXT: "free text, compared word by word",
    Kind.SEQUENCE: "an ordered list of steps, first to last",
}


def words(topic: Topic) -> str:
    """The vocabulary as one line: `full`, `partial` (aliases: limited, …), …"""
    if topic.vocabulary is None:
        return ""
    return "; ".join(
        term.value + (f" ({', '.join(term.aliases)})" if term.aliases else "")
        for term in topic.vocabulary.terms
    )


def topic_record(topic: Topic) -> dict[str, Any]:
    """One topic as plain data, for `ceasefire topics --format json`."""
    return {
        "key": topic.key,
        "label": topic.label,
        "area": topic.area,
        "kind": topic.kind.value,
        "description": topic.description,
        "aliases": list(topic.aliases),
        "unit": topic.unit,
        "step": topic.step,
        "ordered": topic.ordered,
        "open": topic.open,
        "vocabulary": [
            {"value": t.value, "label": t.label, "aliases": list(t.aliases)}
            for t in (topic.vocabulary.terms if topic.vocabulary else ())
        ],
        "example": example_text(topic),
    }


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def topics_markdown(reg: Registry) -> str:
    """Every area and topic as Markdown: a summary table, then one section per topic."""
    out = ["| Topic | Label | Kind | Area | Also written |", "|---|---|---|---|---|"]
    out += [f"| `{t.key}` | {_md(t.label)} | {t.kind.value} | {t.area} | "
            + ", ".join(f"`{alias}`" for alias in t.aliases) + " |" for t in reg.topics]
    for area, title in reg.areas.items():
        out += ["", f"### {title}"]
        for topic in reg.in_area(area):
            out += ["", f"#### `{topic.key}` — {topic.label}", "", _md(topic.description), ""]
            out.append(f"- **Kind:** {topic.kind.value} — {KIND_HELP[topic.kind]}")
            if topic.unit:
                out.append(f"- **Unit:** {topic.unit}")
            if topic.step:
                out.append(f"- **Step:** `{topic.step}` ({_md(reg.steps.label(topic.step))}): "
                           "with a `when:`, the clause takes this step's place in the order "
                           "of steps")
            if topic.aliases:
                out.append("- **Also written:** " + ", ".join(f"`{a}`" for a in topic.aliases))
            if topic.vocabulary:
                scale = " (ordered, first to last)" if topic.ordered else ""
                extra = "; other words are accepted as written" if topic.open else ""
                out.append(f"- **Words**{scale}{extra}: " + _md(words(topic)))
            out.append(f"- **Example:** `{topic.key}: {example_text(topic)}`")
    out += ["", "### Steps of a settlement", "",
            "The words `political.sequence` lists and that `when:` and `conditions:` refer to "
            "(`after elections`); each topic with a step is that step when it has a time.", "",
            "| Step | Label | Also written |", "|---|---|---|"]
    out += [f"| `{t.value}` | {_md(t.label)} | {_md(', '.join(t.aliases))} |"
            for t in reg.steps.terms]
    return "\n".join(out) + "\n"


def example_text(topic: Topic) -> str:
    """The registry's example value as an author would write it in a file."""
    example = topic.example
    if isinstance(example, list):
        return "[" + ", ".join(str(item) for item in example) + "]"
    return str(example)
