-- Conflicts of interest and the reasons a round could not assign a task.
-- An auditor's line manager (a staff id): an auditor never audits a case whose worker manages them or whom they manage.
ALTER TABLE auditor ADD manager text NULL;

-- A conflict an auditor declared with one case, a worker's cases or a team's cases: who declared it, when and why.
CREATE TABLE auditor_conflict (
    partnership_id  text NOT NULL REFERENCES partnership(id),
    conflict_id     text NOT NULL PRIMARY KEY,
    auditor_id      text NOT NULL,
    subject_kind    text NOT NULL,
    subject         text NOT NULL,
    reason          text NOT NULL,
    declared_by     text NOT NULL,
    declared_utc    timestamptz NOT NULL,
    UNIQUE (partnership_id, auditor_id, subject_kind, subject)
);

-- One row per task a round could not assign: a one-line summary, and as JSON every auditor with the rule that excluded them.
CREATE TABLE unassigned_task (
    partnership_id    text NOT NULL,
    round_id          text NOT NULL REFERENCES audit_round(round_id),
    task_id           text NOT NULL,
    case_ref          text NOT NULL,
    agency            text NOT NULL,
    summary           text NOT NULL,
    explanation_json  text NOT NULL,
    created_utc       timestamptz NOT NULL,
    PRIMARY KEY (round_id, task_id)
);
