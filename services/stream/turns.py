"""A chat turn's content, read the same way by every consumer: plain text, or a list of typed blocks.

A :class:`~vibing.schema.stream.ChatTurn` carries either a ``str`` (every turn before issue 20, and every turn
without images or picked elements still) or a list of tagged blocks: text, image, element.  The budget, the
prompt-caching listing, the providers' encoders and the generation flow all need the same few readings of it (its
text as the model reads it, its images, whether it says anything), so they are defined once, here, and no consumer
looks inside ``content`` itself.

The text of a turn is its text blocks joined by blank lines, then one quoted block for its picked elements
(``elements.context_block``): exactly what a plain-string turn built by ``elements.for_model`` says, so a prompt
reads the same to the model whichever way it travelled.
"""

from __future__ import annotations

import msgspec

from vibing.schema.stream import ChatTurn, ContentBlock, ElementBlock, ImageBlock, TextBlock
from vibing.services.stream import elements

Content = str | list[ContentBlock]


def text_of(content: Content) -> str:
    """What the model reads of ``content`` as text (its images left aside)."""
    if isinstance(content, str):
        return content
    texts = [b.text for b in content if isinstance(b, TextBlock) and b.text]
    picked = [b.element for b in content if isinstance(b, ElementBlock)]
    block = elements.context_block(picked) if picked else ""
    return "\n\n".join([*texts, block] if block else texts)


def images_of(content: Content) -> list[ImageBlock]:
    """The images of ``content``, in order (none for a plain-string turn)."""
    if isinstance(content, str):
        return []
    return [b for b in content if isinstance(b, ImageBlock)]


def has_content(turn: ChatTurn) -> bool:
    """Does the turn say anything (text or an image)?  Empty turns are never sent."""
    if isinstance(turn.content, str):
        return bool(turn.content)
    return bool(text_of(turn.content)) or bool(images_of(turn.content))


def simplest(content: Content) -> Content:
    """``content`` as a plain string when it carries no image: the bytes sent for a text-only turn stay those of
    a plain-string turn, so a cached prompt prefix (``prefix.py``) is read whichever way the turn was built."""
    if isinstance(content, str) or images_of(content):
        return content
    return text_of(content)


def prefixed(turn: ChatTurn, text: str) -> ChatTurn:
    """``turn`` with ``text`` before its own text (the budget's recap of left-out requests)."""
    if isinstance(turn.content, str):
        return msgspec.structs.replace(turn, content=text + turn.content)
    blocks = list(turn.content)
    for i, b in enumerate(blocks):
        if isinstance(b, TextBlock):
            blocks[i] = TextBlock(text=text + b.text)
            return msgspec.structs.replace(turn, content=blocks)
    return msgspec.structs.replace(turn, content=[TextBlock(text=text.rstrip()), *blocks])


def without_images(turn: ChatTurn, note: str = "") -> ChatTurn:
    """``turn`` with its images left out (and ``note`` said in their place, when given)."""
    if not images_of(turn.content):
        return turn
    assert not isinstance(turn.content, str)
    blocks: list[ContentBlock] = [b for b in turn.content if not isinstance(b, ImageBlock)]
    if note:
        blocks.append(TextBlock(text=note))
    return msgspec.structs.replace(turn, content=simplest(blocks))
