-- Notifications (reminders, escalations, rapid-audit notices) are written here in the same transaction as the
-- change that causes them, and delivered afterwards by the outbox dispatcher: by SMTP when configured, otherwise
-- as .eml files. A delivery failure is retried with a growing delay and never blocks a workflow.
CREATE TABLE notification_outbox (
    partnership_id     nvarchar(200) NOT NULL,
    notification_id    nvarchar(200) NOT NULL PRIMARY KEY,
    dedup_key          nvarchar(200) NOT NULL,
    kind               nvarchar(200) NOT NULL,
    task_id            nvarchar(200) NULL,
    recipient          nvarchar(200) NOT NULL,
    recipient_address  nvarchar(200) NOT NULL,
    subject            nvarchar(max) NOT NULL,
    body               nvarchar(max) NOT NULL,
    ics                nvarchar(max) NULL,
    created_utc        datetime2 NOT NULL,
    status             nvarchar(200) NOT NULL,
    attempts           int NOT NULL DEFAULT 0,
    next_attempt_utc   datetime2 NOT NULL,
    claimed_by         nvarchar(200) NULL,
    claimed_until_utc  datetime2 NULL,
    delivered_utc      datetime2 NULL,
    delivered_via      nvarchar(200) NULL,
    last_error         nvarchar(max) NULL,
    UNIQUE (partnership_id, dedup_key)
);
CREATE INDEX ix_notification_outbox_due ON notification_outbox (status, next_attempt_utc);
-- Where an auditor's reminders go, and (for a line manager) escalations about their auditors' tasks.
ALTER TABLE auditor ADD email nvarchar(200) NULL;
