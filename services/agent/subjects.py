"""Each agent's subject: what a request must name for that agent to be the one a person would pick.

An agent's subject is what its **name** says once the role is taken off (``arcade-game-developer`` is about
arcade games, ``security-auditor`` about security audits) and what its **tags** say; its
**capabilities** support it, its **description** barely counts and its body not at all: a word that
merely sits in a long description ("forecast" in a data scientist's) must not win a request.

A term is worth more the fewer agents have it as their subject: "snake" names one agent, "game" is the
domain of seven, so "game" says what kind of thing is asked for and "snake" who should build it.
Built from the standard front matter alone, so user agents from ``~/.claude/agents`` take part on
equal terms with ours.
"""

from __future__ import annotations

import functools
import math
import re
import weakref
from dataclasses import dataclass

from vibing.services.agent import intent, lexicon
from vibing.services.agent.parser import Agent
from vibing.services.agent.search import Index
from vibing.services.agent.text import STOP_WORDS, subject_stem, words

#: Role words in agent names: not a subject.  Roles that name an activity become that activity.
ROLE_WORDS = {
    "developer": "",
    "developers": "",
    "dev": "",
    "specialist": "",
    "expert": "",
    "builder": "",
    "engineer": "",
    "architect": "design",
    "designer": "design",
    "writer": "",
    "coder": "",
    "programmer": "",
    "manager": "management",
    "strategist": "",
    "artist": "",
    "pro": "",
    "master": "",
    "guru": "",
    "agent": "",
    "assistant": "",
    "helper": "",
    "analyst": "analysis",
    "scientist": "science",
    "auditor": "audit",
    "reviewer": "review",
    "tester": "test",
    "documenter": "documentation",
    "optimizer": "optimization",
    "modernizer": "modernization",
    "automator": "",
    "debugger": "debug",
    "stylist": "",
}
#: Words too general to be anyone's subject (every web request has them).
GENERIC = frozenset(
    subject_stem(w)
    for w in """
web app apps application code project projects site page ui frontend javascript js html css user users
interface general purpose feature features modern clean simple fast best practices support build builds
""".split()
)

NAME, TAG, CAPABILITY, DESCRIPTION = "name", "tag", "capability", "description"
FIELD_WEIGHTS = {NAME: 3.0, TAG: 2.0, CAPABILITY: 0.3, DESCRIPTION: 0.35}
#: A part of a multi-word tag ("dark" of "dark-mode") counts this much of the whole tag.
TAG_PART = 0.46
#: The sentence of a description that says when to pick the agent ("Pick it when the app feels slow", Claude Code's
#: "Use this agent when ...") says it in the words requests use: it counts this much more than the rest.
WHEN_FACTOR = 1.26
_PLAIN_WORD = re.compile(r"[a-z]{4,}")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_NOT_FOR = re.compile(r"\s*(?:not for|do not use|don't use|never use)\b", re.IGNORECASE)
_WHEN = re.compile(r"\b(?:pick|use|choose|call|invoke)\b[^.]{0,40}\bwhen\b|\bproactively\b", re.IGNORECASE)
#: The activity a role names ("audit" of an auditor) counts this much of a name word.
ROLE_FACTOR = 0.6
#: How much it costs a name word to be shared by more agents' names and tags ("deploy" by many, "kubernetes" by one).
SHARED_NAME_COST = 0.25
#: ...and, a little, to be mentioned in many agents' descriptions ("deploy" is, "kubernetes" is not).
MENTIONED_NAME_COST = 0.03
#: Other fields a term also appears in add this fraction of their weight.
ALSO = 0.15


@dataclass(frozen=True, slots=True)
class Subject:
    """One agent's subject terms: ``stem -> (weight, best field)``, and its subject in words."""

    agent: Agent
    terms: dict[str, tuple[float, str]]
    #: "arcade game", "security audit": the name without its role, for explanations.
    phrase: str
    #: How many subject words the name has: "game-developer" is all about games, "arcade-game-developer" half.
    name_words: int = 1


def name_subject(name: str) -> tuple[list[str], list[str]]:
    """The subject words of an agent's name, and the activities its role names.

    ``"security-auditor"`` -> ``(["security"], ["audit"])``; ``"game-developer"`` -> ``(["game"], [])``.
    """
    subject, roles = [], []
    for part in name.lower().replace("_", "-").split("-"):
        if not part:
            continue
        if part in ROLE_WORDS:
            if ROLE_WORDS[part]:
                roles.append(ROLE_WORDS[part])
            continue
        subject.append(part)
    if not subject and not roles:
        subject = [p for p in name.lower().split("-") if p]
    return subject, roles


def _add(terms: dict[str, list], stem: str, weight: float, field: str) -> None:
    """Keep a term's best field, and the best of its other fields (a term in name and tags is a bit surer).

    Words every web request has are nobody's subject (tried: letting names keep them lost 1.5 points of tuning).
    """
    if not stem or stem in STOP_WORDS or stem in GENERIC:
        return
    found = terms.get(stem)
    if found is None:
        terms[stem] = [weight, field, 0.0]
    elif weight > found[0]:
        terms[stem] = [weight, field, found[0]]
    else:
        found[2] = max(found[2], weight)


def subject_of(agent: Agent) -> Subject:
    raw: dict[str, list] = {}
    subject_words, roles = name_subject(agent.name)
    for word in subject_words:
        _add(raw, subject_stem(word), FIELD_WEIGHTS[NAME], NAME)
    if len(subject_words) > 1:
        _add(raw, subject_stem("".join(subject_words)), FIELD_WEIGHTS[NAME], NAME)
    for word in roles:  # "audit" of security-auditor: part of its subject, a little less than "security"
        _add(raw, subject_stem(word), FIELD_WEIGHTS[NAME] * ROLE_FACTOR, NAME)
    for tag in agent.tags:
        parts = [p for p in re.split(r"[^a-z0-9+#]+", tag.lower()) if p and p not in STOP_WORDS]
        if len(parts) == 1:
            _add(raw, subject_stem(parts[0]), FIELD_WEIGHTS[TAG], TAG)
        elif parts:
            # "dark-mode" is about dark mode, not about everything dark: the whole tag counts, its parts a little.
            _add(raw, subject_stem("".join(parts)), FIELD_WEIGHTS[TAG], TAG)
            for part in parts:
                if len(part) > 1:
                    _add(raw, subject_stem(part), FIELD_WEIGHTS[TAG] * TAG_PART, TAG)
    for capability in agent.capabilities:
        for word in words(capability):
            if len(word) > 2:
                _add(raw, subject_stem(word), FIELD_WEIGHTS[CAPABILITY], CAPABILITY)
    for sentence in _SENTENCE.split(agent.description):
        if _NOT_FOR.match(sentence):
            continue  # "Not for an app that merely has a dark theme": the words of what it is *not* for
        weight = FIELD_WEIGHTS[DESCRIPTION] * (WHEN_FACTOR if _WHEN.search(sentence) else 1.0)
        for word in words(sentence):
            if len(word) > 2:
                _add(raw, subject_stem(word), weight, DESCRIPTION)
    terms = {stem: (round(w + ALSO * other, 3), field) for stem, (w, field, other) in raw.items()}
    return Subject(agent, terms, " ".join(subject_words + roles), max(1, len(subject_words)))


class Subjects:
    """The subjects of a library's agents, with how many agents share each subject term."""

    def __init__(self, index: Index) -> None:
        self.agents = index.agents
        self.by_name = index.by_name
        self.subjects = [subject_of(agent) for agent in self.agents]
        shared: dict[str, int] = {}
        anywhere: dict[str, int] = {}
        postings: dict[str, list[tuple[int, float, str]]] = {}
        for position, subject in enumerate(self.subjects):
            for stem, (weight, field) in subject.terms.items():
                postings.setdefault(stem, []).append((position, weight, field))
                if field in (NAME, TAG):
                    shared[stem] = shared.get(stem, 0) + 1
                anywhere[stem] = anywhere.get(stem, 0) + 1
        self.postings = postings
        self.shared = shared
        self.anywhere = anywhere
        #: Every subject word as written (unstemmed) and every word of the kinds: what a typo is mended to...
        self.vocabulary: set[str] = lexicon.kind_vocabulary()
        #: ...and every word the agents use anywhere but their bodies: a word in here is no typo ("unit").
        self.known: set[str] = set()
        for agent in self.agents:
            for text in (agent.name.replace("-", " "), " ".join(agent.tags)):
                self.vocabulary.update(w for w in words(text) if len(w) >= 4 and w.isalpha())
            for text in (agent.description, " ".join(agent.capabilities)):
                self.known.update(words(text))
            self.known.update(_PLAIN_WORD.findall(agent.body.lower()))

    @functools.cached_property
    def mender(self) -> intent.Mender:
        """Typo repair against this library's words, built on the first request that needs it."""
        return intent.Mender(self.vocabulary, known=self.known)

    def specificity(self, stem: str, field: str, position: int) -> float:
        """How much a term says about one agent rather than its neighbours.

        In a name, the agent whose name is *only* that subject takes it whole ("game" is game-developer's;
        arcade-game-developer gets a share unless "arcade" is said too).  In tags and descriptions, a term is
        worth less the more agents have it: "snake" names one agent, "game" is the domain of seven.
        """
        if field == NAME:
            shared = 1.0 + SHARED_NAME_COST * math.log2(max(1, self.shared.get(stem, 1)))
            shared += MENTIONED_NAME_COST * math.log2(max(1, self.anywhere.get(stem, 1)))
            return 1.0 / (math.sqrt(self.subjects[position].name_words) * shared)
        n = self.shared.get(stem, 0) if field == TAG else self.anywhere.get(stem, 0)
        return 1.0 / (1.0 + math.log2(max(1, n)))


_CACHE: weakref.WeakKeyDictionary[Index, Subjects] = weakref.WeakKeyDictionary()


def subjects(index: Index) -> Subjects:
    """The :class:`Subjects` of an index, built once per library version."""
    found = _CACHE.get(index)
    if found is None:
        found = _CACHE[index] = Subjects(index)
    return found
