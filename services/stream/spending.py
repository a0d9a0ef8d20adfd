"""Spending limits: before a request is sent to a model, what it would cost against the limits the person set.

Nobody should be surprised by a bill.  The config (``vibing config``, Settings) may set a limit on a day's
spending (all projects, local day), a limit on each project's spending (all time), and a warning threshold for
the day (by default a warning at $5 a day and no limit).  They are read again at each generation, so a limit
changed in Settings applies to the next one.

The estimate is the request's input (the prompt, the conversation and the current files, at about 3.5
characters a token, plus the agent's instructions) priced by ``costs.py`` at the plain input rate, plus a
typical answer (:data:`TYPICAL_OUTPUT_TOKENS`, or ``max_tokens`` when smaller) at the output rate.  It leans
high: it counts every turn and file even when the context budget or the prompt cache make the real request
cheaper, since it only decides whether to ask.  Spending so far is what storage has recorded
(``SpendingSoFar``: the cost of every finished call).

A generation whose estimate would take the day's or the project's spending above its limit is refused with
:class:`~vibing.errors.SpendingLimitReached` (nothing sent, nothing stored) unless the request says the person
agreed (``Generate.over_limit_ok``); the window and ``vibing generate`` ask and send it again.  Every other way
a request reaches a paid model is checked the same way (:func:`check_cost`): a workflow before its run, from the
estimate of all its tasks (:func:`total`), and again before each task, from the task's request as built
(:func:`call_estimate`, ``RunWorkflow.over_limit_ok``); a continuation from its request as built
(``ContinueStream.over_limit_ok``); a title suggestion too, which is never worth asking about: over a limit it
falls back to the title made from the prompt's words.  One that goes above the warning goes through, and its
``GenerationStarted.spending_warning`` (``WorkflowStarted.spending_warning``) says so.  A request that costs
nothing (a local model, an OpenAI-compatible server, an unknown model) is never refused.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from vibing import config as config_mod
from vibing.errors import ConfigError, SpendingLimitReached, VibingError
from vibing.schema.storage import GetProject, LoadProject, SpendingSoFar
from vibing.schema.stream import Generate, Usage
from vibing.services.stream import budget, costs, images, prompts
from vibing.services.stream.turns import images_of, text_of

#: Output tokens of a typical generation (a small app's files and a few words around them).
TYPICAL_OUTPUT_TOKENS = 4000
#: Characters per token of code and English (the same rule of thumb the context meter uses).
CHARS_PER_TOKEN = 3.5
#: The agent's instructions and Vibing's output format, which the request carries besides the project.
INSTRUCTION_TOKENS = 2500


@dataclass(frozen=True)
class SpendingLimits:
    """US dollars; 0 = none."""

    day: float = 0.0
    project: float = 0.0
    warn_day: float = 0.0

    @property
    def any(self) -> bool:
        return bool(self.day or self.project or self.warn_day)


@dataclass(frozen=True)
class Estimate:
    model: str
    input_tokens: int
    output_tokens: int
    usd: float


def limits_in_force(started_with: config_mod.Config, log: Any = None) -> SpendingLimits:
    """The limits as the config file says now (a change in Settings applies at once); the ones the service
    started with when the file has become unreadable (the next start will say what is wrong with it)."""
    try:
        now = config_mod.spending_in_force(started_with)
    except ConfigError as exc:
        if log is not None:
            log.warning("spending.config_unreadable", error=exc.message)
        now = {name: getattr(started_with, name) for name in config_mod.SPENDING_SETTINGS}
    return SpendingLimits(
        day=now["spending_limit_day_usd"],
        project=now["spending_limit_project_usd"],
        warn_day=now["spending_warn_day_usd"],
    )


def start_of_today(now: float | None = None) -> float:
    """Midnight of the local day (the days ``vibing usage`` lists)."""
    t = time.localtime(time.time() if now is None else now)
    return time.mktime((t.tm_year, t.tm_mon, t.tm_mday, 0, 0, 0, 0, 0, -1))


def estimate(
    *,
    model: str,
    provider: str,
    prompt: str,
    history_chars: int,
    file_chars: int,
    max_tokens: int,
    image_tokens: int = 0,
) -> Estimate:
    """What one generation would cost, leaning high (see the module docstring); ``image_tokens`` are those of the
    images it sends (a photo costs about as much as 6 KB of text)."""
    input_tokens = (
        INSTRUCTION_TOKENS + round((len(prompt) + history_chars + file_chars) / CHARS_PER_TOKEN) + image_tokens
    )
    output_tokens = min(TYPICAL_OUTPUT_TOKENS, max_tokens) if max_tokens > 0 else TYPICAL_OUTPUT_TOKENS
    usd = costs.cost_usd(model, Usage(input_tokens=input_tokens, output_tokens=output_tokens), provider)
    return Estimate(model=model, input_tokens=input_tokens, output_tokens=output_tokens, usd=usd)


def call_estimate(call: Any) -> Estimate:
    """What a request as built (a workflow task, a continuation, a title) would cost: its system prompt and its
    turns as they will be sent, and a typical answer (or ``max_tokens`` when smaller)."""
    chars = len(call.system) + sum(len(text_of(t.content)) for t in call.messages)
    pictures = sum(budget.image_tokens(i.width, i.height) for t in call.messages for i in images_of(t.content))
    input_tokens = round(chars / CHARS_PER_TOKEN) + 8 * len(call.messages) + pictures
    output_tokens = min(TYPICAL_OUTPUT_TOKENS, call.max_tokens) if call.max_tokens > 0 else TYPICAL_OUTPUT_TOKENS
    usd = costs.cost_usd(call.model, Usage(input_tokens=input_tokens, output_tokens=output_tokens), call.provider)
    return Estimate(model=call.model, input_tokens=input_tokens, output_tokens=output_tokens, usd=usd)


def total(estimates: list[Estimate]) -> Estimate:
    """Several requests (a workflow's tasks) as one estimate; its model is theirs, or "several models"."""
    models = sorted({e.model for e in estimates if e.model})
    return Estimate(
        model=models[0] if len(models) == 1 else "several models" if models else "",
        input_tokens=sum(e.input_tokens for e in estimates),
        output_tokens=sum(e.output_tokens for e in estimates),
        usd=sum(e.usd for e in estimates),
    )


def _request_estimate(bus: Any, config: config_mod.Config, req: Generate) -> Estimate:
    """The estimate of ``req`` with its project's provider, model, conversation and files."""
    if req.history or req.files:
        project = bus.request("storage", GetProject(project_id=req.project_id), timeout=3.0).project
        history_chars = sum(len(text_of(t.content)) for t in req.history)
        file_chars = sum(len(text) for text in req.files.values())
        history = list(req.history)
    else:
        detail = bus.request("storage", LoadProject(project_id=req.project_id), timeout=5.0)
        project = detail.project
        history_chars = sum(len(m.content) for m in detail.messages if m.role in ("user", "assistant"))
        file_chars = sum(len(f.content) for f in detail.files)
        history = prompts.follow_up_turns(detail.messages)
    # this prompt's images, and those a follow-up sends again (the stream service's own rule)
    _history, resent = images.follow_up(history)
    sizes = [(i.width, i.height) for i in req.images]
    sizes += [(i.width, i.height) for turn in resent for i in images_of(turn.content)]
    provider = req.provider or getattr(project, "provider", "") or config.provider
    model = req.model or getattr(project, "model", "") or ""
    if not model:
        model = config.default_model if provider == "anthropic" else ""
    return estimate(
        model=model,
        provider=provider,
        prompt=req.prompt,
        history_chars=history_chars,
        file_chars=file_chars,
        max_tokens=req.max_tokens,
        image_tokens=sum(budget.image_tokens(w, h) for w, h in sizes),
    )


def _money(usd: float) -> str:
    return f"${usd:,.2f}" if usd >= 0.1 else f"${usd:.3f}"


def check(bus: Any, config: config_mod.Config, req: Generate, log: Any = None) -> str:
    """Raise :class:`SpendingLimitReached` if ``req`` would go over a limit without the person's agreement;
    else the warning to show ("" for none)."""
    if not req.project_id or not req.prompt.strip():
        return ""  # nothing to check against (an empty request is refused by the generation itself)
    return check_cost(
        bus,
        config,
        lambda: _request_estimate(bus, config, req),
        project_id=req.project_id,
        over_limit_ok=req.over_limit_ok,
        log=log,
    )


def check_call(
    bus: Any,
    config: config_mod.Config,
    call: Any,
    *,
    project_id: str = "",
    over_limit_ok: bool = False,
    log: Any = None,
) -> str:
    """:func:`check_cost` for a request as built (a workflow task, a continuation, a title suggestion)."""
    return check_cost(
        bus, config, lambda: call_estimate(call), project_id=project_id, over_limit_ok=over_limit_ok, log=log
    )


def check_cost(
    bus: Any,
    config: config_mod.Config,
    cost_of: Callable[[], Estimate],
    *,
    project_id: str = "",
    over_limit_ok: bool = False,
    what: str = "This request",
    log: Any = None,
) -> str:
    """Raise :class:`SpendingLimitReached` if what ``cost_of`` estimates would go over a limit without the person's
    agreement (``over_limit_ok``); else the warning to show ("" for none).  ``what`` names it in the refusal ("This
    workflow (5 tasks)").  Without a ``project_id`` only the daily limit applies.  Storage not answering is no
    reason to refuse a request: the check is skipped (and logged)."""
    limits = limits_in_force(config, log)
    if not limits.any:
        return ""
    try:
        spent = bus.request("storage", SpendingSoFar(since=start_of_today(), project_id=project_id), timeout=3.0)
        cost = cost_of()
    except VibingError as exc:
        if log is not None:
            log.warning("spending.not_checked", project_id=project_id, error=exc.message)
        return ""
    if cost.usd <= 0:
        return ""  # free: no limit is crossed by it
    day_total = spent.since_usd + cost.usd
    project_total = spent.project_usd + cost.usd
    crossed = []
    if limits.day and day_total > limits.day:
        crossed.append(("day", "today's spending", limits.day, spent.since_usd, day_total, "a day"))
    if limits.project and project_id and project_total > limits.project:
        crossed.append(("project", "this project's spending", limits.project, spent.project_usd, project_total, ""))
    if crossed and not over_limit_ok:
        kind, whose, limit, so_far, after, per = crossed[0]
        raise SpendingLimitReached(
            f"{what} would take {whose} to about {_money(after)}, above your limit of {_money(limit)}"
            f"{' ' + per if per else ''} (spent so far: {_money(so_far)}; {what[:1].lower() + what[1:]}: about "
            f"{_money(cost.usd)} with {cost.model}).",
            limit=kind,
            limit_usd=limit,
            spent_usd=round(so_far, 6),
            estimate_usd=round(cost.usd, 6),
            total_usd=round(after, 6),
            model=cost.model,
        )
    if crossed and log is not None:
        log.info("spending.over_limit_agreed", project_id=project_id, limits=[c[0] for c in crossed])
    if limits.warn_day and day_total >= limits.warn_day:
        return (
            f"Today's spending is about {_money(day_total)} with this request, above your warning of "
            f"{_money(limits.warn_day)} a day (change it in Settings)."
        )
    return ""
