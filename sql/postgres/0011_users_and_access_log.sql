-- People who sign in to the web app: one partnership each, one role, for an auditor the auditor they are, for a
-- school's designated safeguarding lead the school. Passwords are kept only as PBKDF2 hashes.
CREATE TABLE app_user (
    user_id              text NOT NULL PRIMARY KEY,
    partnership_id       text NOT NULL,
    email                text NOT NULL,
    name                 text NOT NULL,
    role                 text NOT NULL,
    auditor_id           text NULL,
    school               text NULL,
    password_hash        text NOT NULL,
    disabled             integer NOT NULL,
    failed_sign_ins      integer NOT NULL,
    locked_until_utc     timestamptz NULL,
    created_utc          timestamptz NOT NULL,
    password_set_utc     timestamptz NOT NULL,
    last_sign_in_utc     timestamptz NULL
);
CREATE UNIQUE INDEX ux_app_user_email ON app_user (email);
CREATE INDEX ix_app_user_partnership ON app_user (partnership_id, role);

-- Personal access tokens for the API: only a SHA-256 hash of each is kept; the token carries its user's role and scope.
CREATE TABLE api_token (
    token_id             text NOT NULL PRIMARY KEY,
    user_id              text NOT NULL,
    token_hash           text NOT NULL,
    name                 text NOT NULL,
    created_utc          timestamptz NOT NULL,
    last_used_utc        timestamptz NULL,
    revoked_utc          timestamptz NULL
);
CREATE UNIQUE INDEX ux_api_token_hash ON api_token (token_hash);

-- Every view of case-level data and every change through the web app or the API: who, what, which object, when, from
-- where. A change's entry is written in the change's own transaction.
CREATE TABLE access_log (
    entry_id             text NOT NULL PRIMARY KEY,
    partnership_id       text NOT NULL,
    at_utc               timestamptz NOT NULL,
    user_id              text NOT NULL,
    user_email           text NOT NULL,
    action               text NOT NULL,
    object_type          text NOT NULL,
    object_id            text NOT NULL,
    detail               text NULL,
    address              text NULL
);
CREATE INDEX ix_access_log_time ON access_log (partnership_id, at_utc);
CREATE INDEX ix_access_log_user ON access_log (partnership_id, user_email, at_utc);
