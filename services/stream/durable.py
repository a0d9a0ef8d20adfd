"""Durable streaming: the growing answer goes to storage in small batches, off the token path.

The token path only appends to an in-memory list (:meth:`DurableWriter.append`);
one background thread sends ``AppendMessageText`` batches to the storage service
at most every ``interval_s`` (100 ms) after the first unsent byte, or as soon as
``max_bytes`` (2 KB) are waiting, so a crash of this worker loses at most one
batch.  Every batch carries the ``seq`` of its last token, so storage ignores a
batch it already applied (a retry after a storage restart is harmless).

Operations of one message are applied in order: start (user message + empty
assistant message), appends, finish (status, usage, the last batch).  While
storage is unavailable the batches wait and are retried; nothing is dropped
before the worker itself dies.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from vibing import log
from vibing.errors import BusError, VibingError
from vibing.schema.storage import AddMessage, AppendMessageText, FinishMessage, StartAssistantMessage
from vibing.schema.stream import ImageAttachment

logger = log.get("vibing.stream.durable")


@dataclass
class _Pending:
    session: str
    message_id: str
    project_id: str
    texts: list[str] = field(default_factory=list)
    size: int = 0
    seq: int = 0
    started: bool = False
    failed: str = ""
    #: Ops before the text (user message, assistant message) and after it (finish).
    start_ops: list[Any] = field(default_factory=list)
    finish: FinishMessage | None = None
    after_ops: list[Any] = field(default_factory=list)


class DurableWriter:
    def __init__(
        self, bus: Any, *, interval_s: float = 0.1, max_bytes: int = 2048, request_timeout_s: float = 5.0
    ) -> None:
        self.bus = bus
        self.interval_s = interval_s
        self.max_bytes = max_bytes
        self.request_timeout_s = request_timeout_s
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._messages: dict[str, _Pending] = {}
        self._order: deque[str] = deque()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="stream-durable", daemon=True)
        self.batches = 0
        self.errors = 0
        self._idle = threading.Condition(self._lock)

    def start(self) -> None:
        self._thread.start()

    # -- the token path (any thread; cheap) -----------------------------------------------

    def begin(
        self,
        session: str,
        project_id: str,
        message_id: str,
        *,
        agent: str = "",
        model: str = "",
        user_message: str = "",
        user_images: list[ImageAttachment] | None = None,
        resume: Any = None,
    ) -> None:
        """Open a session (one stream) writing ``message_id``; sessions of one message are applied in order.
        ``user_images`` are stored with the user's message (its attachments)."""
        ops: list[Any] = []
        if user_message:
            ops.append(
                AddMessage(
                    project_id=project_id,
                    role="user",
                    content=user_message,
                    agent=agent,
                    model=model,
                    images=list(user_images or []),
                )
            )
        if resume is not None:
            ops.append(resume)
        else:
            ops.append(StartAssistantMessage(project_id=project_id, agent=agent, model=model, message_id=message_id))
        with self._lock:
            self._messages[session] = _Pending(session, message_id, project_id, start_ops=ops)
            self._order.append(session)
        self._wake.set()

    def append(self, session: str, text: str, seq: int) -> None:
        with self._lock:
            p = self._messages.get(session)
            if p is None:
                return
            first = not p.texts
            p.texts.append(text)
            p.size += len(text)
            p.seq = seq
            big = p.size >= self.max_bytes
        if first or big:
            self._wake.set()

    def finish(self, session: str, message: FinishMessage, after: list[Any] | None = None) -> None:
        """The session's end; ``after``: requests sent once it is stored (e.g. a continuation's usage row)."""
        with self._lock:
            p = self._messages.get(session)
            if p is None:
                return
            p.finish = message
            p.after_ops = list(after or [])
        self._wake.set()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything queued so far reached storage (or failed)."""
        deadline = time.monotonic() + timeout
        self._wake.set()
        with self._idle:
            while self._messages and not self._stopping:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._idle.wait(min(remaining, 0.05))
                self._wake.set()
        return True

    def stop(self, timeout: float = 2.0) -> None:
        self.flush(timeout)
        self._stopping = True
        self._wake.set()
        self._thread.join(timeout=1.0)

    # -- the writer thread -------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stopping:
            self._wake.wait()
            self._wake.clear()
            # Let a batch gather for up to interval_s, unless it is already big.
            deadline = time.monotonic() + self.interval_s
            while not self._stopping:
                with self._lock:
                    big = any(
                        p.size >= self.max_bytes or p.finish is not None or p.start_ops for p in self._messages.values()
                    )
                if big:
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                if self._wake.wait(remaining):
                    self._wake.clear()
            try:
                retry_soon = self._send_all()
            except Exception:  # never let the writer die
                logger.exception("durable.failed")
                retry_soon = True
            with self._lock:
                pending = bool(self._messages)
                self._idle.notify_all()
            if pending and (retry_soon or any(p.texts for p in self._messages.values())):
                if retry_soon:
                    time.sleep(0.1)  # storage unavailable: back off a little, keep everything
                self._wake.set()

    def _send_all(self) -> bool:
        """One pass over every message with work; True when storage was unavailable."""
        with self._lock:
            sessions = list(self._order)
        unavailable = False
        busy: set[str] = set()  # messages with an earlier session still open: later ones wait their turn
        for session in sessions:
            with self._lock:
                p = self._messages.get(session)
                if p is None:
                    continue
                message_id = p.message_id
                if message_id in busy:
                    continue
                busy.add(message_id)
                ops = p.start_ops
                p.start_ops = []
            try:
                for i, op in enumerate(ops):
                    self._request(op)
                    ops[i] = None
                p.started = True
            except BusError as exc:
                with self._lock:
                    p.start_ops = [op for op in ops if op is not None] + p.start_ops
                logger.warning("durable.storage_unavailable", message_id=message_id, error=exc.message)
                unavailable = True
                continue
            except VibingError as exc:
                logger.warning("durable.start_refused", message_id=message_id, error=exc.message)
                p.failed = exc.message
            with self._lock:
                text = "".join(p.texts)
                seq = p.seq
                count = len(p.texts)
                finish = p.finish
            if p.failed:
                with self._lock:
                    if finish is not None:
                        self._drop(session)
                    else:
                        p.texts.clear()
                        p.size = 0
                continue
            try:
                if finish is not None:
                    with self._lock:
                        text = "".join(p.texts)
                        seq = p.seq
                    if text:
                        finish.text = text
                        finish.seq = max(finish.seq, seq)
                    self._request(finish)
                    self.batches += 1
                    with self._lock:
                        self._drop(session)
                    for op in p.after_ops:
                        try:
                            self._request(op)
                        except VibingError as exc:
                            logger.warning("durable.after_failed", message_id=message_id, error=exc.message)
                elif text:
                    self._request(AppendMessageText(message_id=message_id, text=text, seq=seq))
                    self.batches += 1
                    with self._lock:
                        del p.texts[:count]
                        p.size -= len(text)
            except BusError as exc:
                logger.warning("durable.storage_unavailable", message_id=message_id, error=exc.message)
                unavailable = True
            except VibingError as exc:
                self.errors += 1
                logger.warning("durable.write_refused", message_id=message_id, error=exc.message)
                with self._lock:
                    if finish is not None:
                        self._drop(session)
                    else:
                        del p.texts[:count]
                        p.size = sum(len(t) for t in p.texts)
        return unavailable

    def _drop(self, session: str) -> None:
        self._messages.pop(session, None)
        try:
            self._order.remove(session)
        except ValueError:
            pass

    def _request(self, op: Any) -> Any:
        return self.bus.request("storage", op, timeout=self.request_timeout_s)

    @property
    def pending_messages(self) -> int:
        with self._lock:
            return len(self._messages)
