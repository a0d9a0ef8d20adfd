"""Prices and context windows per model (US dollars per million tokens), for estimates.

Matched by the longest known prefix, so dated ids (``claude-sonnet-4-5-20250929``)
and aliases (``claude-sonnet-4-5``) both work.  Cache writes cost 1.25x the input
price and cache reads 0.1x (:data:`CACHE_WRITE`, :data:`CACHE_READ`), each counted
at its own rate.  Unknown and local models cost 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from vibing.schema.stream import ModelInfo, Usage


@dataclass(frozen=True)
class Price:
    name: str
    input: float
    output: float
    context: int = 200_000
    #: The most output tokens one answer may have (the API refuses a larger ``max_tokens``).
    max_output: int = 64_000


PRICES: dict[str, Price] = {
    "claude-opus-4-5": Price("Claude Opus 4.5", 5.0, 25.0),
    "claude-opus-4-1": Price("Claude Opus 4.1", 15.0, 75.0, max_output=32_000),
    "claude-opus-4": Price("Claude Opus 4", 15.0, 75.0, max_output=32_000),
    "claude-sonnet-4-5": Price("Claude Sonnet 4.5", 3.0, 15.0),
    "claude-sonnet-4": Price("Claude Sonnet 4", 3.0, 15.0),
    "claude-3-7-sonnet": Price("Claude Sonnet 3.7", 3.0, 15.0),
    "claude-3-5-sonnet": Price("Claude Sonnet 3.5", 3.0, 15.0, max_output=8192),
    "claude-haiku-4-5": Price("Claude Haiku 4.5", 1.0, 5.0),
    "claude-3-5-haiku": Price("Claude Haiku 3.5", 0.8, 4.0, max_output=8192),
    "claude-3-haiku": Price("Claude Haiku 3", 0.25, 1.25, max_output=4096),
    "claude-3-opus": Price("Claude Opus 3", 15.0, 75.0, max_output=4096),
}
#: Shown in the model picker, best first.
LISTED = (
    "claude-sonnet-4-5",
    "claude-opus-4-5",
    "claude-haiku-4-5",
    "claude-opus-4-1",
    "claude-sonnet-4",
    "claude-3-5-haiku",
)
#: The cheapest model, for key checks and title suggestions.
CHEAPEST = "claude-haiku-4-5"


#: Newer models of a known family without a listed price: estimated at the family's latest price.
FAMILY_ESTIMATES: dict[str, Price] = {
    "opus": Price("Claude Opus", 5.0, 25.0),
    "sonnet": Price("Claude Sonnet", 3.0, 15.0),
    "haiku": Price("Claude Haiku", 1.0, 5.0),
}


def price(model: str) -> Price | None:
    best = None
    for prefix, p in PRICES.items():
        if model.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, p)
    if best:
        return best[1]
    if model.startswith("claude-"):
        for family, p in FAMILY_ESTIMATES.items():
            if f"-{family}" in model:
                return p
    return None


#: Prompt caching: what a token written to the cache, and one read from it, cost against a plain input token.
CACHE_WRITE = 1.25
CACHE_READ = 0.1


def billed_input_tokens(usage: Usage) -> float:
    """The input of one request in plain-input-token equivalents: what caching saves is measured in these."""
    return (
        usage.input_tokens
        + usage.cache_creation_input_tokens * CACHE_WRITE
        + usage.cache_read_input_tokens * CACHE_READ
    )


def cost_usd(model: str, usage: Usage, provider: str = "anthropic") -> float:
    if provider != "anthropic":
        return 0.0
    p = price(model)
    if p is None:
        return 0.0
    total = (
        usage.input_tokens * p.input
        + usage.output_tokens * p.output
        + usage.cache_creation_input_tokens * p.input * CACHE_WRITE
        + usage.cache_read_input_tokens * p.input * CACHE_READ
    )
    return round(total / 1_000_000, 6)


def context_window(model: str) -> int:
    p = price(model)
    return p.context if p else 0


def catalogue() -> list[ModelInfo]:
    return [
        ModelInfo(
            id=m,
            name=PRICES[m].name,
            provider="anthropic",
            context_window=PRICES[m].context,
            input_per_mtok=PRICES[m].input,
            output_per_mtok=PRICES[m].output,
            images=True,  # every Claude model reads images
        )
        for m in LISTED
    ]
