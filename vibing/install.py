"""What an installation of Vibing carries, where it is, and whether all of it is there.

A source checkout, a wheel and the bundle lay the same pieces out a little differently: the agent
library is ``agents/`` in a checkout but ``<prefix>/share/vibing/agents`` in a wheel.  This module is
the one place that knows, so the agent service and the launch check agree.

A partial install (a lost UI file, a missing agent folder) must not start into a blank window or
an empty agent list: :func:`check` names the missing piece in one sentence before anything starts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from vibing.errors import ConfigError

#: Overrides the bundled agents folder (an empty value: no bundled agents).
ENV_BUNDLED_AGENTS = "VIBING_BUNDLED_AGENTS"
#: The package's own folder: the parts of the app are found from here, without importing them.
PACKAGE = Path(__file__).resolve().parent

#: The ES modules app.js imports, at once or after first paint (shell/ui/): one lost, and the page stops at its import.
UI_MODULES = (
    "ask",
    "attachments",
    "backup",
    "bus",
    "chat",
    "chips",
    "code",
    "dashboard",
    "editor",
    "files",
    "images",
    "markdown",
    "metrics",
    "nav",
    "picker",
    "pickers",
    "preview",
    "project",
    "project-views",
    "provider",
    "settings",
    "shot",
    "spending",
    "state",
    "status",
    "theme",
    "usage",
    "util",
    "versions",
    "welcome",
    "workflows",
)

#: Files the app cannot start without, relative to the package, with what a person would call them.
REQUIRED_FILES = {
    "shell/ui/index.html": "the window's page",
    "shell/ui/app.js": "the window's script",
    **{f"shell/ui/{name}.js": f"the window's script ({name}.js)" for name in UI_MODULES},
    "shell/ui/app.css": "the window's style sheet",
    "shell/ui/markdown.js": "the chat's Markdown renderer",
    "shell/ui/vendor/codemirror.js": "the code editor and highlighter (CodeMirror, vendored)",
    "shell/ui/vendor/markdown.js": "the chat's Markdown parser and sanitiser (markdown-it and DOMPurify, vendored)",
    "services/storage/migrations/0001_initial.sql": "the database schema",
    "shell/libraries/manifest.json": "the offline library's index",
}


def bundled_agents_dir() -> Path | None:
    """The bundled agents folder: ``$VIBING_BUNDLED_AGENTS``, the checkout's ``agents/``, or the installed copy."""
    override = os.environ.get(ENV_BUNDLED_AGENTS)
    if override is not None:
        return Path(override).expanduser() if override else None
    # the real file of a checkout (vibing/ links to the top-level parts), else the installed package's
    checkout = Path(os.path.realpath(PACKAGE / "services")).parent
    candidates = [
        checkout / "agents",  # source checkout / editable install: <repo>/agents
        Path(sys.prefix) / "share" / "vibing" / "agents",  # wheel installed with data files
        PACKAGE / "services" / "agent" / "bundled",  # a build that ships the library inside the package
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


def missing() -> list[str]:
    """What this installation lacks, one phrase per piece (empty when it is whole)."""
    gaps = [f"{what} ({relative})" for relative, what in REQUIRED_FILES.items() if not (PACKAGE / relative).is_file()]
    override = os.environ.get(ENV_BUNDLED_AGENTS)
    if override != "":  # an empty override means "no bundled agents", on purpose
        agents = bundled_agents_dir()
        if agents is None or not any(agents.glob("*.md")):
            where = agents or Path(sys.prefix) / "share" / "vibing" / "agents"
            gaps.append(f"the agent library ({where})")
    return gaps


def check() -> None:
    """Raise :class:`ConfigError` naming what is missing, so a partial install says so instead of half-starting."""
    gaps = missing()
    if gaps:
        raise ConfigError(
            f"This installation of Vibing is incomplete: {'; '.join(gaps)} "
            f"{'is' if len(gaps) == 1 else 'are'} missing. Reinstall Vibing "
            "(in a source checkout: `bash .ci/install`).",
            missing=gaps,
        )


def demo_model_hint() -> str:
    """How a person gets the small demo model, in this kind of installation."""
    if getattr(sys, "frozen", False):  # the bundle: the model is an optional package beside the app's
        return "install the demo model add-on (`sudo apt install ./vibing-demo-model_*_all.deb`)"
    return "`pip install 'vibing[local]'` brings it"
