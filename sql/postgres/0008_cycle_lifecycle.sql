-- A cycle's lifecycle: when it was paused or retired, and its history (added, edited with the previous definition,
-- paused, resumed with the firings it skipped, retired, a firing skipped because the cycle was not active).
ALTER TABLE cycle ADD paused_utc timestamptz NULL;
ALTER TABLE cycle ADD retired_utc timestamptz NULL;

CREATE TABLE cycle_history (
    partnership_id   text NOT NULL,
    event_id         text NOT NULL PRIMARY KEY,
    cycle_id         text NOT NULL,
    position         integer NOT NULL,
    at_utc           timestamptz NOT NULL,
    action           text NOT NULL,
    detail           text NULL,
    definition_json  text NULL
);
CREATE INDEX ix_cycle_history_cycle ON cycle_history (partnership_id, cycle_id, position);

-- A round opened after its time (the service was down when it fell due) says so, and which firings it missed; a rapid
-- round gives its deadline (start_note; note belongs to the sample draw); which node opened it.
ALTER TABLE audit_round ADD late integer NOT NULL DEFAULT 0;
ALTER TABLE audit_round ADD start_note text NULL;
ALTER TABLE audit_round ADD opened_by text NULL;

-- Why a re-audit was moved or skipped (the cycle's rule keeps re-audits within the audit year).
ALTER TABLE re_audit ADD note text NULL;
