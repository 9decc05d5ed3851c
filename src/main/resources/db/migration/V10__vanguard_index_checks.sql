-- The set-based recompute compares a stored row with a new one through a packed signature of its small numbers
-- (7 bits for the score and each quarter, codes for the grade): these checks make the packing exact, and keep a
-- hand-edited row from holding what no rule can produce.
ALTER TABLE vanguard_index
    ADD CONSTRAINT vanguard_index_score_range CHECK (score BETWEEN 0 AND 100),
    ADD CONSTRAINT vanguard_index_quarters_range CHECK (q1 BETWEEN 0 AND 100 AND q2 BETWEEN 0 AND 100
        AND q3 BETWEEN 0 AND 100 AND q4 BETWEEN 0 AND 100),
    ADD CONSTRAINT vanguard_index_grade_known CHECK (grade IN ('EXCELLENT', 'QUALIFIED', 'BASIC', 'WARNING'));
