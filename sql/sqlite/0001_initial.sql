-- DeepDive schema, SQLite dialect. Times are UTC: domain times as ISO-8601 text, workflow times as .NET ticks.
-- Every domain row belongs to a partnership (tenant).

CREATE TABLE partnership (
    id           TEXT NOT NULL PRIMARY KEY,
    name         TEXT NOT NULL,
    created_utc  TEXT NOT NULL
);

CREATE TABLE case_record (
    partnership_id     TEXT NOT NULL REFERENCES partnership(id),
    case_ref           TEXT NOT NULL,
    agency             TEXT NOT NULL,
    case_type          TEXT NOT NULL,
    team               TEXT NOT NULL,
    worker             TEXT NOT NULL,
    school             TEXT NULL,
    opened_on          TEXT NOT NULL,
    closed_on          TEXT NULL,
    involved_agencies  TEXT NOT NULL,
    updated_utc        TEXT NOT NULL,
    PRIMARY KEY (partnership_id, case_ref)
);
CREATE INDEX ix_case_record_type ON case_record (partnership_id, case_type);

CREATE TABLE auditor (
    partnership_id    TEXT NOT NULL REFERENCES partnership(id),
    auditor_id        TEXT NOT NULL,
    name              TEXT NOT NULL,
    agency            TEXT NOT NULL,
    team              TEXT NOT NULL,
    skills            TEXT NOT NULL,
    monthly_capacity  INTEGER NOT NULL,
    updated_utc       TEXT NOT NULL,
    PRIMARY KEY (partnership_id, auditor_id)
);

CREATE TABLE cycle (
    partnership_id   TEXT NOT NULL REFERENCES partnership(id),
    cycle_id         TEXT NOT NULL,
    name             TEXT NOT NULL,
    theme            TEXT NOT NULL,
    definition_json  TEXT NOT NULL,
    status           TEXT NOT NULL,
    created_utc      TEXT NOT NULL,
    updated_utc      TEXT NOT NULL,
    PRIMARY KEY (partnership_id, cycle_id)
);

CREATE TABLE audit_round (
    partnership_id     TEXT NOT NULL REFERENCES partnership(id),
    round_id           TEXT NOT NULL PRIMARY KEY,
    cycle_id           TEXT NOT NULL,
    kind               TEXT NOT NULL,
    firing_key         TEXT NOT NULL,
    scheduled_for_utc  TEXT NOT NULL,
    started_utc        TEXT NOT NULL,
    closed_utc         TEXT NULL,
    status             TEXT NOT NULL,
    seed               INTEGER NOT NULL,
    cycle_json         TEXT NOT NULL,
    parent_round_id    TEXT NULL,
    workflow_id        TEXT NULL,
    note               TEXT NULL,
    UNIQUE (partnership_id, firing_key)
);

CREATE TABLE sample_case (
    partnership_id  TEXT NOT NULL,
    round_id        TEXT NOT NULL REFERENCES audit_round(round_id),
    case_ref        TEXT NOT NULL,
    position        INTEGER NOT NULL,
    list            TEXT NOT NULL,
    PRIMARY KEY (round_id, case_ref)
);

CREATE TABLE deep_dive (
    partnership_id      TEXT NOT NULL,
    deep_dive_id        TEXT NOT NULL PRIMARY KEY,
    round_id            TEXT NOT NULL REFERENCES audit_round(round_id),
    case_ref            TEXT NOT NULL,
    workflow_id         TEXT NULL,
    status              TEXT NOT NULL,
    overall_grade       TEXT NULL,
    needs_work          INTEGER NOT NULL DEFAULT 0,
    first_deep_dive_id  TEXT NULL,
    comparison          TEXT NULL,
    opened_utc          TEXT NOT NULL,
    closed_utc          TEXT NULL,
    UNIQUE (round_id, case_ref)
);

CREATE TABLE audit_task (
    partnership_id  TEXT NOT NULL,
    task_id         TEXT NOT NULL PRIMARY KEY,
    deep_dive_id    TEXT NOT NULL REFERENCES deep_dive(deep_dive_id),
    round_id        TEXT NOT NULL,
    case_ref        TEXT NOT NULL,
    agency          TEXT NOT NULL,
    auditor_id      TEXT NULL,
    status          TEXT NOT NULL,
    opened_utc      TEXT NOT NULL,
    due_utc         TEXT NOT NULL,
    submitted_utc   TEXT NULL,
    grade           TEXT NULL,
    late            INTEGER NOT NULL DEFAULT 0,
    answers_json    TEXT NULL,
    unassigned_reason TEXT NULL
);
CREATE INDEX ix_audit_task_auditor ON audit_task (partnership_id, auditor_id, status);
CREATE INDEX ix_audit_task_deep_dive ON audit_task (deep_dive_id);

CREATE TABLE re_audit (
    partnership_id      TEXT NOT NULL,
    re_audit_id         TEXT NOT NULL PRIMARY KEY,
    source_round_id     TEXT NOT NULL REFERENCES audit_round(round_id),
    due_utc             TEXT NOT NULL,
    status              TEXT NOT NULL,
    re_audit_round_id   TEXT NULL,
    UNIQUE (source_round_id)
);

CREATE TABLE learning_brief (
    partnership_id  TEXT NOT NULL,
    round_id        TEXT NOT NULL PRIMARY KEY REFERENCES audit_round(round_id),
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_utc     TEXT NOT NULL
);

CREATE TABLE school_feedback (
    partnership_id  TEXT NOT NULL,
    round_id        TEXT NOT NULL REFERENCES audit_round(round_id),
    school          TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_utc     TEXT NOT NULL,
    PRIMARY KEY (round_id, school)
);

-- WorkflowCore state, written by our Dapper persistence provider.
CREATE TABLE wf_instance (
    id              TEXT NOT NULL PRIMARY KEY,
    partnership_id  TEXT NULL,
    definition_id   TEXT NOT NULL,
    version         INTEGER NOT NULL,
    description     TEXT NULL,
    reference       TEXT NULL,
    status          INTEGER NOT NULL,
    next_execution  INTEGER NULL,
    data_json       TEXT NULL,
    create_time     INTEGER NOT NULL,
    complete_time   INTEGER NULL
);
CREATE INDEX ix_wf_instance_runnable ON wf_instance (next_execution) WHERE status = 0;

CREATE TABLE wf_pointer (
    instance_id   TEXT NOT NULL REFERENCES wf_instance(id),
    id            TEXT NOT NULL,
    body_json     TEXT NOT NULL,
    PRIMARY KEY (instance_id, id)
);

CREATE TABLE wf_subscription (
    id                     TEXT NOT NULL PRIMARY KEY,
    instance_id            TEXT NOT NULL,
    step_id                INTEGER NOT NULL,
    pointer_id             TEXT NULL,
    event_name             TEXT NOT NULL,
    event_key              TEXT NOT NULL,
    subscribe_as_of        INTEGER NOT NULL,
    data_json              TEXT NULL,
    external_token         TEXT NULL,
    external_worker_id     TEXT NULL,
    external_token_expiry  INTEGER NULL,
    terminated             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_wf_subscription_event ON wf_subscription (event_name, event_key) WHERE terminated = 0;

CREATE TABLE wf_event (
    id           TEXT NOT NULL PRIMARY KEY,
    event_name   TEXT NOT NULL,
    event_key    TEXT NOT NULL,
    data_json    TEXT NULL,
    event_time   INTEGER NOT NULL,
    is_processed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_wf_event_name_key ON wf_event (event_name, event_key, event_time);
CREATE INDEX ix_wf_event_unprocessed ON wf_event (event_time) WHERE is_processed = 0;

CREATE TABLE wf_error (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id   TEXT NOT NULL,
    pointer_id    TEXT NULL,
    error_time    INTEGER NOT NULL,
    message       TEXT NOT NULL
);

CREATE TABLE wf_scheduled_command (
    command_name  TEXT NOT NULL,
    data          TEXT NOT NULL,
    execute_time  INTEGER NOT NULL,
    PRIMARY KEY (command_name, data)
);
