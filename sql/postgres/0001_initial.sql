-- DeepDive schema, PostgreSQL dialect. Times are UTC: domain times as timestamptz, workflow times as .NET ticks.
-- Every domain row belongs to a partnership (tenant).

CREATE TABLE partnership (
    id           text NOT NULL PRIMARY KEY,
    name         text NOT NULL,
    created_utc  timestamptz NOT NULL
);

CREATE TABLE case_record (
    partnership_id     text NOT NULL REFERENCES partnership(id),
    case_ref           text NOT NULL,
    agency             text NOT NULL,
    case_type          text NOT NULL,
    team               text NOT NULL,
    worker             text NOT NULL,
    school             text NULL,
    opened_on          timestamptz NOT NULL,
    closed_on          timestamptz NULL,
    involved_agencies  text NOT NULL,
    updated_utc        timestamptz NOT NULL,
    PRIMARY KEY (partnership_id, case_ref)
);
CREATE INDEX ix_case_record_type ON case_record (partnership_id, case_type);

CREATE TABLE auditor (
    partnership_id    text NOT NULL REFERENCES partnership(id),
    auditor_id        text NOT NULL,
    name              text NOT NULL,
    agency            text NOT NULL,
    team              text NOT NULL,
    skills            text NOT NULL,
    monthly_capacity  integer NOT NULL,
    updated_utc       timestamptz NOT NULL,
    PRIMARY KEY (partnership_id, auditor_id)
);

CREATE TABLE cycle (
    partnership_id   text NOT NULL REFERENCES partnership(id),
    cycle_id         text NOT NULL,
    name             text NOT NULL,
    theme            text NOT NULL,
    definition_json  text NOT NULL,
    status           text NOT NULL,
    created_utc      timestamptz NOT NULL,
    updated_utc      timestamptz NOT NULL,
    PRIMARY KEY (partnership_id, cycle_id)
);

-- seed is a 64-bit sampling seed (a long in C#), so bigint.
CREATE TABLE audit_round (
    partnership_id     text NOT NULL REFERENCES partnership(id),
    round_id           text NOT NULL PRIMARY KEY,
    cycle_id           text NOT NULL,
    kind               text NOT NULL,
    firing_key         text NOT NULL,
    scheduled_for_utc  timestamptz NOT NULL,
    started_utc        timestamptz NOT NULL,
    closed_utc         timestamptz NULL,
    status             text NOT NULL,
    seed               bigint NOT NULL,
    cycle_json         text NOT NULL,
    parent_round_id    text NULL,
    workflow_id        text NULL,
    note               text NULL,
    UNIQUE (partnership_id, firing_key)
);

CREATE TABLE sample_case (
    partnership_id  text NOT NULL,
    round_id        text NOT NULL REFERENCES audit_round(round_id),
    case_ref        text NOT NULL,
    position        integer NOT NULL,
    list            text NOT NULL,
    PRIMARY KEY (round_id, case_ref)
);

CREATE TABLE deep_dive (
    partnership_id      text NOT NULL,
    deep_dive_id        text NOT NULL PRIMARY KEY,
    round_id            text NOT NULL REFERENCES audit_round(round_id),
    case_ref            text NOT NULL,
    workflow_id         text NULL,
    status              text NOT NULL,
    overall_grade       text NULL,
    needs_work          integer NOT NULL DEFAULT 0,
    first_deep_dive_id  text NULL,
    comparison          text NULL,
    opened_utc          timestamptz NOT NULL,
    closed_utc          timestamptz NULL,
    UNIQUE (round_id, case_ref)
);

CREATE TABLE audit_task (
    partnership_id  text NOT NULL,
    task_id         text NOT NULL PRIMARY KEY,
    deep_dive_id    text NOT NULL REFERENCES deep_dive(deep_dive_id),
    round_id        text NOT NULL,
    case_ref        text NOT NULL,
    agency          text NOT NULL,
    auditor_id      text NULL,
    status          text NOT NULL,
    opened_utc      timestamptz NOT NULL,
    due_utc         timestamptz NOT NULL,
    submitted_utc   timestamptz NULL,
    grade           text NULL,
    late            integer NOT NULL DEFAULT 0,
    answers_json    text NULL,
    unassigned_reason text NULL
);
CREATE INDEX ix_audit_task_auditor ON audit_task (partnership_id, auditor_id, status);
CREATE INDEX ix_audit_task_deep_dive ON audit_task (deep_dive_id);

CREATE TABLE re_audit (
    partnership_id      text NOT NULL,
    re_audit_id         text NOT NULL PRIMARY KEY,
    source_round_id     text NOT NULL REFERENCES audit_round(round_id),
    due_utc             timestamptz NOT NULL,
    status              text NOT NULL,
    re_audit_round_id   text NULL,
    UNIQUE (source_round_id)
);

CREATE TABLE learning_brief (
    partnership_id  text NOT NULL,
    round_id        text NOT NULL PRIMARY KEY REFERENCES audit_round(round_id),
    title           text NOT NULL,
    body            text NOT NULL,
    created_utc     timestamptz NOT NULL
);

CREATE TABLE school_feedback (
    partnership_id  text NOT NULL,
    round_id        text NOT NULL REFERENCES audit_round(round_id),
    school          text NOT NULL,
    body            text NOT NULL,
    created_utc     timestamptz NOT NULL,
    PRIMARY KEY (round_id, school)
);

-- WorkflowCore state, written by our Dapper persistence provider.
CREATE TABLE wf_instance (
    id              text NOT NULL PRIMARY KEY,
    partnership_id  text NULL,
    definition_id   text NOT NULL,
    version         integer NOT NULL,
    description     text NULL,
    reference       text NULL,
    status          integer NOT NULL,
    next_execution  bigint NULL,
    data_json       text NULL,
    create_time     bigint NOT NULL,
    complete_time   bigint NULL
);
CREATE INDEX ix_wf_instance_runnable ON wf_instance (next_execution) WHERE status = 0;

CREATE TABLE wf_pointer (
    instance_id   text NOT NULL REFERENCES wf_instance(id),
    id            text NOT NULL,
    body_json     text NOT NULL,
    PRIMARY KEY (instance_id, id)
);

CREATE TABLE wf_subscription (
    id                     text NOT NULL PRIMARY KEY,
    instance_id            text NOT NULL,
    step_id                integer NOT NULL,
    pointer_id             text NULL,
    event_name             text NOT NULL,
    event_key              text NOT NULL,
    subscribe_as_of        bigint NOT NULL,
    data_json              text NULL,
    external_token         text NULL,
    external_worker_id     text NULL,
    external_token_expiry  bigint NULL,
    terminated             integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_wf_subscription_event ON wf_subscription (event_name, event_key) WHERE terminated = 0;

CREATE TABLE wf_event (
    id           text NOT NULL PRIMARY KEY,
    event_name   text NOT NULL,
    event_key    text NOT NULL,
    data_json    text NULL,
    event_time   bigint NOT NULL,
    is_processed integer NOT NULL DEFAULT 0
);
CREATE INDEX ix_wf_event_name_key ON wf_event (event_name, event_key, event_time);
CREATE INDEX ix_wf_event_unprocessed ON wf_event (event_time) WHERE is_processed = 0;

CREATE TABLE wf_error (
    id            bigserial PRIMARY KEY,
    instance_id   text NOT NULL,
    pointer_id    text NULL,
    error_time    bigint NOT NULL,
    message       text NOT NULL
);

CREATE TABLE wf_scheduled_command (
    command_name  text NOT NULL,
    data          text NOT NULL,
    execute_time  bigint NOT NULL,
    PRIMARY KEY (command_name, data)
);
