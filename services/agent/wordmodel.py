"""What people who wrote a request like this one picked: a word model learned from labelled requests.

Why it exists: the hand-written rules (:mod:`services.agent.intent`, :mod:`services.agent.subjects`) decide what
kind of thing is asked for and recognise a specialist's subject, and they explain a pick in plain words.  But on
requests written by people who had never seen them they were right 88-90 % of the time: people word things in
more ways than a lexicon lists.  A multinomial naive Bayes over a request's words and word pairs does better on
unseen wording, because it weighs every word by how often it went with each agent instead of by a rule.  It was
measured before it was used, on the two blind sets that had each been measured once (heldout-4 and heldout-5):
counted from the tuning sets that existed when each was written, and beside the selector of that day (rules
right on 88.2 % and 89.5 %), it alone was right on 91.8 % and 92.7 %, and the rules with it on 94.1 % and 93.6 %
(top-3 98.6 % on both).

What it learns from: each agent's own name, description and tags (so a user's agent from ``~/.claude/agents``
takes part too), and the counts in ``word_counts.json``, which ``tools/fit_routing.py --counts`` makes from the
tuning requests in ``tests/data`` (never from the held-out sets, nor from the test half of ``routing.tsv``).  A
follow-up also carries its project's type and latest agent as words, so that a project's habits are learned too.
"""

from __future__ import annotations

import functools
import json
import math
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from vibing.services.agent.intent import fold
from vibing.services.agent.parser import Agent
from vibing.services.agent.search import Index

#: The counts learned from the tuning requests (made by ``tools/fit_routing.py --counts``).
COUNTS = Path(__file__).with_name("word_counts.json")
#: Additive smoothing: how much a word never seen with an agent still counts for it.
ALPHA = 0.05
#: Weight of an agent's own description words beside one labelled request.
DESCRIPTION_WEIGHT = 1.0
#: Prior weight every agent has before any request (so that a new agent can be picked at all).
BASE_PRIOR = 0.5
#: Only so much of a huge prompt is read: the first words say what is asked for.
MAX_WORDS = 200

#: Words that say nothing about which agent should write a request.
STOP_WORDS = frozenset(
    "a an the and or to of for in on with my our i we me it is be that this can so some want need would like "
    "please make build create app page site simple little small just".split()
)
_WORD = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def said_words(text: str) -> list[tuple[str, str]]:
    """The request's telling words as (stem, as written): folded, plurals made singular, filler dropped."""
    found = ((w, _stem(w)) for w in _WORD.findall(fold(text)[: MAX_WORDS * 20]) if w not in STOP_WORDS)
    return [(stem, w) for w, stem in found if stem not in STOP_WORDS][:MAX_WORDS]


@functools.lru_cache(maxsize=16)
def words(text: str) -> tuple[str, ...]:
    """The request's telling words (see :func:`said_words`) and its word pairs (remembered for the last few
    requests: a pick reads the same request several times)."""
    found = [stem for stem, _ in said_words(text)]
    return (*found, *(f"{a}_{b}" for a, b in zip(found, found[1:], strict=False)))


def context_words(project_type: str = "", recent_agents: Sequence[str] = ()) -> list[str]:
    """A follow-up's project as words: its type, the agent of its latest turn, and that it is a follow-up."""
    said = [f"__type_{project_type}"] if project_type else []
    if recent_agents:
        said.append(f"__agent_{recent_agents[-1]}")
    return said + ["__followup"] if said else []


@dataclass(frozen=True, slots=True)
class Counts:
    """How often each word went with each agent in labelled requests, and how many requests each agent had."""

    #: agent name -> the number of requests it was accepted for (a request accepting 2 agents counts 1/2 each).
    requests: dict[str, float]
    #: agent name -> word -> weight.
    words: dict[str, dict[str, float]]

    @classmethod
    def load(cls, path: Path = COUNTS) -> Counts:
        """The committed counts, or none at all when the file is missing (then only descriptions count)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls({}, {})
        return cls(dict(data["requests"]), {a: dict(w) for a, w in data["words"].items()})

    @classmethod
    def of(cls, labelled: Iterable[tuple[str, Sequence[str], str, Sequence[str]]]) -> Counts:
        """Count ``(request, accepted agents, project type, recent agents)`` rows."""
        requests: dict[str, float] = {}
        table: dict[str, dict[str, float]] = {}
        for text, accept, project_type, recent in labelled:
            share = 1.0 / len(accept)
            said = list(dict.fromkeys((*words(text), *context_words(project_type, recent))))
            for agent in accept:
                requests[agent] = requests.get(agent, 0.0) + share
                row = table.setdefault(agent, {})
                for w in said:
                    row[w] = row.get(w, 0.0) + share
        return cls(requests, table)

    def to_json(self) -> str:
        """Stable, compact text (sorted keys, weights rounded) so that a refit shows as a readable diff."""

        def rounded(x: float) -> float:
            return round(x, 4)

        data = {
            "requests": {a: rounded(n) for a, n in sorted(self.requests.items())},
            "words": {a: {w: rounded(n) for w, n in sorted(ws.items())} for a, ws in sorted(self.words.items())},
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True, indent=0) + "\n"


class WordModel:
    """A naive Bayes over the agents of one library: :meth:`posterior` says how likely each is to be accepted.

    Built once per library version; a query is a few dictionary lookups per word (well under a millisecond for
    the whole library), because only the agents a word was ever seen with differ from the "unseen" default.
    """

    def __init__(self, agents: Iterable[Agent], counts: Counts) -> None:
        tables: dict[str, dict[str, float]] = {}
        priors: dict[str, float] = {}
        for agent in agents:
            row = dict(counts.words.get(agent.name, {}))
            for w in words(" ".join([agent.name.replace("-", " "), agent.description, *agent.tags])):
                row[w] = row.get(w, 0.0) + DESCRIPTION_WEIGHT
            tables[agent.name] = row
            priors[agent.name] = BASE_PRIOR + counts.requests.get(agent.name, 0.0)
        vocabulary = {w for row in tables.values() for w in row}
        size = len(vocabulary) or 1
        total = sum(priors.values()) or 1.0
        self.names = list(tables)
        self._asked = {a for a in self.names if counts.requests.get(a, 0.0) > 0}
        #: log P(agent), and the log of "a word it never went with", per agent (in the order of names)
        self._prior = [math.log(priors[a] / total) for a in self.names]
        self._unseen = [math.log(ALPHA / (sum(tables[a].values()) + ALPHA * size)) for a in self.names]
        #: word -> (position of an agent it was seen with, how much more than unseen it says for that agent (log)),
        #: in tuples of numbers: the garbage collector need not walk them, which keeps its pauses out of a pick
        self._place = {a: i for i, a in enumerate(self.names)}
        lifts: dict[str, list[tuple[int, float]]] = {}
        for a, row in tables.items():
            for w, n in row.items():
                lifts.setdefault(w, []).append((self._place[a], math.log((n + ALPHA) / ALPHA)))
        self._lifts = {w: tuple(row) for w, row in lifts.items()}

    def posterior(
        self, text: str, project_type: str = "", recent_agents: Sequence[str] = ()
    ) -> list[tuple[str, float]]:
        """Every agent with the probability that a person would accept it for ``text``, most likely first."""
        # Each word once: a word said ten times ("make a todo app make a todo app ...") is not ten times the evidence.
        lifts = self._lifts
        said = [w for w in dict.fromkeys((*words(text), *context_words(project_type, recent_agents))) if w in lifts]
        if not self.names:
            return []
        n = len(said)
        scores = [p + n * u for p, u in zip(self._prior, self._unseen, strict=True)]
        for w in said:
            for i, lift in lifts[w]:
                scores[i] += lift
        top = max(scores)
        weights = [math.exp(x - top) for x in scores]
        total = sum(weights)
        return sorted(zip(self.names, [x / total for x in weights], strict=True), key=lambda p: (-p[1], p[0]))

    def known_share(self, text: str) -> float:
        """How much of the request's words the model has ever seen (0..1): it ignores the others, so its certainty
        says little about a request whose main words it does not know ("a *colouring* book of farm animals")."""
        said = {w for w in words(text) if "_" not in w}
        return sum(1 for w in said if w in self._lifts) / len(said) if said else 0.0

    def learned_about(self, agent: str) -> bool:
        """Whether people's requests taught the model about ``agent`` (not only its description, as for a user's
        own agent): only then can it weigh the agent fairly against another."""
        return agent in self._asked

    def telling(self, text: str, agent: str, limit: int = 3) -> list[str]:
        """The request's words (as written) that most speak for ``agent``, in the request's order."""
        at = self._place.get(agent)
        said: dict[str, str] = {}
        edge: dict[str, float] = {}  # how much more a word says for this agent than for any other
        for stem, w in said_words(text):
            mine, other = None, 0.0
            for i, lift in self._lifts.get(stem, ()):
                if i == at:
                    mine = lift
                elif lift > other:  # a lift is always above 0
                    other = lift
            if mine is not None:
                said[stem] = w
                edge[stem] = mine - other

        keep = set(sorted(said, key=lambda stem: -edge[stem])[:limit])
        return [w for stem, w in said.items() if stem in keep]


_CACHE: weakref.WeakKeyDictionary[Index, WordModel] = weakref.WeakKeyDictionary()
_COUNTS: list[Counts] = []


def word_model(index: Index) -> WordModel:
    """The :class:`WordModel` of a library's index, built once per library version from the committed counts."""
    found = _CACHE.get(index)
    if found is None:
        if not _COUNTS:
            _COUNTS.append(Counts.load())
        found = _CACHE[index] = WordModel(index.agents, _COUNTS[0])
    return found
