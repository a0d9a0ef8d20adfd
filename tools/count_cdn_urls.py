"""Count the CDN URLs that generated apps and agent texts use, by package and version.

Why: the offline library (issue 15) holds the browser libraries generated apps load most. Which ones, and at
which versions, is decided by data rather than taste: the URLs in our bundled agents (they tell the model what to
write), in the hand-written sample generations under ``tests/offline_apps/`` (what single-file apps typically
contain) and in the 84-agent corpus at /work/shared/corpus/agents-wshobson-84/ (what other people's agents say).

Every ``https://`` or scheme-relative ``//`` URL on a known CDN host is parsed into a package and a version:
jsDelivr (``/npm/``, ``/gh/``), unpkg, cdnjs (``/ajax/libs/<name>/<version>/``, mapped to its npm name), esm.sh,
Skypack, jspm, the Tailwind Play CDN, Google Fonts (one row per family) and any other host whose name says it is a
CDN.  ``fonts.gstatic.com`` (only ever a ``preconnect``) and placeholder hosts (``cdn.example``) are not counted.

Run ``python tools/count_cdn_urls.py`` to print the tables, or ``--write docs/offline-libraries.md`` to replace the
part of that file between the ``<!-- counts:start -->`` and ``<!-- counts:end -->`` markers, and the table of what
the committed cache holds (from ``shell/libraries/manifest.json``) between ``<!-- holds:start/end -->``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path("/work/shared/corpus/agents-wshobson-84")
SOURCES = ("agents", "samples", "corpus")
START, END = "<!-- counts:start -->", "<!-- counts:end -->"
HOLDS_START, HOLDS_END = "<!-- holds:start -->", "<!-- holds:end -->"
MANIFEST = ROOT / "shell" / "libraries" / "manifest.json"

# A URL ends at whitespace, a quote, a bracket, a backtick or a markdown/HTML delimiter.
URL = re.compile(r"""(?:https?:)?//([a-z0-9.-]+\.[a-z]{2,})(/[^\s"'`<>()\[\]{},;|\\]*)?""", re.IGNORECASE)

# cdnjs names that differ from the npm package name (only the ones whose spelling differs).
CDNJS_TO_NPM = {
    "Chart.js": "chart.js",
    "three.js": "three",
    "d3": "d3",
    "animejs": "animejs",
    "anime.js": "animejs",
    "font-awesome": "@fortawesome/fontawesome-free",
    "matter-js": "matter-js",
    "tone": "tone",
    "p5.js": "p5",
    "vue": "vue",
    "react": "react",
    "react-dom": "react-dom",
    "babel-standalone": "@babel/standalone",
    "gsap": "gsap",
    "alpinejs": "alpinejs",
    "leaflet": "leaflet",
    "lodash.js": "lodash",
    "dayjs": "dayjs",
    "canvas-confetti": "canvas-confetti",
    "twitter-bootstrap": "bootstrap",
    "bootstrap": "bootstrap",
    "bootstrap-icons": "bootstrap-icons",
    "marked": "marked",
    "highlight.js": "highlight.js",
    "howler": "howler",
    "jquery": "jquery",
    "phaser": "phaser",
    "pixi.js": "pixi.js",
    "moment.js": "moment",
    "axios": "axios",
    "hammer.js": "hammerjs",
    "Sortable": "sortablejs",
    "tailwindcss": "tailwindcss",
}

FONT_HOSTS = {"fonts.googleapis.com"}
IGNORED_HOSTS = {"fonts.gstatic.com"}
# Hosts that are CDNs although their name does not say so.
OTHER_CDN_HOSTS = {
    "code.jquery.com",
    "ajax.googleapis.com",
    "d3js.org",
    "cdn.plot.ly",
    "use.fontawesome.com",
    "kit.fontawesome.com",
    "stackpath.bootstrapcdn.com",
    "maxcdn.bootstrapcdn.com",
    "unpkg.com",
    "esm.sh",
    "ga.jspm.io",
    "jspm.dev",
    "cdn.skypack.dev",
    "api.mapbox.com",
    "threejs.org",
    "www.gstatic.com",
}

NPM_NAME = r"(@[a-z0-9][\w.-]*/[\w.-]+|[a-z0-9][\w.-]*)"
NPM_SPEC = re.compile(NPM_NAME + r"(?:@([^/?#]+))?(/[^?#]*)?", re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    """One CDN URL found in one file: where, which host, and what it names."""

    source: str
    file: str
    host: str
    package: str
    version: str
    url: str


def npm_spec(path: str) -> tuple[str, str] | None:
    """``name@version/...`` (scoped or not) at the start of ``path`` → (name, version or "")."""
    match = NPM_SPEC.match(path.lstrip("/"))
    if not match:
        return None
    name, version = match.group(1), match.group(2) or ""
    return name.lower(), unquote(version)


def parse(host: str, path: str, query: str) -> list[tuple[str, str]]:
    """The (package, version) pairs a CDN URL names; [] when it names none (a bare host in prose)."""
    host = host.lower()
    if host in IGNORED_HOSTS or host.endswith(".example") or "example" in host.split("."):
        return []
    if host in FONT_HOSTS:
        families = parse_qs(query).get("family", [])
        names = []
        for family in families:
            for one in family.split("|"):  # css (v1) puts several families in one value
                name = one.split(":", 1)[0].replace("+", " ").strip()
                if name:
                    names.append((f"font: {name}", ""))
        return names
    if host == "cdn.jsdelivr.net":
        if path.startswith("/npm/"):
            spec = npm_spec(path[len("/npm/") :])
            return [spec] if spec else []
        if path.startswith("/gh/"):
            parts = path[len("/gh/") :].split("/")
            if len(parts) >= 2:
                repo, _, version = parts[1].partition("@")
                return [(f"gh:{parts[0]}/{repo}".lower(), version)]
        return []
    if host in {"unpkg.com", "cdn.skypack.dev", "jspm.dev"}:
        spec = npm_spec(path.removeprefix("/npm:"))
        return [spec] if spec else []
    if host == "esm.sh":
        rest = re.sub(r"^/(v\d+/|stable/)*", "/", path).lstrip("/*")
        spec = npm_spec(rest)
        return [spec] if spec else []
    if host == "ga.jspm.io":
        spec = npm_spec(path.removeprefix("/npm:"))
        return [spec] if spec else []
    if host == "cdnjs.cloudflare.com":
        parts = path.split("/")
        if len(parts) >= 4 and parts[1] == "ajax" and parts[2] == "libs":
            name = parts[3]
            version = parts[4] if len(parts) > 4 else ""
            return [(CDNJS_TO_NPM.get(name, name.lower()), version)]
        return []
    if host == "cdn.tailwindcss.com":
        version = path.strip("/").split("/")[0] if path.strip("/") else ""
        return [("tailwindcss (Play CDN)", version)]
    if host == "d3js.org":  # d3js.org/d3.v7.min.js: D3's own host, one file per major
        match = re.match(r"/d3\.v(\d+)", path)
        return [("d3", match.group(1))] if match else [("d3", "")]
    if host in OTHER_CDN_HOSTS or "cdn" in host:
        first = path.strip("/").split("/")[0] if path and path.strip("/") else ""
        return [(f"{host}/{first}" if first else host, "")]
    return []


def find_hits(source: str, file: Path, text: str) -> list[Hit]:
    """Every CDN URL in ``text``."""
    hits = []
    for match in URL.finditer(text):
        host, path = match.group(1), match.group(2) or ""
        # Trailing prose punctuation is not part of the URL.
        raw = match.group(0).rstrip(".:")
        split = urlsplit(("https:" + raw) if raw.startswith("//") else raw)
        for package, version in parse(host, split.path or path.split("?")[0], split.query):
            hits.append(Hit(source, str(file), host.lower(), package, version.rstrip("."), raw))
    return hits


def files_of(source: str) -> list[Path]:
    """The files each source contributes."""
    if source == "agents":
        return sorted((ROOT / "agents").glob("*.md"))
    if source == "samples":
        base = ROOT / "tests" / "offline_apps"
        return sorted(p for p in base.rglob("*") if p.suffix in {".html", ".js", ".mjs", ".css"})
    if source == "corpus":
        return sorted(p for p in CORPUS.glob("*.md") if p.name not in {"SOURCE.md", "LICENSE"})
    raise ValueError(source)


def collect() -> list[Hit]:
    hits = []
    for source in SOURCES:
        for path in files_of(source):
            hits.extend(find_hits(source, path, path.read_text(encoding="utf-8", errors="replace")))
    return hits


def version_kind(version: str) -> str:
    """How precisely a URL pins its version: exact, a major/range, latest, or none."""
    if not version:
        return "none"
    if version == "latest":
        return "latest"
    if re.fullmatch(r"v?\d+\.\d+\.\d+([-.+][\w.]+)?", version) or re.fullmatch(r"r\d+", version):
        return "exact"
    return "range"


def tables(hits: list[Hit]) -> str:
    """The Markdown tables: URLs per package (and their versions), then per host and per pinning style."""
    by_package: dict[str, Counter[str]] = defaultdict(Counter)
    versions: dict[str, Counter[str]] = defaultdict(Counter)
    files: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for hit in hits:
        by_package[hit.package][hit.source] += 1
        versions[hit.package][hit.version or "(none)"] += 1
        files[hit.package].add((hit.source, hit.file))
    order = sorted(by_package, key=lambda p: (-sum(by_package[p].values()), p))
    counted = {s: len(files_of(s)) for s in SOURCES}
    lines = [
        f"Files read: {counted['agents']} agents (`agents/*.md`), {counted['samples']} sample files "
        f"(`tests/offline_apps/`), {counted['corpus']} corpus agents (`agents-wshobson-84`). "
        f"{len(hits)} CDN URLs in all.",
        "",
        "| # | package | agents | samples | corpus | total | files | versions seen (URLs) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for rank, package in enumerate(order, 1):
        row = by_package[package]
        seen = ", ".join(f"{v} ({n})" for v, n in sorted(versions[package].items(), key=lambda vn: (-vn[1], vn[0])))
        lines.append(
            f"| {rank} | {package} | {row['agents']} | {row['samples']} | {row['corpus']} | "
            f"{sum(row.values())} | {len(files[package])} | {seen} |"
        )
    hosts: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: Counter[str] = Counter()
    for hit in hits:
        hosts[hit.host][hit.source] += 1
        if not hit.package.startswith("font: "):
            kinds[version_kind(hit.version)] += 1
    lines += ["", "By host:", "", "| host | agents | samples | corpus | total |", "|---|---|---|---|---|"]
    for host in sorted(hosts, key=lambda h: (-sum(hosts[h].values()), h)):
        row = hosts[host]
        lines.append(f"| {host} | {row['agents']} | {row['samples']} | {row['corpus']} | {sum(row.values())} |")
    pinning = ", ".join(f"{kind} {kinds[kind]}" for kind in ("exact", "range", "latest", "none"))
    lines += ["", f"How library URLs pin their version (fonts excluded): {pinning}."]
    lines += ["", *mentions_table()]
    return "\n".join(lines)


# Library names as prose mentions them (agents name libraries far more often than they write URLs).
MENTIONS = {
    "tailwindcss": r"tailwind",
    "three": r"three\.js|threejs|\bthree@",
    "chart.js": r"chart\.js|chartjs",
    "d3": r"\bd3\b",
    "phaser": r"\bphaser\b",
    "vue": r"\bvue\b",
    "react": r"\breact\b",
    "@babel/standalone": r"babel",
    "htm": r"\bhtm\b",
    "alpinejs": r"alpine",
    "gsap": r"\bgsap\b",
    "p5": r"\bp5\b",
    "leaflet": r"leaflet",
    "lodash": r"lodash",
    "dayjs": r"day\.?js",
    "animejs": r"anime\.?js",
    "canvas-confetti": r"confetti",
    "bootstrap": r"bootstrap",
    "font awesome": r"font ?awesome",
    "lucide": r"lucide",
    "marked": r"marked(\.js|@|\.parse)|`marked`",
    "highlight.js": r"highlight\.js|\bprism(\.js|js)?\b",
    "matter-js": r"matter\.?js",
    "tone": r"tone\.js",
    "howler": r"howler",
    "svelte": r"svelte",
    "jquery": r"jquery",
    "sheetjs (xlsx)": r"sheetjs|\bxlsx\b",
    "pixi.js": r"pixi",
    "plotly": r"plotly",
    "mermaid": r"mermaid",
    "google fonts": r"google fonts",
}


def mentions_table() -> list[str]:
    """Markdown lines: how many agent texts (ours, corpus) name each library, URL or not."""
    texts = {s: [p.read_text(encoding="utf-8", errors="replace") for p in files_of(s)] for s in ("agents", "corpus")}
    rows = []
    for name, pattern in MENTIONS.items():
        regex = re.compile(pattern, re.IGNORECASE)
        counts = {s: sum(1 for t in texts[s] if regex.search(t)) for s in texts}
        rows.append((name, counts["agents"], counts["corpus"]))
    rows.sort(key=lambda r: (-(r[1] + r[2]), r[0]))
    lines = [
        "Agent texts that name each library (with or without a URL; files, not occurrences):",
        "",
        "| library | our agents | corpus agents |",
        "|---|---|---|",
    ]
    lines += [f"| {name} | {ours} | {corpus} |" for name, ours, corpus in rows if ours or corpus]
    return lines


def holds_table(manifest: Path = MANIFEST) -> str:
    """Markdown: what the committed offline library holds, per package and version, and which URLs it answers."""
    data = json.loads(manifest.read_text(encoding="utf-8"))
    lines = [
        f"From `{manifest.relative_to(ROOT)}` (the cache's only index; regenerated with the counts).",
        "",
        "| package | version | files | KB | answers |",
        "|---|---|---|---|---|",
    ]
    total = 0
    for name, entry in sorted(data.get("packages", {}).items()):
        for version, release in sorted(entry.get("versions", {}).items()):
            files = release.get("files", {})
            size = sum(f.get("size", 0) for f in files.values())
            total += size
            answers = []
            if release.get("default"):
                answers.append(f"bare URL → `{release['default']}`")
            if release.get("esm"):
                answers.append("ESM (" + ", ".join(f"`{k}`" for k in sorted(release["esm"])) + ")")
            if entry.get("cdnjs"):
                answers.append("cdnjs " + ", ".join(f"`{c}`" for c in entry["cdnjs"]))
            for host, spec in sorted(data.get("hosts", {}).items()):
                if spec.get("package") == name and spec.get("version", version) == version:
                    answers.append(f"`{host}`")
            fonts = sorted(f for f, spec in data.get("fonts", {}).items() if spec.get("package") == name)
            if fonts:
                answers.append("Google Fonts " + ", ".join(fonts))
            lines.append(
                f"| {name} | {version} | {len(files)} | {size // 1024} | {'; '.join(answers) or 'its files'} |"
            )
    lines += ["", f"{total / 1024 / 1024:.1f} MB of files in all."]
    return "\n".join(lines)


def write_into(doc: Path, text: str, start: str = START, end: str = END) -> None:
    """Replace the text between the markers in ``doc`` (the rest of the document is hand-written)."""
    content = doc.read_text(encoding="utf-8")
    if start not in content or end not in content:
        raise SystemExit(f"{doc} has no {start} ... {end} markers to write between")
    head, _, rest = content.partition(start)
    _, _, tail = rest.partition(end)
    doc.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path, help="write the tables into this Markdown file, between the markers")
    parser.add_argument("--urls", action="store_true", help="list every URL found, with its file")
    args = parser.parse_args(argv)
    hits = collect()
    if args.urls:
        for hit in hits:
            print(f"{hit.source}\t{Path(hit.file).name}\t{hit.package}\t{hit.version}\t{hit.url}")
        return 0
    text = tables(hits)
    if args.write:
        write_into(args.write, text)
        if MANIFEST.exists():
            write_into(args.write, holds_table(), HOLDS_START, HOLDS_END)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
