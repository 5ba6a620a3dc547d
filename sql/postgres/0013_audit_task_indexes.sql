-- Look-ups of audit_task that otherwise read every task of the table, or of the partnership, once it has a few years
-- of tasks: a round's tasks and how many are submitted (round list and round show, a sample's changes, re-audit
-- assignment), the open tasks in due order (the chase job), and the tasks opened in a month (each round's assignment).
CREATE INDEX ix_audit_task_round ON audit_task (round_id, status);
CREATE INDEX ix_audit_task_status_due ON audit_task (status, due_utc);
CREATE INDEX ix_audit_task_opened ON audit_task (partnership_id, opened_utc);
