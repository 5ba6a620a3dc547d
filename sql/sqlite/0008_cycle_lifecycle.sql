-- A cycle's lifecycle: when it was paused or retired, and its history (added, edited with the previous definition,
-- paused, resumed with the firings it skipped, retired, a firing skipped because the cycle was not active).
ALTER TABLE cycle ADD paused_utc TEXT NULL;
ALTER TABLE cycle ADD retired_utc TEXT NULL;

CREATE TABLE cycle_history (
    partnership_id   TEXT NOT NULL,
    event_id         TEXT NOT NULL PRIMARY KEY,
    cycle_id         TEXT NOT NULL,
    position         INTEGER NOT NULL,
    at_utc           TEXT NOT NULL,
    action           TEXT NOT NULL,
    detail           TEXT NULL,
    definition_json  TEXT NULL
);
CREATE INDEX ix_cycle_history_cycle ON cycle_history (partnership_id, cycle_id, position);

-- A round opened after its time (the service was down when it fell due) says so, and which firings it missed; a rapid
-- round gives its deadline (start_note; note belongs to the sample draw); which node opened it.
ALTER TABLE audit_round ADD late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit_round ADD start_note TEXT NULL;
ALTER TABLE audit_round ADD opened_by TEXT NULL;

-- Why a re-audit was moved or skipped (the cycle's rule keeps re-audits within the audit year).
ALTER TABLE re_audit ADD note TEXT NULL;
