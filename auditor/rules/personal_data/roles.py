"""The part a capitalised word plays in its sentence, beyond the word lists.

- An English sentence ("Can anyone bring ...", "International Day was a blast") capitalises
  ordinary words that are first names elsewhere (Can, Day, Mark, Will): in such a sentence a
  frequent English word is no name unless a title or greeting stands before it. A sentence is
  English when more of its words are far more frequent in English than in Dutch than the reverse
  (wordfreq, both languages).
- A public office before a name ("burgemeester Kees Ruiter", "wethouder De Boer") makes it a
  public figure in their public role (auditor/lexicons/public_roles.txt).
- A Roman numeral after a name ("Willem II", "Karel V") names a king or a club.
- A capitalised word no list knows may still be a name where a person stands (before "heeft",
  "mocht", "moet"), when it has a name's shape: no frequent Dutch word, no compound of Dutch
  words ("Schoolfruit"), no CamelCase ("TikTok"), not after "in" or "naar" (a place), in a
  sentence that is Dutch (not Frisian or English).
- In a sentence written all in lower case, a word no Dutch or English list knows, in a list
  with a lower-case name ("ikram en mewael"), is a name too.
- Such a word is a person's name too where only a person stands: before a possessive that
  points back ("Efua en haar team"), after a relative ("de moeder van Zuzia"), spoken to after
  a comma in a greeting ("Welkom bij ons team, Dilnoza Karimova!"), two of them joined by "en"
  before a plural verb ("Xinyi en Haoran hielpen"). A single word before a plural verb is a
  group ("Kleuters waren ...").
- A first name that is also a word is no person inside the capitalised name of a thing ("Team
  Storm", "Koning Winter", "Sky Radio"), in a quoted title ("de musical 'Polderkoning Pim'"),
  or as an English imperative before a determiner ("And Mark the date"), in a list of
  capitalised things ("Appel, Peer en Banaan"), after a word that opens a carnival or story
  title (an unknown word after "Prins"), or named by a storm or toy word before it ("Storm
  Eunice", "Beertje Paddington"); a full name after a quoted title and "van" is its maker's.
- In a post about a Bible story ("het verhaal van", "Jezus", "de ark") a Biblical name is the
  figure's ("Abraham en Sara", "Maria Magdalena"), unless a title, greeting or group stands
  with it or it plays a part ("Thomas was David"); a name before "10:14" is a Bible book.
- An English word after a title is a given name ("meester Will"); miss, mrs and ms are titles.
- A name given to an animal, toy, robot or plant ("Schoolhond Max", "de plant heet Harry") is
  that pet's in the rest of the post too; a capitalised English word inside a sentence makes
  the first name after it part of a title ("de film Finding Nemo"); an office after a hyphen
  counts ("PSV-legende"); thanks may take three words ("dank je wel Pratibha voor ...").
- In lower case, a first name that is also a word opens a sentence before a verb of a person
  and "zijn"/"haar" ("mees heeft vandaag zijn zwemdiploma"): a noun would need "de".
"""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from auditor.nlp.lexicon import (
    deduce_places,
    dutch_words,
    lexicon,
    lexicon_cache,
    package_list,
    package_patterns,
    wordfreq_zipf,
)
from auditor.nlp.patterns import Alternatives, gated

LEAN = 1.0  # a word ten times as frequent in one language as in the other leans to it
ENGLISH_WORD_MIN_ZIPF = 3.5  # an English word at least this frequent may open a sentence
DUTCH_SHARE = 0.7  # share of a sentence's words (the unknown one too) frequent in Dutch, not
# far more so in English, that makes it Dutch
ABSENT_ZIPF = 2.5  # a word missing from a language's list (its floor is 3)
SENTENCE = re.compile(r"[^.!?:\n]+")
WORD_RUN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Articles never stand before a person's first name in written Dutch ("naar het NEMO", "een
# Mercedes"); possessives do ("onze Noah", "haar Jelmer").
ARTICLES = frozenset(("het", "een", "'t", "’t"))
ROMAN_AFTER = re.compile(r" (?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})\b")


@functools.cache
def _zipf() -> tuple[dict[str, float], dict[str, float]]:
    return wordfreq_zipf("en", 3.0), wordfreq_zipf("nl", 3.0)


# A word this frequent in Dutch (zipf) after "familie" or "meneer" goes on with the sentence
# ("de familie heel veel sterkte"); a surname that is also a word is rarer ("familie bakker").
FREQUENT_DUTCH_ZIPF = 5.0


def frequent_dutch(word: str) -> bool:
    """`word` is among the most frequent Dutch words ("heel", "meer", "kinderen", "school")."""
    return _zipf()[1].get(word.lower(), 0.0) >= FREQUENT_DUTCH_ZIPF


TYPO_SURE_LENGTH = 6  # from this length a word one letter off a frequent word is a typo of it


@functools.cache
def _frequent_dutch() -> tuple[str, ...]:
    return tuple(w for w in _zipf()[1] if len(w) > 3)


def dutch_typo(word: str) -> bool:
    """A lower-case word one letter off a frequent Dutch word is that word written in haste
    ("vandaaag", "schooll", "morgn"), no name. In a short word only a dropped letter counts: a
    short word with one letter more than a Dutch word is as often a name ("ecrin", "erin")."""
    return typo_of(word) is not None


def typo_of(word: str) -> str | None:
    """The frequent Dutch word a lower-case word is written in haste for (see `dutch_typo`)."""
    best = process.extractOne(word, _frequent_dutch(), scorer=Levenshtein.distance, score_cutoff=1)
    if best is not None and (len(word) >= TYPO_SURE_LENGTH or len(best[0]) > len(word)):
        return str(best[0])
    return None


def lower_name_in_a_slot(word: str) -> bool:
    """A lower-case word no word list knows, of a name's shape ("ruthmila", "yaroslav"), or one
    letter off a first name that Dutch text uses too ("oliwia": "olivia"): in the place of a
    name in a list of places or groups it is a name."""
    if not unknown_lower_name(word) or not unknown_name_shape(word.capitalize()):
        return False
    right = typo_of(word)
    return right is None or right in lexicon().first_names


def dutch_word(word: str) -> bool:
    """A frequent Dutch word ("boer", "visser", "kapitein"), whatever else it may be."""
    return word.lower() in _zipf()[1]


def english_word(word: str) -> bool:
    """An ordinary English word (Can, Day, Will, Hope), not a name: frequent in English and ten
    times more so than in Dutch. A first name is about as frequent in both (Emma, Sam, Anna);
    names that are English words too stay names (Bill, Grace, Mark: 2-5 times)."""
    en, nl = _zipf()
    low = word.lower()
    zipf = en.get(low, 0.0)
    return zipf >= ENGLISH_WORD_MIN_ZIPF and zipf - nl.get(low, ABSENT_ZIPF) >= LEAN


def _sentence_words(text: str, pos: int) -> list[str]:
    lo = max(text.rfind(ch, 0, pos) for ch in ".!?:\n") + 1
    m = SENTENCE.match(text, lo)
    return WORD_RUN.findall(m.group()) if m else []


def dutch_sentence(text: str, pos: int) -> bool:
    """True when most other words of the sentence holding `pos` are frequent Dutch words: a
    Frisian or Limburgish sentence ("Moarn is it Sint-Maarten") is not read for unknown names.
    Other capitalised words no list knows are left out of the count."""
    en, nl = _zipf()
    at = WORD_RUN.match(text, pos)
    own = at.group() if at else ""
    # Other capitalised words no list knows are names or places too ("Xinyi en Haoran ...").
    words = [
        w.lower()
        for w in _sentence_words(text, pos)
        if w == own or not w[0].isupper() or w.lower() in nl
    ]
    known = sum(w in nl and en.get(w, ABSENT_ZIPF) - nl[w] < LEAN for w in words)
    return known >= DUTCH_SHARE * len(words)


def english_sentence(text: str, pos: int) -> bool:
    """True when the sentence (or line, or clause before a colon) holding `pos` is English."""
    en, nl = _zipf()
    english = dutch = 0
    for word in _sentence_words(text, pos):
        low = word.lower()
        lean = en.get(low, ABSENT_ZIPF) - nl.get(low, ABSENT_ZIPF)
        if lean >= LEAN:
            english += 1
        elif lean <= -LEAN:
            dutch += 1
    return english >= 2 and english > 2 * dutch


def unknown_name_shape(word: str) -> bool:
    """Whether a capitalised word missing from the name lists may be a name: no frequent Dutch
    word ("Koek", "Holland"), not CamelCase ("TikTok"), not a Dutch compound of two frequent
    words ("Schoolfruit", "Maasbrug", "Intekenen"), every part of a hyphenated word a known
    name."""
    if any(ch.isupper() for ch in word[1:]) and "-" not in word:
        return False
    low = word.lower()
    dutch = _zipf()[1]
    if low in dutch:
        return False
    lex = lexicon()
    if "-" in low:
        return all(p in lex.first_names or p in lex.surnames for p in low.split("-"))
    return not any(_compound_at(low, cut, dutch, lex.first_names) for cut in range(2, len(low) - 2))


def _compound_at(
    low: str, cut: int, dutch: dict[str, float], first: frozenset[str], inner: bool = False
) -> bool:
    """`low` is a Dutch word before `cut` and one after ("school|fruit", "in|tekenen"), or a
    stem before a Dutch word of four letters or more, no first name ("voorlees|wedstrijd"), or
    (once) a compound of two Dutch words before a third ("mijn|museum|dag")."""
    modifier, head = low[:cut], low[cut:]
    if head not in dutch:
        return False
    if len(head) < 4 and len(modifier) < 3:
        return False  # "ha|ben": too short to tell
    if (
        modifier in dutch
        and modifier not in first
        or modifier[-1] == "s"
        and modifier[:-1] in dutch
    ):
        return True
    if not inner and len(modifier) >= 6:
        if any(_compound_at(modifier, c, dutch, first, True) for c in range(3, len(modifier) - 2)):
            return True
    return len(modifier) >= 3 and len(head) >= 4 and head not in first


def unknown_subject_shape(word: str) -> bool:
    """Whether a capitalised word no list knows, opening a clause before a verb with a personal
    fact after it ("Djamal zit na zijn operatie ...", "Tesfit is er niet: hij krijgt ..."), may
    be its subject's name: no Dutch word (rare ones too), no English one, not CamelCase nor
    hyphenated, and no compound of two Dutch words, one of three letters or more and the other
    of four or more (the first perhaps in its s-form: "Piraten|week", "Konings|spelen"), and
    no Dutch word of five letters or more first ("Luizen|pluizen"). Looser than `unknown_name_shape`
    about short parts ("Dj|amal", "Tes|fit"): the fact after the verb is evidence too."""
    low = word.lower()
    if not low.isalpha() or any(ch.isupper() for ch in word[1:]) or english_word(word):
        return False
    nl = dutch_words()
    if low in nl:
        return False
    for cut in range(3, len(low) - 2):
        modifier, head = low[:cut], low[cut:]
        if len(modifier) >= 5 and modifier in nl:
            return False  # a long Dutch word first: "Luizen|pluizen"
        if len(modifier) + len(head) < 8 or head not in nl:
            continue  # (three letters on one side, four on the other at least)
        if modifier in nl or modifier[-1] == "s" and modifier[:-1] in nl:
            return False
    return True


def unknown_lower_name(word: str) -> bool:
    """A lower-case word no Dutch or English word list knows, letters only ("mewael")."""
    en, nl = _zipf()
    return word.isalpha() and word not in nl and word not in en


def greeting_link(word: str) -> bool:
    """`word` links a greeting to the person it is for ("beterschap voor", "welkom aan"):
    name_greeting_links.txt."""
    return word.lower() in _greeting_links()


@lexicon_cache
def _greeting_links() -> frozenset[str]:
    return package_list("name_greeting_links")


def bible_story(text: str) -> bool:
    """The post tells or speaks of a Bible story ("het verhaal van", "Jezus", "de ark"):
    bible_cue_patterns.txt."""
    return _bible_cues().search(text) is not None


@lexicon_cache
def _bible_cues() -> Alternatives:
    return Alternatives(rf"\b(?:{package_patterns('bible_cue_patterns')})\b", re.IGNORECASE)


def bible_figure(value: str) -> bool:
    """Every word of `value` names a figure of the Bible stories ("Sara", "Maria Magdalena"),
    spelled with or without a diaeresis ("Samuël", "Samuel"): bible_figures.txt."""
    figures = _bible_figures()
    return all(_plain(word.lower()) in figures for word in value.split())


def _plain(word: str) -> str:
    """`word` without its accents and diaereses ("samuël" -> "samuel")."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@lexicon_cache
def _bible_figures() -> frozenset[str]:
    return frozenset(_plain(word) for word in package_list("bible_figures"))


def kin_word(word: str) -> bool:
    """`word` names a relative ("moeder", "oma"): kin_words.txt."""
    return word.lower() in _kin_words()


@lexicon_cache
def _kin_words() -> frozenset[str]:
    return package_list("kin_words")


def abbreviation(word: str) -> bool:
    """A title that may end in a full stop before its name ("mr.", "dhr.", "mevr.", "fam."):
    short, and no relative's word ("bij zijn opa. Sem ...")."""
    return len(word) <= 4 and not kin_word(word)


def place_before(word: str) -> bool:
    """`word` puts what follows in the place of a place ("in", "naar"): place_prepositions.txt."""
    return word.lower() in _place_prepositions()


@lexicon_cache
def _place_prepositions() -> frozenset[str]:
    return package_list("place_prepositions")


def place_name_length(text: str, starts: list[int], ends: list[int], k: int) -> int:
    """How many tokens from token k on spell a Dutch place of several words ("Anna Paulowna",
    "Egmond aan Zee", "Maria Hoop"), the longest; 0 when none does."""
    places = _places_of_words()
    for last in range(min(k + 3, len(starts) - 1), k, -1):
        if text[starts[k] : ends[last]].lower() in places:
            return last - k + 1
    return 0


@functools.cache
def _places_of_words() -> frozenset[str]:
    return frozenset(p for p in deduce_places() if " " in p and "(" not in p)


def public_roles() -> frozenset[str]:
    """The public offices ("burgemeester", "wethouder"), a name after which is a public
    figure's: public_roles.txt (entries with a leading hyphen are `compound_role` only)."""
    return _public_roles()


@lexicon_cache  # a school's own public_roles.txt adds offices
def _public_roles() -> frozenset[str]:
    return frozenset(r for r in package_list("public_roles") if not r.startswith("-"))


def compound_role(word: str) -> bool:
    """`word` is a club or team compound of a public role ("Ajax-speler", "Oranje-aanvoerder"):
    public_roles.txt entries with a leading hyphen."""
    low = word.lower()
    return "-" in low and "-" + low.rsplit("-", 1)[-1] in _compound_roles()


@lexicon_cache
def _compound_roles() -> frozenset[str]:
    return frozenset(r for r in package_list("public_roles") if r.startswith("-"))


def named_things() -> frozenset[str]:
    """Words before the name of a ship, lighthouse, bridge or island ("veerboot", "Zr.Ms.",
    "het eiland"), often a person's name: named_thing_words.txt."""
    return _named_things()


@lexicon_cache
def _named_things() -> frozenset[str]:
    return package_list("named_thing_words")


def brand(phrase: str) -> bool:
    """`phrase` is a chain's name ("Albert Heijn"): brands.txt."""
    return phrase.lower() in _brands()


@lexicon_cache
def _brands() -> frozenset[str]:
    return package_list("brands")


# A season arriving or greeted ("Winter komt eraan", "Lente is begonnen", "Welkom Lente!"),
# unless a birthday is in the post ("Fijne verjaardag, Zomer!": a pupil named so).
SEASON_ARRIVES = re.compile(
    r"\s+(?:komt|kwam)\s+(?:eraan|er\s+aan|weer|in\s+aantocht)"
    r"|\s+is\s+(?:begonnen|daar|er\b|voorbij|in\s+aantocht|gearriveerd|in\s+het\s+land)"
)
BIRTHDAY = gated(r"jarig|verjaardag|feliciteer|gefeliciteerd|\bwordt\s+(?:vandaag\s+)?\d", re.I)


def birthday_post(text: str) -> bool:
    """The post speaks of someone's birthday ("jarig", "wordt vandaag 5")."""
    return BIRTHDAY.search(text) is not None


def season_word(word: str) -> bool:
    """`word` is a season ("Lente", "Winter"): season_words.txt."""
    return word.lower() in _season_words()


@lexicon_cache
def _season_words() -> frozenset[str]:
    return package_list("season_words")


def roman_after(text: str, end: int) -> bool:
    """A Roman numeral right after the word ending at `end`: "Willem II", "Karel V"."""
    return ROMAN_AFTER.match(text, end) is not None


def feast_word(word: str) -> bool:
    """`word` is a feast whose greeting goes on in a name-like word ("Ramadan Kareem", "Eid
    Mubarak"): feast_words.txt."""
    return word.lower() in _feast_words()


@lexicon_cache
def _feast_words() -> frozenset[str]:
    return package_list("feast_words")


def named_place_word(word: str) -> bool:
    """`word` makes the name words before it a building's, institution's or prize's name ("Van
    Nelle Fabriek", "Anne Frank Huis"): named_place_words.txt, as a whole capitalised word, or
    as the ending of a compound with three letters or more before it that is no surname
    ("Martin Luther Kingschool"; not "thuis", "Kamphuis"). Asked once per word (words.py)."""
    low = word.lower()
    places = package_list("named_place_words")
    if low in places:
        return word[:1].isupper()
    lex = lexicon()
    return (
        any(low.endswith(p) and len(low) - len(p) >= 3 for p in places)
        and low not in lex.surnames
        and low not in lex.first_names
    )


def amount_word(word: str) -> bool:
    """`word`, before a number, says how many ("max 14 kinderen"): amount_words.txt."""
    return word.lower() in _amount_words()


@lexicon_cache
def _amount_words() -> frozenset[str]:
    return package_list("amount_words")


def club_letters(word: str) -> bool:
    """`word` is a club's letters; the word after it is the club's name ("ac milan"):
    club_letters.txt."""
    return word.lower() in _club_letters()


@lexicon_cache
def _club_letters() -> frozenset[str]:
    return package_list("club_letters")


def number_word(word: str) -> bool:
    """`word` counts what follows ("zeven Elsa's, drie Anna's": kinds, costumes, characters,
    not persons): number_words.txt."""
    return word.lower() in _number_words()


@lexicon_cache
def _number_words() -> frozenset[str]:
    return package_list("number_words")


def saint_title(word: str) -> bool:
    """`word` is a saint's title ("Sint", "Sviatyi", "Święty", "Sankt"): the name after it is
    the saint's: saint_titles.txt."""
    return word.lower() in _saint_titles()


@lexicon_cache
def _saint_titles() -> frozenset[str]:
    return package_list("saint_titles")


def story_cue_ends(text: str) -> list[int]:
    """Where the figures of a story, play or film begin ("het verhaal van Rama en Sita", "een
    toneelstuk over Nasreddin Hodja"): story_cue_patterns.txt."""
    return [m.end() for m in _story_cues().finditer(text)]


@lexicon_cache
def _story_cues() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{package_patterns('story_cue_patterns')})\s+", re.IGNORECASE)
