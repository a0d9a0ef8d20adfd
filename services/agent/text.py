"""Words for search and auto-select: tokenizing, stemming (Porter), stop words, words kept whole.

Everything here is pure and cached: the registry stems each distinct word once per
process, which keeps loading the library and searching it cheap.
"""

from __future__ import annotations

import re
from collections import Counter

# -- the Porter stemmer (M. F. Porter, 1980), written for this module -----------


_CV = str.maketrans({c: ("v" if c in "aeiou" else "c") for c in "abcdefghijklmnopqrstuvwxyz"} | {"y": "y"})


def _pattern(w: str) -> str:
    """'c'/'v' for each letter of ``w`` (consonant/vowel, 'y' a vowel after a consonant)."""
    p = w.translate(_CV)
    if "y" in p:
        chars = list(p)
        for i, c in enumerate(chars):
            if c == "y":
                chars[i] = "v" if i > 0 and chars[i - 1] == "c" else "c"
        p = "".join(chars)
    return p


def _measure(p: str, k: int) -> int:
    """Porter's m of the first ``k`` letters, from their pattern."""
    return p.count("vc", 0, k)


def _cvc(p: str, w: str, k: int) -> bool:
    return k >= 3 and p[k - 3] == "c" and p[k - 2] == "v" and p[k - 1] == "c" and w[k - 1] not in "wxy"


_STEP2 = sorted(
    [
        ("ational", "ate"),
        ("tional", "tion"),
        ("enci", "ence"),
        ("anci", "ance"),
        ("izer", "ize"),
        ("bli", "ble"),
        ("alli", "al"),
        ("entli", "ent"),
        ("eli", "e"),
        ("ousli", "ous"),
        ("ization", "ize"),
        ("ation", "ate"),
        ("ator", "ate"),
        ("alism", "al"),
        ("iveness", "ive"),
        ("fulness", "ful"),
        ("ousness", "ous"),
        ("aliti", "al"),
        ("iviti", "ive"),
        ("biliti", "ble"),
        ("logi", "log"),
    ],
    key=lambda pair: -len(pair[0]),
)
_STEP3 = sorted(
    [
        ("icate", "ic"),
        ("ative", ""),
        ("alize", "al"),
        ("iciti", "ic"),
        ("ical", "ic"),
        ("ful", ""),
        ("ness", ""),
    ],
    key=lambda pair: -len(pair[0]),
)
_STEP4 = tuple(
    sorted(
        [
            "al",
            "ance",
            "ence",
            "er",
            "ic",
            "able",
            "ible",
            "ant",
            "ement",
            "ment",
            "ent",
            "ion",
            "ou",
            "ism",
            "ate",
            "iti",
            "ous",
            "ive",
            "ize",
        ],
        key=len,
        reverse=True,
    )
)
_STEP2_ENDS = tuple(a for a, _ in _STEP2)
_STEP3_ENDS = tuple(a for a, _ in _STEP3)


_STEP2_MAP = dict(_STEP2)
_STEP3_MAP = dict(_STEP3)
_STEP4_SET = frozenset(_STEP4)
_STEP2_LENS = sorted({len(s) for s in _STEP2_MAP}, reverse=True)
_STEP3_LENS = sorted({len(s) for s in _STEP3_MAP}, reverse=True)
_STEP4_LENS = sorted({len(s) for s in _STEP4_SET}, reverse=True)


def _replace(w: str, table: dict[str, str], lengths: list[int]) -> str:
    """Porter's rule: the longest matching suffix is replaced if the rest has m > 0."""
    size = len(w)
    for n in lengths:
        if size >= n:
            repl = table.get(w[size - n :])
            if repl is not None:
                k = size - n
                return w[:k] + repl if _measure(_pattern(w), k) > 0 else w
    return w


def stem(word: str) -> str:
    """The Porter stem of a lower-case word ("testing" -> "test", "optimization" -> "optim")."""
    w = word
    if len(w) <= 2 or not w.isalpha() or not w.isascii():
        return w
    # step 1a
    if w[-1] == "s":
        if w.endswith("sses") or w.endswith("ies"):
            w = w[:-2]
        elif not w.endswith("ss"):
            w = w[:-1]
    # step 1b
    p = _pattern(w)
    extra = False
    if w.endswith("eed"):
        if _measure(p, len(w) - 3) > 0:
            w = w[:-1]
    elif w.endswith("ed") and "v" in p[:-2]:
        w, extra = w[:-2], True
    elif w.endswith("ing") and "v" in p[:-3]:
        w, extra = w[:-3], True
    if extra:
        p = _pattern(w)
        if w.endswith(("at", "bl", "iz")):
            w += "e"
        elif len(w) >= 2 and w[-1] == w[-2] and p[-1] == "c" and w[-1] not in "lsz":
            w = w[:-1]
        elif _measure(p, len(w)) == 1 and _cvc(p, w, len(w)):
            w += "e"
    # step 1c
    if w[-1] == "y" and "v" in _pattern(w)[:-1]:
        w = w[:-1] + "i"
    if w.endswith(_STEP2_ENDS):
        w = _replace(w, _STEP2_MAP, _STEP2_LENS)
    if w.endswith(_STEP3_ENDS):
        w = _replace(w, _STEP3_MAP, _STEP3_LENS)
    # step 4
    if w.endswith(_STEP4):
        size = len(w)
        for n in _STEP4_LENS:
            if size >= n and w[size - n :] in _STEP4_SET:
                k = size - n
                if _measure(_pattern(w), k) > 1 and (n != 3 or w[k:] != "ion" or w[k - 1] in "st"):
                    w = w[:k]
                break
    # step 5
    if w[-1] == "e":
        p = _pattern(w)
        m = _measure(p, len(w) - 1)
        if m > 1 or (m == 1 and not _cvc(p, w, len(w) - 1)):
            w = w[:-1]
    if w.endswith("ll") and _measure(_pattern(w), len(w)) > 1:
        w = w[:-1]
    # "debugger" -> "debugg": undouble, so it meets "debug".
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "aeioulsz":
        w = w[:-1]
    # "deploy" -> "deploi" but "deployment" -> "deploy": make both "deploi".
    if w[-1] == "y" and len(w) > 2:
        w = w[:-1] + "i"
    return w


# -- tokens -------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[-_.][a-z0-9][a-z0-9+#]*)*")

#: Words that say nothing about which agent fits (kept out of every index and query).
STOP_WORDS = frozenset(
    """
a an and are as at be been but by can could do does for from had has have he her his how i if in into is it
its me my of on or our she so than that the their them then there these they this those to too us was we were
what when where which who why will with would you your yours i'm it's let's just also very really some any all
each every no not only own same such more most other both few here over under again further once should
""".split()
)

#: Words common in requests for an app that do not point at a specialist (prompts only).
PROMPT_STOP_WORDS = STOP_WORDS | frozenset(
    """
make build create want need like please help write add give get use using new simple small nice good great
cool little basic something thing things app apps application one two way page show shows let lets able
set up down go put keep want wants please thanks hey hi hello it's that's there's lot lots
""".split()
)


def words(text: str) -> list[str]:
    """Lower-case words of ``text``; a hyphenated word also yields its parts and their concatenation."""
    out: list[str] = []
    for match in _WORD.findall(text.lower()):
        if "-" in match or "_" in match or "." in match:
            parts = [p for p in re.split(r"[-_.]", match) if p]
            out.extend(parts)
            joined = "".join(parts)
            if len(parts) > 1 and len(joined) <= 30:
                out.append(joined)
        else:
            out.append(match)
    return out


_STEMS: dict[str, str] = {}


def cached_stem(word: str) -> str:
    """:func:`stem`, remembered (the vocabulary of agents and prompts is small)."""
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        found = _STEMS[word] = stem(word)
    return found


def stem_counts(text: str, stop: frozenset[str] = STOP_WORDS) -> dict[str, int]:
    """``stem -> count`` over ``text`` minus stop words; each distinct word is handled once (fast on long text)."""
    raw: dict[str, int] = {}
    for match in _WORD.findall(text.lower()):
        raw[match] = raw.get(match, 0) + 1
    out: dict[str, int] = {}
    cache = _STEMS
    for match, count in raw.items():
        pieces = words(match) if ("-" in match or "_" in match or "." in match) else (match,)
        for w in pieces:
            if w in stop or (len(w) < 2 and not w.isdigit()):
                continue
            s = cache.get(w)
            if s is None:
                s = cache[w] = stem(w)
            out[s] = out.get(s, 0) + count
    return out


_SIMPLE_WORD = re.compile(r"[a-z0-9]{2,}")


def body_stem_counts(text: str, stop: frozenset[str] = STOP_WORDS) -> dict[str, int]:
    """Like :func:`stem_counts` for long text: plain alphanumeric runs, no hyphen joining (fast)."""
    counts = Counter(_SIMPLE_WORD.findall(text.lower()))
    for w in stop & counts.keys():
        del counts[w]
    cache = _STEMS
    for w in [w for w in counts if w not in cache]:
        cache[w] = stem(w)
    out: dict[str, int] = {}
    get = out.get
    for w, count in counts.items():
        s = cache[w]
        out[s] = get(s, 0) + count
    return out


def terms(text: str, stop: frozenset[str] = STOP_WORDS) -> list[str]:
    """Stemmed words of ``text`` minus stop words (with repeats, in order)."""
    return [stem(w) for w in words(text) if w not in stop and len(w) > 1 or w.isdigit()]


#: Words whose stem means something else to auto-select: a "shopping list" is not an online shop, a "book club"
#: is not a booking, "access" to a database is not accessibility, farm "animals" are no animation.  Kept whole
#: wherever auto-select stems.
KEEP_WHOLE = frozenset({"shopping", "booking", "bookings", "accessibility", "responsive", "animal", "animals"})


def subject_stem(word: str) -> str:
    """:func:`cached_stem`, except for the words of :data:`KEEP_WHOLE`."""
    return word if word in KEEP_WHOLE else cached_stem(word)
