"""One TLS context for every connection to a model API, built when the stream package is imported.

Loading the CA bundle takes 40-60 ms of CPU.  Built at import, it is built once in the zygote that
preloads ``vibing.services.stream``, and every stream worker forked from it shares the context and its CA
store instead of loading them again on its way to ready.  It is the context httpx builds for
``verify=True``; when ``SSL_CERT_FILE`` or ``SSL_CERT_DIR`` names the CAs to trust (a corporate proxy's),
httpx's own reading of them is used, at the time the client is built, as before.
"""

from __future__ import annotations

import os
import ssl

import httpx

#: httpx's default context (the certifi CA bundle), shared by every client of this process.
DEFAULT = httpx.create_ssl_context(trust_env=False)


def context() -> ssl.SSLContext:
    """The context for the stream's client: the shared one, unless the environment names other CAs."""
    if os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR"):
        return httpx.create_ssl_context()
    return DEFAULT
