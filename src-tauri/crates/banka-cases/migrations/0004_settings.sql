-- Settings that must not sit in plain files: the agency endpoint and its bearer token live in
-- the encrypted database, next to the cases they send.
CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
