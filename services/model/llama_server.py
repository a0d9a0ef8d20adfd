"""The engine's entry point: ``llama_cpp.server`` locked to the model service, run as ``python llama_server.py ARGS``.

Locked.  The stock server answers anyone who reaches its loopback port: any local user, and any web page
through the browser (it allows every origin, with credentials) or through DNS rebinding; and it names the
model's file path in answers to a request that gives no model.  Here:

* every request must carry ``Authorization: Bearer <key>``, a random key made for this launch by the model
  service and handed over in the environment (:data:`KEY_ENV`), never on the command line, which every user can
  read in ``/proc/<pid>/cmdline``; it is removed from this process's environment at once, so nothing the engine
  starts inherits it.  The check is constant-time and covers every route, the API docs included;
* there is no CORS at all: no ``Access-Control-Allow-*`` header for any origin, so no page can read an answer;
* the ``Host`` header must be exactly ``127.0.0.1:<port>`` or ``localhost:<port>`` (a rebound DNS name is
  refused before the key is even looked at);
* answers name the model by its alias, never by its file path.

Determinism.  llama-cpp-python reuses the evaluated prompt of the previous request: when a new prompt is
already fully in its cache (the same question asked again), it re-evaluates only the last prompt token, alone,
and that one-token pass gives slightly different logits from the batched pass of a fresh prompt; at
temperature 0 the same request then gets a different answer the second time (measured with the bundled model).
Unless ``--reuse-prompt-cache`` is given, every request starts from a clean state, so the same request always
gets the same answer; the price is re-reading the prompt each time (negligible for the bundled model;
noticeable for a 7B model with a long conversation on a CPU, hence the ``model_reuse_prompt_cache`` setting).

Run by path (not ``-m``) so that the model service's package is not imported into the engine; so this file
imports nothing from Vibing.
"""

from __future__ import annotations

import argparse
import hmac
import json
import os
import sys

#: The environment variable that carries the per-launch key from the model service (read once, then removed).
KEY_ENV = "VIBING_ENGINE_KEY"


class EngineGuard:
    """ASGI middleware in front of the whole server: the exact Host, then the key, for every request.

    Starlette's ``TrustedHostMiddleware`` compares host names without the port, and the server's own key check
    guards only the API routes (not the docs) with a plain ``==``; so this small check stands first.
    """

    def __init__(self, app, *, key: str, port: int) -> None:  # noqa: ANN001  (an ASGI app)
        self.app = app
        self.expected = b"Bearer " + key.encode()
        self.hosts = {f"127.0.0.1:{port}".encode(), f"localhost:{port}".encode()}

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        hosts = [value for name, value in scope["headers"] if name == b"host"]
        if len(hosts) != 1 or hosts[0] not in self.hosts:
            await _refuse(scope, send, 400, "This engine answers only requests addressed to its loopback port.")
            return
        given = [value for name, value in scope["headers"] if name == b"authorization"]
        if len(given) != 1 or not hmac.compare_digest(given[0], self.expected):
            await _refuse(scope, send, 401, "Invalid API key.")
            return
        await self.app(scope, receive, send)


async def _refuse(scope, send, status: int, message: str) -> None:  # noqa: ANN001
    if scope["type"] == "websocket":
        await send({"type": "websocket.close", "code": 1008})
        return
    body = json.dumps({"error": {"message": message, "type": "authentication_error", "code": status}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _clean_state_per_request() -> None:
    import llama_cpp

    original = llama_cpp.Llama.generate

    def generate(self, tokens, *args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("reset", True):
            self.reset()  # forget the cached prompt: evaluate this one from scratch
        return original(self, tokens, *args, **kwargs)

    llama_cpp.Llama.generate = generate  # type: ignore[method-assign]


def _hide_model_path() -> None:
    """Name the model by its alias where llama.cpp would use its file path (a request that names no model)."""
    from llama_cpp.server import model as server_model

    load = server_model.LlamaProxy.load_llama_from_model_settings

    def load_by_alias(settings):  # type: ignore[no-untyped-def]
        llama = load(settings)
        llama.model_path = settings.model_alias or "local"  # read only to name the model in answers after loading
        return llama

    server_model.LlamaProxy.load_llama_from_model_settings = staticmethod(load_by_alias)


def build_app(argv: list[str], key: str):  # noqa: ANN201  (a FastAPI app)
    from fastapi.middleware.cors import CORSMiddleware
    from llama_cpp.server.app import create_app
    from llama_cpp.server.cli import add_args_from_model, parse_model_from_args
    from llama_cpp.server.settings import ModelSettings, ServerSettings, Settings

    parser = argparse.ArgumentParser(prog="llama_server.py")
    add_args_from_model(parser, Settings)
    args = parser.parse_args(argv)
    server = parse_model_from_args(ServerSettings, args)
    server.api_key = key  # the server's own check as well, behind the guard
    model = parse_model_from_args(ModelSettings, args)
    app = create_app(server_settings=server, model_settings=[model])
    app.user_middleware[:] = [m for m in app.user_middleware if m.cls is not CORSMiddleware]
    app.add_middleware(EngineGuard, key=key, port=server.port)
    return app, server


def main() -> None:
    del sys.path[0]  # this folder: its modules must not shadow anything the server imports
    key = os.environ.pop(KEY_ENV, "")
    os.environ.pop("CONFIG_FILE", None)  # the server would read its settings (and no key) from that file instead
    if len(key) < 16:
        print(f"llama_server.py: no engine key in {KEY_ENV}; it is started by Vibing's model service.", file=sys.stderr)
        sys.exit(2)
    argv = sys.argv[1:]
    if "--reuse-prompt-cache" in argv:
        argv.remove("--reuse-prompt-cache")
    else:
        _clean_state_per_request()
    _hide_model_path()
    app, server = build_app(argv, key)
    del key

    import uvicorn

    uvicorn.run(app, host=server.host, port=server.port, server_header=False, log_level="info")


if __name__ == "__main__":
    main()
