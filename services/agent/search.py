"""Full-text search over agents, ranked name > tags/capabilities > description > body.

Each agent's terms are computed once (:func:`agent_terms`, cached on the agent); an
:class:`Index` is an inverted index over a set of agents, built in a few milliseconds
whenever the set changes, so a query is a handful of dictionary lookups.

Scoring: a query term found in an agent earns the sum of the weights of the fields it
appears in (name 10, tags/capabilities 5, description 3, body at most 1.5), times the
term's rarity (idf).  The weights are chosen so that one field outranks all the lower
ones together.  A term matches its word forms (Porter stems: "testing" finds "test"),
a longer word it starts (prefix, counted at half weight, for search-as-you-type),
and two query words written as one ("front end" finds "frontend").
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from vibing.services.agent.parser import Agent
from vibing.services.agent.text import STOP_WORDS, body_stem_counts, cached_stem, stem_counts, words

NAME, TAGS, DESCRIPTION, BODY = 1, 2, 4, 8
FIELD_NAMES = {NAME: "name", TAGS: "tags", DESCRIPTION: "description", BODY: "body"}
WEIGHTS = {NAME: 10.0, TAGS: 5.0, DESCRIPTION: 3.0}
BODY_MAX = 1.5
PREFIX_FACTOR = 0.5
EXACT_NAME_BONUS = 25.0


def field_names(mask: int) -> list[str]:
    return [label for bit, label in FIELD_NAMES.items() if mask & bit]


_BODY_WEIGHT = [0.0] + [min(BODY_MAX, 0.75 + 0.25 * math.log2(n)) for n in range(1, 64)]
_FIELD_ORDER = ((NAME, WEIGHTS[NAME]), (TAGS, WEIGHTS[TAGS]), (DESCRIPTION, WEIGHTS[DESCRIPTION]))


def agent_terms(agent: Agent) -> dict[str, tuple[float, float, int]]:
    """``stem -> (weight in name/tags/description, weight in body, fields mask)``; cached on the agent."""
    if agent.terms is not None:
        return agent.terms
    top = _BODY_WEIGHT[-1]
    terms: dict[str, tuple[float, float, int]] = {
        s: (0.0, _BODY_WEIGHT[n] if n < 64 else top, BODY) for s, n in body_stem_counts(agent.body).items()
    }
    texts = (
        agent.name,
        " ".join(agent.tags) + " " + " ".join(agent.capabilities) + " " + agent.category,
        agent.description,
    )
    for (bit, weight), text in zip(_FIELD_ORDER, texts, strict=False):
        for s in stem_counts(text):
            old = terms.get(s)
            if old is None:
                terms[s] = (weight, 0.0, bit)
            elif not old[2] & bit:
                terms[s] = (old[0] + weight, old[1], old[2] | bit)
    agent.terms = terms
    return terms


@dataclass(slots=True)
class Match:
    """How one query word matched one agent."""

    word: str
    term: str
    fields: list[str]
    points: float
    how: str = "word"  # "word" | "prefix" | "joined" | "exact", or for auto-select "context"


@dataclass(slots=True)
class Hit:
    agent: Agent
    score: float
    matches: list[Match] = field(default_factory=list)


@dataclass(slots=True)
class QueryTerm:
    word: str
    term: str
    factor: float = 1.0
    how: str = "word"


def query_terms(query: str, stop: frozenset[str] = STOP_WORDS) -> list[QueryTerm]:
    """The distinct terms of a search query, and two words written as one ("front end" finds "frontend")."""
    raw = [w for w in words(query) if len(w) > 1 or w.isdigit()]
    kept = [w for w in raw if w not in stop] or raw
    out: list[QueryTerm] = []
    seen: set[str] = set()

    def push(word: str, term: str, how: str) -> None:
        if term not in seen:
            seen.add(term)
            out.append(QueryTerm(word, term, 1.0, how))

    for w in kept:
        push(w, cached_stem(w), "word")
    for a, b in zip(kept, kept[1:], strict=False):
        push(f"{a} {b}", cached_stem(a + b), "joined")
    return out


class Index:
    """A search index over a fixed list of agents.

    Each agent carries its own ``term -> weights`` map; the index adds a sorted vocabulary
    (for prefixes) and builds the posting list of a term the first time a query uses it,
    so building an index is nearly free and a query is a few dictionary lookups.
    """

    MAX_POSTINGS = 20_000

    def __init__(self, agents: Iterable[Agent]) -> None:
        self.agents: list[Agent] = sorted(agents, key=lambda a: a.name)
        self._terms = [agent_terms(agent) for agent in self.agents]
        vocabulary: set[str] = set()
        for terms in self._terms:
            vocabulary.update(terms)
        self.vocabulary = sorted(vocabulary)
        self._known = vocabulary
        self._total = max(1, len(self.agents))
        self._postings: dict[str, tuple[float, list[tuple[int, float, float, int]]]] = {}
        self.by_name = {agent.name: position for position, agent in enumerate(self.agents)}

    def postings(self, term: str) -> tuple[float, list[tuple[int, float, float, int]]] | None:
        """(idf, [(agent position, weight, body weight, fields)]) of a term, or None if no agent has it."""
        found = self._postings.get(term)
        if found is not None:
            return found
        if term not in self._known:
            return None
        plist = []
        for position, terms in enumerate(self._terms):
            entry = terms.get(term)
            if entry is not None:
                plist.append((position, entry[0], entry[1], entry[2]))
        if len(self._postings) >= self.MAX_POSTINGS:
            self._postings.clear()
        found = self._postings[term] = (1.0 + math.log(self._total / len(plist)), plist)
        return found

    def _prefix_terms(self, term: str, limit: int = 8) -> list[str]:
        if len(term) < 3:
            return []
        start = bisect.bisect_left(self.vocabulary, term)
        found = []
        for candidate in self.vocabulary[start : start + 64]:
            if not candidate.startswith(term):
                break
            if candidate != term:
                found.append(candidate)
                if len(found) >= limit:
                    break
        return found

    def score(
        self,
        qterms: list[QueryTerm],
        *,
        prefix: bool = True,
        body: bool = True,
        query: str = "",
    ) -> tuple[dict[int, float], dict[int, list[tuple]]]:
        """Scores by agent position, and the details :meth:`explain` turns into a :class:`Hit`."""
        scores: dict[int, float] = {}
        detail: dict[int, list[tuple]] = {}
        for qt in qterms:
            term = qt.term
            if term in self._known:
                expansions = ((term, qt.factor, qt.how),)
            elif prefix and qt.how == "word":
                expansions = tuple((t, qt.factor * PREFIX_FACTOR, "prefix") for t in self._prefix_terms(term))
            else:
                continue
            if len(expansions) == 1 and body:  # the common case: one term, no best-of to keep
                term, factor, how = expansions[0]
                idf, plist = self.postings(term)
                scale = idf * factor
                word = qt.word
                for position, weight, body_weight, mask in plist:
                    points = (weight + body_weight) * scale
                    scores[position] = scores.get(position, 0.0) + points
                    found = detail.get(position)
                    if found is None:
                        detail[position] = [(points, mask, term, how, word)]
                    else:
                        found.append((points, mask, term, how, word))
                continue
            best: dict[int, tuple] = {}
            for term, factor, how in expansions:
                idf, plist = self.postings(term)
                scale = idf * factor
                for position, weight, body_weight, mask in plist:
                    if body:
                        weight += body_weight
                    else:
                        mask &= ~BODY
                        if not mask:
                            continue
                    points = weight * scale
                    old = best.get(position)
                    if old is None or old[0] < points:
                        best[position] = (points, mask, term, how, qt.word)
            for position, item in best.items():
                scores[position] = scores.get(position, 0.0) + item[0]
                detail.setdefault(position, []).append(item)
        if query:
            wanted = "-".join(re.findall(r"[a-z0-9]+", query.lower()))
            position = self.by_name.get(wanted) if wanted else None
            if position is not None:
                scores[position] = scores.get(position, 0.0) + EXACT_NAME_BONUS
                detail.setdefault(position, []).append((EXACT_NAME_BONUS, NAME, wanted, "exact", query.strip()))
        return scores, detail

    def explain(self, position: int, score: float, detail: dict[int, list[tuple]]) -> Hit:
        items = detail.get(position, [])
        matches = [
            Match(word, term, field_names(mask) if mask else ["project type"], round(points, 2), how)
            for points, mask, term, how, word in items
        ]
        return Hit(self.agents[position], round(score, 3), matches)

    def ranked(self, scores: dict[int, float], limit: int = 0) -> list[tuple[int, float]]:
        agents = self.agents
        order = sorted(scores.items(), key=lambda item: (-item[1], agents[item[0]].name))
        return order[:limit] if limit > 0 else order

    def search(self, query: str, *, limit: int = 10, category: str = "") -> list[Hit]:
        scores, detail = self.score(query_terms(query), query=query)
        if category:
            scores = {p: v for p, v in scores.items() if self.agents[p].category == category}
        return [self.explain(p, v, detail) for p, v in self.ranked(scores, limit)]
