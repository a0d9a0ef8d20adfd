"""The context budget: what of a project's files and conversation one request can carry for its model.

Every follow-up would otherwise resend the whole conversation and every file, until the request no longer fits
the model's context window (the bundled local model has 4,096 tokens) and the provider refuses it.  Here, before
anything is sent, the request is fitted to the model:

1. :func:`limits` reads the model's window and its output reserve: the model table (``costs.py``) for
   Anthropic, ``model_context`` for the local engine, ``openai_context`` for an OpenAI-compatible server; an
   unknown window or one of 0 falls back to a small, safe default rather than to "no limit".
2. :func:`fit` keeps the current files and the last few turns whole.  Older turns are left out, oldest first, in
   blocks of :data:`DROP_BLOCK_TURNS` turns, so that the cut point stays put for several turns and the cached
   prefix up to it (``prompts.py`` places the breakpoints) keeps being read.  The user's requests from the
   left-out turns survive as a one-line recap at the head of the kept conversation.
3. When even the files do not fit, the largest files the prompt does not name are left out (named, so the model
   knows they exist), largest first.  When what is left (the agent, the named files and the prompt) still does
   not fit, :class:`~vibing.errors.LimitExceeded` says how big the request is and what to do.

The token count is an estimate, never a tokenizer: UTF-8 bytes / :data:`BYTES_PER_TOKEN`.  A tokenizer is
model-specific (Anthropic publishes none; the local engine's is only reachable over HTTP) and costs far more
than the 5 ms per turn this step may take; the bytes of a 150 KB project are counted in microseconds.  English
prose and code run 3.5-4.5 bytes per token with Claude's tokenizer and about 3-4 with small open models' BPE,
so 3.0 over-counts slightly for both, and :data:`SAFETY` keeps a further share of the window free: an
over-estimate costs a few turns of history, an under-estimate would cost a refused request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vibing.errors import LimitExceeded
from vibing.schema.stream import ChatTurn
from vibing.services.stream import costs
from vibing.services.stream.turns import Content, images_of, prefixed, text_of

#: UTF-8 bytes per token assumed by the estimate (see the module's docstring for why not a tokenizer): for
#: Claude, and for the small open models of local and OpenAI-compatible servers, whose vocabularies split code
#: and digits finer (SmolLM2's about 3 bytes a token on HTML and JavaScript).
BYTES_PER_TOKEN = 3.0
SMALL_VOCAB_BYTES_PER_TOKEN = 2.5
#: Tokens a message costs beyond its text (role markers, separators).
PER_MESSAGE_TOKENS = 8
#: Share of the window never planned for, against the estimate's error.
SAFETY = 0.08
#: The window assumed when a model's is unknown or configured as 0: small enough for any model in use.
DEFAULT_WINDOW = 8192
#: The window assumed for a Claude model the table does not know.
ANTHROPIC_WINDOW = 200_000
#: The most recent turns (user or assistant messages) always kept, besides the current prompt.
KEEP_TURNS = 4
#: Older turns are left out in blocks of this many, so the kept conversation starts at the same turn for a
#: while and its cached prefix stays valid.
DROP_BLOCK_TURNS = 8
#: The recap of left-out requests: at most this many requests, each cut to this many characters.
RECAP_REQUESTS = 12
RECAP_CHARS = 120


#: An image counts as Anthropic counts it: width * height / 750 tokens, after the API scales it to fit
#: :data:`IMAGE_LONG_EDGE` px on the long edge, and at most :data:`IMAGE_MAX_TOKENS` (an image of unknown size).
IMAGE_LONG_EDGE = 1568
IMAGE_MAX_TOKENS = 1600


def image_tokens(width: int, height: int) -> int:
    """The tokens one image of ``width`` x ``height`` pixels costs."""
    if width <= 0 or height <= 0:
        return IMAGE_MAX_TOKENS
    scale = min(1.0, IMAGE_LONG_EDGE / max(width, height))
    return min(IMAGE_MAX_TOKENS, int(width * scale * height * scale / 750) + 1)


def content_tokens(content: Content, bytes_per_token: float = BYTES_PER_TOKEN) -> int:
    """The tokens of a turn's content: its text (as :func:`estimate_tokens`) and its images."""
    if isinstance(content, str):
        return estimate_tokens(content, bytes_per_token)
    text = estimate_tokens(text_of(content), bytes_per_token)
    return text + sum(image_tokens(b.width, b.height) for b in images_of(content))


def estimate_tokens(text: str, bytes_per_token: float = BYTES_PER_TOKEN) -> int:
    """A cheap, deterministic, slightly pessimistic token count (see the module's docstring)."""
    if not text:
        return 0
    return int(len(text.encode("utf-8", "surrogatepass")) / bytes_per_token) + 1


@dataclass(frozen=True)
class ContextLimits:
    """One model's budget: its context window and the tokens kept for the answer."""

    window: int
    reserve: int
    #: Where the window came from: "model table", "config", or "default" (unknown or 0).
    source: str = "model table"
    bytes_per_token: float = BYTES_PER_TOKEN

    @property
    def input_budget(self) -> int:
        """The tokens the request itself may use."""
        return max(0, int(self.window * (1.0 - SAFETY)) - self.reserve)


def limits(
    provider: str, model: str, max_tokens: int, *, local_context: int = 0, openai_context: int = 0
) -> ContextLimits:
    """The budget of ``model`` at ``provider``; ``max_tokens`` is what the request asks for the answer.

    The output reserve is ``max_tokens`` capped by the model's own output limit, and by a quarter of the window for
    small windows (a 4,096-token local model answering in at most 1,024 tokens leaves room for the project)."""
    window, source = 0, "model table"
    max_output = 0
    if provider == "local":
        window, source = int(local_context or 0), "config"
    elif provider == "openai":
        window, source = int(openai_context or 0), "config"
    else:
        p = costs.price(model)
        if p is not None:
            window, max_output = p.context, p.max_output
    if window <= 0:
        # Every Claude model has at least 200,000 tokens; of other servers nothing is known, so assume little.
        window, source = (ANTHROPIC_WINDOW if provider == "anthropic" else DEFAULT_WINDOW), "default"
    reserve = max(1, int(max_tokens or 1))
    if max_output:
        reserve = min(reserve, max_output)
    if window < 32_768:
        reserve = min(reserve, max(256, window // 4))
    reserve = min(reserve, window // 2)
    bpt = BYTES_PER_TOKEN if provider == "anthropic" else SMALL_VOCAB_BYTES_PER_TOKEN
    return ContextLimits(window=window, reserve=max(1, reserve), source=source, bytes_per_token=bpt)


def limits_for(config: object, provider: str, model: str, max_tokens: int) -> ContextLimits:
    """:func:`limits` with the windows configured for local and OpenAI-compatible models (``model_context``,
    ``openai_context``) read from ``config``."""
    return limits(
        provider,
        model,
        max_tokens,
        local_context=int(getattr(config, "model_context", 0) or 0),
        openai_context=int(getattr(config, "openai_context", 0) or 0),
    )


@dataclass
class Fitted:
    """What one request carries once fitted: the files, the turns, and what was left out (for the note)."""

    files: dict[str, str]
    turns: list[ChatTurn]
    max_tokens: int
    estimate: int
    limits: ContextLimits
    dropped_turns: int = 0
    omitted_files: list[str] = field(default_factory=list)

    @property
    def note(self) -> str:
        """What the person is told, "" when nothing was left out."""
        parts = []
        if self.dropped_turns:
            parts.append("older messages were left out to fit")
        if self.omitted_files:
            shown = ", ".join(self.omitted_files[:5]) + (" ..." if len(self.omitted_files) > 5 else "")
            parts.append(f"files left out to fit: {shown}")
        if not parts:
            return ""
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + f" (the model takes {self.limits.window:,} tokens)."


def _named(path: str, prompt: str) -> bool:
    """Does the prompt name this file (its path, or its file name)?"""
    return path in prompt or path.rsplit("/", 1)[-1] in prompt


#: The agent's instructions may take at most this share of the input budget; the files and turns need the rest.
HEAD_SHARE = 1 / 3


def shorten_agent(agent_prompt: str, fixed_text: str, lim: ContextLimits) -> str:
    """The agent's instructions cut (at a paragraph) so that with ``fixed_text`` (the output format) they take at
    most :data:`HEAD_SHARE` of the budget: on a small local model a long agent would leave no room for the
    project.  "" when not even a paragraph fits (the generic one-line agent is used then)."""
    bpt = lim.bytes_per_token
    room = int(lim.input_budget * HEAD_SHARE) - estimate_tokens(fixed_text, bpt)
    if estimate_tokens(agent_prompt, bpt) <= room:
        return agent_prompt
    raw = agent_prompt.encode("utf-8", "surrogatepass")[: max(0, int(room * bpt) - 8)]
    text = raw.decode("utf-8", "ignore")
    cut = text.rfind("\n\n")
    return text[:cut].rstrip() if cut > 0 else ""


def recap(turns: list[ChatTurn]) -> str:
    """A one-paragraph reminder of the requests in left-out turns (their first words), oldest first."""
    said = [text_of(t.content).strip() for t in turns if t.role == "user"]
    asks = [s.splitlines()[0][:RECAP_CHARS] for s in said if s]
    if not asks:
        return ""
    if len(asks) > RECAP_REQUESTS:
        asks = asks[: RECAP_REQUESTS // 2] + ["..."] + asks[-RECAP_REQUESTS // 2 :]
    return "(Earlier requests in this project, left out to fit: " + " / ".join(asks) + ")"


def fit(
    head: str,
    files: dict[str, str],
    history: list[ChatTurn],
    prompt: Content,
    lim: ContextLimits,
    *,
    files_overhead: int = 40,
    model: str = "",
) -> Fitted:
    """Fit the agent's prompt (``head``), the files and the conversation into ``lim`` (see the module docstring).

    ``history`` is the conversation before ``prompt`` (the current request).  Raises :class:`LimitExceeded` when
    the head, the files the prompt names and the prompt alone exceed the budget."""
    budget = lim.input_budget
    bpt = lim.bytes_per_token
    fixed = estimate_tokens(head, bpt) + content_tokens(prompt, bpt) + PER_MESSAGE_TOKENS + files_overhead
    pictures = 0 if isinstance(prompt, str) else len(images_of(prompt))
    prompt = text_of(prompt)  # the files it names are kept
    file_cost = {p: estimate_tokens(c, bpt) + estimate_tokens(p, bpt) + PER_MESSAGE_TOKENS for p, c in files.items()}
    files_total = sum(file_cost.values())
    turns = [t for t in history if t.content]
    turn_cost = [content_tokens(t.content, bpt) + PER_MESSAGE_TOKENS for t in turns]
    conversation = sum(turn_cost)
    if fixed + files_total + conversation <= budget:
        return Fitted(dict(files), turns, lim.reserve, fixed + files_total + conversation, lim)

    # 1. older turns out, in blocks, keeping the last KEEP_TURNS; the kept part starts with a user turn.
    room = budget - fixed - files_total
    start = 0
    floor = max(0, len(turns) - KEEP_TURNS)
    kept_cost = conversation
    while start < floor and kept_cost > room:
        step = min(DROP_BLOCK_TURNS, floor - start)
        kept_cost -= sum(turn_cost[start : start + step])
        start += step
    # 2. still too big: the last turns go too (oldest first), down to the prompt alone.
    while start < len(turns) and kept_cost > room:
        kept_cost -= turn_cost[start]
        start += 1
    while start < len(turns) and turns[start].role != "user":
        kept_cost -= turn_cost[start]
        start += 1
    kept = turns[start:]
    if start:
        note = recap(turns[:start])
        note_cost = estimate_tokens(note, bpt) + 2
        if note and kept and kept_cost + note_cost <= room:
            kept = [prefixed(kept[0], note + "\n\n")] + kept[1:]
            kept_cost += note_cost
    if fixed + files_total + kept_cost <= budget:
        return Fitted(dict(files), kept, lim.reserve, fixed + files_total + kept_cost, lim, dropped_turns=start)

    # 3. the files alone do not fit: the largest ones the prompt does not name are left out, largest first.
    kept_files = dict(files)
    omitted: list[str] = []
    total = fixed + files_total + kept_cost
    for path in sorted((p for p in files if not _named(p, prompt)), key=lambda p: (-file_cost[p], p)):
        if total <= budget:
            break
        del kept_files[path]
        omitted.append(path)
        total -= file_cost[path] - (estimate_tokens(path, bpt) + 4)  # its name stays, in the list of left-out files
    if total <= budget:
        return Fitted(kept_files, kept, lim.reserve, total, lim, dropped_turns=start, omitted_files=omitted)
    named = sorted(p for p in kept_files if _named(p, prompt))
    what = f"the files it names ({', '.join(named[:5])})" if named else "the agent's instructions"
    raise LimitExceeded(
        f"This request is too large for {model or 'the model'}: the prompt"
        f"{f' with its {pictures} image' + ('s' if pictures > 1 else '') if pictures else ''} and {what} need about "
        f"{total:,} tokens, and the model takes {lim.window:,} (with {lim.reserve:,} kept for the answer). Shorten "
        f"the request, {'attach fewer images, ' if pictures else ''}name fewer or smaller files, or choose a model "
        f"with a larger context window.",
        estimate=total,
        window=lim.window,
        reserve=lim.reserve,
    )


def fit_continuation(system: str, turns: list[ChatTurn], lim: ContextLimits, *, model: str = "") -> Fitted:
    """A continuation's conversation fitted to ``lim``: ``turns`` end with the request being answered and, when
    there is one, the partial answer (the assistant prefill).  Those two always stay, with ``system`` (the agent's
    instructions and, for a generation's, its files: a continuation goes on from the same prefix); the turns
    before them are fitted as a follow-up's are (:func:`fit`: older turns out first, with the recap).
    ``Fitted.turns`` is the whole list to send.  Raises :class:`LimitExceeded` when the request and its partial
    answer alone do not fit."""
    at = len(turns)
    while at > 0 and turns[at - 1].role != "user":
        at -= 1  # the prefill after the request
    at = max(0, at - 1)
    kept = turns[at:]
    said = "\n\n".join(text_of(t.content) for t in kept)
    fitted = fit(system, {}, turns[:at], said, lim, files_overhead=0, model=model)
    fitted.turns = [*fitted.turns, *kept]
    return fitted
