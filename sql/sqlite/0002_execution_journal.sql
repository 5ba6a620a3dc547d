-- The journal of step executions: one row per domain step that ran and committed, written in the same
-- transaction as the step's effects. Who (node), what (instance, pointer, step) and when.
CREATE TABLE wf_execution (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id  TEXT NULL,
    instance_id     TEXT NOT NULL,
    pointer_id      TEXT NOT NULL,
    step_name       TEXT NOT NULL,
    node            TEXT NOT NULL,
    executed_utc    TEXT NOT NULL
);
CREATE INDEX ix_wf_execution_instance ON wf_execution (instance_id, pointer_id);
