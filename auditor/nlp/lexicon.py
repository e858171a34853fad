"""Word lists the personal-data rules share, loaded once per process from installed packages.

Sources (all offline, installed from PyPI):
- first names, surnames, tussenvoegsels: the Meertens Institute lists shipped as data files in
  `deduce` (LGPL-3.0-or-later). Read from the installed package; deduce itself is never imported.
- Dutch word frequencies: `wordfreq`'s small Dutch list (Apache-2.0 code, CC-BY-SA data), read
  straight from its msgpack file so the library's caches stay out of memory.
- the small hand-kept and derived lists in `auditor/lexicons/` (see auditor/lexicons/README.md).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import msgpack

from auditor.errors import AuditorError

T = TypeVar("T")
COMMON_WORD_MIN_ZIPF = 3.0  # words at least this frequent in Dutch count as ordinary words


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise AuditorError(f"package {name!r} is not installed: pip install {name}")
    return Path(next(iter(spec.submodule_search_locations)))


def _lines(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def deduce_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Lower-cased (first names, surnames, tussenvoegsels) from deduce's Meertens data files."""
    names = _package_dir("deduce") / "data" / "lookup" / "src" / "names"
    first = {n.lower() for n in _lines(names / "lst_first_name" / "items.txt")}
    first -= {n.lower() for n in _lines(names / "lst_first_name" / "exceptions.txt")}
    last = {n.lower() for n in _lines(names / "lst_surname" / "items.txt")}
    last |= {n.lower() for n in _lines(names / "lst_interfix_surname" / "items.txt")}
    last -= {n.lower() for n in _lines(names / "lst_surname" / "exceptions.txt")}
    last -= {n.lower() for n in _lines(names / "lst_interfix_surname" / "exceptions.txt")}
    interfixes = {n.lower() for n in _lines(names / "lst_interfix" / "items.txt")}
    return frozenset(first), frozenset(last), frozenset(interfixes)


@functools.cache
def deduce_places() -> frozenset[str]:
    """Lower-cased names of Dutch municipalities and residences from deduce's location data
    ("apeldoorn", "reimerswaal", "anna paulowna"), less the ones deduce itself marks as words."""
    places = _package_dir("deduce") / "data" / "lookup" / "src" / "locations" / "lst_placename"
    names = {n.lower() for n in _lines(places / "lst_municipality" / "items.txt")}
    names |= {n.lower() for n in _lines(places / "lst_residence" / "items.txt")}
    return frozenset(
        names - {n.lower() for n in _lines(places / "lst_residence" / "exceptions.txt")}
    )


def wordfreq_common(min_zipf: float = COMMON_WORD_MIN_ZIPF) -> frozenset[str]:
    """Dutch words at least `min_zipf` frequent, from wordfreq's small Dutch list."""
    return frozenset(w for w, zipf in wordfreq_zipf("nl", min_zipf).items() if zipf >= min_zipf)


@functools.cache
def dutch_words() -> frozenset[str]:
    """Every word of wordfreq's small Dutch list (rare ones too): a word written in haste that
    is in it is a real word, not a typo of another."""
    return frozenset(wordfreq_zipf("nl", 1.0))


def dutch_words_among(candidates: frozenset[str]) -> frozenset[str]:
    """The strings of `candidates` that are words of wordfreq's large Dutch list (311,000 words,
    rare ones and frequent misspellings too), read once for the call and not kept: the small list
    of `dutch_words` misses rare words a typo check must not take for a typo ("geanimeerd")."""
    path = _package_dir("wordfreq") / "data" / "large_nl.msgpack.gz"
    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False, strict_map_key=False)
    return frozenset(word for bucket in data[1:] for word in bucket if word in candidates)


def wordfreq_zipf(lang: str, min_zipf: float) -> dict[str, float]:
    """Word -> Zipf frequency for the words of wordfreq's small `lang` list at least `min_zipf`
    frequent, read straight from its msgpack file so the library's caches stay out of memory."""
    path = _package_dir("wordfreq") / "data" / f"small_{lang}.msgpack.gz"
    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False, strict_map_key=False)
    # cBpack: a header, then one bucket of words per centibel below 0 (zipf = 9 - index / 100).
    buckets = data[1:]
    last = int(round((9 - min_zipf) * 100))
    ranked = enumerate(buckets[: last + 1])
    return {word: 9 - index / 100 for index, bucket in ranked for word in bucket}


_school_dir: Path | None = None  # `[lexicons] dir`: a school's own lists, merged in
_on_change: list[Callable[[], None]] = []  # caches built from the lexicon, cleared with it


def use_school_lexicons(folder: Path | None) -> None:
    """Merge the lists in `folder` (files named as the shipped ones) into the lexicon.

    The shipped files are never touched: a school's `<name>.txt` adds its lines to the shipped
    `<name>.txt`. Caches built from the lexicon are rebuilt when the folder changes.
    """
    global _school_dir
    if folder == _school_dir:
        return
    _school_dir = folder
    lexicon.cache_clear()
    for clear in _on_change:
        clear()


def school_extends(names: tuple[str, ...]) -> bool:
    """Whether the school's own folder (`[lexicons] dir`) holds one of these lists: then a
    rule's quick look for the shipped words alone would miss the school's own."""
    folder = _school_dir
    return folder is not None and any((folder / f"{name}.txt").is_file() for name in names)


def school_lexicons() -> Path | None:
    """The folder of the school's own word lists now merged in (`[lexicons] dir`), if any."""
    return _school_dir


def on_change(clear: Callable[[], None]) -> None:
    """Register a cache that must be cleared when the school's lexicons change."""
    _on_change.append(clear)


def package_list(name: str) -> frozenset[str]:
    """A lower-cased word list from auditor/lexicons/<name>.txt (# comments allowed), plus the
    school's own `<name>.txt` when `[lexicons] dir` names a folder holding one."""
    return frozenset(package_entries(name))


def shipped_files() -> frozenset[str]:
    """The file names of every list shipped in auditor/lexicons/ (word and pattern lists .txt,
    tables .toml): the names a school's own file may have."""
    files = resources.files("auditor.lexicons").iterdir()
    return frozenset(f.name for f in files if f.name.endswith((".txt", ".toml")))


@functools.cache
def package_table(name: str) -> dict[str, Any]:
    """The table auditor/lexicons/<name>.toml, with the school's own `<name>.toml` merged in:
    its lists extend the shipped lists of the same key, its other keys are added (a value that
    is no list or table replaces the shipped one)."""
    text = resources.files("auditor.lexicons").joinpath(f"{name}.toml").read_text("utf-8")
    table = tomllib.loads(text)
    if _school_dir is not None and (own := _school_dir / f"{name}.toml").is_file():
        try:
            table = _merged(table, tomllib.loads(own.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise AuditorError(f"{own}: cannot read the school's table ({exc})") from None
    return table


on_change(package_table.cache_clear)


def _merged(shipped: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    merged = dict(shipped)
    for key, value in own.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merged(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [v for v in value if v not in old]
        else:
            merged[key] = value
    return merged


def lexicon_cache(build: Callable[[], T]) -> Callable[[], T]:
    """`functools.cache` for a value built from the word lists (a compiled pattern, a table):
    built once, on first use, and built again after a school's own lists change."""
    cached = functools.cache(build)
    on_change(cached.cache_clear)
    return cached


def _school_text(name: str) -> str:
    if _school_dir is None or not (own := _school_dir / f"{name}.txt").is_file():
        return ""
    try:
        return own.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditorError(f"{own}: cannot read the school's word list ({exc})") from None


def _entry_lines(text: str, *, lower: bool) -> list[str]:
    entries = (line.strip() for line in text.splitlines())
    return [e.lower() if lower else e for e in entries if e and not e.startswith("#")]


@functools.cache
def package_entries(name: str, *, lower: bool = True) -> tuple[str, ...]:
    """The entries of auditor/lexicons/<name>.txt in file order, then the school's own
    `<name>.txt` (`[lexicons] dir`), each once; lower-cased unless `lower` is false (patterns)."""
    text = resources.files("auditor.lexicons").joinpath(f"{name}.txt").read_text("utf-8")
    entries = _entry_lines(text, lower=lower) + _entry_lines(_school_text(name), lower=lower)
    return tuple(dict.fromkeys(entries))


on_change(package_entries.cache_clear)


def package_patterns(name: str) -> str:
    """The regular-expression alternatives in auditor/lexicons/<name>.txt (one a line, in file
    order, the school's own after the shipped ones) joined with `|`, for a rule to wrap."""
    if not name.endswith(PATTERNS_SUFFIX):
        raise ValueError(f"{name}: a pattern list's name ends in {PATTERNS_SUFFIX}")
    entries = package_entries(name, lower=False)
    for entry in entries:
        _check_pattern(entry, name)
    return "|".join(entries)


PATTERNS_SUFFIX = "_patterns"  # lists of regular-expression alternatives, not plain words


def _check_pattern(entry: str, where: str) -> None:
    try:
        re.compile(entry)
    except re.error as exc:
        raise AuditorError(f"{where}: {entry!r} is no valid pattern ({exc})") from None


# How an organisation word is matched (see auditor/lexicons/README.md); a line without a
# `[mode, ...]` marker is matched in the DEFAULT_ORGANISATION_MODES.
ORGANISATION_MODES = (
    "name",
    "ending",
    "mention",
    "mention-ending",
    "handle",
    "reply",
    "reply-start",
)
DEFAULT_ORGANISATION_MODES = ("name", "handle", "reply")
_MARKED = re.compile(r"(?P<entry>[^\[]*?)\s*(?:\[(?P<modes>[^\]]*)\])?")


@dataclass(frozen=True)
class Organisations:
    """The organisation vocabulary of `organisation_words.txt`, one tuple per matching mode."""

    name: tuple[str, ...]  # whole word: a business or venue name follows ("Bakkerij Dijkstra")
    ending: tuple[str, ...]  # a word of 7+ letters ending so is one ("Autobedrijf")
    mention: tuple[str, ...]  # whole word, only for "an organisation is named here" (secretariaat)
    mention_ending: tuple[str, ...]  # ... only for "an organisation is named here" (Voedselbank)
    handle: tuple[str, ...]  # anywhere in an @handle or profile link ("@bieb_twello")
    reply: tuple[str, ...]  # a reply's target: a whole word, or anywhere when 5+ letters
    reply_start: tuple[str, ...]  # may start a reply's target ("GGDIJsselland")


def organisation_modes(line: str) -> tuple[str, tuple[str, ...]]:
    """The word of an `organisation_words.txt` line and its matching modes."""
    match = _MARKED.fullmatch(line.strip())
    if match is None or not match.group("entry"):
        raise AuditorError(f"organisation_words: {line!r}: a word, then optionally [mode, ...]")
    if match.group("modes") is None:
        return match.group("entry"), DEFAULT_ORGANISATION_MODES
    modes = tuple(m for m in re.split(r"[\s,]+", match.group("modes")) if m)
    unknown = [m for m in modes if m not in ORGANISATION_MODES]
    if unknown or not modes:
        raise AuditorError(
            f"organisation_words: {line!r}: unknown mode {unknown[0] if unknown else '(none)'!r}"
            f" (modes: {', '.join(ORGANISATION_MODES)})"
        )
    return match.group("entry"), modes


def organisations() -> Organisations:
    """The organisation vocabulary, shipped and the school's own (see `Organisations`)."""
    return _organisations()


@lexicon_cache
def _organisations() -> Organisations:
    by_mode: dict[str, list[str]] = {mode: [] for mode in ORGANISATION_MODES}
    for line in package_entries("organisation_words"):
        word, modes = organisation_modes(line)
        for mode in modes:
            by_mode[mode].append(word)
    return Organisations(**{m.replace("-", "_"): tuple(words) for m, words in by_mode.items()})


def _table_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _table_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _table_strings(v)]
    return []


def check_school_list(path: Path) -> str | None:
    """What is wrong with a school's own list `path` (a pattern that does not compile, an
    unknown organisation mode), or None."""
    try:
        if path.suffix == ".toml":
            for entry in _table_strings(tomllib.loads(path.read_text(encoding="utf-8"))):
                _check_pattern(entry, path.name)  # a table's strings are regular expressions
            return None
        entries = _entry_lines(path.read_text(encoding="utf-8"), lower=False)
        for entry in entries:
            if path.stem.endswith(PATTERNS_SUFFIX):
                _check_pattern(entry, path.name)
            elif path.stem == "organisation_words":
                organisation_modes(entry.lower())
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return f"{path.name}: cannot be read ({exc})"
    except AuditorError as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class Lexicon:
    """Every word list the name and special-category rules use (lower-case strings)."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    interfixes: frozenset[str]
    name_words: frozenset[str]  # first names that are also Dutch words: need context
    common_words: frozenset[str]  # ordinary Dutch words (frequent, and not a known name)
    strong_titles: frozenset[str]  # juf, meester, opa, familie: a name follows
    greetings: frozenset[str]  # hoi, beste, welkom: a known or unknown name may follow
    not_names: frozenset[str]  # capitalised words never read as a name (Sint, Piet, Koning)
    public_figures: frozenset[str]  # phrases: public figures, saints, fictional characters
    organisation_words: frozenset[str]  # bakkerij, autobedrijf: a business name follows
    determiners: frozenset[str]  # de, het, een, onze: a word, not a name, follows


@functools.cache
def lexicon() -> Lexicon:
    """The shared lexicon, built on first use and kept for the life of the process."""
    first, last, interfixes = deduce_names()
    first = first | package_list("first_names_extra") | package_list("first_names_hand")
    last = last | package_list("surnames_extra") | package_list("surnames_hand")
    not_names = package_list("not_names")
    stop_words = package_list("stop_words")
    first = first - not_names - stop_words
    frequent = wordfreq_common()
    # A first name counts as a word too only when that word is frequent (roos, storm, merel):
    # rare ones (aster, kwame, mirte) are read as names.
    name_words = (package_list("name_words") & frequent) | package_list("name_words_extra")
    common = frozenset(w for w in frequent if w not in first and w not in last) | name_words
    return Lexicon(
        first_names=first,
        surnames=last,
        interfixes=interfixes,
        name_words=name_words,
        common_words=common | stop_words,
        strong_titles=package_list("name_titles"),
        greetings=package_list("name_greetings"),
        not_names=not_names,
        public_figures=package_list("public_figures"),
        organisation_words=frozenset(organisations().name),
        determiners=package_list("determiners"),
    )
