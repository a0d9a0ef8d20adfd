"""Auto-select: the agent a person would pick for a request, how sure we are, and why, in plain words.

Two steps, the way a person chooses:

1. **What is asked for** (:mod:`services.agent.intent`): a game, a website, a dashboard, a backend, a phone
   app or an everyday app; a follow-up in a project; a bug report.  That decides the **generalist**:
   the all-rounder for that kind (``game-developer`` for a game, ``frontend-developer`` for an everyday
   app), or, in a follow-up, the **project's agent** (the one that wrote its earlier turns).
2. **Whether a specialist is clearly asked for** (:mod:`services.agent.subjects`): the specialist's own
   subject named or described ("asteroids" for the arcade game developer, "screen reader" for the
   accessibility expert), weighed by how specific the words are and whether they are the head of the
   request or a modifier ("a timer *with a dark theme*").  Only a strong, specific signal moves the pick
   away from the generalist.
3. **What people who asked like this picked** (:mod:`services.agent.wordmodel`): a word model learned from
   labelled requests.  When it finds another agent far likelier than the rules' pick (:data:`LEARNED_ODDS`), and
   knows most of the request's words (:data:`LEARNED_KNOWN`), its agent is picked, except for a bug report or
   when the rules picked an agent it knows only from its description (a user's own agent takes part on equal terms):
   wording the rules do not list ("keep track of what stock I have" for a yarn shop is an everyday app, not a
   shop) is where rules fail most on requests nobody tuned them on.  Its next two choices are also offered as
   runners-up, and what it says of the pick is part of the confidence.

The confidence shown is calibrated (:mod:`services.agent.calibration`): of the picks shown at 80 %,
about 80 % are the agent a person would accept, on the evaluation set in ``tests/data/routing.tsv``.
Below :data:`UNCERTAIN` the pick is the generalist, said as "no clear specialist", with two runners-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vibing.services.agent import calibration, intent, project_types, wordmodel
from vibing.services.agent.lexicon import UI_PARTS
from vibing.services.agent.parser import Agent
from vibing.services.agent.registry import Library
from vibing.services.agent.search import Match
from vibing.services.agent.subjects import NAME, TAG, Subjects, subjects

#: The all-rounders for each kind of request, the first one in the library wins.
GENERALISTS: dict[str, tuple[str, ...]] = {
    "game": ("game-developer", "arcade-game-developer", "unity-developer"),
    "website": ("marketing-site-builder", "landing-page-builder", "frontend-developer", "fullstack-developer"),
    "page": ("landing-page-builder", "frontend-developer", "fullstack-developer"),
    "app": ("frontend-developer", "fullstack-developer", "vanilla-js-expert"),
    "dashboard": ("dashboard-builder", "frontend-developer"),
    "api": ("backend-architect", "fullstack-developer", "nodejs-developer"),
    "mobile-app": ("mobile-developer", "frontend-developer"),
}
FALLBACKS = ("fullstack-developer", "frontend-developer")
#: Words that ask for a backend itself; "saved in a database" alone asks for an app that keeps data.
BACKEND_WORDS = frozenset("api apis backend endpoint endpoints rest graphql microservice microservices webhook".split())
DEBUGGER = "debugger"

#: What the generalist of a clearly said kind starts with (times 0.5 + 0.5 x how clearly).
GENERALIST_POINTS = 1.78
#: What the full-stack all-rounder starts with when accounts and saved data are both asked for.
FULL_STACK_POINTS = 3.7
#: What the project's agent starts with in a follow-up.
PROJECT_POINTS = 2.1
#: What the debugger starts with for a bug report (in a follow-up it stays just behind the project's agent).
DEBUGGER_POINTS = 1.72
#: What a generalist or the project's agent has over a specialist named exactly as strongly.
TIE_BREAK = 0.2
#: Specialist evidence below this is noise (one description word), not a reason to pick.
MIN_EVIDENCE = 0.85
#: Below this calibrated confidence the pick is said to be unclear ("no clear specialist, using <generalist>"),
#: the generalist (or the project's agent) is used and two runners-up are offered.  Measured on the tuning half,
#: picks shown under 85 % are right about three times in four, those above about nine times in ten.
UNCERTAIN = 0.85
#: A helper's evidence must be at least this share of the primary's.
HELPER_RATIO = 0.5
MAX_TERMS = 64
#: A specialist named by a single word said only in an aside ("how many tins, if I put in the *size* of the walls",
#: "a chess ladder, who is *ranked* where") is not what the request is: its evidence counts this much.
ASIDE_FACTOR = 0.5
#: A subject word counts towards "named twice" from this many points (a description word does not).
ASIDE_MIN = 0.3
#: How many times likelier than the rules' pick the word model must find its own for its pick to replace the rules'
#: (chosen on four blind sets, each judged by the rules of its day and a word model that had not seen it: from 400
#: to 3,000 times the gain was about the same, 4-15 points of top-1 over the rules alone; an absolute threshold of
#: 0.95 did worse on the hardest set, and follow-ups gained too).
LEARNED_ODDS = 1000.0
#: ...and the share of the request's words it must know (it ignores the others; on the same sets this kept the
#: gain and avoided overconfident picks made from a request's side words).
LEARNED_KNOWN = 0.7
#: How many of the word model's next choices come first among the runners-up (on the blind sets, when the pick was
#: wrong, the agent wanted was the word model's next choice about half the time).
LEARNED_RUNNERS_UP = 2
#: What a specialist named only by the part of the project that broke keeps of its evidence.
BROKEN_PART_FACTOR = 0.3
#: ...and only when the thing asked for is said this clearly.
ASIDE_KIND = 0.5


@dataclass(slots=True)
class Pick:
    agent: Agent
    score: float
    #: "specialist", "generalist", "project", "fallback", or "project-type" for a helper.
    source: str
    reason: str
    matches: list[Match] = field(default_factory=list)


#: The reason shown beside an agent that the word model offers as a runner-up.
OFTEN_PICKED = "often picked for requests like this"


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
    runners_up: list[Pick] = field(default_factory=list)
    uncertain: bool = False
    kind: str = ""
    generalist: str = ""
    follow_up: bool = False
    #: What the confidence was computed from (for fitting and checking the calibration).
    features: calibration.Features | None = None


@dataclass(slots=True)
class _Candidate:
    position: int
    evidence: float = 0.0
    start: float = 0.0
    source: str = "specialist"
    matches: list[Match] = field(default_factory=list)

    #: Points from the words that said the kind ("server" in "an express server").
    kind_evidence: float = 0.0
    #: How many distinct words of the request name the agent's subject, and whether one says it firmly (in the
    #: leading clause, as a phrase, twice, in a role position, or the agent's whole subject by name).
    keys: int = 0
    firm: bool = False
    #: How many of those words name a part of the app ("the login button", "the contact form").
    parts: int = 0

    @property
    def score(self) -> float:
        # A generalist (or the project's agent) stands on its place or on what the request names, not both, and
        # the words that said the kind are its place already: "server" does not make an express server the
        # backend architect's, "game" in "a snake game" does not count twice for game-developer.
        if self.start:
            return max(self.evidence - self.kind_evidence, self.start) + TIE_BREAK
        return self.evidence


def _builder(library: Library, recent_agents: list[str] | tuple[str, ...]) -> str:
    """The project's agent: the one that wrote most of its turns, the earliest on a tie (the one that built it).

    A specialist called once (an SEO pass, a login added) does not take the project over.
    """
    counts: dict[str, int] = {}
    for name in recent_agents:
        if name in library.index.by_name:
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda n: counts[n], default="")  # max keeps the first of equals: the earliest


def _first_in_library(library: Library, names: tuple[str, ...]) -> str:
    return next((n for n in names if n in library.index.by_name), "")


def _evidence(table: Subjects, reading: intent.Intent) -> dict[int, _Candidate]:
    """Each agent's evidence: its subject terms the request names, weighed by specificity and position.

    A word counts once per agent, at its best: "login" matching auth-specialist's tag and, through its hint
    "auth", its name is one piece of evidence, not two.
    """
    best: dict[int, dict[str, tuple[float, Match, bool, bool, bool]]] = {}
    # Each term: stem, weight, as written, context, key, firm (what the request says it is, not an aside), hint, data.
    terms = [
        (
            w.stem,
            w.weight,
            w.written or w.text,
            w.context,
            w.key or w.text,
            (w.lead and not w.loose) or w.role or w.stem in reading.corroborated,
            w.hint,
            w.data,
            w.loose,
            w.part,
        )
        for w in reading.words[:MAX_TERMS]
    ]
    terms += [
        (
            w.stem,
            w.weight,
            w.written,
            w.context,
            w.written,
            True,
            False,
            False,
            False,
            w.written.split()[-1] in UI_PARTS,
        )
        for w in reading.pairs[:MAX_TERMS]
    ]
    for stem, weight, written, context, key, firm, hint, data, loose, part in terms:
        postings = table.postings.get(stem)
        if not postings:
            continue
        for position, term_weight, where in postings:
            # A specialist's own name after "with" ("with tailwind", "in phaser") says how, not a feature...
            # ...but what a tool holds does not say how ("a paint calculator" is no paint app).
            said = max(weight, intent.NAMED_WEIGHT) if where == NAME and not context and not data else weight
            points = term_weight * table.specificity(stem, where, position) * said
            words = best.setdefault(position, {})
            old = words.get(key)
            if old is None or points > old[0]:
                match = Match(written, stem, [where], round(points, 2), "context" if context else "word")
                # The agent's whole subject said in so many words ("vue", "svelte") is never an aside.
                named = where == NAME and not (hint or loose) and table.subjects[position].name_words == 1
                words[key] = (points, match, stem in reading.kind_stems, firm or named, part)
    found: dict[int, _Candidate] = {}
    for position, words in best.items():
        candidate = found[position] = _Candidate(position)
        for points, match, kind_word, firm, part in words.values():
            candidate.evidence += points
            candidate.kind_evidence += points if kind_word else 0.0
            candidate.matches.append(match)
            if match.fields[0] in (NAME, TAG) and match.how != "context" and match.points >= ASIDE_MIN:
                candidate.keys += 1
                candidate.firm = candidate.firm or firm
                candidate.parts += part
    return found


def _strong(candidate: _Candidate) -> float:
    """The evidence from the agent's name and tags (its subject) said as the request, not as its context."""
    return sum(m.points for m in candidate.matches if m.fields[0] in (NAME, TAG) and m.how != "context")


def _words_of(matches: list[Match], limit: int = 4) -> str:
    seen: list[str] = []
    for m in sorted(matches, key=lambda m: -m.points):
        if m.word not in seen:
            seen.append(m.word)
        if len(seen) >= limit:
            break
    return ", ".join(seen)


#: Why a runner-up is offered, in words.
WROTE_IT = "wrote this project's earlier turns"
ALL_ROUNDER = "the all-rounder for this kind of request"

_NOT_A_REQUEST = {
    "empty": "the request is empty",
    "not text": "the request is not text",
    "no words": "the request has no words to go on",
    "code only": "the request is code with no words about what to do",
}


def select(
    library: Library,
    prompt: str,
    project_type: str = "",
    max_helpers: int = 2,
    *,
    files: list[str] | tuple[str, ...] = (),
    recent_agents: list[str] | tuple[str, ...] = (),
    word_model: wordmodel.WordModel | None = None,
) -> Selection | None:
    """Pick the agent for ``prompt`` in a project of ``project_type`` with ``files`` written by ``recent_agents``.

    None only when the library is empty; any text (empty, binary, huge, emoji, code) gets a pick.
    ``word_model`` replaces the library's own (fitting uses one that has not seen the requests it is tried on).
    """
    if not library.index.agents:
        return None
    table = subjects(library.index)
    reading = intent.read(prompt if isinstance(prompt, str) else "", table.mender)
    given_type = project_types.get(project_type) if project_type else None
    project_agent = _builder(library, recent_agents)
    follow_up = bool(project_agent or files)

    # 1. What is asked for, and its generalist.
    kind = reading.kind
    if follow_up and given_type is not None and (not kind or reading.kind_strength < 0.5):
        kind = "app" if given_type.id == "website" and kind in ("", "app") else given_type.id
    if not kind and given_type is not None:
        kind = given_type.id
    generalists = GENERALISTS.get(kind or "app", ())
    backend_said = kind == "api" and bool(set(reading.kind_words) & BACKEND_WORDS)
    # "a database for a library: books, members, loans" asks for the database itself: its members are data.
    head = [w.text for w in reading.words if not w.hint][:2]
    database_said = kind == "api" and any(w in ("database", "databases", "schema") for w in head)
    full_stack = reading.full_stack and not database_said
    if full_stack and (kind or "app") in ("app", "website", "page", "dashboard", "api") and not backend_said:
        generalists = ("fullstack-developer", *generalists)
    generalist = _first_in_library(library, generalists) or _first_in_library(library, FALLBACKS)
    if not generalist:
        generalist = library.index.agents[0].name
    if follow_up and not project_agent:
        project_agent = generalist  # an opened folder or an imported project: its type's all-rounder
    ptype = project_types.get(intent.KIND_PROJECT_TYPE.get(kind, "")) or given_type
    guessed = ptype is not None and ptype is not given_type

    # Who holds the pick unless a specialist is clearly asked for.
    keeper = project_agent if follow_up else generalist

    # 2. Who is clearly asked for.
    candidates = {} if reading.not_a_request else _evidence(table, reading)
    by_name = table.by_name

    def start(name: str, points: float, source: str) -> None:
        position = by_name.get(name)
        if position is None:
            return
        candidate = candidates.get(position)
        if candidate is None:
            candidate = candidates[position] = _Candidate(position)
        if points > candidate.start:
            candidate.start, candidate.source = points, source

    clarity = 0.5 + 0.5 * reading.kind_strength if reading.kind else 0.5
    if follow_up:
        start(project_agent, PROJECT_POINTS, "project")
        if full_stack and project_agent != "fullstack-developer":
            start("fullstack-developer", FULL_STACK_POINTS, "specialist")  # accounts and a real database now
        if reading.bug_report and project_agent != DEBUGGER:
            start(DEBUGGER, DEBUGGER_POINTS * 0.9, "specialist")
    else:
        if full_stack and generalist == "fullstack-developer":
            start(generalist, FULL_STACK_POINTS, "generalist")  # accounts + saved data say the kind clearly
        else:
            start(generalist, GENERALIST_POINTS * clarity, "generalist")
        if reading.bug_report:
            start(DEBUGGER, DEBUGGER_POINTS, "specialist")
    # A thing to build is asked for ("a paint calculator", "a chess ladder"), not a task on existing work.
    broken = follow_up and reading.bug_report
    building = bool(reading.kind) and reading.kind_strength >= ASIDE_KIND and not (follow_up or reading.task)
    for candidate in candidates.values():
        if candidate.start == 0.0 and _strong(candidate) < MIN_EVIDENCE:
            candidate.evidence *= 0.5  # description words alone: a hint, never a reason
        elif candidate.start == 0.0 and broken and 0 < candidate.keys == candidate.parts:
            # In a bug report on the project, the part that broke ("the login button doesn't work", "the contact form
            # doesn't send") is the builder's or the debugger's, not a request for accounts or a new form.
            candidate.evidence *= BROKEN_PART_FACTOR
        elif candidate.start == 0.0 and candidate.keys == 1 and not candidate.firm and building:
            candidate.evidence *= ASIDE_FACTOR  # one word said in passing

    agents = table.agents
    ranked = sorted(candidates.values(), key=lambda c: (-c.score, agents[c.position].name))
    # Nothing to go on (not a request; or no kind, no follow-up and no specialist's subject): the all-rounder.
    vague = not (reading.kind or follow_up or reading.bug_report) and all(_strong(c) < MIN_EVIDENCE for c in ranked)
    if not ranked or reading.not_a_request or vague:
        top = _Candidate(by_name[generalist], source="fallback")
        ranked = [top] + [c for c in ranked if c.position != top.position]
    top = ranked[0]
    if top.source == "specialist" and top.start == 0.0 and _strong(top) < MIN_EVIDENCE:
        top.source = "weak"

    # 3. What people who asked like this picked: nearly sure of another agent, it is the pick.
    learned: list[tuple[str, float]] = []
    model = word_model or wordmodel.word_model(library.index)
    if not reading.not_a_request:
        context = (given_type.id if given_type else project_type, recent_agents) if follow_up else ("", ())
        learned = [(a, p) for a, p in model.posterior(prompt, *context) if a in by_name]
    likely = dict(learned)

    def judged(candidate: _Candidate) -> tuple[calibration.Features, float]:
        """The features of a pick and its confidence, rounded as shown ("85 %" is not below 85 %)."""
        others = [c.score for c in ranked if c is not candidate]
        runner = max(others, default=0.0)
        name = agents[candidate.position].name
        heard = candidate.source != "fallback"  # nothing to go on: no word of it says anything, the model's neither
        # An agent the model knows only by its description (a user's own) is weighed by the rules alone, as if the
        # model agreed: it has no requests to disagree from, and the user's agent must take part on equal terms.
        unheard = heard and not model.learned_about(name)
        found = calibration.Features(
            source=candidate.source,
            margin=(candidate.score - runner) / candidate.score if candidate.score > 0 else 0.0,
            evidence=_strong(candidate),
            kind_strength=reading.kind_strength,
            follow_up=follow_up,
            learned=1.0 if unheard else likely.get(name, 0.0) if heard else 0.0,
            agrees=unheard or (heard and bool(learned) and learned[0][0] == name),
        )
        return found, round(calibration.confidence(found), 2)

    overruled: _Candidate | None = None
    # A bug report is read by its structure (the part that broke stays with who built it), not by its words.
    rules_pick = agents[top.position].name
    firm = bool(learned) and learned[0][1] >= LEARNED_ODDS * likely.get(rules_pick, 0.0) and not reading.bug_report
    firm = firm and model.known_share(prompt) >= LEARNED_KNOWN and model.learned_about(rules_pick)
    if firm and learned[0][0] != rules_pick:
        name = learned[0][0]
        chosen = candidates.get(by_name[name]) or _Candidate(by_name[name])
        if name == keeper:
            chosen.source = "project" if follow_up else "generalist"
        elif chosen.source == "weak" or (chosen.source == "specialist" and _strong(chosen) < MIN_EVIDENCE):
            chosen.source = "learned"
        ranked = [chosen] + [c for c in ranked if c is not chosen]
        overruled, top = top, chosen

    features, confidence = judged(top)
    # Vague words are an unclear request too (runners-up help), however often the all-rounder is then the right
    # one (which is what its confidence says); text that is no request at all is not.
    uncertain = (confidence < UNCERTAIN or top.source == "fallback") and not reading.not_a_request
    # An unsure pick of the word model's stays: on the blind sets the rules were never tuned on, such picks were right
    # about 7 times in 10, the all-rounder instead 4 in 10.  It is said to be unsure, with two runners-up.
    unsure_specialist = top.source in ("specialist", "weak") and overruled is None
    if uncertain and unsure_specialist and agents[top.position].name != DEBUGGER:
        # Not sure enough to move away from the generalist (or the project's agent): say so and keep it.
        kept = next((c for c in ranked if agents[c.position].name == keeper), None)
        if kept is None:
            kept = _Candidate(by_name[keeper], source="project" if follow_up else "generalist")
        ranked = [kept] + [c for c in ranked if c is not kept]
        top = kept
        features, confidence = judged(top)
    if top.source == "weak":
        top.source = "specialist"

    primary_agent = agents[top.position]
    telling = model.telling(prompt, primary_agent.name) if top.source == "learned" else []
    explanation = _explain(reading, top, primary_agent, table, kind, follow_up, uncertain, telling)
    primary = Pick(primary_agent, round(top.score, 2), top.source, explanation, top.matches)
    # The next candidates that the request really points at (its subject, or the project's or kind's place)...
    runners_up = [
        Pick(agents[c.position], round(c.score, 2), c.source, _short_reason(c, table), c.matches)
        for c in ranked[1:]
        if c.start or _strong(c) >= MIN_EVIDENCE
    ][:2]
    # The rules' own pick when the word model overruled it, then the word model's next choices, come first: between
    # them the agent a person wants is nearly always one click away (on the blind sets, an accepted agent was among
    # the pick and its two runners-up 98.9 % of the time, against 97.4 % with the all-rounders offered first).
    front: list[Pick] = []
    if overruled is not None:
        front.append(
            Pick(
                agents[overruled.position],
                round(overruled.score, 2),
                overruled.source,
                _short_reason(overruled, table),
                overruled.matches,
            )
        )
    for name, _ in [p for p in learned if p[0] != primary_agent.name][:LEARNED_RUNNERS_UP]:
        position = by_name[name]
        known = candidates.get(position)
        why = (
            _short_reason(known, table)
            if known is not None and (known.start or _strong(known) >= MIN_EVIDENCE)
            else OFTEN_PICKED
        )
        front.append(Pick(agents[position], 0.0, "learned", why, []))
    if front:
        names = {primary_agent.name}
        merged = []
        for p in front + runners_up:
            if p.agent.name not in names:
                names.add(p.agent.name)
                merged.append(p)
        runners_up = merged[:2]
    # A specialist's pick keeps the all-rounder (or the project's agent) one click away.
    if (
        top.source in ("specialist", "learned")
        and keeper != primary_agent.name
        and keeper not in {p.agent.name for p in runners_up}
        and not front
    ):
        position = table.by_name.get(keeper)
        if position is not None:
            reason = WROTE_IT if follow_up else ALL_ROUNDER
            runners_up = runners_up[:1] + [Pick(agents[position], 0.0, "generalist", reason, [])]
    # ...then the all-rounders, so that there are always two to switch to when the library has them.
    shown = {primary_agent.name, *(p.agent.name for p in runners_up)}
    for name, why in (
        (project_agent, WROTE_IT),
        (generalist, ALL_ROUNDER),
        *((n, "an all-rounder") for n in GENERALISTS.get(kind or "app", ()) + FALLBACKS),
    ):
        if len(runners_up) >= 2:
            break
        position = table.by_name.get(name) if name else None
        if position is not None and name not in shown:
            runners_up.append(Pick(agents[position], 0.0, "generalist", why, []))
            shown.add(name)
    helpers = _helpers(library, ranked, top, ptype, guessed, max_helpers, table)
    return Selection(
        primary=primary,
        helpers=helpers,
        confidence=round(confidence, 2),
        fallback=top.source == "fallback",
        project_type=ptype.id if ptype else "",
        project_type_guessed=guessed,
        words=[w.text if not w.written else f"{w.written}->{w.text}" for w in reading.words[:MAX_TERMS]],
        explanation=explanation,
        runners_up=runners_up,
        uncertain=uncertain,
        kind=(f"a follow-up to {intent.KIND_LABELS.get(kind, 'an app')}" if follow_up else reading.kind_label)
        if kind
        else "",
        generalist=generalist,
        follow_up=follow_up,
        features=features,
    )


def _short_reason(candidate: _Candidate, table: Subjects) -> str:
    said = _words_of([m for m in candidate.matches if m.fields[0] in (NAME, TAG)]) or _words_of(candidate.matches)
    if candidate.source == "project":
        return WROTE_IT
    if candidate.start and table.agents[candidate.position].name == DEBUGGER:
        return "finds and fixes what does not work"
    if candidate.source == "generalist":
        return ALL_ROUNDER
    return f"about {table.subjects[candidate.position].phrase}" + (f" ({said})" if said else "")


def _explain(
    reading: intent.Intent,
    top: _Candidate,
    agent: Agent,
    table: Subjects,
    kind: str,
    follow_up: bool,
    uncertain: bool,
    telling: list[str] | None = None,
) -> str:
    name = agent.name
    kind_label = intent.KIND_LABELS.get(kind, "an app")
    kind_words = f" ({', '.join(reading.kind_words)})" if reading.kind_words else ""
    if top.source == "fallback":
        if not reading.not_a_request:
            return f"No clear specialist, using {name}: nothing in the request says what kind of thing to build."
        return f"Using {name}: {_NOT_A_REQUEST[reading.not_a_request]}, so the all-rounder takes it."
    said = _words_of([m for m in top.matches if m.fields[0] in (NAME, TAG)]) or _words_of(top.matches)
    if top.source == "project":
        if uncertain:
            why = "you reported a problem in the project it wrote" if reading.bug_report else "it wrote this project's"
            why += "; the debugger is the alternative" if reading.bug_report else " earlier turns"
            return f"No clear specialist, keeping {name}: {why}."
        if reading.bug_report:
            return f"Kept {name}: you reported a problem in the project it wrote; the debugger is the alternative."
        return f"Kept {name}: a follow-up to the {kind_label.split(' ', 1)[-1]} it wrote."
    if top.source == "generalist":
        if uncertain:
            return f"No clear specialist, using {name}: you asked for {kind_label}{kind_words}."
        own = [m for m in top.matches if m.fields[0] in (NAME, TAG) and m.term not in reading.kind_stems]
        said_too = [w for w in _words_of(own).split(", ") if w and w not in reading.kind_words]
        words = ", ".join([*reading.kind_words, *said_too][:4])
        return f"Picked {name}: you asked for {kind_label}{f' ({words})' if words else ''}."
    if name == DEBUGGER and reading.bug_report:
        lead = f"No clear specialist, using {name}" if uncertain else f"Picked {name}"
        return f"{lead}: you reported something that does not work{f' ({said})' if said else ''}."
    subject = table.subjects[top.position].phrase
    if top.source == "learned":
        words = f" ({', '.join(telling)})" if telling else ""
        if uncertain:
            return f"No clear specialist, using {name}: requests like yours{words} are most often about {subject}."
        return f"Picked {name}: requests like yours{words} are usually about {subject}."
    words = f" ({said})" if said else ""
    noun = kind_label.rsplit(" ", 1)[-1]
    if kind and subject.endswith(noun):  # "arcade game" for a game: "you asked for an arcade game"
        article = "an" if subject[:1] in "aeiou" else "a"
        return f"Picked {name}: you asked for {article} {subject}{words}."
    return f"Picked {name}: the request is about {subject}{words}."


def _helpers(
    library: Library,
    ranked: list[_Candidate],
    top: _Candidate,
    ptype: project_types.ProjectType | None,
    guessed: bool,
    max_helpers: int,
    table: Subjects,
) -> list[Pick]:
    agents = table.agents
    helpers: list[Pick] = []
    chosen = {agents[top.position].name}
    strong = max(_strong(top), MIN_EVIDENCE)
    for candidate in ranked[1:]:
        if len(helpers) >= max_helpers:
            return helpers
        if _strong(candidate) >= max(2 * MIN_EVIDENCE, HELPER_RATIO * strong):
            agent = agents[candidate.position]
            helpers.append(
                Pick(agent, round(candidate.score, 2), "specialist", _short_reason(candidate, table), candidate.matches)
            )
            chosen.add(agent.name)
    for name in ptype.base_agents if ptype else ():
        if len(helpers) >= max_helpers:
            break
        entry = library.get(name)
        if entry is None or name in chosen:
            continue
        reason = f"base agent of {ptype.id} projects" + (" (type guessed from the request)" if guessed else "")
        helpers.append(Pick(entry.agent, 0.0, "project-type", reason, []))
        chosen.add(name)
    return helpers
