"""The engine's entry point: ``llama_cpp.server`` with one change, run as ``python llama_server.py ARGS``.

llama-cpp-python reuses the evaluated prompt of the previous request: when a
new prompt is already fully in its cache (the same question asked again), it
re-evaluates only the last prompt token, alone, and that one-token pass gives
slightly different logits from the batched pass of a fresh prompt; at
temperature 0 the same request then gets a different answer the second time
(measured with the bundled model).  Unless ``--reuse-prompt-cache`` is given,
every request starts from a clean state, so the same request always gets the
same answer; the price is re-reading the prompt each time (negligible for the
bundled model; noticeable for a 7B model with a long conversation on a CPU,
hence the ``model_reuse_prompt_cache`` setting).

Run by path (not ``-m``) so that the model service's package is not imported
into the engine.
"""

from __future__ import annotations

import runpy
import sys


def main() -> None:
    del sys.path[0]  # this folder: its modules must not shadow anything the server imports
    if "--reuse-prompt-cache" in sys.argv:
        sys.argv.remove("--reuse-prompt-cache")
    else:
        import llama_cpp

        original = llama_cpp.Llama.generate

        def generate(self, tokens, *args, **kwargs):  # type: ignore[no-untyped-def]
            if kwargs.get("reset", True):
                self.reset()  # forget the cached prompt: evaluate this one from scratch
            return original(self, tokens, *args, **kwargs)

        llama_cpp.Llama.generate = generate  # type: ignore[method-assign]
    sys.argv[0] = "llama_cpp.server"
    runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
