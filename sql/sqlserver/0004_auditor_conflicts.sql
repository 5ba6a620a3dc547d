-- Conflicts of interest and the reasons a round could not assign a task.
-- An auditor's line manager (a staff id): an auditor never audits a case whose worker manages them or whom they manage.
ALTER TABLE auditor ADD manager nvarchar(200) NULL;

-- A conflict an auditor declared with one case, a worker's cases or a team's cases: who declared it, when and why.
CREATE TABLE auditor_conflict (
    partnership_id  nvarchar(200) NOT NULL REFERENCES partnership(id),
    conflict_id     nvarchar(200) NOT NULL PRIMARY KEY,
    auditor_id      nvarchar(200) NOT NULL,
    subject_kind    nvarchar(200) NOT NULL,
    subject         nvarchar(200) NOT NULL,
    reason          nvarchar(max) NOT NULL,
    declared_by     nvarchar(200) NOT NULL,
    declared_utc    datetime2 NOT NULL,
    UNIQUE (partnership_id, auditor_id, subject_kind, subject)
);

-- One row per task a round could not assign: a one-line summary, and as JSON every auditor with the rule that excluded them.
CREATE TABLE unassigned_task (
    partnership_id    nvarchar(200) NOT NULL,
    round_id          nvarchar(200) NOT NULL REFERENCES audit_round(round_id),
    task_id           nvarchar(200) NOT NULL,
    case_ref          nvarchar(200) NOT NULL,
    agency            nvarchar(200) NOT NULL,
    summary           nvarchar(max) NOT NULL,
    explanation_json  nvarchar(max) NOT NULL,
    created_utc       datetime2 NOT NULL,
    PRIMARY KEY (round_id, task_id)
);
