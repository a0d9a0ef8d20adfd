"""A request completed with its agent, files and conversation, fitted to its model's context and ordered for
prompt caching: the one way a generation, a workflow task and the context bench build what they send.

Why a module of its own: generations and workflows both build on it, and neither may build on the other
(``tests/test_stream_layout.py``).
"""

from __future__ import annotations

from typing import Any

import msgspec

from vibing.schema.stream import ChatTurn, ContentBlock
from vibing.services.stream import budget, prefix, prompts
from vibing.services.stream.provider import Call

#: The files each project's follow-ups list (``prefix.py``): this process's, kept across generations.
SNAPSHOTS = prefix.Snapshots()


def fitted_call(
    config: Any,
    call: Call,
    agent_prompt: str,
    files: dict[str, str],
    history: list[ChatTurn],
    prompt: str | list[ContentBlock],
    *,
    project_id: str = "",
    snapshots: prefix.Snapshots | None = None,
) -> tuple[Call, budget.Fitted]:
    """``call`` (checked, with the prompt as its one message) completed with the agent, the files and the
    conversation, fitted to its model's context (``budget.py``) and ordered for prompt caching: the agent's part,
    then the files' part of the system prompt, then the turns (``prompts.system_parts``).  With ``snapshots``,
    the files listed are the project's snapshot while the conversation explains how they changed (``prefix.py``).

    Raises :class:`~vibing.errors.LimitExceeded` when the request cannot fit even with what may be left out."""
    limits = budget.limits(
        call.provider,
        call.model,
        call.max_tokens,
        local_context=int(getattr(config, "model_context", 0) or 0),
        openai_context=int(getattr(config, "openai_context", 0) or 0),
    )
    agent_prompt = budget.shorten_agent(agent_prompt, prompts.OUTPUT_FORMAT, limits)
    head = prompts.system_parts(agent_prompt)[0]
    key = (call.provider, call.model, head)
    listed = snapshots.listing(project_id, key, files, history) if snapshots is not None else files
    fitted = budget.fit(head, listed, history, prompt, limits, model=call.model)
    if listed is not files and not prefix.explained(listed, files, fitted.turns):
        listed = files  # a rewrite the listing relied on was left out to fit: list the current files
        fitted = budget.fit(head, files, history, prompt, limits, model=call.model)
    if snapshots is not None:
        snapshots.keep(project_id, key, listed)
    parts = prompts.system_parts(agent_prompt, fitted.files, fitted.omitted_files)
    turns = [*fitted.turns, ChatTurn(role="user", content=prompt)]
    call = msgspec.structs.replace(
        call,
        system="\n\n".join(parts),
        system_parts=parts,
        messages=turns,
        max_tokens=fitted.max_tokens,
        cache=call.provider == "anthropic",
    )
    return call, fitted
