"""Project types and their base agents, as the vibing2 web app had them."""

from __future__ import annotations

from dataclasses import dataclass

from vibing.services.agent.text import cached_stem as stem
from vibing.services.agent.text import words


@dataclass(frozen=True, slots=True)
class ProjectType:
    id: str
    name: str
    description: str
    base_agents: tuple[str, ...]
    keywords: tuple[str, ...]


PROJECT_TYPES: tuple[ProjectType, ...] = (
    ProjectType(
        "website",
        "Website / Web App",
        "Landing pages, portfolios, business websites, web tools",
        ("frontend-developer", "ui-ux-designer", "code-reviewer"),
        ("website", "site", "web", "responsive", "seo", "landing", "portfolio", "business", "blog", "page"),
    ),
    ProjectType(
        "mobile-app",
        "Mobile App",
        "iOS, Android or cross-platform apps",
        ("mobile-developer", "ui-ux-designer", "performance-engineer"),
        ("ios", "android", "mobile", "native", "flutter", "phone", "iphone", "tablet", "swift", "kotlin"),
    ),
    ProjectType(
        "game",
        "Game",
        "Browser games, Unity games, interactive experiences",
        ("unity-developer", "ui-ux-designer", "performance-engineer"),
        (
            "game",
            "unity",
            "phaser",
            "2d",
            "3d",
            "canvas",
            "arcade",
            "platformer",
            "puzzle",
            "player",
            "level",
            "sprite",
        ),
    ),
    ProjectType(
        "api",
        "API / Backend",
        "REST APIs, GraphQL, microservices",
        ("backend-architect", "security-auditor", "test-automator"),
        ("api", "backend", "rest", "graphql", "microservice", "server", "endpoint", "webhook"),
    ),
    ProjectType(
        "dashboard",
        "Dashboard / Admin",
        "Data visualizations, admin panels, analytics",
        ("frontend-developer", "data-engineer", "ui-ux-designer"),
        ("dashboard", "admin", "analytics", "chart", "data", "visualization", "metrics", "report", "kpi", "graph"),
    ),
)

BY_ID = {p.id: p for p in PROJECT_TYPES}
_KEYWORD_STEMS = {p.id: {stem(k) for k in p.keywords} for p in PROJECT_TYPES}


def normalize(value: str) -> str:
    """'MOBILE_APP', 'Mobile app', 'mobile-app' -> 'mobile-app' ('' stays '')."""
    return "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())


def get(value: str) -> ProjectType | None:
    return BY_ID.get(normalize(value))


def guess(prompt: str) -> tuple[str, list[str]]:
    """The project type a prompt most likely asks for, and the words that say so ('' if none)."""
    prompt_words = words(prompt)
    best, best_words = "", []
    for type_id, stems in _KEYWORD_STEMS.items():
        hits = sorted({w for w in prompt_words if stem(w) in stems})
        if len(hits) > len(best_words):
            best, best_words = type_id, hits
    return best, best_words
