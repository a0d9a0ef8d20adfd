"""The offline library's ``/lib/`` route (issue 15) is a door on the preview origin that needs no secret, so it is
attacked here over real HTTP on a running ``vibing web`` and from generated code in Debian's Chromium.

It must serve exactly the files the manifest lists, with the headers a module script and a font need, and nothing
else: no path out of the cache (``..``, ``%2e%2e``, ``%2f``, ``..%5c``, double encoding, absolute paths), no link
planted in the cache, no file lying on disk that the manifest does not list, no project file, and no way through to
the bridge.  The app runs on a copy of the committed cache (``VIBING_LIBRARY_CACHE``), so the test can plant files
and links in it.
"""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import start_app, start_web

from vibing.shell.libraries.catalog import HOME

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync", "--no-first-run"]
WAIT = 15_000
SECRET_JS = "window.projectSecret = 'only for this project';"
PAGE = (
    "<!doctype html><html><head><title>Lib</title>"
    '<script src="https://cdn.jsdelivr.net/npm/chart.js@4/dist/chart.umd.min.js"></script>'
    '<script type="module" src="app.mjs"></script></head>'
    "<body><h1 id=t>Library test</h1><canvas id=c width=300 height=150></canvas></body></html>"
)
APP_MJS = "import { x } from './helper.js'; document.getElementById('t').dataset.module = x;"
HELPER_JS = "export const x = 'ran';"


def listed(manifest: dict, suffix: str) -> tuple[str, str, str]:
    """The first (package, version, path) of the manifest whose path ends with ``suffix``."""
    for name, entry in sorted(manifest["packages"].items()):
        for version, release in sorted(entry["versions"].items()):
            for path in sorted(release["files"]):
                if path.endswith(suffix):
                    return name, version, path
    raise AssertionError(f"the committed cache lists no *{suffix} file")


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """A copy of the committed cache, with a file that is not listed and a link out planted in it."""
    folder = tmp_path_factory.mktemp("libraries")
    shutil.copy2(HOME / "manifest.json", folder / "manifest.json")
    shutil.copytree(HOME / "cache", folder / "cache", symlinks=True)
    manifest = json.loads((folder / "manifest.json").read_text())
    name, version, path = listed(manifest, "dist/chart.umd.min.js")
    release = folder / "cache" / f"{name}@{version}"
    (release / "dist" / "unlisted.js").write_text("window.unlisted = true;")
    # a listed file swapped for a link to a file outside the cache, of the very size the manifest says
    leaflet, leaflet_version, planted = listed(manifest, "dist/leaflet.css")
    planted_file = folder / "cache" / f"{leaflet}@{leaflet_version}" / planted
    outside = folder / "outside.css"
    outside.write_bytes(b"/*" + b"x" * (planted_file.stat().st_size - 4) + b"*/")
    planted_file.unlink()
    planted_file.symlink_to(outside)
    return folder


@pytest.fixture(scope="module")
def manifest(cache) -> dict:
    return json.loads((cache / "manifest.json").read_text())


@pytest.fixture(scope="module")
def app(tmp_path_factory, cache):
    running = start_app(tmp_path_factory.mktemp("library-paths") / "home", VIBING_LIBRARY_CACHE=str(cache))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def web(app):
    proc, port, token = start_web(app)
    yield port, token
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def project(app) -> str:
    from vibing.schema.storage import CreateProject, FileWrite

    files = [
        FileWrite(path="index.html", content=PAGE),
        FileWrite(path="app.mjs", content=APP_MJS),
        FileWrite(path="helper.js", content=HELPER_JS),
        FileWrite(path="secret.js", content=SECRET_JS),
    ]
    return app.bus().request("storage", CreateProject(name="Library paths", files=files)).project.id


@pytest.fixture(scope="module")
def preview(web, project) -> tuple[int, str]:
    """The preview's port and the project's path on it, asked of the bridge as the UI asks."""
    port, token = web
    status, _, body = raw(
        port,
        "POST /api/shell/preview.url",
        headers={"X-Vibing-Token": token, "Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/json"},
        body=json.dumps({"project_id": project}).encode(),
    )
    assert status == 200, body
    url = json.loads(body)["reply"]
    return int(url.split(":")[2].split("/")[0]), "/" + url.split("/", 3)[3]


def raw(
    port: int, request: str, host: str | None = None, headers: dict | None = None, body: bytes = b""
) -> tuple[int, dict[str, str], bytes]:
    """One HTTP request written byte for byte (no client normalises the path), and its answer."""
    method, target = request.split(" ", 1)
    lines = [
        f"{method} {target} HTTP/1.1",
        f"Host: {f'127.0.0.1:{port}' if host is None else host}",
        "Connection: close",
    ]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    found = {}
    for line in header_lines:
        key, _, value = line.partition(":")
        found[key.strip().lower()] = value.strip()
    return int(status_line.split()[1]), found, rest


def get(port: int, target: str, **kwargs) -> tuple[int, dict[str, str], bytes]:
    return raw(port, f"GET {target}", **kwargs)


# -- what the route serves --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "suffix, ctype",
    [
        ("dist/chart.umd.min.js", "text/javascript; charset=utf-8"),
        (".mjs", "text/javascript; charset=utf-8"),
        ("css/all.min.css", "text/css; charset=utf-8"),
        (".woff2", "font/woff2"),
        (".png", "image/png"),
    ],
)
def test_a_listed_file_is_served_immutable_public_and_typed(preview, cache, manifest, suffix, ctype):
    port, _ = preview
    name, version, path = listed(manifest, suffix)
    status, headers, body = get(port, f"/lib/{name}@{version}/{quote(path)}")
    assert status == 200
    assert body == (cache / "cache" / f"{name}@{version}" / path).read_bytes()
    assert headers["content-type"] == ctype
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["access-control-allow-origin"] == "*"
    assert "sandbox allow-scripts" in headers["content-security-policy"]
    status, head_headers, head_body = raw(port, f"HEAD /lib/{name}@{version}/{quote(path)}")
    assert (status, head_body, head_headers["content-length"]) == (200, b"", str(len(body)))


def test_google_fonts_css_is_generated_from_the_cached_fonts(preview):
    port, _ = preview
    status, headers, body = get(port, "/lib/fonts/css2?family=Inter:wght@400;700&family=Lobster&display=swap")
    assert (status, headers["content-type"]) == (200, "text/css; charset=utf-8")
    css = body.decode()
    assert css.startswith('@import url("https://fonts.googleapis.com/css2?family=Lobster&display=swap");')
    assert "font-family:'Inter'" in css and "font-display:swap" in css
    font_url = css.split("src:url(", 1)[1].split(")", 1)[0]
    assert font_url.startswith("/lib/@fontsource")
    assert get(port, font_url)[0] == 200


def test_project_pages_are_served_with_their_cdn_urls_on_the_cache(preview, manifest):
    port, base = preview
    status, headers, body = get(port, base)
    assert status == 200
    version = listed(manifest, "dist/chart.umd.min.js")[1]
    assert f'<script src="/lib/chart.js@{version}/dist/chart.umd.min.js"></script>'.encode() in body
    assert b"cdn.jsdelivr.net" not in body


def test_project_files_answer_the_previews_opaque_origin_only(preview):
    port, base = preview
    status, headers, body = get(port, base + "app.mjs", headers={"Origin": "null"})
    assert (status, headers["access-control-allow-origin"], headers["vary"]) == (200, "null", "Origin")
    assert "access-control-allow-credentials" not in headers
    for origin in ("https://evil.example", f"http://127.0.0.1:{port}"):
        assert "access-control-allow-origin" not in get(port, base + "app.mjs", headers={"Origin": origin})[1]
    assert "access-control-allow-origin" not in get(port, base + "app.mjs")[1]


# -- what it refuses ------------------------------------------------------------------------------------


def attacks(base: str, manifest: dict, bridge: int) -> list[str]:
    """Addresses built on ``/lib/`` that try to leave the cache, reach a project file or the bridge."""
    name, version, path = listed(manifest, "dist/chart.umd.min.js")
    lib = f"/lib/{name}@{version}"
    secret_file = base.lstrip("/") + "secret.js"  # p/<secret>/<project id>/secret.js
    return [
        f"/lib/../{secret_file}",
        f"/lib/%2e%2e/{secret_file}",
        f"/lib/%2E%2E/{secret_file}",
        f"/lib/..%2f{secret_file.replace('/', '%2f')}",
        f"/lib/..%5c{secret_file.replace('/', '%5c')}",
        f"/lib/%252e%252e/{secret_file}",
        f"/lib/%252e%252e%252f{secret_file}",
        f"{lib}/../../../{secret_file}",
        f"{lib}/dist/%2e%2e/%2e%2e/%2e%2e/{secret_file}",
        f"{lib}/dist/..%2f..%2f..%2fmanifest.json",
        f"{lib}/..%5c..%5cmanifest.json",
        f"{lib}/%2e%2e/%2e%2e/manifest.json",
        f"{lib}/dist/unlisted.js",  # on disk, not in the manifest
        f"{lib}/{path}%00.png",
        f"{lib}//{path}",
        f"{lib}/./{path}",
        "/lib/manifest.json",
        "/lib/../manifest.json",
        "/lib//etc/passwd",
        "/lib/%2fetc%2fpasswd",
        "/lib/%252fetc%252fpasswd",
        "/lib/" + quote(str(HOME / "manifest.json"), safe=""),
        "/lib/{}@{}/{}".format(*listed(manifest, "dist/leaflet.css")),  # the planted link
        f"/lib/http://127.0.0.1:{bridge}/api/shell/info",
        f"/lib/http:%2f%2f127.0.0.1:{bridge}/api/shell/info",
        f"/lib//127.0.0.1:{bridge}/api/shell/info",
        f"/lib/%2f%2f127.0.0.1:{bridge}/events",
        f"/lib/fonts/../{secret_file}",
        f"/lib/fonts/css2/../../{secret_file}",
    ]


def test_no_address_built_on_the_cache_leaves_it(preview, web, manifest):
    port, base = preview
    bridge = web[0]
    assert get(port, base + "secret.js")[2] == SECRET_JS.encode(), "control: the project's own address serves it"
    listed_bytes = (HOME / "manifest.json").read_bytes()
    for target in attacks(base, manifest, bridge):
        status, headers, body = get(port, target)
        assert status == 404, (target, status)
        assert body == b"not in the offline library" or body == b"not found", (target, body[:200])
        assert SECRET_JS.encode() not in body and listed_bytes[:200] not in body


def test_absolute_form_requests_do_not_make_the_preview_a_proxy(preview, web):
    port, base = preview
    bridge = web[0]
    for target in (
        f"http://127.0.0.1:{bridge}/api/shell/info",
        f"http://127.0.0.1:{bridge}/lib/../api/shell/info",
        f"http://127.0.0.1:{port}/lib/../{base.lstrip('/')}secret.js",
    ):
        status, _, body = get(port, target)
        assert status == 404 and SECRET_JS.encode() not in body, (target, status, body[:200])


def test_lib_requests_for_a_host_that_is_not_ours_are_refused(preview, manifest, web):
    port, _ = preview
    name, version, path = listed(manifest, "dist/chart.umd.min.js")
    for host in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{web[0]}", "127.0.0.1", ""):
        status, _, body = get(port, f"/lib/{name}@{version}/{path}", host=host)
        assert (status, body) == (403, b"wrong host"), host
    for endpoint in ("/lib/fonts/css2?family=Inter",):
        assert get(port, endpoint, host="evil.example")[0] == 403


# -- the same from generated code, in Chromium ------------------------------------------------------------

#: Fetches each address from the page; says where the browser really sent it (it resolves ``..`` and ``%2e%2e``
#: itself, so some attacks become plain requests for the page's own project, which the page may read anyway).
PROBE = """async (targets) => {
  const out = {};
  for (const t of targets) {
    const sent = new URL(t, location.href).pathname;
    try { const r = await fetch(t); out[t] = [sent, r.status, (await r.text()).slice(0, 200)]; }
    catch (e) { out[t] = [sent, 0, String(e).slice(0, 200)]; }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_generated_code_cannot_use_the_cache_to_reach_the_bridge_or_a_project_file(browser, preview, web, manifest):
    port, base = preview
    bridge = web[0]
    context = browser.new_context()
    outside: list[str] = []

    def offline(route):
        if route.request.url.startswith(f"http://127.0.0.1:{port}/"):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    context.route("**/*", offline)
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}{base}")
        page.wait_for_function("() => document.getElementById('t').dataset.module === 'ran'", timeout=WAIT)
        assert page.evaluate("() => self.origin") == "null"
        # the page itself works offline: Chart.js came from /lib/, the project's module script ran (CORS: null)
        assert page.evaluate("() => typeof Chart") == "function"
        name, version, path = listed(manifest, "dist/chart.umd.min.js")
        control = f"/lib/{name}@{version}/{path}"
        results = page.evaluate(PROBE, [control, *attacks(base, manifest, bridge)])
        assert results.pop(control)[1] == 200, "control: generated code reads a cached file"
        assert sum(sent.startswith("/lib/") for sent, _, _ in results.values()) >= 20, "most reach us as /lib/"
        for target, (sent, status, text) in results.items():
            if sent == control or sent.startswith(base):
                continue  # the browser resolved "..", "%2e%2e" or "/./" itself: a file this page may read anyway
            # 404; 0 where the answer is not even readable (a plain 404 outside /lib/ carries no CORS header)
            assert status == (404 if sent.startswith("/lib/") else 0) or status == 404, (target, sent, status, text)
            assert "only for this project" not in text and '"reply"' not in text, (target, text)
        # and the bridge itself stays out of reach (the preview's CSP allows its own origin only)
        direct = page.evaluate(PROBE, [f"http://127.0.0.1:{bridge}/api/shell/info"])
        assert list(direct.values())[0][1] == 0
        assert outside == [], "nothing left the preview origin"
    finally:
        context.close()
