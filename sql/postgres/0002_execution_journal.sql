-- The journal of step executions: one row per domain step that ran and committed, written in the same
-- transaction as the step's effects. Who (node), what (instance, pointer, step) and when.
CREATE TABLE wf_execution (
    id              bigserial PRIMARY KEY,
    partnership_id  text NULL,
    instance_id     text NOT NULL,
    pointer_id      text NOT NULL,
    step_name       text NOT NULL,
    node            text NOT NULL,
    executed_utc    timestamptz NOT NULL
);
CREATE INDEX ix_wf_execution_instance ON wf_execution (instance_id, pointer_id);
