-- The outbox: finalized cases waiting to go to the agency, one row per queued case. A case
-- leaves it when the agency has answered for good (submitted or rejected) or when it is reopened.

-- Which submission of the case this is: 1, then one more each time it is queued again after a
-- rejection (重新提交). With the case id it is the idempotency key toward the agency.
ALTER TABLE cases ADD COLUMN submission_revision INTEGER NOT NULL DEFAULT 0;

CREATE TABLE outbox (
    case_id TEXT PRIMARY KEY NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    queued_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,      -- not before this (backoff after a failure)
    claimed_until INTEGER,                 -- a sender holds the case until then; a crashed one's claim runs out
    last_error TEXT                        -- why the last attempt failed, as a person reads it
) STRICT;
CREATE INDEX outbox_due ON outbox (next_attempt_at);
