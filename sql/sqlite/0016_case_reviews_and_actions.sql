-- Case reviews (rapid reviews, practice reviews, serious case and thematic reviews), their recommendations as the review
-- numbers them, and the actions that follow: from a review's recommendation or an audit round's, each with an owner, a
-- due date, evidence, a recovery plan when late, and a RAG status whose every change is kept (who, when, why, evidence,
-- automatic or not) so that its status on any date can be told.
CREATE TABLE case_review (
    partnership_id     TEXT NOT NULL,
    review_id          TEXT NOT NULL PRIMARY KEY,
    name               TEXT NOT NULL,
    name_key           TEXT NOT NULL,
    review_type        TEXT NOT NULL,
    incident_on        TEXT NULL,
    rapid_review_on    TEXT NULL,
    status             TEXT NOT NULL,
    status_reason      TEXT NULL,
    signed_off_by      TEXT NULL,
    signed_off_on      TEXT NULL,
    published_on       TEXT NULL,
    created_utc        TEXT NOT NULL,
    updated_utc        TEXT NOT NULL,
    UNIQUE (partnership_id, name_key)
);

CREATE TABLE case_review_status (
    partnership_id     TEXT NOT NULL,
    review_id          TEXT NOT NULL,
    position           INTEGER NOT NULL,
    status             TEXT NOT NULL,
    reason             TEXT NULL,
    changed_by         TEXT NOT NULL,
    at_utc             TEXT NOT NULL,
    recorded_utc       TEXT NOT NULL,
    PRIMARY KEY (review_id, position)
);

CREATE TABLE recommendation (
    partnership_id     TEXT NOT NULL,
    recommendation_id  TEXT NOT NULL PRIMARY KEY,
    review_id          TEXT NOT NULL,
    number             TEXT NULL,
    wording            TEXT NOT NULL,
    match_key          TEXT NOT NULL,
    position           INTEGER NOT NULL,
    created_utc        TEXT NOT NULL,
    UNIQUE (review_id, match_key)
);

CREATE TABLE plan_action (
    partnership_id     TEXT NOT NULL,
    action_id          TEXT NOT NULL PRIMARY KEY,
    match_key          TEXT NOT NULL,
    source             TEXT NOT NULL,
    state              TEXT NOT NULL,
    review_id          TEXT NULL,
    recommendation_id  TEXT NULL,
    round_id           TEXT NULL,
    task_id            TEXT NULL,
    case_ref           TEXT NULL,
    description        TEXT NOT NULL,
    owner_agency       TEXT NOT NULL,
    owner_name         TEXT NULL,
    owner_email        TEXT NULL,
    due_on             TEXT NOT NULL,
    evidence           TEXT NULL,
    recovery_plan      TEXT NULL,
    status             TEXT NULL,
    position           INTEGER NOT NULL,
    created_utc        TEXT NOT NULL,
    updated_utc        TEXT NOT NULL,
    confirmed_by       TEXT NULL,
    confirmed_utc      TEXT NULL,
    UNIQUE (partnership_id, match_key)
);
CREATE INDEX ix_plan_action_review ON plan_action (partnership_id, review_id);
CREATE INDEX ix_plan_action_state ON plan_action (partnership_id, state, status);
CREATE INDEX ix_plan_action_round ON plan_action (round_id);

CREATE TABLE action_status (
    partnership_id     TEXT NOT NULL,
    action_id          TEXT NOT NULL,
    position           INTEGER NOT NULL,
    status             TEXT NOT NULL,
    at_utc             TEXT NOT NULL,
    recorded_utc       TEXT NOT NULL,
    changed_by         TEXT NOT NULL,
    reason             TEXT NULL,
    evidence           TEXT NULL,
    automatic          INTEGER NOT NULL,
    PRIMARY KEY (action_id, position)
);
