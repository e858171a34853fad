"""Names inside hashtags: "#jufInge", "#welkomsemhar", "#sterreendaan", "#teambramenelif".

A hashtag is split at its capitals, or read as a cue (a title, a greeting, "team", "jarige")
followed by one first name or two joined by "en".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from auditor.nlp.lexicon import Lexicon, lexicon, lexicon_cache, package_entries, package_list
from auditor.rules.personal_data import roles
from auditor.rules.personal_data.words import is_first

HASHTAG = re.compile(r"#(\w+)")
CAMEL = re.compile(r"[A-ZÀ-Þ]?[a-zß-ÿ]+|[A-ZÀ-Þ]+(?![a-zß-ÿ])|\d+")


def hashtag_names(text: str) -> list[tuple[int, int, str]]:
    if "#" not in text:
        return []
    lex = lexicon()
    cues = hashtag_cues()
    hits: list[tuple[int, int, str]] = []
    for m in HASHTAG.finditer(text):
        body, base = m.group(1), m.start(1)
        segments = [(s.group(), base + s.start()) for s in CAMEL.finditer(body)]
        if len(segments) > 1:
            for k, (seg, pos) in enumerate(segments[1:], start=1):
                low = seg.lower()
                before = segments[k - 1][0].lower()
                cued = (  # "#jufInge", "#bedanktmeesterFrank": a title or greeting before it
                    before in lex.strong_titles
                    or before in lex.greetings
                    or before.endswith(tuple(t for t in lex.strong_titles if len(t) > 3))
                )
                if (
                    seg[:1].isupper()
                    and is_first(lex, low)
                    and (cued or low not in lex.name_words)
                    and low not in lex.not_names
                ):
                    hits.append((pos, pos + len(seg), "naam in een hashtag"))
            continue
        low = body.lower()
        thanks = next((t for t in cues.thanks if low.startswith(t)), "")
        if thanks and low[len(thanks) :].startswith(tuple(lex.strong_titles)):
            # "#dankjewelopakees": the thanks, then a title and its name
            low, base = low[len(thanks) :], base + len(thanks)
        openings = _openings()
        # most tags open with none of them: no loop over them then (its "else" alone)
        for cue in openings if low.startswith(openings) else ():
            if not low.startswith(cue) or len(low) - len(cue) < 3:
                continue
            rest = low[len(cue) :]
            pair = _name_pair(lex, rest, cued=True)
            if pair:  # "#teambramenelif"
                a = base + len(cue) + pair[0]
                hits.append((base + len(cue), a, "naam in een hashtag"))
                hits.append((a + 2, m.end(), "naam in een hashtag"))
                break
            if is_first(lex, rest) or cue in cues.unknown_name_cues and _unknown_name(lex, rest):
                hits.append((base + len(cue), m.end(), "naam in een hashtag"))
                break
        else:
            pair = _name_pair(lex, low)
            if pair:
                a, b = pair
                hits.append((base, base + a, "naam in een hashtag"))
                hits.append((base + a + 2, m.end(), "naam in een hashtag"))
            elif (
                is_first(lex, low)
                and low not in lex.name_words
                and len(low) > 3
                and low not in lex.common_words
                and low not in lex.not_names
            ):
                hits.append((base, m.end(), "naam in een hashtag"))
    return hits + _listed_tags(text, hits)


def _listed_tags(text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A hashtag of one word no list knows, of a name's shape, in a row of hashtags with two
    names found ("#jeandro #zeynep #oleksandr"): a name in a list of names."""
    if len(hits) < 2:
        return []
    named = {start for start, _, _ in hits}
    tags = list(HASHTAG.finditer(text))
    found = []
    for k, m in enumerate(tags):
        row = [m]
        for step in (-1, 1):  # the row of tags it stands in, only spaces between
            j = k
            while 0 <= j + step < len(tags) and _adjacent(
                text, tags[min(j, j + step)], tags[max(j, j + step)]
            ):
                j += step
                row.append(tags[j])
        word = m.group(1)
        if (
            m.start(1) not in named
            and sum(t.start(1) in named for t in row) >= 2
            and word.islower()
            and roles.unknown_lower_name(word)
            and roles.unknown_name_shape(word.capitalize())
        ):
            found.append((m.start(1), m.end(), "naam in een rij hashtags met namen"))
    return found


def _adjacent(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    return not text[left.end() : right.start()].strip()


@lexicon_cache
def _openings() -> tuple[str, ...]:
    """What a name in a hashtag may follow: titles, greetings and the hashtag cues, in the
    order they are tried."""
    lex = lexicon()
    return (*lex.strong_titles, *lex.greetings, *hashtag_cues().cues)


class HashtagCues(NamedTuple):
    """Hashtag openings a name may follow besides titles and greetings ("#teamsem",
    "#jarigenoor"), thanks before a title ("#dankjewelopakees"), and the openings after which
    even a name missing from the lexicon counts ("#welkomsemhar"): auditor/lexicons/."""

    cues: tuple[str, ...]  # hashtag_cues.txt
    thanks: tuple[str, ...]  # hashtag_thanks.txt, longer forms first
    unknown_name_cues: frozenset[str]  # unknown_name_cues.txt


@lexicon_cache
def hashtag_cues() -> HashtagCues:
    return HashtagCues(
        cues=package_entries("hashtag_cues"),
        thanks=package_entries("hashtag_thanks"),
        unknown_name_cues=package_list("unknown_name_cues"),
    )


def _unknown_name(lex: Lexicon, word: str) -> bool:
    """A word that is no known word, so after "#welkom" or "#juf" most likely a name."""
    return (
        3 <= len(word) <= 12
        and word.isalpha()
        and word not in lex.common_words
        and word not in lex.not_names
        and word not in lex.organisation_words
    )


def _name_pair(lex: Lexicon, tag: str, cued: bool = False) -> tuple[int, int] | None:
    """Split "sterreendaan" into two first names joined by "en": lengths of the two names.

    `cued`: the tag opens with a cue ("#team..."), so names that are also words may count."""
    for cut in range(3, len(tag) - 4):
        if tag[cut : cut + 2] == "en":
            a, b = tag[:cut], tag[cut + 2 :]
            if (
                is_first(lex, a)
                and is_first(lex, b)
                and len(b) > 2
                and (cued or a not in lex.name_words and b not in lex.name_words)
            ):
                return len(a), len(b)
    return None
