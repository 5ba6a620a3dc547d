-- The journal of step executions: one row per domain step that ran and committed, written in the same
-- transaction as the step's effects. Who (node), what (instance, pointer, step) and when.
CREATE TABLE wf_execution (
    id              bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
    partnership_id  nvarchar(200) NULL,
    instance_id     nvarchar(200) NOT NULL,
    pointer_id      nvarchar(200) NOT NULL,
    step_name       nvarchar(200) NOT NULL,
    node            nvarchar(200) NOT NULL,
    executed_utc    datetime2 NOT NULL
);
CREATE INDEX ix_wf_execution_instance ON wf_execution (instance_id, pointer_id);
