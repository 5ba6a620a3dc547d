-- Case reviews (rapid reviews, practice reviews, serious case and thematic reviews), their recommendations as the review
-- numbers them, and the actions that follow: from a review's recommendation or an audit round's, each with an owner, a
-- due date, evidence, a recovery plan when late, and a RAG status whose every change is kept (who, when, why, evidence,
-- automatic or not) so that its status on any date can be told.
CREATE TABLE case_review (
    partnership_id     text NOT NULL,
    review_id          text NOT NULL PRIMARY KEY,
    name               text NOT NULL,
    name_key           text NOT NULL,
    review_type        text NOT NULL,
    incident_on        timestamptz NULL,
    rapid_review_on    timestamptz NULL,
    status             text NOT NULL,
    status_reason      text NULL,
    signed_off_by      text NULL,
    signed_off_on      timestamptz NULL,
    published_on       timestamptz NULL,
    created_utc        timestamptz NOT NULL,
    updated_utc        timestamptz NOT NULL,
    UNIQUE (partnership_id, name_key)
);

CREATE TABLE case_review_status (
    partnership_id     text NOT NULL,
    review_id          text NOT NULL,
    position           integer NOT NULL,
    status             text NOT NULL,
    reason             text NULL,
    changed_by         text NOT NULL,
    at_utc             timestamptz NOT NULL,
    recorded_utc       timestamptz NOT NULL,
    PRIMARY KEY (review_id, position)
);

CREATE TABLE recommendation (
    partnership_id     text NOT NULL,
    recommendation_id  text NOT NULL PRIMARY KEY,
    review_id          text NOT NULL,
    number             text NULL,
    wording            text NOT NULL,
    match_key          text NOT NULL,
    position           integer NOT NULL,
    created_utc        timestamptz NOT NULL,
    UNIQUE (review_id, match_key)
);

CREATE TABLE plan_action (
    partnership_id     text NOT NULL,
    action_id          text NOT NULL PRIMARY KEY,
    match_key          text NOT NULL,
    source             text NOT NULL,
    state              text NOT NULL,
    review_id          text NULL,
    recommendation_id  text NULL,
    round_id           text NULL,
    task_id            text NULL,
    case_ref           text NULL,
    description        text NOT NULL,
    owner_agency       text NOT NULL,
    owner_name         text NULL,
    owner_email        text NULL,
    due_on             timestamptz NOT NULL,
    evidence           text NULL,
    recovery_plan      text NULL,
    status             text NULL,
    position           integer NOT NULL,
    created_utc        timestamptz NOT NULL,
    updated_utc        timestamptz NOT NULL,
    confirmed_by       text NULL,
    confirmed_utc      timestamptz NULL,
    UNIQUE (partnership_id, match_key)
);
CREATE INDEX ix_plan_action_review ON plan_action (partnership_id, review_id);
CREATE INDEX ix_plan_action_state ON plan_action (partnership_id, state, status);
CREATE INDEX ix_plan_action_round ON plan_action (round_id);

CREATE TABLE action_status (
    partnership_id     text NOT NULL,
    action_id          text NOT NULL,
    position           integer NOT NULL,
    status             text NOT NULL,
    at_utc             timestamptz NOT NULL,
    recorded_utc       timestamptz NOT NULL,
    changed_by         text NOT NULL,
    reason             text NULL,
    evidence           text NULL,
    automatic          integer NOT NULL,
    PRIMARY KEY (action_id, position)
);
