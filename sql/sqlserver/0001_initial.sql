-- DeepDive schema, SQL Server dialect. Times are UTC: domain times as datetime2, workflow times as .NET ticks.
-- Every domain row belongs to a partnership (tenant).
-- Keys and indexed columns are nvarchar(200) (index keys must stay under 900/1700 bytes); free text and JSON are nvarchar(max).

CREATE TABLE partnership (
    id           nvarchar(200) NOT NULL PRIMARY KEY,
    name         nvarchar(200) NOT NULL,
    created_utc  datetime2 NOT NULL
);

CREATE TABLE case_record (
    partnership_id     nvarchar(200) NOT NULL REFERENCES partnership(id),
    case_ref           nvarchar(200) NOT NULL,
    agency             nvarchar(200) NOT NULL,
    case_type          nvarchar(200) NOT NULL,
    team               nvarchar(200) NOT NULL,
    worker             nvarchar(200) NOT NULL,
    school             nvarchar(200) NULL,
    opened_on          datetime2 NOT NULL,
    closed_on          datetime2 NULL,
    involved_agencies  nvarchar(max) NOT NULL,
    updated_utc        datetime2 NOT NULL,
    PRIMARY KEY (partnership_id, case_ref)
);
CREATE INDEX ix_case_record_type ON case_record (partnership_id, case_type);

CREATE TABLE auditor (
    partnership_id    nvarchar(200) NOT NULL REFERENCES partnership(id),
    auditor_id        nvarchar(200) NOT NULL,
    name              nvarchar(200) NOT NULL,
    agency            nvarchar(200) NOT NULL,
    team              nvarchar(200) NOT NULL,
    skills            nvarchar(max) NOT NULL,
    monthly_capacity  int NOT NULL,
    updated_utc       datetime2 NOT NULL,
    PRIMARY KEY (partnership_id, auditor_id)
);

CREATE TABLE cycle (
    partnership_id   nvarchar(200) NOT NULL REFERENCES partnership(id),
    cycle_id         nvarchar(200) NOT NULL,
    name             nvarchar(200) NOT NULL,
    theme            nvarchar(200) NOT NULL,
    definition_json  nvarchar(max) NOT NULL,
    status           nvarchar(200) NOT NULL,
    created_utc      datetime2 NOT NULL,
    updated_utc      datetime2 NOT NULL,
    PRIMARY KEY (partnership_id, cycle_id)
);

-- seed is a 64-bit sampling seed (a long in C#), so bigint.
CREATE TABLE audit_round (
    partnership_id     nvarchar(200) NOT NULL REFERENCES partnership(id),
    round_id           nvarchar(200) NOT NULL PRIMARY KEY,
    cycle_id           nvarchar(200) NOT NULL,
    kind               nvarchar(200) NOT NULL,
    firing_key         nvarchar(200) NOT NULL,
    scheduled_for_utc  datetime2 NOT NULL,
    started_utc        datetime2 NOT NULL,
    closed_utc         datetime2 NULL,
    status             nvarchar(200) NOT NULL,
    seed               bigint NOT NULL,
    cycle_json         nvarchar(max) NOT NULL,
    parent_round_id    nvarchar(200) NULL,
    workflow_id        nvarchar(200) NULL,
    note               nvarchar(max) NULL,
    UNIQUE (partnership_id, firing_key)
);

CREATE TABLE sample_case (
    partnership_id  nvarchar(200) NOT NULL,
    round_id        nvarchar(200) NOT NULL REFERENCES audit_round(round_id),
    case_ref        nvarchar(200) NOT NULL,
    position        int NOT NULL,
    list            nvarchar(200) NOT NULL,
    PRIMARY KEY (round_id, case_ref)
);

CREATE TABLE deep_dive (
    partnership_id      nvarchar(200) NOT NULL,
    deep_dive_id        nvarchar(200) NOT NULL PRIMARY KEY,
    round_id            nvarchar(200) NOT NULL REFERENCES audit_round(round_id),
    case_ref            nvarchar(200) NOT NULL,
    workflow_id         nvarchar(200) NULL,
    status              nvarchar(200) NOT NULL,
    overall_grade       nvarchar(200) NULL,
    needs_work          int NOT NULL DEFAULT 0,
    first_deep_dive_id  nvarchar(200) NULL,
    comparison          nvarchar(max) NULL,
    opened_utc          datetime2 NOT NULL,
    closed_utc          datetime2 NULL,
    UNIQUE (round_id, case_ref)
);

CREATE TABLE audit_task (
    partnership_id  nvarchar(200) NOT NULL,
    task_id         nvarchar(200) NOT NULL PRIMARY KEY,
    deep_dive_id    nvarchar(200) NOT NULL REFERENCES deep_dive(deep_dive_id),
    round_id        nvarchar(200) NOT NULL,
    case_ref        nvarchar(200) NOT NULL,
    agency          nvarchar(200) NOT NULL,
    auditor_id      nvarchar(200) NULL,
    status          nvarchar(200) NOT NULL,
    opened_utc      datetime2 NOT NULL,
    due_utc         datetime2 NOT NULL,
    submitted_utc   datetime2 NULL,
    grade           nvarchar(200) NULL,
    late            int NOT NULL DEFAULT 0,
    answers_json    nvarchar(max) NULL,
    unassigned_reason nvarchar(max) NULL
);
CREATE INDEX ix_audit_task_auditor ON audit_task (partnership_id, auditor_id, status);
CREATE INDEX ix_audit_task_deep_dive ON audit_task (deep_dive_id);

CREATE TABLE re_audit (
    partnership_id      nvarchar(200) NOT NULL,
    re_audit_id         nvarchar(200) NOT NULL PRIMARY KEY,
    source_round_id     nvarchar(200) NOT NULL REFERENCES audit_round(round_id),
    due_utc             datetime2 NOT NULL,
    status              nvarchar(200) NOT NULL,
    re_audit_round_id   nvarchar(200) NULL,
    UNIQUE (source_round_id)
);

CREATE TABLE learning_brief (
    partnership_id  nvarchar(200) NOT NULL,
    round_id        nvarchar(200) NOT NULL PRIMARY KEY REFERENCES audit_round(round_id),
    title           nvarchar(200) NOT NULL,
    body            nvarchar(max) NOT NULL,
    created_utc     datetime2 NOT NULL
);

CREATE TABLE school_feedback (
    partnership_id  nvarchar(200) NOT NULL,
    round_id        nvarchar(200) NOT NULL REFERENCES audit_round(round_id),
    school          nvarchar(200) NOT NULL,
    body            nvarchar(max) NOT NULL,
    created_utc     datetime2 NOT NULL,
    PRIMARY KEY (round_id, school)
);

-- WorkflowCore state, written by our Dapper persistence provider.
CREATE TABLE wf_instance (
    id              nvarchar(200) NOT NULL PRIMARY KEY,
    partnership_id  nvarchar(200) NULL,
    definition_id   nvarchar(200) NOT NULL,
    version         int NOT NULL,
    description     nvarchar(max) NULL,
    reference       nvarchar(200) NULL,
    status          int NOT NULL,
    next_execution  bigint NULL,
    data_json       nvarchar(max) NULL,
    create_time     bigint NOT NULL,
    complete_time   bigint NULL
);
CREATE INDEX ix_wf_instance_runnable ON wf_instance (next_execution) WHERE status = 0;

CREATE TABLE wf_pointer (
    instance_id   nvarchar(200) NOT NULL REFERENCES wf_instance(id),
    id            nvarchar(200) NOT NULL,
    body_json     nvarchar(max) NOT NULL,
    PRIMARY KEY (instance_id, id)
);

CREATE TABLE wf_subscription (
    id                     nvarchar(200) NOT NULL PRIMARY KEY,
    instance_id            nvarchar(200) NOT NULL,
    step_id                int NOT NULL,
    pointer_id             nvarchar(200) NULL,
    event_name             nvarchar(200) NOT NULL,
    event_key              nvarchar(200) NOT NULL,
    subscribe_as_of        bigint NOT NULL,
    data_json              nvarchar(max) NULL,
    external_token         nvarchar(200) NULL,
    external_worker_id     nvarchar(200) NULL,
    external_token_expiry  bigint NULL,
    terminated             int NOT NULL DEFAULT 0
);
CREATE INDEX ix_wf_subscription_event ON wf_subscription (event_name, event_key) WHERE terminated = 0;

CREATE TABLE wf_event (
    id           nvarchar(200) NOT NULL PRIMARY KEY,
    event_name   nvarchar(200) NOT NULL,
    event_key    nvarchar(200) NOT NULL,
    data_json    nvarchar(max) NULL,
    event_time   bigint NOT NULL,
    is_processed int NOT NULL DEFAULT 0
);
CREATE INDEX ix_wf_event_name_key ON wf_event (event_name, event_key, event_time);
CREATE INDEX ix_wf_event_unprocessed ON wf_event (event_time) WHERE is_processed = 0;

CREATE TABLE wf_error (
    id            bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    instance_id   nvarchar(200) NOT NULL,
    pointer_id    nvarchar(200) NULL,
    error_time    bigint NOT NULL,
    message       nvarchar(max) NOT NULL
);

CREATE TABLE wf_scheduled_command (
    command_name  nvarchar(200) NOT NULL,
    data          nvarchar(200) NOT NULL,
    execute_time  bigint NOT NULL,
    PRIMARY KEY (command_name, data)
);
