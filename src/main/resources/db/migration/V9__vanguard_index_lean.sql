-- The vanguard read model without its per-row settings mark and without the county index. vanguard_year already
-- records the settings a county-year was computed under (a change there triggers a full recompute), so a row whose
-- numbers come out the same under new settings need not be rewritten; a recompute now writes only rows whose
-- numbers changed, so the pages no longer need room for in-place rewrites of every row, and a first build writes
-- half the pages and one index instead of two. Lists reach the rows from members through the primary key.
ALTER TABLE vanguard_index DROP COLUMN settings_hash;
DROP INDEX vanguard_index_county_year_idx;
ALTER TABLE vanguard_index SET (fillfactor = 100);
