-- A cycle's lifecycle: when it was paused or retired, and its history (added, edited with the previous definition,
-- paused, resumed with the firings it skipped, retired, a firing skipped because the cycle was not active).
ALTER TABLE cycle ADD paused_utc datetime2 NULL;
ALTER TABLE cycle ADD retired_utc datetime2 NULL;

CREATE TABLE cycle_history (
    partnership_id   nvarchar(200) NOT NULL,
    event_id         nvarchar(200) NOT NULL PRIMARY KEY,
    cycle_id         nvarchar(200) NOT NULL,
    position         int NOT NULL,
    at_utc           datetime2 NOT NULL,
    action           nvarchar(200) NOT NULL,
    detail           nvarchar(max) NULL,
    definition_json  nvarchar(max) NULL
);
CREATE INDEX ix_cycle_history_cycle ON cycle_history (partnership_id, cycle_id, position);

-- A round opened after its time (the service was down when it fell due) says so, and which firings it missed; a rapid
-- round gives its deadline (start_note; note belongs to the sample draw); which node opened it.
ALTER TABLE audit_round ADD late int NOT NULL DEFAULT 0;
ALTER TABLE audit_round ADD start_note nvarchar(max) NULL;
ALTER TABLE audit_round ADD opened_by nvarchar(200) NULL;

-- Why a re-audit was moved or skipped (the cycle's rule keeps re-audits within the audit year).
ALTER TABLE re_audit ADD note nvarchar(max) NULL;
