-- Sampling: more of the case register to filter on, and the manager's review of a draw.
-- case_record: the family (siblings: at most one case per family in a sample), the child's age band, and tags stored as
-- ";neglect;exploitation;" so a filter can match one tag with LIKE '%;tag;%' ('' when the case has none).
ALTER TABLE case_record ADD family_ref nvarchar(200) NULL;
ALTER TABLE case_record ADD age_band nvarchar(200) NULL;
ALTER TABLE case_record ADD tags nvarchar(max) NOT NULL CONSTRAINT df_case_record_tags DEFAULT '';
CREATE INDEX ix_case_record_family ON case_record (partnership_id, family_ref);

-- Who locked a round's sample and when ('auto' when the cycle does not ask for a review).
ALTER TABLE audit_round ADD locked_by nvarchar(200) NULL;
ALTER TABLE audit_round ADD locked_utc datetime2 NULL;

-- How a case came into the list: drawn, a reserve taken for a replacement, or added by hand.
ALTER TABLE sample_case ADD origin nvarchar(200) NOT NULL CONSTRAINT df_sample_case_origin DEFAULT 'drawn';

-- Every change to a round's list, in order: lock, replace (case_ref replaced by replacement_ref), add (by hand).
CREATE TABLE sample_change (
    partnership_id   nvarchar(200) NOT NULL,
    round_id         nvarchar(200) NOT NULL REFERENCES audit_round(round_id),
    position         int NOT NULL,
    action           nvarchar(200) NOT NULL,
    case_ref         nvarchar(200) NULL,
    replacement_ref  nvarchar(200) NULL,
    changed_by       nvarchar(200) NOT NULL,
    reason           nvarchar(max) NULL,
    changed_utc      datetime2 NOT NULL,
    PRIMARY KEY (round_id, position)
);
