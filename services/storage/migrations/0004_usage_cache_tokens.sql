-- 0004: usage keeps the prompt cache's tokens, and outlives the project it was spent on.
--
-- cache_creation_input_tokens / cache_read_input_tokens: what a request wrote to and read from Anthropic's prompt
-- cache (billed at 1.25x and 0.1x the input price; cost_usd already prices them), so `vibing usage` can show them.
-- project_id is set to NULL, no longer deleted, when its project is deleted: money spent stays spent (the daily
-- spending limit must not drop because a project was thrown away, and the usage report keeps the day's total).
-- SQLite cannot change a foreign key in place: the table is rebuilt with its rows.

CREATE TABLE token_usage_new (
    id                           INTEGER PRIMARY KEY,
    user_id                      TEXT REFERENCES users(id) ON DELETE SET NULL,
    project_id                   TEXT REFERENCES projects(id) ON DELETE SET NULL,
    message_id                   TEXT REFERENCES messages(id) ON DELETE SET NULL,
    model                        TEXT NOT NULL DEFAULT '',
    input_tokens                 INTEGER NOT NULL DEFAULT 0,
    output_tokens                INTEGER NOT NULL DEFAULT 0,
    cost_usd                     REAL NOT NULL DEFAULT 0,
    created_at                   REAL NOT NULL,
    cache_creation_input_tokens  INTEGER NOT NULL DEFAULT 0,
    cache_read_input_tokens      INTEGER NOT NULL DEFAULT 0
);
INSERT INTO token_usage_new (id, user_id, project_id, message_id, model, input_tokens, output_tokens, cost_usd,
                             created_at)
    SELECT id, user_id, project_id, message_id, model, input_tokens, output_tokens, cost_usd, created_at
    FROM token_usage;
DROP TABLE token_usage;
ALTER TABLE token_usage_new RENAME TO token_usage;
CREATE INDEX token_usage_project ON token_usage(project_id);
CREATE INDEX token_usage_message ON token_usage(message_id);
CREATE INDEX token_usage_created ON token_usage(created_at);
