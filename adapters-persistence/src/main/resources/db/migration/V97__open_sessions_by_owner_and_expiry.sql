-- A session's admission counts its owner's open sessions (pending or processing, not expired) under the owner's lock.
-- This index holds only open sessions, with their expiry, so the count reads the index alone wherever the table's
-- pages are known to be visible, instead of every session of the owner and its row; it replaces the index on
-- (tenant_id, owner, status), which nothing else reads.
CREATE INDEX scan_sessions_open_by_owner_until ON scan_sessions (tenant_id, owner, expires_at)
    WHERE status IN ('PENDING', 'PROCESSING');

DROP INDEX scan_sessions_open_by_owner;
