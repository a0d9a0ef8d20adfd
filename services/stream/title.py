"""A project title from its first prompt: one small, cheap model call, with a fallback made of the prompt's words."""

from __future__ import annotations

import re

TITLE_SYSTEM = (
    "You name small software projects. Reply with only a title of 2 to 5 words for the app the user describes, "
    "in the user's language, in Title Case, without quotes and without a final full stop."
)
_LEAD = re.compile(
    r"^(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:make|build|create|write|generate|code|design|"
    r"give)(?:\s+me)?\s+(?:a|an|the|some|my)?\s*",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_CUT = {"with", "that", "which", "using", "where", "so", "for"}
_SMALL = {"a", "an", "the", "and", "or", "of", "with", "for", "to", "in", "on", "at", "by"}


def fallback_title(prompt: str, max_words: int = 5) -> str:
    text = re.sub(r"\[\[.*?\]\]", " ", prompt)
    text = re.sub(r"\s+", " ", text).strip()
    text = _ARTICLE.sub("", _LEAD.sub("", text))
    words = re.findall(r"[\w'’-]+", text)
    for i, w in enumerate(words):
        if i >= 2 and w.lower() in _CUT:
            words = words[:i]
            break
    words = words[:max_words]
    while words and words[-1].lower() in _SMALL:
        words.pop()
    if not words:
        return "Untitled project"
    return " ".join(w if (i and w.lower() in _SMALL) else w[:1].upper() + w[1:] for i, w in enumerate(words))


#: A model that ignores "2 to 5 words" and writes sentences gives no title (the prompt's words are used).
MAX_TITLE_WORDS = 8


def clean_title(text: str) -> str:
    title = text.strip().splitlines()[0] if text.strip() else ""
    title = title.strip().strip("\"'“”‘’*#`").strip()
    title = re.sub(r"^(?:title\s*:\s*)", "", title, flags=re.IGNORECASE).rstrip(".!")
    if len(title.split()) > MAX_TITLE_WORDS or re.search(r"[.!?]\s", title):
        return ""
    return title[:80].strip()
