"""Base forms of an inflected Dutch word: a plural, a diminutive or an inflected adjective, so a
word list holding "kuur", "hechting" or "glutenvrij" also knows "kuren", "hechtinkjes" and
"glutenvrije" (a school's word lists name each term once, in its dictionary form).

Spelling rules only, no dictionary: a form made here may be no word at all ("operer" from
"opereren"); it matters only when a word list holds it."""

from __future__ import annotations

VOWELS = frozenset("aeiou")
# Diminutive endings, longest first: "pilletje" (-etje after a doubled consonant), "kaartje",
# "bloempje", "krukje"; each also as a plural (-s).
DIMINUTIVES = ("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je")
MIN_STEM = 4  # shorter stems make too many accidental words ("ic" from "ics")
MIN_ADJECTIVE_STEM = 6  # "blinde" stays itself: "de blinde hoek"


def base_forms(word: str) -> tuple[str, ...]:
    """The forms `word` (lower case) may be inflected from, without `word` itself."""
    forms: list[str] = []
    for tail in DIMINUTIVES:  # every reading: "apparaatje" is "apparaat" + "je", not "-tje"
        if word.endswith(tail) and len(word) - len(tail) >= MIN_STEM:
            stem = word[: -len(tail)]
            if tail.startswith("e"):
                stem = _undoubled(stem)  # "pilletje" -> "pil"
            elif stem.endswith("ink") and tail.startswith("j"):
                stem = stem[:-1] + "g"  # "hechtinkje" -> "hechting"
            forms.append(stem)
    if word.endswith("en") and len(word) - 2 >= MIN_STEM - 1:
        forms += _plural_stems(word[:-2])  # "kuren" -> "kuur", "krukken" -> "kruk"
    if word.endswith("'s") and len(word) - 2 >= MIN_STEM:
        forms.append(word[:-2])  # "hypo's"
    elif not forms and word.endswith("s") and not word.endswith("ss") and len(word) > MIN_STEM:
        forms.append(word[:-1])  # "operaties", "ziektes"
    if word.endswith("e") and len(word) - 1 >= MIN_ADJECTIVE_STEM:
        forms.append(word[:-1])  # "glutenvrije"
    return tuple(dict.fromkeys(f for f in forms if f != word))


def _plural_stems(stem: str) -> list[str]:
    """The singulars of a plural in -en with `stem` before the ending: the stem itself
    ("behandelingen"), a doubled consonant undone ("krukken"), a vowel of an open syllable
    written twice ("kuren" -> "kuur")."""
    stems = [stem]
    if stem[-1:] in ("z", "v"):
        stems.append(stem[:-1] + {"z": "s", "v": "f"}[stem[-1]])  # "ziekenhuizen", "brieven"
    elif len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        stems.append(stem[:-1])
    elif (
        len(stem) >= 3
        and stem[-1] not in VOWELS
        and stem[-2] in VOWELS
        and stem[-3] not in VOWELS
        and stem[-2] != "i"
    ):
        stems.append(stem[:-1] + stem[-2] + stem[-1])
    return [s for s in stems if len(s) >= MIN_STEM]


def _undoubled(stem: str) -> str:
    return stem[:-1] if len(stem) >= 2 and stem[-1] == stem[-2] else stem
