-- People who sign in to the web app: one partnership each, one role, for an auditor the auditor they are, for a
-- school's designated safeguarding lead the school. Passwords are kept only as PBKDF2 hashes.
CREATE TABLE app_user (
    user_id              TEXT NOT NULL PRIMARY KEY,
    partnership_id       TEXT NOT NULL,
    email                TEXT NOT NULL,
    name                 TEXT NOT NULL,
    role                 TEXT NOT NULL,
    auditor_id           TEXT NULL,
    school               TEXT NULL,
    password_hash        TEXT NOT NULL,
    disabled             INTEGER NOT NULL,
    failed_sign_ins      INTEGER NOT NULL,
    locked_until_utc     TEXT NULL,
    created_utc          TEXT NOT NULL,
    password_set_utc     TEXT NOT NULL,
    last_sign_in_utc     TEXT NULL
);
CREATE UNIQUE INDEX ux_app_user_email ON app_user (email);
CREATE INDEX ix_app_user_partnership ON app_user (partnership_id, role);

-- Personal access tokens for the API: only a SHA-256 hash of each is kept; the token carries its user's role and scope.
CREATE TABLE api_token (
    token_id             TEXT NOT NULL PRIMARY KEY,
    user_id              TEXT NOT NULL,
    token_hash           TEXT NOT NULL,
    name                 TEXT NOT NULL,
    created_utc          TEXT NOT NULL,
    last_used_utc        TEXT NULL,
    revoked_utc          TEXT NULL
);
CREATE UNIQUE INDEX ux_api_token_hash ON api_token (token_hash);

-- Every view of case-level data and every change through the web app or the API: who, what, which object, when, from
-- where. A change's entry is written in the change's own transaction.
CREATE TABLE access_log (
    entry_id             TEXT NOT NULL PRIMARY KEY,
    partnership_id       TEXT NOT NULL,
    at_utc               TEXT NOT NULL,
    user_id              TEXT NOT NULL,
    user_email           TEXT NOT NULL,
    action               TEXT NOT NULL,
    object_type          TEXT NOT NULL,
    object_id            TEXT NOT NULL,
    detail               TEXT NULL,
    address              TEXT NULL
);
CREATE INDEX ix_access_log_time ON access_log (partnership_id, at_utc);
CREATE INDEX ix_access_log_user ON access_log (partnership_id, user_email, at_utc);
