"""Frame layout of the request bus (a small Majordomo-style protocol).

Clients and workers connect DEALER sockets to the broker's ROUTER::

    client -> broker   [CLIENT, service, header, body]
    broker -> worker   [WORKER, REQUEST, client-id, header, body]
    worker -> broker   [WORKER, REPLY, client-id, header, body]
    broker -> client   [CLIENT, service, header, body]
    worker -> broker   [WORKER, READY, service, pid] | [WORKER, HEARTBEAT] | [WORKER, DISCONNECT]
    broker -> worker   [WORKER, HEARTBEAT] | [WORKER, DISCONNECT]

Events go the other way round a proxy: publishers PUSH to the proxy's PULL,
which forwards to its PUB; subscribers connect SUB.  PUSH (not PUB) on the
publishing side means an event sent before the connection is up is queued, not
dropped, so a freshly started worker never loses its first tokens.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from vibing.errors import ConfigError

CLIENT = b"VC1"
WORKER = b"VW1"

READY = b"\x01"
REQUEST = b"\x02"
REPLY = b"\x03"
HEARTBEAT = b"\x04"
DISCONNECT = b"\x05"


@dataclass(frozen=True)
class Endpoints:
    """Where the bus listens: requests (ROUTER), events in (PULL), events out (PUB)."""

    requests: str
    events_in: str
    events_out: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Endpoints:
        return cls(requests=data["requests"], events_in=data["events_in"], events_out=data["events_out"])


def bind_specs(transport: str, runtime_dir: Path, tcp_base_port: int = 0) -> Endpoints:
    """The addresses to bind: unix sockets in the private runtime folder, the only transport.

    The bus has no authentication of its own: who may connect is decided by the
    file system (the runtime folder is the user's, 0700).  A loopback tcp port
    has no such owner, so any local program could register as any service and
    receive the API key and projects; that transport was removed rather than
    given keys of its own, since nothing used it.  ``transport`` and
    ``tcp_base_port`` stay in the signature so an old setting gets this clear
    refusal instead of an unknown-setting error.
    """
    if transport != "ipc":
        raise ConfigError(
            f"The {transport!r} bus transport is no longer available: it listened on a loopback port that any "
            "program on this machine could use to pose as a Vibing service. Remove `transport` and `tcp_base_port` "
            "from your settings (config.toml, .env or VIBING_TRANSPORT); Vibing talks over unix sockets in a "
            "folder only you can open.",
            transport=transport,
        )
    return Endpoints(
        requests=f"ipc://{runtime_dir}/requests.sock",
        events_in=f"ipc://{runtime_dir}/events-in.sock",
        events_out=f"ipc://{runtime_dir}/events-out.sock",
    )


@dataclass(frozen=True)
class BusInfo:
    """What ``bus.json`` holds: how to reach a running app."""

    pid: int
    started: float
    endpoints: Endpoints

    def write(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"pid": self.pid, "started": self.started, "endpoints": self.endpoints.to_dict()}))
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)

    @classmethod
    def read(cls, path: Path) -> BusInfo | None:
        try:
            data = json.loads(path.read_text())
            return cls(
                pid=int(data["pid"]), started=float(data["started"]), endpoints=Endpoints.from_dict(data["endpoints"])
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
