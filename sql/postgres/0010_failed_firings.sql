-- A firing of a cycle's trigger (or a re-audit's) that could not open its round is never only logged: it is kept here
-- with the reason and the attempts, under the round's firing key, until a retry opens the round (deepdive round retry).
CREATE TABLE failed_firing (
    partnership_id     text NOT NULL,
    firing_key         text NOT NULL,
    cycle_id           text NOT NULL,
    kind               text NOT NULL,
    source_round_id    text NULL,
    scheduled_for_utc  timestamptz NOT NULL,
    first_tried_utc    timestamptz NOT NULL,
    last_tried_utc     timestamptz NOT NULL,
    attempts           integer NOT NULL,
    transient          integer NOT NULL,
    reason             text NOT NULL,
    status             text NOT NULL,
    round_id           text NULL,
    resolved_utc       timestamptz NULL,
    resolved_by        text NULL,
    PRIMARY KEY (partnership_id, firing_key)
);
CREATE INDEX ix_failed_firing_cycle ON failed_firing (partnership_id, cycle_id, scheduled_for_utc);

-- Background jobs that failed (round firings, re-audits, the chase job), one row per job, with the last error, so that
-- 'deepdive status' can show them to a manager from any process.
CREATE TABLE job_failure (
    job_key            text NOT NULL PRIMARY KEY,
    failures           integer NOT NULL,
    first_failed_utc   timestamptz NOT NULL,
    last_failed_utc    timestamptz NOT NULL,
    last_error         text NOT NULL,
    last_node          text NULL,
    last_succeeded_utc timestamptz NULL
);
