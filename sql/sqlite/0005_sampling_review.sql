-- Sampling: more of the case register to filter on, and the manager's review of a draw.
-- case_record: the family (siblings: at most one case per family in a sample), the child's age band, and tags stored as
-- ";neglect;exploitation;" so a filter can match one tag with LIKE '%;tag;%' ('' when the case has none).
ALTER TABLE case_record ADD family_ref TEXT NULL;
ALTER TABLE case_record ADD age_band TEXT NULL;
ALTER TABLE case_record ADD tags TEXT NOT NULL DEFAULT '';
CREATE INDEX ix_case_record_family ON case_record (partnership_id, family_ref);

-- Who locked a round's sample and when ('auto' when the cycle does not ask for a review).
ALTER TABLE audit_round ADD locked_by TEXT NULL;
ALTER TABLE audit_round ADD locked_utc TEXT NULL;

-- How a case came into the list: drawn, a reserve taken for a replacement, or added by hand.
ALTER TABLE sample_case ADD origin TEXT NOT NULL DEFAULT 'drawn';

-- Every change to a round's list, in order: lock, replace (case_ref replaced by replacement_ref), add (by hand).
CREATE TABLE sample_change (
    partnership_id   TEXT NOT NULL,
    round_id         TEXT NOT NULL REFERENCES audit_round(round_id),
    position         INTEGER NOT NULL,
    action           TEXT NOT NULL,
    case_ref         TEXT NULL,
    replacement_ref  TEXT NULL,
    changed_by       TEXT NOT NULL,
    reason           TEXT NULL,
    changed_utc      TEXT NOT NULL,
    PRIMARY KEY (round_id, position)
);
