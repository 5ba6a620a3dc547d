-- A firing of a cycle's trigger (or a re-audit's) that could not open its round is never only logged: it is kept here
-- with the reason and the attempts, under the round's firing key, until a retry opens the round (deepdive round retry).
CREATE TABLE failed_firing (
    partnership_id     TEXT NOT NULL,
    firing_key         TEXT NOT NULL,
    cycle_id           TEXT NOT NULL,
    kind               TEXT NOT NULL,
    source_round_id    TEXT NULL,
    scheduled_for_utc  TEXT NOT NULL,
    first_tried_utc    TEXT NOT NULL,
    last_tried_utc     TEXT NOT NULL,
    attempts           INTEGER NOT NULL,
    transient          INTEGER NOT NULL,
    reason             TEXT NOT NULL,
    status             TEXT NOT NULL,
    round_id           TEXT NULL,
    resolved_utc       TEXT NULL,
    resolved_by        TEXT NULL,
    PRIMARY KEY (partnership_id, firing_key)
);
CREATE INDEX ix_failed_firing_cycle ON failed_firing (partnership_id, cycle_id, scheduled_for_utc);

-- Background jobs that failed (round firings, re-audits, the chase job), one row per job, with the last error, so that
-- 'deepdive status' can show them to a manager from any process.
CREATE TABLE job_failure (
    job_key            TEXT NOT NULL PRIMARY KEY,
    failures           INTEGER NOT NULL,
    first_failed_utc   TEXT NOT NULL,
    last_failed_utc    TEXT NOT NULL,
    last_error         TEXT NOT NULL,
    last_node          TEXT NULL,
    last_succeeded_utc TEXT NULL
);
