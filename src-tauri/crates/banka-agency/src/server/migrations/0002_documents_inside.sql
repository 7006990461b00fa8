-- Documents are kept in the database (so training mode's practice copies are encrypted with
-- it, and removed with it): the chunks of an upload as they arrive, then the whole document.
CREATE TABLE document_chunks (
    sha256 TEXT NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    offset INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (sha256, offset)
);
ALTER TABLE documents ADD COLUMN bytes BLOB;
