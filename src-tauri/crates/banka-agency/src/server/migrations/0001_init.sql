-- The reference agency's own data: uploads, submitted cases and what they changed.

-- Uploads by SHA-256 (their bytes: 0002).
CREATE TABLE documents (
    sha256 TEXT PRIMARY KEY,
    length INTEGER NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0,
    -- Card photo findings that did not stop the upload (JSON list of codes).
    findings TEXT NOT NULL DEFAULT '[]'
);

-- The same bytes may be sent as more than one kind (one picture as front and back).
CREATE TABLE document_kinds (
    sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    PRIMARY KEY (sha256, kind)
);

-- Every accepted submission, one row per revision. Status is computed from received_at.
CREATE TABLE submissions (
    case_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    flow_id TEXT NOT NULL,
    flow_version INTEGER NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    -- The applicant's normalised ID number, for eligibility (NULL for entity flows).
    applicant TEXT,
    answers TEXT NOT NULL,
    documents TEXT NOT NULL,
    operator TEXT,
    mailed INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (case_id, revision)
);
CREATE INDEX submissions_applicant ON submissions (applicant);

-- Employers' collective applications (bj-employer-open).
CREATE TABLE collectives (
    uscc TEXT PRIMARY KEY,
    entity_name TEXT NOT NULL,
    entity_collects INTEGER NOT NULL,
    banks TEXT NOT NULL,
    branches TEXT NOT NULL,
    opened_at TEXT NOT NULL
);

-- Employees as their employer registered them (seeded from the demo data).
CREATE TABLE employees (
    id TEXT PRIMARY KEY,
    uscc TEXT NOT NULL,
    name TEXT NOT NULL,
    id_type TEXT NOT NULL,
    id_number TEXT NOT NULL,
    status TEXT NOT NULL,
    UNIQUE (uscc, id_number)
);

-- Cards cleaned up by a gd-card-cleanup case.
CREATE TABLE cleaned_cards (
    card_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL
);
