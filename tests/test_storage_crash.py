"""Crash safety: SIGKILL the storage worker in the middle of a stream of writes.

After the supervisor restarts it, the database passes ``PRAGMA integrity_check``
and every write that was acknowledged is there; retried writes (appends carry
sequence numbers) are not applied twice.
"""

from __future__ import annotations

import os
import signal
import threading

from conftest import App

from vibing.bus import Bus
from vibing.errors import RequestTimeout, ServiceUnavailable
from vibing.schema.storage import (
    AppendMessageText,
    CheckDatabase,
    CreateProject,
    FinishMessage,
    GetMessage,
    ListStreamingMessages,
    LoadProject,
    StartAssistantMessage,
    UpdateFile,
)
from vibing.schema.supervisor import Status

WRITES = 240
KILL_AFTER = 60


def storage_pid(bus: Bus) -> int:
    reply = bus.request("supervisor", Status())
    return next(s.pid for s in reply.services if s.name == "storage")


def until_acknowledged(bus: Bus, message, failures: list[str]):
    """Send until a reply comes; the storage worker may be dead or restarting meanwhile."""
    while True:
        try:
            return bus.request("storage", message, timeout=10)
        except (ServiceUnavailable, RequestTimeout) as exc:  # ServiceCrashed is a ServiceUnavailable
            failures.append(type(exc).__name__)


def test_sigkill_mid_stream_loses_nothing_acknowledged(app: App) -> None:
    bus = app.bus()
    project = bus.request("storage", CreateProject(name="crash")).project
    message = bus.request("storage", StartAssistantMessage(project_id=project.id, model="m")).message
    victim = storage_pid(bus)
    killed = threading.Event()
    enough = threading.Event()

    def killer() -> None:
        enough.wait(30)
        os.kill(victim, signal.SIGKILL)
        killed.set()

    thread = threading.Thread(target=killer)
    thread.start()
    acknowledged_text: list[str] = []
    acknowledged_files: dict[str, str] = {}
    failures: list[str] = []
    acks_after_kill = 0
    try:
        for seq in range(WRITES):
            chunk = f"<{seq}>"
            reply = until_acknowledged(bus, AppendMessageText(message_id=message.id, text=chunk, seq=seq), failures)
            assert reply.last_seq == seq
            acknowledged_text.append(chunk)
            if seq % 4 == 0:
                path = f"files/f{seq % 20}.txt"
                until_acknowledged(
                    bus,
                    UpdateFile(
                        project_id=project.id, path=path, content=f"v{seq}", create=True, checkpoint=seq % 8 == 0
                    ),
                    failures,
                )
                acknowledged_files[path] = f"v{seq}"
            if seq == KILL_AFTER:
                enough.set()
            if killed.is_set():
                acks_after_kill += 1
    finally:
        enough.set()
        thread.join()

    print(f"failures while restarting: {failures}, acks after kill: {acks_after_kill}")
    assert killed.is_set() and acks_after_kill > 0
    assert storage_pid(bus) != victim
    status = bus.request("supervisor", Status())
    assert next(s for s in status.services if s.name == "storage").restarts >= 1

    check = bus.request("storage", CheckDatabase())
    assert check.ok, (check.integrity, check.foreign_keys)
    stored = bus.request("storage", GetMessage(message_id=message.id)).message
    assert stored.content == "".join(acknowledged_text)  # every ack present, no batch applied twice
    assert stored.last_seq == WRITES - 1 and stored.status == "streaming"
    files = {f.path: f.content for f in bus.request("storage", LoadProject(project_id=project.id)).files}
    assert files == acknowledged_files
    # after a restart the cut-off stream is found and can be closed
    assert message.id in [m.id for m in bus.request("storage", ListStreamingMessages()).messages]
    bus.request("storage", FinishMessage(message_id=message.id, status="interrupted"))
    assert bus.request("storage", ListStreamingMessages()).messages == []
