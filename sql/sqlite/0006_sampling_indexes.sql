-- The draw leaves out cases audited in the last twelve months: for every case of the population it looks for a
-- deep dive of that case. Without this index each look-up read the whole deep_dive table.
CREATE INDEX ix_deep_dive_case ON deep_dive (partnership_id, case_ref, round_id);
