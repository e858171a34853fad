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
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import msgpack

from auditor.errors import AuditorError

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


def wordfreq_common(min_zipf: float = COMMON_WORD_MIN_ZIPF) -> frozenset[str]:
    """Dutch words at least `min_zipf` frequent, from wordfreq's small Dutch list."""
    path = _package_dir("wordfreq") / "data" / "small_nl.msgpack.gz"
    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False, strict_map_key=False)
    # cBpack: a header, then one bucket of words per centibel below 0 (zipf = 9 - index / 100).
    buckets = data[1:]
    last = int(round((9 - min_zipf) * 100))
    return frozenset(word for bucket in buckets[: last + 1] for word in bucket)


def _words(text: str) -> frozenset[str]:
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


_school_dir: Path | None = None  # `[lexicons] dir`: a school's own lists, merged in
_on_change: list[Callable[[], None]] = []  # caches built from the lexicon, cleared with it


def shipped_lists() -> frozenset[str]:
    """The names of the word lists shipped in auditor/lexicons/ (without .txt)."""
    files = resources.files("auditor.lexicons").iterdir()
    return frozenset(f.name[:-4] for f in files if f.name.endswith(".txt"))


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


def school_lexicons() -> Path | None:
    """The folder of the school's own word lists now merged in (`[lexicons] dir`), if any."""
    return _school_dir


def on_change(clear: Callable[[], None]) -> None:
    """Register a cache that must be cleared when the school's lexicons change."""
    _on_change.append(clear)


def package_list(name: str) -> frozenset[str]:
    """A lower-cased word list from auditor/lexicons/<name>.txt (# comments allowed), plus the
    school's own `<name>.txt` when `[lexicons] dir` names a folder holding one."""
    text = resources.files("auditor.lexicons").joinpath(f"{name}.txt").read_text("utf-8")
    words = _words(text)
    if _school_dir is not None and (own := _school_dir / f"{name}.txt").is_file():
        try:
            words |= _words(own.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise AuditorError(f"{own}: cannot read the school's word list ({exc})") from None
    return words


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
    name_words = package_list("name_words") | package_list("name_words_extra")
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
        organisation_words=package_list("organisation_words"),
        determiners=package_list("determiners"),
    )
