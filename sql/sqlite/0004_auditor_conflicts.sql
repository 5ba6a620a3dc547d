-- Conflicts of interest and the reasons a round could not assign a task.
-- An auditor's line manager (a staff id): an auditor never audits a case whose worker manages them or whom they manage.
ALTER TABLE auditor ADD manager TEXT NULL;

-- A conflict an auditor declared with one case, a worker's cases or a team's cases: who declared it, when and why.
CREATE TABLE auditor_conflict (
    partnership_id  TEXT NOT NULL REFERENCES partnership(id),
    conflict_id     TEXT NOT NULL PRIMARY KEY,
    auditor_id      TEXT NOT NULL,
    subject_kind    TEXT NOT NULL,
    subject         TEXT NOT NULL,
    reason          TEXT NOT NULL,
    declared_by     TEXT NOT NULL,
    declared_utc    TEXT NOT NULL,
    UNIQUE (partnership_id, auditor_id, subject_kind, subject)
);

-- One row per task a round could not assign: a one-line summary, and as JSON every auditor with the rule that excluded them.
CREATE TABLE unassigned_task (
    partnership_id    TEXT NOT NULL,
    round_id          TEXT NOT NULL REFERENCES audit_round(round_id),
    task_id           TEXT NOT NULL,
    case_ref          TEXT NOT NULL,
    agency            TEXT NOT NULL,
    summary           TEXT NOT NULL,
    explanation_json  TEXT NOT NULL,
    created_utc       TEXT NOT NULL,
    PRIMARY KEY (round_id, task_id)
);
