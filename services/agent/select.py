"""Auto-select: the best agent (and helpers) for a prompt, with the reasons.

The prompt's words (minus words every request has, like "make" and "app"; plus a few
everyday synonyms, counted at half weight: "login" also means "auth") are scored
against the library's search index.  The best agent is the primary; helpers are
agents scoring at least half as well, then the project type's base agents.  When
nothing in the prompt points at a specialist, a fallback is chosen: the project
type's first base agent, else ``fullstack-developer``, else ``frontend-developer``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vibing.services.agent import project_types
from vibing.services.agent.parser import Agent
from vibing.services.agent.registry import Library
from vibing.services.agent.search import Match, query_terms
from vibing.services.agent.text import PROMPT_STOP_WORDS, SYNONYM_STEMS

#: Below this score a prompt match is not trusted (about one description word of average rarity).
MIN_SCORE = 6.0
#: A helper must score at least this fraction of the primary.
HELPER_RATIO = 0.5
FALLBACKS = ("fullstack-developer", "frontend-developer")
#: Prompts longer than this are cut (the start of a request says what it is about).
MAX_PROMPT_CHARS = 4000
MAX_TERMS = 64
#: Words after "with" (features of the thing asked for) count this much.
MODIFIER_FACTOR = 0.3
#: Nudge for the first base agent of the project type (the next ones get one point less each).
TYPE_BONUS = 4.0


@dataclass(slots=True)
class Pick:
    agent: Agent
    score: float
    #: "prompt" (matched the prompt's words), "project-type" (a base agent), "fallback".
    source: str
    reason: str
    matches: list[Match] = field(default_factory=list)


@dataclass(slots=True)
class Selection:
    primary: Pick
    helpers: list[Pick]
    confidence: float
    fallback: bool
    project_type: str
    project_type_guessed: bool
    words: list[str]
    explanation: str


def _describe(matches: list[Match], limit: int = 6) -> str:
    parts = []
    for m in sorted(matches, key=lambda m: -m.points)[:limit]:
        if m.how == "bonus":
            parts.append(m.word)
            continue
        where = "/".join(m.fields)
        word = m.word.replace("->", " → ")
        parts.append(f"'{word}' in {where}")
    return ", ".join(parts)


def _fallback_agent(library: Library, ptype: project_types.ProjectType | None) -> tuple[Agent | None, str]:
    if ptype is not None:
        for name in ptype.base_agents:
            entry = library.get(name)
            if entry is not None:
                return (
                    entry.agent,
                    f"fallback: no specialist matched the prompt; {name} is the first base agent "
                    f"of {ptype.id} projects",
                )
    for name in FALLBACKS:
        entry = library.get(name)
        if entry is not None:
            return entry.agent, f"fallback: no specialist matched the prompt; {name} builds most apps"
    agents = library.agents()
    if agents:
        return agents[0], "fallback: no specialist matched the prompt and the library has no general agent"
    return None, ""


def select(library: Library, prompt: str, project_type: str = "", max_helpers: int = 2) -> Selection | None:
    """Pick agents for ``prompt``; None only when the library is empty."""
    prompt = prompt[:MAX_PROMPT_CHARS]
    ptype = project_types.get(project_type) if project_type else None
    guessed = False
    if ptype is None:
        guess, _ = project_types.guess(prompt)
        ptype = project_types.BY_ID.get(guess)
        guessed = ptype is not None
    qterms = query_terms(prompt, PROMPT_STOP_WORDS, SYNONYM_STEMS, MODIFIER_FACTOR)[:MAX_TERMS]
    words_used = [q.word for q in qterms]
    # The base agents of the project type get a nudge (half of one when the type was guessed).
    base = [n for n in (ptype.base_agents if ptype else ()) if library.get(n) is not None]
    bonus = {}
    for rank, name in enumerate(base):
        points = (TYPE_BONUS - rank) * (0.5 if guessed else 1.0)
        bonus[name] = (points, f"base agent of {ptype.id} projects")
    index = library.index
    scores, detail = index.score(qterms, prefix=False, bonus=bonus)
    # Only prompt words count towards "a specialist matched"; the nudge orders near-ties.
    prompt_scores = {p: v - bonus.get(index.agents[p].name, (0.0,))[0] for p, v in scores.items()}
    order = index.ranked(scores)
    ranked = [index.explain(p, v, detail) for p, v in order[: max_helpers + 4]]
    best_prompt = max(prompt_scores.values(), default=0.0)

    fallback = best_prompt < MIN_SCORE
    if fallback:
        agent, reason = _fallback_agent(library, ptype)
        if agent is None:
            return None
        primary = Pick(agent, 0.0, "fallback", reason)
        confidence = 0.0
        candidates = []  # nothing matched well: only the project type's base agents help
    else:
        top = ranked[0]
        second = ranked[1].score if len(ranked) > 1 else 0.0
        margin = (top.score - second) / top.score
        confidence = round(min(1.0, top.score / (top.score + 20.0)) * (0.6 + 0.4 * margin), 2)
        primary = Pick(
            top.agent,
            round(top.score, 2),
            "prompt",
            f"best match for the prompt: {_describe(top.matches)}",
            top.matches,
        )
        # A helper must be asked for by the user's own words, not only through a synonym
        # ("todo -> frontend" would otherwise bring every frontend-* agent along).
        candidates = [
            h
            for h in ranked[1:]
            if h.score >= max(MIN_SCORE, HELPER_RATIO * top.score) and any(m.how != "synonym" for m in h.matches)
        ]

    helpers: list[Pick] = []
    chosen = {primary.agent.name}
    for hit in candidates:
        if len(helpers) >= max_helpers:
            break
        helpers.append(
            Pick(hit.agent, round(hit.score, 2), "prompt", f"also matched: {_describe(hit.matches)}", hit.matches)
        )
        chosen.add(hit.agent.name)
    for name in base:
        if len(helpers) >= max_helpers:
            break
        if name in chosen:
            continue
        entry = library.get(name)
        position = index.by_name[name]
        hit = index.explain(position, scores.get(position, 0.0), detail)
        helpers.append(
            Pick(
                entry.agent,
                hit.score,
                "project-type",
                f"base agent of {ptype.id} projects" + (" (type guessed from the prompt)" if guessed else ""),
                hit.matches,
            )
        )
        chosen.add(name)

    type_note = ""
    if ptype is not None:
        type_note = f" Project type: {ptype.id}{' (guessed)' if guessed else ''}."
    if fallback:
        explanation = f"{primary.reason}.{type_note}"
    else:
        explanation = f"{primary.agent.name} ({confidence:.0%} confident): {_describe(primary.matches, 4)}.{type_note}"
    return Selection(
        primary, helpers, confidence, fallback, ptype.id if ptype else "", guessed, words_used, explanation
    )
