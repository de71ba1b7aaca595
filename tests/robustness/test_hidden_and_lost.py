"""Hidden text is flagged and shown; nothing a user wrote is ever overwritten or lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from proposals import read_string
from proposals.hidden import hidden_characters, reveal
from proposals.problems import Code, Severity
from tests.conftest import EXAMPLES

HIDDEN = {
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u2066": "LEFT-TO-RIGHT ISOLATE", "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE", "\u200b": "ZERO WIDTH SPACE",
    "\u200d": "ZERO WIDTH JOINER", "\u2060": "WORD JOINER", "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
    "\u00ad": "SOFT HYPHEN", "\U000e0041": "TAG LATIN CAPITAL LETTER A", "\x1b": "ESCAPE",
    "\r": "CARRIAGE RETURN", "\x07": "BELL",
}


# Every field a person writes text in, with {} where the text goes.
TEXT_FIELDS = {
    "party": 'party: {}\nclauses: {{ceasefire.type: full}}\n',
    "title": 'party: P\ntitle: {}\nclauses: {{ceasefire.type: full}}\n',
    "round": 'party: P\nround: {}\nclauses: {{ceasefire.type: full}}\n',
    "source title": 'party: P\nsources: {{s: {}}}\nclauses: {{ceasefire.type: full}}\n',
    "quote": 'party: P\nclauses: {{ceasefire.type: {{value: full, quote: {}}}}}\n',
    "note": 'party: P\nclauses: {{ceasefire.type: {{value: full, note: {}}}}}\n',
    "by": 'party: P\nclauses: {{ceasefire.type: {{value: full, by: {}}}}}\n',
    "conditions": 'party: P\nclauses: {{ceasefire.type: {{value: full, conditions: [{}]}}}}\n',
    "custom label": 'party: P\nclauses: {{x.t: {{kind: text, label: {}, value: v}}}}\n',
    "text value": 'party: P\nclauses: {{ceasefire.violations: {}}}\n',
}


@pytest.mark.parametrize("char", HIDDEN, ids=[f"U+{ord(c):04X}" for c in HIDDEN])
def test_check_flags_hidden_characters_in_every_text_field(char):
    escaped = f'"A\\U{ord(char):08X}B"'
    for field, template in TEXT_FIELDS.items():
        loaded = read_string("ceasefire: 1\n" + template.format(escaped), "p.yaml")
        flagged = [p for p in loaded.problems if p.code is Code.HIDDEN_TEXT]
        assert flagged and flagged[0].severity is Severity.WARNING, field
        assert HIDDEN[char] in flagged[0].message
        assert loaded.proposal is not None, field  # a warning: the file still loads
    assert reveal(f"A{char}B") == f"A<U+{ord(char):04X}>B"
    assert hidden_characters(f"A{char}B") == [(1, char)]


def test_ordinary_text_in_any_script_is_not_flagged():
    for text in ("Україна", "Россия", "العربية", "עברית", "中文", "Zaporizhzhia – 50/50 “quote”"):
        assert hidden_characters(text) == []


def test_a_flood_of_combining_marks_is_flagged_in_every_text_field_with_its_place():
    flood = '"Z' + "\\u0301" * 3000 + 'algo"'
    for field, template in TEXT_FIELDS.items():
        text = "ceasefire: 1\n" + template.format(flood)
        loaded = read_string(text, "p.yaml")
        flagged = [p for p in loaded.problems if p.code is Code.HIDDEN_TEXT]
        assert len(flagged) == 1 and flagged[0].severity is Severity.WARNING, field
        assert "3,000 combining marks in a row from character 2" in flagged[0].message, field
        line = text.splitlines()[flagged[0].line - 1]
        assert line[flagged[0].column - 1:].startswith(flood), field
        assert loaded.proposal is not None, field


def test_marks_that_real_scripts_stack_are_not_a_flood():
    for text in ("Tiếng Việt: Nguyễn, ở, ữ", "בְּרֵאשִׁ֖ית שָׁל֑וֹם", "ῷ ᾯ", "कि क्षि", "སྐྱོང",
                 "Україна —————— ……!!!?? ———",  # punctuation runs are not marks
                 "e\u0301\u0302\u0303\u0304\u0305\u0306"):  # six on one letter: the most
        loaded = read_string(f'ceasefire: 1\nparty: P\nclauses: {{ceasefire.violations: "{text}"}}\n',
                             "p.yaml")
        assert not loaded.problems, (text, [str(p) for p in loaded.problems])


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    from tui import files

    target = tmp_path / "report.md"
    target.write_text("the previous report")

    def interrupted(content, stream):
        stream.write(b"half a rep")
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "_produce", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomically(target, "the new report")
    assert target.read_text() == "the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no temporary left


async def test_the_app_keeps_the_last_good_view_and_never_writes_proposals(tmp_path):
    from tests.watching import loaded, watch_until
    from tui.app.app import CeasefireApp
    from tui.app.session import digest
    from tui.app.widgets.problems import ProblemBar
    from tui.inputs import Source

    files = []
    for name in ("ukraine.yaml", "russia.yaml"):
        shutil.copy(EXAMPLES / "istanbul-2025-06-02" / name, tmp_path / name)
        files.append(tmp_path / name)
    app = CeasefireApp([Source(f, f.name) for f in files], watch=False, blink=False,
                       folder=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(app, pilot)
        good = app.comparison
        assert good is not None
        for broken in (b"", b"\x00\x01binary", b"ceasefire: !!python/name:os.system\n",
                       b"a: &a [*a]\n"):
            files[0].write_bytes(broken)
            await watch_until(app, pilot,
                              lambda: app.snapshot.contents[0] == digest(broken))  # noqa: B023
            assert app.query_one(ProblemBar).has_class("-visible")
            assert app.comparison is good
        written = {f: f.read_bytes() for f in files}
        await pilot.press("x", "enter", "enter", "r", "t", "escape", "o", "escape", "c", "f", "n")
        await pilot.pause()
        await app.workers.wait_for_complete()
    assert {f: f.read_bytes() for f in files} == written


# May replace a file: an export the user confirmed (never a file compared, tested in
# test_app_export.py), and the app's own settings file.
REPLACES = {"export.py", "settings.py"}


def test_the_app_never_opens_a_proposal_for_writing():
    """No code in the app opens a file for writing except through tui.files (exports)."""
    root = Path(__file__).resolve().parents[2] / "tui" / "app"
    for path in root.rglob("*.py"):
        source = path.read_text()
        for forbidden in ("write_text(", "write_bytes(", "open(", "write_atomically("):
            if forbidden == "write_atomically(" and path.name in REPLACES:
                continue
            assert forbidden not in source, f"{path} uses {forbidden}"
