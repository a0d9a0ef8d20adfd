-- 0002: what was imported from another database (the vibing2 web app), so an import
-- run again adds only what is new, and an interrupted one resumes.
-- kind: 'user' (local_id: users.id), 'project' (projects.id), 'usage' (token_usage.id).
-- meta: JSON kept from the source with no column of its own (owner, agent list, visibility).
CREATE TABLE import_sources (
    source       TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('user', 'project', 'usage')),
    source_id    TEXT NOT NULL,
    local_id     TEXT NOT NULL,
    owner        TEXT NOT NULL DEFAULT '',
    meta         TEXT NOT NULL DEFAULT '{}',
    imported_at  REAL NOT NULL,
    PRIMARY KEY (source, kind, source_id)
) WITHOUT ROWID;
CREATE INDEX import_sources_local ON import_sources(kind, local_id);
