-- Notifications (reminders, escalations, rapid-audit notices) are written here in the same transaction as the
-- change that causes them, and delivered afterwards by the outbox dispatcher: by SMTP when configured, otherwise
-- as .eml files. A delivery failure is retried with a growing delay and never blocks a workflow.
CREATE TABLE notification_outbox (
    partnership_id     text NOT NULL,
    notification_id    text NOT NULL PRIMARY KEY,
    dedup_key          text NOT NULL,
    kind               text NOT NULL,
    task_id            text NULL,
    recipient          text NOT NULL,
    recipient_address  text NOT NULL,
    subject            text NOT NULL,
    body               text NOT NULL,
    ics                text NULL,
    created_utc        timestamptz NOT NULL,
    status             text NOT NULL,
    attempts           integer NOT NULL DEFAULT 0,
    next_attempt_utc   timestamptz NOT NULL,
    claimed_by         text NULL,
    claimed_until_utc  timestamptz NULL,
    delivered_utc      timestamptz NULL,
    delivered_via      text NULL,
    last_error         text NULL,
    UNIQUE (partnership_id, dedup_key)
);
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_utc);
-- Where an auditor's reminders go, and (for a line manager) escalations about their auditors' tasks.
ALTER TABLE auditor ADD email text NULL;
