"""Rows for the bundle (``packaging/build``): its download sizes, and how it starts and how much memory it takes
beside the source checkout, measured in the same run.

Found where the build leaves it (``build/bundle/Vibing-<version>-linux-x86_64/vibing`` and ``dist/`` of the
checkout), or installed (``/opt/vibing/vibing`` from the .deb), or wherever ``VIBING_BUNDLE`` names its binary.
Without one, every row is ``skipped (needs: a built bundle: packaging/build)``.

The launch figures are ratios to the source checkout's own launch, measured here by the same code in turn
(``sys.executable -m vibing`` against the bundle's binary), so that both see the same machine: to all services
ready (``vibing run --headless``, as ``startup.cold_ms``), and to the window's first useful paint (``vibing run``
under Xvfb, the "window ready" line that ``shell.window_first_paint_ms`` reads).  Memory is the whole windowed
app: the supervisor, the zygote, the workers, the shell and the web engine's processes, in PSS.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vibing import __version__
from vibing.bench import Row, missing, skipped, versus_floor
from vibing.bench.app import memory_mb, percentile, process_tree, read_line
from vibing.supervision import wait_for_exit

PREFIX = "bundle."
ROOT = Path(__file__).resolve().parent.parent
NEEDS = "a built bundle: packaging/build"
DEB_TARGET_MB = 150
LAUNCH_RATIO = 1.2
APP_PSS_TARGET_MB = 250
ROWS = (
    ("bundle.deb_mb", "MB"),
    ("bundle.tar_xz_mb", "MB"),
    ("bundle.cold_ms", "ms"),
    ("bundle.cold_vs_source", "x"),
    ("bundle.window_first_paint_ms", "ms"),
    ("bundle.window_vs_source", "x"),
    ("bundle.app_pss_mb", "MB"),
)


def bundle_binary() -> Path | None:
    """The bundle's ``vibing`` binary: ``$VIBING_BUNDLE``, the checkout's last build, or the installed .deb."""
    named = os.environ.get("VIBING_BUNDLE")
    candidates = [Path(named)] if named else []
    candidates += [
        ROOT / "build" / "bundle" / f"Vibing-{__version__}-linux-x86_64" / "vibing",
        Path("/opt/vibing/vibing"),
    ]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _size_mb(path: Path) -> float:
    return round(path.stat().st_size / 1e6, 1)


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIBING_")}
    env.update(VIBING_HOME=str(home), PYTHONUNBUFFERED="1", QTWEBENGINE_DISABLE_SANDBOX="1", **extra)
    return env


def _launch(command: list[str], home: Path, marker: str, **env: str) -> tuple[float, subprocess.Popen]:
    """Start ``command`` (``vibing run ...``) in ``home``; (ms until its ``marker`` line, the process)."""
    home.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, env=_env(home, **env), cwd=home, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        read_line(proc, marker, 120)
    except RuntimeError:
        _stop(proc)
        raise RuntimeError(f"{command[0]} did not print {marker!r} within 120 s") from None
    return (time.perf_counter() - start) * 1000, proc


def _stop(proc: subprocess.Popen) -> None:
    """Stop the app and wait for every process of it, so the next launch starts on a quiet machine."""
    tree = process_tree(proc.pid) if proc.poll() is None else []
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    for pid in tree:
        wait_for_exit(pid, 5)


@contextmanager
def _xvfb() -> Iterator[str]:
    number = next(n for n in range(200, 260) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    proc = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.02)
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


def _app_pss_mb(proc: subprocess.Popen) -> float:
    """PSS of every process of a running app: the backend, the shell and the web engine under it."""
    return sum(memory_mb(pid)[0] for pid in process_tree(proc.pid))


def _size_rows() -> list[Row]:
    deb = ROOT / "dist" / f"vibing_{__version__}_amd64.deb"
    archive = ROOT / "dist" / f"Vibing-{__version__}-linux-x86_64.tar.xz"
    model = ROOT / "dist" / f"vibing-demo-model_{__version__}_all.deb"
    rows = []
    if deb.is_file():
        rows.append(
            Row(
                "bundle.deb_mb",
                _size_mb(deb),
                "MB",
                target=DEB_TARGET_MB,
                note="the .deb (xz) without the demo model: Python, Qt WebEngine, the local engine, the agents, "
                "the offline library; Electron peers ship 80-250 MB"
                + (f"; the demo model's add-on .deb: {_size_mb(model)} MB" if model.is_file() else ""),
            )
        )
    else:
        rows.append(skipped("bundle.deb_mb", "MB", NEEDS))
    if archive.is_file():
        rows.append(
            Row(
                "bundle.tar_xz_mb",
                _size_mb(archive),
                "MB",
                note="the folder archive (xz -9): the same folder as the .deb",
            )
        )
    else:
        rows.append(skipped("bundle.tar_xz_mb", "MB", NEEDS))
    return rows


def run(workdir: str) -> list[Row]:
    binary = bundle_binary()
    if binary is None:
        return [skipped(row_id, unit, NEEDS) for row_id, unit in ROWS]
    rows = _size_rows()
    work = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="vibing-bench-bundle-"))
    frozen = getattr(sys, "frozen", False)  # `vibing bench` run from the bundle: no source checkout to compare
    source = None if frozen else [sys.executable, "-m", "vibing", "run"]
    bundle = [str(binary), "run"]

    # Cold start: a data folder present (a first launch made it), nothing running; the two in turn, p50 of 5.
    ours, theirs = [], []
    for kind, command in (("bundle", bundle), ("source", source)):
        if command is not None:
            _stop(_launch([*command, "--headless"], work / f"cold-{kind}", "vibing: ready")[1])
    for _ in range(5):
        ms, proc = _launch([*bundle, "--headless"], work / "cold-bundle", "vibing: ready")
        _stop(proc)
        ours.append(ms)
        if source is not None:
            ms, proc = _launch([*source, "--headless"], work / "cold-source", "vibing: ready")
            _stop(proc)
            theirs.append(ms)
    cold = Row(
        "bundle.cold_ms",
        round(percentile(ours, 50), 1),
        "ms",
        note=f"the bundle's binary: launch (data folder present) to every eager service ready, p50 of 5 "
        f"(max {max(ours):.0f}), {binary}",
    )
    rows.append(cold)
    if theirs:
        source_cold = Row(
            "bundle.source_cold_ms",
            round(percentile(theirs, 50), 1),
            "ms",
            note="the source checkout (sys.executable -m vibing run --headless) in turn with the bundle, p50 of 5",
            kind="floor",
        )
        rows.append(source_cold)
        rows.append(
            versus_floor(
                "bundle.cold_vs_source",
                cold,
                source_cold,
                LAUNCH_RATIO,
                note=f"the source checkout's cold start measured in turn with it, p50 of 5 (max {max(theirs):.0f})",
            )
        )
    else:
        rows.append(skipped("bundle.cold_vs_source", "x", "a source checkout (this is the bundle's own bench)"))

    # The window: launch to first useful paint, best of 2 each in turn; the whole app's PSS once it is up.
    absent = missing("Xvfb")
    if absent:
        return rows + [
            skipped(row_id, unit, absent)
            for row_id, unit in ROWS
            if row_id in ("bundle.window_first_paint_ms", "bundle.window_vs_source", "bundle.app_pss_mb")
        ]
    paints, source_paints, pss, source_pss = [], [], 0.0, 0.0
    with _xvfb() as display:
        for attempt in range(2):
            for kind, command in (("bundle", bundle), ("source", source)):
                if command is None:
                    continue
                ms, proc = _launch(command, work / f"window-{kind}", "vibing: window ready", DISPLAY=display)
                try:
                    read_line(proc, "vibing: ready", 60)
                    if attempt == 1:
                        if kind == "bundle":
                            pss = _app_pss_mb(proc)
                        else:
                            source_pss = _app_pss_mb(proc)
                finally:
                    _stop(proc)
                (paints if kind == "bundle" else source_paints).append(ms)
    paint = Row(
        "bundle.window_first_paint_ms",
        round(min(paints), 1),
        "ms",
        note="the bundle's `vibing run` to the window's first useful paint (projects listed), best of 2, Xvfb",
        extra={"runs_ms": [round(r, 1) for r in paints]},
    )
    rows.append(paint)
    if source_paints:
        source_paint = Row(
            "bundle.source_window_first_paint_ms",
            round(min(source_paints), 1),
            "ms",
            note="the source checkout's `vibing run` to the window's first useful paint, in turn with the bundle",
            kind="floor",
        )
        rows.append(source_paint)
        rows.append(
            versus_floor(
                "bundle.window_vs_source",
                paint,
                source_paint,
                LAUNCH_RATIO,
                note="the source checkout's window measured in turn with it, best of 2",
            )
        )
    else:
        rows.append(skipped("bundle.window_vs_source", "x", "a source checkout (this is the bundle's own bench)"))
    rows.append(
        Row(
            "bundle.app_pss_mb",
            round(pss, 1),
            "MB",
            target=APP_PSS_TARGET_MB,
            note="PSS of the whole windowed bundle: supervisor, zygote, workers, shell and Qt WebEngine's processes"
            + (f"; the source checkout's: {source_pss:.0f} MB" if source_pss else "")
            + "; Tauri-class apps ~250 MB, Electron peers ~400 MB",
        )
    )
    return rows
