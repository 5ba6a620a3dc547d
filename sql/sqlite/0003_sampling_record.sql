-- What a committee needs to see how a round's sample was drawn: the design, seed and algorithm, the population
-- snapshot (filter, as-at time, count, hash) and each exclusion with its count, as one JSON document.
ALTER TABLE audit_round ADD sampling_json TEXT NULL;
