"""Start and stop a real headless app for benchmarks (the same way a user does)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from vibing.bus import Bus
from vibing.protocol import BusInfo


class BenchApp:
    """A headless app in its own VIBING_HOME; ``launch_ms`` is launch-to-all-ready."""

    def __init__(self, home: Path, **env: str) -> None:
        self.home = home
        home.mkdir(parents=True, exist_ok=True)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("VIBING_")}
        self.env.update(VIBING_HOME=str(home), PYTHONUNBUFFERED="1", **env)
        start = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "vibing", "run", "--headless"],
            env=self.env,
            cwd=home,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._wait_ready(60)
        self.launch_ms = (time.perf_counter() - start) * 1000
        self.bus_file = self._bus_file()
        info = BusInfo.read(self.bus_file)
        assert info is not None, "the app wrote no bus.json"
        self.bus = Bus(info.endpoints, "bench")

    def _bus_file(self) -> Path:
        from vibing import paths as paths_mod

        old = os.environ.get("VIBING_HOME")
        os.environ["VIBING_HOME"] = str(self.home)
        try:
            return paths_mod.resolve().bus_file
        finally:
            if old is None:
                os.environ.pop("VIBING_HOME", None)
            else:
                os.environ["VIBING_HOME"] = old

    def _wait_ready(self, timeout: float) -> None:
        try:
            read_line(self.proc, "vibing: ready", timeout)
        except RuntimeError:
            self.proc.kill()
            raise RuntimeError(f"the app did not become ready: {self.proc.stderr.read()[-2000:]}") from None

    def pids(self) -> list[int]:
        """The supervisor and every process below it (the zygote and the workers)."""
        return process_tree(self.proc.pid)

    def stop(self) -> None:
        """Stop the app and wait until every one of its processes is gone (the next figure starts clean)."""
        from vibing.supervision import wait_for_exit

        tree = self.pids()
        self.bus.close()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for pid in tree:
            wait_for_exit(pid, 5)


def process_tree(root: int) -> list[int]:
    """``root`` and every process below it, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def read_line(proc: subprocess.Popen, marker: str, timeout: float) -> str:
    """The first stdout line containing ``marker`` (lines read before are remembered), read by a thread:
    a select on a buffered pipe misses lines that arrive together."""
    seen: list[str] = proc.__dict__.setdefault("_bench_seen", [])
    for line in seen:
        if marker in line:
            return line
    lines = getattr(proc, "_bench_lines", None)
    if lines is None:
        lines = proc._bench_lines = queue.Queue()  # type: ignore[attr-defined]

        def pump() -> None:
            for line in proc.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + timeout
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=remaining)
        except queue.Empty:
            break
        if line is None:
            lines.put(None)
            break
        seen.append(line)
        if marker in line:
            return line
    raise RuntimeError(f"{marker!r} not seen within {timeout:.0f} s")


def memory_mb(pid: int) -> tuple[float, float]:
    """(PSS, RSS) of one process in MB, from /proc/PID/smaps_rollup."""
    pss = rss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return pss / 1024, rss / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]
