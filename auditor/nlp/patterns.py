"""A cheap first look for a searched regex: the characters its matches can start with.

Python's `re` tries every alternative of a pattern at every position of the text. A pattern of
many alternatives (case-insensitive, each opening with `\\b` and a word) spends most of a search
failing them one by one at positions where none can start. `gated` reads the pattern's parse
tree, collects the characters a match can begin with (and whether it always begins a word) and
puts that first as one lookahead: `\\b(?=[gbwvz\\d])(?:...)`. The lookahead only rejects positions
where the pattern itself cannot match, so the matches are the same, found in about half the time.
A pattern that starts with a literal or a plain class is left as it is: `re` scans for those.
A pattern of words (each alternative a lower-case ASCII letter first, a word boundary before it
or not) is rewritten to open with a class of those letters instead (`letter_led`): `re` then
skips in C to where one stands, rather than trying a lookahead at every position.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# The parser of `re` itself (private, untyped; stable since 3.11, where it moved from sre_parse):
# reading a pattern as `re` reads it is what makes the gate exact.
c: Any = importlib.import_module("re._constants")
_parser: Any = importlib.import_module("re._parser")
_compiler: Any = importlib.import_module("re._compiler")

_CATEGORIES = {
    c.CATEGORY_DIGIT: r"\d",
    c.CATEGORY_NOT_DIGIT: r"\D",
    c.CATEGORY_SPACE: r"\s",
    c.CATEGORY_NOT_SPACE: r"\S",
    c.CATEGORY_WORD: r"\w",
    c.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)


def gated(pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` with a lookahead of its possible first characters in front
    (the same matches); without one when that set cannot be told (a match may be empty or start
    with any character, or the pattern sets its flags at its start)."""
    if isinstance(pattern, str):
        source, compiled = pattern, None
    else:
        source, flags, compiled = pattern.pattern, pattern.flags, pattern
    if _GLOBAL_FLAGS.match(source):
        return compiled or re.compile(source, flags)  # inline global flags must stay first
    # parsed once here, compiled once below: a pattern compiled first and then rewritten was
    # parsed three times, a cost every command pays at start-up
    parsed = _parser.parse(source, flags)
    flags |= parsed.state.flags  # as `re.compile` sets them

    def as_is() -> re.Pattern[str]:
        return compiled or re.compile(source, flags)

    if _scanned_fast(parsed, flags):
        return as_is()
    items = parsed.data
    if items and items[0][0] is c.AT and items[0][1] is not c.AT_BOUNDARY:
        return as_is()  # anchored ("^", "\\A"): `re` tries it where the anchor allows
    ignore_case = bool(flags & re.IGNORECASE)
    first = _first(items, ignore_case)
    if first is None or first[1]:
        return as_is()
    if all(len(part) == 1 and "a" <= part <= "z" for part, _ in first[0]):  # else no use
        groups = (parsed.state.groups - 1, dict(parsed.state.groupdict))
        led = _letter_led(source, flags, groups)
        if led is not None:
            return led
    head = r"\b" if _at_word_boundary(items) else ""
    return re.compile(rf"{head}(?={_lookahead(first[0], ignore_case)})(?:{source})", flags)


# Besides its two cases, the characters `re` matches to an ASCII letter when it ignores case:
# dotted and dotless I to i, the long s to s, the Kelvin sign to k.
_OTHER_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
# An alternative that opens with a word boundary or not, then a lower-case ASCII letter that no
# quantifier follows.
_LETTER_FIRST = re.compile(r"(\\b)?([a-z])(?![*+?{])")


def letter_led(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` rewritten to open with one class of the letters its alternatives open with,
    when each of its top-level alternatives opens with a lower-case ASCII letter (a word
    boundary before it or not); None otherwise. The same matches, spans and groups.

    `re` skips in C to a character of a leading class, but tries a pattern that opens with a
    boundary or a lookahead (`gated`'s) at every position. The alternatives of each letter look
    back at the letter the class took and, for a boundary, at the character before it:
    `\\b(?:held|boek\\w*)\\b` with `re.IGNORECASE` becomes
    `[hHbB](?:(?<=[hH])(?:(?<!\\w.)(?i:eld))|(?<=[bB])(?:(?<!\\w.)(?i:oek\\w*)))\\b`; without it,
    the class holds the letters as written. Only one letter's alternatives can match at a place,
    so grouping them by letter keeps the order in which they are tried there (measured on 3,610
    dev corpus texts: the same matches and groups for each of the 146 patterns it rewrites, their
    searches 3.6x faster together, 1,650 -> 454 us a text).
    """
    return _letter_led(pattern.pattern, pattern.flags, (pattern.groups, pattern.groupindex))


def _letter_led(
    pattern: str, flags: int, groups: tuple[int, Mapping[str, int]]
) -> re.Pattern[str] | None:
    """`letter_led` of `pattern` compiled with `flags`, whose (groups, groupindex) are given."""
    if flags & (re.VERBOSE | re.ASCII | re.LOCALE) or _GLOBAL_FLAGS.match(pattern):
        return None
    source, tail, head = pattern, "", r"\b(?:"
    if source.endswith(")" + r"\b") and not source.endswith(r"\\b"):
        source, tail = source[:-2], r"\b"
    if source.startswith(head) and source.endswith(")") and _balanced(source[len(head) : -1]):
        alternatives = [rf"\b{a}" for a in top_level_alternatives(source[len(head) : -1])]
    else:  # one alternative or several at the top level: no boundary taken off
        source, tail = pattern, ""
        alternatives = top_level_alternatives(source)
    ignore_case = bool(flags & re.IGNORECASE)
    by_letter: dict[str, list[str]] = {}  # only one letter's alternatives can match at a place
    for alternative in alternatives:
        first = _LETTER_FIRST.match(alternative)
        if first is None:
            return None
        boundary = r"(?<!\w.)" if first.group(1) else ""
        rest = alternative[first.end() :]
        by_letter.setdefault(first.group(2), []).append(
            f"{boundary}(?{'i' if ignore_case else ''}:{rest})"
        )
    cases = {
        letter: letter + letter.upper() + _OTHER_CASES.get(letter, "") if ignore_case else letter
        for letter in by_letter
    }
    branches = "|".join(
        f"(?<=[{cases[letter]}])(?:{'|'.join(found)})" for letter, found in by_letter.items()
    )
    led = f"[{''.join(cases.values())}](?:{branches}){tail}"
    try:
        compiled = re.compile(led, flags & ~re.IGNORECASE)
    except re.error:
        return None
    if (compiled.groups, dict(compiled.groupindex)) != (groups[0], dict(groups[1])):
        return None
    return compiled


def first_characters(source: str, flags: int = 0) -> str | None:
    """A regex (one character class, or two where a group sets its own case) of the characters
    a match of `source` can begin with, or None when that cannot be told (a match may be empty
    or begin with any character, or `source` sets its flags at its start): for a gate of one's
    own, as `gated` puts in front, in a pattern of `flags`."""
    if _GLOBAL_FLAGS.match(source):
        return None
    first = _first(_parser.parse(source, flags).data, bool(flags & re.IGNORECASE))
    if first is None or first[1] or not first[0]:
        return None
    return _lookahead(first[0], bool(flags & re.IGNORECASE))


def _lookahead(parts: list[tuple[str, bool]], ignore_case: bool) -> str:
    """One class of the parts matched as the pattern matches them (case-insensitively or
    not), or two when a group of the pattern sets its own case: `[-–]|(?i:[gl])`."""
    alternatives = []
    for case in (ignore_case, not ignore_case):  # the pattern's own case first, unmarked
        chars = "".join(dict.fromkeys(text for text, ci in parts if ci is case))
        if chars:
            mark = "" if case is ignore_case else "(?i:" if case else "(?-i:"
            alternatives.append(f"{mark}[{chars}]{')' if mark else ''}")
    return "|".join(alternatives)


def _scanned_fast(parsed: Any, flags: int) -> bool:
    """Whether `re` itself skips ahead to where a match can start: a pattern that begins with a
    literal or a class (case-sensitive) gets that scan from `re`, better than a lookahead."""
    try:
        prefix = _compiler._get_literal_prefix(parsed, flags)[0]
        return bool(prefix) or _compiler._get_charset_prefix(parsed, flags) is not None
    except (AttributeError, TypeError, ValueError):  # another Python's internals: gate anyway
        return False


# Inline flags a group may set without changing what a character class matches, but for case.
_CASE_ONLY = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE

Parts = list[tuple[str, bool]]  # (a character class part, matched ignoring case)


def _first(items: Any, ci: bool) -> tuple[Parts, bool] | None:
    """(character class parts of the first character, whether `items` may match empty), or
    None when any character may come first; `ci`: the items ignore case."""
    parts: Parts = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # it restricts where a match starts; ignoring it only widens the set
        if op is c.LITERAL:
            return [*parts, (re.escape(chr(av)), ci)], False
        if op is c.IN:
            inner = _class_parts(av)
            return None if inner is None else ([*parts, *((p, ci) for p in inner)], False)
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~_CASE_ONLY:
                return None
            sub_ci = bool(add_flags & re.IGNORECASE) or ci and not del_flags & re.IGNORECASE
            found = _first(sub.data, sub_ci)
        elif op is c.ATOMIC_GROUP:
            found = _first(av.data, ci)
        elif op is c.BRANCH:
            found = _first_of_branches(av[1], ci)
        elif op in _REPEATS:
            low, _, sub = av
            found = _first(sub.data, ci)
            if found is not None and low == 0:
                found = (found[0], True)
        else:
            return None  # any character, a back reference, a conditional ...
        if found is None:
            return None
        parts += found[0]
        if not found[1]:
            return parts, False
    return parts, True


def _first_of_branches(branches: Any, ci: bool) -> tuple[Parts, bool] | None:
    parts: Parts = []
    empty = False
    for branch in branches:
        found = _first(branch.data, ci)
        if found is None:
            return None
        parts += found[0]
        empty = empty or found[1]
    return parts, empty


def _class_parts(items: Any) -> list[str] | None:
    parts = []
    for op, av in items:
        if op is c.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is c.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return None  # a negated class and the like: give up
    return parts


def _at_word_boundary(items: Any) -> bool:
    """Whether every match starts with `\\b` (each alternative's first element)."""
    if not items:
        return False
    op, av = items[0]
    if op is c.AT:
        return bool(av is c.AT_BOUNDARY)
    if op is c.SUBPATTERN and not (av[1] | av[2]) & ~_CASE_ONLY:
        return _at_word_boundary(av[3].data)
    if op is c.BRANCH:
        return all(_at_word_boundary(branch.data) for branch in av[1])
    return False


# Below this many keys, one `in` test per key beats a regex (measured on the shared corpus:
# 2-7 keys 0.4-1.3 us a post either way, 56 keys 9.0 -> 6.0 us, 111 keys 17.9 -> 5.9 us).
_FEW_KEYS = 12


@functools.cache
def any_of(keys: tuple[str, ...]) -> Callable[[str], bool]:
    """A test whether any of `keys` occurs in a text (a plain substring test, case as given):
    for many keys one search of a prefix tree of them (`re` reads one branch per position; an
    `in` per key reads the text once for each), for a few keys the `in` tests."""
    if len(keys) < _FEW_KEYS or "" in keys:
        return lambda text: any(map(text.__contains__, keys))
    search = re.compile(tree_alternation([list(map(re.escape, key)) for key in keys])).search
    return lambda text: search(text) is not None


class KeyGroups:
    """Which of several groups of keys (lower-case substrings) occur in a text, from one read of
    it: for a finder that asks of many groups in turn whether one of their keys occurs (each
    `any_of` reads the text again).

    One regex of all keys as a prefix tree, the longest first, is tried at each place a key
    can begin (`re` skips in C to a first character of one; the lookbehind steps back over it,
    so the lookahead reads the whole key and matches may overlap): the longest key starting
    at each place. A group occurs when one of its keys does, and a key occurs exactly when it
    is a part of one of the longest keys found at some place (it starts where it occurs, and
    the longest key starting there holds it). Measured on the shared corpus for the 26 cue
    groups of the special-category finders: 64 -> 19 us a text, the same answers.
    """

    def __init__(self, groups: Iterable[tuple[str, ...]]) -> None:
        self.groups = tuple(dict.fromkeys(groups))
        keys = sorted({key for group in self.groups for key in group if key})
        self._all = frozenset(self.groups)
        self._always = frozenset(g for g in self.groups if "" in g)  # "" is in every text
        # per key: the groups of which a key is a part of it (itself among them)
        self._holds = {
            key: frozenset(g for g in self.groups if any(k in key for k in g)) for key in keys
        }
        tree = tree_alternation([list(map(re.escape, key)) for key in keys], longer=True)
        firsts = "".join(map(re.escape, sorted({key[0] for key in keys})))
        self._findall = re.compile(rf"[{firsts}](?<=(?=({tree})).)").findall if keys else None
        self._occurring = functools.lru_cache(maxsize=2)(self._read)

    def occurring(self, text: str) -> frozenset[tuple[str, ...]]:
        """The groups one of whose keys occurs case-insensitively in `text` (all of them when
        its folded form cannot be trusted, as `any_of` over `folded`)."""
        low = folded(text)
        return self._all if low is None else self._occurring(low)

    def _read(self, low: str) -> frozenset[tuple[str, ...]]:
        if self._findall is None:
            return self._always
        return self._always.union(*map(self._holds.__getitem__, set(self._findall(low))))


def tree_alternation(keys: Iterable[Sequence[str]], longer: bool = False) -> str:
    """The keys (each a sequence of regex units: escaped characters, `\\s+`) as one prefix tree
    of alternatives: `re` tries the alternatives one after the other, so at each position it
    then reads only the branch of the character there. Where one key goes on in another, the
    longer is tried first with `longer` (as in a list sorted longest first); without it the
    longer ones are dropped, as for a test whether any key occurs."""
    tree: dict[str, Any] = {}
    for key in keys:
        node = tree
        for unit in key:
            node = node.setdefault(unit, {})
        node[""] = {}
    return _alternation(tree, longer)


def _alternation(node: dict[str, Any], longer: bool) -> str:
    if "" in node and not longer:
        return ""
    branches = [unit + _alternation(sub, longer) for unit, sub in sorted(node.items()) if unit]
    if "" in node and branches:
        branches.append("")  # the key that ends here, after the longer ones
    if len(branches) < 2:
        return branches[0] if branches else ""
    return "(?:" + "|".join(branches) + ")"


# The only characters that a case-insensitive regex matches to an ASCII letter while their
# str.lower() is no ASCII letter (İ, dotless ı, long ſ): texts holding one get no folded form.
FOLD_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")


@functools.lru_cache(maxsize=4)
def folded(text: str) -> str | None:
    """`text` lower-cased for quick "could this regex match?" tests, or None when unsafe.

    A case-insensitive match of an ASCII word implies that word occurs in the folded text, so a
    finder may skip its regex when none of its ASCII key words does.
    """
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # FOLD_EXCEPTIONS
        return None
    return text.lower()


class Alternatives:
    """A regex of alternatives (`a|b|c` at its top level) searched with only the alternatives
    that can match in the text at hand.

    `re` tries every alternative at every position where one may start. Most alternatives of a
    long pattern hold a word without which they cannot match ("kaarsjes", "geboren"): read from
    each one's parse tree (`required_keys`), looked for in the folded text first. An alternative
    none of whose keys occurs cannot match anywhere in the text, so leaving it out changes no
    match; the others are searched each on its own, and their matches are merged as the whole
    pattern finds them (at each position the first alternative in order, then on after its
    end). `finditer` yields each match of the alternative that made it (`group()` and `span()`
    as the whole pattern's; group numbers are that alternative's own). A pattern of which an
    alternative may match empty or refers to a group is searched whole, and so is a text whose
    folded form cannot be trusted (`folded`). The alternatives are parsed at the first search
    and each is compiled when a text first needs it: compiling all at import cost `auditor
    check` a third of its start-up.
    """

    def __init__(self, source: str, flags: int = 0) -> None:
        # Nothing is parsed or compiled here: a module's patterns are built at import, and a
        # short check (`auditor check`) searches few of them and few of their alternatives.
        self.source = source
        self._flags = flags

    @functools.cached_property
    def whole(self) -> re.Pattern[str]:
        """The pattern searched whole (gated), for the texts and patterns it cannot split."""
        return gated(self.source, self._flags)

    @property
    def pattern(self) -> str:
        return self.whole.pattern

    @property
    def flags(self) -> int:
        return self.whole.flags

    @functools.cached_property
    def _plan(self) -> _Plan:
        return _plan(self.source, self._flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        low = folded(text)
        if low is None or self._plan.whole_only:
            yield from self.whole.finditer(text)
            return
        chosen = self._searched(low)
        found = [p.search(text) for p in chosen]
        while True:
            first: re.Match[str] | None = None
            for m in found:  # the leftmost; at one position the first alternative
                if m is not None and (first is None or m.start() < first.start()):
                    first = m
            if first is None:
                return
            yield first
            end = first.end()
            for k, m in enumerate(found):  # each searched on from the match's end
                if m is not None and m.start() < end:
                    found[k] = chosen[k].search(text, end)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The first match in `text` from `pos` to `endpos`, as `re.Pattern.search` finds it:
        the leftmost of the searched alternatives' first matches, at one position the first
        alternative's."""
        low = folded(text)
        if low is None or self._plan.whole_only:
            return self.whole.search(text, pos, endpos)
        first: re.Match[str] | None = None
        for pattern in self._searched(low):
            m = pattern.search(text, pos, endpos)
            if m is not None and (first is None or m.start() < first.start()):
                first = m
        return first

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """The match at `pos`, as `re.Pattern.match` finds it: the first alternative in order
        that matches there."""
        low = folded(text)
        if low is None or self._plan.whole_only:
            return self.whole.match(text, pos, endpos)
        for pattern in self._searched(low):
            if (m := pattern.match(text, pos, endpos)) is not None:
                return m
        return None

    def _searched(self, low: str) -> tuple[re.Pattern[str], ...]:
        plan = self._plan
        mask = plan.always
        for key in filter(low.__contains__, plan.keys):
            mask |= plan.masks[key]
        chosen = plan.chosen.get(mask)
        if chosen is None:
            if len(plan.chosen) > 4096:
                plan.chosen.clear()
            chosen = plan.chosen[mask] = tuple(
                plan.compiled(i) for i in range(len(plan.alternatives)) if mask >> i & 1
            )
        return chosen


@dataclass
class _Plan:
    """How `Alternatives` searches a pattern: its alternatives (each compiled, gated, when a
    text first needs it), the keys that let each in, and whether it is searched whole."""

    alternatives: list[str]
    flags: int
    always: int  # alternatives without keys: searched in every text
    masks: dict[str, int]  # key -> the alternatives it lets in
    whole_only: bool  # an alternative that may match empty, or one that refers to a group
    chosen: dict[int, tuple[re.Pattern[str], ...]] = field(default_factory=dict)  # per mask
    each: dict[int, re.Pattern[str]] = field(default_factory=dict)

    @functools.cached_property
    def keys(self) -> tuple[str, ...]:  # made once: `_searched` reads it for every text
        return tuple(self.masks)

    def compiled(self, i: int) -> re.Pattern[str]:
        found = self.each.get(i)
        if found is None:
            found = self.each[i] = gated(self.alternatives[i], self.flags)
        return found


def _plan(source: str, flags: int) -> _Plan:
    alternatives = [source]
    if not flags & re.VERBOSE and not _GLOBAL_FLAGS.match(source):  # else flags for all
        alternatives = top_level_alternatives(source)
    try:
        parsed = [_parser.parse(a, flags) for a in alternatives]
    except re.error:  # split where the parser would not (a comment): one alternative
        alternatives = [source]
        parsed = [_parser.parse(source, flags)]
    always, masks = 0, dict[str, int]()
    for i, tree in enumerate(parsed):
        keys = _keys(tree.data)
        if keys is None:
            always |= 1 << i
        for key in keys or ():
            masks[key] = masks.get(key, 0) | 1 << i
    whole_only = any(p.getwidth()[0] == 0 or _refers_to_a_group(p.data) for p in parsed)
    return _Plan(alternatives, flags, always, masks, whole_only)


def required_keys(source: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of `source` holds (None: unknown):
    a run of literal characters the pattern cannot do without, or one key from each branch of
    an alternation it cannot do without; of several such, the fewest keys of three characters
    or more (the fewer, the quicker the look; the longer, the rarer)."""
    return _keys(_parser.parse(source, flags).data)


def _keys(items: Any) -> frozenset[str] | None:
    found: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is c.LITERAL and av < 128:  # ASCII: in the folded text in either case
            run += chr(av).lower()
            continue
        if run:
            found.append(frozenset((run,)))
            run = ""
        keys: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            keys = _keys(av[3].data)
        elif op is c.ATOMIC_GROUP:
            keys = _keys(av.data)
        elif op is c.BRANCH:
            branches = [ks for branch in av[1] if (ks := _keys(branch.data))]
            if len(branches) == len(av[1]):  # a key of every branch
                keys = frozenset(key for branch in branches for key in branch)
        elif op in _REPEATS and av[0] >= 1:
            keys = _keys(av[2].data)
        if keys:
            found.append(keys)
    if run:
        found.append(frozenset((run,)))
    if not found:
        return None
    return max(found, key=lambda keys: (min(map(len, keys)) >= 3, -len(keys), min(map(len, keys))))


def _refers_to_a_group(items: Any) -> bool:
    """Whether a parsed pattern holds a back reference (its group numbers must stay as they are)."""
    for op, av in items:
        if op in (c.GROUPREF, c.GROUPREF_EXISTS):
            return True
        subs = (
            [av[3]] if op is c.SUBPATTERN
            else [av] if op is c.ATOMIC_GROUP
            else av[1] if op is c.BRANCH
            else [av[2]] if op in _REPEATS
            else [av[1]] if op in (c.ASSERT, c.ASSERT_NOT)
            else []
        )  # fmt: skip
        if any(_refers_to_a_group(sub.data) for sub in subs):
            return True
    return False


def top_level_alternatives(source: str) -> list[str]:
    """The alternatives of a pattern at its top level: `source` split at each "|" outside
    brackets, character classes and escapes (`"|".join` of them gives `source` back). A
    pattern that is one group of alternatives between word boundaries, `\\b(?:a|b)\\b`, gives
    `\\ba\\b` and `\\bb\\b`: a boundary matches one way only, so the alternatives are tried in
    the same order either way."""
    bars = _top_level_bars(source)
    if bars:
        return [source[i + 1 : j] for i, j in zip([-1, *bars], [*bars, len(source)], strict=True)]
    for edge in (r"\b", ""):
        head = edge + "(?:"
        if source.startswith(head) and source.endswith(")" + edge):
            inner = source[len(head) : len(source) - len(edge) - 1]
            if _balanced(inner) and _top_level_bars(inner):
                return [edge + part + edge for part in top_level_alternatives(inner)]
    return [source]


def _top_level_bars(source: str) -> list[int]:
    """Where `source` has a "|" outside brackets, character classes and escapes."""
    return [i for i, depth in _depths(source) if depth == 0 and source[i] == "|"]


def _balanced(source: str) -> bool:
    """Whether every bracket of `source` outside classes and escapes closes within it."""
    depth = 0
    for i, _ in _depths(source):
        depth += (source[i] == "(") - (source[i] == ")")
        if depth < 0:
            return False
    return depth == 0


def _depths(source: str) -> Iterator[tuple[int, int]]:
    """(index, bracket depth before it) of each character that is an operator: not escaped and
    not inside a character class."""
    depth, i, in_class = 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2  # the escaped character is no operator
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += source.startswith("^", i + 1)
            i += source.startswith("]", i + 1)  # "[]" or "[^]" opens with a literal "]"
        else:
            yield i, depth
            depth += (ch == "(") - (ch == ")")
        i += 1
