#!/usr/bin/env python3
"""Build the preview's offline library cache from the npm registry, reproducibly.

Generated apps load their libraries from CDNs (jsDelivr, unpkg, cdnjs, esm.sh, cdn.tailwindcss.com), and the
preview blocks the network, so Vibing ships the libraries those apps use most inside the app, at pinned versions.
This script is the only way that cache is made:

- `shell/libraries/libraries.json` says what to pin (name, wanted range, which files to keep, cdnjs names, ESM
  entries, generated wrappers, fonts). People edit it.
- `shell/libraries/libraries.lock.json` is the same list resolved to exact versions, with each tarball's URL and the
  registry's sha512 `integrity`. `--update` writes it (newest version in each range); `--lock` writes it keeping the
  pinned versions that still fit their range (use it after changing which files are kept).
- The default mode reads only the lockfile: it downloads each tarball (kept in ~/.cache/vibing-npm/ for reruns),
  verifies its integrity, extracts the kept files into `shell/libraries/cache/<name>@<version>/`, writes the
  generated wrappers, and writes `shell/libraries/manifest.json` (sorted keys, byte-identical on every rerun), the
  one file the runtime reads to know what is cached.
- `--check` builds into a temporary folder and compares with what is committed, one line per difference: CI runs it
  to prove the committed cache is exactly what the lockfile produces.

It uses the standard library only, so it runs before Vibing (or anything else) is installed. Tarballs are untrusted
input: a member with an absolute path or `..` makes the whole tarball refused, links are never written or followed,
and every file is created fresh (O_EXCL, O_NOFOLLOW) inside a folder this script made.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
LIBRARIES = ROOT / "shell" / "libraries"
SPEC = LIBRARIES / "libraries.json"
LOCK = LIBRARIES / "libraries.lock.json"
CACHE = LIBRARIES / "cache"
MANIFEST = LIBRARIES / "manifest.json"
REGISTRY = "https://registry.npmjs.org"
TARBALLS = Path(os.environ.get("VIBING_NPM_CACHE", Path.home() / ".cache" / "vibing-npm"))
# The budget the whole cache must fit in (issue 15); the build refuses to go past it.
BUDGET_BYTES = 40 * 1024 * 1024
ATTEMPTS = 3
GENERATED_DIR = "_vibing"

Fetch = Callable[[str], bytes]


class LibraryError(Exception):
    """A build that cannot go on, with a message a person can act on (the script prints it and exits 1).

    The script does not use vibing.errors on purpose: it runs in CI before the package is installed.
    """


# ---------------------------------------------------------------------------------------------------------------
# Fetching


def fetch_url(url: str, *, attempts: int = ATTEMPTS, timeout: float = 60.0) -> bytes:
    """Download a URL, retrying a failed attempt (CI's network to the registry is sometimes flaky)."""
    last: Exception | None = None
    for attempt in range(1, attempts + 1):
        try:
            request = urllib.request.Request(url, headers={"User-Agent": "vibing-rebuild-libraries"})
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            last = error
            if error.code == 404:
                break  # retrying will not make it appear
        except (urllib.error.URLError, OSError, TimeoutError) as error:
            last = error
        if attempt < attempts:
            time.sleep(2 ** (attempt - 1))  # back off before the next attempt; not a wait for success
    reason = getattr(last, "reason", None) or last
    raise LibraryError(f"could not download {url} after {attempts} attempts: {reason}")


def fetch_packument(name: str, fetch: Fetch = fetch_url) -> dict:
    """The registry's abbreviated metadata for a package (every version, its tarball and integrity)."""
    url = f"{REGISTRY}/{urllib.parse.quote(name, safe='@')}"
    try:
        return json.loads(fetch(url))
    except json.JSONDecodeError as error:
        raise LibraryError(f"the registry's answer for {name} is not JSON: {error}") from error


# ---------------------------------------------------------------------------------------------------------------
# Versions: the small part of npm's semver the spec uses ("4", "4.4", "^4.4.1", "~4.4.1", "4.4.1", "4.x")

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def parse_version(text: str) -> tuple[int, int, int] | None:
    """A release version as a tuple; None for a prerelease or anything unusual (never pinned)."""
    match = _VERSION.match(text)
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


def satisfies(version: str, wanted: str) -> bool:
    """Whether `version` fits the range `wanted` (partial versions, ^, ~ and x wildcards)."""
    parsed = parse_version(version)
    if parsed is None:
        return False
    wanted = wanted.strip()
    op = wanted[0] if wanted[:1] in ("^", "~") else ""
    parts = [p for p in wanted.lstrip("^~").split(".") if p not in ("x", "X", "*", "")]
    if not all(p.isdigit() for p in parts) or len(parts) > 3:
        raise LibraryError(f"unsupported version range {wanted!r} (use 4, 4.4, 4.4.1, ^4.4.1, ~4.4.1 or 4.x)")
    bound = tuple(int(p) for p in parts)
    if op == "^" and len(bound) == 3:
        # ^ keeps the first non-zero number fixed (npm's rule: ^0.160.0 means 0.160.x).
        fixed = next((i for i, n in enumerate(bound) if n), 2) + 1
        return parsed >= bound and parsed[:fixed] == bound[:fixed]
    if op == "~" and len(bound) == 3:
        return parsed >= bound and parsed[:2] == bound[:2]
    return parsed[: len(bound)] == bound


def resolve(name: str, wanted: str, packument: dict) -> dict:
    """The newest release of `name` in `wanted`: version, tarball URL and integrity."""
    candidates = [v for v in packument.get("versions", {}) if satisfies(v, wanted)]
    if not candidates:
        raise LibraryError(f"no release of {name} matches {wanted!r}")
    version = max(candidates, key=lambda v: parse_version(v) or (0, 0, 0))
    dist = packument["versions"][version].get("dist", {})
    if not str(dist.get("integrity", "")).startswith("sha512-"):
        raise LibraryError(f"{name}@{version} has no sha512 integrity in the registry; refusing to pin it")
    return {"version": version, "tarball": dist["tarball"], "integrity": dist["integrity"]}


# ---------------------------------------------------------------------------------------------------------------
# Tarballs


def check_integrity(label: str, data: bytes, integrity: str) -> None:
    """Raise unless `data` has the sha512 the lockfile recorded (npm's Subresource Integrity form)."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512" or not expected:
        raise LibraryError(f"{label}: the lockfile's integrity {integrity!r} is not a sha512 value")
    actual = base64.b64encode(hashlib.sha512(data).digest()).decode()
    if actual != expected:
        raise LibraryError(
            f"{label}: integrity mismatch: the tarball's sha512 is {actual[:16]}..., the lockfile expects "
            f"{expected[:16]}... (a corrupted download or a changed package; refusing it)"
        )


def tarball_bytes(entry: dict, fetch: Fetch = fetch_url, store: Path | None = TARBALLS) -> bytes:
    """The verified tarball of a lockfile entry, from the local store when it is there and intact."""
    label = f"{entry['name']}@{entry['version']}"
    cached = store / f"{entry['name'].replace('/', '+')}-{entry['version']}.tgz" if store else None
    if cached and cached.is_file() and not cached.is_symlink():
        data = cached.read_bytes()
        try:
            check_integrity(label, data, entry["integrity"])
            return data
        except LibraryError:
            pass  # a damaged copy in the store: download it again
    data = fetch(entry["tarball"])
    check_integrity(label, data, entry["integrity"])
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(cached)
    return data


def _expand_braces(pattern: str) -> list[str]:
    match = re.search(r"\{([^{}]*)\}", pattern)
    if not match:
        return [pattern]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    return [x for option in match[1].split(",") for x in _expand_braces(head + option + tail)]


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob: `**/` any folders (or none), `**` anything, `*` and `?` within one path segment."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matcher(patterns: list[str]) -> Callable[[str], bool]:
    compiled = [_glob_regex(p) for pattern in patterns for p in _expand_braces(pattern)]
    return lambda path: any(r.match(path) for r in compiled)


def _member_path(label: str, member: tarfile.TarInfo) -> str | None:
    """The member's path inside the package (the tarball's top folder removed), refusing unsafe names."""
    name = member.name
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or "\\" in name:
        raise LibraryError(f"{label}: refusing the tarball: member {name!r} has an absolute or Windows path")
    parts = PurePosixPath(name).parts
    if any(part == ".." for part in parts):
        raise LibraryError(f"{label}: refusing the tarball: member {name!r} climbs out with '..'")
    parts = tuple(p for p in parts if p != ".")
    if len(parts) < 2:
        return None  # the top folder itself
    return "/".join(parts[1:])


def read_package(label: str, data: bytes) -> tuple[dict[str, bytes], dict, list[str]]:
    """Every regular file of a package tarball (path -> bytes), its package.json, and the links it holds."""
    files: dict[str, bytes] = {}
    links: list[str] = []
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
            for member in archive.getmembers():
                path = _member_path(label, member)
                if path is None:
                    continue
                if member.issym() or member.islnk():
                    links.append(path)
                    continue
                if not member.isfile():
                    continue
                handle = archive.extractfile(member)
                files[path] = handle.read() if handle else b""
    except (tarfile.TarError, EOFError, OSError) as error:
        raise LibraryError(f"{label}: the tarball cannot be read: {error}") from error
    try:
        package_json = json.loads(files.get("package.json", b"{}"))
    except json.JSONDecodeError:
        package_json = {}
    return files, package_json, links


def select_files(label: str, files: dict[str, bytes], links: list[str], entry: dict) -> dict[str, bytes]:
    """The files the lockfile keeps: matched by `keep`, not by `drop`; a kept link is an error."""
    keep, drop = matcher(entry.get("keep", [])), matcher(entry.get("drop", []))
    kept = {path: data for path, data in files.items() if keep(path) and not drop(path)}
    linked = [path for path in links if keep(path) and not drop(path)]
    if linked:
        raise LibraryError(f"{label}: {linked[0]} is a link in the tarball; links are never followed or written")
    if not kept:
        raise LibraryError(f"{label}: the keep patterns match no file of the package")
    for pattern in entry.get("keep", []):
        if not any(matcher([pattern])(path) for path in kept):
            raise LibraryError(f"{label}: the keep pattern {pattern!r} matches no kept file (a renamed file?)")
    return kept


# ---------------------------------------------------------------------------------------------------------------
# Generated files: ES modules over UMD builds (React 18 and ReactDOM 18 publish no ESM build)


def _relative(from_address: str, to_address: str) -> str:
    """The relative URL from one cache address (`name@version/path`) to another, as the served /lib/ tree has it."""
    source = PurePosixPath(from_address).parent
    rel = os.path.relpath(to_address, start=str(source))
    return rel if rel.startswith("../") else f"./{rel}"


def generate(name: str, version: str, spec: dict) -> bytes:
    """The text of one generated module, entirely determined by its lockfile entry."""
    address = f"{name}@{version}/{spec['path']}"
    lines = [
        f"// Generated by tools/rebuild_libraries.py for the Vibing offline library ({spec['kind']}); do not edit.",
    ]
    for imported in spec.get("imports", []):
        target = imported if "@" in imported.lstrip("@") else f"{name}@{version}/{imported}"
        lines.append(f'import "{_relative(address, target)}";')
    source = f"globalThis.{spec['global']}"
    if spec["kind"] == "global-esm":
        lines.append(f"const lib = {source};")
        lines.append(f'if (!lib) throw new Error("{name}@{version}: the UMD build did not define {spec["global"]}");')
        if spec.get("default", False):
            lines.append("export default lib;")
        for export in spec.get("names", []):
            lines.append(f"export const {export} = lib.{export};")
        # A name the ES build has and the UMD global lacks, with what stands for it (Chart.js's UMD build has no
        # `registerables` because it registers them all itself, so registering [] again is the same chart).
        for export, fallback in sorted(spec.get("fallbacks", {}).items()):
            lines.append(f"export const {export} = lib.{export} ?? {fallback};")
    elif spec["kind"] == "jsx-runtime":
        # React's automatic JSX runtime (react/jsx-runtime) over createElement: the key travels apart from the props.
        lines += [
            f"const React = {source};",
            "function jsx(type, props, key) {",
            "  if (key === undefined) return React.createElement(type, props);",
            "  return React.createElement(type, Object.assign({}, props, { key }));",
            "}",
            "export const Fragment = React.Fragment;",
            "export { jsx, jsx as jsxs, jsx as jsxDEV };",
        ]
    else:
        raise LibraryError(f"{name}@{version}: unknown generated kind {spec['kind']!r}")
    return ("\n".join(lines) + "\n").encode()


# ---------------------------------------------------------------------------------------------------------------
# Manifest


def _resolve_entry(path: str | None, kept: dict[str, bytes], aliases: dict[str, str]) -> str | None:
    """A package.json entry (main, browser, ...) normalised to a kept file, the way CDNs resolve it."""
    if not isinstance(path, str) or not path:
        return None
    path = str(PurePosixPath(path.strip())).removeprefix("./").lstrip("/")
    for candidate in (path, f"{path}.js", f"{path}/index.js"):
        if candidate in kept:
            return candidate
        if candidate in aliases:
            return aliases[candidate]
    return None


def css_references(text: str) -> list[str]:
    """The relative file references (url(...) and @import) of a stylesheet, without query or fragment."""
    found = re.findall(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)", text)
    found += [("", m) for m in re.findall(r"@import\s+['\"]([^'\"]+)['\"]", text)]
    refs = []
    for _, ref in found:
        ref = ref.strip()
        if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//|#|%23)", ref, re.IGNORECASE):
            continue  # data:, https:, in-document fragments: not files of the package
        refs.append(re.split(r"[?#]", ref, maxsplit=1)[0])
    return refs


def check_css(label: str, kept: dict[str, bytes]) -> None:
    """Every file a kept stylesheet points at is kept too (a font or image 404 would break the page offline)."""
    for path, data in kept.items():
        if not path.endswith(".css"):
            continue
        for ref in css_references(data.decode("utf-8", "replace")):
            target = os.path.normpath(str(PurePosixPath(path).parent / urllib.parse.unquote(ref)))
            if target not in kept:
                raise LibraryError(f"{label}: {path} references {ref}, which is not kept")


_MODULE = re.compile(
    r"(?:\.mjs|\.module(?:\.min)?\.js|\.esm(?:\.min)?\.js|esm-browser(?:\.prod)?\.js)$|(?:^|/)(?:jsm|esm)/"
)
_RELATIVE_IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}/[^'"\s]+)\1""")


def check_imports(label: str, kept: dict[str, bytes]) -> None:
    """Every relative import of a kept ES module is kept too (trimming a folder must not break what stays)."""
    problems = []
    for path, data in sorted(kept.items()):
        if not _MODULE.search(path):
            continue
        for _, ref in _RELATIVE_IMPORT.findall(data.decode("utf-8", "replace")):
            target = os.path.normpath(str(PurePosixPath(path).parent / ref))
            if target not in kept:
                problems.append(f"{label}: {path} imports {ref}, which is not kept (keep it or drop {path})")
    if problems:
        raise LibraryError("\n".join(problems))


def font_entry(family: str, spec: dict, entry: dict, kept: dict[str, bytes]) -> dict:
    """A family of the manifest's `fonts`, read from the kept files' fontsource names (latin subset)."""
    label = f"{entry['name']}@{entry['version']}"
    if "styles" in spec:  # given by hand (icon fonts, which fontsource does not name)
        named = [
            p for style in spec["styles"].values() for p in (style.values() if isinstance(style, dict) else [style])
        ]
        missing = [p for p in named if p not in kept]
        if missing:
            raise LibraryError(f"{label}: the font family {family!r} names {missing[0]}, which is not kept")
        return {
            "package": entry["name"],
            "version": entry["version"],
            **{k: v for k, v in spec.items() if k != "package"},
        }
    styles: dict = {}
    weights: set[int] = set()
    for path in sorted(kept):
        variable = re.match(r"^files/.+-latin-wght-(normal|italic)\.woff2$", path)
        static = re.match(r"^files/.+-latin-(\d+)-(normal|italic)\.woff2$", path)
        if spec.get("variable") and variable:
            styles[variable[1]] = path
        elif not spec.get("variable") and static:
            styles.setdefault(static[2], {})[static[1]] = path
            weights.add(int(static[1]))
    if not styles:
        raise LibraryError(f"{label}: no latin woff2 file kept for the font family {family!r}")
    result = {"package": entry["name"], "version": entry["version"], "variable": bool(spec.get("variable"))}
    if spec.get("variable"):
        result["weights"] = list(spec["weights"])
    else:
        result["weights"] = sorted(weights)
    result["styles"] = styles
    for extra in ("class", "css"):
        if extra in spec:
            result[extra] = spec[extra]
    return result


def build(lock: dict, out: Path, fetch: Fetch = fetch_url, store: Path | None = TARBALLS) -> dict:
    """Write the cache for `lock` into the empty folder `out` and return the manifest."""
    packages: dict = {}
    kept_by_package: dict[tuple[str, str], dict[str, bytes]] = {}
    for entry in lock["packages"]:
        name, version = entry["name"], entry["version"]
        label = f"{name}@{version}"
        files, package_json, links = read_package(label, tarball_bytes(entry, fetch, store))
        kept = select_files(label, files, links, entry)
        for generated in entry.get("generated", []):
            path = generated["path"]
            if not path.startswith(f"{GENERATED_DIR}/") or path in kept:
                raise LibraryError(f"{label}: a generated file must live under {GENERATED_DIR}/ ({path})")
            kept[path] = generate(name, version, generated)
        check_css(label, kept)
        check_imports(label, kept)
        aliases = dict(entry.get("aliases", {}))
        if entry.get("min_aliases"):
            # A page asking for the readable build (x.js, x.css) gets the minified one: same code, a tenth the bytes.
            for path in kept:
                match = re.match(r"^(.*)\.min\.(js|css)$", path)
                full = f"{match[1]}.{match[2]}" if match else None
                if full and full in files and full not in kept:
                    aliases.setdefault(full, path)
        for alias, target in aliases.items():
            if target not in kept or alias in kept:
                raise LibraryError(
                    f"{label}: the alias {alias} -> {target} must lead from a dropped file to a kept one"
                )
        for path, data in sorted(kept.items()):
            write_file(out, f"{label}/{path}", data)
        kept_by_package[(name, version)] = kept

        default = entry["default"] if "default" in entry else None
        if "default" not in entry:
            for field in ("jsdelivr", "browser", "main"):
                default = _resolve_entry(package_json.get(field), kept, aliases)
                if default or package_json.get(field):
                    break
        unpkg = _resolve_entry(package_json.get("unpkg"), kept, aliases)
        if default is not None and default not in kept:
            raise LibraryError(f"{label}: the default file {default} is not kept")
        esm = dict(entry.get("esm", {}))
        for subpath, path in esm.items():
            if path not in kept:
                raise LibraryError(f"{label}: the ESM entry {subpath} -> {path} is not kept")
        info = packages.setdefault(name, {"cdnjs": [], "versions": {}})
        info["cdnjs"] = sorted(set(info["cdnjs"]) | set(entry.get("cdnjs", [])))
        version_info = {
            "default": default,
            "esm": esm,
            "files": {
                path: {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()} for path, data in kept.items()
            },
        }
        if aliases:
            version_info["aliases"] = dict(sorted(aliases.items()))
        if unpkg and unpkg != default and "default" not in entry:
            version_info["unpkg"] = unpkg
        info["versions"][version] = version_info

    versions = {entry["name"]: entry for entry in lock["packages"]}
    fonts = {}
    for family, spec in lock.get("fonts", {}).items():
        entry = versions.get(spec["package"])
        if entry is None:
            raise LibraryError(f"the font family {family!r} names {spec['package']}, which is not in the lockfile")
        fonts[family] = font_entry(family, spec, entry, kept_by_package[(entry["name"], entry["version"])])
    hosts = {}
    for host, spec in lock.get("hosts", {}).items():
        entry = versions.get(spec["package"])
        if entry is None or spec["path"] not in kept_by_package[(entry["name"], entry["version"])]:
            raise LibraryError(f"the host {host} points at {spec['package']}/{spec['path']}, which is not kept")
        hosts[host] = {"package": entry["name"], "version": entry["version"], "path": spec["path"]}
        # e.g. cdn.tailwindcss.com?plugins=forms,typography -> the build with the official plugins
        for key in ("plugins_path",):
            if key in spec:
                if spec[key] not in kept_by_package[(entry["name"], entry["version"])]:
                    raise LibraryError(f"the host {host}'s {key} {spec[key]} is not kept")
                hosts[host][key] = spec[key]

    manifest = {"format": 1, "packages": packages, "hosts": hosts, "fonts": fonts}
    total = sum(f["size"] for p in packages.values() for v in p["versions"].values() for f in v["files"].values())
    if total > BUDGET_BYTES:
        raise LibraryError(f"the cache would hold {total / 1e6:.1f} MB, over the {BUDGET_BYTES / 2**20:.0f} MiB budget")
    return manifest


def write_file(root: Path, relative: str, data: bytes) -> None:
    """Create one file under `root`, refusing to leave it or to write through an existing file or link."""
    parts = PurePosixPath(relative).parts
    if not parts or any(p in ("", ".", "..") for p in parts) or PurePosixPath(relative).is_absolute():
        raise LibraryError(f"refusing to write {relative!r}: not a plain relative path")
    target = root.joinpath(*parts)
    root.mkdir(parents=True, exist_ok=True)
    current = root
    for part in parts[:-1]:
        current = current / part
        if current.is_symlink():
            raise LibraryError(f"refusing to write {relative!r}: {current} is a link")
        current.mkdir(exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(target, flags, 0o644)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()


# ---------------------------------------------------------------------------------------------------------------
# Lockfile


def lock_from_spec(spec: dict, old: dict | None, update: set[str] | None, fetch: Fetch = fetch_url) -> dict:
    """The lockfile for `spec`: a pinned version is kept while it fits its range, unless its name is in `update`
    (None: update every package)."""
    pinned = {(e["name"], e["range"]): e for e in (old or {}).get("packages", [])}
    packuments: dict[str, dict] = {}
    packages = []
    for item in spec["packages"]:
        name, wanted = item["name"], item["range"]
        previous = pinned.get((name, wanted))
        if previous and (update is not None and name not in update) and satisfies(previous["version"], wanted):
            resolved = {k: previous[k] for k in ("version", "tarball", "integrity")}
        else:
            if name not in packuments:
                packuments[name] = fetch_packument(name, fetch)
            resolved = resolve(name, wanted, packuments[name])
        packages.append(
            {"name": name, "range": wanted, **resolved, **{k: v for k, v in item.items() if k not in ("name", "range")}}
        )
    return {
        "format": 1,
        "registry": REGISTRY,
        "packages": packages,
        "hosts": spec.get("hosts", {}),
        "fonts": spec.get("fonts", {}),
    }


def lock_bytes(lock: dict) -> bytes:
    return (json.dumps(lock, indent=1, ensure_ascii=False) + "\n").encode()


def lock_is_current(spec: dict, lock: dict) -> list[str]:
    """Differences between what libraries.json asks for and what the lockfile records (besides versions)."""
    problems = []
    locked = [{k: v for k, v in e.items() if k not in ("version", "tarball", "integrity")} for e in lock["packages"]]
    if locked != spec["packages"]:
        wanted = {(p["name"], p["range"]) for p in spec["packages"]}
        have = {(p["name"], p["range"]) for p in locked}
        for name, rng in sorted(wanted - have):
            problems.append(f"lockfile: {name} {rng} is in libraries.json but not locked (run --lock)")
        for name, rng in sorted(have - wanted):
            problems.append(f"lockfile: {name} {rng} is locked but no longer in libraries.json (run --lock)")
        if not problems:
            problems.append("lockfile: its file lists differ from libraries.json (run --lock)")
    for key in ("hosts", "fonts"):
        if lock.get(key, {}) != spec.get(key, {}):
            problems.append(f"lockfile: its {key} differ from libraries.json (run --lock)")
    for entry in lock["packages"]:
        if not satisfies(entry["version"], entry["range"]):
            problems.append(f"lockfile: {entry['name']}@{entry['version']} is outside its range {entry['range']}")
    return problems


# ---------------------------------------------------------------------------------------------------------------
# Comparing a fresh build with the committed one


def tree_files(root: Path) -> dict[str, Path]:
    """Every file under `root` by relative path; links are listed (so --check reports them) but never followed."""
    found = {}
    for directory, dirs, files in os.walk(root, followlinks=False):
        for name in files + [d for d in dirs if (Path(directory) / d).is_symlink()]:
            path = Path(directory) / name
            found[path.relative_to(root).as_posix()] = path
    return found


def compare(fresh: Path, committed: Path) -> list[str]:
    differences = []
    new, old = tree_files(fresh), tree_files(committed) if committed.is_dir() else {}
    for path in sorted(set(new) | set(old)):
        if path not in old:
            differences.append(f"cache: {path} is missing from the committed cache")
        elif path not in new:
            differences.append(f"cache: {path} is committed but the lockfile does not produce it")
        elif old[path].is_symlink():
            differences.append(f"cache: {path} is a link in the committed cache")
        elif old[path].read_bytes() != new[path].read_bytes():
            differences.append(f"cache: {path} differs from what the lockfile produces")
    return differences


def rebuild(lock: dict, fetch: Fetch = fetch_url, store: Path | None = TARBALLS) -> dict:
    """Build next to the committed cache, then swap it in, so a failed build leaves the old cache whole."""
    LIBRARIES.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".cache-", dir=LIBRARIES))
    try:
        manifest = build(lock, staging, fetch, store)
        if CACHE.exists():
            old = CACHE.with_name(".cache-old")
            shutil.rmtree(old, ignore_errors=True)
            CACHE.rename(old)
            staging.rename(CACHE)
            shutil.rmtree(old)
        else:
            staging.rename(CACHE)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    MANIFEST.write_bytes(manifest_bytes(manifest))
    return manifest


def check(lock: dict, spec: dict | None, fetch: Fetch = fetch_url, store: Path | None = TARBALLS) -> list[str]:
    differences = lock_is_current(spec, lock) if spec is not None else []
    with tempfile.TemporaryDirectory(prefix="vibing-libraries-") as tmp:
        manifest = build(lock, Path(tmp), fetch, store)
        differences += compare(Path(tmp), CACHE)
    committed = MANIFEST.read_bytes() if MANIFEST.is_file() else b""
    if committed != manifest_bytes(manifest):
        differences.append("manifest: shell/libraries/manifest.json differs from what the lockfile produces")
    return differences


def sizes(manifest: dict) -> list[tuple[str, int, int]]:
    rows = []
    for name, info in manifest["packages"].items():
        for version, v in info["versions"].items():
            rows.append((f"{name}@{version}", len(v["files"]), sum(f["size"] for f in v["files"].values())))
    return sorted(rows, key=lambda r: -r[2])


def show(name: str, lock: dict, store: Path | None = TARBALLS) -> None:
    """List a locked package's tarball with sizes, marking what is kept: how the keep patterns are chosen."""
    for entry in lock["packages"]:
        if entry["name"] != name and f"{entry['name']}@{entry['version']}" != name:
            continue
        label = f"{entry['name']}@{entry['version']}"
        files, _, links = read_package(label, tarball_bytes(entry, fetch_url, store))
        keep, drop = matcher(entry.get("keep", [])), matcher(entry.get("drop", []))
        total = 0
        for path in sorted(files):
            mark = "+" if keep(path) and not drop(path) else " "
            total += len(files[path]) if mark == "+" else 0
            print(f"{mark} {len(files[path]):>10} {label}/{path}")
        for path in links:
            print(f"L {'':>10} {label}/{path}")
        print(f"= {total:>10} kept of {sum(map(len, files.values()))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--update", nargs="*", metavar="NAME", help="re-resolve versions (all, or the names given)")
    mode.add_argument("--lock", action="store_true", help="rewrite the lockfile from libraries.json, keeping pins")
    mode.add_argument("--check", action="store_true", help="fail if the committed cache differs from a rebuild")
    mode.add_argument("--show", metavar="NAME", help="list a locked package's tarball, marking the kept files")
    args = parser.parse_args(argv)
    try:
        spec = json.loads(SPEC.read_text()) if SPEC.is_file() else None
        if args.update is not None or args.lock:
            if spec is None:
                raise LibraryError(f"{SPEC} is missing")
            old = json.loads(LOCK.read_text()) if LOCK.is_file() else None
            lock = lock_from_spec(spec, old, set() if args.lock else (set(args.update) or None))
            LOCK.write_bytes(lock_bytes(lock))
            print(f"wrote {LOCK.relative_to(ROOT)} ({len(lock['packages'])} packages)")
        if not LOCK.is_file():
            raise LibraryError(f"{LOCK} is missing (run with --update to create it)")
        lock = json.loads(LOCK.read_text())
        if args.show:
            show(args.show, lock)
            return 0
        if args.check:
            differences = check(lock, spec)
            for line in differences:
                print(line)
            if differences:
                print(f"the committed library cache is not what the lockfile builds ({len(differences)} differences)")
                return 1
            print("the committed library cache is exactly what the lockfile builds")
            return 0
        manifest = rebuild(lock)
        rows = sizes(manifest)
        for label, count, size in rows:
            print(f"{size / 1e6:8.2f} MB {count:5d} files  {label}")
        print(f"{sum(r[2] for r in rows) / 1e6:8.2f} MB in all ({len(rows)} packages)")
        return 0
    except LibraryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
