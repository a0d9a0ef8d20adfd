"""The committed offline library is whole and honest, and the script that builds it refuses bad tarballs.

The preview serves `shell/libraries/cache/` to generated apps in place of CDNs (issue 15), and it knows what is there
only through `manifest.json`. So every file the manifest names must be there with its size and sha256, nothing may be
there that the manifest does not name, every entry point must lead to a kept file, and a stylesheet must not point at
a font or image that was left out (it would 404 offline). The build script reads untrusted tarballs from the
registry: a wrong checksum, a member climbing out with `..` or an absolute path, or a link must stop the build.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import io
import json
import os
import re
import tarfile
from pathlib import Path, PurePosixPath

import pytest

from tests.conftest import ROOT

LIBRARIES = ROOT / "shell" / "libraries"
CACHE = LIBRARIES / "cache"
MANIFEST = json.loads((LIBRARIES / "manifest.json").read_text())
LOCK = json.loads((LIBRARIES / "libraries.lock.json").read_text())
BUDGET = 40 * 1024 * 1024


def _load_script():
    spec = importlib.util.spec_from_file_location("rebuild_libraries", ROOT / "tools" / "rebuild_libraries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rebuild = _load_script()


def _versions():
    for name, info in MANIFEST["packages"].items():
        for version, entry in info["versions"].items():
            yield name, version, entry


def _on_disk() -> dict[str, Path]:
    found = {}
    for directory, dirs, files in os.walk(CACHE, followlinks=False):
        for name in files + dirs:
            path = Path(directory) / name
            if path.is_file() or path.is_symlink():
                found[path.relative_to(CACHE).as_posix()] = path
    return found


# ---------------------------------------------------------------------------------------------------------------
# The committed cache


def test_every_file_the_manifest_names_is_there_with_its_size_and_sha256():
    wrong = []
    for name, version, entry in _versions():
        for path, facts in entry["files"].items():
            file = CACHE / f"{name}@{version}" / path
            if not file.is_file():
                wrong.append(f"{name}@{version}/{path}: missing")
                continue
            data = file.read_bytes()
            if len(data) != facts["size"] or hashlib.sha256(data).hexdigest() != facts["sha256"]:
                wrong.append(f"{name}@{version}/{path}: size or sha256 differs")
    assert not wrong, wrong[:20]


def test_nothing_is_in_the_cache_that_the_manifest_does_not_name():
    named = {f"{n}@{v}/{p}" for n, v, e in _versions() for p in e["files"]}
    extra = sorted(set(_on_disk()) - named)
    assert not extra, extra[:20]


def test_the_cache_holds_no_link():
    links = [p for p in _on_disk().values() if p.is_symlink()]
    links += [Path(d) for d, _, _ in os.walk(CACHE) if Path(d).is_symlink()]
    assert not links, links[:20]


def test_the_cache_fits_its_40_mb_budget():
    on_disk = sum(p.stat().st_size for p in _on_disk().values())
    in_manifest = sum(f["size"] for _, _, e in _versions() for f in e["files"].values())
    assert on_disk == in_manifest
    assert on_disk <= BUDGET, f"{on_disk / 2**20:.1f} MiB"


def test_the_manifest_is_written_deterministically_with_sorted_keys():
    text = (LIBRARIES / "manifest.json").read_text()
    assert text == json.dumps(MANIFEST, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    assert MANIFEST["format"] == 1


def test_the_lockfile_and_the_manifest_hold_the_same_packages_and_versions():
    locked = {(e["name"], e["version"]) for e in LOCK["packages"]}
    cached = {(n, v) for n, v, _ in _versions()}
    assert locked == cached
    for entry in LOCK["packages"]:
        assert entry["integrity"].startswith("sha512-"), entry["name"]
        assert entry["tarball"].startswith("https://registry.npmjs.org/"), entry["name"]
        assert rebuild.satisfies(entry["version"], entry["range"]), (entry["name"], entry["version"], entry["range"])


def test_every_entry_point_alias_host_and_font_leads_to_a_kept_file():
    broken = []
    for name, version, entry in _versions():
        files = entry["files"]
        targets = [("default", entry["default"])] if entry["default"] is not None else []
        targets += [(f"esm {sub}", path) for sub, path in entry["esm"].items()]
        targets += [(f"alias {alias}", path) for alias, path in entry.get("aliases", {}).items()]
        broken += [f"{name}@{version} {what} -> {path}" for what, path in targets if path not in files]
        broken += [f"{name}@{version} alias {a} is kept itself" for a in entry.get("aliases", {}) if a in files]
    for host, spec in MANIFEST["hosts"].items():
        if spec["path"] not in MANIFEST["packages"][spec["package"]]["versions"][spec["version"]]["files"]:
            broken.append(f"host {host}")
    for family, font in MANIFEST["fonts"].items():
        files = MANIFEST["packages"][font["package"]]["versions"][font["version"]]["files"]
        for style in font["styles"].values():
            for path in style.values() if isinstance(style, dict) else [style]:
                if path not in files or not path.endswith(".woff2"):
                    broken.append(f"font {family}: {path}")
    assert not broken, broken


def test_the_libraries_generated_apps_use_most_are_there():
    """The issue's minimum list: losing one of these from libraries.json would blank ordinary previews."""
    names = set(MANIFEST["packages"])
    for name in (
        "tailwindcss-cdn", "three", "chart.js", "d3", "phaser", "vue", "react", "react-dom", "@babel/standalone",
        "alpinejs", "gsap", "p5", "leaflet", "lodash", "dayjs", "animejs", "canvas-confetti", "bootstrap",
        "bootstrap-icons", "@fortawesome/fontawesome-free", "lucide", "material-icons",
    ):  # fmt: skip
        assert name in names, name
    assert {"0.160.0", "0.128.0"} <= set(MANIFEST["packages"]["three"]["versions"])
    assert MANIFEST["hosts"]["cdn.tailwindcss.com"]["package"] == "tailwindcss-cdn"
    assert {"Inter", "Roboto", "Poppins", "Material Icons", "Material Symbols Outlined"} <= set(MANIFEST["fonts"])


_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def test_stylesheets_point_only_at_kept_files():
    """Font Awesome, Bootstrap Icons and Leaflet name their fonts and images relatively; each must be kept."""
    missing = []
    checked = 0
    for name, version, entry in _versions():
        for path in entry["files"]:
            if not path.endswith(".css"):
                continue
            text = (CACHE / f"{name}@{version}" / path).read_text(errors="replace")
            for _, ref in _URL.findall(text):
                if re.match(r"^(?:data:|https?:|//|#|%23)", ref.strip(), re.IGNORECASE):
                    continue
                target = os.path.normpath(str(PurePosixPath(path).parent / re.split(r"[?#]", ref.strip())[0]))
                checked += 1
                if target not in entry["files"]:
                    missing.append(f"{name}@{version}/{path} -> {ref}")
    assert checked > 10  # the icon fonts' and Leaflet's references were really looked at
    assert not missing, missing


def test_generated_wrappers_are_es_modules_over_kept_umd_files():
    react = MANIFEST["packages"]["react"]["versions"]["18.3.1"]
    wrapper = (CACHE / "react@18.3.1" / react["esm"]["."]).read_text()
    assert 'import "../umd/react.production.min.js";' in wrapper
    assert "export const useState = lib.useState;" in wrapper
    client = MANIFEST["packages"]["react-dom"]["versions"]["18.3.1"]["esm"]["./client"]
    assert "export const createRoot" in (CACHE / "react-dom@18.3.1" / client).read_text()
    # react-dom's wrapper loads React's first, through the same address the /lib/ route serves it from.
    dom = (CACHE / "react-dom@18.3.1" / "_vibing" / "esm.js").read_text()
    assert dom.index('"../../react@18.3.1/_vibing/esm.js"') < dom.index('"../umd/react-dom.production.min.js"')


# ---------------------------------------------------------------------------------------------------------------
# The build script, on small tarballs made here


def _tarball(members: list[tuple[str, bytes | None, str | None]]) -> bytes:
    """A gzipped tar: (name, content, link target); a link when the target is given."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data, link in members:
            info = tarfile.TarInfo(name)
            if link is not None:
                info.type, info.linkname = tarfile.SYMTYPE, link
                archive.addfile(info)
            else:
                info.size = len(data or b"")
                archive.addfile(info, io.BytesIO(data or b""))
    return buffer.getvalue()


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _lock(data: bytes, **entry) -> dict:
    package = {
        "name": "tiny",
        "range": "1",
        "version": "1.0.0",
        "tarball": "https://registry.npmjs.org/tiny/-/tiny-1.0.0.tgz",
        "integrity": _integrity(data),
        "keep": ["dist/**"],
        **entry,
    }
    return {"format": 1, "packages": [package], "hosts": {}, "fonts": {}}


PACKAGE_JSON = json.dumps({"name": "tiny", "main": "dist/tiny.js", "unpkg": "dist/tiny.min.js"}).encode()
GOOD = [
    ("package/package.json", PACKAGE_JSON, None),
    ("package/dist/tiny.min.js", b"var tiny=1;", None),
    ("package/dist/tiny.css", b".a{background:url(img/a.png)}", None),
    ("package/dist/img/a.png", b"\x89PNG", None),
    ("package/src/tiny.ts", b"export const tiny = 1", None),
]


def test_a_small_package_builds_its_kept_files_and_a_deterministic_manifest(tmp_path):
    data = _tarball(GOOD)
    lock = _lock(data, min_aliases=True, aliases={"dist/tiny.js": "dist/tiny.min.js"})
    first = rebuild.build(lock, tmp_path / "a", fetch=lambda url: data, store=None)
    second = rebuild.build(lock, tmp_path / "b", fetch=lambda url: data, store=None)
    assert rebuild.manifest_bytes(first) == rebuild.manifest_bytes(second)
    version = first["packages"]["tiny"]["versions"]["1.0.0"]
    assert sorted(version["files"]) == ["dist/img/a.png", "dist/tiny.css", "dist/tiny.min.js"]
    assert version["files"]["dist/tiny.min.js"] == {"size": 11, "sha256": hashlib.sha256(b"var tiny=1;").hexdigest()}
    assert version["default"] == "dist/tiny.min.js"  # main (dist/tiny.js) is served by its minified twin
    assert (tmp_path / "a" / "tiny@1.0.0" / "dist" / "img" / "a.png").read_bytes() == b"\x89PNG"
    assert not (tmp_path / "a" / "tiny@1.0.0" / "src").exists()
    assert rebuild.compare(tmp_path / "a", tmp_path / "b") == []


def test_a_tarball_whose_integrity_does_not_match_is_refused(tmp_path):
    data = _tarball(GOOD)
    lock = _lock(_tarball(GOOD[:2]))  # the checksum of another tarball
    with pytest.raises(rebuild.LibraryError, match="integrity mismatch"):
        rebuild.build(lock, tmp_path, fetch=lambda url: data, store=None)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "member, reason",
    [("package/../../evil.js", "'..'"), ("/etc/evil.js", "absolute"), ("package/dist/..\\..\\evil.js", "absolute")],
)
def test_a_tar_member_that_climbs_out_is_refused(tmp_path, member, reason):
    data = _tarball([*GOOD, (member, b"alert(1)", None)])
    with pytest.raises(rebuild.LibraryError, match=reason):
        rebuild.build(_lock(data), tmp_path / "out", fetch=lambda url: data, store=None)
    assert not (tmp_path / "evil.js").exists() and not (tmp_path / "out").exists()


def test_links_in_a_tarball_are_never_written_and_a_kept_one_stops_the_build(tmp_path):
    data = _tarball([*GOOD, ("package/docs/passwd", None, "/etc/passwd")])
    manifest = rebuild.build(_lock(data), tmp_path / "a", fetch=lambda url: data, store=None)
    assert "docs/passwd" not in manifest["packages"]["tiny"]["versions"]["1.0.0"]["files"]
    assert not any(p.is_symlink() for p in (tmp_path / "a").rglob("*"))
    data = _tarball([*GOOD, ("package/dist/passwd", None, "/etc/passwd")])
    with pytest.raises(rebuild.LibraryError, match="link"):
        rebuild.build(_lock(data), tmp_path / "b", fetch=lambda url: data, store=None)


def test_a_stylesheet_pointing_at_a_dropped_file_stops_the_build(tmp_path):
    data = _tarball(GOOD)
    with pytest.raises(rebuild.LibraryError, match="img/a.png, which is not kept"):
        rebuild.build(_lock(data, drop=["dist/img/**"]), tmp_path, fetch=lambda url: data, store=None)


def test_a_module_importing_a_dropped_file_stops_the_build(tmp_path):
    data = _tarball([*GOOD, ("package/dist/a.module.js", b'import { b } from "./b.js";', None)])
    with pytest.raises(rebuild.LibraryError, match=r"imports \./b\.js, which is not kept"):
        rebuild.build(_lock(data), tmp_path, fetch=lambda url: data, store=None)


def test_the_default_fetch_reads_file_urls_and_names_a_failed_download(tmp_path):
    data = _tarball(GOOD)
    (tmp_path / "tiny.tgz").write_bytes(data)
    assert rebuild.fetch_url((tmp_path / "tiny.tgz").as_uri()) == data
    with pytest.raises(rebuild.LibraryError, match=r"could not download .*missing\.tgz after 1 attempts"):
        rebuild.fetch_url((tmp_path / "missing.tgz").as_uri(), attempts=1)


def test_a_damaged_tarball_in_the_local_store_is_downloaded_again(tmp_path):
    data = _tarball(GOOD)
    entry = _lock(data)["packages"][0]
    (tmp_path / "tiny-1.0.0.tgz").write_bytes(b"not a tarball")
    fetched = []
    assert rebuild.tarball_bytes(entry, fetch=lambda url: fetched.append(url) or data, store=tmp_path) == data
    assert fetched == [entry["tarball"]] and (tmp_path / "tiny-1.0.0.tgz").read_bytes() == data
    assert rebuild.tarball_bytes(entry, fetch=lambda url: pytest.fail("fetched again"), store=tmp_path) == data


@pytest.mark.parametrize(
    "version, wanted, fits",
    [
        ("0.160.1", "^0.160.0", True),
        ("0.161.0", "^0.160.0", False),
        ("4.5.1", "4", True),
        ("5.0.0", "^4.4.1", False),
        ("4.4.9", "~4.4.1", True),
        ("4.5.0", "~4.4.1", False),
        ("3.9.1", "3.9.1", True),
        ("4.0.0-beta.1", "4", False),
    ],
)
def test_version_ranges(version, wanted, fits):
    assert rebuild.satisfies(version, wanted) is fits
