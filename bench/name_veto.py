"""Features of the name finder's candidates for a learned veto that would only ever drop a name.

The hand rules of names.py find a name by its evidence (a title before it, a verb of a person
after it, a first-name list) and drop public figures, works and brands they have a rule for. What
is left wrong needs knowledge of the world no list holds: a footballer, a game or book figure, a
brand, a town, a saint named without a role. `features` describes a candidate by general facts
(its shape, how common it is as a Dutch or English word, the lexicon flags of its words and of the
words beside it, the finder's own reason, the context words and the words of its sentence, other
names beside it in a list) for a logistic regression of P(not a private person's name); `vetoed`
drops the candidates above a threshold, scoring in plain Python (auditor.nlp.linear_model).

`bench/train_names.py` trains the model on the development corpora and cross-validates it leave
one corpus out. No model is shipped and the finder does not call `vetoed`: on the development
corpora the veto vetoes about as many real names as false ones (docs/quality.md, "A learned
veto for name candidates"), so it would trade privacy leaks for a few clean posts.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from auditor.nlp.lexicon import deduce_places, wordfreq_zipf
from auditor.nlp.linear_model import LinearModel, logit_of
from auditor.nlp.tokens import starts_sentence
from auditor.rules.personal_data import words as w
from auditor.rules.personal_data.words import Words

LABEL = "not_a_name"  # the model's positive class: the candidate is no private person's name
Candidate = tuple[int, int, str]  # start, end, the finder's reason

# The word flags a feature may name (words.py): each says what the lexicon knows of a word. A
# feature names a flag by its bit ("first:3" is a first name, words.FIRST = 1 << 3).
FLAGS: tuple[int, ...] = (
    w.CAP,
    w.UPPER,
    w.FIRST,
    w.SURNAME,
    w.COMMON,
    w.NAME_WORD,
    w.NOT_NAME,
    w.INTERFIX,
    w.ORG,
    w.STREET,
    w.TITLE,
    w.GREETING,
    w.DETERMINER,
    w.PUBLIC_START,
    w.PRONOUN,
    w.PERSON_VERB,
    w.NAME_LIKE,
    w.VENUE,
    w.LISTED_FIRST,
    w.ANIMAL,
    w.WORK_CUE,
    w.PUBLIC_ROLE,
    w.PLACE_HEAD,
    w.LOWER_UNKNOWN,
    w.EN,
)
ZIPF_BINS = (1.5, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0)  # Zipf 3 is about one in a million words
NUMBER = re.compile(r"\d")
LIST_JOIN = re.compile(r"^(?:\s*[,&/]\s*|\s+(?:en|and|of)\s+)$")
CONTEXT_WORDS = 2  # words each side whose text is a feature
NEAR_WORDS = 4  # words each side whose flags count as near (a title two words back)
SENTENCE_WORDS = 12  # words each side of the sentence around a candidate whose text is a feature
SENTENCE_END = frozenset(".!?\n")
NEAR_FLAGS = w.TITLE | w.PERSON_VERB | w.PUBLIC_ROLE | w.WORK_CUE


@functools.cache
def _zipf(lang: str) -> dict[str, float]:
    return wordfreq_zipf(lang, 1.0)


def _zipf_bin(word: str, lang: str) -> str:
    zipf = _zipf(lang).get(word.lower(), 0.0)
    return str(bisect_right(ZIPF_BINS, zipf))


def _flags_of(prefix: str, flags: int) -> list[str]:
    return [f"{prefix}:{bit.bit_length() - 1}" for bit in FLAGS if flags & bit]


def _shape(value: str) -> str:
    letters = [c for c in value if c.isalpha()]
    if not letters:
        return "none"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "cap"
    if all(c.islower() for c in letters):
        return "lower"
    inner = [c for c in value.split()[0][1:] if c.isalpha()]
    return "camel" if any(c.isupper() for c in inner) else "cap"


def _in_hashtag(text: str, start: int) -> bool:
    i = start
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i > 0 and text[i - 1] == "#"


def _punct(text: str, pos: int, step: int) -> str:
    """The first character that is no space from `pos` on in direction `step` ("^"/"$" at the
    ends, "w" for a letter or digit)."""
    while 0 <= pos < len(text) and text[pos] in " \t":
        pos += step
    if not 0 <= pos < len(text):
        return "^" if step < 0 else "$"
    ch = text[pos]
    return "w" if ch.isalnum() else ("nl" if ch == "\n" else ch)


def _token_text(words: Words, k: int, named: set[int]) -> str:
    if k in named:
        return "<name>"
    word = words.words[k]
    return "<num>" if NUMBER.search(word) else word.lower()


def _sentence_words(text: str, words: Words, before: int, after: int) -> range:
    """The words of the sentence around a candidate (words `before` to `after`), at most
    SENTENCE_WORDS each side."""
    lo = before
    while lo > 0 and before - lo < SENTENCE_WORDS and not _ends_sentence(text, words, lo - 1):
        lo -= 1
    hi = after
    n = len(words.words)
    while hi < n and hi - after < SENTENCE_WORDS and not _ends_sentence(text, words, hi - 1):
        hi += 1
    return range(lo, hi)


def _ends_sentence(text: str, words: Words, k: int) -> bool:
    """Whether a sentence ends between word k and the next."""
    if k < 0 or k + 1 >= len(words.words):
        return True
    return any(ch in SENTENCE_END for ch in text[words.ends[k] : words.starts[k + 1]])


def features(
    text: str, words: Words, candidate: Candidate, others: Sequence[Candidate]
) -> list[str]:
    """The features of one candidate name (`others`: all of the finder's candidates)."""
    start, end, reason = candidate
    value = text[start:end]
    first = bisect_left(words.ends, start + 1)  # the first word ending inside the candidate
    inside = range(first, bisect_left(words.starts, end))
    rest = [c for c in others if c[:2] != (start, end)]
    named = {
        k
        for s, e, _ in rest
        for k in range(bisect_left(words.ends, s + 1), bisect_left(words.starts, e))
    }
    feats = [
        "shape:" + _shape(value),
        f"reason:{reason}",
        "reason_head:" + " ".join(reason.split()[:2]),
        "words:" + str(min(len(inside), 3)),
        "others:" + str(min(len(rest), 3)),
        f"punct_left:{_punct(text, start - 1, -1)}",
        f"punct_right:{_punct(text, end, 1)}",
    ]
    feats += _own_features(text, words, candidate, inside, others)
    feats += _context_features(text, words, inside or range(first, first), named)
    feats += _sentence_features(text, words, inside or range(first, first), named)
    feats += sorted({"other_reason:" + r.split()[0] + " " + r.split()[-1] for *_, r in rest if r})
    if any(LIST_JOIN.match(text[e:start]) or LIST_JOIN.match(text[end:s]) for s, e, _ in rest):
        feats.append("in_list")
    return feats


def _own_features(
    text: str, words: Words, candidate: Candidate, inside: range, others: Sequence[Candidate]
) -> list[str]:
    """What the lexicon and the text's shape say of the candidate's own words."""
    start, end, _ = candidate
    value = text[start:end]
    feats = []
    if _in_hashtag(text, start):
        feats.append("hashtag")
    if starts_sentence(text, start):
        feats.append("sentence_start")
    if sum(text[s:e] == value for s, e, _ in others) > 1:
        feats.append("said_again")
    if value.lower() in deduce_places():
        feats.append("place")
    if not inside:
        return feats
    head = words.words[inside[0]]
    feats += _flags_of("first", words.flags[inside[0]])
    feats += [f"zipf_nl:{_zipf_bin(head, 'nl')}", f"zipf_en:{_zipf_bin(head, 'en')}"]
    if len(inside) > 1:
        tail = words.words[inside[-1]]
        feats += _flags_of("last", words.flags[inside[-1]])
        feats += [f"last_zipf_nl:{_zipf_bin(tail, 'nl')}", f"last_zipf_en:{_zipf_bin(tail, 'en')}"]
    if len(head) <= 3:
        feats.append("short")
    return feats


def _context_features(text: str, words: Words, inside: range, named: set[int]) -> list[str]:
    """The words just before and after the candidate (their text and flags), and a title,
    person verb, public office or work word a few words away."""
    before, after, n = inside.start, inside.stop, len(words.words)
    feats = []
    for k in range(1, CONTEXT_WORDS + 1):
        if before - k >= 0:
            feats.append(f"left{k}:" + _token_text(words, before - k, named))
        if after + k - 1 < n:
            feats.append(f"right{k}:" + _token_text(words, after + k - 1, named))
    if before - 1 >= 0:
        feats += _flags_of("left", words.flags[before - 1])
    if after < n:
        feats += _flags_of("right", words.flags[after])
    near = 0
    for k in (
        *range(max(0, before - NEAR_WORDS), before),
        *range(after, min(n, after + NEAR_WORDS)),
    ):
        near |= words.flags[k]
    feats += _flags_of("near", near & NEAR_FLAGS)
    return feats


def _sentence_features(text: str, words: Words, inside: range, named: set[int]) -> list[str]:
    """The words of the candidate's sentence, and how many proper nouns and acronyms that are
    no candidate stand in it (a club, a game, a stadium: "AZ", "Mario Kart", "Paw Patrol")."""
    sentence = [
        k for k in _sentence_words(text, words, inside.start, inside.stop) if k not in inside
    ]
    feats = sorted({"sentence:" + _token_text(words, k, named) for k in sentence})
    proper = [
        k
        for k in sentence
        if k not in named
        and words.flags[k] & w.CAP
        and not words.flags[k] & (w.TITLE | w.DETERMINER | w.PRONOUN)
        and not starts_sentence(text, words.starts[k])
    ]
    feats.append("proper_nouns:" + str(min(len(proper), 3)))
    if any(words.flags[k] & w.UPPER for k in proper):
        feats.append("acronym_near")
    return feats


def vetoed(
    text: str,
    words: Words,
    found: Sequence[Candidate],
    model: LinearModel,
    threshold: float,
) -> list[Candidate]:
    """The candidates of `found` the model holds to be no name: P(not a name) above
    `threshold`. Only ever a subset of `found`: the veto drops, it never adds."""
    cut = logit_of(threshold)
    return [
        candidate
        for candidate in found
        if model.logit(features(text, words, candidate, found)) > cut
    ]
