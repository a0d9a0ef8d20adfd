-- 0005: images attached to user messages (issue 20, point and show).
--
-- The bytes live here, in the database, beside their message: a backup (which copies the database) carries them,
-- deleting the message or its project deletes them (ON DELETE CASCADE on both), and a fork copies them row by row.
-- A project's export stays files-only.  ordinal keeps the order they were sent in; id is what the UI asks for
-- (LoadAttachment, the bridge's /attachment/<id>).

CREATE TABLE attachments (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    message_id  TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    media_type  TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    width       INTEGER NOT NULL DEFAULT 0,
    height      INTEGER NOT NULL DEFAULT 0,
    name        TEXT NOT NULL DEFAULT '',
    bytes       BLOB NOT NULL,
    created_at  REAL NOT NULL,
    UNIQUE (message_id, ordinal)
);
CREATE INDEX attachments_project ON attachments(project_id);
