-- A firing of a cycle's trigger (or a re-audit's) that could not open its round is never only logged: it is kept here
-- with the reason and the attempts, under the round's firing key, until a retry opens the round (deepdive round retry).
CREATE TABLE failed_firing (
    partnership_id     nvarchar(200) NOT NULL,
    firing_key         nvarchar(200) NOT NULL,
    cycle_id           nvarchar(200) NOT NULL,
    kind               nvarchar(200) NOT NULL,
    source_round_id    nvarchar(200) NULL,
    scheduled_for_utc  datetime2 NOT NULL,
    first_tried_utc    datetime2 NOT NULL,
    last_tried_utc     datetime2 NOT NULL,
    attempts           int NOT NULL,
    transient          int NOT NULL,
    reason             nvarchar(max) NOT NULL,
    status             nvarchar(200) NOT NULL,
    round_id           nvarchar(200) NULL,
    resolved_utc       datetime2 NULL,
    resolved_by        nvarchar(200) NULL,
    PRIMARY KEY (partnership_id, firing_key)
);
CREATE INDEX ix_failed_firing_cycle ON failed_firing (partnership_id, cycle_id, scheduled_for_utc);

-- Background jobs that failed (round firings, re-audits, the chase job), one row per job, with the last error, so that
-- 'deepdive status' can show them to a manager from any process.
CREATE TABLE job_failure (
    job_key            nvarchar(200) NOT NULL PRIMARY KEY,
    failures           int NOT NULL,
    first_failed_utc   datetime2 NOT NULL,
    last_failed_utc    datetime2 NOT NULL,
    last_error         nvarchar(max) NOT NULL,
    last_node          nvarchar(200) NULL,
    last_succeeded_utc datetime2 NULL
);
