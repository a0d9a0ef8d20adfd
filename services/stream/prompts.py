"""The prompt builder: everything Vibing itself writes into a request to a model.

Three callers need the same texts: a generation (an agent's system prompt plus the project's current files, and
for a follow-up the conversation so far), a continuation (the conversation plus the partial answer as a prefill)
and a workflow task (an agent's system prompt).  Keeping them here, as plain functions of their inputs, means the
launcher, ``generate.py`` and ``workflow.py`` share one wording and none of them depends on another to get it.
The only bus call is :func:`agent_system_prompt`, which reads an agent's body from the agent service.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vibing.schema.agent import GetAgent
from vibing.schema.stream import ChatTurn, ContentBlock, ImageBlock, TextBlock

OUTPUT_FORMAT = """\
## How to answer (Vibing's output format)

You are building a web app that runs as static files in a browser preview (no build step, no server).

- Write every file as a fenced code block whose info string is the language and then the file's path
  relative to the project root, for example:

```html index.html
<!DOCTYPE html>
<html>...</html>
```

```css styles.css
body { ... }
```

```js app.js
...
```

- The entry point is `index.html`. Link the other files with relative paths (`styles.css`, `app.js`).
- The preview has no network by default. These libraries load offline through their usual CDN URLs (jsDelivr,
  unpkg, cdnjs, esm.sh): Tailwind (cdn.tailwindcss.com), three@0.160.0, chart.js@4, d3@7, phaser@3.80.1, vue@3,
  react@18 and react-dom@18 (UMD or ESM), @babel/standalone, htm, alpinejs, gsap, p5, leaflet, lodash, dayjs,
  animejs@3, canvas-confetti, bootstrap@5, bootstrap-icons, Font Awesome 6, lucide, marked, highlight.js,
  matter-js, tone, howler, jquery@3 and common Google Fonts. Anything else (another library, map tiles, a remote API or
  images) works only if the person allows the network for this project: say so.
- Always write the complete content of each file you create or change: no placeholders such as
  "rest unchanged" or "...".
- For a change to an existing project, write only the files you change; the others stay as they are.
- Paths stay inside the project: no absolute paths, no `..`.
- Keep the prose short: a sentence or two before the files, a short summary of what you built after them.
"""

#: Used when no agent is chosen or the agent service is unavailable.
GENERIC_AGENT = "You are an expert web developer who builds complete, polished, accessible web apps."
#: The project's files go into the system prompt up to this many characters (the rest is named, not sent).
MAX_FILES_IN_PROMPT_CHARS = 400_000
#: Stored answers in these states are part of the conversation a follow-up sends.
CONVERSATION_STATUSES = ("complete", "stopped")


def system_prompt(agent_prompt: str, files: dict[str, str] | None = None) -> str:
    """The agent's body, Vibing's output format, then the project's current files (each as a fenced block)."""
    return "\n\n".join(system_parts(agent_prompt, files))


def system_parts(agent_prompt: str, files: dict[str, str] | None = None, omitted: list[str] | None = None) -> list[str]:
    """The system prompt as its stable parts, most stable first: the agent with the output format, then the files.

    Why parts: a provider with prompt caching marks the end of each (``anthropic.py``), so a change to the files
    leaves the agent's part cached, and a new turn leaves both cached.  ``omitted`` names files left out to fit
    the model's context (``budget.py``)."""
    parts = [(agent_prompt.strip() or GENERIC_AGENT) + "\n\n" + OUTPUT_FORMAT]
    if files or omitted:
        parts.append(_files_section(files or {}, omitted or []))
    return parts


def _files_section(files: dict[str, str], omitted: list[str] | None = None) -> str:
    listing = [
        "## The project's current files",
        "",
        "(Where the conversation below writes a file again, that later version is the current one.)",
        "",
    ]
    if omitted:
        listing.append(
            "(Also in the project but left out here to fit the model's context: "
            + ", ".join(omitted)
            + ". Ask to see one if you need it; do not rewrite a file you have not seen.)"
        )
        listing.append("")
    size = 0
    for path, content in sorted(files.items()):
        size += len(content)
        if size > MAX_FILES_IN_PROMPT_CHARS:
            listing.append(f"(further files omitted for length: {path} ...)")
            break
        fence = "````" if "```" in content else "```"
        language = path.rsplit(".", 1)[-1] if "." in path else ""
        listing.append(f"{fence}{language} {path}\n{content.rstrip()}\n{fence}")
    return "\n".join(listing)


def agent_system_prompt(bus: Any, agent: str, *, timeout: float = 3.0) -> str:
    """The system prompt of a generation by ``agent`` (no files: used to continue one and for workflow tasks).

    Raises what the agent service raises (``NotFound`` for an unknown agent, a ``BusError`` when it is down)."""
    detail = bus.request("agent", GetAgent(name=agent), timeout=timeout).agent
    return system_prompt(detail.prompt)


def follow_up_turns(stored: Iterable[Any]) -> list[ChatTurn]:
    """The conversation a follow-up sends: the stored user turns and the finished answers, in order.  A user
    message that carried images becomes a turn of blocks whose images name their stored attachments, without
    their bytes: only those sent again are loaded (``images.follow_up``, ``images.loaded``)."""
    return [
        ChatTurn(role=m.role, content=_stored_content(m), message_id=m.id)
        for m in stored
        if m.role in ("user", "assistant") and m.content and m.status in CONVERSATION_STATUSES
    ]


def _stored_content(m: Any) -> str | list[ContentBlock]:
    attachments = getattr(m, "attachments", None) or []
    if m.role != "user" or not attachments:
        return m.content
    shown: list[ContentBlock] = [
        ImageBlock(media_type=a.media_type, width=a.width, height=a.height, name=a.name, attachment_id=a.id)
        for a in attachments
    ]
    return [*shown, TextBlock(text=m.content)]


def turns_before(stored: Iterable[Any], message_id: str) -> list[ChatTurn]:
    """The conversation up to (not including) the stored message ``message_id``: what an answer being continued
    was answering.  Images are placeholders, as in :func:`follow_up_turns`."""
    turns: list[ChatTurn] = []
    for m in stored:
        if m.id == message_id:
            break
        if m.role in ("user", "assistant") and m.content:
            turns.append(ChatTurn(role=m.role, content=_stored_content(m), message_id=m.id))
    return turns


def continuation_messages(messages: list[ChatTurn], partial: str) -> tuple[list[ChatTurn], str]:
    """The conversation plus the partial answer as an assistant prefill, and the whitespace trimmed
    from its end (the API refuses a final assistant turn that ends in whitespace)."""
    stripped = partial.rstrip()
    trimmed = partial[len(stripped) :]
    turns = [m for m in messages if m.content]
    if stripped:
        turns = turns + [ChatTurn(role="assistant", content=stripped)]
    return turns, trimmed


_AGENT_MODELS = {"opus": "claude-opus-4-5", "sonnet": "", "haiku": "claude-haiku-4-5"}


def agent_model(hint: str) -> str:
    """The Anthropic model an agent's ``model`` hint names ("opus", "haiku", a full id); "" for the default."""
    return _AGENT_MODELS.get(hint, hint if hint.startswith("claude-") else "")
