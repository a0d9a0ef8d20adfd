"""The storage service: the only process that opens the database.

Every handler is one request type of ``schema.storage``.  Writes run in one
``BEGIN IMMEDIATE`` transaction each on the writer connection (all or nothing),
then drop the affected cache entries and publish ``project.changed``.  Reads go
through the query cache to the reader connection.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from vibing import project_files as validation
from vibing import schema
from vibing.errors import DiskFull, InvalidPath, InvalidRequest, NotFound, VibingError
from vibing.schema.base import encode_header, make_header
from vibing.schema.storage import (
    AddMessage,
    AppendMessageText,
    AppendReply,
    ApplyFileBatch,
    ApplyFiles,
    AttachmentData,
    BackupDatabase,
    BackupNow,
    BackupReply,
    BackupStatus,
    CheckDatabase,
    CheckpointList,
    CheckpointReply,
    CheckReply,
    CreateFile,
    CreateProject,
    DeleteFile,
    DeleteProject,
    DiffCheckpoints,
    DiffReply,
    DiscardDraft,
    DraftList,
    DraftReply,
    DuplicateProject,
    ExportProject,
    ExportReply,
    FileList,
    FileOp,
    FileReply,
    FileSearchReply,
    FilesReply,
    FindProject,
    FinishMessage,
    GetBackupStatus,
    GetCheckpoint,
    GetMessage,
    GetProject,
    ImportCountReply,
    ImportedList,
    ImportedProjectReply,
    ImportExternalProject,
    ImportExternalUsage,
    ImportExternalUsers,
    ImportProject,
    LinkImportedForks,
    ListCheckpoints,
    ListDrafts,
    ListFiles,
    ListImported,
    ListMessages,
    ListProjects,
    ListStreamingMessages,
    LoadAttachment,
    LoadProject,
    MessageList,
    MessageReply,
    ProjectChanged,
    ProjectDetail,
    ProjectList,
    ProjectReply,
    ReadFile,
    RecordUsage,
    RenameFile,
    RenameProject,
    RestoreCheckpoint,
    ResumeMessage,
    SaveDraft,
    SaveProject,
    SaveReply,
    SearchFiles,
    SearchProjects,
    SearchReply,
    SpendingReply,
    SpendingSoFar,
    StartAssistantMessage,
    UpdateFile,
    UsageReply,
    UsageReport,
    UsageReportReply,
    UsageSummary,
)
from vibing.services.storage import attachments, files, history, messages, projects, search, spending
from vibing.services.storage.cache import QueryCache
from vibing.services.storage.db import Database, db_path
from vibing.worker import Worker, handles

T = TypeVar("T")


class Service(Worker):
    name = "storage"

    # -- lifecycle --------------------------------------------------------------

    def setup(self) -> None:
        data_dir = self.data_dir or Path(".")
        started = time.perf_counter()
        self.db = Database(db_path(data_dir), log=self.log)
        self.limits = validation.Limits.from_config(self.config)
        self.cache = QueryCache(self.config.storage_cache_size, self.config.storage_cache_ttl_s)
        #: The reply the current handler returns with its bytes already encoded (see :meth:`_reply`).
        self._encoded: tuple[Any, bytes] | None = None
        from vibing.services.storage.backups import Backups  # the daily backups (vibing.backup)

        self.backups = Backups(self.config, data_dir, self.log, self.publish)
        self.log.info(
            "storage.opened",
            path=str(self.db.path),
            schema_version=self.db.version,
            migrated_from=self.db.migrated_from,
            open_ms=round((time.perf_counter() - started) * 1000, 1),
        )

    def teardown(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            db.close()

    def tick(self) -> None:
        """Between requests: report the cache's figures; a safety net for the WAL checkpointer."""
        cache = getattr(self, "cache", None)
        if cache is not None:
            reported = getattr(self, "_cache_reported", (0, 0))
            if (cache.hits, cache.misses) != reported:
                self.metrics.inc("vibing_cache_hits_total", cache.hits - reported[0])
                self.metrics.inc("vibing_cache_misses_total", cache.misses - reported[1])
                self.metrics.set("vibing_cache_hit_ratio", cache.hit_rate)
                self._cache_reported = (cache.hits, cache.misses)
        db = getattr(self, "db", None)
        if db is not None:
            try:
                db.checkpoint_if_behind()
            except Exception:  # never let housekeeping take the service down
                self.log.exception("storage.checkpoint_failed")
        backups = getattr(self, "backups", None)
        if backups is not None:
            try:
                backups.tick()
            except Exception:  # never let housekeeping take the service down
                self.log.exception("storage.backup_schedule_failed")

    def translate_error(self, exc: Exception) -> VibingError | None:
        """A full disk is the machine's condition, not a bug: say so (the transaction was rolled back whole)."""
        import apsw

        if isinstance(exc, apsw.FullError) or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
            folder = str(self.db.path.parent)
            return DiskFull(
                f"The disk that holds your Vibing data ({folder}) is full, so this change was not saved. "
                "Free some space and try again; nothing saved before was changed.",
                folder=folder,
            )
        return None

    def details(self) -> dict[str, Any]:
        db = getattr(self, "db", None)
        cache = getattr(self, "cache", None)
        return {
            "db": str(db.path) if db else "",
            "schema_version": db.version if db else 0,
            "db_bytes": db.size() if db else 0,
            "cache": cache.stats() if cache else {},
        }

    # -- helpers ------------------------------------------------------------------

    def _reply(self, header: Any, reply: Any) -> tuple[bytes, bytes]:
        """Send a reply whose bytes a handler already has (a cached project load: 300 KB not encoded again)."""
        encoded = getattr(self, "_encoded", None)
        if encoded is None or encoded[0] is not reply:
            return super()._reply(header, reply)
        return encode_header(make_header(self.name, corr=header.id)), encoded[1]

    def _with_bytes(self, reply: T) -> tuple[T, bytes]:
        """A reply with its encoded bytes, to be cached together (the bytes are what the next hit sends)."""
        return reply, schema.encode(reply)

    def _cached(self, key: str, compute: Callable[[], T]) -> T:
        return self.cache.get(key, compute)

    #: What a kind of write makes stale: keys under ``project:<id>:`` and global prefixes.
    _STALE = {
        "text": (("load", "messages:"), ()),  # a streaming message grew
        "messages": (("load", "messages:", "info", "usage"), ("list:", "search:", "usage:")),
        "files": (("load", "info", "files", "file:", "checkpoints:"), ("list:", "search:")),
        "meta": (("load", "info"), ("list:", "search:")),
        "usage": (("usage",), ("usage:",)),
        "all": (("",), ("list:", "search:", "usage:")),
    }

    def _changed(
        self,
        project_id: str,
        what: str,
        *,
        stale: str = "all",
        paths: list[str] | None = None,
        message_id: str = "",
        checkpoint_id: int = 0,
    ) -> None:
        """After a commit: drop the cache entries the write made stale, then tell subscribers."""
        local, shared = self._STALE[stale]
        self.cache.invalidate_prefix(*(f"project:{project_id}:{key}" for key in local), *shared)
        self.publish(
            "project.changed",
            ProjectChanged(
                project_id=project_id, what=what, paths=paths or [], message_id=message_id, checkpoint_id=checkpoint_id
            ),
        )

    def _info(self, project_id: str) -> Any:
        return projects.get(self.db.reader, project_id)

    # -- projects -----------------------------------------------------------------

    @handles(CreateProject)
    def create_project(self, request: CreateProject) -> ProjectReply:
        new = {f.path: f.content for f in request.files}
        for f in request.files:
            validation.check_file(f.path, f.content, self.limits)
        with self.db.transaction() as conn:
            project_id = projects.insert(
                conn,
                name=request.name,
                description=request.description,
                project_type=request.project_type,
                provider=request.provider,
                model=request.model,
            )
            if new:
                files.replace_all(conn, project_id, request.name, new, self.limits)
                history.create(conn, project_id, "create", "Created")
        self._changed(project_id, "created", paths=sorted(new))
        return ProjectReply(project=self._info(project_id))

    @handles(GetProject)
    def get_project(self, request: GetProject) -> ProjectReply:
        return self._cached(
            f"project:{request.project_id}:info", lambda: ProjectReply(project=self._info(request.project_id))
        )

    @handles(FindProject)
    def find_project(self, request: FindProject) -> ProjectReply:
        return ProjectReply(project=projects.find(self.db.reader, request.ref))

    @handles(LoadProject)
    def load_project(self, request: LoadProject) -> ProjectDetail:
        """The project, its messages and files; cached with its encoded bytes, so a hit encodes nothing.

        The cache entry (reply and bytes) is dropped by every write that stales it (:meth:`_changed`);
        the bytes are handed to :meth:`_reply` by identity, for this reply only.
        """
        detail, data = self._cached(
            f"project:{request.project_id}:load", lambda: self._with_bytes(self._load(request.project_id))
        )
        self._encoded = (detail, data)
        return detail

    def _load(self, project_id: str) -> ProjectDetail:
        conn = self.db.reader
        conn.execute("BEGIN")  # one snapshot for the three reads
        try:
            project_messages = messages.for_project(conn, project_id)
            project_files = files.load_all(conn, project_id)
            project = projects.get_with_contents(
                conn, project_id, [f.size for f in project_files], len(project_messages)
            )
            return ProjectDetail(project=project, messages=project_messages, files=project_files)
        finally:
            conn.execute("COMMIT")

    @handles(SaveProject)
    def save_project(self, request: SaveProject) -> SaveReply:
        for f in request.files:
            validation.check_file(f.path, f.content, self.limits)
        for path in request.deletes:
            validation.check_path(path)
        with self.db.transaction() as conn:
            name = projects.exists(conn, request.project_id)
            projects.update(
                conn,
                request.project_id,
                name=request.name,
                description=request.description,
                project_type=request.project_type,
                provider=request.provider,
                model=request.model,
            )
            ops = [FileOp(op="write", path=f.path, content=f.content) for f in request.files]
            if request.replace_all:
                touched = files.replace_all(
                    conn,
                    request.project_id,
                    request.name or name,
                    {f.path: f.content for f in request.files},
                    self.limits,
                )
                files.drop_drafts(conn, request.project_id, touched)
            else:
                ops += [FileOp(op="delete", path=p) for p in request.deletes]
                touched = files.apply(conn, request.project_id, request.name or name, ops, self.limits)
            files.settle_drafts(conn, request.project_id, ops)  # the files saved keep no draft
            checkpoint = history.create(conn, request.project_id, "save", request.label or "Saved")
        self._changed(request.project_id, "saved", paths=touched, checkpoint_id=checkpoint.id)
        return SaveReply(project=self._info(request.project_id), checkpoint=checkpoint)

    @handles(RenameProject)
    def rename_project(self, request: RenameProject) -> ProjectReply:
        with self.db.transaction() as conn:
            projects.exists(conn, request.project_id)
            projects.update(conn, request.project_id, name=request.name)
        self._changed(request.project_id, "renamed", stale="meta")
        return ProjectReply(project=self._info(request.project_id))

    @handles(DuplicateProject)
    def duplicate_project(self, request: DuplicateProject) -> ProjectReply:
        with self.db.transaction() as conn:
            source = projects.get(conn, request.project_id)
            name = request.name or f"{source.name} (copy)"
            new_id = projects.insert(
                conn,
                name=name[: projects.MAX_NAME],
                description=source.description,
                project_type=source.project_type,
                provider=source.provider,
                model=source.model,
                forked_from=source.id,
            )
            now = time.time()
            conn.execute(
                "INSERT INTO project_files(project_id, path, content, language, size, sha256, created_at, updated_at)"
                " SELECT ?, path, content, language, size, sha256, ?, ? FROM project_files WHERE project_id = ?",
                (new_id, now, now, source.id),
            )
            if request.include_messages:
                for m in messages.for_project(conn, source.id):
                    copied = messages.add(
                        conn,
                        new_id,
                        m.role,
                        m.content,
                        agent=m.agent,
                        model=m.model,
                        status="interrupted" if m.status == "streaming" else m.status,
                    )
                    if m.attachments:
                        attachments.copy(conn, m.id, copied, new_id)
            history.create(conn, new_id, "create", f"Forked from {source.name}")
        self._changed(new_id, "created")
        return ProjectReply(project=self._info(new_id))

    @handles(DeleteProject)
    def delete_project(self, request: DeleteProject) -> None:
        with self.db.transaction() as conn:
            projects.delete(conn, request.project_id)
            history.gc_blobs(conn)
        self._changed(request.project_id, "deleted")

    @handles(ListProjects)
    def list_projects(self, request: ListProjects) -> ProjectList:
        key = f"list:{request.sort}:{request.descending}:{request.limit}:{request.offset}"

        def compute() -> ProjectList:
            items, total = projects.listing(
                self.db.reader, request.sort, request.descending, request.limit, request.offset
            )
            return ProjectList(items=items, total=total, offset=request.offset)

        return self._cached(key, compute)

    @handles(SearchProjects)
    def search_projects(self, request: SearchProjects) -> SearchReply:
        key = (
            f"search:p:{request.raw}:{request.limit}:{request.offset}:{request.mark_open}:{request.mark_close}:"
            f"{request.query}"
        )

        def compute() -> SearchReply:
            hits, total, more = search.projects(
                self.db.reader,
                request.query,
                limit=request.limit,
                offset=request.offset,
                raw=request.raw,
                mark_open=request.mark_open,
                mark_close=request.mark_close,
            )
            return SearchReply(hits=hits, query=request.query, total=total, more=more)

        return self._cached(key, compute)

    # -- files --------------------------------------------------------------------

    @handles(ListFiles)
    def list_files(self, request: ListFiles) -> FileList:
        def compute() -> FileList:
            projects.exists(self.db.reader, request.project_id)
            items = files.list_info(self.db.reader, request.project_id)
            return FileList(project_id=request.project_id, files=items, total_bytes=sum(f.size for f in items))

        return self._cached(f"project:{request.project_id}:files", compute)

    @handles(ReadFile)
    def read_file(self, request: ReadFile) -> FileReply:
        def compute() -> FileReply:
            projects.exists(self.db.reader, request.project_id)
            return FileReply(file=files.read(self.db.reader, request.project_id, request.path))

        return self._cached(f"project:{request.project_id}:file:{request.path}", compute)

    def _file_ops(
        self,
        project_id: str,
        ops: list[FileOp],
        *,
        checkpoint: bool,
        label: str,
        kind: str = "edit",
        message_id: str = "",
        what: str = "files",
    ) -> FilesReply:
        ops = files.validate_ops(ops, self.limits)
        with self.db.transaction() as conn:
            name = projects.exists(conn, project_id)
            touched = files.apply(conn, project_id, name, ops, self.limits)
            if kind != "generation":  # the person saved, deleted or renamed: drafts follow, in this transaction
                files.settle_drafts(conn, project_id, ops)
            projects.touch(conn, project_id)
            point = history.create(conn, project_id, kind, label, message_id) if checkpoint else None
        self._changed(
            project_id,
            what,
            stale="files",
            paths=touched,
            message_id=message_id,
            checkpoint_id=point.id if point else 0,
        )
        return FilesReply(project_id=project_id, files=files.list_info(self.db.reader, project_id), checkpoint=point)

    @handles(CreateFile)
    def create_file(self, request: CreateFile) -> FilesReply:
        return self._file_ops(
            request.project_id,
            [FileOp(op="create", path=request.path, content=request.content)],
            checkpoint=request.checkpoint,
            label=f"Created {request.path}",
        )

    @handles(UpdateFile)
    def update_file(self, request: UpdateFile) -> FilesReply:
        op = "write" if request.create else "update"
        return self._file_ops(
            request.project_id,
            [FileOp(op=op, path=request.path, content=request.content)],
            checkpoint=request.checkpoint,
            label=f"Edited {request.path}",
        )

    @handles(DeleteFile)
    def delete_file(self, request: DeleteFile) -> FilesReply:
        return self._file_ops(
            request.project_id,
            [FileOp(op="delete", path=request.path)],
            checkpoint=request.checkpoint,
            label=f"Deleted {request.path}",
        )

    @handles(RenameFile)
    def rename_file(self, request: RenameFile) -> FilesReply:
        return self._file_ops(
            request.project_id,
            [FileOp(op="rename", path=request.path, new_path=request.new_path)],
            checkpoint=request.checkpoint,
            label=f"Renamed {request.path} to {request.new_path}",
        )

    @handles(ApplyFileBatch)
    def apply_file_batch(self, request: ApplyFileBatch) -> FilesReply:
        if not request.ops:
            raise InvalidRequest("The batch has no file operations.")
        return self._file_ops(
            request.project_id,
            request.ops,
            checkpoint=request.checkpoint,
            label=request.label or f"{len(request.ops)} file changes",
        )

    @handles(SearchFiles)
    def search_files(self, request: SearchFiles) -> FileSearchReply:
        key = (
            f"search:f:{request.project_id}:{request.raw}:{request.limit}:{request.mark_open}:"
            f"{request.mark_close}:{request.query}"
        )
        return self._cached(
            key,
            lambda: FileSearchReply(
                hits=search.files(
                    self.db.reader,
                    request.query,
                    project_id=request.project_id,
                    limit=request.limit,
                    raw=request.raw,
                    mark_open=request.mark_open,
                    mark_close=request.mark_close,
                )
            ),
        )

    # -- drafts ----------------------------------------------------------------------
    # Written about once a second while the person types: one small upsert each, no checkpoint, no
    # search index, no cache entry dropped (no cached reply holds drafts) and no project.changed.

    @handles(SaveDraft)
    def save_draft(self, request: SaveDraft) -> DraftReply:
        files.check_draft(request.path, request.content, request.base_sha256, self.limits)
        now = time.time()
        with self.db.transaction() as conn:
            projects.exists(conn, request.project_id)
            current = files.save_draft(
                conn, request.project_id, request.path, request.content, request.base_sha256, self.limits, now=now
            )
        return DraftReply(
            project_id=request.project_id,
            path=request.path,
            base_sha256=request.base_sha256,
            updated_at=now,
            stale=current != request.base_sha256,
            file_sha256=current,
        )

    @handles(ListDrafts)
    def list_drafts(self, request: ListDrafts) -> DraftList:
        conn = self.db.reader
        conn.execute("BEGIN")  # the project and its drafts from one snapshot
        try:
            projects.exists(conn, request.project_id)
            drafts = files.list_drafts(conn, request.project_id)
        finally:
            conn.execute("COMMIT")
        return DraftList(project_id=request.project_id, drafts=drafts)

    @handles(DiscardDraft)
    def discard_draft(self, request: DiscardDraft) -> None:
        validation.check_path(request.path)
        with self.db.transaction() as conn:
            projects.exists(conn, request.project_id)
            files.discard_draft(conn, request.project_id, request.path)

    # -- messages and durable streaming -------------------------------------------

    @handles(AddMessage)
    def add_message(self, request: AddMessage) -> MessageReply:
        if request.images and request.role != "user":
            raise InvalidRequest("Only a user message carries images.")
        attachments.check(request.images)
        with self.db.transaction() as conn:
            projects.exists(conn, request.project_id)
            message_id = messages.add(
                conn,
                request.project_id,
                request.role,
                request.content,
                agent=request.agent,
                model=request.model,
                status=request.status,
            )
            if request.images:
                attachments.add(conn, request.project_id, message_id, request.images)
        self._changed(request.project_id, "messages", stale="messages", message_id=message_id)
        return MessageReply(message=messages.get(self.db.reader, message_id))

    @handles(StartAssistantMessage)
    def start_assistant_message(self, request: StartAssistantMessage) -> MessageReply:
        if request.message_id:
            existing = self.db.read_one("SELECT project_id FROM messages WHERE id = ?", (request.message_id,))
            if existing is not None:
                if existing[0] != request.project_id:
                    raise InvalidRequest("That message id belongs to another project.", message_id=request.message_id)
                return MessageReply(message=messages.get(self.db.reader, request.message_id))
        with self.db.transaction() as conn:
            projects.exists(conn, request.project_id)
            message_id = messages.add(
                conn,
                request.project_id,
                "assistant",
                "",
                agent=request.agent,
                model=request.model,
                status="streaming",
                message_id=request.message_id,
            )
        self._changed(request.project_id, "messages", stale="messages", message_id=message_id)
        return MessageReply(message=messages.get(self.db.reader, message_id))

    @handles(AppendMessageText)
    def append_message_text(self, request: AppendMessageText) -> AppendReply:
        with self.db.transaction() as conn:
            project_id, applied, last_seq, length = messages.append(conn, request.message_id, request.text, request.seq)
        if applied:  # a batch of a streaming answer: the cache forgets it; no project.changed (the finish says it)
            self.cache.invalidate_prefix(*(f"project:{project_id}:{key}" for key in self._STALE["text"][0]))
        return AppendReply(message_id=request.message_id, last_seq=last_seq, length=length, applied=applied)

    @handles(FinishMessage)
    def finish_message(self, request: FinishMessage) -> MessageReply:
        with self.db.transaction() as conn:
            project_id = messages.finish(
                conn,
                request.message_id,
                request.status,
                text=request.text,
                seq=request.seq,
                input_tokens=request.input_tokens,
                output_tokens=request.output_tokens,
                model=request.model,
                cost_usd=request.cost_usd,
                error=request.error,
                cache_creation_input_tokens=request.cache_creation_input_tokens,
                cache_read_input_tokens=request.cache_read_input_tokens,
            )
        self._changed(project_id, "messages", stale="messages", message_id=request.message_id)
        return MessageReply(message=messages.get(self.db.reader, request.message_id))

    @handles(ResumeMessage)
    def resume_message(self, request: ResumeMessage) -> MessageReply:
        with self.db.transaction() as conn:
            project_id = messages.resume(conn, request.message_id)
        self._changed(project_id, "messages", stale="messages", message_id=request.message_id)
        return MessageReply(message=messages.get(self.db.reader, request.message_id))

    @handles(LoadAttachment)
    def load_attachment(self, request: LoadAttachment) -> AttachmentData:
        """An image stored with a message, base64 (for the model's follow-ups and the UI's full-size view)."""
        return attachments.load(self.db.reader, request.attachment_id)

    @handles(GetMessage)
    def get_message(self, request: GetMessage) -> MessageReply:
        return MessageReply(message=messages.get(self.db.reader, request.message_id))

    @handles(ListMessages)
    def list_messages(self, request: ListMessages) -> MessageList:
        def compute() -> MessageList:
            projects.exists(self.db.reader, request.project_id)
            return MessageList(
                messages=messages.for_project(self.db.reader, request.project_id, request.limit, request.offset)
            )

        return self._cached(f"project:{request.project_id}:messages:{request.limit}:{request.offset}", compute)

    @handles(ListStreamingMessages)
    def list_streaming_messages(self, _request: ListStreamingMessages) -> MessageList:
        return MessageList(messages=messages.streaming(self.db.reader))

    @handles(RecordUsage)
    def record_usage(self, request: RecordUsage) -> None:
        with self.db.transaction() as conn:
            projects.exists(conn, request.project_id)
            if (
                request.message_id
                and conn.execute("SELECT 1 FROM messages WHERE id = ?", (request.message_id,)).fetchone() is None
            ):
                raise NotFound(f"No message with id {request.message_id!r}.", message_id=request.message_id)
            messages.record_usage(
                conn,
                request.project_id,
                request.model,
                request.input_tokens,
                request.output_tokens,
                request.cost_usd,
                message_id=request.message_id,
                cache_creation_input_tokens=request.cache_creation_input_tokens,
                cache_read_input_tokens=request.cache_read_input_tokens,
            )
        self._changed(request.project_id, "usage", stale="usage")

    @handles(UsageSummary)
    def usage_summary(self, request: UsageSummary) -> UsageReply:
        if request.project_id:

            def compute() -> UsageReply:
                projects.exists(self.db.reader, request.project_id)
                return messages.usage(self.db.reader, request.project_id)

            return self._cached(f"project:{request.project_id}:usage", compute)
        return self._cached("usage:global", lambda: messages.usage(self.db.reader))

    @handles(SpendingSoFar)
    def spending_so_far(self, request: SpendingSoFar) -> SpendingReply:
        # Not cached: a limit is checked against what was spent up to the last finished answer.
        return spending.spent(self.db.reader, request.since, request.project_id)

    @handles(UsageReport)
    def usage_report(self, request: UsageReport) -> UsageReportReply:
        return spending.report(self.db.reader, request.since)

    # -- generations and history ---------------------------------------------------

    @handles(ApplyFiles)
    def apply_files(self, request: ApplyFiles) -> FilesReply:
        if not request.files and not request.deletes:
            raise InvalidRequest("The generation has no files to apply.")
        if (
            request.message_id
            and self.db.read_one(
                "SELECT 1 FROM messages WHERE id = ? AND project_id = ?", (request.message_id, request.project_id)
            )
            is None
        ):
            raise NotFound(f"No message {request.message_id!r} in this project.", message_id=request.message_id)
        ops = [FileOp(op="write", path=f.path, content=f.content) for f in request.files]
        ops += [FileOp(op="delete", path=p) for p in request.deletes]
        label = request.label or f"Generation {request.message_id[:8]}".strip()
        return self._file_ops(
            request.project_id,
            ops,
            checkpoint=True,
            label=label,
            kind="generation",
            message_id=request.message_id,
            what="generation",
        )

    @handles(ListCheckpoints)
    def list_checkpoints(self, request: ListCheckpoints) -> CheckpointList:
        def compute() -> CheckpointList:
            projects.exists(self.db.reader, request.project_id)
            items, total = history.listing(self.db.reader, request.project_id, request.limit, request.offset)
            return CheckpointList(items=items, total=total)

        return self._cached(f"project:{request.project_id}:checkpoints:{request.limit}:{request.offset}", compute)

    @handles(GetCheckpoint)
    def get_checkpoint(self, request: GetCheckpoint) -> CheckpointReply:
        info = history.get(self.db.reader, request.checkpoint_id)
        return CheckpointReply(checkpoint=info, files=history.file_data(self.db.reader, request.checkpoint_id))

    @handles(DiffCheckpoints)
    def diff_checkpoints(self, request: DiffCheckpoints) -> DiffReply:
        conn = self.db.reader
        projects.exists(conn, request.project_id)
        history.get(conn, request.from_id, request.project_id)
        old = history.contents(conn, request.from_id)
        if request.to_id:
            history.get(conn, request.to_id, request.project_id)
            new, new_label = history.contents(conn, request.to_id), f"checkpoint {request.to_id}"
        else:
            new, new_label = files.contents(conn, request.project_id), "current"
        diffs = history.diff(
            old, new, old_label=f"checkpoint {request.from_id}", new_label=new_label, context=request.context
        )
        return DiffReply(project_id=request.project_id, from_id=request.from_id, to_id=request.to_id, files=diffs)

    @handles(RestoreCheckpoint)
    def restore_checkpoint(self, request: RestoreCheckpoint) -> SaveReply:
        with self.db.transaction() as conn:
            name = projects.exists(conn, request.project_id)
            point, touched = history.restore(conn, request.project_id, name, request.checkpoint_id, self.limits)
            files.drop_drafts(conn, request.project_id, touched)  # the person chose that version of these files
            projects.touch(conn, request.project_id)
        self._changed(request.project_id, "restored", stale="files", paths=touched, checkpoint_id=point.id)
        return SaveReply(project=self._info(request.project_id), checkpoint=point)

    # -- export, import, database ----------------------------------------------------

    @handles(ExportProject)
    def export_project(self, request: ExportProject) -> ExportReply:
        from vibing.services.storage import archive  # zips and folders: imported on the first export or import

        detail = self._load(request.project_id)
        p = detail.project
        meta = {
            "format": "vibing-project",
            "version": 1,
            "name": p.name,
            "description": p.description,
            "project_type": p.project_type,
            "provider": p.provider,
            "model": p.model,
        }
        count, total = archive.export(
            Path(request.path), request.format, meta, detail.files, overwrite=request.overwrite
        )
        self.log.info("storage.exported", project_id=p.id, format=request.format, files=count, bytes=total)
        return ExportReply(path=request.path, format=request.format, files=count, bytes=total)

    @handles(ImportProject)
    def import_project(self, request: ImportProject) -> ProjectReply:
        from vibing.services.storage import archive  # zips and folders: imported on the first export or import

        bundle = archive.read(Path(request.path), self.limits)
        name = request.name or bundle.name or Path(request.path).stem or "Imported project"
        project_type = request.project_type or (
            bundle.project_type if bundle.project_type in projects.PROJECT_TYPES else "website"
        )
        with self.db.transaction() as conn:
            project_id = projects.insert(
                conn,
                name=name[: projects.MAX_NAME],
                description=request.description or bundle.description,
                project_type=project_type,
            )
            files.replace_all(conn, project_id, name, bundle.files, self.limits)
            history.create(conn, project_id, "import", f"Imported from {Path(request.path).name}")
        self._changed(project_id, "imported", paths=sorted(bundle.files))
        self.log.info("storage.imported", project_id=project_id, files=len(bundle.files), skipped=len(bundle.skipped))
        return ProjectReply(project=self._info(project_id))

    # -- import from another database (vibing db import-postgres) ----------------------

    @handles(ImportExternalProject)
    def import_external_project(self, request: ImportExternalProject) -> ImportedProjectReply:
        from vibing.services.storage import imports  # another database's rows: imported on the first such request

        existing = self.db.read_one(
            "SELECT local_id FROM import_sources WHERE source = ? AND kind = 'project' AND source_id = ?",
            (request.source, request.source_id),
        )
        if existing is not None:
            return ImportedProjectReply(project_id=existing[0], created=False)
        imports.check_project(
            request.name,
            request.description,
            request.project_type,
            request.files,
            request.checkpoints,
            request.messages,
            self.limits,
        )
        with self.db.transaction() as conn:
            project_id, created = imports.import_project(
                conn,
                source=request.source,
                source_id=request.source_id,
                name=request.name,
                description=request.description,
                project_type=request.project_type,
                created_at=request.created_at,
                updated_at=request.updated_at,
                owner_source_id=request.owner_source_id,
                file_writes=request.files,
                msgs=request.messages,
                checkpoints=request.checkpoints,
                meta=request.meta,
                limits=self.limits,
            )
        if created:
            self._changed(project_id, "imported", paths=sorted(f.path for f in request.files))
        return ImportedProjectReply(project_id=project_id, created=created)

    @handles(ImportExternalUsers)
    def import_external_users(self, request: ImportExternalUsers) -> ImportCountReply:
        from vibing.services.storage import imports  # another database's rows: imported on the first such request

        with self.db.transaction() as conn:
            added, skipped = imports.import_users(conn, request.source, request.users)
        return ImportCountReply(added=added, skipped=skipped)

    @handles(ImportExternalUsage)
    def import_external_usage(self, request: ImportExternalUsage) -> ImportCountReply:
        from vibing.services.storage import imports  # another database's rows: imported on the first such request

        with self.db.transaction() as conn:
            added, skipped = imports.import_usage(conn, request.source, request.rows)
        if added:
            self.cache.invalidate_prefix("usage:")
        return ImportCountReply(added=added, skipped=skipped)

    @handles(LinkImportedForks)
    def link_imported_forks(self, request: LinkImportedForks) -> ImportCountReply:
        from vibing.services.storage import imports  # another database's rows: imported on the first such request

        with self.db.transaction() as conn:
            linked = imports.link_forks(conn, request.source, request.links)
        for project_id in linked:
            self._changed(project_id, "updated")
        return ImportCountReply(added=len(linked), skipped=len(request.links) - len(linked))

    @handles(ListImported)
    def list_imported(self, request: ListImported) -> ImportedList:
        from vibing.services.storage import imports  # another database's rows: imported on the first such request

        return ImportedList(
            source=request.source, kind=request.kind, ids=imports.imported(self.db.reader, request.source, request.kind)
        )

    @handles(BackupDatabase)
    def backup_database(self, request: BackupDatabase) -> BackupReply:
        target = Path(request.path)
        if not target.is_absolute():
            raise InvalidPath(f"The backup needs an absolute path, not {request.path!r}.", path=request.path)
        if target.resolve() == self.db.path.resolve():
            raise InvalidPath("The backup cannot replace the live database.", path=request.path)
        started = time.perf_counter()
        size = self.db.backup(target)
        seconds = round(time.perf_counter() - started, 3)
        self.log.info("storage.backup", path=str(target), bytes=size, seconds=seconds)
        return BackupReply(path=str(target), bytes=size, seconds=seconds)

    @handles(BackupNow)
    def backup_now(self, _request: BackupNow) -> BackupStatus:
        self.backups.now()
        return self.backups.status()

    @handles(GetBackupStatus)
    def backup_status(self, _request: GetBackupStatus) -> BackupStatus:
        return self.backups.status()

    @handles(CheckDatabase)
    def check_database(self, _request: CheckDatabase) -> CheckReply:
        integrity, problems = self.db.check()
        return CheckReply(
            ok=integrity == ["ok"] and not problems,
            integrity=integrity,
            foreign_keys=problems,
            schema_version=self.db.version,
            path=str(self.db.path),
            bytes=self.db.size(),
        )
