"""Tunable data lives in auditor/lexicons/, once: no rules module holds a long word list.

A rule keeps grammar in code (sentence shapes, number formats, IBAN and phone syntax) and reads
its vocabulary (words, phrases, topics, organisation words) from the data files, where a school
can extend it through `[lexicons] dir`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from auditor.nlp.lexicon import shipped_files

AUDITOR = Path(__file__).resolve().parents[2] / "auditor"
RULES = AUDITOR / "rules"
# Constants that look like word lists but are grammar, by name, with why.
GRAMMAR = {
    "special.py": {
        "BIRTHDATE": "the sentence shapes of a birthday or an age, each with its own words",
        "BIRTHDATE_CUES": "the quick-look keys of BIRTHDATE, kept in step with it",
        "NUM": "the Dutch numerals an age is written in (grammar, not a school's vocabulary)",
        "OTHER_PATTERN_CUES": "the quick-look keys of the `other` patterns, kept in step with them",
        "HEALTH_PATTERN_CUES": "the quick-look keys of the health patterns, kept in step with them",
    },
}
MAX_LITERALS = 10  # strings in one tuple, list, set or dict display
MAX_STRINGS = 20  # strings in one constant, however nested (a table of topics)
MAX_SPLIT_WORDS = 10  # words in one "a b c".split() string
MAX_WORD_ALTERNATIVES = 15  # plain words as alternatives of one regex ("a|b|c")
LIST_NAMES = frozenset(name.rsplit(".", 1)[0] for name in shipped_files())
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")
_WORD_ALTERNATIVE = re.compile(r"(?:(?<=[|(:])|^)[^\W\d_][^\W\d_'-]{2,}(?=[|)]|$)")


def rule_modules() -> list[Path]:
    return sorted(RULES.rglob("*.py"))


def _strings(node: ast.AST) -> list[str]:
    """The string constants in `node`, but for names of shipped lists (they hold no words)."""
    constants = (n for n in ast.walk(node) if isinstance(n, ast.Constant))
    return [n.value for n in constants if isinstance(n.value, str) and n.value not in LIST_NAMES]


def word_lists_in(source: str, name: str = "module") -> list[str]:
    """Module-level constants of `source` that hold a long literal word list, with why."""
    found = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        if isinstance(target, ast.Name) and target.id in GRAMMAR.get(name, {}):
            continue
        where = f"{name}:{node.lineno}"
        for display in ast.walk(node.value):
            if isinstance(display, ast.Tuple | ast.List | ast.Set | ast.Dict):
                literals = [
                    n
                    for n in ast.iter_child_nodes(display)
                    if isinstance(n, ast.Constant)
                    and isinstance(n.value, str)
                    and n.value not in LIST_NAMES
                ]
                if len(literals) > MAX_LITERALS:
                    found.append(f"{where}: {len(literals)} strings in one display")
        strings = _strings(node.value)
        if len(strings) > MAX_STRINGS:
            found.append(f"{where}: {len(strings)} strings in one constant")
        for text in strings:
            words = [w for w in text.split() if _WORD.fullmatch(w)]
            if len(words) > MAX_SPLIT_WORDS:
                found.append(f"{where}: {len(words)} words in one string")
            alternatives = _WORD_ALTERNATIVE.findall(text)
            if len(alternatives) > MAX_WORD_ALTERNATIVES:
                found.append(f"{where}: {len(alternatives)} words as regex alternatives")
    return found


@pytest.mark.parametrize("path", rule_modules(), ids=lambda p: p.relative_to(RULES).as_posix())
def test_no_rules_module_holds_a_long_word_list(path: Path) -> None:
    assert word_lists_in(path.read_text(encoding="utf-8"), path.name) == []


@pytest.mark.parametrize(
    "source",
    [
        'WORDS = ("a1", "b1", "c1", "d1", "e1", "f1", "g1", "h1", "i1", "j1", "k1")',
        'WORDS = frozenset("een twee drie vier vijf zes zeven acht negen tien elf".split())',
        'TOPIC = {"x": ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")}',
        "TOPICS = {" + ", ".join(f'"t{i}": ("a{i}", "b{i}", "c{i}")' for i in range(6)) + "}",
        'P = re.compile(r"\\b(?:aap|noot|mies|wim|zus|jet|teun|vuur|gijs|lam|kees|bok|weide'
        '|does|hok|schapen)\\b")',
    ],
)
def test_the_scan_finds_a_word_list(source: str) -> None:
    assert word_lists_in(source) != []


def test_every_shipped_list_is_read_by_the_code() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in AUDITOR.rglob("*.py"))
    for name in sorted(shipped_files()):
        stem = name.rsplit(".", 1)[0]
        assert f'"{stem}"' in sources or f"'{stem}'" in sources, f"{name} is read nowhere"
