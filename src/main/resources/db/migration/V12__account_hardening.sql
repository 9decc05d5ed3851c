-- Issue 11 (security): who created each account, case-insensitive usernames, credential epoch for sessions.

-- Who created the account (null for the bootstrap admin and accounts made by start-up jobs). The claim
-- review rule reads it so an account made by a filer cannot approve that filer's claims.
ALTER TABLE account ADD COLUMN created_by BIGINT,
    ADD CONSTRAINT account_created_by_fk FOREIGN KEY (created_by, county_id) REFERENCES account (id, county_id);

-- Bumped by a password change; a form-login session remembers the epoch it started with and ends when the
-- account's epoch has moved on.
ALTER TABLE account ADD COLUMN credential_epoch INT NOT NULL DEFAULT 0;

-- Usernames are case-insensitive. Existing names that differ only in case keep the oldest account's name; the
-- later ones get their id appended (still within 50 characters and the username alphabet) so nothing is lost.
UPDATE account a
SET username = left(a.username, 40) || '-' || a.id
WHERE EXISTS (SELECT 1 FROM account b WHERE lower(b.username) = lower(a.username) AND b.id < a.id);

-- Within a county, as every unique key of a county-owned table (V11); logins name no county, so the account
-- service checks case-insensitively across counties before it creates an account.
CREATE UNIQUE INDEX account_username_lower_uk ON account (lower(username), county_id);
