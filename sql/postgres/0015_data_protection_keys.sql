-- The web app's data-protection key ring (ASP.NET Core's XML key elements, as it writes them), shared by every web node
-- on this database, so a sign-in cookie or anti-forgery token made by one node is read by any other.
CREATE TABLE data_protection_key (
    friendly_name        text NOT NULL PRIMARY KEY,
    xml                  text NOT NULL,
    created_utc          timestamptz NOT NULL
);

-- Signed-in sessions: the cookie carries only the session's id; the sign-in itself is kept here, so every node sees it,
-- signing out ends it everywhere (a copied cookie is refused afterwards) and a disabled user's sessions stop at once.
CREATE TABLE web_session (
    session_id           text NOT NULL PRIMARY KEY,
    user_id              text NOT NULL,
    ticket               bytea NOT NULL,
    created_utc          timestamptz NOT NULL,
    expires_utc          timestamptz NOT NULL
);
CREATE INDEX ix_web_session_expires ON web_session (expires_utc);
CREATE INDEX ix_web_session_user ON web_session (user_id);
