-- The four-color read model becomes one row per member, year and branch (was one per member and month): a
-- full-year recompute of a province-size county then compares and writes a twelfth of the rows. The per-branch
-- API still computes the same cells live; this table serves dashboards and is rebuilt by the nightly job.
DROP TABLE four_color_month;

-- colors: one letter per month January..December: R red, P pink, G green, B black, N none (the branch held no
-- themed day), '-' the member does not own the month in this branch (not a member, in another branch, or the
-- month has not ended).
CREATE TABLE four_color_year (
    year        INT         NOT NULL,
    member_id   BIGINT      NOT NULL,
    branch_id   BIGINT      NOT NULL,
    county_id   BIGINT      NOT NULL,
    colors      VARCHAR(12) NOT NULL CHECK (colors ~ '^[RPGBN-]{12}$'),
    computed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (year, member_id, branch_id)
);
CREATE INDEX four_color_year_branch_idx ON four_color_year (branch_id, year);
