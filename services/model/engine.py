"""One local engine: llama.cpp's OpenAI-compatible server for one GGUF file, as our child process.

The engine is a separate program on a private loopback port, so a crash or an
out-of-memory kill in llama.cpp takes down that process only; the model service
sees it exit and says so.  It is started from the model worker's main thread
with ``PR_SET_PDEATHSIG`` = SIGKILL (set in the child before exec), so it never
outlives the worker, even when the worker is SIGKILLed.  (The death signal is
tied to the thread that forked; the worker's main thread lives as long as the
worker.)

The engine is locked (see ``llama_server.py``): each start gets a fresh random key, passed in the
child's environment (never its command line, which every user can read) and known only to this process and
to whoever the model service hands an endpoint over the bus.

Readiness is awaited, bounded, by asking the server's ``/v1/models`` until it
answers 200 (it loads the model before it listens), while watching for an
early exit; the engine's output goes to ``logs/engine-<model>.log`` and its
last line is quoted when it fails.
"""

from __future__ import annotations

import ctypes
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from vibing.schema.model import LocalModel
from vibing.services.model.llama_server import KEY_ENV

PR_SET_PDEATHSIG = 1
#: ``llama_cpp.server`` with a clean state per request (see that module).
LAUNCHER = Path(__file__).with_name("llama_server.py")
LOG_MAX_BYTES = 5 * 1024 * 1024
_CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_prctl = None


def _libc_prctl():
    """Resolve prctl once, in the parent: the child must not load libraries between fork and exec."""
    global _prctl
    if _prctl is None and sys.platform == "linux":
        try:
            _prctl = ctypes.CDLL(None, use_errno=True).prctl
        except (OSError, AttributeError):
            _prctl = False
    return _prctl or None


def die_with_parent_preexec(parent_pid: int) -> Callable[[], None]:
    """A ``preexec_fn``: SIGKILL this child when its parent (thread) dies; exit if it already has."""
    prctl = _libc_prctl()

    def setup() -> None:
        if prctl is not None:
            prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent_pid:  # the parent died before prctl took effect
            os._exit(1)

    return setup


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def exit_reason(code: int | None) -> str:
    if code is None:
        return "still running"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if -code == signal.SIGKILL:
            return f"killed by {name} (the system kills a process this way when memory runs out)"
        if -code in (signal.SIGSEGV, signal.SIGBUS, signal.SIGILL, signal.SIGABRT, signal.SIGFPE):
            return f"crashed ({name})"
        return f"killed by {name}"
    return f"exited with code {code}"


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLK_TCK
    except (OSError, IndexError, ValueError):
        return None


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def last_log_line(path: Path, offset: int) -> str:
    """The last meaningful line the engine wrote since ``offset`` (errors first)."""
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            f.seek(max(offset, os.fstat(f.fileno()).st_size - 16384))
            text = f.read().decode("utf-8", "replace")
    except OSError:
        return ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in reversed(lines):
        lowered = line.lower()
        if "error" in lowered or "failed" in lowered or "exception" in lowered or "unable" in lowered:
            return line[:400]
    return lines[-1][:400] if lines else ""


StateCallback = Callable[["Engine", str, str], None]


class Engine:
    """The engine process for one model.  States: starting -> ready -> stopped | crashed; starting -> failed."""

    def __init__(
        self,
        model: LocalModel,
        *,
        log_dir: Path,
        n_ctx: int = 4096,
        n_threads: int = 0,
        start_timeout_s: float = 120.0,
        reuse_prompt_cache: bool = False,
        on_state: StateCallback | None = None,
    ) -> None:
        self.model = model
        self.name = model.name
        self.log_path = Path(log_dir) / f"engine-{model.name}.log"
        self.n_ctx = n_ctx
        self.n_threads = n_threads
        self.start_timeout_s = start_timeout_s
        self.reuse_prompt_cache = reuse_prompt_cache
        self.on_state = on_state or (lambda *_: None)
        self.state = "new"
        self.error = ""
        self.log_tail = ""
        self.proc: subprocess.Popen | None = None
        self.port = 0
        self.base_url = ""
        #: The per-launch key every request to the engine must carry (``Authorization: Bearer``).
        self.api_key = ""
        self.spawned_at = 0.0
        self.ready_at = 0.0
        self.ended_at = 0.0
        self.start_ms = 0.0
        self.stopping = False
        self.stop_reason = ""
        self.ready = threading.Event()
        self.done = threading.Event()
        self._wake = threading.Event()
        self._log_offset = 0
        self.last_active = time.monotonic()
        self._cpu_seen: tuple[float, float] | None = None

    # -- life --------------------------------------------------------------------------------

    def command(self) -> list[str]:
        cmd = [
            sys.executable,
            str(LAUNCHER),
            "--model",
            self.model.path,
            "--model_alias",
            self.name,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--n_ctx",
            str(self.n_ctx),
            # Queue concurrent requests: by default the server ends the running answer early (a bare [DONE])
            # when another request arrives, which would silently truncate parallel agents' answers.
            "--interrupt_requests",
            "false",
        ]
        if self.reuse_prompt_cache:
            cmd.append("--reuse-prompt-cache")
        if self.n_threads > 0:
            cmd += ["--n_threads", str(self.n_threads), "--n_threads_batch", str(self.n_threads)]
        return cmd

    def start(self) -> None:
        """Spawn the engine (call from a thread that lives as long as the engine should)."""
        self.port = free_port()
        self.api_key = secrets.token_urlsafe(32)
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if self.log_path.stat().st_size > LOG_MAX_BYTES:  # keep one previous log, like the services' logs
                os.replace(self.log_path, self.log_path.with_name(self.log_path.name + ".1"))
        except FileNotFoundError:
            pass
        log = open(self.log_path, "ab")
        try:
            log.write(
                f"\n--- {time.strftime('%Y-%m-%d %H:%M:%S')} starting {self.name} ({self.model.path}) on "
                f"port {self.port}\n".encode()
            )
            log.flush()
            self._log_offset = log.tell()
            env = dict(os.environ, PYTHONUNBUFFERED="1")
            env[KEY_ENV] = self.api_key
            env.pop("ANTHROPIC_API_KEY", None)
            self.spawned_at = time.monotonic()
            self.state = "starting"
            self.proc = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                close_fds=True,
                preexec_fn=die_with_parent_preexec(os.getpid()),
            )
        except OSError as exc:
            self.state = "failed"
            self.error = f"The local engine could not be started: {exc}."
            self.done.set()
            self.ready.set()
            raise
        finally:
            log.close()
        self.on_state(self, "starting", "")
        threading.Thread(target=self._watch, name=f"engine-{self.name}", daemon=True).start()

    @property
    def pid(self) -> int:
        return self.proc.pid if self.proc is not None else 0

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def _watch(self) -> None:
        if self._await_health():
            self.ready_at = time.monotonic()
            self.start_ms = round((self.ready_at - self.spawned_at) * 1000, 1)
            self.last_active = self.ready_at
            self.state = "ready"
            self.ready.set()
            self.on_state(self, "ready", "")
        assert self.proc is not None
        code = self.proc.wait()
        self.ended_at = time.monotonic()
        if self.stopping:
            self.state = "stopped"
            self.on_state(self, "stopped", self.stop_reason)
        elif self.state == "ready":
            self.log_tail = last_log_line(self.log_path, self._log_offset)
            self.error = (
                f"The local model engine ({self.name}) stopped unexpectedly: {exit_reason(code)}. A "
                f"generation in flight was cut (its text so far is kept); the engine starts again on the "
                f"next request."
            )
            self.state = "crashed"
            self.on_state(self, "crashed", "")
        elif self.state != "failed":
            self.log_tail = last_log_line(self.log_path, self._log_offset)
            self.error = (
                f"The local model engine could not load {self.name} ({self.model.path}): it "
                f"{exit_reason(code)} while starting."
                + (f" It said: {self.log_tail}" if self.log_tail else "")
                + f" Full log: {self.log_path}"
            )
            self.state = "failed"
            self.on_state(self, "failed", "")
        self.ready.set()
        self.done.set()

    def _await_health(self) -> bool:
        import httpx

        assert self.proc is not None
        deadline = self.spawned_at + self.start_timeout_s
        url = self.base_url + "/models"
        headers = {"authorization": f"Bearer {self.api_key}"}
        with httpx.Client(timeout=httpx.Timeout(5.0, connect=1.0), trust_env=False, headers=headers) as client:
            while not self.stopping:
                if self.proc.poll() is not None:
                    return False
                try:
                    if client.get(url).status_code == 200:
                        return True
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    self.error = (
                        f"The local model engine did not become ready within {self.start_timeout_s:.0f} s "
                        f"for {self.name}; stopped it. Log: {self.log_path}"
                    )
                    self.state = "failed"
                    self.on_state(self, "failed", "")
                    self._kill()
                    return False
                self._wake.wait(0.025)  # the next health probe (bounded by the deadline above)
        return False

    def stop(self, reason: str, grace_s: float = 1.0) -> None:
        """Stop the engine: SIGTERM, then SIGKILL after ``grace_s``; returns once it has exited."""
        self.stopping = True
        self.stop_reason = reason
        self._wake.set()
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                self.proc.terminate()
            except ProcessLookupError:
                pass
        if not self.done.wait(grace_s):
            self._kill()
            self.done.wait(5.0)

    def _kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                self.proc.kill()
            except ProcessLookupError:
                pass

    # -- use ---------------------------------------------------------------------------------

    def touch(self) -> None:
        self.last_active = time.monotonic()

    def sample_activity(self, busy_fraction: float = 0.05) -> None:
        """Mark the engine active when it used more than ``busy_fraction`` of a core since the last sample
        (it generates on the CPU; an idle server uses next to none)."""
        if self.state != "ready":
            return
        cpu = cpu_seconds(self.pid)
        now = time.monotonic()
        if cpu is None:
            return
        if self._cpu_seen is not None:
            then, cpu_then = self._cpu_seen
            if now > then and (cpu - cpu_then) / (now - then) > busy_fraction:
                self.last_active = now
        self._cpu_seen = (now, cpu)

    def idle_for(self) -> float:
        return time.monotonic() - self.last_active
