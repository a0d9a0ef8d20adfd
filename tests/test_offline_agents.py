"""What the model is told about libraries matches what the offline library holds (issue 15).

The bundled agents pin CDN URLs and the output format names the libraries that load offline; both are text, so
nothing but this test notices when a cache rebuild moves a version and the model starts writing URLs the preview can
only approximate (or not serve at all).  The sample generations under ``tests/offline_apps/`` are the data the
preview's render tests and ``vibing bench`` use; their expectations file must describe every sample.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from vibing.services.stream.prompts import OUTPUT_FORMAT
from vibing.shell.libraries.catalog import HOSTS, Catalog

ROOT = Path(__file__).resolve().parent.parent
AGENTS = sorted((ROOT / "agents").glob("*.md"))
SAMPLES = ROOT / "tests" / "offline_apps"
#: A URL on a host the offline library answers, up to a quote, backtick, bracket or whitespace.
_HOSTS = "|".join(re.escape(h) for h in HOSTS)
URL = re.compile(rf"""https://(?:{_HOSTS})[^\s"'`<>()\]]*""")
#: Libraries an agent loads although the offline library does not hold them; the agent must say so.
NOT_CACHED = {"svelte"}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog()


def urls_in(text: str) -> list[str]:
    """Library URLs in ``text``; import-map directory prefixes (ending in ``/``) name no file and are left out."""
    return [u.rstrip(".,;:") for u in URL.findall(text) if not u.endswith("/")]


def test_every_library_url_in_the_agents_is_served_at_the_version_it_names(catalog: Catalog) -> None:
    checked = 0
    for agent in AGENTS:
        text = agent.read_text(encoding="utf-8")
        for url in urls_in(text):
            found = catalog.resolve(url)
            assert found is not None, f"{agent.name}: the offline library does not understand {url}"
            if found.package in NOT_CACHED:
                assert "not in Vibing's offline library" in text, f"{agent.name} must say {found.package} needs network"
                continue
            assert found.kind == "exact", f"{agent.name}: {url} -> {found.kind}: {found.message}"
            checked += 1
    assert checked >= 8  # three, Phaser, Vue, React, htm, Tailwind, D3, Chart.js at least


def test_the_output_format_names_only_cached_versions(catalog: Catalog) -> None:
    named = re.findall(r"(@?[a-z][\w.-]*(?:/[\w.-]+)?)@(\d[\w.]*)", OUTPUT_FORMAT)
    assert len(named) >= 8
    for package, version in named:
        versions = catalog.versions(package)
        assert any(v == version or v.startswith(version + ".") for v in versions), (
            f"the output format promises {package}@{version}; the offline library has {versions or 'none'}"
        )


def test_every_sample_app_has_an_expectation_of_the_agreed_shape() -> None:
    expectations = json.loads((SAMPLES / "expectations.json").read_text(encoding="utf-8"))
    folders = {p.name for p in SAMPLES.iterdir() if p.is_dir()}
    assert set(expectations) == folders
    for name, expected in expectations.items():
        assert set(expected) == {"description", "offline", "js", "inked"}, name
        assert (SAMPLES / name / "index.html").is_file(), name
        assert isinstance(expected["offline"], bool) and expected["js"].strip(), name
        assert expected["inked"] is None or isinstance(expected["inked"], str), name
    offline = [n for n, e in expectations.items() if e["offline"]]
    assert len(offline) >= 30
    assert len(expectations) - len(offline) >= 2  # the network bar's test cases


def test_the_libraries_of_offline_samples_are_in_the_offline_library(catalog: Catalog) -> None:
    """Every URL the catalog understands in an ``offline: true`` sample is answered (the exact version or one of the
    same major); the ``offline: false`` ones need something it cannot give (a library it lacks, map tiles)."""
    expectations = json.loads((SAMPLES / "expectations.json").read_text(encoding="utf-8"))
    for name, expected in expectations.items():
        if not expected["offline"]:
            continue
        for file in (SAMPLES / name).iterdir():
            for url in urls_in(file.read_text(encoding="utf-8")):
                found = catalog.resolve(url)
                if found is not None:
                    assert found.kind != "missing", f"{name}/{file.name}: {found.message}"
