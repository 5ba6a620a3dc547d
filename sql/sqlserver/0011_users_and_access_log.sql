-- People who sign in to the web app: one partnership each, one role, for an auditor the auditor they are, for a
-- school's designated safeguarding lead the school. Passwords are kept only as PBKDF2 hashes.
CREATE TABLE app_user (
    user_id              nvarchar(200) NOT NULL PRIMARY KEY,
    partnership_id       nvarchar(200) NOT NULL,
    email                nvarchar(200) NOT NULL,
    name                 nvarchar(200) NOT NULL,
    role                 nvarchar(200) NOT NULL,
    auditor_id           nvarchar(200) NULL,
    school               nvarchar(200) NULL,
    password_hash        nvarchar(max) NOT NULL,
    disabled             int NOT NULL,
    failed_sign_ins      int NOT NULL,
    locked_until_utc     datetime2 NULL,
    created_utc          datetime2 NOT NULL,
    password_set_utc     datetime2 NOT NULL,
    last_sign_in_utc     datetime2 NULL
);
CREATE UNIQUE INDEX ux_app_user_email ON app_user (email);
CREATE INDEX ix_app_user_partnership ON app_user (partnership_id, role);

-- Personal access tokens for the API: only a SHA-256 hash of each is kept; the token carries its user's role and scope.
CREATE TABLE api_token (
    token_id             nvarchar(200) NOT NULL PRIMARY KEY,
    user_id              nvarchar(200) NOT NULL,
    token_hash           nvarchar(200) NOT NULL,
    name                 nvarchar(200) NOT NULL,
    created_utc          datetime2 NOT NULL,
    last_used_utc        datetime2 NULL,
    revoked_utc          datetime2 NULL
);
CREATE UNIQUE INDEX ux_api_token_hash ON api_token (token_hash);

-- Every view of case-level data and every change through the web app or the API: who, what, which object, when, from
-- where. A change's entry is written in the change's own transaction.
CREATE TABLE access_log (
    entry_id             nvarchar(200) NOT NULL PRIMARY KEY,
    partnership_id       nvarchar(200) NOT NULL,
    at_utc               datetime2 NOT NULL,
    user_id              nvarchar(200) NOT NULL,
    user_email           nvarchar(200) NOT NULL,
    action               nvarchar(200) NOT NULL,
    object_type          nvarchar(200) NOT NULL,
    object_id            nvarchar(200) NOT NULL,
    detail               nvarchar(max) NULL,
    address              nvarchar(200) NULL
);
CREATE INDEX ix_access_log_time ON access_log (partnership_id, at_utc);
CREATE INDEX ix_access_log_user ON access_log (partnership_id, user_email, at_utc);
