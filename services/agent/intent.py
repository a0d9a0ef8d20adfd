"""What a request asks for, read the way a person reads it, before any agent is considered.

Auto-select used to score every word of a request against every agent, so one incidental word ("a timer
with a *dark theme*") could outweigh what the request is (a timer).  This module reads the request first:

* its **words**, accent-folded, with common words of French, Spanish, German, Italian and Portuguese
  translated (``juego`` is ``game``) and typos mended against the words agents and kinds use
  (``pomodro timmer`` is ``pomodoro timer``);
* which words are the **head** (what is asked for) and which are **modifiers** (after "with", "that",
  "for my ...": features and context), so modifiers count less;
* the **kind** of thing asked for: a game, a website, a dashboard, a backend, a phone app, or an everyday
  app (the web app's project types, with "app" split from "website" for the explanation);
* whether it is a **bug report** ("it does not work when I click reset"), and whether it is **not a
  request at all** (empty, binary, emoji only, code only), which gets the generalist and says why.

Nothing here knows the agents; :mod:`services.agent.select` weighs them against this reading.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from vibing.services.agent.lexicon import (
    ACCOUNT_WORDS,
    BUG_PATTERN,
    BUG_PHRASES,
    BUG_WORDS,
    DETERMINERS,
    FEATURE_WORDS,
    FOREIGN_STOP_WORDS,
    GATHERINGS,
    HEAD_HINTS,
    HINTS,
    HOLDERS,
    KIND_WORDS,
    LOOSE_HINTS,
    MANNERS,
    NOT_KIND,
    OWNED_THINGS,
    PATTERNS,
    PHRASES,
    PLACES,
    PLATFORMS,
    POSSESSIVES,
    ROLE_NOUNS,
    SERVER_WORDS,
    TOOL_NOUNS,
    TOOL_WORDS,
    TRANSLATIONS,
    UI_PARTS,
    VERB_HINTS,
)
from vibing.services.agent.text import PROMPT_STOP_WORDS, STOP_WORDS, subject_stem

#: Only the start of a long request is read: it says what the request is about, and a pick stays well under 2 ms.
MAX_CHARS = 600
#: Longer "words" are not words (a URL, a hash, a run of one letter).
MAX_WORD = 40
#: Words after one of these describe features of the thing asked for, not the thing.
MODIFIER_STARTS = frozenset(
    {"with", "that", "which", "where", "including", "includes", "featuring", "showing"}
    | {"avec", "con", "mit", "com", "met"}  # "with" in French, Spanish and Italian, German, Portuguese, Dutch
)
#: Words after which "with" says what the thing must work with: the point of the request, not a feature.
WORKS_WITH = frozenset(
    "work works working compatible usable cope copes play plays funciona funcionan fonctionne marche funktioniert "
    "funziona".split()
)
#: "for" (in English or another language) followed by one of these starts context ("for my bakery", "para mi
#: academia", "pour mon salon").
CONTEXT_STARTS = frozenset({"for", "to", "pour", "para", "fur", "per", "voor"})
CONTEXT_ARTICLES = (
    frozenset({"a", "an", "the", "my", "our", "your", "his", "her", "their", "this", "that", "me", "us"})
    | POSSESSIVES
    | frozenset({"el", "la", "los", "las", "le", "les", "der", "die", "das", "den", "dem", "il", "o", "os", "de"})
)
#: How much a modifier or context word counts, against 1 for the head.
MODIFIER_WEIGHT = 0.48
#: How much a specialist's own name counts after "with" ("with tailwind" says how to build, not a feature).
NAMED_WEIGHT = 0.63
#: The first words of a sentence that say what it is about; a feature word after them is a modifier.
HEAD_WORDS = 3
#: A phrase a pattern recognised counts this much (a word counts 1).
PATTERN_WEIGHT = 1.0
#: A hint counts this much of the word itself.
HINT_WEIGHT = 0.9
#: Whether a second word hinting at a subject already said counts as well.
ECHO = True
#: A kind needs at least this much said ("page" alone, in "a page that shows the forecast", is not a website).
MIN_KIND = 1.2
#: Kinds of request: the web app's project types, with everyday apps told apart from websites.
KIND_PROJECT_TYPE = {
    "game": "game",
    "website": "website",
    "page": "website",
    "dashboard": "dashboard",
    "api": "api",
    "mobile-app": "mobile-app",
    "app": "website",
}
KIND_LABELS = {
    "game": "a game",
    "website": "a website",
    "page": "a web page",
    "dashboard": "a dashboard",
    "api": "a backend",
    "mobile-app": "a phone app",
    "app": "an everyday app",
}


class _Expressions(NamedTuple):
    phrase: re.Pattern[str]
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    bug: re.Pattern[str]


@functools.cache
def _expressions() -> _Expressions:
    """The lexicon's regular expressions, compiled when the first request is read.

    About a hundred of them, and the phrases' alternation: compiled at import, they cost the zygote's preload
    15-20 ms of CPU while the window starts on the same cores; a person's first request pays them once instead.
    """
    phrase = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")\b")
    patterns = tuple((re.compile(source), subject) for source, subject in PATTERNS)
    return _Expressions(phrase, patterns, re.compile(BUG_PATTERN))


_CODE_SIGNS = re.compile(r"[{};<>=()\[\]]|=>|\bfunction\b|\bdef\b|\bconst\b|\blet\b|\bvar\b|\breturn\b|</?\w+")
_LETTERS = re.compile(r"[a-z]")
#: French and Italian elisions: "l'accessibilite" is "accessibilite".
_ELISION = re.compile(r"^(?:l|d|s|j|n|m|t|c|qu|un|dell|nell|all|sull)'")
_SENTENCE_END = re.compile(r"[.!?;]+(?:\s+|$)|\n+")
_CLAUSE_END = re.compile(r"[,:()]+|\s[-\u2013\u2014]+\s")
_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[-_.'][a-z0-9][a-z0-9+#]*)*")


@dataclass(slots=True)
class Word:
    """One word of the request as it will be weighed: its stem, how much it counts, what it was written as."""

    text: str
    stem: str
    weight: float
    #: What the user wrote when it differs (a typo, another language): "timmer", "juego".
    written: str = ""
    #: Its position among the request's words (phrases are consecutive words).
    position: int = 0
    #: Said of existing work or the situation ("my site", "for my bakery"): context, even if it names a specialist.
    context: bool = False
    #: The word it counts as, once per agent: a word and its hints are one piece of evidence.
    key: str = ""
    #: Said in the leading clause of its sentence (before a comma, a dash, "with ..." or "for my ..."): what the
    #: sentence asks for, not an aside ("a paint calculator - put in the size of the walls": "size" is an aside).
    lead: bool = True
    #: Reached through :data:`HINTS` ("ranked" -> "seo"), not written by the user...
    hint: bool = False
    #: Said by an everyday word (:data:`LOOSE_HINTS`): it needs the subject said again, or a role position.
    loose: bool = False
    #: What a tool holds ("paint" of "paint calculator", "password" of "password generator"), not its subject.
    data: bool = False
    #: Says what kind of thing the next word is ("a *paint* app", "a *gravity* game").
    role: bool = False
    #: Names a part of the app by what it does ("the *login* button", "the *booking* form").
    part: bool = False


@dataclass(slots=True)
class Intent:
    """A request, read."""

    words: list[Word] = field(default_factory=list)
    #: Two consecutive words read as one ("landing page", "screen reader", "dark mode").
    pairs: list[Word] = field(default_factory=list)
    kind: str = ""
    #: How clearly the kind was said, 0..1.
    kind_strength: float = 0.0
    #: The words that said the kind ("snake", "game").
    kind_words: list[str] = field(default_factory=list)
    #: Their stems (all of them, not only the first four).
    kind_stems: frozenset[str] = frozenset()
    bug_report: bool = False
    #: Accounts and data kept on a server, both asked for: a full-stack app ("users log in and it's saved").
    full_stack: bool = False
    #: Why this is not a request to weigh ("" when it is one): "empty", "not text", "no words", "code only".
    not_a_request: str = ""
    #: Subject terms said by two different words of the request ("rank" and "google" both say "seo").
    corroborated: frozenset[str] = frozenset()
    #: A kind of thing was said as existing work ("my page", "our site"): a task on it, not a thing to build.
    task: bool = False
    #: Words mended or translated, as "written -> read".
    mended: list[str] = field(default_factory=list)

    @property
    def project_type(self) -> str:
        return KIND_PROJECT_TYPE.get(self.kind, "")

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, "an app")


def fold(text: str) -> str:
    """Lower case without accents ("Página" -> "pagina"), apostrophes made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _not_a_request(raw: str, folded: str) -> str:
    if not raw.strip():
        return "empty"
    sample = raw[:2000]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r") or c == "\ufffd")
    if controls > max(2, len(sample) // 20):
        return "not text"
    letters = len(_LETTERS.findall(folded[:2000]))
    if letters == 0 and not any(t in KIND_WORDS for t in _TOKEN.findall(folded[:2000])):
        return "no words"
    lines = [line for line in raw[:4000].splitlines() if line.strip()]
    if lines:
        code_lines = sum(1 for line in lines if len(_CODE_SIGNS.findall(line)) >= 2)
        if len(lines) >= 2 and code_lines / len(lines) >= 0.6:
            return "code only"
        if len(lines) == 1 and len(_CODE_SIGNS.findall(lines[0])) >= 4 and " " not in lines[0].strip()[:40]:
            return "code only"
    return ""


class Mender:
    """Typo repair against a vocabulary: a word not in it, one edit away from a word in it, is read as that word.

    Symmetric deletes (a word and all its one-letter deletions, looked up in a table of the
    vocabulary's own deletions) find insertions, deletions and substitutions in a few lookups.
    """

    MIN_LENGTH = 4
    MAX_LENGTH = 20

    def __init__(self, vocabulary: set[str], known: set[str] | frozenset[str] = frozenset()) -> None:
        self.vocabulary = vocabulary
        #: Words that are words, not typos, though not in the vocabulary ("unit" is not "unity").
        self.known = known
        self._deletes: dict[str, str] = {}
        for word in sorted(vocabulary, key=lambda w: (len(w), w), reverse=True):
            if len(word) < self.MIN_LENGTH or not word.isalpha():
                continue
            for variant in self._variants(word):
                self._deletes[variant] = word

    @staticmethod
    def _variants(word: str) -> list[str]:
        return [word] + [word[:i] + word[i + 1 :] for i in range(len(word))]

    def mend(self, word: str) -> str:
        if (
            word in self.vocabulary
            or word in self.known
            or not self.MIN_LENGTH <= len(word) <= self.MAX_LENGTH
            or not word.isalpha()
        ):
            return word
        for variant in self._variants(word):
            found = self._deletes.get(variant)
            if found is None or found[0] != word[0] or abs(len(found) - len(word)) > 1:
                continue
            # A changed letter in a short word is more often another word ("crush", "crash") than a typo, and so
            # is a dropped letter ("three", "tree"); swapped letters ("chekc"), a missing letter ("pomodro") and a
            # doubled one ("timmer") are typos.
            if len(found) == len(word) and len(word) < 7 and sorted(found) != sorted(word):
                continue
            if len(found) < len(word) and not _doubled_letter(word, found):
                continue
            return found
        return word


def _shortened(phrase: str, limit: int = 40) -> str:
    """A phrase as it is quoted in an explanation: whole words, at most about ``limit`` characters."""
    phrase = phrase.strip()
    if len(phrase) <= limit:
        return phrase
    return phrase[:limit].rsplit(" ", 1)[0] + "..."


def _loose(text: str) -> bool:
    """Whether ``text`` or its plain inflection ("teaching", "ranked") is an everyday word (:data:`LOOSE_HINTS`)."""
    if text in LOOSE_HINTS:
        return True
    return any(text.endswith(e) and text[: -len(e)] in LOOSE_HINTS for e in ("s", "es", "d", "ed", "ing"))


def _data_of_next(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i]`` is data for what follows: the first of two words before a tool ("a *bingo* card
    generator"), or a place before another noun ("a coffee *shop* loyalty app": whose app, not what it is)."""
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    if not following.isalpha() or following in STOP_WORDS:
        return False
    after = tokens[i + 2] if i + 2 < len(tokens) else ""
    if after in TOOL_NOUNS and tokens[i] not in TOOL_NOUNS | MANNERS | TOOL_WORDS and following not in TOOL_NOUNS:
        return True
    following = TRANSLATIONS.get(following, following)
    return (
        tokens[i] in PLACES
        and following not in ROLE_NOUNS
        and following not in TOOL_NOUNS
        and following not in KIND_WORDS
        and not following.endswith("ing")
    )


def _hints_of(text: str) -> tuple[str, ...]:
    """:data:`HINTS` of a word or of its plain inflection ("summarises" is "summarise"; not its stem: "generator"
    and "generative" share one, and only the second is about art)."""
    found = HINTS.get(text)
    if found is None:
        for ending in ("s", "es", "d", "ed", "ing"):
            if text.endswith(ending) and (found := HINTS.get(text[: -len(ending)])) is not None:
                break
    return found or ()


def _doubled_letter(word: str, shorter: str) -> bool:
    """True when ``shorter`` is ``word`` with one of two equal neighbouring letters removed."""
    return any(word[i] == word[i + 1] and word[:i] + word[i + 1 :] == shorter for i in range(len(word) - 1))


def read(prompt: str, mender: Mender | None = None) -> Intent:
    """Read ``prompt`` into an :class:`Intent`; never raises."""
    raw = prompt[:MAX_CHARS] if isinstance(prompt, str) else ""
    folded = fold(raw)
    intent = Intent()
    intent.not_a_request = _not_a_request(raw, folded)
    if intent.not_a_request:
        return intent
    expressions = _expressions()
    text = expressions.phrase.sub(lambda m: PHRASES[m.group(1)], folded)
    # What a pattern recognises is what the request asks, wherever it was said: it is read as the head.
    said_by_patterns: list[str] = []
    phrase_of: list[str] = []  # for each word a pattern added, the user's own words it stands for
    for pattern, subject in expressions.patterns:
        found = pattern.search(text)
        if found is not None:
            said_by_patterns.append(subject)
            phrase_of += [_shortened(found.group(0))] * len(_TOKEN.findall(subject))
    if said_by_patterns:
        text = " ".join(said_by_patterns) + " . " + text
    # Each sentence has its own head: "my son loves dinosaurs. i'd love a game where ..." asks for a game.
    tokens: list[str] = []
    starts: set[int] = set()
    clauses: set[int] = set()  # where a clause starts inside a sentence: "for a trip, built with svelte"
    for sentence in _SENTENCE_END.split(text):
        starts.add(len(tokens))
        for clause in _CLAUSE_END.split(sentence):
            clauses.add(len(tokens))
            tokens.extend(t for t in _TOKEN.findall(clause) if len(t) <= MAX_WORD)
    # What a pattern recognised is a precise phrase ("add tests", "works offline"): it counts more than a word.
    recognised = len(_TOKEN.findall(" ".join(said_by_patterns)))
    # Head and modifiers: after "with"/"that"/... or "for my ...", the words describe or situate the thing.
    weight = 1.0
    out: list[Word] = []
    seen: set[str] = set()
    sources: dict[str, set[str]] = {}  # term -> the words of the request that said it
    previous: tuple[str, float, bool] | None = None
    said: list[tuple[str, float]] = []
    in_context = False
    lead = True
    content_in_sentence = 0
    for i, token in enumerate(tokens):
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        # "works with a screen reader", "compatible with safari": what it must work with is the point, not a feature.
        complement = token == "with" and i > 0 and tokens[i - 1] in WORKS_WITH
        if i in starts:
            lead = True
        elif (
            i in clauses
            or (token in MODIFIER_STARTS and not complement)
            or (token in CONTEXT_STARTS and following in CONTEXT_ARTICLES)
        ):
            lead = False
        if i in starts:
            weight, in_context, previous = (PATTERN_WEIGHT if i < recognised else 1.0), False, None
            content_in_sentence = 0
        elif i == recognised and recognised:
            weight = 1.0
        elif i in clauses and in_context:
            in_context = False  # "for my trip" situates what came before it, not the next clause
        elif token in MODIFIER_STARTS and not complement:
            weight = MODIFIER_WEIGHT
        elif token in CONTEXT_STARTS and following in CONTEXT_ARTICLES:
            weight, in_context = MODIFIER_WEIGHT, True
        plain = TRANSLATIONS.get(token, token) if token not in KIND_WORDS else token
        if mender is not None and plain == token and token not in STOP_WORDS and subject_stem(token) not in KIND_WORDS:
            plain = mender.mend(token)  # "timmer" is a timer for the kind too
        # "my site", "our app": existing work the request is about; "my phone" still says where it runs.
        # Only a kind of thing is existing work when owned ("my site"); "my stylesheet" is still the topic.
        # "our company site" and "my own app" are owned too: the possessive may stand one word before a thing made.
        # "my car's dashboard": a thing of someone's is existing too.
        owner = i > 0 and (
            tokens[i - 1] in POSSESSIVES
            or tokens[i - 1].endswith("'s")
            or (i > 1 and tokens[i - 2] in POSSESSIVES and plain in OWNED_THINGS)
        )
        owned = owner and plain not in PLATFORMS and subject_stem(plain) in KIND_WORDS
        intent.task = intent.task or owned
        # The rest of an owned thing's name is existing work too: "my *online* shop" (in "mi sitio accesible" the
        # word after it says what it should be, so only the word between counts).
        described = i > 0 and tokens[i - 1] in POSSESSIVES and TRANSLATIONS.get(following, following) in OWNED_THINGS
        # "for two people on the same ipad", "looks wrong on iphone": where the thing is used, not a phone app to build
        # (an app asked for on a phone is said so: "an app on my phone" is read by a pattern).
        on_device = plain in PLATFORMS and "on" in tokens[max(0, i - 3) : i]
        kind_weight = (
            MODIFIER_WEIGHT
            if on_device
            else 1.0
            if plain in PLATFORMS
            else min(weight, MODIFIER_WEIGHT)
            if owned
            else weight
        )
        # The data of a tool or a place's thing says less about the kind than the tool ("a bingo card generator").
        data_of_next = _data_of_next(tokens, i)
        if data_of_next:
            kind_weight = min(kind_weight, MODIFIER_WEIGHT)
        said.append((plain, kind_weight))
        pair_weight = min(weight, MODIFIER_WEIGHT) if owned else weight
        if token in STOP_WORDS or token in FOREIGN_STOP_WORDS or not token.isalnum():
            previous = None
        else:
            if previous is not None:
                joined = previous[0] + plain
                intent.pairs.append(
                    Word(
                        joined,
                        subject_stem(joined),
                        min(pair_weight, previous[1]),
                        f"{previous[0]} {plain}",
                        len(intent.pairs),
                        owned or in_context,
                        lead=previous[2],
                    )
                )
            previous = (plain, pair_weight, lead)
        if token in PROMPT_STOP_WORDS or token in FOREIGN_STOP_WORDS or (len(token) < 2 and not token.isdigit()):
            continue
        # "password generater" is a generator of passwords too: the next word is read mended.
        next_plain = TRANSLATIONS.get(following, following)
        if mender is not None and next_plain == following and following not in STOP_WORDS:
            next_plain = mender.mend(following)
        # ...and so is the theme of a gathering: a "quiz night" or a "chess club" is an evening or a club.
        after = tokens[i + 2] if i + 2 < len(tokens) else ""  # "a trivia night game" is still a trivia game
        gathering = next_plain in GATHERINGS and after not in ROLE_NOUNS
        # "a chart of signups", "a list of passwords": what the chart or the list holds.
        # ...and "per shop", "signups per week": what figures are split by, and the figures counted.
        held = (
            (i > 1 and tokens[i - 1] == "of" and tokens[i - 2] in TOOL_NOUNS | HOLDERS)
            or (i > 0 and tokens[i - 1] == "per")
            or following == "per"
        )
        compound = (next_plain in TOOL_NOUNS and token not in TOOL_NOUNS) or gathering or held or data_of_next
        # A tool named by an everyday word: "react to the news" is a verb; "in unity", "a react app" say the tool.
        if token in TOOL_WORDS and following in ("to", "by", "around", "about"):
            continue
        role = next_plain in ROLE_NOUNS and token not in ROLE_NOUNS
        # "the login button", "the contact form": a part of the app, by what it does or what it is
        part = next_plain in UI_PARTS or (token in UI_PARTS and i > 0 and tokens[i - 1] in DETERMINERS | {"contact"})
        # A look or a feature ("dark theme", "colours", "sounds") said after the thing itself describes it.
        feature = token in FEATURE_WORDS and content_in_sentence >= HEAD_WORDS
        content_in_sentence += 1
        word_weight = min(weight, MODIFIER_WEIGHT) if owned or compound or feature or on_device else weight
        context = owned or described or in_context or on_device
        written = phrase_of[i] if i < recognised else ""
        text = _ELISION.sub("", token).replace("'", "")
        if written:
            pass  # a word a pattern added: explained by the phrase that said it
        elif text in TRANSLATIONS and text not in KIND_WORDS:
            written, text = token, TRANSLATIONS[text]
        elif mender is not None:
            mended = mender.mend(text)
            if mended != text:
                written, text = token, mended
        parts = [p for p in re.split(r"[-_.]", text) if p] if any(c in text for c in "-_.") else [text]
        pieces = parts + (["".join(parts)] if len(parts) > 1 else [])
        position = len(out)
        source = subject_stem(text)  # the word that said it, inflections as one ("query", "queries")
        for piece in pieces:
            term = subject_stem(piece)
            sources.setdefault(term, set()).add(source)
            if term in seen:
                continue
            seen.add(term)
            key = piece if i < recognised else (written or piece)  # each word a pattern added counts on its own
            out.append(
                Word(
                    piece,
                    term,
                    word_weight,
                    written,
                    position,
                    context,
                    key,
                    lead,
                    loose=_loose(text),
                    data=compound,
                    role=role,
                    part=part,
                )
            )
        head = not out or (len(out) <= 1 and out[0].position == 0 and weight == 1.0)
        # "paint the header blue" asks to colour something, not for a paint app: a verb on a thing is no subject.
        verb = token in VERB_HINTS and content_in_sentence == 1 and following in DETERMINERS
        for hint in () if verb else _hints_of(text) + (HEAD_HINTS.get(text, ()) if head else ()):
            term = subject_stem(hint)
            said_by = sources.setdefault(term, set())
            # A second word saying the same subject ("safe" and "hackers": security) counts too, once.
            # (a pattern's own words are one phrase: "monitoring uptime" does not count twice)
            echo = term in seen and source not in said_by and len(said_by) == 1 and ECHO and i >= recognised
            said_by.add(source)
            if term not in seen or echo:
                seen.add(term)
                out.append(
                    Word(
                        hint,
                        term,
                        word_weight * HINT_WEIGHT,
                        written or text,
                        position,
                        context,
                        written or text,
                        lead,
                        hint=True,
                        loose=_loose(text),
                        data=compound,
                        role=role,
                        part=part,
                    )
                )
        if written:
            intent.mended.append(f"{written} -> {text}")
    intent.words = out
    intent.corroborated = frozenset(term for term, said_by in sources.items() if len(said_by) > 1)
    _read_kind(intent, said)
    lowered = " " + folded + " "
    intent.bug_report = (
        any(p in lowered for p in BUG_PHRASES)
        or any(w.text in BUG_WORDS for w in out)
        or expressions.bug.search(lowered) is not None
    )
    said_words = {text for text, _ in said}
    intent.full_stack = bool(said_words & ACCOUNT_WORDS) and bool(said_words & SERVER_WORDS)
    return intent


def _read_kind(intent: Intent, said: list[tuple[str, float]]) -> None:
    """The kind of thing asked for, from every word ("app" and "page" included) and its position."""
    scores: dict[str, float] = {}
    by_kind: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    previous = ""
    for index, (text, weight) in enumerate(said):
        found = KIND_WORDS.get(subject_stem(text)) if text.isalnum() and text not in NOT_KIND else None
        if found is not None and found[0] == "game" and index + 1 < len(said) and said[index + 1][0] in GATHERINGS:
            found = None  # "a chess club ladder" is about a club, not a game of chess
        # "tic tac toe", "high score" and the like arrive as consecutive words; the joined form is in the table.
        if found is None and previous and previous not in STOP_WORDS:  # "have to do" is no to-do list
            found = KIND_WORDS.get(subject_stem(previous + text))
        previous = text
        if found is None:
            continue
        kind, points = found
        scores[kind] = scores.get(kind, 0.0) + points * weight
        by_kind.setdefault(kind, []).append(text)
        first.setdefault(kind, index)
    if not scores or max(scores.values()) < MIN_KIND:
        return
    # The head decides near-ties: "a REST API for a blog" is a backend, "a game dashboard" a dashboard.
    best = max(scores, key=lambda k: (scores[k], -first[k]))
    total = sum(scores.values())
    intent.kind = best
    intent.kind_words = list(dict.fromkeys(by_kind[best]))[:4]
    intent.kind_stems = frozenset(subject_stem(w) for w in by_kind[best])
    intent.kind_strength = round(min(1.0, scores[best] / 3.0) * (scores[best] / total), 3)
