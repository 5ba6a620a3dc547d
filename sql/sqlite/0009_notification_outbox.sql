-- Notifications (reminders, escalations, rapid-audit notices) are written here in the same transaction as the
-- change that causes them, and delivered afterwards by the outbox dispatcher: by SMTP when configured, otherwise
-- as .eml files. A delivery failure is retried with a growing delay and never blocks a workflow.
CREATE TABLE notification_outbox (
    partnership_id     TEXT NOT NULL,
    notification_id    TEXT NOT NULL PRIMARY KEY,
    dedup_key          TEXT NOT NULL,
    kind               TEXT NOT NULL,
    task_id            TEXT NULL,
    recipient          TEXT NOT NULL,
    recipient_address  TEXT NOT NULL,
    subject            TEXT NOT NULL,
    body               TEXT NOT NULL,
    ics                TEXT NULL,
    created_utc        TEXT NOT NULL,
    status             TEXT NOT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_attempt_utc   TEXT NOT NULL,
    claimed_by         TEXT NULL,
    claimed_until_utc  TEXT NULL,
    delivered_utc      TEXT NULL,
    delivered_via      TEXT NULL,
    last_error         TEXT NULL,
    UNIQUE (partnership_id, dedup_key)
);
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_utc);
-- Where an auditor's reminders go, and (for a line manager) escalations about their auditors' tasks.
ALTER TABLE auditor ADD email TEXT NULL;
