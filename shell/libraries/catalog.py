"""Which cached file answers a CDN URL, and the cached files themselves.

The manifest (``manifest.json``, written by ``tools/rebuild_libraries.py``) is the only source of truth: a file is
served only if the manifest lists it, so a file that lies on disk without being listed, a path with ``..``, or a
link planted in the cache folder answers nothing.  The manifest is read once, on first use; a missing or corrupt
manifest is logged and leaves an empty catalog (previews still serve the project's own files, and every CDN URL is
reported as needing the network).

Version rules (issue 15): the exact version when it is cached; otherwise the cached version of the same major (the
first number, also for 0.x packages such as three), the closest one, with a notice; ``latest``, no version or a
range: the newest cached version that satisfies it, else the closest of its major.  Anything else is ``missing``:
the URL stays as written (so it loads when the project may use the network) and is reported by package and
version.
"""

from __future__ import annotations

import json
import os
import re
import stat
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from vibing import log

logger = log.get("shell.libraries")

#: The folder that holds ``manifest.json`` and ``cache/`` (what ``tools/rebuild_libraries.py`` writes).
HOME = Path(__file__).resolve().parent
#: Another folder of the same layout, for tests and for trying a rebuilt cache.
ENV = "VIBING_LIBRARY_CACHE"
FORMAT = 1
#: No cached file is larger (the biggest real ones, Phaser and Babel, are a few MB); a larger file is refused.
MAX_FILE = 16 * 1024 * 1024

Kind = Literal["exact", "substituted", "missing"]

#: An npm package name, optionally scoped (``@babel/standalone``).
_NAME = r"(?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*"
_SPEC = re.compile(rf"^(?P<name>{_NAME})(?:@(?P<version>[^/]*))?(?:/(?P<path>.*))?$", re.IGNORECASE)
_PACKAGE = re.compile(rf"^{_NAME}$")
_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+_-]*$")
_NUMBERS = re.compile(r"^v?(\d+)(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")
#: Hosts whose URLs this catalog understands (the rewrite looks for these only).
HOSTS = (
    "cdn.jsdelivr.net",
    "fastly.jsdelivr.net",
    "unpkg.com",
    "cdnjs.cloudflare.com",
    "esm.sh",
    "esm.run",
    "cdn.tailwindcss.com",
    "fonts.googleapis.com",
    "d3js.org",
    "code.jquery.com",
    "ajax.googleapis.com",
)
#: Google Hosted Libraries' names that are not npm's.
GOOGLE_LIBRARIES = {"d3js": "d3", "threejs": "three", "jquery": "jquery"}


@dataclass(frozen=True, slots=True)
class Resolution:
    """What the offline library makes of one URL.

    ``local`` is the address on the preview origin that answers it (``/lib/...``), or ``""`` when the URL must stay
    as written.  ``kind`` is ``exact`` (the cached version is the one asked for, or satisfies the range asked for),
    ``substituted`` (another version of the same major; ``message`` is the notice) or ``missing`` (``message`` names
    the package and version the offline library lacks).  A Google Fonts URL with some families cached is both
    rewritten and ``missing`` (the generated CSS imports the rest from Google, which loads when the network is
    allowed).
    """

    kind: Kind
    url: str
    package: str
    requested: str = ""
    version: str = ""
    path: str = ""
    local: str = ""
    message: str = ""


@dataclass(frozen=True, slots=True)
class CachedFile:
    """A file the manifest lists, and where it lies under the cache folder."""

    package: str
    version: str
    path: str
    size: int


@dataclass(slots=True)
class _Manifest:
    packages: dict[str, dict[str, Any]] = field(default_factory=dict)
    cdnjs: dict[str, str] = field(default_factory=dict)
    hosts: dict[str, dict[str, Any]] = field(default_factory=dict)
    fonts: dict[str, dict[str, Any]] = field(default_factory=dict)
    fonts_folded: dict[str, str] = field(default_factory=dict)


class Catalog:
    """The cached libraries of one cache folder (``folder/manifest.json`` and ``folder/cache/``).

    Pure lookups once the manifest is loaded; :meth:`resolve` results are memoised per URL (pages repeat them).
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else Path(os.environ.get(ENV) or HOME)
        self.cache = self.folder / "cache"
        self._lock = threading.Lock()
        self._manifest: _Manifest | None = None
        self._memo: dict[str, Resolution | None] = {}

    # -- the manifest ------------------------------------------------------------------

    @property
    def manifest(self) -> _Manifest:
        if self._manifest is None:
            with self._lock:
                if self._manifest is None:
                    self._manifest = self._load()
        return self._manifest

    def _load(self) -> _Manifest:
        path = self.folder / "manifest.json"
        try:
            raw = json.loads(path.read_bytes())
            if not isinstance(raw, dict) or raw.get("format") != FORMAT:
                raise ValueError(f"format {raw.get('format') if isinstance(raw, dict) else '?'}, expected {FORMAT}")
            manifest = _parse(raw)
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            logger.error(
                "libraries.manifest_unreadable",
                path=str(path),
                error=f"{type(exc).__name__}: {exc}",
                effect="no offline libraries: every CDN URL needs the network",
            )
            return _Manifest()
        logger.info("libraries.loaded", packages=len(manifest.packages), fonts=len(manifest.fonts))
        return manifest

    @property
    def packages(self) -> dict[str, dict[str, Any]]:
        return self.manifest.packages

    def versions(self, package: str) -> list[str]:
        """The cached versions of a package, oldest first."""
        entry = self.manifest.packages.get(package)
        return sorted(entry["versions"], key=_order) if entry else []

    def cached_file(self, package: str, version: str, path: str) -> CachedFile | None:
        """The manifest's entry for exactly this file of exactly this version, or None."""
        entry = self.manifest.packages.get(package)
        release = entry["versions"].get(version) if entry else None
        info = release["files"].get(path) if release else None
        if info is None:
            return None
        return CachedFile(package, version, path, int(info.get("size", -1)))

    def read(self, file: CachedFile) -> bytes | None:
        """The bytes of a listed file, read from the cache folder without following any link.

        The path is built from manifest entries only, and must resolve to itself under the cache folder (a link
        anywhere on the way changes what it resolves to); the file is opened with ``O_NOFOLLOW``, must be a regular
        file, no larger than :data:`MAX_FILE` and of the size the manifest says.  Anything else: None, logged.
        """
        root = self.cache.resolve()
        target = root / f"{file.package}@{file.version}" / file.path
        try:
            if target.resolve(strict=True) != target:
                raise PermissionError("a link on the way")
            fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except OSError as exc:
            logger.error("libraries.file_unreadable", file=f"{file.package}@{file.version}/{file.path}", error=str(exc))
            return None
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE or info.st_size != file.size:
                logger.error(
                    "libraries.file_mismatch",
                    file=f"{file.package}@{file.version}/{file.path}",
                    size=info.st_size,
                    expected=file.size,
                )
                return None
            data = handle.read(MAX_FILE + 1)
        return data if len(data) == file.size else None

    # -- URLs ----------------------------------------------------------------------------

    def resolve(self, url: str) -> Resolution | None:
        """What the offline library makes of ``url``; None when it is not a CDN URL of a shape we know.

        A URL ending in ``/`` is a directory prefix (an import map's ``"three/addons/"``): it resolves when the
        version is cached and holds files under that prefix.
        """
        if url in self._memo:
            return self._memo[url]
        try:
            result = self._resolve(url)
        except ValueError:
            result = None
        if len(self._memo) < 4096:
            self._memo[url] = result
        return result

    def _resolve(self, url: str) -> Resolution | None:
        full = "https:" + url if url.startswith("//") else url
        parts = urlsplit(full)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or host not in HOSTS:
            return None
        path = parts.path
        if host == "fonts.googleapis.com":
            return self._fonts(url, path, parts.query)
        if host == "cdn.tailwindcss.com":
            return self._host(url, host, path.strip("/"), plugins="plugins=" in parts.query)
        path = unquote(path)
        if host in ("cdn.jsdelivr.net", "fastly.jsdelivr.net"):
            if not path.startswith("/npm/"):
                return None
            rest, esm = path[5:], False
            if rest.endswith("/+esm") or rest == "+esm":
                rest, esm = rest[: -len("+esm")].rstrip("/"), True
            return self._npm(url, rest, "esm" if esm else "jsdelivr")
        if host == "unpkg.com":
            if path.startswith("/browse/"):
                return None
            return self._npm(url, path[1:], "unpkg")
        if host == "esm.run":
            return self._npm(url, path[1:], "esm")
        if host == "esm.sh":
            rest = re.sub(r"^/(?:v\d+/|stable/)?\*?", "", path)
            return self._npm(url, rest, "esm")
        if host in ("cdnjs.cloudflare.com", "ajax.googleapis.com"):
            return self._cdnjs(url, path, GOOGLE_LIBRARIES if host == "ajax.googleapis.com" else {})
        if host == "d3js.org":  # d3's own site: /d3.v7.min.js is the newest d3 7 bundle
            bundle = re.fullmatch(r"/d3\.v(\d+)((?:\.min)?)\.js", path)
            return self._npm(url, f"d3@{bundle[1]}/dist/d3{bundle[2]}.js", "jsdelivr") if bundle else None
        if host == "code.jquery.com":  # /jquery-3.7.1.min.js, /jquery-3.7.1.slim.js
            bundle = re.fullmatch(r"/jquery-(\d+\.\d+\.\d+)((?:\.slim)?(?:\.min)?)\.js", path)
            return self._npm(url, f"jquery@{bundle[1]}/dist/jquery{bundle[2]}.js", "jsdelivr") if bundle else None
        return None

    def _npm(self, url: str, spec: str, flavour: str) -> Resolution | None:
        match = _SPEC.match(spec)
        if not match:
            return None
        name, requested, path = match["name"].lower(), match["version"] or "", match["path"] or ""
        if flavour == "esm" and path.endswith("/"):
            flavour = "jsdelivr"  # a directory of an ESM build is plain files
        release = self._release(url, name, requested)
        if isinstance(release, Resolution):
            return release
        version, kind, message = release
        entry = self.manifest.packages[name]["versions"][version]
        prefix = url.split("?")[0].endswith("/")
        if prefix:
            found: str | None = path if _has_prefix(entry["files"], path) else None
        elif flavour == "esm":
            found = _esm_file(entry, path)
        else:
            found = _npm_file(entry, path, flavour)
        if found is None:
            return self._missing_file(url, name, requested, version, path or "(the package's main file)")
        return self._served(url, name, requested, version, found, kind, message)

    def _cdnjs(self, url: str, path: str, names: dict[str, str]) -> Resolution | None:
        """cdnjs (and Google Hosted Libraries, the same shape): ``/ajax/libs/<library>/<version>/<file>``."""
        match = re.match(r"^/ajax/libs/([^/]+)/([^/]+)/(.+)$", path)
        if not match:
            return None
        library, requested, file = match.groups()
        name = names.get(library) or self.manifest.cdnjs.get(library.lower())
        if name is None:
            return Resolution(
                "missing", url, library, requested, message=_not_cached(library, requested, [], source="cdnjs")
            )
        numeric = re.fullmatch(r"r(\d+)", requested)  # three.js on cdnjs: r128 is 0.128.0
        release = self._release(url, name, f"0.{numeric[1]}.0" if numeric else requested)
        if isinstance(release, Resolution):
            return release
        version, kind, message = release
        found = _cdnjs_file(self.manifest.packages[name]["versions"][version], file)
        if found is None:
            return self._missing_file(url, name, requested, version, file)
        return self._served(url, name, requested, version, found, kind, message)

    def _host(self, url: str, host: str, requested: str, *, plugins: bool = False) -> Resolution:
        """A host that is one script (the Tailwind Play CDN); ``?plugins=`` asks for its build with the plugins."""
        target = self.manifest.hosts.get(host)
        if target is None:
            return Resolution("missing", url, host, requested, message=_not_cached(host, requested, []))
        name, version = target["package"], target["version"]
        path = target.get("plugins_path") if plugins and target.get("plugins_path") else target["path"]
        if requested and not _NUMBERS.match(requested):
            requested = ""
        chosen = _choose(requested, [version])
        if chosen is None:
            return Resolution("missing", url, host, requested, message=_not_cached(host, requested, [version]))
        if self.cached_file(name, version, path) is None:
            return self._missing_file(url, name, requested, version, path)
        kind, message = chosen[1], _substitution(host, requested, version) if chosen[1] == "substituted" else ""
        return self._served(url, name, requested, version, path, kind, message)

    def _release(self, url: str, name: str, requested: str) -> tuple[str, Kind, str] | Resolution:
        versions = self.versions(name)
        chosen = _choose(requested, versions)
        if chosen is None:
            return Resolution("missing", url, name, requested, message=_not_cached(name, requested, versions))
        version, kind = chosen
        return version, kind, _substitution(name, requested, version) if kind == "substituted" else ""

    @staticmethod
    def _served(url: str, name: str, requested: str, version: str, path: str, kind: Kind, message: str) -> Resolution:
        local = f"/lib/{name}@{version}/{quote(path)}"
        return Resolution(kind, url, name, requested, version, path, local, message)

    @staticmethod
    def _missing_file(url: str, name: str, requested: str, version: str, path: str) -> Resolution:
        message = f"Vibing: {name}@{version} in the offline library has no {path}; it needs the network ({url})."
        return Resolution("missing", url, name, requested or version, message=message)

    # -- Google Fonts --------------------------------------------------------------------

    def _fonts(self, url: str, path: str, query: str) -> Resolution | None:
        endpoint = path.strip("/")
        if endpoint not in ("css", "css2", "icon"):
            return None
        families = font_families(endpoint, query.replace("&amp;", "&"))
        if not families:
            return None
        cached = [family for family in families if self.font(family) is not None]
        absent = [family for family in families if self.font(family) is None]
        local = f"/lib/fonts/{endpoint}?{query}" if cached else ""
        if not absent:
            return Resolution("exact", url, ", ".join(cached), local=local)
        names = ", ".join(absent)
        noun = "font" if len(absent) == 1 else "fonts"
        message = f"Vibing: the {noun} {names} from Google Fonts {'is' if len(absent) == 1 else 'are'} not in the "
        message += "offline library; the page needs the network for them."
        return Resolution("missing", url, names, local=local, message=message)

    def font(self, family: str) -> dict[str, Any] | None:
        fonts = self.manifest.fonts
        if family in fonts:
            return fonts[family]
        folded = self.manifest.fonts_folded.get(family.casefold())
        return fonts[folded] if folded else None

    def font_css(self, endpoint: str, query: str) -> str:
        """The @font-face CSS that ``fonts.googleapis.com/<endpoint>?<query>`` would give, from the cached fonts.

        Every cached weight and style of a requested family is declared (the browser downloads only the faces a
        page uses); a family that is not cached is imported from Google, which loads when the project may use the
        network and is otherwise reported by the preview's CSP.  Icon fonts get their class, as Google's CSS has.
        """
        params = dict(parse_qsl(query, keep_blank_values=True))
        display = params.get("display", "")
        display = display if display in ("auto", "block", "swap", "fallback", "optional") else ""
        imports, faces = [], []
        for family in font_families(endpoint, query):
            font = self.font(family)
            if font is None:
                remote = f"https://fonts.googleapis.com/css2?family={quote(family)}"
                imports.append(f'@import url("{remote}{"&display=" + display if display else ""}");')
                continue
            faces.extend(self._faces(family, font, display))
        return "\n".join(imports + faces) + "\n"

    def _faces(self, family: str, font: dict[str, Any], display: str) -> Iterable[str]:
        name, version = font.get("package", ""), font.get("version", "")
        weights = font.get("weights") or [400]
        extra = f"font-display:{display};" if display else ""
        css_family = family.replace("\\", "").replace("'", "")
        for style, files in sorted((font.get("styles") or {}).items()):
            if style not in ("normal", "italic"):
                continue
            pairs = (
                [(f"{min(weights)} {max(weights)}", files)]
                if isinstance(files, str)
                else [(str(weight), file) for weight, file in sorted(files.items(), key=lambda kv: int(kv[0]))]
            )
            for weight, file in pairs:
                if self.cached_file(name, version, file) is None:
                    logger.warning("libraries.font_file_unlisted", family=family, file=file)
                    continue
                src = f"/lib/{name}@{version}/{quote(file)}"
                yield (
                    f"@font-face{{font-family:'{css_family}';font-style:{style};font-weight:{weight};{extra}"
                    f"src:url({src}) format('{_font_format(file)}');}}"
                )
        cls = font.get("class") or (family.startswith(("Material Icons", "Material Symbols")) and family.lower())
        if cls and re.fullmatch(r"[a-z][a-z0-9 -]*", cls):
            cls = cls.replace(" ", "-")
            yield (
                f".{cls}{{font-family:'{css_family}';font-weight:normal;font-style:normal;font-size:24px;"
                "line-height:1;letter-spacing:normal;text-transform:none;display:inline-block;white-space:nowrap;"
                "word-wrap:normal;direction:ltr;-webkit-font-feature-settings:'liga';font-feature-settings:'liga';"
                "-webkit-font-smoothing:antialiased;}"
            )


# -- parsing the manifest ----------------------------------------------------------------


def _parse(raw: dict[str, Any]) -> _Manifest:
    """The manifest's entries we can trust: names and paths that cannot leave their folder; unknown fields ignored."""
    manifest = _Manifest()
    for name, entry in (raw.get("packages") or {}).items():
        if not isinstance(entry, dict) or not _PACKAGE.match(name) or name != name.lower():
            logger.warning("libraries.package_skipped", package=str(name)[:80])
            continue
        versions = {}
        for version, release in (entry.get("versions") or {}).items():
            if not isinstance(release, dict) or not _VERSION.match(version):
                logger.warning("libraries.version_skipped", package=name, version=str(version)[:40])
                continue
            files = {path: info for path, info in (release.get("files") or {}).items() if _safe_path(path)}
            esm = {key: path for key, path in (release.get("esm") or {}).items() if path in files}
            default = release.get("default") if release.get("default") in files else None
            unpkg = release.get("unpkg") if release.get("unpkg") in files else default
            aliases = {
                alias: path
                for alias, path in (release.get("aliases") or {}).items()
                if _safe_path(alias) and path in files
            }
            versions[version] = {"files": files, "esm": esm, "default": default, "unpkg": unpkg, "aliases": aliases}
        manifest.packages[name] = {"versions": versions}
        for library in entry.get("cdnjs") or []:
            manifest.cdnjs[str(library).lower()] = name
    for host, target in (raw.get("hosts") or {}).items():
        if isinstance(target, dict) and {"package", "version", "path"} <= target.keys():
            manifest.hosts[host.lower()] = target
    for family, font in (raw.get("fonts") or {}).items():
        if isinstance(font, dict) and font.get("package") in manifest.packages:
            manifest.fonts[family] = font
            manifest.fonts_folded[family.casefold()] = family
    return manifest


def _safe_path(path: Any) -> bool:
    """A relative path inside its package folder: no ``..``, no absolute path, no backslash, no NUL, no ``%``."""
    if not isinstance(path, str) or not path or path.startswith("/") or any(c in path for c in "\\\x00%"):
        return False
    return all(part not in ("", ".", "..") for part in path.split("/"))


# -- versions -------------------------------------------------------------------------------


def _order(version: str) -> tuple[int, int, int, int, str]:
    """Sort key: numbers, then a release after its pre-releases."""
    match = _NUMBERS.match(version)
    if not match:
        return (-1, 0, 0, 0, version)
    major, minor, patch, pre = match.groups()
    num = [int(x) if x and x.isdigit() else 0 for x in (major, minor, patch)]
    return (num[0], num[1], num[2], 0 if pre else 1, pre or "")


def _choose(requested: str, versions: list[str]) -> tuple[str, Kind] | None:
    """The cached version that answers ``requested`` (see the module's rules), or None."""
    if not versions:
        return None
    if requested in versions:
        return requested, "exact"
    spec = requested.strip().split("||")[0].strip().split(" ")[0]
    operator = next((op for op in (">=", ">", "^", "~", "=") if spec.startswith(op)), "")
    match = _NUMBERS.match(spec[len(operator) :].strip())
    releases = [v for v in versions if "-" not in v] or versions
    if not match:  # latest, next, another tag, '*', nothing: the newest cached release
        return max(releases, key=_order), "exact"
    major = int(match[1])
    minor = int(match[2]) if match[2] and match[2].isdigit() else None
    patch = int(match[3]) if match[3] and match[3].isdigit() else None
    low = (major, minor or 0, patch or 0)
    high: tuple[int, int, int] | None
    if operator in (">=", ">"):
        high = None
    elif operator == "^":
        if major or minor is None:
            high = (major + 1, 0, 0)
        else:
            high = (0, minor + 1, 0) if minor or patch is None else (0, 0, (patch or 0) + 1)
    elif operator == "~" or patch is None:
        high = (major + 1, 0, 0) if minor is None else (major, minor + 1, 0)
    else:  # one exact version, and it is not cached
        high = low
    number = {v: _order(v)[:3] for v in versions}
    satisfying = [
        v
        for v in releases
        if (number[v] > low if operator == ">" else number[v] >= low) and (high is None or number[v] < high)
    ]
    if satisfying:
        return max(satisfying, key=_order), "exact"
    same_major = [v for v in releases if number[v][0] == major]
    if not same_major:
        return None

    def distance(v: str) -> tuple[int, int, int]:
        """Closest minor first, then closest patch; on a tie the newer one (a major stays compatible upwards)."""
        _, mi, pa = number[v]
        return (abs(mi - low[1]), abs(pa - low[2]) if mi == low[1] else 0, 0 if number[v] >= low else 1)

    return min(same_major, key=distance), "substituted"


def _substitution(name: str, requested: str, version: str) -> str:
    return f"Vibing: {name}@{requested} is not in the offline library; serving {version}."


def _not_cached(name: str, requested: str, versions: list[str], source: str = "") -> str:
    what = f"{name}@{requested}" if requested else name
    where = f" (cdnjs library {name})" if source else ""
    if versions:
        have = ", ".join(versions)
        return f"Vibing: {what}{where} is not in the offline library (it has {have}); it needs the network."
    return f"Vibing: {what}{where} is not in the offline library; it needs the network."


# -- files inside a version ------------------------------------------------------------------

_MIN = re.compile(r"\.min(\.[a-z]+)$")


def _aliases(path: str) -> list[str]:
    """``x.min.js`` and ``x.js`` answer each other (jsDelivr minifies on request; the build may keep only one)."""
    minified = _MIN.search(path)
    if minified:
        return [path, path[: minified.start()] + minified[1]]
    stem, dot, ext = path.rpartition(".")
    return [path, f"{stem}.min.{ext}"] if dot and ext in ("js", "css", "mjs") else [path]


def _npm_file(release: dict[str, Any], path: str, flavour: str) -> str | None:
    """The kept file for a jsDelivr or unpkg path: itself, its minified or readable twin, the build's alias
    (a dropped file the build points at a kept one), or what unpkg adds to a path without an extension."""
    files, aliases = release["files"], release["aliases"]
    if not path:
        return release["unpkg"] if flavour == "unpkg" else release["default"]
    for candidate in (*_aliases(path), f"{path}.js", f"{path}/index.js"):
        if candidate in files:
            return candidate
        if candidate in aliases:
            return aliases[candidate]
    return None


def _esm_file(release: dict[str, Any], path: str) -> str | None:
    esm = release["esm"]
    if not path:
        return esm.get(".")
    key = "./" + path
    for candidate in (key, re.sub(r"\.m?js$", "", key)):
        if candidate in esm:
            return esm[candidate]
    return path if path in esm.values() else None


def _cdnjs_file(release: dict[str, Any], path: str) -> str | None:
    """cdnjs lays packages out its own way: match the path's tail (then its file name) against the kept files."""
    aliases = release["aliases"]
    names = [*release["files"], *aliases]

    def rank(candidate: str) -> tuple[int, int]:
        return (0 if candidate.startswith(("dist/", "build/")) else 1, len(candidate))

    def kept(found: str) -> str:
        return aliases.get(found, found)

    for alias in _aliases(path):
        if alias in release["files"] or alias in aliases:
            return kept(alias)
        tails = [f for f in names if f.endswith("/" + alias)]
        if tails:
            return kept(min(tails, key=rank))
    for alias in _aliases(path.rsplit("/", 1)[-1]):
        named = [f for f in names if f.rsplit("/", 1)[-1] == alias]
        if named:
            return kept(min(named, key=rank))
    return None


def _has_prefix(files: dict[str, Any], prefix: str) -> bool:
    return not prefix or any(f.startswith(prefix) for f in files)


def _font_format(file: str) -> str:
    return {"woff2": "woff2", "woff": "woff", "ttf": "truetype", "otf": "opentype"}.get(
        file.rsplit(".", 1)[-1], "woff2"
    )


# -- Google Fonts queries ---------------------------------------------------------------------


def font_families(endpoint: str, query: str) -> list[str]:
    """The family names a Google Fonts CSS query asks for, in order, without their axes or weights."""
    families: list[str] = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key != "family":
            continue
        names = value.split("|") if endpoint in ("css", "icon") else [value]
        for name in names:
            family = name.split(":", 1)[0].strip()
            if family and family not in families and len(family) < 80:
                families.append(family)
    return families
