"""Which cached file answers a CDN URL (issue 15): the version rules, each CDN's URL shapes, Google Fonts, and a
manifest that is missing or lies.

Most tests use a small manifest written here (so they hold whatever versions the committed cache pins); the last
ones run against the committed cache itself.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from vibing.shell.libraries.catalog import HOME, Catalog, font_families

FILES = {
    "chart.js@4.4.1": {"dist/chart.umd.js": "/*chart 4.4.1*/", "dist/chart.js": "export const Chart=1;"},
    "chart.js@3.9.1": {"dist/chart.min.js": "/*chart 3.9.1*/"},
    "three@0.160.0": {
        "build/three.module.js": "export const REVISION='160';",
        "build/three.min.js": "/*three 160*/",
        "examples/jsm/controls/OrbitControls.js": "import 'three';",
    },
    "three@0.128.0": {"build/three.min.js": "/*three 128*/", "examples/js/controls/OrbitControls.js": "/*orbit*/"},
    "react-dom@18.3.1": {
        "umd/react-dom.production.min.js": "/*react-dom*/",
        "_vibing/esm.js": "export default {};",
        "_vibing/client.js": "export const createRoot=1;",
    },
    "@babel/standalone@7.26.4": {"babel.min.js": "/*babel*/", "babel.js": "/*babel full*/"},
    "@fortawesome/fontawesome-free@6.5.2": {
        "css/all.min.css": ".fa{}",
        "webfonts/fa-solid-900.woff2": "wOF2",
        "svgs/solid/all.min.css": "/*decoy with the same tail*/",
    },
    "leaflet@1.9.4": {
        "dist/leaflet.js": "/*leaflet*/",
        "dist/leaflet.css": ".leaflet{}",
        "dist/images/marker-icon.png": "PNG",
    },
    "tailwindcss-cdn@3.4.10": {"tailwindcss.js": "/*tailwind*/", "tailwindcss-with-all-plugins.js": "/*plugins*/"},
    "@fontsource-variable/inter@5.1.0": {"files/inter-latin-wght-normal.woff2": "wOF2inter"},
    "@fontsource/press-start-2p@5.1.0": {"files/press-start-2p-latin-400-normal.woff2": "wOF2press"},
    "material-icons@1.13.12": {"iconfont/material-icons.woff2": "wOF2icons"},
}
RELEASE_EXTRAS = {
    "chart.js@4.4.1": {"default": "dist/chart.umd.js", "esm": {".": "dist/chart.js"}},
    "chart.js@3.9.1": {"default": "dist/chart.min.js"},
    "three@0.160.0": {"default": "build/three.min.js", "esm": {".": "build/three.module.js"}},
    "three@0.128.0": {"default": "build/three.min.js"},
    "react-dom@18.3.1": {
        "default": "umd/react-dom.production.min.js",
        "esm": {".": "_vibing/esm.js", "./client": "_vibing/client.js"},
    },
    "@babel/standalone@7.26.4": {"default": "babel.js", "unpkg": "babel.min.js"},
    "leaflet@1.9.4": {"default": "dist/leaflet.js"},
}
CDNJS = {"chart.js": ["Chart.js"], "three": ["three.js"], "@fortawesome/fontawesome-free": ["font-awesome"]}
FONTS = {
    "Inter": {
        "package": "@fontsource-variable/inter",
        "version": "5.1.0",
        "variable": True,
        "weights": [100, 900],
        "styles": {"normal": "files/inter-latin-wght-normal.woff2"},
    },
    "Press Start 2P": {
        "package": "@fontsource/press-start-2p",
        "version": "5.1.0",
        "variable": False,
        "weights": [400],
        "styles": {"normal": {"400": "files/press-start-2p-latin-400-normal.woff2"}},
    },
    "Material Icons": {
        "package": "material-icons",
        "version": "1.13.12",
        "variable": False,
        "weights": [400],
        "styles": {"normal": {"400": "iconfont/material-icons.woff2"}},
    },
}


def write_cache(folder: Path, files: dict[str, dict[str, str]] = FILES, **extra: object) -> Path:
    """A cache folder of the layout the build writes: ``manifest.json`` and ``cache/<name>@<version>/<path>``."""
    packages: dict[str, dict] = {}
    for release, contents in files.items():
        name, _, version = release.rpartition("@")
        entry = packages.setdefault(name, {"cdnjs": CDNJS.get(name, []), "versions": {}})
        listed = {}
        for path, text in contents.items():
            target = folder / "cache" / release / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            listed[path] = {"size": len(text.encode()), "sha256": hashlib.sha256(text.encode()).hexdigest()}
        entry["versions"][version] = {"default": None, "esm": {}, "files": listed, **RELEASE_EXTRAS.get(release, {})}
    manifest = {
        "format": 1,
        "packages": packages,
        "hosts": {
            "cdn.tailwindcss.com": {
                "package": "tailwindcss-cdn",
                "version": "3.4.10",
                "path": "tailwindcss.js",
                "plugins_path": "tailwindcss-with-all-plugins.js",
            }
        },
        "fonts": FONTS,
        "built_by": "a field this reader does not know",
        **extra,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, sort_keys=True))
    return folder


@pytest.fixture
def catalog(tmp_path) -> Catalog:
    return Catalog(write_cache(tmp_path / "libraries"))


def served(catalog: Catalog, url: str) -> tuple[str, str]:
    found = catalog.resolve(url)
    assert found is not None, url
    return found.kind, found.local


# -- versions ---------------------------------------------------------------------------------


def test_an_exact_cached_version_is_served_as_it_is(catalog):
    found = catalog.resolve("https://cdn.jsdelivr.net/npm/chart.js@4.4.1/dist/chart.umd.js")
    assert (found.kind, found.local, found.message) == ("exact", "/lib/chart.js@4.4.1/dist/chart.umd.js", "")


@pytest.mark.parametrize(
    "version, expected",
    [
        ("4", "4.4.1"),
        ("4.4", "4.4.1"),
        ("^4.0.0", "4.4.1"),
        ("~4.4.0", "4.4.1"),
        ("4.x", "4.4.1"),
        (">=3", "4.4.1"),
        ("3", "3.9.1"),
        ("^3.5.0", "3.9.1"),
        ("latest", "4.4.1"),
    ],
)
def test_a_range_or_latest_is_the_newest_cached_version_that_satisfies_it(catalog, version, expected):
    found = catalog.resolve(f"https://cdn.jsdelivr.net/npm/chart.js@{version}")
    assert (found.kind, found.version) == ("exact", expected)
    assert found.local.startswith(f"/lib/chart.js@{expected}/dist/")


def test_no_version_is_the_newest_cached_version(catalog):
    assert served(catalog, "https://unpkg.com/chart.js") == ("exact", "/lib/chart.js@4.4.1/dist/chart.umd.js")


def test_another_version_of_the_same_major_is_served_with_a_notice(catalog):
    found = catalog.resolve("https://cdn.jsdelivr.net/npm/chart.js@4.3.0/dist/chart.umd.js")
    assert (found.kind, found.version, found.requested) == ("substituted", "4.4.1", "4.3.0")
    assert found.message == "Vibing: chart.js@4.3.0 is not in the offline library; serving 4.4.1."


def test_for_0x_packages_the_first_number_is_the_major_and_the_closest_version_wins(catalog):
    found = catalog.resolve("https://unpkg.com/three@0.150.0/build/three.module.js")
    assert (found.kind, found.local) == ("substituted", "/lib/three@0.160.0/build/three.module.js")
    assert found.message == "Vibing: three@0.150.0 is not in the offline library; serving 0.160.0."
    assert catalog.resolve("https://unpkg.com/three@0.130.0/build/three.min.js").version == "0.128.0"
    # semver's caret on 0.x is one minor wide: 0.160.0 does not satisfy ^0.150.0, so it is a substitution too
    assert catalog.resolve("https://unpkg.com/three@^0.150.0/build/three.min.js").kind == "substituted"


def test_a_major_that_is_not_cached_is_missing_and_named(catalog):
    found = catalog.resolve("https://cdn.jsdelivr.net/npm/chart.js@2.9.4/dist/Chart.min.js")
    assert (found.kind, found.local, found.package, found.requested) == ("missing", "", "chart.js", "2.9.4")
    assert "chart.js@2.9.4 is not in the offline library" in found.message
    assert "3.9.1, 4.4.1" in found.message


def test_a_package_that_is_not_cached_is_missing_and_named(catalog):
    found = catalog.resolve("https://unpkg.com/left-pad@1.3.0/index.js")
    assert (found.kind, found.package, found.local) == ("missing", "left-pad", "")
    assert found.message == "Vibing: left-pad@1.3.0 is not in the offline library; it needs the network."


def test_a_file_the_cached_version_lacks_is_missing_and_named(catalog):
    found = catalog.resolve("https://cdn.jsdelivr.net/npm/chart.js@4.4.1/dist/helpers.js")
    assert (found.kind, found.local) == ("missing", "")
    assert "chart.js@4.4.1" in found.message and "dist/helpers.js" in found.message


# -- the CDNs' URL shapes ----------------------------------------------------------------------


def test_minified_and_plain_names_answer_each_other(catalog):
    assert served(catalog, "https://cdn.jsdelivr.net/npm/chart.js@4/dist/chart.umd.min.js")[1] == (
        "/lib/chart.js@4.4.1/dist/chart.umd.js"
    )
    assert served(catalog, "https://cdn.jsdelivr.net/npm/chart.js@3.9.1/dist/chart.js")[1] == (
        "/lib/chart.js@3.9.1/dist/chart.min.js"
    )


def test_jsdelivr_esm_and_esm_sh_use_the_esm_entries(catalog):
    assert served(catalog, "https://cdn.jsdelivr.net/npm/chart.js@4.4.1/+esm") == (
        "exact",
        "/lib/chart.js@4.4.1/dist/chart.js",
    )
    assert served(catalog, "https://esm.sh/react-dom@18.3.1/client?dev") == (
        "exact",
        "/lib/react-dom@18.3.1/_vibing/client.js",
    )
    assert served(catalog, "https://esm.sh/v135/react-dom@18") == ("exact", "/lib/react-dom@18.3.1/_vibing/esm.js")
    assert served(catalog, "https://esm.run/three@0.160.0")[1] == "/lib/three@0.160.0/build/three.module.js"
    # a package without a self-contained ES module is not served to esm.sh (its UMD file would not import)
    assert catalog.resolve("https://esm.sh/leaflet@1.9.4").kind == "missing"


def test_unpkg_ignores_module_and_prefers_its_own_entry(catalog):
    assert served(catalog, "https://unpkg.com/three@0.160.0/build/three.module.js?module")[1] == (
        "/lib/three@0.160.0/build/three.module.js"
    )
    assert served(catalog, "https://unpkg.com/@babel/standalone")[1] == "/lib/@babel/standalone@7.26.4/babel.min.js"
    assert served(catalog, "https://cdn.jsdelivr.net/npm/@babel/standalone@7")[1] == (
        "/lib/@babel/standalone@7.26.4/babel.js"
    )


def test_scoped_packages(catalog):
    found = catalog.resolve("https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.5.1/css/all.min.css")
    assert (found.kind, found.package, found.local) == (
        "substituted",
        "@fortawesome/fontawesome-free",
        "/lib/@fortawesome/fontawesome-free@6.5.2/css/all.min.css",
    )
    assert served(catalog, "https://unpkg.com/@babel/standalone@7.26.4/babel.min.js")[0] == "exact"


def test_cdnjs_names_versions_and_paths_are_mapped_to_the_npm_package(catalog):
    assert served(catalog, "https://cdnjs.cloudflare.com/ajax/libs/three.js/r128/three.min.js") == (
        "exact",
        "/lib/three@0.128.0/build/three.min.js",
    )
    assert served(catalog, "https://cdnjs.cloudflare.com/ajax/libs/Chart.js/4.4.1/chart.umd.min.js")[1] == (
        "/lib/chart.js@4.4.1/dist/chart.umd.js"
    )
    assert served(catalog, "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.5.2/css/all.min.css")[1] == (
        "/lib/@fortawesome/fontawesome-free@6.5.2/css/all.min.css"
    )
    assert served(catalog, "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.5.2/webfonts/fa-solid-900.woff2")[
        1
    ] == ("/lib/@fortawesome/fontawesome-free@6.5.2/webfonts/fa-solid-900.woff2")
    found = catalog.resolve("https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js")
    assert (found.kind, found.package) == ("missing", "jquery")


def test_cdnjs_paths_prefer_dist_and_build(tmp_path):
    files = {"leaflet@1.9.4": {"src/leaflet.js": "b", "docs/x/leaflet.js": "c", "dist/leaflet.js": "a"}}
    CDNJS["leaflet"] = ["leaflet"]
    try:
        catalog = Catalog(write_cache(tmp_path, files))
        assert served(catalog, "https://cdnjs.cloudflare.com/ajax/libs/leaflet/1.9.4/leaflet.js")[1] == (
            "/lib/leaflet@1.9.4/dist/leaflet.js"
        )
        assert (
            catalog.resolve("https://cdnjs.cloudflare.com/ajax/libs/leaflet/1.9.4/images/marker-icon.png") is not None
        )
    finally:
        del CDNJS["leaflet"]


def test_d3_jquery_and_google_hosted_libraries_by_their_own_addresses(tmp_path):
    files = {
        "d3@7.9.0": {"dist/d3.min.js": "/*d3*/", "dist/d3.js": "/*d3 full*/"},
        "jquery@3.7.1": {"dist/jquery.min.js": "/*jq*/", "dist/jquery.slim.min.js": "/*slim*/"},
        **FILES,
    }
    catalog = Catalog(write_cache(tmp_path, files))
    assert served(catalog, "https://d3js.org/d3.v7.min.js") == ("exact", "/lib/d3@7.9.0/dist/d3.min.js")
    assert served(catalog, "https://code.jquery.com/jquery-3.7.1.slim.min.js") == (
        "exact",
        "/lib/jquery@3.7.1/dist/jquery.slim.min.js",
    )
    assert served(catalog, "https://code.jquery.com/jquery-3.6.0.min.js")[0] == "substituted"
    assert served(catalog, "https://ajax.googleapis.com/ajax/libs/jquery/3.7.1/jquery.min.js")[1] == (
        "/lib/jquery@3.7.1/dist/jquery.min.js"
    )
    assert served(catalog, "https://ajax.googleapis.com/ajax/libs/d3js/7.9.0/d3.min.js")[1] == (
        "/lib/d3@7.9.0/dist/d3.min.js"
    )
    assert catalog.resolve("https://d3js.org/d3.v3.min.js").kind == "missing"
    assert catalog.resolve("https://d3js.org/") is None


def test_the_tailwind_play_cdn_in_all_its_spellings(catalog):
    assert served(catalog, "https://cdn.tailwindcss.com?plugins=forms,typography,aspect-ratio") == (
        "exact",
        "/lib/tailwindcss-cdn@3.4.10/tailwindcss-with-all-plugins.js",
    )
    local = "/lib/tailwindcss-cdn@3.4.10/tailwindcss.js"
    for url in (
        "https://cdn.tailwindcss.com",
        "https://cdn.tailwindcss.com/",
        "//cdn.tailwindcss.com",
        "https://cdn.tailwindcss.com/3.4.10",
    ):
        assert served(catalog, url) == ("exact", local), url
    found = catalog.resolve("https://cdn.tailwindcss.com/3.3.2")
    assert (found.kind, found.local) == ("substituted", local)
    assert found.message == "Vibing: cdn.tailwindcss.com@3.3.2 is not in the offline library; serving 3.4.10."


def test_a_directory_prefix_maps_to_a_directory_prefix(catalog):
    assert served(catalog, "https://cdn.jsdelivr.net/npm/three@0.160.0/examples/jsm/") == (
        "exact",
        "/lib/three@0.160.0/examples/jsm/",
    )
    assert catalog.resolve("https://unpkg.com/three@0.160.0/examples/fonts/").kind == "missing"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/npm/chart.js@4.4.1/dist/chart.umd.js",
        "https://cdn.jsdelivr.net.example.com/npm/chart.js",
        "https://cdn.jsdelivr.net/gh/user/repo@main/app.js",
        "https://unpkg.com/browse/chart.js@4.4.1/",
        "ftp://unpkg.com/chart.js",
        "https://fonts.googleapis.com/something-else",
    ],
)
def test_urls_of_other_shapes_are_not_ours(catalog, url):
    assert catalog.resolve(url) is None


# -- Google Fonts ---------------------------------------------------------------------------------


def test_google_fonts_urls_become_our_font_css(catalog):
    found = catalog.resolve("https://fonts.googleapis.com/css2?family=Inter:wght@400;700&display=swap")
    assert (found.kind, found.local) == ("exact", "/lib/fonts/css2?family=Inter:wght@400;700&display=swap")
    assert served(catalog, "https://fonts.googleapis.com/icon?family=Material+Icons")[1] == (
        "/lib/fonts/icon?family=Material+Icons"
    )


def test_a_family_that_is_not_cached_is_named_and_imported_from_google(catalog):
    url = "https://fonts.googleapis.com/css2?family=Inter&amp;family=Lobster+Two:ital@1&amp;display=swap"
    found = catalog.resolve(url)
    assert (found.kind, found.package) == ("missing", "Lobster Two")
    assert found.local.startswith("/lib/fonts/css2?family=Inter")
    assert "Lobster Two" in found.message
    only_missing = catalog.resolve("https://fonts.googleapis.com/css2?family=Lobster")
    assert (only_missing.kind, only_missing.local) == ("missing", "")


def test_font_css_declares_the_cached_faces(catalog):
    css = catalog.font_css("css2", "family=Inter:wght@400;700&family=Press+Start+2P&family=Lobster&display=swap")
    assert css.startswith('@import url("https://fonts.googleapis.com/css2?family=Lobster&display=swap");')
    assert (
        "@font-face{font-family:'Inter';font-style:normal;font-weight:100 900;font-display:swap;"
        "src:url(/lib/@fontsource-variable/inter@5.1.0/files/inter-latin-wght-normal.woff2) format('woff2');}"
    ) in css
    assert "font-family:'Press Start 2P';font-style:normal;font-weight:400;" in css
    icons = catalog.font_css("icon", "family=Material+Icons")
    assert ".material-icons{font-family:'Material Icons'" in icons and "/lib/material-icons@1.13.12/" in icons


def test_font_css_does_not_pass_page_text_into_css(catalog):
    css = catalog.font_css("css2", 'family=x");}body{display:none}/*&display=swap;}*{color:red')
    assert '");}body' not in css and "color:red" not in css


def test_font_family_lists_of_both_api_versions():
    assert font_families("css", "family=Roboto:400,700|Open+Sans:400i") == ["Roboto", "Open Sans"]
    assert font_families("css2", "family=Roboto:ital,wght@0,400;1,700&family=Open+Sans") == ["Roboto", "Open Sans"]
    assert font_families("icon", "family=Material+Icons|Material+Icons+Outlined") == [
        "Material Icons",
        "Material Icons Outlined",
    ]


# -- the manifest, and reading files ------------------------------------------------------------------


@pytest.mark.parametrize(
    "content, event",
    [
        (None, "libraries.manifest_unreadable"),
        (b"{not json", "libraries.manifest_unreadable"),
        (b'{"format": 2, "packages": {}}', "libraries.manifest_unreadable"),
        (b'["a list"]', "libraries.manifest_unreadable"),
        (b'{"format": 1, "packages": {"chart.js": 3}}', "libraries.package_skipped"),
        (
            b'{"format": 1, "packages": {"chart.js": {"versions": {"4.4.1": {"files": 7}}}}}',
            "libraries.manifest_unreadable",
        ),
    ],
)
def test_a_missing_or_corrupt_manifest_is_logged_and_leaves_an_empty_catalog(tmp_path, content, event):
    if content is not None:
        (tmp_path / "manifest.json").write_bytes(content)
    with capture_logs() as logs:
        catalog = Catalog(tmp_path)
        found = catalog.resolve("https://cdn.jsdelivr.net/npm/chart.js@4.4.1/dist/chart.umd.js")
    assert (found.kind, found.local) == ("missing", "")
    assert event in [log["event"] for log in logs if log["log_level"] in ("error", "warning")]


def test_the_manifest_is_read_once(catalog):
    catalog.resolve("https://unpkg.com/chart.js")
    (catalog.folder / "manifest.json").unlink()
    assert catalog.resolve("https://unpkg.com/three@0.160.0").kind == "exact"


def test_manifest_paths_that_could_leave_their_folder_are_ignored(tmp_path):
    folder = write_cache(tmp_path, {"evil@1.0.0": {"ok.js": "ok"}})
    manifest = json.loads((folder / "manifest.json").read_text())
    for bad in ("../../manifest.json", "/etc/passwd", "a/../../b", "a\\..\\b", "%2e%2e/x", "a//b"):
        manifest["packages"]["evil"]["versions"]["1.0.0"]["files"][bad] = {"size": 1}
    manifest["packages"]["../evil"] = manifest["packages"]["evil"]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    catalog = Catalog(folder)
    assert set(catalog.packages) == {"evil"}
    assert set(catalog.packages["evil"]["versions"]["1.0.0"]["files"]) == {"ok.js"}


def test_a_listed_file_is_read_from_the_cache(catalog):
    file = catalog.cached_file("@babel/standalone", "7.26.4", "babel.min.js")
    assert catalog.read(file) == b"/*babel*/"


def test_a_file_on_disk_that_the_manifest_does_not_list_is_not_found(catalog):
    (catalog.cache / "chart.js@4.4.1" / "dist" / "secret.js").write_text("not listed")
    assert catalog.cached_file("chart.js", "4.4.1", "dist/secret.js") is None
    assert catalog.cached_file("chart.js", "4.4.2", "dist/chart.umd.js") is None


def test_a_link_planted_in_the_cache_is_not_followed(catalog, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("/*chart 4.4.1*/")  # same size as the listed file
    target = catalog.cache / "chart.js@4.4.1" / "dist" / "chart.umd.js"
    target.unlink()
    target.symlink_to(outside)
    with capture_logs() as logs:
        assert catalog.read(catalog.cached_file("chart.js", "4.4.1", "dist/chart.umd.js")) is None
    assert "libraries.file_unreadable" in [log["event"] for log in logs]
    # a linked folder on the way is refused too
    release = catalog.cache / "three@0.128.0"
    moved = tmp_path / "moved"
    release.rename(moved)
    release.symlink_to(moved, target_is_directory=True)
    assert catalog.read(catalog.cached_file("three", "0.128.0", "build/three.min.js")) is None


def test_a_file_whose_size_differs_from_the_manifest_is_refused(catalog):
    (catalog.cache / "leaflet@1.9.4" / "dist" / "leaflet.js").write_text("/*leaflet, changed after the build*/")
    with capture_logs() as logs:
        assert catalog.read(catalog.cached_file("leaflet", "1.9.4", "dist/leaflet.js")) is None
    assert "libraries.file_mismatch" in [log["event"] for log in logs]


def test_the_environment_names_another_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("VIBING_LIBRARY_CACHE", str(write_cache(tmp_path)))
    assert Catalog().folder == tmp_path
    monkeypatch.delenv("VIBING_LIBRARY_CACHE")
    assert Catalog().folder == HOME


# -- the committed cache ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def committed() -> Catalog:
    catalog = Catalog(HOME)
    assert (HOME / "manifest.json").exists(), "the committed cache (shell/libraries/manifest.json) is missing"
    return catalog


def test_the_committed_cache_answers_the_usual_urls(committed):
    for url in (
        "https://cdn.jsdelivr.net/npm/chart.js@4/dist/chart.umd.min.js",
        "https://cdn.jsdelivr.net/npm/chart.js",
        "https://cdn.tailwindcss.com",
        "https://unpkg.com/three@0.160.0/build/three.module.js",
        "https://cdnjs.cloudflare.com/ajax/libs/three.js/r128/three.min.js",
        "https://unpkg.com/react@18.3.1/umd/react.production.min.js",
        "https://unpkg.com/react-dom@18.3.1/umd/react-dom.production.min.js",
        "https://unpkg.com/@babel/standalone/babel.min.js",
        "https://cdn.jsdelivr.net/npm/three@0.160.0/examples/jsm/",
        "https://fonts.googleapis.com/css2?family=Inter:wght@400;700&display=swap",
    ):
        found = committed.resolve(url)
        assert found is not None and found.kind == "exact" and found.local, (url, found)


def test_every_file_the_committed_manifest_lists_reads_back(committed):
    count = 0
    for name, entry in committed.packages.items():
        for version, release in entry["versions"].items():
            for path in release["files"]:
                assert committed.read(committed.cached_file(name, version, path)) is not None, (name, version, path)
                count += 1
    assert count > 50
    assert not any(os.path.islink(p) for p in committed.cache.rglob("*"))


# -- rewriting pages, scripts and stylesheets ------------------------------------------------------------

PAGE = """<!doctype html><html><head>
<script src="https://cdn.tailwindcss.com?plugins=forms"></script>
<link rel="preconnect" href="https://fonts.googleapis.com">
<link href="https://fonts.googleapis.com/css2?family=Inter:wght@400;700&amp;display=swap" rel="stylesheet">
<link rel="stylesheet" href="https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.5.2/css/all.min.css"
      integrity="sha512-abc==" crossorigin="anonymous" referrerpolicy="no-referrer" />
<script src='//cdn.jsdelivr.net/npm/chart.js@4.3.0/dist/chart.umd.min.js' integrity=sha384-xyz></script>
<script src="https://unpkg.com/left-pad@1.3.0/index.js" integrity="sha384-keep"></script>
<script type="importmap">
{"imports": {"three": "https://cdn.jsdelivr.net/npm/three@0.160.0/build/three.module.js",
             "three/addons/": "https://cdn.jsdelivr.net/npm/three@0.160.0/examples/jsm/"}}
</script>
<style>@import url('https://fonts.googleapis.com/css2?family=Press+Start+2P');</style>
</head><body><p>Made with https://unpkg.com/chart.js.</p>
<script type="module">
import * as THREE from 'three';
const { Chart } = await import("https://esm.sh/chart.js@4.4.1");
const url = `https://unpkg.com/three@${version}/build/three.module.js`;
</script></body></html>"""


def test_a_page_is_rewritten_to_the_offline_library(catalog):
    from vibing.shell.libraries.rewrite import rewrite_html

    result = rewrite_html(PAGE, catalog)
    text = result.text
    assert '<script src="/lib/tailwindcss-cdn@3.4.10/tailwindcss-with-all-plugins.js"></script>' in text  # ?plugins=
    assert 'href="/lib/fonts/css2?family=Inter:wght@400;700&amp;display=swap"' in text
    assert '<link rel="preconnect" href="https://fonts.googleapis.com">' in text  # not a stylesheet: left alone
    assert (
        '<link rel="stylesheet" href="/lib/@fortawesome/fontawesome-free@6.5.2/css/all.min.css"'
        ' crossorigin="anonymous" referrerpolicy="no-referrer" />'
    ) in text
    assert "<script src='/lib/chart.js@4.4.1/dist/chart.umd.js'></script>" in text
    assert '"three": "/lib/three@0.160.0/build/three.module.js"' in text
    assert '"three/addons/": "/lib/three@0.160.0/examples/jsm/"' in text
    assert "@import url('/lib/fonts/css2?family=Press+Start+2P');" in text
    assert 'await import("/lib/chart.js@4.4.1/dist/chart.js")' in text
    assert "Made with /lib/chart.js@4.4.1/dist/chart.umd.js." in text  # prose too, its full stop kept
    # what is not cached stays as written, its integrity with it, and is reported; so is a URL built at run time
    assert '<script src="https://unpkg.com/left-pad@1.3.0/index.js" integrity="sha384-keep"></script>' in text
    assert "`https://unpkg.com/three@${version}/build/three.module.js`" in text
    assert [(r.package, r.requested) for r in result.missing] == [("left-pad", "1.3.0")]
    assert [(r.package, r.requested, r.version) for r in result.substituted] == [
        ("chart.js", "4.3.0", "4.4.1"),
    ]
    assert result.reports() == [
        {
            "kind": "library",
            "message": "Vibing: chart.js@4.3.0 is not in the offline library; serving 4.4.1.",
            "package": "chart.js",
            "version": "4.3.0",
            "served": "4.4.1",
        },
        {
            "kind": "missing",
            "message": "Vibing: left-pad@1.3.0 is not in the offline library; it needs the network.",
            "package": "left-pad",
            "version": "1.3.0",
            "url": "https://unpkg.com/left-pad@1.3.0/index.js",
        },
    ]


def test_scripts_and_stylesheets_are_rewritten(catalog):
    from vibing.shell.libraries.rewrite import rewrite_code

    js = rewrite_code(
        "import { Chart } from 'https://cdn.jsdelivr.net/npm/chart.js@4.4.1/+esm';\n"
        'import "https://unpkg.com/three@0.160.0/examples/jsm/controls/OrbitControls.js";\n'
        "const m = import('https://esm.sh/react-dom@18/client');\n",
        catalog,
    )
    assert js.text == (
        "import { Chart } from '/lib/chart.js@4.4.1/dist/chart.js';\n"
        'import "/lib/three@0.160.0/examples/jsm/controls/OrbitControls.js";\n'
        "const m = import('/lib/react-dom@18.3.1/_vibing/client.js');\n"
    )
    css = rewrite_code(
        '@import "https://fonts.googleapis.com/css2?family=Inter";\n'
        ".marker{background:url(https://unpkg.com/leaflet@1.9.4/dist/images/marker-icon.png)}",
        catalog,
    )
    assert css.text == (
        '@import "/lib/fonts/css2?family=Inter";\n.marker{background:url(/lib/leaflet@1.9.4/dist/images/marker-icon.png)}'
    )
    assert not css.missing and not css.substituted


def test_a_page_without_cdn_urls_is_returned_unchanged(catalog):
    from vibing.shell.libraries.rewrite import rewrite_html

    page = "<!doctype html><script src='app.js' integrity='sha384-x'></script><a href='https://example.com/'>x</a>"
    result = rewrite_html(page, catalog)
    assert (result.text, result.count, result.reports()) == (page, 0, [])


def test_report_json_cannot_close_the_script_it_is_written_into():
    from vibing.shell.libraries.rewrite import script_json

    text = script_json([{"message": "</script><script>alert(1)</script><!--", "url": "a&b\u2028"}])
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == [{"message": "</script><script>alert(1)</script><!--", "url": "a&b\u2028"}]


def test_rewriting_a_200_kb_page_is_fast(catalog):
    import time

    from vibing.shell.libraries.rewrite import rewrite_html

    filler = "<div class='card'><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p></div>\n" * 2400
    page = PAGE.replace("<body>", "<body>" + filler[: 200_000 - len(PAGE)])
    assert 195_000 < len(page) < 205_000
    rewrite_html(page, catalog)  # the first pass fills the catalog's memo
    runs = []
    for _ in range(20):
        start = time.perf_counter()
        rewrite_html(page, catalog)
        runs.append(time.perf_counter() - start)
    print(
        f"rewrite of a {len(page) // 1000} KB page: best {min(runs) * 1000:.2f} ms, median {sorted(runs)[10] * 1000:.2f} ms"
    )
    assert min(runs) < 0.02, "a 200 KB page should take a few milliseconds"
