-- Case reviews (rapid reviews, practice reviews, serious case and thematic reviews), their recommendations as the review
-- numbers them, and the actions that follow: from a review's recommendation or an audit round's, each with an owner, a
-- due date, evidence, a recovery plan when late, and a RAG status whose every change is kept (who, when, why, evidence,
-- automatic or not) so that its status on any date can be told.
CREATE TABLE case_review (
    partnership_id     nvarchar(200) NOT NULL,
    review_id          nvarchar(200) NOT NULL PRIMARY KEY,
    name               nvarchar(200) NOT NULL,
    name_key           nvarchar(200) NOT NULL,
    review_type        nvarchar(200) NOT NULL,
    incident_on        datetime2 NULL,
    rapid_review_on    datetime2 NULL,
    status             nvarchar(200) NOT NULL,
    status_reason      nvarchar(max) NULL,
    signed_off_by      nvarchar(200) NULL,
    signed_off_on      datetime2 NULL,
    published_on       datetime2 NULL,
    created_utc        datetime2 NOT NULL,
    updated_utc        datetime2 NOT NULL,
    UNIQUE (partnership_id, name_key)
);

CREATE TABLE case_review_status (
    partnership_id     nvarchar(200) NOT NULL,
    review_id          nvarchar(200) NOT NULL,
    position           int NOT NULL,
    status             nvarchar(200) NOT NULL,
    reason             nvarchar(max) NULL,
    changed_by         nvarchar(200) NOT NULL,
    at_utc             datetime2 NOT NULL,
    recorded_utc       datetime2 NOT NULL,
    PRIMARY KEY (review_id, position)
);

CREATE TABLE recommendation (
    partnership_id     nvarchar(200) NOT NULL,
    recommendation_id  nvarchar(200) NOT NULL PRIMARY KEY,
    review_id          nvarchar(200) NOT NULL,
    number             nvarchar(200) NULL,
    wording            nvarchar(max) NOT NULL,
    match_key          nvarchar(200) NOT NULL,
    position           int NOT NULL,
    created_utc        datetime2 NOT NULL,
    UNIQUE (review_id, match_key)
);

CREATE TABLE plan_action (
    partnership_id     nvarchar(200) NOT NULL,
    action_id          nvarchar(200) NOT NULL PRIMARY KEY,
    match_key          nvarchar(200) NOT NULL,
    source             nvarchar(200) NOT NULL,
    state              nvarchar(200) NOT NULL,
    review_id          nvarchar(200) NULL,
    recommendation_id  nvarchar(200) NULL,
    round_id           nvarchar(200) NULL,
    task_id            nvarchar(200) NULL,
    case_ref           nvarchar(200) NULL,
    description        nvarchar(max) NOT NULL,
    owner_agency       nvarchar(200) NOT NULL,
    owner_name         nvarchar(200) NULL,
    owner_email        nvarchar(200) NULL,
    due_on             datetime2 NOT NULL,
    evidence           nvarchar(max) NULL,
    recovery_plan      nvarchar(max) NULL,
    status             nvarchar(200) NULL,
    position           int NOT NULL,
    created_utc        datetime2 NOT NULL,
    updated_utc        datetime2 NOT NULL,
    confirmed_by       nvarchar(200) NULL,
    confirmed_utc      datetime2 NULL,
    UNIQUE (partnership_id, match_key)
);
CREATE INDEX ix_plan_action_review ON plan_action (partnership_id, review_id);
CREATE INDEX ix_plan_action_state ON plan_action (partnership_id, state, status);
CREATE INDEX ix_plan_action_round ON plan_action (round_id);

CREATE TABLE action_status (
    partnership_id     nvarchar(200) NOT NULL,
    action_id          nvarchar(200) NOT NULL,
    position           int NOT NULL,
    status             nvarchar(200) NOT NULL,
    at_utc             datetime2 NOT NULL,
    recorded_utc       datetime2 NOT NULL,
    changed_by         nvarchar(200) NOT NULL,
    reason             nvarchar(max) NULL,
    evidence           nvarchar(max) NULL,
    automatic          int NOT NULL,
    PRIMARY KEY (action_id, position)
);
