-- Name search "contains q" with an index path and no extension (portable to openGauss/Kingbase): q occurs at
-- character k of a name exactly when substr(name, k) starts with q. member_name_idx (V1) serves k = 1, these serve
-- k = 2..4, and the few names longer than four characters are read through a small partial index. The search
-- ORs the five arms, so PostgreSQL combines index scans instead of reading the whole roll.
CREATE INDEX member_name_from2_idx ON member (substr(name, 2) text_pattern_ops);
CREATE INDEX member_name_from3_idx ON member (substr(name, 3) text_pattern_ops);
CREATE INDEX member_name_from4_idx ON member (substr(name, 4) text_pattern_ops);
CREATE INDEX member_long_name_idx ON member (id) WHERE char_length(name) > 4;
-- the same search matches an exact phone number (an ID number has member_id_number_uk)
CREATE INDEX member_phone_idx ON member (county_id, phone);
