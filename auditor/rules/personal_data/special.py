"""Facts about a person: birthdays and ages, health and other special-category data, school
advice, grades, family situation, care and refugee status.

A fact counts only when it is said *of a person*. Birthdays: a name in the same or the previous
sentence, or the name that answers a birthday question or heading ("Vandaag jarig: Sem"); in a
birthday post the date on a name's short list line, whatever the layout. Health and `other`: the
vocabulary lives in word lists by semantic field (auditor/lexicons/health_*.txt, other_*.txt:
conditions, treatments, aids, medication, diets, care places, death, birth, religion, recovery;
family, care, school career, work and money, misconduct), matched word by word with stems and
compounds, also in another form than the entry's (plural, diminutive, inflected adjective:
`auditor.nlp.inflection`); health said without its words is read from sentence structure (a
relative's loss, a fall or a ban from sports, food a person may not have, a complaint at a part
of the body, a finger prick, a medicine given at a time of day, a care home lived in, a baby a
woman "krijgt", a day off for a religious feast); `other` likewise (a stay with relatives "for
now", a young carer, a year group done again or skipped). A term is someone's when the clause
that holds it (a sentence, cut at ":" and ";") names a person, or speaks of one with a pronoun
or possessive ("zij", "zijn oma", "haar insuline", an entry that opens with one: "haar
gezondheid"; a subject pronoun also after its verb: "Met een gebroken pols kwam ze") named in the
clause or the two before, or after a colon that follows a name ("Fijn nieuws voor Dounia: via
Leergeld kan ze mee"), or follows a wish or prayer request for one ("Wilt u bidden voor Samuel?
De uitslagen waren niet goed.") or a named person's absence and a colon ("Vrijdag is Daan er
niet: controle bij de kinderarts"); for `other` also a definite noun for people refers back to
those named before ("De kinderen wonen nu bij hun oma", "Het gezin krijgt een voedselpakket").
In a post of results or advice, or a list whose lines end in school levels, a list line that
opens with a name pairs it with its value ("Selin – vwo", "1. Ayoub 48 punten", "Maarten: niveau
A").
Sentence
structure rules out the rest:
a topic ("een spreekbeurt over diabetes", "de strijd tegen kanker", "wat doe je bij een gebroken
arm"), a hospital that is no one's stay (a class visit, a workplace), a professional who is
nobody's carer ("is verpleegkundige"), a family fact without a family member ("gescheiden
afval"), a grade of no one ("groep 7 haalde gemiddeld een 7,8") or with a unit ("3,4 meter"), a
father's new baby or a nativity play ("de geboorte van Jezus"), a job named after a condition
("dyslexiespecialist"), a pupil kept home without misbehaviour named (not a suspension).
Ages: a birthday phrase, or an age said right after its subject ("Jente is net 4", "Opa Hendrik
is 80 en ...", also after its group: "Sara (groep 4) is acht jaar"; "Noah is van 2019") or after
the verb that comes before its subject ("Vandaag wordt Daan 8 jaar!"), in a question a name
answers ("Wie wordt er vandaag 8? Onze Yusuf!"), an ordinal celebrated ("viert haar zesde"); a
date after the number is no age ("wordt vrijdag 3 oktober geopend"); a birth year before 1900
is a historical person's."""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from auditor.models import Hit, PDKind, Span
from auditor.nlp.inflection import base_forms
from auditor.nlp.lexicon import (
    dutch_words,
    dutch_words_among,
    lexicon_cache,
    on_change,
    package_list,
    package_patterns,
)
from auditor.nlp.patterns import Alternatives, KeyGroups, gated
from auditor.nlp.tokens import WORD, may_contain
from auditor.rules.personal_data import ages

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
MONTH_ABBREVIATIONS = r"(?:jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?"
DATE = rf"\d{{1,2}}(?:e|ste)?\s+(?:{MONTHS})(?:\s+\d{{4}})?|\d{{1,2}}[-/.]\d{{1,2}}[-/.]'?\d{{2,4}}"
SHORT_DATE = (
    rf"\d{{1,2}}(?:e|ste)?\s+(?:{MONTHS}|{MONTH_ABBREVIATIONS})(?!\w)|\d{{1,2}}[-/]\d{{1,2}}"
)
WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
DAY = (
    r"(?:vandaag|morgen|gisteren|hjoed|moarn|juster"  # Frisian: today, tomorrow, yesterday
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
)
# A day said with a word before it: "afgelopen zondag", "vorige week zaterdag".
DAY_WHEN = rf"(?:(?:afgelopen|vorige|komende|aanstaande|op)\s+)?{DAY}"
# When an age is reached, between the verb and the age: a day, a week, weekend or month ("werd
# vorige week 100", "wordt deze maand 13", "werd in juni 65", "is sinds zaterdag 9"); not a
# year ("de school wordt dit jaar 40": what turns an age in a year is as often a building).
WHEN = (
    rf"(?:{DAY_WHEN}|(?:afgelopen|vorige|volgende|komende|deze|dit)\s+(?:week|weekend|maand)"
    rf"|in\s+(?:{MONTHS})|op\s+\d{{1,2}}\s+(?:{MONTHS})|op\s+\d{{1,2}}/\d{{1,2}}|sinds\s+{DAY})"
)
# An ordinal that stands for a birthday ("viert haar zesde", "zijn 50ste"): digits or a number
# word, compounds too ("eenenveertigste").
ORDINAL = (
    r"(?:\d{1,3}(?:ste|de|e)|[a-z]*(?:tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende"
    r"|tiende|elfde|twaalfde|tigste|honderdste))\b"
)
# The date of a birth in an announcement: a full date, a day and month ("zondag 9/11"), or a
# day of the month ("zaterdag de 6e").
BIRTH_DATE = rf"(?:{DATE}|\d{{1,2}}/\d{{1,2}}(?![/\d])|de\s+\d{{1,2}}(?:e|ste|de)\b)"
# Two or more subjects: "worden vandaag allebei 7".
BOTH = r"(?:(?:allebei|beiden|alle\s+twee|alle\s+drie|samen)\s+)?"
# Up to two small words between the time and the age: "werd vandaag ook nog 5", "wordt morgen
# alweer 9", "werd zaterdag pas 4".
ADVERBS = r"(?:(?:pas|al|net|precies|ook|nog|zelfs|alweer|eindelijk)\s+){0,2}"
# A baby, as what someone "kreeg".
NEWBORN = r"(?:zoon|dochter|zoontje|dochtertje|baby|kindje|tweeling)"
# "Op 7 mei is juf Anouk moeder geworden"
BECAME_PARENT = (
    r"(?:(?:trotse|blije|gelukkige)\s+)?(?:moeder|vader|mama|papa|ouders|oma|opa)\s+geworden"
)
# Words of a baby's arrival that a date in the same clause is the birth date of.
BIRTH_EVENT = (
    r"(?:geboren|ter\s+wereld|bevallen|het\s+levenslicht"
    rf"|(?:kreeg|kregen)\s+(?:\S+\s+){{0,3}}?(?:een\s+)?{NEWBORN}|een\s+(?:\S+\s+)?{NEWBORN}\s+gekregen"
    rf"|{BECAME_PARENT})"
)
# An emoji, which may end a clause ("Sem wordt 7 🎉").
EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF]"
# An age: digits or a number word ("wordt vandaag acht"; not "een", an article too).
NUM = (
    r"(?:\d{1,3}|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien"
    r"|vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig"
    r"|zeventig|tachtig|negentig|honderd)\b"
)
# After a number: what makes it no age (a unit, a rank, a date: "wordt vrijdag 3 oktober geopend").
NOT_A_COUNT_OF_YEARS = (
    r"(?!\s*(?:uur|keer|meter|km|cm|kilo|kg|graden|e\b|ste\b|%|euro|punten|minuten|dagen|weken"
    rf"|maanden|[.,:]\d|(?:{MONTHS}|{MONTH_ABBREVIATIONS})\b))"
)

AGE_TODAY_PATTERN = (
    rf"\b{DAY}\s+\d{{1,2}}\s+jaar\b(?!\s+(?:geleden|getrouwd|samen|in\s+dienst|oud))"
)
# Each alternative searched only in texts holding its words (see `Alternatives`).
BIRTHDATE = Alternatives(
    "|".join(
        [
            # "geboren op 3 maart", "Geboren: Mila, 3 maart 2026" (the baby's name between)
            # "geboren in Aleppo op 1 januari 2015"
            rf"\b(?:geboren|berne)\s*:?\s+(?:[\w'-]+,\s*|in\s+[\w'-]+\s+)?(?:op\s+)?(?:{WEEKDAY}\s+)?"
            rf"(?:{DATE})",
            rf"\bgeb\.?\s+(?:op\s+)?(?:{DATE})",
            rf"\bgeboortedatum(?:\s+(?:van\s+)?[A-Z][\w'-]+)?\s*:?\s*(?:{DATE})",
            # "wordt vandaag 8", "word vandaag 6!!", "wort vandaag 9" (a typo, or a child's
            # own words), "wordt er vandaag 8?"
            rf"\b(?:wordt|word|worden|wurt|wurdt|wort)\s+(?:er\s+)?{WHEN}\s+{ADVERBS}{BOTH}{NUM}"
            rf"{NOT_A_COUNT_OF_YEARS}"
            r"(?:\s+(?:jaar|jier))?(?!\s*(?:jaar\s+)?(?:in\s+dienst|juf|meester))",
            rf"\bwerd(?:en)?\s+{WHEN}\s+{ADVERBS}{BOTH}{NUM}{NOT_A_COUNT_OF_YEARS}",
            rf"\b{DAY}\s+\d{{1,3}}\s+(?:jaar\s+)?is\s+geworden\b",
            r"\b\d{1,3}\s+jaar\s+(?:oud\s+)?(?:is\s+)?geworden\b",
            # "Isa verjaart morgen"
            r"\bverjaar(?:t|de|den)\b",
            # "verjaard" written in haste beside its day (not a claim that "is verjaard")
            rf"\bverjaard\s+{DAY}\b|\b{DAY}\s+verjaard\b",
            rf"\b{DAY}\s+wordt\s+(?:hij|ze|zij)\s+\d{{1,3}}\b",
            # the pronoun after its verb, a time word first: "nu is ze al twee!"
            rf"\b(?:nu|inmiddels|intussen|dan|toen)\s+(?:is|was|wordt|werd)\s+(?:hij|zij|ze)\s+"
            rf"(?:(?:al|pas|bijna|alweer|net)\s+)?{NUM}(?:\s+jaar)?(?=\s*(?:[!.,;)]|$|en\s|{EMOJI}))",
            rf"\b(?:hij|ze|zij)\s+werd\s+\d{{1,3}}\b{NOT_A_COUNT_OF_YEARS}",
            rf"\bwerdt?\s+\d{{1,3}}\b{NOT_A_COUNT_OF_YEARS}",  # "werdt": written in haste
            # an age in words that ends its clause: "Finn werd vier!"
            rf"\bwerd(?:en)?\s+{NUM}(?:\s+jaar)?(?=\s*(?:[!.,;)]|$|en\s|{EMOJI}))",
            rf"\b(?:is|was|wordt|zijn|waren|worden)\s+(?:(?:{DAY}|allebei|beiden|ook|alle\s+twee)\s+)?"
            r"jarig\b",
            rf"\b{NUM}\s+kaarsjes\b",
            # "onze 7-jarige leerling", "de 10-jarige Zofia" (not "de 4-jarigen", "ons 50-jarig
            # bestaan")
            # (a digit first, the word before it looked back at: the regex keeps its quick gate)
            r"\b\d(?:(?<=onze \d)|(?<=ons \d)|(?<=de \d)|(?<=deze \d)|(?<=jullie \d)"
            r"|(?<=zijn \d)|(?<=haar \d))\d{0,2}-jarige\b"
            r"(?!\s+(?:bestaan|jubileum|feest|huwelijk|traditie|geschiedenis))",
            # "Jurre is met zijn 11 jaar de jongste" (not "met haar 25 jaar ervaring")
            rf"\bmet\s+(?:zijn|haar|z'n|d'r)\s+{NUM}\s+jaar\b(?=\s*(?:[,.!;)]|$|is\b|was\b"
            r"|de\b|het\b|een\b|onze\b|nog\b|al\b|ook\b|wel\b|niet\b|precies\b|oud\b))",
            # a birth date in a birth announcement: "Op 17 oktober kwam Sep ter wereld", "Op 4
            # februari kreeg meester Bas een dochter", "kwam op 3 mei ter wereld"
            rf"\bop\s+(?:{WEEKDAY}\s+)?{BIRTH_DATE}\s+(?:[\w.:]+\s+){{0,5}}?{BIRTH_EVENT}\b",
            # the date before the event, said without "op": "kwam zaterdag de 6e ter wereld"
            # or "kwam 12/3 ter wereld" (not a group: "in groep 5/6 is ... geboren")
            rf"\b(?:{WEEKDAY}\s+)?(?:de\s+\d{{1,2}}(?:e|ste|de)\b|(?<!groep )(?<!gr\. )(?<!gr )"
            rf"\d{{1,2}}/\d{{1,2}}(?![/\d]))\s+(?:[\w.:]+\s+){{0,3}}?{BIRTH_EVENT}\b",
            # a birth date after the genealogical sign: "Luwam (°14/02/2022)"
            # (not a temperature: "2° 3-1-2026")
            rf"(?<!\d)(?<!\d\s)°\s*(?:{DATE})",
            rf"\bter\s+wereld(?:\s+(?:kwam|is\s+gekomen|gekomen))?\s+op\s+(?:{WEEKDAY}\s+)?(?:{DATE})",
            # the mother's verb, then the date: "beviel op 28 januari van een zoon"
            rf"\b(?:beviel|bevallen)\s+(?:(?:op|afgelopen|vorige)\s+)?(?:{WEEKDAY}\s+)?(?:{BIRTH_DATE})",
            # the date between the verb and "geboren": "Noa en Lize werden vrijdag 7 november
            # geboren", "is 3 mei geboren"
            rf"\b(?:werd|werden|is|zijn)\s+(?:op\s+)?(?:{WEEKDAY}\s+)?(?:{DATE})\s+geboren\b",
            # a birth card: "Geboren: Sara, dochter van Jeroen en Anouk, 12 maart 2026" (the
            # baby and her parents between the colon and the date, on one line)
            rf"\bgeboren\s*:[^.!?\n]{{0,60}}?(?:{DATE})",
            # the date after the event: "is bevallen van een dochter, op 3 november"
            rf"\b(?:bevallen|beviel)\s+van\s+(?:een\s+)?(?:\S+\s+)?(?:zoon|dochter|zoontje"
            rf"|dochtertje|tweeling|baby|kindje),?\s+op\s+(?:{WEEKDAY}\s+)?(?:{DATE})",
            # "kregen op 4 mei een zoon"
            rf"\b(?:kreeg|kregen)\s+(?:\S+\s+){{0,2}}?(?:op\s+)?(?:{WEEKDAY}\s+)?{BIRTH_DATE}\s+(?:een\s+)?"
            rf"{NEWBORN}\b",
            # "Gefeliciteerd met je 7e, Sem!": an ordinal that ends the wish is a birthday
            r"\b(?:gefeliciteerd|feliciteren|feliciteert|proficiat|van\s+harte)\s+(?:\S+\s+){0,2}?"
            r"met\s+(?:je|jouw|zijn|haar|z'n)\s+(?:\d{1,3}(?:ste|de|e)|[a-z]+(?:ste|de))"
            r"(?=\s*(?:[!.,;]|$|[\U0001F300-\U0001FAFF\u2600-\u27BF]))",
            # a relative clause: "Mats, die vandaag zeven jaar wordt", "dat hij 9 jaar is"
            rf"\b(?:die|hij|zij|ze|je|jij)\s+(?:{WHEN}\s+)?{NUM}\s+(?:jaar\s+)?"
            r"(?:wordt|werd|is\s+geworden|geworden\s+is|is)\b",
            rf"\b{NUM}\s+(?:jaar|jr\.?)\s+{DAY}(?=\s*[!.,;]|\s*$)",
            # an age reached or hoped for: "hij mocht 91 jaar worden"
            rf"\b(?:mocht|mochten|mag|mogen|zou|zal|hoopt|hoopte)\s+{NUM}\s+(?:jaar\s+)?(?:oud\s+)?"
            r"worden\b",
            # "Tijn wordt volgende week 9!": an age ends the clause or is followed by "jaar"
            r"\bwordt\s+(?:(?:volgende\s+week|deze\s+week|binnenkort|straks|bijna|alweer|ook|al"
            rf"|zaterdag|zondag|in\s+(?:{MONTHS})|op\s+\d{{1,2}}\s+(?:{MONTHS}))\s+)?{NUM}(?:\s+jaar)?(?![.,]\d)"
            rf"(?:\s+{DAY}\b)?"  # "hij wordt 8 vandaag"
            r"(?=\s*(?:[!.,;)]|$|en\s|op\s|[\U0001F300-\U0001FAFF\u2600-\u27BF]))",
            # a birth year: "geboren in 2019", "geboortejaar: 2020"
            r"\b(?:(?:geboren|geb\.?)\s+in|geboortejaar\s*:?)\s+(?:19|20)\d\d\b",
            # Frisian: is jierich, hat jierdei, fiert syn jierdei, waard 8, 8 jier wurden
            rf"\b(?:is|wie|wurdt|binne)\s+(?:{DAY}\s+)?(?:(?:hy|sy|se|hja)\s+)?jierich\b",
            rf"\b(?:hat|hie|fiert)\s+(?:{DAY}\s+)?(?:(?:syn|har)\s+(?:[\w-]+\s+)?)?jierdei\b",
            rf"\bwaard\s+(?:{DAY}\s+)?\d{{1,3}}\b{NOT_A_COUNT_OF_YEARS}",
            r"\b\d{1,3}\s+(?:jier\s+)?wurden\b",
            r"\b\d{1,3}\s+jaar\s+geleden\s+geboren\b",
            # "viert zaterdag haar 90ste verjaardag", "viert dit weekend haar kroonjaar"
            # (also in the past: "vierde gisteren haar verjaardag")
            rf"\bvier(?:t|de|den)\s+(?:{WHEN}\s+)?(?:zijn|haar|je)\s+(?:[\w-]+\s+)?"
            r"(?:verjaardag|kroonjaar)",
            # the ordinal alone, ending its clause: "viert donderdag haar zesde"
            rf"\bvier(?:t|de|den)\s+(?:{WHEN}\s+)?(?:zijn|haar|je|jouw)\s+{ORDINAL}"
            rf"(?=\s*(?:[!.,;)]|$|en\s|met\s|{EMOJI}))",
            rf"\b(?:{DAY}\s+)?(?:zijn|haar|je)\s+(?:\d+(?:ste|e)|[a-z]+(?:ste|de))\s+verjaardag",
            rf"\b(?:zijn|haar)\s+verjaardag\s+(?:op\s+)?(?:{DATE})",
            # "is vandaag 9 geworden", "Wie is er 7 geworden? Onze Mohamed!"
            rf"\b(?:is|werd|ben|bent|zijn)\s+(?:er\s+)?(?:{DAY}\s+)?{NUM}(?:\s+jaar)?(?:\s+oud)?"
            r"\s+geworden\b",
            AGE_TODAY_PATTERN,
            # "is vandaag een jaartje ouder", "heeft Abraham gezien", "is Sarah geworden" (50)
            # "is vandaag een jaartje ouder", also without the verb ("vandaag een jaartje ouder")
            rf"(?:\b(?:is|wordt|werd)\s+(?:{DAY}\s+)?|\b{DAY}\s+)(?:weer\s+)?een\s+jaar(?:tje)?"
            r"\s+(?:ouder|wijzer)\b",
            rf"\b(?:heeft|hebben|had)\s+(?:{DAY}\s+)?(?:abraham|sarah)\s+gezien\b"
            rf"|\b(?:is|wordt|werd)\s+(?:{DAY}\s+)?(?:abraham|sarah)(?:\s+geworden\b|(?=\s*[!.]))",
            # "is dit weekend een halve eeuw geworden", "wordt morgen een halve eeuw"
            rf"\b(?:is|wordt|werd)\s+(?:{WHEN}\s+)?een\s+halve\s+eeuw(?:\s+(?:oud|geworden)\b)?",
            r"\b(?:is|ben|was)\s+(?:nu\s+|al\s+|pas\s+|net\s+)?\d{1,2}\s+jaar"
            r"(?:\s+oud\b|(?=\s*[.,!;)]|\s*$))",
            # "Juf Sanne is vandaag 40": last, so the longer phrasings above win
            rf"\b(?:is|ben|bent|was)\s+{WHEN}\s+{NUM}(?:\s+jaar)?(?=\s*(?:[!.,;)]|$|en\s|{EMOJI}))",
            rf"\b(?:is|ben|bent|was)\s+{WHEN}\s+\d{{1,3}}\b(?!\s*jaar\s+(?!geworden|oud))"
            rf"(?!\s*[.,]\d){NOT_A_COUNT_OF_YEARS}",
        ]
    ),
    re.IGNORECASE,
)
# "vandaag 50 jaar": the age of a person unless a school, a marriage or a job comes before.
AGE_TODAY = re.compile(AGE_TODAY_PATTERN, re.IGNORECASE)
NOT_BIRTHDAY = gated(
    r"jaar\s+in\s+dienst|jubileum|jarige?\s+bestaan|getrouwd|bestaa?t\b", re.IGNORECASE
)
# Just before "vandaag 50 jaar": the age of a school, a marriage or a job ("bestaat ...").
NOT_BIRTHDAY_BEFORE = gated(
    r"\b(?:bestaa?t|bestonden|getrouwd|werkt|werken|samen|al|sinds|ruim|bijna|over)\b"
    r"[^.!?\n]{0,12}$",
    re.IGNORECASE,
)
# Right after a name: "Noah (7 jaar)", "Lotte, 8 jaar, ...", and in a post about birthdays
# "Tess (3 okt)", "Sem (7)".
AGE_APPOSITION = re.compile(
    r"\s*(?:\(\s*\d{1,2}\s*(?:jaar|jr\.?)\s*\)|,\s*\d{1,2}\s+jaar(?:\s+oud)?(?=\s*(?:[,.!)]|en\s)))"
    # "Juf Dianne, 40 jaar jong vandaag" (a club that "is 40 jaar jong" is no person)
    rf"|,\s*\d{{1,2}}\s+jaar\s+jong(?:\s+{DAY})?\b"
    # a bare number as a newspaper gives an age: "Lana (6) uit groep 3", "Sven (11)"; a number
    # up to 8 with no group after it may be the group ("Sem (8), Lisa (7)")
    r"|\s*\(\s*(?:9|1\d)\s*\)|\s*\(\s*\d\s*\)(?=\s*(?:uit|van|in)\s+(?:groep|gr\.))"
    # a number with the group beside it in the brackets is no group: "Dawit (5, groep 2)"
    r"|\s*\(\s*\d{1,2}(?:\s*(?:jaar|jr\.?))?\s*[,;]\s*(?:groep|gr\.?)\s*\d[^()\n]{0,12}\)"
    r"|\s*\(\s*(?:groep|gr\.?)\s*\d[^(),\n]{0,6}[,;]\s*\d{1,2}\s*(?:jaar|jr\.?)\s*\)"
    # two digits in the middle of a sentence, as a newspaper gives an age: "juf Hanneke (61)
    # gaat met pensioen" (at a line's end it may count a class: "juf Merel (24)")
    r"|\s*\(\s*[2-9]\d\s*\)(?=[^\S\n]+[a-z])"
    # one digit in a sentence that goes on after it (perhaps after a second name and digit),
    # as a newspaper gives ages: "Vandaag hielpen Yusuf (8) en Elif (7) de conciërge" (not a
    # list that ends there: "Sem (8), Lisa (7) en Bo (6).", where the digits may be groups)
    r"|\s*\(\s*[2-9]\s*\)(?=(?:[^\S\n]+en[^\S\n]+[A-Z][a-z]+[^\S\n]*\(\s*[2-9]\s*\))?"
    r"[^\S\n]+(?!en\b)[a-z]{2,})",
    re.IGNORECASE,
)
BIRTHDAY_APPOSITION = re.compile(
    rf"\s*(?:\(\s*(?:{SHORT_DATE}|\d{{1,2}}|{WEEKDAY})\s*\)|[:–-]\s*(?:{SHORT_DATE})\b)"
    # the date right after the name in a run of them: "Jarigen: Anna 4/3, Bas 12/3 en Cem 20/3"
    rf"|[^\S\n]+(?:{SHORT_DATE})(?=[^\S\n]*(?:[,;.!]|en\b|$))",
    re.IGNORECASE | re.MULTILINE,
)
# In a post about birthdays, the date on the short line of a name, wherever it stands in a list
# or table: "3 nov | Fenna | groep 3", "Mohammed (gr. 7) – di 3 feb", "Elif | 04-06-2021"
# (a weekday's short form before it is part of it).
LIST_LINE_DATE = re.compile(
    # not a group's range: "Groep 5-6: Simeon en Anna"
    r"(?<!groep )(?<!klas )(?<!gr\. )(?<!gr )"
    rf"(?<![\w/-])(?:(?:ma|di|wo|do|vr|za|zo)\.?\s+)?(?:{DATE}|{SHORT_DATE})(?![\w/-])",
    re.IGNORECASE,
)
LIST_LINE_MAX = 70  # characters: a line longer than this is prose, not a list's line
# A full date with its year: "03-09-2016", "14 maart 2017" ...
DATED = re.compile(
    rf"(?<![\w/-])(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]|\d{{1,2}}\s+(?:{MONTHS})\s+)((?:19|20)\d\d)(?![\w/-])",
    re.IGNORECASE,
)
# The years of a list's dates of birth lie apart; a schedule's run into the next year at most.
DATES_OF_BIRTH_SPREAD = 2
# ... not a start or an end: "in dienst sinds 01-08-2015", "t/m 3 juni 2026"
DATED_NOT_BIRTH = re.compile(r"\b(?:sinds|vanaf|tot|t/m|per|van|op|om)\W*$", re.IGNORECASE)
# In a post about birthdays, a date that opens the line of a name: "3 sept – Tijmen (groep 4)",
# "12/11: juf Hennie" (searched in the line up to the name; a title may come between).
BIRTHDAY_DATE_BEFORE = re.compile(
    rf"^[^\S\n]*(?:[-•*·][^\S\n]*)?({SHORT_DATE}|de\s+\d{{1,2}}(?:e|ste|de)\b)[^\S\n]*[:–—-]?"
    r"[^\S\n]*(?:[^\W\d]+[^\S\n]+){0,2}$",
    re.IGNORECASE | re.MULTILINE,
)
# "Van harte Gijs, 8 jaar alweer!": an age that ends its clause with "al", "alweer".
AGE_ALREADY = gated(
    rf"\b{NUM}\s+jaar\s+(?:al|alweer|nu\s+al)(?=\s*(?:[!.,;]|$|{EMOJI}))", re.IGNORECASE
)
# "Jente is net 4", "Opa Hendrik is 80 en ...", "zij is nu 9!": an age said of the subject right
# before it (a name or a pronoun), ending its clause.
AGE_PREDICATE = (
    rf"(?:is|ben|bent|was)\s+(?:(?:nu|al|pas|net|bijna|inmiddels|alweer)\s+)?{NUM}"
    r"(?:\s+jaar(?:\s+(?:oud|jong))?)?(?![.,]\d)"  # "Juf Gerda is 60 jaar jong!"
    r"(?=\s*(?:[!.,;)]|$|en\s|[\U0001F300-\U0001FAFF\u2600-\u27BF]))"
)
# The quick look for AGE_PREDICATE in a post without a birthday cue word (see analysis.py).
AGE_PREDICATE_CUE = gated(
    rf"\b(?:(?:is|ben|bent|was)\s+(?:(?:nu|al|pas|net|bijna|inmiddels|alweer)\s+)?|al\s+|alweer\s+)"
    rf"{NUM}|\b(?:is|ben|bent)\s+van\s+(?:19|20)\d\d"
    rf"|\b(?:is|was)\s+(?:hij|zij|ze)\s+(?:(?:al|pas|bijna|alweer|net)\s+)?{NUM}",
    re.IGNORECASE,
)
# Also without a verb, right after a name: "Wat gaat de tijd snel, Aylin al 8!"
AGE_AFTER_NAME = re.compile(
    rf"\s+({AGE_PREDICATE}|(?:al|alweer|nu\s+al)\s+{NUM}(?![.,]\d)"
    r"(?=\s*(?:[!.,;)]|$|[\U0001F300-\U0001FAFF\u2600-\u27BF]))"
    # a birth year as the subject's: "Noah is van 2019"
    rf"|(?:is|ben|bent)\s+van\s+(?:19[5-9]\d|20[0-4]\d)(?=\s*(?:[!.,;)]|$|en\s|{EMOJI})))",
    re.IGNORECASE,
)
# A group between a name and its age: "Sara (groep 4) is acht jaar", "Sem uit groep 5 is 9".
GROUP_AFTER_NAME = re.compile(
    r"\s*\((?:groep|gr\.?)\s*\d[^()\n]{0,8}\)|,?\s+uit\s+(?:groep|gr\.?)\s*\d\w*(?:/\d\w*)?,?",
    re.IGNORECASE,
)
AGE_AFTER_PRONOUN = gated(rf"\b(?:hij|zij|ze|jij|je|ik)\s+({AGE_PREDICATE})", re.IGNORECASE)
# "Sven (11)", "Imane (10 jr)", "Dawit (5, groep 2)": see AGE_APPOSITION
BARE_AGE = re.compile(r"\(\s*\d{1,2}\s*(?:jaar|jr\.?)?\s*[,;)]")
OWNED_BY = re.compile(r"(\w+)\s+van\s+$")
# A birth year before 1900 is a historical person's ("Calvijn werd op 10 juli 1509 geboren").
HISTORICAL_YEAR = re.compile(r"\b1[0-8]\d\d\b")
# "kroonjaar": a round birthday; Frisian "jierdei" (birthday), "jierich" (jarig); English "Happy
# birthday, juf Anouk!"
BIRTHDAY_WORD = re.compile(
    # "verjaardagskroon", "verjaardagsfeestje": a compound is the birthday of whom its clause names
    r"\b(?:jarige?|verjaardag(?:s[^\W\d]{3,})?|kroonjaar|jierdei|jierich|birthday)\b",
    re.IGNORECASE,
)
BIRTHDAY_COMPOUND_HEAD = "verjaardags"
# After the compound, whose it is: "maakte een verjaardagskaart voor haar opa"
FOR_SOMEONE_ELSE = re.compile(r"\s+(?:voor|aan|van)\b", re.IGNORECASE)
BIRTHDAY_WORD_CUES = ("jarig", "verjaardag", "kroonjaar", "jierdei", "jierich", "birthday")
# The birthday words a word written in haste may be one letter off ("verjaadag", "verjaardg",
# "jarug", "birtday"), when it is this long and no Dutch word itself ("harig", "jarigen").
BIRTHDAY_SPELLINGS = ("jarig", "jarige", "verjaardag", "birthday")
BIRTHDAY_TYPO_MIN_LENGTH = 5
# A shorter word is one only when a letter inside "jarig" was dropped and its ending kept ("jaig",
# "jrig"; not "jari", a name).
BIRTHDAY_TYPO_SHORT_ENDING = "ig"


# Letters every such typo of BIRTHDAY_SPELLINGS we read holds: the post is looked through only then.
BIRTHDAY_TYPO_CUES = (
    "verj",
    "jar",
    "arig",
    "jaig",
    "jrig",
    "rjaa",
    "aardag",
    "birt",
    "irth",
    "thday",
)


def may_hold_a_birthday_typo(text: str) -> bool:
    return may_contain(text, BIRTHDAY_TYPO_CUES)


@functools.cache
def birthday_typo(word: str) -> bool:
    """`word` (lower case) is a birthday word of BIRTHDAY_SPELLINGS written in haste."""
    short = len(word) < BIRTHDAY_TYPO_MIN_LENGTH
    if short and not (len(word) == 4 and word.endswith(BIRTHDAY_TYPO_SHORT_ENDING)):
        return False
    if not word.isalpha() or word in BIRTHDAY_SPELLINGS:
        return False
    best = process.extractOne(word, BIRTHDAY_SPELLINGS, scorer=Levenshtein.distance, score_cutoff=1)
    return best is not None and word not in dutch_words()


# A post about someone's birthday: then "N jaar" beside a name is an age ("9 jaar al!").
BIRTHDAY_POST = gated(
    r"jarig|verjaardag|birthday|🎂|geboren|geboortedat|jierdei|jierich", re.IGNORECASE
)
YEARS = re.compile(
    r"\bwordt\s+\d{1,3}\b(?!\s*(?:uur|keer|meter|km|minuten|euro|%|e\b|ste\b))"
    r"|\b\d{1,3}\s+jaar\b(?!\s+(?:geleden|getrouwd|samen|in\s+dienst|bij|op|lang|werkt|oud\s+gebouw))",
    re.IGNORECASE,
)
# Cues: lower-case letters that every match of the regexes above holds inside one word, or with
# DAY_CUES or "jaar", so a post without them needs no regex run (see analysis.py).
BIRTHDATE_CUES = (
    "geboren", "geboortedatum", "werd", "jarig", "verjaardag", "geworden", "berne", "wurt",
    "wurdt", "wordt", "wort", "geb", "birthday", "kaarsjes", "jierich", "jierdei", "waard",
    "wurden", "worden", "verjaar", "wereld", "bevallen", "beviel", "levenslicht", "kreeg",
    "kregen", "ouder", "abraham", "sarah", "word", "felicit", "proficiat", "viert", "vierde",
)  # fmt: skip
DAY_CUES = (
    "dag",
    "vandaag",
    "morgen",
    "gisteren",
    "hjoed",
    "moarn",
    "juster",
)  # maandag.. hold "dag"

# ---------------------------------------------------------------------------------------------
# Vocabulary by semantic field (auditor/lexicons/<list>.txt)

# A field is its list's name without the "health_"/"other_" prefix.
HEALTH_LISTS = (
    "health_conditions",
    "health_treatments",
    "health_practitioners",
    "health_aids",
    "health_medication",
    "health_diets",
    "health_care_places",
    "health_death",
    "health_birth",
    "health_religion",
    "health_recovery",
)
HEALTH_FIELDS = {name.removeprefix("health_"): name for name in HEALTH_LISTS}
OTHER_FIELDS = {
    "family": "other_family",
    "care": "other_care",
    "school": "other_school",
    "income": "other_income",
    "conduct": "other_conduct",
}


@dataclass(frozen=True)
class Pattern:
    """One word of an entry: `exact`, `prefix` (stem*), `suffix` (*tail) or `infix` (*part*)."""

    mode: str
    text: str

    def matches(self, word: str) -> bool:
        if self.mode == "exact":
            return word == self.text
        if self.mode == "prefix":
            return word.startswith(self.text)
        if self.mode == "suffix":
            return word.endswith(self.text)
        return self.text in word


def _pattern(token: str) -> Pattern:
    head, tail = token.startswith("*"), token.endswith("*") and len(token) > 1
    text = token.strip("*")
    mode = "infix" if head and tail else "suffix" if head else "prefix" if tail else "exact"
    return Pattern(mode, text)


# A word one letter off an entry ("ziekehuis", "geopereed", "waterpokke", two letters swapped:
# "zwnager") is that entry written in haste, when the word is this long and no Dutch word itself:
# shorter words have too many real neighbours ("arm", "been", "ziek").
TYPO_MIN_LENGTH = 7
# Two neighbouring letters left out ("ziekhuis" for "ziekenhuis"), only from an entry this long,
# inside the word (its first two letters and last two kept), and when the result is no word of
# the large Dutch list ("heengaan" is a word, not "heengegaan" in haste; see `_typo_tables`).
LONG_TYPO_MIN_LENGTH = 9
# A letter doubled by a key held too long ("hypoo", "ziekk"): the word with one of its doubled
# letters left out is an entry of at least this length.
DOUBLED_MIN_LENGTH = 4


@dataclass(frozen=True)
class Vocabulary:
    """Entries of several fields, indexed for a word-by-word pass over a text."""

    exact: dict[str, tuple[str, ...]]  # one-word entries: word -> fields
    affixes: tuple[tuple[Pattern, str], ...]  # one-word stems and compound tails, with field
    phrases: tuple[tuple[tuple[Pattern, ...], str], ...]  # entries of several words
    phrase_starts: tuple[str, ...]
    not_words: tuple[Pattern, ...]  # words an entry matches that are no one's
    spellings: tuple[str, ...] = ()  # one-word entries and stems a typo may be one letter off
    # one-word entries of every special-category list: a word that is one ("ontslapen", a death)
    # is no typo of another's entry ("ontslagen", a job lost)
    entries: frozenset[str] = frozenset()
    seen: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict, compare=False)
    starting: dict[str, tuple[tuple[tuple[Pattern, ...], str], ...]] = dataclasses.field(
        default_factory=dict, compare=False
    )

    def fields_of(self, word: str) -> tuple[str, ...]:
        """The fields of the one-word entries matching `word` (lower case), looked up once; a
        word of `not_words` has none unless it is an entry itself ("specialist", but not
        "dyslexiespecialist")."""
        fields = self.seen.get(word)
        if fields is None:
            if len(self.seen) > 50_000:  # a real archive's vocabulary stays far below
                self.seen.clear()
            fields = self._fields_of_form(word)
            for form in () if fields else base_forms(word):  # "kuren": "kuur"
                if fields := self._fields_of_form(form):
                    break
            if not fields and len(word) >= TYPO_MIN_LENGTH and (right := self.respelled(word)):
                fields = self._fields_of_form(right)
            if not fields and (single := self.undoubled(word)):
                fields = self._fields_of_form(single)
            if not fields and "-" in word and len(tail := word.rsplit("-", 1)[1]) >= 3:
                fields = self.fields_of(tail)  # a compound with a hyphen: "adhd-medicatie"
            self.seen[word] = fields
        return fields

    def _fields_of_form(self, word: str) -> tuple[str, ...]:
        fields = self.exact.get(word, ()) + tuple(f for p, f in self.affixes if p.matches(word))
        if fields and word not in self.exact and any(p.matches(word) for p in self.not_words):
            return ()
        return fields

    def respelled(self, word: str) -> str | None:
        """The entry `word` (lower case) is one letter off (one left out, doubled, swapped for
        another, two neighbours swapped), or two letters off a long entry with the same ends
        (see LONG_TYPO_MIN_LENGTH), when `word` is no Dutch word itself; None otherwise."""
        if (
            not self.spellings
            or not word.isalpha()
            or word in dutch_words()  # "verleden"
            or word in self.entries
        ):
            return None
        best = process.extractOne(word, self.spellings, scorer=OSA.distance, score_cutoff=1)
        if best:
            return str(best[0])
        return _typo_of(word, DROPPED, self.spellings, tuple(self.exact))

    def undoubled(self, word: str) -> str | None:
        """The one-word entry `word` (lower case) is with a doubled letter written once
        ("hypoo": "hypo", "ziekk": "ziek"), when `word` is no word of the language."""
        if len(word) <= DOUBLED_MIN_LENGTH or not any(
            word[i] == word[i - 1] for i in range(1, len(word))
        ):
            return None
        return _typo_of(word, DOUBLED, self.spellings, tuple(self.exact))

    def may_start(self, word: str) -> bool:
        """Whether an entry may match at `word` (lower case): the words of a text failing this
        need no look in `find`."""
        return bool(self.fields_of(word)) or bool(self.phrases_at(word))

    def phrases_at(self, word: str) -> tuple[tuple[tuple[Pattern, ...], str], ...]:
        """The entries of several words whose first word matches `word`, looked up once."""
        phrases = self.starting.get(word)
        if phrases is None:
            if len(self.starting) > 50_000:
                self.starting.clear()
            phrases = self.starting[word] = (
                tuple(ps for ps in self.phrases if ps[0][0].matches(word))
                if word.startswith(self.phrase_starts)
                else ()
            )
        return phrases

    def find(
        self, words: Sequence[str], only: Sequence[int] | None = None
    ) -> list[tuple[int, int, str]]:
        """(first word, last word + 1, field) of each entry found in `words` (lower case);
        `only`: the indices of the words that pass `may_start`, when the caller knows them."""
        found = []
        seen = self.seen
        for i in range(len(words)) if only is None else only:
            word = words[i]
            fields = seen.get(word)
            if fields is None:
                fields = self.fields_of(word)
            if fields:
                found += [(i, i + 1, f) for f in fields]
            for patterns, f in self.phrases_at(word):
                end = i + len(patterns)
                if end <= len(words) and all(
                    p.matches(w) for p, w in zip(patterns[1:], words[i + 1 : end], strict=True)
                ):
                    found.append((i, end, f))
        return found


DROPPED, DOUBLED = 0, 1  # the two tables of `_typo_tables`


def _typo_of(
    word: str, table: int, spellings: tuple[str, ...], entries: tuple[str, ...]
) -> str | None:
    """The entry `word` is a typo of in `table` of `_typo_tables`. The large Dutch list those
    tables are cleaned with (0.17 s to read for both vocabularies, most of a draft check's
    start-up) is read only when `word` is a candidate typo at all."""
    if word not in _typo_candidates(spellings, entries)[table]:
        return None
    return _typo_tables(spellings, entries)[table].get(word)


@functools.cache
def _typo_tables(
    spellings: tuple[str, ...], entries: tuple[str, ...]
) -> tuple[dict[str, str], dict[str, str]]:
    """Two tables of typos of a vocabulary, from one read of the large Dutch list: each long
    entry of `spellings` with two neighbouring letters left out inside it ("ziekhuis":
    "ziekenhuis"), and each one-word entry of `entries` of DOUBLED_MIN_LENGTH letters or more
    with one of its letters doubled ("hypoo": "hypo"); neither where the typo is a word of the
    large Dutch list or an entry."""
    dropped, doubled = _typo_candidates(spellings, entries)
    words = dutch_words_among(frozenset(dropped) | frozenset(doubled))
    return (
        {typo: e for typo, e in dropped.items() if typo not in words and typo not in spellings},
        {typo: e for typo, e in doubled.items() if typo not in words and typo not in entries},
    )


@functools.cache
def _typo_candidates(
    spellings: tuple[str, ...], entries: tuple[str, ...]
) -> tuple[dict[str, str], dict[str, str]]:
    """The two tables of `_typo_tables` before the words and entries are taken out."""
    dropped = {
        entry[:i] + entry[i + 2 :]: entry
        for entry in spellings
        if len(entry) >= LONG_TYPO_MIN_LENGTH
        for i in range(2, len(entry) - 3)
    }
    doubled = {
        entry[: i + 1] + entry[i:]: entry
        for entry in entries
        if len(entry) >= DOUBLED_MIN_LENGTH and entry.isalpha()
        for i in range(len(entry))
    }
    return dropped, doubled


def vocabulary(fields: dict[str, str], not_list: str | None = None) -> Vocabulary:
    return _vocabulary(tuple(fields.items()), not_list)


@functools.cache
def _vocabulary(fields: tuple[tuple[str, str], ...], not_list: str | None) -> Vocabulary:
    exact: dict[str, tuple[str, ...]] = {}
    affixes: list[tuple[Pattern, str]] = []
    phrases: list[tuple[tuple[Pattern, ...], str]] = []
    for field, name in fields:
        for entry in sorted(package_list(name)):
            tokens = entry.split()
            if len(tokens) > 1:
                phrases.append((tuple(map(_pattern, tokens)), field))
            elif (pattern := _pattern(entry)).mode == "exact":
                exact[entry] = (*exact.get(entry, ()), field)
            else:
                affixes.append((pattern, field))
    spellings = {e for e in exact if len(e) >= TYPO_MIN_LENGTH and e.isalpha()} | {
        p.text for p, _ in affixes if len(p.text) >= TYPO_MIN_LENGTH and p.text.isalpha()
    }
    return Vocabulary(
        exact=exact,
        affixes=tuple(affixes),
        spellings=tuple(sorted(spellings)),
        entries=_special_entries(),
        phrases=tuple(phrases),
        phrase_starts=tuple(sorted({ps[0].text for ps, _ in phrases})),
        not_words=tuple(map(_pattern, sorted(package_list(not_list)))) if not_list else (),
    )


@functools.cache
def _special_entries() -> frozenset[str]:
    """The one-word entries of every health and `other` list."""
    names = (*HEALTH_LISTS, *OTHER_FIELDS.values())
    return frozenset(e for name in names for e in package_list(name) if e.isalpha())


@functools.cache
def _words_of(name: str) -> frozenset[str]:
    return package_list(name)


@functools.cache
def _alternation(name: str) -> str:
    """A word list as a regex alternation, longest entries first, spaces as any white space."""
    entries = sorted(package_list(name), key=lambda e: (-len(e), e))
    return "|".join(r"\s+".join(map(re.escape, e.split())) for e in entries)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str] | Alternatives]:
    """The structural patterns that take their words from the lexicons."""
    levels = _alternation("school_levels")
    subjects = _alternation("school_subjects")
    family = _alternation("family_words")
    babies = _alternation("baby_words")
    kin = _alternation("kin_words")
    feasts = _alternation("religious_feasts")
    allergens = _alternation("health_allergens")
    body = _alternation("body_parts")
    homes = _alternation("health_care_homes")
    level = rf"(?:{levels})(?:/(?:{levels}))?"
    return {
        # other: each pattern with the words one of which its matches hold (() for a digit)
        "advice": gated(
            rf"\b(?:(?:voorlopig\s+)?{level}[- ]?advies"
            rf"|(?:school)?advies(?:\s+van\s+[\w'-]+)?\s*:?\s+"
            rf"(?:is\s+|wordt\s+|werd\s+)?{level}(?![\w-])"
            # "het advies is bijgesteld naar havo", "kreeg een advies voor het vwo"
            rf"|(?:school)?advies\s+(?:\S+\s+){{0,4}}?(?:naar|tot|voor)\s+(?:het\s+|de\s+)?{level}"
            r"(?![\w-])"
            rf"|van\s+(?:{levels})\S*\s+naar\s+(?:{levels})\S*"
            # a school chosen, its level after: "De schoolkeuze van Ruben: het Gymnasium Celeanum"
            rf"|schoolkeuze\b[^.!?\n]{{0,40}}?(?<![\w-])(?:{levels})(?![\w-])"
            # the level after a colon: "heeft een laag advies gekregen: vmbo-basis"
            rf"|(?:school)?advies\b[^.!?\n:]{{0,30}}:\s*{level}(?![\w-])"
            # an advice raised or lowered, said without "advies": "is bijgesteld naar havo"
            rf"|bijgesteld\s+(?:naar|tot)\s+(?:het\s+|de\s+)?{level}(?![\w-])"
            # a leaver's next school: "Bart gaat naar het vwo", "start op de kaderberoepsgerichte
            # leerweg"
            # ("is aangenomen op het Stedelijk Gymnasium", "stroomt door naar de havo")
            rf"|(?:gaat|ging|start|begint|kiest|mag|aangenomen|toegelaten|geplaatst"
            rf"|(?:stroomt|stroomde|stromen)\s+door)\s+(?:(?!(?:groep|klas)\b)\S+\s+){{0,3}}?"
            rf"(?:naar|op|voor)\s+(?:het|de)\s+"
            rf"(?:[A-Z][\w'-]+\s+)?{level}(?![\w-])"
            # what the advice is: "Het advies voor Teun luidt vmbo-gt"
            rf"|(?:school)?advies\b[^.!?\n:]{{0,30}}?\b(?:luidt|is|wordt|werd|was|blijft)\s+"
            rf"(?:het\s+|de\s+)?{level}(?![\w-]))",
            re.IGNORECASE,
        ),
        # a test result without a grade: "had alle 40 plaatsnamen goed", "AVI-niveau E4"
        "result": gated(
            # (what was right may be said at length: "alle 50 woorden van het dictee goed")
            r"\b(?:had|haalde|maakte|heeft)\s+(?:alle|alles|\d+\s+van\s+de)\s+(?:\d+\s+)?(?:\w+\s+){0,4}?"
            r"goed(?=\s*(?:[!.,;]|$|en\s|bij\s|op\s))"
            r"|\bavi[- ]?(?:niveau\s+)?(?:start|plus|[me][3-7])\b"
            # "zijn rekentoets was foutloos", "kreeg de hoogste score van de groep"
            r"|\bfoutloos\b|\b(?:hoogste|maximale|volle|beste)\s+score\b"
            # a score against the average: "scoorde Mohamed ver boven het landelijk gemiddelde"
            r"|\bscoor\w*\s+(?:(?!(?:groep|klas|school|leerlingen|kinderen)\b)\S+\s+){0,3}?(?:boven|onder)\s+(?:het\s+)?(?:\w+\s+)?gemiddelde\b"
            # a test failed or passed: "is gezakt voor haar rekentoets"
            rf"|\b(?:gezakt|geslaagd)\s+voor\s+(?:de|het|zijn|haar|z'n)\s+(?:{TEST_COMPOUND}|toets|dictee)\b"
            # a test passed or failed: "heeft de tafeltoets niet gehaald"
            rf"|\b(?:de|het|zijn|haar|z'n)\s+(?:{TEST_COMPOUND}|toets|dictee)\s+(?:\S+\s+)?(?:niet\s+)?"
            r"gehaald\b",
            re.IGNORECASE,
        ),
        # kept away from school after misbehaviour, said without "geschorst"
        # a hard time at home: "Sem heeft het op dit moment zwaar thuis", "het is thuis moeilijk"
        "hardship": re.compile(
            r"\b(?:heeft|had|hebben|hadden)\s+het\s+(?:\S+\s+){0,4}?(?:erg\s+|heel\s+)?"
            r"(?:zwaar|moeilijk)\s+thuis\b|\bthuis\s+(?:\S+\s+){0,3}?(?:zwaar|moeilijk)\b",
            re.IGNORECASE,
        ),
        # remedial teaching as a school says it to parents: "krijgt RT", not a retweet ("RT @")
        "remedial": gated(r"\bkrijg\w*\s+(?:\S+\s+){0,2}?RT\b(?!\s*@)"),
        "exclusion": Alternatives(
            r"\b(?:mag|mocht)\s+(?:\S+\s+){0,8}?niet\s+(?:op|naar)\s+school"
            r"(?:\s+(?:komen|gaan)\b|(?=\s*[.,!;]|\s*$))"
            r"|\bniet\s+op\s+school\s+(?:komt|kwam|(?:mag|mocht|mogen)\s+komen)\b"
            # kept home for days: "moet Marlon drie dagen thuisblijven", "blijft een week thuis"
            rf"|\b(?:moet|moest|blijft|bleef|blijven|bleven)\s+(?:\S+\s+){{0,3}}?"
            rf"(?:{NUM}|een|paar|de\s+rest\s+van\s+de)"
            r"\s+(?:\S+\s+)?(?:dag|dagen|week|weken)\s+thuis(?:blijven)?\b",
            re.IGNORECASE,
        ),
        # a relative detained: "de vader van Rayan zit sinds kort vast", "zit zijn oom vast"
        "detained": gated(
            rf"\b(?:{kin})\b[^.!?\n:;]{{0,60}}?\b(?:zit|zat)\s+(?:\S+\s+){{0,4}}?vast"
            rf"(?=\s*(?:[.!,;]|$|en\s|sinds\s))"
            rf"|\b(?:zit|zat)\s+(?:\S+\s+){{0,2}}?(?:de|zijn|haar|hun|z'n)\s+(?:{kin})\s+"
            r"(?:\S+\s+){0,5}?vast(?=\s*(?:[.!,;]|$|en\s|sinds\s))"
            # a relative arrested or released: "de vader van Kees is opgepakt", "is vrijgekomen"
            rf"|\b(?:{kin})\b[^.!?\n:;]{{0,40}}?\b(?:is|werd|zijn|werden)\s+(?:\S+\s+){{0,3}}?"
            r"(?:opgepakt|vrijgekomen|vrijgelaten|opgesloten|veroordeeld)\b",
            re.IGNORECASE,
        ),
        # a job lost, the verb first: "verloor vorig jaar zijn baan"
        "job": gated(
            r"\bverloor\s+(?:\S+\s+){0,3}?(?:zijn|haar|z'n|hun|d'r)\s+(?:baan|werk)\b"
            # dismissed, not discharged ("ontslagen uit het ziekenhuis" is health)
            r"|\bontslagen\b(?!\s+uit\b)",
            re.IGNORECASE,
        ),
        # sent back after asylum: "moet Nederland verlaten", "moeten terug naar Irak"
        "leave": re.compile(
            r"\b(?:moet|moeten|moest|moesten)\s+(?:\S+\s+){0,3}?(?:(?i:nederland|het\s+land)\s+"
            r"verlaten|terug\s+naar\s+[A-Z]\w+(?=\s*(?:[.!,;]|$)))",
        ),
        # a year done again, or special education by its cluster: "doet het jaar in de
        # middenbouw over", "naar een school voor cluster 4-onderwijs"
        "repeat": gated(
            r"\b(?:doet|deed|doen|deden)\s+(?:het|dit|dat)\s+(?:school)?jaar\s+(?:\S+\s+){0,3}?"
            r"(?:over|opnieuw)\b|\bcluster[- ]?[1-4](?:-?(?:onderwijs|school|indicatie))?\b"
            # a level said by a year group: "leest op het niveau van groep 6"
            r"|\b(?:leest|las|rekent|rekende|spelt|zit|zat|werkt|werkte)\s+(?:\S+\s+){0,2}?op\s+"
            r"(?:het\s+)?niveau\s+van\s+(?:eind\s+|begin\s+|half\s+|midden\s+)?groep\s*\d"
            # a subject done with another year group: "doet voor taal mee met groep 4", "gaat
            # voor rekenen naar groep 7", "zit in groep 6 maar rekent mee met groep 5"
            rf"|\b(?:voor|met|bij)\s+(?:{LVS_SUBJECT})\s+(?:\S+\s+){{0,2}}?(?:mee\s+met|naar|bij|in)\s+"
            r"groep\s*\d"
            r"|\bzit\s+in\s+groep\s*\d\w*\s+maar\s+(?:\S+\s+){0,3}?mee\s+(?:met|in|bij)\s+groep\s*\d",
            re.IGNORECASE,
        ),
        # come to the Netherlands: "kwam vorig jaar met haar moeder uit Kyiv naar Nederland",
        # "zijn alleen naar Nederland gekomen"
        "arrival": gated(
            r"\b(?:kwam|kwamen|komt|komen|is|zijn|was|waren)\s+(?:\S+\s+){0,8}?naar\s+Nederland"
            r"(?:\s+(?:gekomen|gevlucht))?(?=\s*(?:[.!,;]|$|en\s|gekomen|gevlucht))",
            re.IGNORECASE,
        ),
        # a parent seen only now and then: "ziet haar vader alleen in het weekend"
        "contact": re.compile(
            rf"\b(?:ziet|zien|zag|zagen)\s+(?:zijn|haar|hun|z'n|d'r)\s+(?:{kin})\s+(?:alleen|maar"
            r"|nog\s+maar|nauwelijks|niet\s+meer|zelden|één\s+keer|eens\s+per|om\s+de)\b",
            re.IGNORECASE,
        ),
        # taken by the police: "de politie heeft zijn broer thuis opgehaald"
        "police": gated(
            r"\bpolitie\s+(?:\S+\s+){0,6}?(?:opgehaald|meegenomen|opgepakt|gearresteerd"
            r"|ingerekend|afgevoerd)\b",
            re.IGNORECASE,
        ),
        # a theft or an attack on a person done by someone: "hebben het geld gestolen",
        # "schopte een medeleerling tegen het hoofd" (not "schopte de bal")
        "deed": gated(
            # (not when someone unknown did it: "iemand heeft de fiets van Sem gestolen")
            r"(?<!iemand )(?<!dieven )(?<!inbrekers )(?<!onbekenden )"
            r"\b(?:heeft|hebben|had|hadden)\s+(?:\S+\s+){0,6}?gestolen\b"
            r"|\b(?:sloeg|sloegen|schopte|schopten|duwde|duwden|beet|kneep|bespuugde|bedreigde"
            r"|pestte|pestten|pest|slaat|schopt|duwt|bijt|bedreigt)\s+(?:[^\s,.!?]+\s+)??(?:een|de|zijn|haar|z'n|d'r)?\s*"
            r"(?:andere\s+|jongere\s+)?(?:medeleerling|klasgeno\w+|leerling|leerkracht|juf|meester"
            r"|kind|jongen|meisje|broertje|zusje|moeder|vader|kleuter)\w*\b"
            # money or things taken: "heeft geld uit de klassenpot gepakt"
            r"|(?<!iemand )(?<!dieven )(?<!inbrekers )(?<!onbekenden )"
            r"\b(?:heeft|hebben|had|hadden)\s+(?:\S+\s+){0,2}?(?:geld\s+(?:\S+\s+){0,4}?gepakt"
            r"|(?:geld|spullen|snoep|telefoons?)\s+(?:\S+\s+){0,4}?(?:weggenomen|ontvreemd))\b"
            # the person hurt first, the act last: "heeft een klasgenootje gebeten"
            r"|\b(?:heeft|hebben|had|hadden)\s+(?:\S+\s+){0,3}?(?:een|de|zijn|haar|z'n)\s+"
            r"(?:\w+\s+)?(?:medeleerling|klasgeno\w+|leerling|leerkracht|juf|meester|kind|kleuter"
            r"|jongen|meisje|broertje|zusje)\w*\s+(?:\S+\s+){0,3}?(?:geslagen|geschopt|gebeten"
            r"|geduwd|gekrabd|geknepen|bespuugd|bedreigd|gepest|uitgescholden)\b",
            re.IGNORECASE,
        ),
        "grade": gated(
            r"(?<![\d.,])(?:10|[1-9]),\d(?![\d,])(?!\s*(?:meter|m\b|km|cm|kilo|kg|sec|min|uur"
            r"|euro|procent|%|liter|graden|punt\b))"
            # ("n" or "'n" for "een" in haste: "haalde n 3 voor rekenen")
            rf"|(?:\been|(?<![\w'])'?n)\s+(?:(?:dikke|mooie|prachtige|hele|vette)\s+)?{MARK}"
            r"\s+(?:voor|op|bij)\s+"
            rf"(?:(?:de|het|een|zijn|haar|je|hun)\s+)?(?:{subjects}|{TEST_COMPOUND})\b"
            # a mark got, the subject left out: "haalde een 9!", "kreeg een dikke 8 voor ..."
            r"|(?:(?<=haalde )|(?<=scoorde )|(?<=kreeg )|(?<=haalt )|(?<=scoort ))(?:een|'?n)\s+"
            rf"(?:(?:dikke|mooie|prachtige|vette|welverdiende)\s+)?{MARK}"
            r"(?=\s*(?:[!.,;)]|$|voor\s|op\s|bij\s|[\U0001F300-\U0001FAFF\u2600-\u27BF]))"
            rf"|\b(?:scoorde|haalde|behaalde|had)\s+(?:een\s+)?(?:score\s+van\s+)?\d{{2,3}}\s+"
            rf"(?:punten\s+)?(?:op|bij|voor)\s+(?:de\s+|het\s+)?(?:{subjects}|{TEST_COMPOUND})\b"
            # a test's score of three digits: "scoorde 545", "scoorde bij de Citotoets 538"
            r"|\b(?:scoorde|behaalde)\s+(?:\S+\s+){0,4}?(?:score\s+van\s+)?\d{3}(?=\s*(?:[!.,;]|$))"
            # points out of a total: "haalde 95 van de 100 punten"
            r"|\b(?:haalde|scoorde|behaalde|had)\s+(?:\S+\s+){0,2}?\d{1,3}\s+van\s+de\s+\d{1,3}"
            r"(?:\s+punten)?\b"
            r"|\bgroep\s+\d\s+nog\s+een\s+(?:keer|jaar(?:tje)?)\b"
            # a year group again or skipped: "doet groep 4 over", "zit in groep 3 voor de tweede
            # keer", "sloeg groep 5 over"
            r"|\b(?:doet|deed|doen|deden)\s+groep\s+\d\s+over\b"
            # "gaat groep 4 opnieuw doen"
            r"|\bgroep\s+\d\s+(?:opnieuw|over)\s+doen\b"
            r"|\bgroep\s+\d\s+voor\s+de\s+tweede\s+keer\b"
            r"|\b(?:sloeg|slaat|slaan|sloegen)\s+groep\s+\d\s+over\b"
            r"|\b(?:nog\s+een|een\s+extra|extra)\s+jaar(?:tje)?\s+in\s+groep\s+\d"
            # a move to another year group: "zit Berat bij groep 6 in plaats van groep 5"
            r"|\b(?:zit|zat|zitten|zaten)\s+(?:\S+\s+){0,3}?(?:in|bij)\s+groep\s+\d\s+in\s+plaats\s+van"
            r"\s+(?:in\s+|bij\s+)?groep\s+\d",
            re.IGNORECASE,
        ),
        # a mark in words: "kreeg een onvoldoende voor rekenen", "een ruime voldoende op taal"
        "mark": gated(
            r"\been\s+(?:(?:ruime|dikke|krappe|zware)\s+)?(?:on)?voldoende\s+(?:voor|op|bij)\s+"
            rf"(?:(?:de|het|een|zijn|haar|je|hun)\s+)?(?:{subjects})\b"
            # got, the subject left out: "kreeg een onvoldoende", "een dikke voldoende gehaald"
            r"|(?:(?<=haalde )|(?<=kreeg )|(?<=scoorde )|(?<=haalt )|(?<=krijgt ))een\s+"
            r"(?:(?:ruime|dikke|krappe)\s+)?(?:on)?voldoende\b"
            r"|\been\s+(?:(?:ruime|dikke|krappe)\s+)?(?:on)?voldoende\s+(?:gehaald|gekregen|gescoord)\b",
            re.IGNORECASE,
        ),
        "home": gated(
            rf"\b(?:woon\w*|wonen)\s+(?:\S+\s+){{0,6}}?bij\s+(?:zijn|haar|hun|je)\s+(?:{family})\b"
            # "opgehaald door haar opa en oma, bij wie zij nu woont"
            r"|\bbij\s+wie\s+(?:hij|zij|ze)\s+(?:\S+\s+){0,3}?(?:woon\w*|wonen)"
            # a shelter as a home: "woont met haar moeder tijdelijk in de opvang"
            r"|\b(?:woon\w*|wonen)\s+(?:\S+\s+){0,5}?in\s+(?:de|een)\s+(?:\w+\s+)?opvang\b"
            # the verb last, as in a relative clause: "die sinds de zomer bij zijn opa en oma in
            # Kapelle woont" (no comma between: "bij zijn opa, die in Goes woont" is the opa's)
            rf"|\bbij\s+(?:zijn|haar|hun)\s+(?:{family})\s+(?:[^\s,]+\s+){{0,8}}?(?:woon\w*|wonen)"
            # a stay for the time being with relatives: "slaapt het gezin van Mohamed voorlopig
            # bij een tante", "woont tijdelijk bij haar oom"
            rf"|\b(?:woon|wonen|slaap|slaapt|sliep|slapen|verblijf|verblijft|verblijven|logeert|logeren)\w*"
            rf"\s+(?:[^\s,]+\s+){{0,5}}?(?:voorlopig|tijdelijk)\s+bij\s+(?:een|zijn|haar|hun|de)\s+"
            rf"(?:{family})\b"
            # a child caring for a relative: an ill one, or at home after school ("zorgt na
            # school voor haar kleine broertjes"; not "zorgt tijdens het spel voor zijn broertje")
            rf"|\bzorg(?:t|de|den|en)\s+(?:[^\s,]+\s+){{0,3}}?voor\s+(?:zijn|haar|hun|z'n)\s+"
            rf"(?:zieke|gehandicapte)\s+(?:{family}|{kin})s?\b"
            rf"|\bzorg(?:t|de|den|en)\s+(?:(?:\S+\s+)?(?:thuis|na\s+school|'s\s+avonds|elke\s+dag)\s+)"
            rf"voor\s+(?:zijn|haar|hun|z'n)\s+(?:kleine\s+|jongere\s+)?(?:{family}|{kin})s?\b",
            re.IGNORECASE,
        ),
        "health": Alternatives(
            r"\b(?:levende\s+luizen|(?:hoofd)?luizen\s+(?:gevonden|aangetroffen)"
            r"|(?:heeft|hebben|had|hadden)\s+(?:hoofd)?luizen"
            # diabetes said by its type: "Kiran heeft type 1"
            r"|(?:heeft|had)\s+(?:diabetes\s+)?type\s+[12](?=\s*(?:[!.,;)]|$|en\s|diabetes))"
            rf"|vier\w*\s+(?:\S+\s+){{0,6}}?(?:{feasts})|(?:{feasts})\s+(?:\S+\s+){{0,3}}?vier\w*"
            # a day off for a feast: "zijn maandag vrij voor het Suikerfeest"
            rf"|(?:vrij|vrijaf|afwezig)\s+(?:\S+\s+){{0,2}}?(?:voor|vanwege|i\.v\.m\.|wegens)\s+"
            rf"(?:het\s+|de\s+)?(?:{feasts})"
            rf"|verwacht\w*\s+(?:\S+\s+){{0,6}}?(?:{babies})"
            # a seizure said as "een aanval" of someone who has or gets one
            # (also a compound: "zo'n hoofdpijnaanval had", "astma-aanvallen")
            r"|(?:heeft|had|krijgt|kreeg)\s+(?:\S+\s+){0,4}?[\w-]*(?:aanval|aanvallen|toevallen)"
            r"|[\w-]*(?:aanval|aanvallen|toevallen)\s+(?:krijgen|krijgt|kreeg|kregen|hebben|had)"
            # growth measured against age ("te zwaar voor zijn leeftijd")
            r"|te\s+(?:zwaar|licht|dik|mager|klein)\s+(?:is\s+|was\s+)?voor\s+(?:zijn|haar|z'n)"
            r"\s+leeftijd"
            # a relative lost: "heeft haar opa verloren", "verloor vorig jaar zijn vader"
            rf"|(?:zijn|haar|hun|z'n)\s+(?:{kin})\s+(?:\S+\s+){{0,3}}?verloren"
            rf"|verloor\s+(?:\S+\s+){{0,3}}?(?:zijn|haar|hun|z'n)\s+(?:{kin})"
            rf"|verlies\s+van\s+(?:zijn|haar|hun|z'n|je|jullie)\s+(?:{kin})"
            # worn out, said as what became too much: "het werd hem even te veel"
            r"|(?:werd|wordt|is|was)\s+(?:hem|haar|hun)\s+(?:\S+\s+){0,2}?(?:te\s+veel|teveel)"
            r"(?:\s+geworden)?"
            # a separable verb around its subject and time: "viel tijdens de repetitie flauw"
            r"|(?:viel|valt|vielen|vallen)\s+(?:\S+\s+){0,5}?flauw"
            # a relative who no longer knows anyone (dementia): "zijn oma herkent hem niet meer"
            rf"|(?:{kin})\s+(?:\S+\s+){{0,3}}?(?:niet\s+meer\s+herken\w*|herken\w*\s+(?:\S+\s+){{0,2}}?"
            r"niet\s+meer)"
            r"|weet\s+niet\s+meer\s+wie\s+(?:ze|hij|zij)\s+(?:is|zijn)"
            # a birth on the way said with the stork: "de ooievaar komt in mei langs bij juf Lotte"
            r"|ooievaar\s+(?:\S+\s+){0,4}?(?:langs|geweest)"
            # a fear a person has (a phobia): "heeft veel angst voor water" (not "geen angst")
            r"|(?:heeft|had|hebben|hadden)\s+(?:veel|erg\s+veel|grote|enorme|echte)\s+angst\s+voor"
            r")\b",
            re.IGNORECASE,
        ),
        # a relative's death said without a death word: "moest afscheid nemen van haar opa",
        # "de dood van zijn moeder", "dan wordt zijn opa begraven"
        "loss": Alternatives(
            rf"\b(?:(?:moest|moesten|moet|moeten)\s+(?:\S+\s+){{0,2}}?afscheid\s+(?:\S+\s+){{0,2}}?"
            rf"van\s+(?:zijn|haar|hun|z'n|d'r)\s+(?:{kin})"
            rf"|dood\s+van\s+(?:zijn|haar|hun|z'n|d'r)\s+(?:{kin})"
            # "zijn opa is er niet meer" (the clause ends there: not "er niet meer bij")
            rf"|(?:zijn|haar|hun|z'n|d'r)\s+(?:{kin})\s+(?:is|was)\s+er\s+niet\s+meer(?=\s*(?:[.!,;]|$))"
            rf"|(?:{kin})\s+(?:\S+\s+){{0,3}}?(?:wordt|werd|is)\s+(?:\S+\s+){{0,3}}?begraven"
            rf"|(?:wordt|werd|is)\s+(?:\S+\s+){{0,2}}?(?:{kin})\s+(?:\S+\s+){{0,3}}?begraven"
            # taken home, in a Christian voice: "de opa van Daniël is zaterdag thuisgehaald"
            # (a relative its subject: not "de beker thuisgehaald")
            rf"|(?:{kin})\s+(?:\S+\s+){{0,8}}?(?:is|werd|wordt)\s+(?:\S+\s+){{0,3}}?thuisgehaald"
            r")\b",
            re.IGNORECASE,
        ),
        "injury": Alternatives(
            # a fall: "na zijn val van het klimrek", "door haar val"
            r"\b(?:(?:na|door|sinds|van)\s+(?:zijn|haar|z'n|d'r)\s+(?:\S+\s+)?val"
            # kept from sports: "mag zes weken niet sporten", "mocht niet meedoen met gym"
            # walking aids: "loopt een paar weken met stokken", "liep op krukken"
            # (what follows ends the clause or gives a reason: not "liep met stokken te sjouwen")
            r"|(?:loopt|liep|lopen|liepen)\s+(?:\S+\s+){0,4}?(?:met|op)\s+(?:krukken|stokken"
            r"|een\s+rollator|een\s+looprek)"
            r"(?=\s*(?:[!.,;]|$|en\s|door\s+(?:zijn|haar|z'n|een)\s|na\s|omdat\s|sinds\s|vanwege\s))"
            r"|(?:mag|mocht|mogen|kan|kon)\s+(?:\S+\s+){0,4}?niet\s+(?:meer\s+)?(?:mee\s+)?"
            r"(?:sporten|gymmen|tillen|bukken|meedoen\s+met\s+(?:de\s+)?gym(?:les)?)"
            # hearing and sight: "hoort heel slecht", "ziet slecht" (not "ziet er slecht uit")
            r"|(?:hoort|hoorde|ziet|zag)\s+(?:heel\s+|erg\s+|wat\s+|steeds\s+|nog\s+)?slecht"
            r"(?!\s+uit)"
            # on one side: "hoort aan haar linkeroor niks", "ziet met zijn rechteroog weinig"
            r"|(?:hoort|hoorde|ziet|zag)\s+(?:aan|met|op)\s+(?:zijn|haar|z'n|d'r|één|een)\s+\w*(?:oor|oog|kant)"
            r"\s+(?:bijna\s+|vrijwel\s+)?(?:niks|niets|weinig|slecht)"
            # sleep, and the verb last in a clause: "dat hij de laatste tijd zo slecht slaapt"
            r"|(?:slaapt|sliep)\s+(?:heel\s+|erg\s+|zo\s+|nog\s+|steeds\s+)?slecht"
            r"|slecht\s+(?:slaapt|sliep|hoort|hoorde|ziet|zag)\b(?!\s+er\s)"
            r")\b",
            re.IGNORECASE,
        ),
        # a complaint or wound at a part of the body: "last van zijn rug", "pijn aan haar knie",
        # "een snee in zijn hand", "problemen met haar ogen"
        "body": gated(
            r"\b(?:last|pijn|klachten|problemen|bult|buil|snee|wond|wondje|schaafwond|kneuzing"
            # or what is worn on it: "een pleister op haar oog", "een sensor op haar bovenarm"
            r"|blauwe\s+plek|pleister|sensor|verband)\s+(?:\S+\s+)?(?:van|aan|in|op|met)\s+"
            rf"(?:zijn|haar|z'n|d'r)\s+(?:linker|rechter|boven|onder)?(?:{body})\b"
            # a part of the body damaged: "zijn arm is kapot", "een stukje van zijn voortand
            # afgebroken", "haar schouder uit de kom"
            rf"|\b(?:zijn|haar|z'n|d'r)\s+\w*?(?:{body})\s+(?:\S+\s+){{0,2}}?"
            r"(?:kapot|afgebroken|uit\s+de\s+kom)\b"
            # kept at home by it: "zit thuis met zijn rug"
            r"|\b(?:zit|zat|ligt|lag|blijft|bleef)\s+(?:\S+\s+)?thuis\s+met\s+(?:zijn|haar|z'n|d'r)\s+"
            rf"(?:linker|rechter)?(?:{body})\b",
            re.IGNORECASE,
        ),
        # food a person may not have: "mag niets met noten eten", "kan geen melk verdragen"
        "diet": gated(
            r"\b(?:mag|mogen|mocht|kan|kon|eet|eten|at|drinkt|verdraagt)\s+(?:\S+\s+){0,2}?"
            rf"(?:geen|niets\s+met|niks\s+met|niets\s+van|niks\s+van)\s+(?:{allergens})\b"
            # cooked or eaten without it: "kookt hij alles zonder gluten"
            r"|\b(?:kook\w*|eet|eten|at|krijgt|kreeg)\s+(?:\S+\s+){0,3}?zonder\s+"
            rf"(?:{allergens})\b",
            re.IGNORECASE,
        ),
        "care": gated(
            # blood sugar measured, the verb first: "meet om 10 uur zijn suiker"
            r"\b(?:(?:meet|meten|mat|prikt|prikken|prikte|checkt|checken|controleert"
            r"|controleren)\s+(?:\S+\s+){0,5}?(?:zijn|haar|z'n|d'r)\s+"
            r"(?:(?:bloed)?suiker|glucose|waardes|waarden)"
            # a baby on the way: "de komst van haar kindje"
            rf"|komst\s+van\s+(?:haar|hun)\s+(?:\S+\s+)?(?:{babies})"
            # a drop of blood from a finger: "prikt juf even bij Daan in zijn vinger"
            r"|prik\w*\s+(?:\S+\s+){0,4}?in\s+(?:zijn|haar|z'n|d'r)\s+vinger"
            # a medicine given at a time of day: "wij geven Elif om 12 uur haar tabletje"
            r"|(?:om\s+\d{1,2}(?:[.:]\d{2})?\s+uur|'s\s+(?:ochtends|middags)|tussen\s+de\s+middag"
            r"|(?:voor|na)\s+het\s+eten)\s+(?:\S+\s+){0,3}?(?:zijn|haar|z'n|d'r)\s+"
            r"(?:tabletje|tablet|pil|pilletje|pufje)s?"
            # a home for care lived in: "woont nu in een verpleeghuis", "in het zorgcentrum woont"
            # (Frisian "wennet no yn it fersoargingshûs")
            rf"|(?:woon|wenn|wenj)\w*\s+(?:\S+\s+){{0,3}}?(?:in|yn)\s+(?:een|het|de|'t|it|in)\s+"
            rf"(?:\S+\s+)?\w*(?:{homes})"
            rf"|in\s+(?:een|het|de|'t)\s+\w*(?:{homes})\s+(?:\S+\s+){{0,3}}?woon\w*"
            r")\b",
            re.IGNORECASE,
        ),
        # lying somewhere for a time, a named place: "ligt al drie weken in het
        # Elisabeth-TweeSteden", "ligt al een paar weken in Leyenburg" (a hospital by its name)
        "stay": gated(
            r"\b(?:ligt|lag|liggen|lagen)\s+(?:al\s+|nu\s+)?(?:(?:een\s+paar|enkele|een|"
            rf"{NUM})\s+(?:dag|dagen|week|weken|maand|maanden)|sinds\s+\S+)\s+in\s+"
            r"(?:het\s+|de\s+)?(?-i:[A-Z])[\w'-]+",
            re.IGNORECASE,
        ),
        # a baby on the way, said as what someone gets: "Haar mama krijgt in juni een baby"
        # (a time may come between; a father's new baby is left out as in `_term_hits`)
        "expecting": gated(
            # "er komt een baby", "want er komt een kindje"
            rf"\b(?:komt\s+er|er\s+komt)\s+(?:\S+\s+){{0,2}}?een\s+(?:{babies})\b(?=\s*(?:[!.,;)]|$|{EMOJI}))|"
            r"\b(?:krijgt|krijgen)\s+(?:(?:in|rond|eind|begin|half|deze|volgende|binnenkort|straks"
            rf"|over|\w+maand|{MONTHS}|\d+)\s+){{0,3}}(?:er\s+)?een\s+(?:{babies})\b"
            # the baby ends the clause ("een baby born pop" is a toy)
            rf"(?=\s*(?:[!.,;)]|$|en\s|in\s|rond\s|erbij|{EMOJI}))",
            re.IGNORECASE,
        ),
        "family": gated(rf"\b(?:{family})\b", re.IGNORECASE),
        # a post of results or advice (result_words.txt), whose list lines pair names with values
        # (each word looked for in the folded text first: most posts hold none, and one
        # case-insensitive search of them all tried nearly every position, 34 -> 8 us a post)
        "result_words": Alternatives(_alternation("result_words"), re.IGNORECASE),
        # the value of a list line that opens with a name ("Selin – vwo", "1. Ayoub 48",
        # "Hatice: rekenen van een IV naar een II", "Eva → Stedelijk Gymnasium"): a school
        # level ending the value, a grade or score, a test level, with a subject before it
        "list_value": re.compile(
            rf"(?:(?:[^\n]{{0,40}}?[\s,(]|(?i:advies)\s*:?\s*)?(?i:{level})"
            rf"|(?:(?i:{subjects})\s*:?\s+)?(?:(?:10|[1-9])(?:[,.]\d)?|\d{{2,3}}(?:\s+(?i:punten|pnt))?"
            rf"|(?:(?:van\s+)?een\s+{LVS_LEVEL}\s+naar\s+)?(?:een\s+|(?i:niveau)\s+)?{LVS_LEVEL}"
            rf"|{REFERENCE_LEVEL}))"
            r"(?=[^\w\n]*(?:\n|$))"  # the value ends the line
        ),
        "misconduct": gated(rf"\b(?:{_alternation('other_misconduct')})", re.IGNORECASE),
        # a list line that opens with a word or two and ends in a school level after a dash,
        # colon or arrow ("Jelte - Werkmancollege, havo", "• Kai → vwo")
        "level_line": re.compile(
            r"^[^\S\n]*(?:(?:[-•*·▪►✓✔]|\d{1,2}[.)])[^\S\n]*)?[^\W\d_][\w'-]*(?:[^\S\n]+[\w'-]+)?"
            r"[^\S\n]*(?:[:–—=]|-(?!\w)|→|->|=>)[^\n]{0,40}?(?<![\w-])"
            rf"(?i:{level})(?![\w-])[^\w\n]*$",
            re.MULTILINE,
        ),
    }


def _clear() -> None:
    for cached in (
        _vocabulary,
        _special_entries,
        _typo_tables,
        _typo_candidates,
        _words_of,
        _alternation,
        _patterns,
    ):
        cached.cache_clear()


on_change(_clear)  # a school's own word lists ([lexicons] dir) change the vocabulary

# A full stop after these abbreviations ends no sentence ("Senait in gr. 4 en gr. 6").
ABBREVIATION_END = gated(
    r"\b(?:gr|nr|bijv|o\.a|mevr|dhr|mw|ca|t\.n\.v|z\.s\.m|i\.v\.m|m\.b\.t|i\.o\.m|o\.v\.v|d\.w\.z"
    r"|n\.a\.v)\.\s*$",
    re.I,
)


# A sentence ending in one lower-case letter and a full stop ("afwezig i.", "i.v."): a piece of
# an abbreviation such as "i.v.m.", no sentence end (searched in the sentence's last characters).
LETTER_END = re.compile(r"(?<!\w)[a-z]\.\s*$")


# A sentence holds a letter or digit: an emoji on a line of its own joins the sentence before.
SENTENCE = re.compile(r"[^.!?\n]*\w[^.!?\n]*[.!?\n]*(?:[^\w.!?\n]*(?:[.!?\n]+|$))*")
CLAUSE_BREAK = re.compile(r"[:;]\s")

# Who is spoken about: pronouns that refer back to a person named before.
# (Frisian: hy, sy, se, him; syn, har, harren)
SUBJECT_PRONOUNS = frozenset(("hij", "zij", "ze", "hem", "jij", "je", "hy", "sy", "se", "him"))
POSSESSIVES = frozenset(("zijn", "haar", "hun", "je", "jouw", "z'n", "d'r", "syn", "har", "harren"))
PLURAL_POSSESSIVES = frozenset(("hun", "harren"))
# A term right after one of these (determiners and adjectives between) is a topic, not a fact
# about the person: "een spreekbeurt over diabetes", "de strijd tegen kanker", "bij koorts".
TOPIC_WORDS = frozenset(
    ("over", "tegen", "zoals", "rond", "rondom", "thema", "project", "oer", "tsjin")
)
# "bij koorts blijft uw kind thuis": a condition after "bij" is a case, not someone's state (but
# "woont bij een gastgezin", "bij de kinderarts" are facts).
# "onderzoek naar kanker", "op zoek naar" a cure: a condition after "naar" is a topic too.
CASE_WORDS = TOPIC_WORDS | {"bij", "naar"}
CASE_FIELDS = frozenset(("conditions", "aids", "medication", "diets"))
# A cause given to, not help received: "een inzameling voor de voedselbank".
BENEFIT_WORDS = TOPIC_WORDS | {"voor", "aan", "naar"}
# A match's score right before a term: "met 2-0 achterstand".
SCORE_BEFORE = re.compile(r"\d+\s*-\s*\d+\s*$")
# A place of work: "vrijwilliger bij de voedselbank".
PLACE_WORDS = frozenset(("bij", "op", "in"))
# Support given, not received: "geeft bijles", "verzorgt de leesbegeleiding".
GIVE_WORDS = frozenset(
    ("geeft", "gaf", "geven", "gaven", "verzorgt", "biedt", "bieden", "boden")
    + ("regelt", "regelde", "regelen", "organiseert", "organiseerde", "coördineert")
)
# A care place in a clause of work is a workplace: "de periode in het ziekenhuis waar hij
# werkte".
WORK_WORDS = frozenset(
    ("werkt", "werkte", "werkten", "werken", "gewerkt", "stage", "vrijwilliger", "baan")
)
# A professional counts only when visited: "naar de fysiotherapeut", "bij de kinderarts".
# ("een bezoek aan de oogarts"; Frisian, Limburgish "nei", "nao")
VISIT_WORDS = frozenset(("naar", "bij", "door", "van", "met", "aan", "nei", "nao"))
# Childbirth is the mother's: a birth word in a clause that speaks only of a man ("meester Tim
# is blij met de geboorte van zijn zoon") is no one's health (the corpora leave a father's new
# baby unlabelled); "juf", "zij", "zijn vrouw" make it hers.
FEMALE_WORDS = frozenset(
    ("juf", "mevrouw", "moeder", "mama", "zij", "ze", "haar", "vrouw", "sy", "mem")
)
MALE_WORDS = frozenset(("meester", "meneer", "dhr", "vader", "papa", "hij", "hy", "heit"))
FEAST_GREETINGS = frozenset(("mubarak", "kareem", "sameach"))
SKIPPABLE = frozenset(("de", "het", "een", "'t", "eigen", "nieuwe", "ernstige", "lichte", "zware"))
STAFF_SIGNATURE = re.compile(
    r"(?:^|[\n,.!-])\s*(?:juf|meester|mr\.?|mevrouw|directeur)\s+[A-Z][\w'-]+[^\w\n]*$",
    re.IGNORECASE,
)
STAFF_TITLE = re.compile(r"\b(?:juf|meester|meneer|mevrouw|directeur|directrice)\b", re.IGNORECASE)
FIRST_PERSON_BEFORE = re.compile(r"\bmijn\s+$", re.IGNORECASE)
GRADE = re.compile(r"^(?:10|[1-9]),\d$")
# Between a name and its grade: "Daan met een 9,8", "Tess Wolters – 9,2", "Noa (8,5)".
GRADE_AFTER_NAME = re.compile(r"\s*(?:met\s+een|[:–—-]|\()\s*")
GRADE_CONTEXT = gated(
    r"toets|cijfer|rapport|score|gehaald|haalde|punten|beste\s+van\s+de\s+(?:klas|groep)",
    re.IGNORECASE,
)
NOT_OF_ONE = re.compile(r"\bgemiddeld|\bsamen\b|\balle\s+kinderen", re.IGNORECASE)
# A pupil-tracking (Cito/LVS) level with its subject: "een I+ op rekenen", "van een IV naar een
# II op begrijpend lezen". The level is matched case-sensitively: "een V" is a level, "een v" not.
LVS_LEVEL = r"(?:I{1,3}|IV|V|[A-E])[+-]?(?![\w+-])"
LVS_SUBJECT = (
    r"(?:begrijpend\s+|technisch\s+)?lezen|rekenen(?:-wiskunde)?|spelling|taal|woordenschat"
    r"|(?:de\s+)?(?:[Cc]ito|[Mm]idden|[Ee]ind|[Dd]oorstroom)\w*"
)
LVS = re.compile(
    rf"\b(?:van\s+een\s+{LVS_LEVEL}\s+naar\s+)?een\s+{LVS_LEVEL}\s+(?:op|voor|bij)\s+"
    rf"(?:{LVS_SUBJECT})\b"
    # the subject as a sentence's: "spelling was weer een E", "was rekenen nu een II"
    r"|\b(?i:(?:(?:"
    + LVS_SUBJECT
    + r")\s+(?:was|is|werd|wordt)|(?:was|is|werd|wordt)\s+(?:"
    + LVS_SUBJECT
    + r"))\s+(?:(?:weer|nu|ook|al|nog|opnieuw)\s+)?een)\s+"
    + LVS_LEVEL
    # a level got, its subject said before: "Bij begrijpend lezen scoorde Ayoub een IV" (right
    # after the verb, from "een" on: "haalde een II op spelling" keeps its subject above)
    + r"|(?:(?<=scoorde )|(?<=haalde )|(?<=behaalde )|(?<=kreeg ))een\s+"
    + LVS_LEVEL
    + r"|\b(?i:scoorde|haalde|behaalde|kreeg)\s+(?!een\b)[\w'-]+\s+een\s+"
    + LVS_LEVEL
    + r"(?:\s+(?:op|voor|bij)\s+(?:"
    + LVS_SUBJECT
    + r")\b)?"
)
# A mark: "9", "7,5", "8+", "een tien".
MARK_WORDS = ("tien", "negen", "acht", "zeven", "zes", "vijf", "vier")
MARK = rf"(?:(?:10|[1-9])(?:[,.]\d|[+-]|½)?(?![\d,])|(?:{'|'.join(MARK_WORDS)})\b)"
# A test named as a compound: "topotoets", "tafeltoets", "woordjesdictee".
TEST_COMPOUND = r"\w+(?:toets|toetsen|dictee)"
# A referential level of the final test (doorstroomtoets): "1F", "2F/1S".
REFERENCE_LEVEL = r"[123][FS](?:/[123][FS])?(?![\w/])"
# "niveau A", "2F voor lezen", "1S" said of a person (case-sensitive: "een v" is no level).
TEST_LEVEL = gated(
    rf"\b(?:[Nn]iveau\s+{LVS_LEVEL}|(?:I{{1,3}}|IV|V|[A-E])[+-]?-niveau\b"
    rf"|{REFERENCE_LEVEL}(?=\s+(?:voor|op|bij)\s+\w)"
    rf"|(?:met|haalde|behaalde|scoorde)\s+(?:een\s+)?{REFERENCE_LEVEL}"
    rf"|{REFERENCE_LEVEL}(?=\s+(?:gehaald|behaald|gescoord)\b))"
)
# A reading level (AVI) after what reads or reached it: "zit nu op E5", "heeft M6 gehaald",
# with reading said in its clause (READING_CONTEXT).
READING_LEVEL = re.compile(
    r"(?<=\s)(?:op|naar|haalde|heeft|had|las|leest)\s+[EM][3-7](?![\w-])"
    r"|\b[EM][3-7](?=\s+(?:gehaald|behaald|uitgelezen)\b)"
)
READING_CONTEXT = re.compile(r"\b(?:lez|lees|las|gehaald|uitgelezen|avi|boek)", re.IGNORECASE)
# The start of a list line up to its name: a bullet or number ("•", "-", "1.", "2)").
LIST_LINE_START = re.compile(r"[^\S\n]*(?:(?:[-•*·▪►✓✔]|\d{1,2}[.)])[^\S\n]*)?")
# Between a list line's name and its value: a dash, colon, arrow or "met een".
LIST_SEPARATOR = re.compile(r"[^\S\n]*(?:[:–—=]|-(?!\w)|→|->|=>|met\s+een)?[^\S\n]*")
# Words one of which every match of a pattern of `_patterns()` holds (() for: a digit or a
# mark in words).
OTHER_PATTERN_CUES = (
    (
        "advice",
        ("advies", "naar", "leerweg", "bijgesteld", "schoolkeuze", "aangenomen", "toegelaten")
        + ("geplaatst", "door"),
    ),
    ("grade", ()),
    ("mark", ("voldoende",)),
    (
        "home",
        ("woon", "wonen", "slaap", "sliep", "slapen", "verblijf", "logeer", "logeren", "zorg"),
    ),
    ("result", ("goed", "avi", "foutloos", "score", "gehaald", "scoor", "gezakt", "geslaagd")),
    ("exclusion", ("school", "thuis")),
    ("detained", ("vast", "opgepakt", "vrijgekomen", "vrijgelaten", "opgesloten", "veroordeeld")),
    ("hardship", ("thuis",)),
    ("remedial", ("krijg",)),
    ("police", ("politie",)),
    ("job", ("verloor", "ontslagen")),
    ("leave", ("verlaten", "terug")),
    ("repeat", ("jaar", "cluster", "niveau", "groep")),
    ("arrival", ("nederland",)),
    ("contact", ("ziet", "zien", "zag")),
    (
        "deed",
        ("gestolen", "sloeg", "schopt", "duwde", "beet", "kneep", "bespuug", "bedreig")
        + ("pest", "slaat", "schopt", "duwt", "bijt", "gepakt", "weggenomen", "ontvreemd")
        + ("pestte", "gebeten", "geduwd", "gekrabd", "geknepen", "geslagen", "gepest")
        + ("uitgescholden",),
    ),
)
# Per pattern of `_patterns()` for health, words one of which each of its matches holds.
HEALTH_PATTERN_CUES = (
    (
        "health",
        (
            "luizen",
            "type",
            "vier",
            "verwacht",
            "aanval",
            "toeval",
            "leeftijd",
            "verlo",
            "verlie",
            "vrij",
            "afwezig",
            "veel",
            "flauw",
            "herken",
            "weet",
            "ooievaar",
            "angst",
        ),
    ),
    ("expecting", ("krijg", "komt")),
    ("loss", ("afscheid", "dood", "begraven", "meer", "thuisgehaald")),
    (
        "injury",
        ("val", "niet", "slecht", "krukken", "stokken", "rollator", "looprek", "niks", "weinig"),
    ),
    ("diet", ("geen", "niet", "niks", "zonder")),
    (
        "care",
        ("suiker", "komst", "woon", "wenn", "wenj", "vinger", "tablet", "pil", "pufje")
        + ("glucose", "waarde"),
    ),
    ("stay", ("ligt", "lag", "liggen", "lagen")),
    (
        "body",
        ("last", "pijn", "klacht", "problem", "bult", "buil", "snee", "wond", "kneuz", "plek")
        + ("thuis", "pleister", "sensor", "verband", "kapot", "afgebroken", "kom"),
    ),
)
DIGIT = re.compile(r"\d")
LVS_CUES = ("lezen", "rekenen", "spelling", "taal", "woordenschat", "cito", "toets")
LEVEL_CUES = ("niveau",)


@functools.cache
def _pattern_cues() -> KeyGroups:
    """The cue words of the health and other patterns, looked for in one read of a text."""
    return KeyGroups(
        (*(cues for _, cues in OTHER_PATTERN_CUES), *(cues for _, cues in HEALTH_PATTERN_CUES))
        + (LVS_CUES, LEVEL_CUES)
    )


def sentences_of(text: str) -> list[Span]:
    """The sentences of `text` (runs up to and including . ! ? or a line break), in order; a
    full stop after an abbreviation such as "gr." ends no sentence."""
    spans = [Span(m.start(), m.end()) for m in SENTENCE.finditer(text)]
    if "." not in text or len(spans) < 2:
        return spans
    merged = [spans[0]]
    for span in spans[1:]:
        last = merged[-1]
        if (
            text[last.end - 1] == "." and LETTER_END.search(text, max(0, last.end - 6), last.end)
        ) or _abbreviation_end(text, last):
            merged[-1] = Span(last.start, span.end)
        else:
            merged.append(span)
    return merged


def _abbreviation_end(text: str, sentence: Span) -> bool:
    """Whether `sentence` ends in an abbreviation and its full stop ("gr.", "t.n.v."), white
    space after it: ABBREVIATION_END read from six characters before that stop (the longest
    abbreviation and its stop), not across the whole sentence."""
    stop = sentence.end
    while stop > sentence.start and text[stop - 1].isspace():
        stop -= 1
    if stop == sentence.start or text[stop - 1] != ".":
        return False
    lo = max(sentence.start, stop - 6)
    return ABBREVIATION_END.search(text, lo, sentence.end) is not None


def clauses_of(text: str, sentences: list[Span]) -> list[Span]:
    """The sentences cut once more after ":" and ";" (the units a fact is said in)."""
    if ":" not in text and ";" not in text:
        return sentences
    clauses = []
    for s in sentences:
        start = s.start
        for m in CLAUSE_BREAK.finditer(text, s.start, s.end):
            clauses.append(Span(start, m.end()))
            start = m.end()
        clauses.append(Span(start, s.end))
    return clauses


def identified(span: Span, sentences: list[Span], people: Sequence[Span], back: int = 1) -> bool:
    """True when a person is named in the sentence of `span` or the `back` ones before it."""
    idx = bisect_right(sentences, span.start, key=_start) - 1  # the last sentence starting here
    if idx < 0 or span.start >= sentences[idx].end:
        return False
    sentence = sentences[idx]
    lo = sentences[max(0, idx - back)].start
    return any(lo <= p.start < sentence.end for p in people)


def _start(span: Span) -> int:
    return span.start


def may_state_an_age(text: str) -> bool:
    """Whether `text` may say an age with "is"/"ben" and no birthday cue word ("Jente is net 4"),
    or a birth date after the genealogical sign ("Luwam (°14/02/2022)")."""
    return (
        AGE_PREDICATE_CUE.search(text) is not None
        or ("(" in text and BARE_AGE.search(text) is not None)
        or "°" in text
        or "\n" in text
        and len(DATED.findall(text)) > 1  # see _dates_of_birth_in_a_list
    )


def find_birthdates(
    text: str,
    people: Sequence[Span],
    sentences: list[Span] | None = None,
    tokens: Tokens | None = None,
    phrases: bool = True,
) -> list[Hit]:
    """Birthdays and ages near a named person; `sentences` as `sentences_of(text)` and
    `tokens` (see `Tokens`) if known. Without `phrases` (the text holds no birthday cue word,
    see analysis.py) only the ages read from their clause's structure."""
    if sentences is None:
        sentences = sentences_of(text)
    birthday_post = BIRTHDAY_POST.search(text) is not None
    # ages read from their clause's structure, which says whose they are
    known = ages.TextWords(tokens.words, tokens.starts, tokens.ends) if tokens else None
    spans = ages.find_ages(text, people, sentences, birthday_post, known)
    if not phrases:
        return _hits(text, spans, "verjaardag of leeftijd van een persoon", PDKind.BIRTHDATE)
    found = []
    for m in BIRTHDATE.finditer(text):
        if NOT_BIRTHDAY.search(text[m.start() : m.end() + 30]) or _after_an_anniversary(
            text, m.start(), sentences
        ):
            continue
        if AGE_TODAY.match(m.group()) and NOT_BIRTHDAY_BEFORE.search(
            text[max(0, m.start() - 30) : m.start()]
        ):
            continue  # "bestaat vandaag 50 jaar": no one's age
        if HISTORICAL_YEAR.search(m.group()):
            continue
        found.append(Span(m.start(), m.end()))
    # "8 jaar alweer!", not "werkt hier 8 jaar al"
    found += (
        Span(m.start(), m.end())
        for m in (AGE_ALREADY.finditer(text) if "jaar" in text else ())
        if not NOT_BIRTHDAY_BEFORE.search(text, max(0, m.start() - 30), m.start())
    )
    found += _age_predicates(text, people)
    spans += [
        s
        for s in found
        if identified(s, sentences, people)
        or _asked_and_answered(text, s, people, sentences, tokens)
    ]
    spans += _inverted_ages(text, people)
    if may_contain(text, BIRTHDAY_WORD_CUES) or may_hold_a_birthday_typo(text):
        spans += _birthday_words(text, people, sentences, tokens)
    spans += _appositions(text, people)
    if "\n" in text:
        spans += _dates_of_birth_in_a_list(text, people)
    if birthday_post:
        spans += _ages_in_birthday_post(text, people, sentences)
    if BIRTH_CUE.search(text):
        spans += _dates_of_a_birth(text, people, sentences)
    return _hits(text, spans, "verjaardag of leeftijd van een persoon", PDKind.BIRTHDATE)


# A post about a birth: its event words, a greeting of the newborn or a baby emoji.
BIRTH_CUE = gated(rf"{BIRTH_EVENT}|\bop\s+de\s+wereld\b|👶|🍼", re.IGNORECASE)
BIRTH_EVENT_RE = re.compile(BIRTH_EVENT, re.IGNORECASE)
# A date, a weekday before it perhaps: "zondag 8 maart", "4 november", "2-2-2026".
ANY_DATE = re.compile(rf"(?:{WEEKDAY}\s+)?(?:{DATE})", re.IGNORECASE)
# A newborn's weight beside a date, as on a birth card: "2-2-2026, 3380 gram".
BIRTH_WEIGHT = re.compile(r"\b\d[.,]?\d{3}\s*(?:gram|gr)\b|\b\d[,.]\d{1,2}\s*(?:kilo|kg)\b", re.I)
# Before a date, a bound or an expectation, not the day of a birth: "tussen 1 oktober 2022 en
# ...", "vóór 1 januari", "uitgerekend op 12 april".
NOT_THE_BIRTH = re.compile(
    r"\b(?:tussen|en|v[oó]{2}r|na|vanaf|sinds|tot|t/m|per|uitgerekend\s+op|verwacht\s+op)\W*$",
    re.IGNORECASE,
)
EXPECTED = re.compile(r"\b(?:uitgerekend|verwacht)", re.IGNORECASE)


def _dates_of_a_birth(text: str, people: Sequence[Span], sentences: list[Span]) -> list[Span]:
    """In a post about a birth, a date in a clause that tells the birth ("Zondag 8 maart kwam
    hij ter wereld", "Mats kwam dinsdag 4 november ter wereld", "is zaterdag 8 november opa
    geworden") or beside the newborn's weight ("2-2-2026, 3380 gram"), with a person named in
    its sentence or the one before; not a bound ("tussen 1 oktober 2022 en ... geboren"), an
    expected day or a historical year."""
    found = []
    for clause in clauses_of(text, sentences):
        part = text[clause.start : clause.end]
        if EXPECTED.search(part) or not (BIRTH_EVENT_RE.search(part) or BIRTH_WEIGHT.search(part)):
            continue
        for m in ANY_DATE.finditer(text, clause.start, clause.end):
            span = Span(m.start(), m.end())
            if (
                not NOT_THE_BIRTH.search(text, max(clause.start, m.start() - 20), m.start())
                and not HISTORICAL_YEAR.search(m.group())
                and identified(span, sentences, people)
            ):
                found.append(span)
    return found


ANNIVERSARY_REACH = 40  # characters before a match, in its sentence


def _after_an_anniversary(text: str, start: int, sentences: list[Span]) -> bool:
    """Whether the sentence speaks of an anniversary just before `start` ("voor het jubileum: de
    school met 50 kaarsjes"): the count is the institution's."""
    idx = bisect_right(sentences, start, key=_start) - 1
    lo = max(start - ANNIVERSARY_REACH, sentences[idx].start if idx >= 0 else 0)
    return NOT_BIRTHDAY.search(text, lo, start) is not None


def _asked_and_answered(
    text: str,
    span: Span,
    people: Sequence[Span],
    sentences: list[Span],
    tokens: Tokens | None,
) -> bool:
    """Whether `span` stands in a question or heading that a person answers ("Wie wordt er
    vandaag 8? Onze Mats!")."""
    t = _Text.of(text, sentences, tokens)
    return _answered_by_a_person(t, t.clause_index(span.start), people)


def _birthday_words(
    text: str, people: Sequence[Span], sentences: list[Span], tokens: Tokens | None = None
) -> list[Span]:
    """ "jarig", "jarige", "verjaardag" in a clause that speaks of a person ("Fijne verjaardag,
    Sem!", "onze jarige Mila") or that a person answers ("Vandaag jarig: Sem uit groep 5", "Wie
    is er jarig? Onze juf Anouk!"), but not a school's or a club's ("75 jaar jarig bestaan").
    A compound ("verjaardagskroon") is the birthday of the person who has it, named (not an
    @-handle: a maker) before it and not given to another ("Ravi had de verjaardagskroon op"; not
    "@taartenvansanne maakte de verjaardagstaart voor juf Esther", "Daan maakte een
    verjaardagskaart voor zijn opa")."""
    t = _Text.of(text, sentences, tokens)
    found = []
    words = [Span(m.start(), m.end()) for m in BIRTHDAY_WORD.finditer(text)]
    words += (Span(t.starts[k], t.ends[k]) for k, w in enumerate(t.words) if birthday_typo(w))
    for span in words:
        if NOT_BIRTHDAY.search(text[span.start : span.end + 30]):
            continue
        idx = t.clause_index(span.start)
        clause = t.clauses[idx]
        if span.end - span.start > len(BIRTHDAY_COMPOUND_HEAD) and text[
            span.start : span.end
        ].lower().startswith(BIRTHDAY_COMPOUND_HEAD):
            if not FOR_SOMEONE_ELSE.match(text, span.end) and any(
                clause.start <= p.start < span.start and text[p.start] != "@" for p in people
            ):
                found.append(span)
            continue
        first = bisect_right(t.starts, span.start - 1)
        if (
            any(clause.start <= p.start < clause.end for p in people)
            or _about_a_person(t, span, first, people)
            or _answered_by_a_person(t, idx, people)
        ):
            found.append(span)
    return found


ANSWER_REACH = 16  # characters from the next clause's start to the name that answers ("Onze juf ")
# The answer is the name alone, perhaps with its group: "Sem uit groep 5 🎂", "Onze juf Anouk!"
# (not "Sem weet het": a new sentence about Sem).
ANSWER_END = re.compile(
    r"(?:\s+(?:uit|van|in)\s+(?:groep|gr\.?)\s*\d\w*(?:/\d\w*)?"
    r"|\s*\((?:groep|gr\.?)\s*\d\w*(?:/\d\w*)?\))?\W*$"  # "Thomas (groep 4)!"
)


# The clause after a birthday that says whose it was: "Dat is onze Tess!" (an emoji first).
WHO_IT_WAS = re.compile(r"[^\w\n]*(?:dat|dit|het)\s+(?:is|was)\s+", re.IGNORECASE)


def _answered_by_a_person(t: _Text, idx: int, people: Sequence[Span]) -> bool:
    """Whether clause `idx` asks or announces ("Wie is er jarig?", "Vandaag jarig:") and the
    next clause opens with a person (a title or "onze" may come first), or the next clause
    says who it was ("Er zal er eentje jarig zijn! Dat is Jasmijn uit groep 4.")."""
    if idx + 1 >= len(t.clauses):
        return False
    after = t.clauses[idx + 1]
    answer = t.text[after.start : after.end]
    start = after.start + len(answer) - len(answer.lstrip())
    if not t.text[: t.clauses[idx].end].rstrip().endswith(("?", ":")):
        said = WHO_IT_WAS.match(t.text, start, after.end)
        if said is None:
            return False
        start = said.end()
    return any(
        start <= p.start <= start + ANSWER_REACH
        and ANSWER_END.match(t.text, p.end, after.end) is not None
        for p in people
    )


def _appositions(text: str, people: Sequence[Span]) -> list[Span]:
    """An age or (in a birthday post) a date right after a name: "Noah (7 jaar)", "Tess (3 okt)"."""
    found = []
    birthday_post = BIRTHDAY_POST.search(text) is not None
    for p in people:
        m = AGE_APPOSITION.match(text, p.end) or (
            BIRTHDAY_APPOSITION.match(text, p.end) if birthday_post else None
        )
        if m:
            found.append(Span(m.start() + len(m.group()) - len(m.group().lstrip()), m.end()))
        elif birthday_post:
            line = text.rfind("\n", 0, p.start) + 1
            before = BIRTHDAY_DATE_BEFORE.search(text, line, p.start)
            if before:
                found.append(Span(before.start(1), before.end(1)))
            else:
                found += _list_line_dates(text, line, p)
    return found


def _dates_of_birth_in_a_list(text: str, people: Sequence[Span]) -> list[Span]:
    """A list whose lines each pair a name with one full date, the years differing ("Oleh –
    Oekraïne – 03-09-2016", "Natalia – Polen – 27-01-2018"): dates of birth, in any post (the
    dates of a schedule lie in one school year)."""
    dates: dict[int, re.Match[str]] = {}
    for p in people:
        line = text.rfind("\n", 0, p.start) + 1
        end = text.find("\n", p.end)
        end = len(text) if end < 0 else end
        if line in dates or end - line > LIST_LINE_MAX:
            continue
        found = list(DATED.finditer(text, line, end))
        if len(found) == 1 and not DATED_NOT_BIRTH.search(text, line, found[0].start()):
            dates[line] = found[0]
    years = [int(m.group(1)) for m in dates.values()]
    if len(dates) < 2 or max(years) - min(years) < DATES_OF_BIRTH_SPREAD:
        return []
    return [Span(m.start(), m.end()) for m in dates.values()]


def _list_line_dates(text: str, line: int, person: Span) -> list[Span]:
    """The date on a birthday list's line of `person` (a short line, one date on it)."""
    end = text.find("\n", person.end)
    end = len(text) if end < 0 else end
    if end - line > LIST_LINE_MAX:
        return []
    dates = list(LIST_LINE_DATE.finditer(text, line, end))
    return [Span(dates[0].start(), dates[0].end())] if len(dates) == 1 else []


# The subject after the verb: "Vandaag wordt Daan 8 jaar!", "Gisteren werd opa Henk 80", "Zaterdag
# wordt juf Ellen 50": the verb before the name (titles and kinship words between) ...
VERB_BEFORE_SUBJECT = re.compile(
    r"\b(?:wordt|word|worden|werd|werden|is|was|wurdt|waard|viert|vierde)\s+"
    r"((?:[\w'.-]+\s+){0,4}?)$",
    re.IGNORECASE,
)
# A group may stand between the verb and the name: "Morgen wordt in groep 3 Aziz zeven".
GROUP_PHRASE = re.compile(r"\b(?:in|uit|van)\s+(?:groep|gr\.?)\s*\d\w*(?:/\d\w*)?", re.IGNORECASE)
# ... and the age right after it, ending its clause.
AGE_AFTER_SUBJECT = re.compile(
    rf"\s+(?:(?:(?:al|pas|bijna|alweer)\s+)?{NUM}{NOT_A_COUNT_OF_YEARS}(?:\s+jaar)?(?:\s+oud)?"
    r"(?:\s+geworden)?(?![.,]\d)"
    # an ordinal the subject celebrates: "Morgen viert juf Ans haar 60ste"
    rf"|(?:zijn|haar|z'n)\s+{ORDINAL}(?:\s+verjaardag)?)"
    r"(?=\s*(?:[!.,;:)?]|$|en\s|maar\s|[\U0001F300-\U0001FAFF\u2600-\u27BF]))",
    re.IGNORECASE,
)
# Words that may stand between that verb and the name: "wordt onze juf Ellen 50".
BEFORE_SUBJECT = frozenset(("onze", "ons", "de", "kleine", "lieve", "en"))


def _inverted_ages(text: str, people: Sequence[Span]) -> list[Span]:
    """An age whose subject follows its verb, as after a time word in Dutch ("Vandaag wordt
    Daan 8 jaar!", "Afgelopen weekend werd opa Henk 80"): the verb, the name and the age."""
    found = []
    between = BEFORE_SUBJECT | _words_of("kin_words") | _words_of("name_titles")
    for p in people:
        group = GROUP_AFTER_NAME.match(text, p.end)  # "wordt onze Noa uit groep 1 5!"
        after = AGE_AFTER_SUBJECT.match(text, group.end() if group else p.end)
        if after is None:
            continue
        verb = VERB_BEFORE_SUBJECT.search(text, max(0, p.start - 40), p.start)
        if verb is None:
            continue
        words = GROUP_PHRASE.sub(" ", verb.group(1)).split()
        if all(w.lower() in between or w[:1].isupper() for w in words):
            found.append(Span(verb.start(), after.end()))
    return found


def _age_predicates(text: str, people: Sequence[Span]) -> list[Span]:
    """An age right after its subject: a name ("Jente is net 4") or a pronoun ("zij is nu 9")."""
    matches = [*AGE_AFTER_PRONOUN.finditer(text), *map(_age_after, [text] * len(people), people)]
    return [Span(m.start(1), m.end(1)) for m in matches if m is not None]


def _age_after(text: str, person: Span) -> re.Match[str] | None:
    """The age after `person`, unless the name belongs to another subject ("de score van Sem
    is 80"; but "de oma van Sem is 90" is the grandmother's age)."""
    owner = OWNED_BY.search(text, max(0, person.start - 40), person.start)
    if owner and owner.group(1).lower() not in _words_of("kin_words"):
        return None
    after = GROUP_AFTER_NAME.match(text, person.end)
    return AGE_AFTER_NAME.match(text, after.end() if after else person.end)


def _ages_in_birthday_post(text: str, people: Sequence[Span], sentences: list[Span]) -> list[Span]:
    """In a post about a birthday, "N jaar" or "wordt N" in a sentence with (or after) a name
    is an age."""
    found = []
    for m in YEARS.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        if NOT_BIRTHDAY_BEFORE.search(before) or NOT_BIRTHDAY.search(
            text[m.start() : m.end() + 30]
        ):
            continue
        span = Span(m.start(), m.end())
        if identified(span, sentences, people):
            found.append(span)
    return found


def _right_after_a_name(text: str, span: Span, people: Sequence[Span]) -> bool:
    """Whether `span` follows a name with only "met een", a dash, colon or bracket between."""
    return any(
        0 <= span.start - p.end <= 12 and GRADE_AFTER_NAME.fullmatch(text, p.end, span.start)
        for p in people
    )


# A list pairs names with levels when at least this many of its lines end in a school level
# ("Jelte - Werkmancollege, havo"), even with no word of results or advice around it.
LEVEL_LINES_MIN = 2


def may_hold_a_result_list(text: str) -> bool:
    """Whether `text` may pair names with results or advice in list lines (see `_list_values`):
    it says it does (result_words.txt), or several of its lines end in a school level."""
    if "\n" not in text:
        return False
    patterns = _patterns()
    if patterns["result_words"].search(text) is not None:
        return True
    lines = patterns["level_line"].finditer(text)
    return sum(1 for _ in zip(range(LEVEL_LINES_MIN), lines, strict=False)) >= LEVEL_LINES_MIN


def list_value_after(text: str, start: int, end: int) -> Span | None:
    """The value of the list line that the name at `start`-`end` opens ("Selin – vwo", "1. Ayoub
    48", "Maarten: niveau A", "Eva → Stedelijk Gymnasium"), if the line is one."""
    line = text.rfind("\n", 0, start) + 1
    if LIST_LINE_START.fullmatch(text, line, start) is None:
        return None
    sep = LIST_SEPARATOR.match(text, end)
    begin = sep.end() if sep else end
    stop = text.find("\n", begin)
    m = _patterns()["list_value"].match(text, begin, len(text) if stop < 0 else stop)
    return Span(m.start(), m.end()) if m and m.end() > begin else None


def _may_hold_a_mark(text: str) -> bool:
    return DIGIT.search(text) is not None or may_contain(text, MARK_WORDS)


def _list_values(text: str, people: Sequence[Span], result_list: bool | None) -> list[Span]:
    """The values of list lines that open with a name, in a post of results or advice: the line
    pairs the person with the value (`result_list`: `may_hold_a_result_list(text)` if known)."""
    if not (may_hold_a_result_list(text) if result_list is None else result_list):
        return []
    found = []
    ordered = sorted(people, key=_start)
    for i, p in enumerate(ordered):
        end = p.end
        for q in ordered[i + 1 :]:  # "Jacobus Verhoef", found as two names
            if text[end : q.start].strip(" ") or "\n" in text[end : q.start]:
                break
            end = q.end
        if (value := list_value_after(text, p.start, end)) is not None:
            found.append(value)
    return found


def _hits(text: str, spans: Iterable[Span], reason: str, kind: PDKind) -> list[Hit]:
    """One hit per distinct span (overlapping spans joined), in text order."""
    return [
        Hit(span=span, value=text[span.start : span.end], reason=reason, kind=kind)
        for span in _distinct(spans)
    ]


def _distinct(spans: Iterable[Span]) -> list[Span]:
    """The spans in text order, dropping any inside one already kept."""
    kept: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or s.start >= kept[-1].end:
            kept.append(s)
        elif s.end > kept[-1].end:
            kept[-1] = Span(kept[-1].start, s.end)
    return kept


class Tokens(NamedTuple):
    """A text's words as the caller has tokenised them already (`WORD` tokens in lower case,
    with offsets), and per vocabulary the indices of the words where a term may start (those
    passing `Vocabulary.may_start`): the finders below then skip every other word."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    health: list[int]
    other: list[int]


@dataclass(frozen=True)
class _Text:
    """A text's words (lower case, with offsets) and clauses, shared by the finders."""

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]
    clauses: list[Span]

    @classmethod
    def of(cls, text: str, sentences: list[Span], tokens: Tokens | None = None) -> _Text:
        """The words and clauses of `text` (kept for the last text: both finders read them)."""
        if _last_text and _last_text[0].text == text:
            return _last_text[0]
        if tokens is not None:
            made = cls(text, tokens.words, tokens.starts, tokens.ends, clauses_of(text, sentences))
            _last_text[:] = [made]
            return made
        matches = list(WORD.finditer(text))
        made = cls(
            text,
            [m.group().lower() for m in matches],
            [m.start() for m in matches],
            [m.end() for m in matches],
            clauses_of(text, sentences),
        )
        _last_text[:] = [made]
        return made

    def clause_index(self, pos: int) -> int:
        return max(0, bisect_right(self.clauses, pos, key=_start) - 1)

    def word_range(self, clause: Span) -> range:
        return range(
            bisect_right(self.starts, clause.start - 1), bisect_right(self.starts, clause.end - 1)
        )


_last_text: list[_Text] = []


@lexicon_cache
def _said_of_anyone() -> re.Pattern[str]:
    return re.compile(package_patterns("said_of_anyone_patterns"), re.IGNORECASE)


def _of_a_group_or_anyone(t: _Text, clause: Span, people: Sequence[Span]) -> bool:
    """Whether a clause says what it says of a group or of anyone (said_of_anyone_patterns.txt:
    "er zijn luizen gevonden in groep 4", "bij koorts blijft je kind thuis"), with no person
    named from where that starts: the one it answers ("Hoi Sanne, er is ...") is not meant."""
    m = _said_of_anyone().search(t.text[clause.start : clause.end])  # "^": the clause's start
    if m is None:
        return False
    start = m.start("from") if "from" in m.re.groupindex and m.start("from") >= 0 else m.start()
    return not any(clause.start + start <= p.start < clause.end for p in people)


def _about_a_person(
    t: _Text, span: Span, first_word: int, people: Sequence[Span], nouns: bool = False
) -> bool:
    """Whether the clause of `span` speaks of a person: one is named in it, or a pronoun,
    possessive or kinship word ("vader") before the term refers back to one named in the two
    clauses before (`nouns`: a definite noun for people too, "het gezin"), or one of those
    wishes a named person well ("Beterschap voor Naomi!"); not when it speaks of a group or of
    anyone ("er is hoofdluis in groep 3")."""
    idx = t.clause_index(span.start)
    clause = t.clauses[idx]
    if _of_a_group_or_anyone(t, clause, people):
        return False
    if any(clause.start <= p.start < clause.end for p in people):
        return True
    if idx and t.text[t.clauses[idx - 1].start : clause.start].rstrip().endswith(":"):
        before = t.text[: clause.start].rstrip()[:-1].rstrip()
        if any(p.end == len(before) for p in people):
            return True  # "En Djamila: dat havo-advies heb je verdiend!"
        if _absence_explained(t, t.clauses[idx - 1], people):
            return True  # "Op vrijdag is Filmon om 11 uur weg: logopedie bij ..."
        just_before = any(t.clauses[idx - 1].start <= p.start < clause.start for p in people)
        if just_before and any(t.words[i] in SUBJECT_PRONOUNS for i in t.word_range(clause)):
            return True  # "Fijn nieuws voor Dounia: dankzij Leergeld kan ze mee op kamp"
    words = t.word_range(clause)
    kin = _words_of("kin_words")
    lo = t.clauses[max(0, idx - 2)].start
    named = sum(1 for p in people if lo <= p.start < clause.start)
    # "hun" refers back to two or more: not to one teacher ("Juf Tineke vertelde over haar
    # reis. De kinderen wonen daar vaak bij hun oma")
    possessives = POSSESSIVES if named > 1 else POSSESSIVES - PLURAL_POSSESSIVES
    refers = any(
        t.words[i] in SUBJECT_PRONOUNS or t.words[i] in possessives or t.words[i] in kin
        for i in words
        if i < first_word
    ) or _subject_after(t, first_word, clause)
    if named and (refers or (nouns and _definite_reference(t, first_word, clause, named))):
        return True
    if _unaddressed_wish(t, clause) and any(lo <= p.start < clause.start for p in people):
        return True  # "Dag Asha, ... Sterkte vanmiddag bij de controle in het ziekenhuis."
    return any(_wishes_well(t, t.clauses[i], people) for i in range(max(0, idx - 2), idx))


# Before a noun for people, these make it refer back to those named before ("het gezin").
DEFINITE = frozenset(("de", "het", "'t", "beide"))
# After such a noun, these name a group, not the persons named before ("de kinderen van groep 6").
GROUP_AFTER = frozenset(("van", "uit", "in", "die", "met", "op"))


def _definite_reference(t: _Text, first_word: int, clause: Span, named: int) -> bool:
    """Whether a definite noun for people before the term in its clause refers back to the
    `named` persons named before ("Het gezin krijgt een voedselpakket"; person_nouns.txt, and
    person_nouns_plural.txt when two or more are named: "De kinderen wonen nu bij hun oma"): not
    one followed by a group ("de kinderen van groep 6")."""
    nouns = _words_of("person_nouns")
    if named > 1:
        nouns |= _words_of("person_nouns_plural")
    for i in t.word_range(clause):
        if i >= first_word:
            return False
        if (
            t.words[i] in nouns
            and i > 0
            and t.starts[i - 1] >= clause.start
            and t.words[i - 1] in DEFINITE
            and (i + 1 >= len(t.words) or t.words[i + 1] not in GROUP_AFTER)
        ):
            return True
    return False


# Words that end the part of a clause a subject after its verb stands in: "Met een gebroken arm
# kwam hij", but not "Gelukkig is niemand gewond, maar ze zijn ...".
PART_ENDS = frozenset(("en", "maar", "want", "omdat", "dat", "die", "als", "toen", "of", "dus"))


def _subject_after(t: _Text, first_word: int, clause: Span) -> bool:
    """A subject pronoun after the term in the same part of its clause, as Dutch puts it after
    the verb when the sentence opens with something else ("Sinds maandag ligt hij in het
    ziekenhuis", "Na de val van het klimrek heeft ze een gebroken arm")."""
    for i in range(first_word + 1, len(t.words)):
        if t.starts[i] >= clause.end or t.words[i] in PART_ENDS:
            return False
        if "," in t.text[t.ends[i - 1] : t.starts[i]]:
            return False
        if t.words[i] in SUBJECT_PRONOUNS:
            return True
    return False


# A person's absence said before a colon: what follows the colon is its reason.
ABSENCE = re.compile(
    r"\b(?:afwezig|weg|vrij|er\s+(?:even\s+|een\s+tijdje\s+)?niet|niet\s+op\s+school|thuis)"
    r"\W*:\s*$",
    re.IGNORECASE,
)


def _absence_explained(t: _Text, clause: Span, people: Sequence[Span]) -> bool:
    """Whether `clause` names a person and ends in their absence before a colon ("Op vrijdag
    is Filmon om 11 uur weg:"): the clause after it gives the reason, the person's."""
    return ABSENCE.search(t.text, clause.start, clause.end) is not None and any(
        clause.start <= p.start < clause.end for p in people
    )


# After a wish, who it is for: "Beterschap aan iedereen die griep heeft" names its own.
WISH_ADDRESSEE = frozenset(("aan", "voor", "iedereen", "allemaal", "alle", "allen"))


def _unaddressed_wish(t: _Text, clause: Span) -> bool:
    """Whether the clause wishes someone well without saying whom ("Sterkte vanmiddag bij de
    controle"): then it is for the person spoken of just before."""
    words = t.word_range(clause)
    wishes = _words_of("wish_words")
    return any(
        t.words[i] in wishes and (i + 1 not in words or t.words[i + 1] not in WISH_ADDRESSEE)
        for i in words
    )


def _wishes_well(t: _Text, clause: Span, people: Sequence[Span]) -> bool:
    """A clause wishing a named person well ("Beterschap voor Naomi!", "Sterkte, Joris"): the
    clauses after it speak of that person."""
    return _clause_has(t, clause, _words_of("wish_words")) and any(
        clause.start <= p.start < clause.end for p in people
    )


def _possessive_before(t: _Text, first_word: int, clause: Span) -> int | None:
    """The word index of "zijn"/"haar" governing the term ("zijn beenbreuk", "haar tweede
    kindje"), if any within two words before it in its clause."""
    for i in range(first_word - 1, max(-1, first_word - 3), -1):
        if t.starts[i] < clause.start:
            return None
        if t.words[i] in POSSESSIVES:
            return i
    return None


def _word_before(t: _Text, first_word: int, clause: Span, among: frozenset[str]) -> bool:
    """Whether one of `among` comes right before the term, skipping articles and adjectives."""
    for i in range(first_word - 1, max(-1, first_word - 4), -1):
        if t.starts[i] < clause.start or t.words[i] in POSSESSIVES:
            return False
        if t.words[i] in among:
            return True
        if t.words[i] not in SKIPPABLE and i < first_word - 1:
            return False
    return False


def _first_person_before(t: _Text, first_word: int, clause: Span) -> int | None:
    """The word index of "ik" before the term in its clause, if any."""
    for i in range(first_word - 1, -1, -1):
        if t.starts[i] < clause.start:
            return None
        if t.words[i] == "ik":
            return i
    return None


def _a_fathers_baby(t: _Text, clause: Span) -> bool:
    """Whether a clause of a birth or a baby on the way speaks only of a man ("meester Tim is
    blij met de geboorte van zijn zoon"): the corpora leave a father's new baby unlabelled."""
    return _clause_has(t, clause, MALE_WORDS) and not _clause_has(t, clause, FEMALE_WORDS)


def _clause_has(t: _Text, clause: Span, words: frozenset[str]) -> bool:
    return any(t.words[i] in words for i in t.word_range(clause))


def _term_hits(
    t: _Text,
    vocab: Vocabulary,
    people: Sequence[Span],
    own: bool = False,
    only: Sequence[int] | None = None,
    nouns: bool = False,
) -> list[tuple[Span, str]]:
    """(span, field) of every term of `vocab` said of a person, with its possessive; `only` as
    in `Vocabulary.find`, `nouns` as in `_about_a_person`."""
    found = []
    stay = _words_of("health_care_stay")
    for first, last, field in vocab.find(t.words, only):
        span = Span(t.starts[first], t.ends[last - 1])
        clause = t.clauses[t.clause_index(span.start)]
        if field == "care_places" and (
            not _clause_has(t, clause, stay) or _clause_has(t, clause, WORK_WORDS)
        ):
            continue  # a hospital as a venue or workplace
        if field == "practitioners":
            if not _word_before(t, first, clause, VISIT_WORDS):
                continue  # "is verpleegkundige": a job
        elif _word_before(
            t, first, clause, CASE_WORDS if field in CASE_FIELDS else TOPIC_WORDS
        ) and not _owned_by_a_person(t.text, span, people):
            continue  # "een spreekbeurt over diabetes" (not "naar het hoortoestel van Ayaan")
        if field == "school" and SCORE_BEFORE.search(t.text, max(0, span.start - 12), span.start):
            continue  # "stond met 2-0 achterstand": a match, not a pupil's learning
        if field == "school" and _word_before(t, first, clause, GIVE_WORDS):
            continue  # "juf Annemieke geeft bijles": her work, not a pupil's support
        if field == "income" and _word_before(t, first, clause, BENEFIT_WORDS):
            continue  # "de inzameling voor de voedselbank": a cause, not a family's need
        if (
            field == "income"
            and _word_before(t, first, clause, PLACE_WORDS)
            and _clause_has(t, clause, WORK_WORDS)
        ):
            continue  # "werkt als vrijwilliger bij de Voedselbank": a workplace
        if field == "family" and not _patterns()["family"].search(t.text, clause.start, clause.end):
            continue  # "gescheiden afval"
        if field == "religion" and last < len(t.words) and t.words[last] in FEAST_GREETINGS:
            continue  # "Ramadan mubarak!": a greeting to the reader, not a fact about them
        if field == "birth" and _a_fathers_baby(t, clause):
            continue
        if own and FIRST_PERSON_BEFORE.search(t.text, max(0, span.start - 12), span.start):
            found.append((Span(span.start - len("mijn "), span.end), field))
            continue
        if own and (me := _first_person_before(t, first, clause)) is not None:
            found.append((Span(t.starts[me], span.end), field))  # "Ik ben geopereerd ... juf Ewa"
            continue
        # an entry that opens with a possessive ("haar gezondheid") refers back with it
        after_owner = first + 1 if t.words[first] in POSSESSIVES else first
        if not _about_a_person(t, span, after_owner, people, nouns):
            continue
        owner = _possessive_before(t, first, clause)
        if owner is not None:
            span = Span(t.starts[owner], span.end)
        found.append((span, field))
    return found


# Between a term and the person whose it is: "het hoortoestel van Ayaan", "de pufjes van juf
# Anouk" (a title or "onze" may come between).
OWNER_AFTER = re.compile(r"\s+van\s+(?:(?:juf|meester|onze|kleine|de|mevrouw|meneer)\s+)?")


def _owned_by_a_person(text: str, span: Span, people: Sequence[Span]) -> bool:
    """Whether a person's name follows the term as its owner ("naar het hoortoestel van Ayaan"):
    the term is that person's even after a word that makes a term a topic."""
    m = OWNER_AFTER.match(text, span.end)
    return m is not None and any(p.start == m.end() for p in people)


def _phrase_hits(
    t: _Text, pattern: re.Pattern[str] | Alternatives, people: Sequence[Span]
) -> list[Span]:
    found = []
    for m in pattern.finditer(t.text):
        span = Span(m.start(), m.end())
        if _about_a_person(t, span, _last_word(t, span), people):
            found.append(span)
    return found


def _last_word(t: _Text, span: Span) -> int:
    """The index of a phrase's last word: a pronoun or possessive inside the phrase ("wordt zijn
    opa begraven", "de politie heeft zijn broer opgehaald") refers back as one before it does."""
    return max(bisect_right(t.starts, span.start - 1), bisect_right(t.starts, span.end - 1) - 1)


def find_health(
    text: str,
    people: Sequence[Span],
    sentences: list[Span] | None = None,
    tokens: Tokens | None = None,
) -> list[Hit]:
    """Health, death, birth and religion said of a person (`sentences` as `sentences_of`,
    `tokens` as `Tokens`)."""
    if sentences is None:
        sentences = sentences_of(text)
    t = _Text.of(text, sentences, tokens)
    only = tokens.health if tokens is not None else None
    if only == []:
        spans = []  # no word can start a term
    else:
        signed = STAFF_SIGNATURE.search(text, max(0, len(text) - 60)) is not None
        vocab = vocabulary(HEALTH_FIELDS, "health_not")
        spans = [s for s, _ in _term_hits(t, vocab, people, signed, only)]
    cued = _pattern_cues().occurring(text)
    for name, cues in HEALTH_PATTERN_CUES:
        if cues in cued:
            found = _phrase_hits(t, _patterns()[name], people)
            if name == "expecting":
                found = [
                    s for s in found if not _a_fathers_baby(t, t.clauses[t.clause_index(s.start)])
                ]
            spans += found
    return _hits(text, spans, "gezondheid of geloof van een persoon", PDKind.HEALTH)


def find_other(
    text: str,
    people: Sequence[Span],
    sentences: list[Span] | None = None,
    tokens: Tokens | None = None,
    result_list: bool | None = None,
) -> list[Hit]:
    """School advice and career, grades and test levels (also in list lines beside names),
    family situation, work and money, care, refugee status and misconduct said of a person
    (`sentences` as `sentences_of`, `tokens` as `Tokens`, `result_list` as
    `may_hold_a_result_list`, each if the caller knows it)."""
    if sentences is None:
        sentences = sentences_of(text)
    t = _Text.of(text, sentences, tokens)
    only = tokens.other if tokens is not None else None
    spans = (
        [s for s, _ in _term_hits(t, vocabulary(OTHER_FIELDS), people, only=only, nouns=True)]
        if only != []
        else []
    )
    patterns = _patterns()
    cued = _pattern_cues().occurring(text)
    matches = [
        (name, m)
        for name, cues in OTHER_PATTERN_CUES
        if (cues in cued if cues else _may_hold_a_mark(text))
        for m in patterns[name].finditer(text)
    ]
    if LVS_CUES in cued:
        matches += (("lvs", m) for m in LVS.finditer(text))
    if LEVEL_CUES in cued or DIGIT.search(text):
        matches += (("level", m) for m in TEST_LEVEL.finditer(text))
        matches += (("reading", m) for m in READING_LEVEL.finditer(text))
    for name, m in matches:
        span = Span(m.start(), m.end())
        clause = t.clauses[t.clause_index(span.start)]
        if NOT_OF_ONE.search(text, clause.start, span.start):
            continue  # "groep 7 haalde gemiddeld een 7,8"
        if name == "reading" and not READING_CONTEXT.search(text, span.start, clause.end):
            continue  # "op E5" with no reading said: a room or a square
        if name == "arrival" and STAFF_TITLE.search(text, clause.start, span.start):
            continue  # "Meester Ali kwam in 1990 naar Nederland": a teacher's own story
        if name == "exclusion" and not patterns["misconduct"].search(
            text, clause.start, clause.end
        ):
            continue  # "met waterpokken mag Sem niet op school komen": not a suspension
        if GRADE.match(m.group()):
            sentence = next((s for s in sentences if s.start <= span.start < s.end), span)
            if not GRADE_CONTEXT.search(
                text[max(0, sentence.start - 200) : sentence.end]
            ) and not _right_after_a_name(text, span, people):
                continue
        if _about_a_person(t, span, _last_word(t, span), people, nouns=True):
            spans.append(span)
    spans += _list_values(text, people, result_list)
    return _hits(
        text,
        spans,
        "persoonlijk gegeven (advies, cijfer, gezinssituatie) van een persoon",
        PDKind.OTHER,
    )
