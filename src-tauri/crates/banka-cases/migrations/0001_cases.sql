-- Cases, their answers, documents and audit trail. Times are Unix milliseconds, UTC.
-- The whole file is encrypted by SQLCipher; no column needs encrypting on its own.

CREATE TABLE cases (
    id TEXT PRIMARY KEY NOT NULL,          -- uuid v4; also the idempotency key toward the agency
    flow_id TEXT NOT NULL,
    flow_version INTEGER NOT NULL,
    status TEXT NOT NULL,                  -- SPEC §5 case statuses
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    operator TEXT,                         -- the service-center operator who assisted, if any
    agency_reference TEXT,                 -- the agency's reference number once submitted
    status_reason TEXT                     -- the agency's or sender's reason for the status
) STRICT;

-- One row per answered field: an autosave is one upsert, committed before it is acknowledged.
CREATE TABLE answers (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    value TEXT NOT NULL,                   -- JSON
    PRIMARY KEY (case_id, path)
) STRICT, WITHOUT ROWID;

-- Uploaded files, stored once by content; a document slot references one.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY NOT NULL,
    bytes BLOB NOT NULL
) STRICT;

CREATE TABLE documents (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,                    -- SPEC §5 document kinds
    sha256 TEXT NOT NULL REFERENCES blobs (sha256),
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    checks TEXT,                           -- JSON: the photo checks' findings, once run
    added_at INTEGER NOT NULL,
    PRIMARY KEY (case_id, kind)
) STRICT;
CREATE INDEX documents_by_blob ON documents (sha256);

-- The last reference gone, the file goes too (deleting a case really removes its photos).
CREATE TRIGGER documents_release_on_delete AFTER DELETE ON documents
WHEN NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = OLD.sha256)
BEGIN
    DELETE FROM blobs WHERE sha256 = OLD.sha256;
END;
CREATE TRIGGER documents_release_on_replace AFTER UPDATE OF sha256 ON documents
WHEN NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = OLD.sha256)
BEGIN
    DELETE FROM blobs WHERE sha256 = OLD.sha256;
END;

-- Every change to a case: who, when, what, old and new value, and why (reopening).
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    actor_kind TEXT NOT NULL,              -- resident | operator
    actor_name TEXT,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,                        -- JSON
    new_value TEXT,                        -- JSON
    reason TEXT
) STRICT;
CREATE INDEX audit_by_case ON audit (case_id, seq);

