"""Messages of the storage service's channel.

Times are Unix seconds (float).  Ids are strings (projects, messages) or
integers (checkpoints).  Every write but a draft's publishes :class:`ProjectChanged`
on the topic ``project.changed``.
"""

from __future__ import annotations

from typing import Union

import msgspec

from vibing.schema.base import Message
from vibing.schema.common import COMMON_REPLIES, COMMON_REQUESTS
from vibing.schema.stream import ImageAttachment

# Enumerated fields are plain strings on the wire, checked by the service, so a
# wrong value gets an InvalidRequest that says what is allowed (not a decode error).
#: "website" | "mobile-app" | "game" | "api" | "dashboard"
ProjectType = str
#: "user" | "assistant" | "system"
Role = str
#: "complete" | "streaming" | "stopped" | "interrupted" | "error"
MessageStatus = str
#: "complete" | "stopped" | "interrupted" | "error"
FinalStatus = str
#: "updated" | "created" | "name"
SortKey = str

# -- shared parts -------------------------------------------------------------


class FileWrite(Message):
    """A file's full content, to create or replace."""

    path: str
    content: str


class FileOp(Message):
    """One operation of a batch: create (fails if present), update (fails if absent),
    write (create or replace), delete, or rename (``path`` -> ``new_path``)."""

    op: str  # "create" | "update" | "write" | "delete" | "rename"
    path: str
    content: str = ""
    new_path: str = ""


class FileInfo(Message):
    path: str
    language: str
    size: int
    sha256: str
    updated_at: float


class FileData(Message):
    path: str
    content: str
    language: str
    size: int
    sha256: str = ""
    updated_at: float = 0.0


class ProjectInfo(Message):
    id: str
    name: str
    description: str
    project_type: str
    provider: str
    model: str
    created_at: float
    updated_at: float
    forked_from: str | None = None
    file_count: int = 0
    total_bytes: int = 0
    message_count: int = 0


class AttachmentInfo(msgspec.Struct, kw_only=True, omit_defaults=True):
    """An image stored with a user message (its bytes: :class:`LoadAttachment`)."""

    id: str
    media_type: str
    width: int = 0
    height: int = 0
    size_bytes: int = 0
    name: str = ""


class MessageInfo(Message):
    id: str
    project_id: str
    role: str
    content: str
    status: str
    created_at: float
    updated_at: float
    agent: str = ""
    model: str = ""
    last_seq: int = -1
    input_tokens: int = 0
    output_tokens: int = 0
    cost_usd: float = 0.0
    error: str = ""
    #: The images a user message carried, in order (LoadProject, GetMessage, ListMessages).
    attachments: list[AttachmentInfo] = []


class CheckpointInfo(Message):
    """One version of a project's files, with what changed since the one before it (for the History list).

    ``author``: "you" for what the person did (create, save, edit, restore, fork), the agent's name for a
    generation (from its message; "assistant" when no agent was named), "import" for an import.
    ``added`` / ``modified`` / ``removed``: files, relative to the project's previous checkpoint (the
    first one counts every file as added); stored when the checkpoint is taken, so listing costs nothing.
    """

    id: int
    project_id: str
    kind: str  # "create" | "save" | "edit" | "generation" | "restore" | "import"
    label: str
    created_at: float
    file_count: int
    message_id: str = ""
    author: str = ""
    added: int = 0
    modified: int = 0
    removed: int = 0


class FileDiff(Message):
    path: str
    status: str  # "added" | "removed" | "modified"
    diff: str
    added: int = 0
    removed: int = 0


class DraftInfo(Message):
    """An unsaved edit of one file, as the editor left it.

    ``base_sha256`` is the sha256 of the file content the edit started from ("" for a file not saved yet);
    ``file_sha256`` is the file's sha256 now ("" when there is no such file).  ``stale``: they differ, so
    the file changed under the draft (a generation rewrote it, or it was deleted) and the editor should
    ask before offering the draft back as it is.
    """

    path: str
    content: str
    base_sha256: str
    updated_at: float
    stale: bool
    file_sha256: str = ""


class SearchHit(Message):
    project_id: str
    name: str
    description: str
    project_type: str
    updated_at: float
    rank: float
    #: Where the best match was: "project", "message" or "file".
    source: str
    snippet: str
    #: For a file hit, its path; for a message hit, the message id.
    ref: str = ""


class ModelUsage(Message):
    model: str
    requests: int
    input_tokens: int
    output_tokens: int
    cost_usd: float


# -- projects -----------------------------------------------------------------


class CreateProject(Message):
    name: str
    description: str = ""
    project_type: ProjectType = "website"
    provider: str = ""
    model: str = ""
    files: list[FileWrite] = []


class GetProject(Message):
    """The project's summary, without messages or files."""

    project_id: str


class FindProject(Message):
    """Resolve what a person typed: an id, a unique id prefix, or an exact name."""

    ref: str


class LoadProject(Message):
    """The project with its messages (oldest first) and its files (by path)."""

    project_id: str


class SaveProject(Message):
    """Change metadata and files in one transaction, then take one checkpoint.

    ``None`` metadata fields are left as they are.  ``files`` are written (created
    or replaced), ``deletes`` removed; with ``replace_all`` every file not in
    ``files`` is removed.  All of it applies, or none of it.
    """

    project_id: str
    name: str | None = None
    description: str | None = None
    project_type: ProjectType | None = None
    provider: str | None = None
    model: str | None = None
    files: list[FileWrite] = []
    deletes: list[str] = []
    replace_all: bool = False
    label: str = ""


class RenameProject(Message):
    project_id: str
    name: str


class DuplicateProject(Message):
    """A fork: a new project with the same files (and messages), ``forked_from`` set."""

    project_id: str
    name: str = ""
    include_messages: bool = True


class DeleteProject(Message):
    project_id: str


class ListProjects(Message):
    sort: SortKey = "updated"
    #: None: newest first for dates, A-Z for names.
    descending: bool | None = None
    limit: int = 50
    offset: int = 0


class SearchProjects(Message):
    """FTS5 over project names and descriptions, message text and file content."""

    query: str
    limit: int = 20
    offset: int = 0
    #: Treat ``query`` as FTS5 syntax instead of plain words.
    raw: bool = False
    mark_open: str = "«"
    mark_close: str = "»"


# -- files --------------------------------------------------------------------


class ListFiles(Message):
    project_id: str


class ReadFile(Message):
    project_id: str
    path: str


class CreateFile(Message):
    project_id: str
    path: str
    content: str
    checkpoint: bool = True


class UpdateFile(Message):
    project_id: str
    path: str
    content: str
    #: Create the file when it does not exist (else NotFound).
    create: bool = False
    checkpoint: bool = True


class DeleteFile(Message):
    project_id: str
    path: str
    checkpoint: bool = True


class RenameFile(Message):
    project_id: str
    path: str
    new_path: str
    checkpoint: bool = True


class ApplyFileBatch(Message):
    """Several file operations in one transaction: all of them or none."""

    project_id: str
    ops: list[FileOp]
    label: str = ""
    checkpoint: bool = True


class SearchFiles(Message):
    """FTS5 inside one project's files (or every project's when project_id is empty)."""

    query: str
    project_id: str = ""
    limit: int = 20
    raw: bool = False
    mark_open: str = "«"
    mark_close: str = "»"


# -- drafts (unsaved edits) -----------------------------------------------------
# A draft is the editor's unsaved text of one file, kept so that it survives switching files and a crash.
# Drafts are not files: no checkpoint, no search index, not in LoadProject or an export, and no
# ``project.changed`` (the editor writes one about once a second while the person types).  Saving the
# file (CreateFile, UpdateFile, SaveProject, ApplyFileBatch) removes its draft in the same transaction;
# deleting the file removes it, renaming moves it, restoring a checkpoint removes the drafts of the files
# the restore changed.  A generation leaves drafts alone: they become ``stale``.  Deleting the project
# deletes its drafts.


class SaveDraft(Message):
    """Keep (create or replace) the unsaved text of ``path``; acknowledged means on disk.

    Validated like a file write (path rules, text only, the per-file size limit) and bounded per project
    (no more drafts than the project may have files).  ``base_sha256``: the sha256 of the content the
    edit started from (``FileInfo.sha256``), "" for a new file.
    """

    project_id: str
    path: str
    content: str
    base_sha256: str = ""


class ListDrafts(Message):
    """The project's drafts, by path, each saying whether the file changed under it (``stale``)."""

    project_id: str


class DiscardDraft(Message):
    """Forget the draft of ``path`` (nothing happens when there is none)."""

    project_id: str
    path: str


# -- messages and durable streaming -------------------------------------------


class AddMessage(Message):
    project_id: str
    role: Role
    content: str
    agent: str = ""
    model: str = ""
    status: MessageStatus = "complete"
    #: Images sent with a user message, stored with it (table ``attachments``): backups carry them, a fork copies
    #: them, deleting the project deletes them.
    images: list[ImageAttachment] = []


class LoadAttachment(Message):
    """-> :class:`AttachmentData`; an unknown id is ``NotFound``."""

    attachment_id: str


class StartAssistantMessage(Message):
    """Create an assistant message with status "streaming" and empty content.

    Give ``message_id`` to make a retry idempotent: an existing message with that
    id is returned as it is.
    """

    project_id: str
    agent: str = ""
    model: str = ""
    message_id: str = ""


class AppendMessageText(Message):
    """Append a batch of text to a streaming message.

    ``seq`` is the sequence number of the last token included; a batch whose
    ``seq`` is not above the stored one was already applied and is ignored.
    """

    message_id: str
    text: str
    seq: int


class FinishMessage(Message):
    """End a stream: final status, optional last text batch, and usage (one token_usage row)."""

    message_id: str
    status: FinalStatus
    text: str = ""
    seq: int = -1
    input_tokens: int = 0
    output_tokens: int = 0
    model: str = ""
    cost_usd: float = 0.0
    error: str = ""
    #: Prompt-cache tokens, written and read (``cost_usd`` already prices them at their own rates).
    cache_creation_input_tokens: int = 0
    cache_read_input_tokens: int = 0


class ResumeMessage(Message):
    """Put a stopped/interrupted/errored assistant message back to "streaming" to continue it."""

    message_id: str


class GetMessage(Message):
    message_id: str


class ListMessages(Message):
    project_id: str
    limit: int = 0  # 0: all
    offset: int = 0


class ListStreamingMessages(Message):
    """Messages still "streaming": after a crash these were cut off."""


class RecordUsage(Message):
    """A token_usage row that does not belong to a stored message (e.g. a title suggestion)."""

    project_id: str
    model: str
    input_tokens: int
    output_tokens: int
    cost_usd: float = 0.0
    message_id: str = ""
    cache_creation_input_tokens: int = 0
    cache_read_input_tokens: int = 0


class UsageSummary(Message):
    """Token usage for one project, or for everything when project_id is empty."""

    project_id: str = ""


class SpendingSoFar(Message):
    """What was spent (the stored ``cost_usd`` of every usage row, US dollars): in all projects since ``since``
    (Unix time; the stream service passes the start of the local day), and by ``project_id`` in all time.  What
    the spending limits compare with (``services/stream/spending.py``)."""

    since: float
    project_id: str = ""


class UsageReport(Message):
    """Usage since ``since`` (0 = all), summed per local day, per project and per model (``vibing usage``,
    Settings)."""

    since: float = 0.0


# -- generations and history ---------------------------------------------------


class ApplyFiles(Message):
    """A generation's file writes for a project, in one transaction, with one checkpoint
    labelled with the message id."""

    project_id: str
    message_id: str
    files: list[FileWrite]
    deletes: list[str] = []
    label: str = ""


class ListCheckpoints(Message):
    project_id: str
    limit: int = 100
    offset: int = 0


class GetCheckpoint(Message):
    checkpoint_id: int


class DiffCheckpoints(Message):
    """Unified diff per file from ``from_id`` to ``to_id`` (0: the current files)."""

    project_id: str
    from_id: int
    to_id: int = 0
    context: int = 3


class RestoreCheckpoint(Message):
    """Make the project's files those of a checkpoint; itself a new checkpoint."""

    project_id: str
    checkpoint_id: int


# -- export, import, database ---------------------------------------------------


class ExportProject(Message):
    """Write the project's files to ``path`` (absolute) as a folder or a zip."""

    project_id: str
    path: str
    format: str = "zip"  # "zip" | "folder"
    overwrite: bool = False


class ImportProject(Message):
    """A zip or a folder (absolute ``path``) becomes a new project."""

    path: str
    name: str = ""
    description: str = ""
    project_type: ProjectType | None = None


class BackupDatabase(Message):
    path: str


class CheckDatabase(Message):
    pass


# -- import from another database (the vibing2 web app) ----------------------------
# Each imported row is keyed by (source, kind, source id): importing it again is a no-op.


class ExternalUser(Message):
    """A user of the source database; kept as an owner label (the desktop app has one user)."""

    source_id: str
    email: str
    name: str = ""
    created_at: float = 0.0
    updated_at: float = 0.0


class ExternalMessage(Message):
    source_id: str
    role: Role
    content: str
    created_at: float
    input_tokens: int = 0
    output_tokens: int = 0
    agent: str = ""


class ExternalCheckpoint(Message):
    """A past state of the project's files (oldest first), recorded in history."""

    label: str
    created_at: float
    files: list[FileWrite]


class ImportExternalProject(Message):
    """A whole project in one transaction: files, messages (with their times and token counts),
    history (``checkpoints`` oldest first, then the current files as the newest).  Already
    imported (same source and source id): nothing changes and ``created`` is false."""

    source: str
    source_id: str
    name: str
    created_at: float
    updated_at: float
    description: str = ""
    project_type: ProjectType = "website"
    owner_source_id: str = ""
    files: list[FileWrite] = []
    messages: list[ExternalMessage] = []
    checkpoints: list[ExternalCheckpoint] = []
    #: Kept with the import record (JSON object), e.g. the web app's agent list and visibility.
    meta: dict = {}


class ImportExternalUsers(Message):
    source: str
    users: list[ExternalUser]


class ExternalUsage(Message):
    """A token_usage row of the source that belongs to no message (an account's usage log)."""

    source_id: str
    created_at: float
    model: str = ""
    input_tokens: int = 0
    output_tokens: int = 0
    owner_source_id: str = ""


class ImportExternalUsage(Message):
    source: str
    rows: list[ExternalUsage]


class LinkImportedForks(Message):
    """``links``: [fork source id, original source id]; sets ``forked_from`` where both were imported."""

    source: str
    links: list[list[str]]


class ListImported(Message):
    """Source ids already imported from ``source`` (kind: "user", "project" or "usage")."""

    source: str
    kind: str = "project"


class ImportedProjectReply(Message):
    project_id: str
    created: bool


class ImportCountReply(Message):
    added: int
    skipped: int


class ImportedList(Message):
    source: str
    kind: str
    #: source id -> local id
    ids: dict[str, str]


# -- replies ------------------------------------------------------------------


class ProjectReply(Message):
    project: ProjectInfo


class ProjectDetail(Message):
    project: ProjectInfo
    messages: list[MessageInfo]
    files: list[FileData]


class ProjectList(Message):
    items: list[ProjectInfo]
    total: int
    offset: int = 0


class SearchReply(Message):
    hits: list[SearchHit]
    query: str
    #: Projects found; a lower bound when ``more`` is set.
    total: int = 0
    #: More matches exist than were ranked (a very common word): show "N+".
    more: bool = False


class SaveReply(Message):
    project: ProjectInfo
    checkpoint: CheckpointInfo | None = None


class FileList(Message):
    project_id: str
    files: list[FileInfo]
    total_bytes: int = 0


class FileReply(Message):
    file: FileData


class FilesReply(Message):
    """After a batch: the project's files now, and the checkpoint taken."""

    project_id: str
    files: list[FileInfo]
    checkpoint: CheckpointInfo | None = None


class DraftReply(Message):
    """A draft kept: everything but its content (the editor has it), and whether it is already stale."""

    project_id: str
    path: str
    base_sha256: str
    updated_at: float
    stale: bool
    file_sha256: str = ""


class DraftList(Message):
    project_id: str
    drafts: list[DraftInfo]


class FileSearchHit(Message):
    project_id: str
    path: str
    snippet: str
    rank: float


class FileSearchReply(Message):
    hits: list[FileSearchHit]


class AttachmentData(Message):
    id: str
    media_type: str
    #: The bytes, base64.
    data: str
    message_id: str = ""
    width: int = 0
    height: int = 0
    name: str = ""


class MessageReply(Message):
    message: MessageInfo


class AppendReply(Message):
    message_id: str
    last_seq: int
    length: int
    applied: bool


class MessageList(Message):
    messages: list[MessageInfo]


class UsageReply(Message):
    project_id: str
    requests: int
    input_tokens: int
    output_tokens: int
    cost_usd: float
    by_model: list[ModelUsage] = []


class SpendingReply(Message):
    since_usd: float
    project_usd: float = 0.0


class UsageTotals(Message):
    """Usage summed over one group: ``key`` is the day (YYYY-MM-DD, local time), the project id or the model
    ("" for the total); ``name`` the project's name.  Cache tokens are 0 where the database does not store them."""

    key: str
    requests: int
    input_tokens: int
    output_tokens: int
    cost_usd: float
    name: str = ""
    cache_creation_input_tokens: int = 0
    cache_read_input_tokens: int = 0


class UsageReportReply(Message):
    since: float
    total: UsageTotals
    by_day: list[UsageTotals] = []
    by_project: list[UsageTotals] = []
    by_model: list[UsageTotals] = []


class CheckpointReply(Message):
    checkpoint: CheckpointInfo
    files: list[FileData] = []


class CheckpointList(Message):
    items: list[CheckpointInfo]
    total: int


class DiffReply(Message):
    project_id: str
    from_id: int
    to_id: int
    files: list[FileDiff]


class ExportReply(Message):
    path: str
    format: str
    files: int
    bytes: int


class BackupReply(Message):
    path: str
    bytes: int
    seconds: float


class CheckReply(Message):
    ok: bool
    integrity: list[str]
    foreign_keys: list[str]
    schema_version: int
    path: str
    bytes: int


# -- events -------------------------------------------------------------------


class ProjectChanged(Message):
    """Published on ``project.changed`` after a committed change a person would see.

    ``what``: created, updated, renamed, deleted, saved, files, messages, generation,
    restored, imported, usage.  The growing text of a streamed answer is not one: its
    batches are durable writes only (the tokens already travel on ``token.<stream id>``),
    and the end of the message publishes ``messages``.
    """

    project_id: str
    what: str
    paths: list[str] = []
    message_id: str = ""
    checkpoint_id: int = 0


# -- whole-app backups (the daily schedule lives in the storage service, beside the database) -------


class BackupNow(Message):
    """Take an automatic backup now (Settings' *Backup now*); answered with the status once it is written."""


class GetBackupStatus(Message):
    """The backups folder, the schedule, and the last backup (for Settings)."""


class BackupStatus(Message):
    folder: str
    daily: bool
    keep: int
    last_path: str = ""
    last_at: float = 0.0
    last_bytes: int = 0
    #: Backups in the folder (automatic and made by hand).
    count: int = 0
    #: A scheduled backup is being written right now.
    running: bool = False
    #: Why the last automatic backup failed ("" when it did not).
    error: str = ""


class BackupCreated(Message):
    """Published on ``backup.created`` when a scheduled (or *Backup now*) backup is written."""

    path: str
    bytes: int
    at: float
    seconds: float = 0.0
    pruned: int = 0


REQUEST_TYPES = COMMON_REQUESTS + (
    CreateProject,
    GetProject,
    FindProject,
    LoadProject,
    SaveProject,
    RenameProject,
    DuplicateProject,
    DeleteProject,
    ListProjects,
    SearchProjects,
    ListFiles,
    ReadFile,
    CreateFile,
    UpdateFile,
    DeleteFile,
    RenameFile,
    ApplyFileBatch,
    SearchFiles,
    SaveDraft,
    ListDrafts,
    DiscardDraft,
    AddMessage,
    StartAssistantMessage,
    AppendMessageText,
    FinishMessage,
    ResumeMessage,
    GetMessage,
    ListMessages,
    ListStreamingMessages,
    LoadAttachment,
    RecordUsage,
    UsageSummary,
    SpendingSoFar,
    UsageReport,
    ApplyFiles,
    ListCheckpoints,
    GetCheckpoint,
    DiffCheckpoints,
    RestoreCheckpoint,
    ExportProject,
    ImportProject,
    BackupDatabase,
    CheckDatabase,
    BackupNow,
    GetBackupStatus,
    ImportExternalProject,
    ImportExternalUsers,
    ImportExternalUsage,
    LinkImportedForks,
    ListImported,
)
Request = Union[REQUEST_TYPES]  # type: ignore[valid-type]
REPLY_TYPES = COMMON_REPLIES + (
    ProjectReply,
    ProjectDetail,
    ProjectList,
    SearchReply,
    SaveReply,
    FileList,
    FileReply,
    FilesReply,
    DraftReply,
    DraftList,
    FileSearchReply,
    MessageReply,
    AppendReply,
    MessageList,
    AttachmentData,
    UsageReply,
    SpendingReply,
    UsageReportReply,
    CheckpointReply,
    CheckpointList,
    DiffReply,
    ExportReply,
    BackupReply,
    CheckReply,
    BackupStatus,
    ImportedProjectReply,
    ImportCountReply,
    ImportedList,
)
Reply = Union[REPLY_TYPES]  # type: ignore[valid-type]
EVENTS: tuple = (ProjectChanged, BackupCreated)
