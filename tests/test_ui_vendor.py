"""The window UI's vendored libraries (shell/ui/vendor/): what is committed is what the lockfile builds.

The rebuild itself (`bash shell/ui/vendor/build --check`, node and the npm registry) runs in CI's checks; these
tests need neither and say what must hold for that check to mean anything: the built files are the ones the sums
name, every package is pinned by exact version and integrity, every bundled package's license ships with them.
"""

from __future__ import annotations

import hashlib
import json
import re

from conftest import ROOT

VENDOR = ROOT / "shell" / "ui" / "vendor"
BUILT = ["codemirror.js", "markdown.js", "axe.min.js", "THIRD_PARTY_LICENSES.txt"]
EXACT = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")


def _lock() -> dict:
    return json.loads((VENDOR / "package-lock.json").read_text())


def _licensed() -> dict[str, str]:
    """name -> version, from the headers of THIRD_PARTY_LICENSES.txt ("name@1.2.3 (MIT)")."""
    text = (VENDOR / "THIRD_PARTY_LICENSES.txt").read_text()
    return dict(re.findall(r"^((?:@[^/\s]+/)?[^@\s]+)@(\S+) \(", text, flags=re.MULTILINE))


def test_the_checksums_name_every_built_file_and_match_it():
    sums = {}
    for line in (VENDOR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name] = digest
    assert sorted(sums) == sorted(BUILT)
    for name in BUILT:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == sums[name], f"{name} differs from SHA256SUMS"


def test_every_package_is_pinned_by_exact_version_and_integrity():
    manifest = json.loads((VENDOR / "package.json").read_text())
    lock = _lock()
    assert lock["lockfileVersion"] >= 2
    packages = {path: meta for path, meta in lock["packages"].items() if path}
    assert packages
    for path, meta in packages.items():
        assert EXACT.match(meta.get("version", "")), f"{path} is not pinned to an exact version"
        assert meta.get("integrity", "").startswith("sha512-"), f"{path} has no sha512 integrity"
    wanted = {**manifest["dependencies"], **manifest["devDependencies"]}
    for name, version in wanted.items():
        assert EXACT.match(version), f"package.json asks for {name}@{version}, not an exact version"
        assert packages[f"node_modules/{name}"]["version"] == version
    assert lock["packages"][""]["dependencies"] == manifest["dependencies"]
    # CodeMirror's packages share one @codemirror/state (two copies break the editor's extensions)
    assert [p for p in packages if p.endswith("/@codemirror/state")] == ["node_modules/@codemirror/state"]


def test_the_license_file_names_each_bundled_package_at_its_locked_version():
    manifest = json.loads((VENDOR / "package.json").read_text())
    locked = {path.removeprefix("node_modules/"): meta["version"] for path, meta in _lock()["packages"].items() if path}
    licensed = _licensed()
    for name in manifest["dependencies"]:
        assert name in licensed, f"{name} is bundled but its license is not in THIRD_PARTY_LICENSES.txt"
    for name, version in licensed.items():
        assert locked.get(name) == version, (
            f"THIRD_PARTY_LICENSES.txt names {name}@{version}, the lockfile has {locked.get(name)}"
        )
    # what the bundles are made of, beyond the direct dependencies
    assert {"@lezer/lr", "@lezer/html", "style-mod", "w3c-keyname", "linkify-it", "mdurl", "entities"} <= set(licensed)
    assert "esbuild" not in licensed, "the build tool is not shipped"


def test_the_bundles_are_deterministic_text():
    for name in ("codemirror.js", "markdown.js"):
        text = (VENDOR / name).read_text(encoding="utf-8")
        assert str(ROOT) not in text and "/tmp/" not in text, f"{name} holds a build path"
        assert "sourceMappingURL" not in text
    assert "languageFor" in (VENDOR / "codemirror.js").read_text()


def test_ci_checks_the_rebuild_right_after_the_offline_library():
    steps = [line.strip() for line in (ROOT / ".ci" / "test").read_text().splitlines()]
    commands = [s for s in steps if s and not s.startswith(("#", "echo"))]
    library = commands.index(".venv/bin/python tools/rebuild_libraries.py --check")
    assert commands[library + 1] == "bash shell/ui/vendor/build --check"
