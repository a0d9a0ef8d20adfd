-- 0001: the plan's schema (users, projects, project_files, messages, token_usage,
-- sessions, project_collaborators), version history, and FTS5 with triggers.

CREATE TABLE users (
    id          TEXT PRIMARY KEY,
    email       TEXT UNIQUE,
    name        TEXT NOT NULL DEFAULT '',
    is_local    INTEGER NOT NULL DEFAULT 0,
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL
);

-- pk: a stable rowid (VACUUM may renumber an implicit one), used by the FTS index.
CREATE TABLE projects (
    pk            INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    project_type  TEXT NOT NULL DEFAULT 'website'
                  CHECK (project_type IN ('website', 'mobile-app', 'game', 'api', 'dashboard')),
    provider      TEXT NOT NULL DEFAULT '',
    model         TEXT NOT NULL DEFAULT '',
    forked_from   TEXT REFERENCES projects(id) ON DELETE SET NULL,
    created_at    REAL NOT NULL,
    updated_at    REAL NOT NULL
);
CREATE INDEX projects_user ON projects(user_id);
CREATE INDEX projects_updated ON projects(updated_at);
CREATE INDEX projects_created ON projects(created_at);
CREATE INDEX projects_name ON projects(name COLLATE NOCASE);
CREATE INDEX projects_forked_from ON projects(forked_from);

CREATE TABLE project_files (
    id          INTEGER PRIMARY KEY,
    project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    content     TEXT NOT NULL,
    language    TEXT NOT NULL DEFAULT '',
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL,
    UNIQUE (project_id, path)
);

CREATE TABLE messages (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
    content     TEXT NOT NULL DEFAULT '',
    agent       TEXT NOT NULL DEFAULT '',
    model       TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'complete'
                CHECK (status IN ('complete', 'streaming', 'stopped', 'interrupted', 'error')),
    last_seq    INTEGER NOT NULL DEFAULT -1,
    error       TEXT NOT NULL DEFAULT '',
    created_at  REAL NOT NULL,
    updated_at  REAL NOT NULL
);
CREATE INDEX messages_project ON messages(project_id);
CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

CREATE TABLE token_usage (
    id             INTEGER PRIMARY KEY,
    user_id        TEXT REFERENCES users(id) ON DELETE SET NULL,
    project_id     TEXT REFERENCES projects(id) ON DELETE CASCADE,
    message_id     TEXT REFERENCES messages(id) ON DELETE SET NULL,
    model          TEXT NOT NULL DEFAULT '',
    input_tokens   INTEGER NOT NULL DEFAULT 0,
    output_tokens  INTEGER NOT NULL DEFAULT 0,
    cost_usd       REAL NOT NULL DEFAULT 0,
    created_at     REAL NOT NULL
);
CREATE INDEX token_usage_project ON token_usage(project_id);
CREATE INDEX token_usage_message ON token_usage(message_id);

CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  REAL NOT NULL,
    expires_at  REAL NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE project_collaborators (
    project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role        TEXT NOT NULL DEFAULT 'viewer' CHECK (role IN ('owner', 'editor', 'viewer')),
    created_at  REAL NOT NULL,
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_collaborators_user ON project_collaborators(user_id);

-- Version history: a checkpoint lists (path, blob) pairs; blobs are content-addressed,
-- so an unchanged file costs one small row per checkpoint.
CREATE TABLE blobs (
    sha256   TEXT PRIMARY KEY,
    content  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE checkpoints (
    id          INTEGER PRIMARY KEY,
    project_id  TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    label       TEXT NOT NULL DEFAULT '',
    message_id  TEXT NOT NULL DEFAULT '',
    file_count  INTEGER NOT NULL DEFAULT 0,
    created_at  REAL NOT NULL
);
CREATE INDEX checkpoints_project ON checkpoints(project_id, id);

CREATE TABLE checkpoint_files (
    checkpoint_id  INTEGER NOT NULL REFERENCES checkpoints(id) ON DELETE CASCADE,
    path           TEXT NOT NULL,
    sha256         TEXT NOT NULL REFERENCES blobs(sha256),
    PRIMARY KEY (checkpoint_id, path)
) WITHOUT ROWID;
CREATE INDEX checkpoint_files_blob ON checkpoint_files(sha256);

-- Full-text search: external-content FTS5 tables kept in step by triggers.
CREATE VIRTUAL TABLE projects_fts USING fts5(
    name, description, content='projects', content_rowid='pk', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3 4'
);
-- ORDER BY rank uses these column weights: a name counts most.
INSERT INTO projects_fts(projects_fts, rank) VALUES ('rank', 'bm25(10.0, 3.0)');
CREATE TRIGGER projects_fts_insert AFTER INSERT ON projects BEGIN
    INSERT INTO projects_fts(rowid, name, description) VALUES (new.pk, new.name, new.description);
END;
CREATE TRIGGER projects_fts_delete AFTER DELETE ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, name, description)
        VALUES ('delete', old.pk, old.name, old.description);
END;
CREATE TRIGGER projects_fts_update AFTER UPDATE OF name, description ON projects BEGIN
    INSERT INTO projects_fts(projects_fts, rowid, name, description)
        VALUES ('delete', old.pk, old.name, old.description);
    INSERT INTO projects_fts(rowid, name, description) VALUES (new.pk, new.name, new.description);
END;

-- Messages are indexed once they stop streaming (re-indexing a growing text on
-- every batch would cost more than the stream itself); the index's content is
-- the view of exactly those rows, so FTS5's integrity-check agrees with it.
CREATE VIEW messages_indexed AS SELECT pk, content FROM messages WHERE status != 'streaming';
CREATE VIRTUAL TABLE messages_fts USING fts5(
    content, content='messages_indexed', content_rowid='pk', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3 4'
);
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status != 'streaming' BEGIN
    INSERT INTO messages_fts(rowid, content) VALUES (new.pk, new.content);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.status != 'streaming' BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content) VALUES ('delete', old.pk, old.content);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, content)
        SELECT 'delete', old.pk, old.content WHERE old.status != 'streaming';
    INSERT INTO messages_fts(rowid, content)
        SELECT new.pk, new.content WHERE new.status != 'streaming';
END;

CREATE VIRTUAL TABLE files_fts USING fts5(
    path, content, content='project_files', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3 4'
);
INSERT INTO files_fts(files_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
CREATE TRIGGER files_fts_insert AFTER INSERT ON project_files BEGIN
    INSERT INTO files_fts(rowid, path, content) VALUES (new.id, new.path, new.content);
END;
CREATE TRIGGER files_fts_delete AFTER DELETE ON project_files BEGIN
    INSERT INTO files_fts(files_fts, rowid, path, content) VALUES ('delete', old.id, old.path, old.content);
END;
CREATE TRIGGER files_fts_update AFTER UPDATE OF path, content ON project_files BEGIN
    INSERT INTO files_fts(files_fts, rowid, path, content) VALUES ('delete', old.id, old.path, old.content);
    INSERT INTO files_fts(rowid, path, content) VALUES (new.id, new.path, new.content);
END;
