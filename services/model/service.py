"""The model service: the local models, and the local engine as a supervised child process.

It is light: llama.cpp is never imported here.  On ``EnsureModel`` it starts
``python -m llama_cpp.server`` for the model's GGUF file on a free loopback
port (``engine.py``) and answers the OpenAI-compatible base URL once the server
answers; the stream service then streams from that URL with its
OpenAI-compatible provider, exactly as from Ollama or LM Studio (one streaming
path).  An engine unused for ``model_idle_s`` is stopped to give its memory
back; an engine that exits on its own is reported on ``model.engine`` with a
clear message, and the next ``EnsureModel`` starts a fresh one.

``EnsureModel`` waits at most the ``wait_s`` it is given and answers
``state="starting"`` when the model is still loading (the caller asks again;
see ``vibing.local.ensure_local_model``); while it waits, requests to this
service queue behind it, so callers ask for short waits.

The engine is locked with a per-launch key (``engine.py``, ``llama_server.py``):
``ModelEndpoint.api_key`` carries it to the bus client that streams from it.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from vibing.errors import LocalEngineFailed, NotFound
from vibing.schema.model import (
    AddLocalModel,
    EnsureModel,
    ListLocalModels,
    LocalModelList,
    LocalModelReply,
    ModelEndpoint,
    ModelEngineState,
    RemoveLocalModel,
    StopModel,
    UseLocalModel,
)
from vibing.services.model import gguf
from vibing.services.model.engine import Engine, rss_mb
from vibing.services.model.registry import Registry, engine_installed
from vibing.worker import Worker, handles

#: A failed start is reported to the requests that follow it within this window; later ones try again.
_FAILURE_MEMORY_S = 30.0


class Service(Worker):
    name = "model"

    def setup(self) -> None:
        self.registry = Registry(self.data_dir or Path("."))
        self.log_dir = (self.data_dir / "logs") if self.data_dir else Path(".")
        self.engines: dict[str, Engine] = {}
        self.lock = threading.Lock()
        self.crashes = 0
        self.starts = 0
        self.metrics.describe("vibing_model_engine_starts_total", "Local engines started, by model.")
        self.metrics.describe("vibing_model_engine_crashes_total", "Local engines that stopped on their own.")
        self.metrics.describe("vibing_model_engine_start_seconds", "Spawn to first healthy answer of an engine.")

    def teardown(self) -> None:
        for engine in list(self.engines.values()):
            engine.stop("shutdown")

    def details(self) -> dict[str, Any]:
        return {
            "engines": {
                name: {
                    "state": e.state,
                    "pid": e.pid,
                    "base_url": e.base_url,
                    "rss_mb": round(rss_mb(e.pid), 1) if e.alive else 0.0,
                    "idle_s": round(e.idle_for(), 1),
                }
                for name, e in list(self.engines.items())
            },
            "engine_installed": engine_installed(),
            "starts": self.starts,
            "crashes": self.crashes,
            "idle_stop_s": self.config.model_idle_s,
        }

    # -- engine events (called from the engines' watcher threads) ----------------------------------

    def _on_state(self, engine: Engine, state: str, reason: str) -> None:
        message = engine.error if state in ("crashed", "failed") else ""
        code = engine.proc.returncode if engine.proc is not None and state in ("stopped", "crashed", "failed") else None
        if state == "crashed":
            self.crashes += 1
            self.metrics.inc("vibing_model_engine_crashes_total", model=engine.name)
            self.log.error(
                "model.engine_crashed", model=engine.name, pid=engine.pid, exit_code=code, log_tail=engine.log_tail
            )
        elif state == "failed":
            self.log.error("model.engine_failed", model=engine.name, pid=engine.pid, exit_code=code, error=engine.error)
        elif state == "ready":
            self.metrics.observe("vibing_model_engine_start_seconds", engine.start_ms / 1000)
            self.log.info(
                "model.engine_ready", model=engine.name, pid=engine.pid, url=engine.base_url, start_ms=engine.start_ms
            )
        else:
            self.log.info("model.engine_" + state, model=engine.name, pid=engine.pid, reason=reason)
        self.publish(
            "model.engine",
            ModelEngineState(
                model=engine.name,
                state=state,
                pid=engine.pid,
                base_url=engine.base_url,
                reason=reason,
                message=message,
                exit_code=code,
                log_tail=engine.log_tail,
            ),
        )

    # -- the engines ---------------------------------------------------------------------------------

    def tick(self) -> None:
        idle_s = self.config.model_idle_s
        for name, engine in list(self.engines.items()):
            if engine.state == "ready":
                engine.sample_activity()
                if idle_s > 0 and engine.idle_for() >= idle_s:
                    self.log.info("model.engine_idle", model=name, idle_s=round(engine.idle_for(), 1))
                    engine.stop("idle")
            if engine.done.is_set() and engine.state in ("stopped", "crashed"):
                with self.lock:
                    if self.engines.get(name) is engine:
                        del self.engines[name]

    def _start(self, name: str) -> Engine:
        model = self.registry.get(name)
        if not engine_installed():
            raise NotFound(
                "The local engine (llama-cpp-python) is not installed. Install it with "
                "`pip install 'vibing[local]'` (it compiles llama.cpp: about 5 minutes the first time)."
            )
        gguf.read_info(model.path)  # a missing or damaged file: a clear error now, not an engine crash later
        for other_name, other in list(self.engines.items()):
            # One engine at a time keeps memory bounded; an engine busy generating is left alone.
            if other_name != model.name and other.state in ("starting", "ready") and other.idle_for() > 2.0:
                other.stop("replaced")
        n_ctx = self.config.model_context
        if model.context_length:
            n_ctx = min(n_ctx, model.context_length)  # beyond what it was trained on, a model only degrades
        engine = Engine(
            model,
            log_dir=self.log_dir,
            n_ctx=n_ctx,
            n_threads=self.config.model_threads,
            start_timeout_s=self.config.model_start_timeout_s,
            reuse_prompt_cache=self.config.model_reuse_prompt_cache,
            on_state=self._on_state,
        )
        engine.start()  # on the worker's main thread: the engine's death signal is tied to it
        self.starts += 1
        self.metrics.inc("vibing_model_engine_starts_total", model=model.name)
        with self.lock:
            self.engines[model.name] = engine
        return engine

    def _max_wait(self, asked: float) -> float:
        # Heartbeats flow while a handler waits (the worker base's bus thread), but other requests to this
        # service queue behind it: keep a wait within one request timeout.
        return max(0.0, min(asked, self.config.request_timeout_s))

    @handles(EnsureModel)
    def ensure(self, req: EnsureModel) -> ModelEndpoint:
        name = req.model or self.registry.default_name()
        if not name:
            self.registry.get("")  # raises NotFound with the explanation
        engine = self.engines.get(name)
        cold = False
        if engine is not None and engine.state == "failed":
            with self.lock:
                if self.engines.get(name) is engine:
                    del self.engines[name]
            if time.monotonic() - engine.ended_at < _FAILURE_MEMORY_S:
                raise LocalEngineFailed(engine.error, model=name, log_tail=engine.log_tail)
            engine = None
        if engine is not None and engine.state in ("stopped", "crashed") or engine is not None and engine.stopping:
            engine.done.wait(3.0)
            engine = None
        if engine is None:
            engine = self._start(name)
            cold = True
        engine.touch()
        engine.ready.wait(self._max_wait(req.wait_s))
        if engine.state == "ready":
            return ModelEndpoint(
                model=name,
                state="ready",
                base_url=engine.base_url,
                api_key=engine.api_key,
                pid=engine.pid,
                path=engine.model.path,
                cold=cold,
                start_ms=engine.start_ms,
            )
        if engine.state in ("failed", "crashed"):
            with self.lock:
                if self.engines.get(name) is engine:
                    del self.engines[name]
            if "address already in use" in engine.log_tail.lower():
                # Another program took the free port between our pick and the engine's bind: pick again.
                self.log.warning("model.engine_port_taken", model=name, port=engine.port)
                return self.ensure(EnsureModel(model=name, wait_s=req.wait_s / 2))
            raise LocalEngineFailed(engine.error, model=name, log_tail=engine.log_tail)
        return ModelEndpoint(model=name, state="starting", pid=engine.pid, path=engine.model.path, cold=cold)

    @handles(StopModel)
    def stop_model(self, req: StopModel) -> None:
        if req.model and req.model not in self.engines:
            self.registry.get(req.model)  # NotFound for an unknown name; a known one is simply not running
            return
        for name, engine in list(self.engines.items()):
            if not req.model or name == req.model:
                engine.stop("requested")
                with self.lock:
                    if self.engines.get(name) is engine:
                        del self.engines[name]

    # -- the list --------------------------------------------------------------------------------------

    @handles(ListLocalModels)
    def list_models(self, _req: ListLocalModels) -> LocalModelList:
        models = self.registry.models()
        for model in models:
            engine = self.engines.get(model.name)
            if engine is not None and engine.state in ("starting", "ready"):
                model.engine = engine.state
                model.base_url = engine.base_url if engine.state == "ready" else ""
        default = next((m.name for m in models if m.default), "")
        return LocalModelList(models=models, default=default, engine_installed=engine_installed())

    @handles(AddLocalModel)
    def add_model(self, req: AddLocalModel) -> LocalModelReply:
        return LocalModelReply(model=self.registry.add(req.path, req.name))

    @handles(UseLocalModel)
    def use_model(self, req: UseLocalModel) -> LocalModelReply:
        return LocalModelReply(model=self.registry.use(req.name))

    @handles(RemoveLocalModel)
    def remove_model(self, req: RemoveLocalModel) -> None:
        engine = self.engines.get(req.name)
        self.registry.remove(req.name)
        if engine is not None:
            engine.stop("requested")
